"""The long fuzz campaign (issue 5): millions of damaged pages and text copies through jnparse.

    python -m tests.fuzz_long --inputs 1000000 --jobs 2

Each input is a fixture or corpus page (or text copy) with 1-4 random damages (truncation, deleted,
duplicated or reversed pieces, random bytes, renamed tags, mislabelled charsets, shuffled classes),
or a random byte/character string. Allowed outcomes: an Article or a jnparse error. Anything else
(another exception, a RecursionError) is a crash, and an input slower than --slow seconds is
reported; both are saved under --out for replay. Prints the counts at the end.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jnparse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _inputs() -> tuple[list[bytes], list[str]]:
    pages = [p.read_bytes() for p in sorted((ROOT / "fixtures").glob("*/*.html"))]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/*.txt"))]
    if CORPUS.exists():
        pages += [p.read_bytes() for p in sorted(CORPUS.glob("*/*.html"))]
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    return pages, texts


def _worker(args: tuple[int, int, float, str]) -> tuple[Counter[str], list[str]]:
    from tests.test_hostile import mutate

    seed, count, slow, out = args
    pages, texts = _inputs()
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    problems: list[str] = []
    for n in range(count):
        roll = rng.random()
        text_mode = roll < 0.2
        data: bytes | str
        if roll < 0.05:
            data = rng.randbytes(rng.randrange(0, 2000)).decode("utf-8", "replace")
        elif text_mode:
            base = rng.choice(texts).encode("utf-8")
            for _ in range(rng.randrange(1, 5)):
                base = mutate(base, rng)
            data = base.decode("utf-8", "replace")
        elif roll < 0.25:
            data = rng.randbytes(rng.randrange(0, 4000))
        else:
            data = rng.choice(pages)
            for _ in range(rng.randrange(1, 5)):
                data = mutate(data, rng)
        t0 = time.perf_counter()
        try:
            if text_mode:
                jnparse.parse_text(str(data))
            else:
                jnparse.parse(data)
            counts["article"] += 1
        except jnparse.ParseError as e:
            counts[type(e).__name__] += 1
        except BaseException as e:
            counts["CRASH"] += 1
            name = Path(out) / f"crash-{seed}-{n}.{'txt' if text_mode else 'html'}"
            name.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
            problems.append(f"{name}: {''.join(traceback.format_exception_only(type(e), e)).strip()}")
        elapsed = time.perf_counter() - t0
        if elapsed > slow:
            counts["SLOW"] += 1
            name = Path(out) / f"slow-{seed}-{n}.{'txt' if text_mode else 'html'}"
            name.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
            problems.append(f"{name}: {elapsed:.2f}s")
    return counts, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--slow", type=float, default=2.0, help="seconds after which an input counts as slow")
    ap.add_argument("--out", default="fuzz-findings")
    args = ap.parse_args()
    Path(args.out).mkdir(exist_ok=True)
    chunks = 200
    per = max(1, args.inputs // chunks)
    tasks = [(args.seed * 100_003 + i, per, args.slow, args.out) for i in range(chunks)]
    total: Counter[str] = Counter()
    problems: list[str] = []
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as ex:
        for counts, found in ex.map(_worker, tasks):
            total.update(counts)
            problems += found
    seconds = time.perf_counter() - t0
    tried = sum(v for k, v in total.items() if k != "SLOW")
    print(f"inputs tried: {tried} in {seconds:.0f} s ({args.jobs} processes)")
    for k, v in total.most_common():
        print(f"  {k:24} {v}")
    for p in problems[:50]:
        print("  " + p)
    print(f"crashes: {total['CRASH']}, slow inputs: {total['SLOW']}")
    return 1 if total["CRASH"] or total["SLOW"] else 0


if __name__ == "__main__":
    sys.exit(main())
