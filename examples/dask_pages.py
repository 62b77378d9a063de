"""Parse a directory of pages, or WARC files, in parallel with a Dask bag.

    python examples/dask_pages.py OUT_DIR INPUT...      # INPUT: directories, files, WARC files

On one machine this starts a local cluster. On a real cluster (Kubernetes, YARN, SLURM through
dask-jobqueue, Coiled, ...) pass that cluster's Client instead: the code does not change. For Common
Crawl, give each task one WARC file (they are about 1 GB each) and let the bag spread the files over the
workers; each worker streams its file record by record, so memory per worker stays flat.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import dask.bag as db

from jnparse.batch import Options, Task, expand, iter_tasks, run_task


def tasks_of(inputs: Iterable[str]) -> list[str]:
    """One entry per file (a WARC file is one entry: it is read inside the task)."""
    return [str(p) for p in expand(inputs) if isinstance(p, Path)]


def parse_file(path: str) -> Iterator[str]:
    """JSON lines for one file: one for a page, one per HTML record of a WARC file."""
    for task in iter_tasks([path], Options()):
        yield run_task(task).line


def parse_with_dask(inputs: Iterable[str], out_dir: str, *, partitions: int | None = None) -> list[str]:
    """Write ``out_dir/0.jsonl``, ``1.jsonl``, ...: one JSON line per page, in input order."""
    files = tasks_of(inputs)
    bag = db.from_sequence(files, npartitions=partitions or max(1, min(len(files), 64)))
    lines = bag.map(lambda f: list(parse_file(f))).flatten()
    written: list[str] = lines.to_textfiles(f"{out_dir}/*.jsonl", last_endline=True)
    return written


def count_by_site(inputs: Iterable[str]) -> dict[str, int]:
    """An aggregate instead of files: how many pages per site (errors counted under "error")."""
    files = tasks_of(inputs)
    records = db.from_sequence(files, npartitions=max(1, min(len(files), 64))).map(
        lambda f: list(parse_file(f))).flatten().map(json.loads)
    counts = records.map(lambda r: r.get("site", "error")).frequencies().compute()
    return dict(counts)


__all__ = ["Task", "count_by_site", "parse_file", "parse_with_dask", "tasks_of"]


if __name__ == "__main__":
    from dask.distributed import Client, LocalCluster

    out, inputs = sys.argv[1], sys.argv[2:]
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        for name in parse_with_dask(inputs, out):
            print(name)
        print(json.dumps(count_by_site(inputs), sort_keys=True))
