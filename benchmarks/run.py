"""jnparse's speed against the floor (lxml parsing the same bytes), per site, in one interleaved run.

    python benchmarks/run.py                 # fixtures + ../shared/corpus when present
    python benchmarks/run.py --reps 200 --jobs 2

Prints per site the median ms per page of jnparse and of lxml.html.document_fromstring, and their
ratio; parse_text per KiB of text; trafilatura and fundus side by side when installed; and the batch
scaling of parsing all pages with N worker processes against one.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import lxml.html

import jnparse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def pages() -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for p in sorted((ROOT / "fixtures").glob("*/*.html")):
        found.append((p.parent.name, p))
    if CORPUS.exists():
        for p in sorted(CORPUS.glob("*/*.html")):
            found.append((f"corpus:{p.parent.name}", p))
    return found


def peers() -> dict[str, Callable[[bytes], object]]:
    out: dict[str, Callable[[bytes], object]] = {}
    try:
        import trafilatura

        out["trafilatura"] = lambda b: trafilatura.bare_extraction(b, with_metadata=True)
    except ImportError:
        pass
    return out


def _parse_one(path: str) -> int:
    try:
        return len(jnparse.parse(Path(path).read_bytes()).body)
    except jnparse.ParseError:
        return 0


def batch(paths: list[Path], jobs: int, rounds: int) -> float:
    work = [str(p) for p in paths] * rounds
    t0 = time.perf_counter()
    if jobs == 1:
        for p in work:
            _parse_one(p)
    else:
        with ProcessPoolExecutor(jobs) as ex:
            list(ex.map(_parse_one, work, chunksize=8))
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=20, help="copies of the page set in the batch test")
    args = ap.parse_args()
    extra = peers()
    per_site: dict[str, list[float]] = defaultdict(list)
    print(f"{'page':58} {'lxml ms':>8} {'jnparse':>8} {'ratio':>6}" + "".join(f" {k:>12}" for k in extra))
    all_pages = pages()
    for site, path in all_pages:
        data = path.read_bytes()
        try:
            jnparse.parse(data)
        except jnparse.ParseError:
            continue
        funcs: dict[str, Callable[[bytes], object]] = {
            "floor": lambda b: lxml.html.document_fromstring(b),
            "jnparse": lambda b: jnparse.parse(b),
            **extra,
        }
        times: dict[str, list[float]] = {k: [] for k in funcs}
        gc.collect()
        for _ in range(args.reps):
            for k, f in funcs.items():
                t0 = time.perf_counter()
                f(data)
                times[k].append(time.perf_counter() - t0)
        med = {k: statistics.median(v) for k, v in times.items()}
        ratio = med["jnparse"] / med["floor"]
        per_site[site].append(ratio)
        name = f"{site}/{path.name}"[:58]
        print(f"{name:58} {med['floor'] * 1e3:8.3f} {med['jnparse'] * 1e3:8.3f} {ratio:6.2f}"
              + "".join(f" {med[k] * 1e3:12.3f}" for k in extra))
    print("\nper site (geometric mean of jnparse/lxml):")
    for site, rs in sorted(per_site.items()):
        print(f"  {site:24} {math.exp(sum(map(math.log, rs)) / len(rs)):.2f}  ({len(rs)} pages)")
    texts = sorted((ROOT / "fixtures").glob("*/*.txt"))
    if texts:
        total_kib, total_s = 0.0, 0.0
        for p in texts:
            t = p.read_text(encoding="utf-8")
            runs = []
            for _ in range(args.reps):
                t0 = time.perf_counter()
                with contextlib.suppress(jnparse.ParseError):
                    jnparse.parse_text(t)
                runs.append(time.perf_counter() - t0)
            total_kib += len(t.encode()) / 1024
            total_s += statistics.median(runs)
        print(f"\nparse_text: {total_s / total_kib * 1e3:.3f} ms per KiB over {len(texts)} text copies")
    paths = [p for _, p in all_pages]
    one = batch(paths, 1, args.rounds)
    many = batch(paths, args.jobs, args.rounds)
    print(f"\nbatch of {len(paths) * args.rounds} pages: 1 process {one:.2f} s, {args.jobs} processes {many:.2f} s, "
          f"scaling x{one / many:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
