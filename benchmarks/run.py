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
import io
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
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


BATCH_RUNS = 5  # interleaved runs of each batch configuration


def _cpu() -> float:
    """CPU seconds of this process and of its children that have exited (the workers, a `jnparse` run)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _machine_busy() -> float | None:
    """CPU seconds all processes have used since boot (Linux), to see what else ran during a measurement."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(fields[:3]) + sum(fields[5:8])) / os.sysconf("SC_CLK_TCK")  # user nice system irq softirq steal


def _timed(run: Callable[[], object]) -> tuple[float, float | None]:
    """Wall seconds of run(), and the cores other processes kept busy meanwhile (None: unknown)."""
    busy0, cpu0, t0 = _machine_busy(), _cpu(), time.perf_counter()
    run()
    wall, cpu, busy1 = time.perf_counter() - t0, _cpu() - cpu0, _machine_busy()
    others = None if busy0 is None or busy1 is None else max(0.0, busy1 - busy0 - cpu) / wall
    return wall, others


def batch_scaling(paths: list[Path], jobs: int, rounds: int) -> list[str]:
    """`jnparse batch` over a directory of the pages (`rounds` copies of each) with 1 process and with `jobs`.

    Both do the same work through the same code (jnparse.batch.batch: read, parse, one JSON line per
    page to a file). 1 process is --jobs 1, parsing in the main process; `jobs` is that many worker
    processes. Runs alternate, and each ratio is of a 1-process and a `jobs` run side by side, so a
    slower minute on the shared machine hits both. "warm": in this process, after a first untimed run,
    so both parse with imports done and caches filled (forked workers inherit them): the throughput a
    long batch settles at. "fresh": `python -m jnparse batch` from a new interpreter, with the
    imports and each worker's first pages of each kind (a generic page first imports trafilatura).
    """
    from jnparse.batch import _start_method, batch

    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jnparse-batch-") as tmp:
        root = Path(tmp) / "pages"
        for r in range(rounds):
            for i, p in enumerate(paths):
                dest = root / f"{r:03d}" / f"{i:03d}-{p.name}"
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, dest)
        out = Path(tmp) / "out.jsonl"

        def in_process(n: int) -> int:
            with out.open("w", encoding="utf-8") as f:
                return batch([str(root)], f, jobs=n, err=io.StringIO()).pages

        def new_interpreter(n: int) -> None:
            cmd = [sys.executable, "-m", "jnparse", "batch", str(root), "--jobs", str(n), "-o", str(out)]
            if subprocess.run(cmd, check=False, capture_output=True).returncode not in (0, 1):
                raise RuntimeError(f"{' '.join(cmd)} failed")

        def warm(n: int) -> Callable[[], object]:
            return lambda: in_process(n)

        def fresh(n: int) -> Callable[[], object]:
            return lambda: new_interpreter(n)

        pages = in_process(1)
        method = _start_method()
        for label, make in (("warm", warm), ("fresh", fresh)):
            times: dict[int, list[float]] = {1: [], jobs: []}
            others: list[float] = []
            for i in range(BATCH_RUNS):
                for n in ((1, jobs) if i % 2 == 0 else (jobs, 1)):
                    wall, busy = _timed(make(n))
                    times[n].append(wall)
                    if busy is not None:
                        others.append(busy)
            ratios = sorted(a / b for a, b in zip(times[1], times[jobs], strict=True))
            one, many = statistics.median(times[1]), statistics.median(times[jobs])
            lines.append(
                f"  {label:5}  1 process {one:.2f} s ({min(times[1]):.2f}-{max(times[1]):.2f}), "
                f"{jobs} processes {many:.2f} s ({min(times[jobs]):.2f}-{max(times[jobs]):.2f}): "
                f"x{statistics.median(ratios):.2f} (run by run x{ratios[0]:.2f}-x{ratios[-1]:.2f})"
                + (f"; other processes kept {max(others):.2f} cores busy at most" if others else ""))
    head = f"batch of {pages} pages, median of {BATCH_RUNS} interleaved runs (workers started by {method}):"
    return [head, *lines]


# -- pages at the size of real ones -----------------------------------------------------------------
# The authored fixtures hold an article and little else (2-25 KiB); real pages wrap it in 50-400 KiB
# of menus, footers, scripts and styles, which a parser must read past. ``at_page_size`` wraps a
# fixture in invented chrome of that kind (neutral class names, made-up links, a script and a style
# of realistic size), so each site's ratio is measured at a realistic size, and checks that the
# wrapped page gives the same Article as the fixture.

def _chrome() -> tuple[bytes, bytes]:
    menu = "".join(
        f'<li class="menu-item"><a href="/section-{i}/">Section {i}</a><ul class="sub-menu">'
        + "".join(f'<li class="menu-item"><a href="/section-{i}/topic-{j}/">Topic {i}.{j}</a></li>' for j in range(12))
        + "</ul></li>"
        for i in range(14)
    )
    script = "var siteConfig = {" + ",".join(f'"key{i}": "value {i} for the tag manager"' for i in range(300)) + "};"
    style = "".join(f".block-{i} {{ margin: {i % 7}px; padding: {i % 5}px; color: #{i:06x}; }}\n" for i in range(250))
    top = (f'<div class="site-top"><style>{style}</style><div class="cookie-note"><p>This site uses cookies to '
           f'remember your settings.</p><button type="button">OK</button></div><header class="site-head">'
           f'<a class="site-logo" href="/">Front page</a><nav class="site-nav"><ul class="menu">{menu}</ul></nav>'
           f'<form class="site-search" action="/search"><input name="q"></form></header></div>')
    foot_links = "".join(f'<li><a href="/info/page-{i}/">Information page {i}</a></li>' for i in range(80))
    bottom = (f'<div class="site-bottom"><div class="foot-links"><ul>{foot_links}</ul></div>'
              f'<p class="foot-note">Company information, terms of use and contact details.</p>'
              f'<script>{script}</script><script>{script.replace("siteConfig", "adConfig")}</script></div>')
    return top.encode(), bottom.encode()


_TOP, _BOTTOM = _chrome()


def at_page_size(data: bytes) -> bytes | None:
    """The page with the chrome inside ``<body>`` (``None`` when it has no body tags to place it by)."""
    open_at = data.find(b"<body")
    open_end = data.find(b">", open_at) + 1 if open_at >= 0 else 0
    close_at = data.rfind(b"</body>")
    if open_at < 0 or open_end <= 0 or close_at < open_end:
        return None
    return data[:open_end] + _TOP + data[open_end:close_at] + _BOTTOM + data[close_at:]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=20, help="copies of the page set in the batch test")
    ap.add_argument("--page-size", action="store_true",
                    help="wrap each fixture in invented chrome to the size of a real page (see at_page_size)")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch scaling measurement")
    args = ap.parse_args()
    extra = peers()
    per_site: dict[str, list[float]] = defaultdict(list)
    print(f"{'page':58} {'lxml ms':>8} {'jnparse':>8} {'ratio':>6}" + "".join(f" {k:>12}" for k in extra))
    all_pages = pages()
    for site, path in all_pages:
        data = path.read_bytes()
        try:
            expected = jnparse.parse(data).to_dict()
        except jnparse.ParseError:
            continue
        if args.page_size and not site.startswith("corpus:"):
            wrapped = at_page_size(data)
            if wrapped is None:
                continue
            try:
                same = jnparse.parse(wrapped).to_dict() == expected
            except jnparse.ParseError:
                same = False
            if not same:
                print(f"{site}/{path.name}: the page wrapped in chrome gives a different Article (not timed)")
                continue
            data = wrapped
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
        name = f"{site}/{path.name}"[:58 - 3 * args.page_size] + (" +c" if args.page_size else "")
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
    if not args.no_batch:
        print("\n" + "\n".join(batch_scaling([p for _, p in all_pages], args.jobs, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
