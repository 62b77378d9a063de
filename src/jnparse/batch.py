"""Parsing many pages: files, directories, globs and WARC files, in worker processes, streamed.

:func:`iter_tasks` expands the inputs lazily into :class:`Task` s (a file to read, or a page already
read out of a WARC file); :func:`run` parses them in order, in ``jobs`` worker processes, and yields
one :class:`Outcome` per page: a JSON line (the Article's dict plus ``"source"``) or an error record
``{"source", "error", "message"}`` — a bad page never stops the batch.

Memory stays flat in the number of pages: tasks are read from the inputs only as fast as the workers
take them (a bounded window of chunks is in flight) and every result is handed on as soon as it is
ready, never collected.
"""

from __future__ import annotations

import collections
import datetime as dt
import glob
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from .api import parse, parse_text
from .errors import InputError, ParseError
from .warc import is_warc, iter_warc

#: Suffixes of the files a directory is searched for (recursively).
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".txt")
#: Suffixes read as text copies (``parse_text``) unless ``--text`` says every input is one.
TEXT_SUFFIXES: tuple[str, ...] = (".txt",)

_GLOB_CHARS = frozenset("*?[")


@attrs.frozen
class Options:
    """How every page of a batch is parsed. ``text=None`` decides by suffix (``.txt`` = text copy)."""

    text: bool | None = None
    url: str | None = None
    site: str | None = None
    fetched: dt.datetime | None = None


@attrs.frozen
class Task:
    """One page to parse: a ``path`` to read, or ``content`` already read (a WARC record)."""

    source: str
    path: str | None = None
    content: bytes | None = None
    url: str | None = None
    fetched: dt.datetime | None = None
    text: bool = False
    site: str | None = None
    record_id: str | None = None
    #: an input that could not be expanded (no such file): reported as an error record
    error: tuple[str, str] | None = None


@attrs.frozen
class Outcome:
    """The result for one page: its JSON line and what ``jnparse check`` needs."""

    source: str
    ok: bool
    line: str
    site: str | None = None
    #: (field, code) of every warning of the Article
    notices: tuple[tuple[str, str], ...] = ()
    error: str | None = None


# -- inputs ---------------------------------------------------------------------------------------------

def _is_page(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(PAGE_SUFFIXES) or is_warc(name)


def expand(inputs: Iterable[str]) -> Iterator[Path | tuple[str, str]]:
    """Files, in order: a file as given, a directory's pages (recursive, sorted), a glob's matches.

    An input that names nothing yields ``(input, message)`` instead of a path.
    """
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for found in sorted(p.rglob("*")):
                if found.is_file() and _is_page(found):
                    yield found
        elif p.exists():
            yield p
        elif _GLOB_CHARS.intersection(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield item, "the pattern matches no file"
            yield from files
        else:
            yield item, "no such file or directory"


def iter_tasks(inputs: Iterable[str], options: Options = Options()) -> Iterator[Task]:
    """The pages of the inputs, lazily: WARC files are read record by record as the workers need them."""
    for found in expand(inputs):
        if isinstance(found, tuple):
            yield Task(source=found[0], error=("InputError", found[1]))
            continue
        name = str(found)
        if is_warc(name):
            yield from _warc_tasks(name, options)
            continue
        text = options.text if options.text is not None else found.name.lower().endswith(TEXT_SUFFIXES)
        yield Task(source=name, path=name, url=options.url, fetched=options.fetched, text=text, site=options.site)


def _warc_tasks(name: str, options: Options) -> Iterator[Task]:
    try:
        for page in iter_warc(name):
            yield Task(
                source=page.url or f"{name}#{page.offset}",
                content=page.content,
                url=page.url,
                fetched=page.fetched or options.fetched,
                site=options.site,
                record_id=page.record_id,
            )
    except ParseError as e:  # the extra is missing
        yield Task(source=name, error=(type(e).__name__, str(e)))
    except Exception as e:  # a truncated or corrupt archive: report it, go on with the next input
        yield Task(source=name, error=("WarcError", f"{type(e).__name__}: {e}"))


# -- one page ---------------------------------------------------------------------------------------------

def _error(source: str, kind: str, message: str) -> Outcome:
    line = json.dumps({"source": source, "error": kind, "message": message}, ensure_ascii=False)
    return Outcome(source=source, ok=False, line=line, error=kind)


def run_task(task: Task) -> Outcome:
    """Parse one page. Never raises: any failure becomes an error record."""
    if task.error is not None:
        return _error(task.source, *task.error)
    try:
        data = task.content if task.content is not None else Path(task.path or "").read_bytes()
        if task.text:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise InputError("the text copy is not UTF-8") from None
            article = parse_text(text, url=task.url, site=task.site, fetched=task.fetched)
        else:
            article = parse(data, url=task.url, site=task.site, fetched=task.fetched)
    except OSError as e:
        return _error(task.source, type(e).__name__, e.strerror or str(e))
    except Exception as e:  # ParseError, and anything else: one bad page must not stop a crawl
        return _error(task.source, type(e).__name__, str(e))
    record: dict[str, Any] = {"source": task.source}
    if task.record_id is not None:
        record["warc_record_id"] = task.record_id
    record.update(article.to_dict())
    return Outcome(
        source=task.source,
        ok=True,
        line=json.dumps(record, ensure_ascii=False),
        site=article.site,
        notices=tuple((n.field, n.code) for n in article.warnings),
    )


def _run_chunk(chunk: list[Task]) -> list[Outcome]:
    return [run_task(t) for t in chunk]


# -- many pages -----------------------------------------------------------------------------------------

T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run(tasks: Iterable[Task], *, jobs: int = 1, chunksize: int = 8) -> Iterator[Outcome]:
    """Parse every task, in input order, with ``jobs`` worker processes (1: in this process).

    At most ``2 * jobs`` chunks of ``chunksize`` tasks are in flight: the inputs are read no faster
    than the workers parse them (``Pool.imap`` would read every input ahead into its queue).
    """
    if jobs <= 1:
        for task in tasks:
            yield run_task(task)
        return
    window = 2 * jobs
    # forkserver (spawn where there is none): forking a process that runs threads can deadlock the
    # child, and a ProcessPoolExecutor reports a dead worker instead of waiting for it forever
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        pending: collections.deque[tuple[list[Task], Future[list[Outcome]]]] = collections.deque()
        for chunk in _chunks(tasks, chunksize):
            pending.append((chunk, pool.submit(_run_chunk, chunk)))
            if len(pending) >= window:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


def _results(chunk: list[Task], future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool as e:  # a worker died (killed, out of memory): its pages get error records
        return [_error(t.source, "WorkerDied", f"the worker process parsing this page died: {e}") for t in chunk]


# -- reporting -------------------------------------------------------------------------------------------

@attrs.define
class Tally:
    """Counts for the summary line."""

    pages: int = 0
    ok: int = 0
    errors: int = 0
    started: float = attrs.field(factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.pages += 1
        if outcome.ok:
            self.ok += 1
        else:
            self.errors += 1

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self, command: str = "batch") -> str:
        s = self.seconds
        rate = self.pages / s if s > 0 else 0.0
        return (f"jnparse {command}: {self.pages} pages, {self.ok} ok, {self.errors} errors, "
                f"{s:.2f} seconds ({rate:.0f} pages/s)")


class Progress:
    """A one-line progress display on a terminal; nothing at all when the stream is not a terminal."""

    def __init__(self, stream: IO[str], tally: Tally, *, every: float = 0.2) -> None:
        self.stream = stream
        self.tally = tally
        self.every = every
        self.enabled = _isatty(stream)
        self._last = 0.0
        self._shown = False

    def update(self) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < self.every:
            return
        self._last = now
        t = self.tally
        s = t.seconds
        rate = t.pages / s if s > 0 else 0.0
        self.stream.write(f"\r{t.pages} pages, {t.ok} ok, {t.errors} errors, {rate:.0f} pages/s ")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def batch(
    inputs: Sequence[str],
    out: IO[str],
    *,
    options: Options = Options(),
    jobs: int = 1,
    err: IO[str] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Tally:
    """Parse the inputs and write one JSON line per page to ``out``; progress and summary to ``err``."""
    err = sys.stderr if err is None else err
    tally = Tally()
    progress = Progress(err, tally)
    try:
        for outcome in run(iter_tasks(inputs, options), jobs=jobs):
            out.write(outcome.line + "\n")
            tally.add(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
            progress.update()
    finally:
        progress.close()
    return tally


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


__all__ = [
    "PAGE_SUFFIXES",
    "TEXT_SUFFIXES",
    "Options",
    "Outcome",
    "Progress",
    "Tally",
    "Task",
    "batch",
    "default_jobs",
    "expand",
    "iter_tasks",
    "run",
    "run_task",
]
