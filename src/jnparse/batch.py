"""Parsing many pages: files, directories, globs and WARC files, in worker processes, streamed.

:func:`iter_tasks` expands the inputs lazily into :class:`Task` s (a file to read, or a page already
read out of a WARC file); :func:`run` parses them in order, in ``jobs`` worker processes, and yields
one :class:`Outcome` per page: a JSON line (the Article's dict plus ``"source"``) or an error record
``{"source", "error", "message"}`` — a bad page never stops the batch.

Memory stays flat in the number of pages: tasks are read from the inputs only as fast as the workers
take them (a bounded window of tasks is in flight) and every result is handed on as soon as it is
ready, never collected.
"""

from __future__ import annotations

import collections
import datetime as dt
import glob
import json
import multiprocessing
import operator
import os
import pickle
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO, Any

import attrs

from .api import parse, parse_text
from .errors import InputError, ParseError
from .warc import is_warc, iter_warc

#: Suffixes of the files a directory is searched for (recursively).
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".html.gz", ".htm.gz", ".mhtml", ".mht", ".txt")
#: Suffixes read as text copies (``parse_text``) unless ``--text`` says every input is one. (A directory is not
#: searched for Markdown files: a folder of pages keeps its README.md; name such copies, or use ``--text``.)
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")

_GLOB_CHARS = frozenset("*?[")


@attrs.frozen
class Options:
    """How every page of a batch is parsed. ``text=None`` decides by suffix (``.txt``, ``.md``: a text copy)."""

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

def _is_page_name(name: str) -> bool:
    name = name.lower()
    return name.endswith(PAGE_SUFFIXES) or is_warc(name)


def expand(inputs: Iterable[str]) -> Iterator[Path | tuple[str, str]]:
    """Files, in order: a file as given, a directory's pages (recursive, sorted), a glob's matches.

    An input that names nothing yields ``(input, message)`` instead of a path.
    """
    for found in _files(inputs):
        yield found if isinstance(found, tuple) else Path(found)


def _files(inputs: Iterable[str]) -> Iterator[str | tuple[str, str]]:
    """``expand`` with each path as a string, as ``str(Path)`` writes it."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from _pages_under(p)
        elif p.exists():
            yield str(p)
        elif _GLOB_CHARS.intersection(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [str(Path(m)) for m in matches if Path(m).is_file()]
            if not files:
                yield item, "the pattern matches no file"
            yield from files
        else:
            yield item, "no such file or directory"


def _pages_under(root: Path) -> list[str]:
    """The pages in a directory and its subdirectories, sorted: ``sorted(root.rglob("*"))`` cut down to
    page files, but read with ``os.scandir`` (which knows an entry's type without a ``stat`` call) and
    sorted by a key instead of by comparing Path objects; making, hashing and comparing those took a
    fifth of the main process's time in a batch. As with ``rglob``, links to directories are not
    followed and unreadable directories are skipped.
    """
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(directory: str, shown: str, key: tuple[str, ...]) -> None:
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except PermissionError:
            return
        for entry in entries:
            # written as str(Path(shown, name)): Path(".", "a.html") is "a.html"
            path = entry.name if shown == "." else os.path.join(shown, entry.name)
            try:
                if entry.is_dir() and not entry.is_symlink():
                    walk(entry.path, path, (*key, os.path.normcase(entry.name)))
                elif entry.is_file() and _is_page_name(entry.name):
                    found.append(((*key, os.path.normcase(entry.name)), path))
            except OSError:  # gone since, or a link into an unreadable place
                continue

    top = str(root)
    walk(top, top, ())
    found.sort(key=lambda kp: kp[0])
    return [path for _, path in found]


def iter_tasks(inputs: Iterable[str], options: Options = Options()) -> Iterator[Task]:
    """The pages of the inputs, lazily: WARC files are read record by record as the workers need them."""
    for found in _files(inputs):
        if isinstance(found, tuple):
            yield Task(source=found[0], error=("InputError", found[1]))
            continue
        if is_warc(found):
            yield from _warc_tasks(found, options)
            continue
        text = options.text if options.text is not None else os.path.basename(found).lower().endswith(TEXT_SUFFIXES)
        yield Task(source=found, path=found, url=options.url, fetched=options.fetched, text=text, site=options.site)


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


# -- many pages -----------------------------------------------------------------------------------------

#: Most tasks in a chunk sent to a worker. Every chunk wakes the main process, which takes a core from
#: the workers for a fraction of a millisecond; so chunks are big while much work lies ahead and shrink
#: at the end of the inputs, for the workers to finish together.
CHUNKSIZE = 16
#: Tasks read from the inputs and not yet handed on, per worker. Lines go out in input order, so while
#: one worker is on a slow chunk (the first generic page in a worker imports trafilatura: 0.3 s) the
#: others run at most this far ahead before they wait for it.
WINDOW_TASKS = 128
#: ... and, whatever the count, no more bytes than this held for them: pages read out of WARC files
#: and results.
WINDOW_BYTES = 64 * 1024 * 1024
#: Chunks queued in a worker's pipe behind the one it parses, so that it goes on without waiting for
#: the main process, which on a busy machine may not run for some milliseconds.
QUEUED = 1
#: A chunk is queued behind others only while the bytes waiting unread in the worker's pipe stay
#: within this, or a quarter of the pipe's buffer where that is larger (52 KB on Linux). A worker that
#: has parsed a chunk and is blocked sending the result reads nothing, so the main process must never
#: block sending it a chunk: the two would wait for each other. A worker with nothing queued reads a
#: chunk of any size at once.
QUEUE_BYTES = 2048

# Tasks and outcomes cross the pipes as tuples: cheaper to pickle than attrs instances.
_TASK_FIELDS = operator.attrgetter(*(f.name for f in attrs.fields(Task)))
_OUTCOME_FIELDS = operator.attrgetter(*(f.name for f in attrs.fields(Outcome)))


def run(
    tasks: Iterable[Task], *, jobs: int = 1, chunksize: int = CHUNKSIZE, window: int | None = None,
) -> Iterator[Outcome]:
    """Parse every task, in input order, with ``jobs`` worker processes (1: in this process).

    At most ``window`` tasks (default ``WINDOW_TASKS * jobs``; fewer when they hold more than
    ``WINDOW_BYTES``) are read from the inputs and not yet yielded: the inputs are read no faster than
    the workers parse them, and memory stays flat however many tasks there are. A worker that dies
    (killed, out of memory) gives the pages of the chunk it was parsing ``WorkerDied`` error records;
    a new worker takes its place and the batch goes on.
    """
    if jobs <= 1:
        for task in tasks:
            yield run_task(task)
        return
    limit = window if window is not None else WINDOW_TASKS * jobs
    yield from _Workers(jobs, max(1, chunksize), max(1, limit)).run(iter(tasks))


def _worker(conn: Connection, inherited: Sequence[Connection]) -> None:
    """A worker process: parse each chunk the main process sends and send back its outcomes, until EOF."""
    # a forked worker starts with copies of the main process's ends of the pipes: closed, so that when
    # the main process goes away (even killed) every worker reads the end of its pipe and exits
    for c in inherited:
        c.close()
    # Ctrl-C reaches every process of the terminal's group: the main process handles it and stops us
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            chunk: list[tuple[Any, ...]] = pickle.loads(conn.recv_bytes())
            outcomes = [_OUTCOME_FIELDS(run_task(Task(*fields))) for fields in chunk]
            conn.send_bytes(pickle.dumps(outcomes, pickle.HIGHEST_PROTOCOL))
    except (EOFError, OSError):  # the main process is done, or gone
        pass


def _start_method() -> str:
    """How worker processes are started: fork from a single-threaded process, else forkserver (or spawn).

    A forked worker is ready in milliseconds with jnparse imported and the sites ``register()`` added;
    a forkserver worker imports jnparse first (~0.4 s of a 2-core machine per batch) and knows only the
    built-in sites. But forking a process that runs threads can deadlock the child (a lock another
    thread held stays held in it), so fork only when the kernel counts one thread in this process
    (threads started by C libraries count too).
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux" and _threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _process_type(method: str) -> type[BaseProcess]:
    if method == "fork":
        return multiprocessing.get_context("fork").Process
    if method == "forkserver":
        return multiprocessing.get_context("forkserver").Process
    return multiprocessing.get_context("spawn").Process


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


@attrs.define(eq=False)
class _Proc:
    """A worker process, the main process's end of its pipe, and the chunks it has been sent."""

    process: BaseProcess
    conn: Connection
    #: bytes that may wait in its pipe (see QUEUE_BYTES)
    room: int
    #: numbers of the chunks it was sent and has not answered, oldest first (the order it parses them)
    queue: collections.deque[int] = attrs.field(factory=collections.deque)
    #: bytes of those chunks
    queued: int = 0


def _room(conn: Connection) -> int:
    """A quarter of the send buffer of the socket under ``conn`` (a pipe on Windows: QUEUE_BYTES)."""
    try:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            return max(QUEUE_BYTES, sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) // 4)
    except (OSError, ValueError):
        return QUEUE_BYTES


def _died(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class _Workers:
    """Worker processes fed through one pipe each, all watched by ``connection.wait`` in this thread.

    A worker holds at most ``1 + QUEUED`` chunks (one it parses, the others waiting in its pipe) and
    gets another as soon as it answers, so a slow page holds up no other worker, and the main process
    does little more than pass bytes along. Answers are put back in input order here. A worker that
    dies is seen through the end of its pipe and its sentinel: the batch neither hangs nor stops.
    """

    def __init__(self, jobs: int, chunksize: int, window: int) -> None:
        self.jobs = jobs
        self.chunksize = chunksize
        self.window = window
        self.procs: list[_Proc] = []
        self.exhausted = False  # every task has been read from the inputs
        self.pending: collections.deque[Task] = collections.deque()  # read, not yet in a chunk
        self.taken = 0  # tasks read and not yet yielded
        self.held = 0  # bytes held for them: page contents, then results
        self.formed = 0  # chunks made; chunk n holds tasks that come before those of chunk n + 1
        self.chunks: dict[int, list[Task]] = {}  # chunk number -> its tasks, until its outcomes are yielded
        self.sizes: dict[int, int] = {}  # chunk number -> bytes held for it
        self.payloads: dict[int, bytes] = {}  # chunk number -> its pickled tasks, until it is answered
        self.unsent: collections.deque[int] = collections.deque()  # made and not (or no longer) sent
        self.done: dict[int, list[Outcome]] = {}  # answered, waiting for the chunks before them

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        yielded = 0
        try:
            while True:
                self._take(tasks)
                self._send()
                if yielded == self.formed and not self.pending and self.exhausted:
                    return
                self._receive()
                while yielded in self.done:
                    outcomes = self.done.pop(yielded)
                    self.taken -= len(self.chunks.pop(yielded))
                    self.held -= self.sizes.pop(yielded)
                    yielded += 1
                    yield from outcomes
        finally:
            self._stop()

    def _take(self, tasks: Iterator[Task]) -> None:
        """Read tasks from the inputs while the window has room."""
        while not self.exhausted and self.taken < self.window and (self.taken == 0 or self.held < WINDOW_BYTES):
            task = next(tasks, None)
            if task is None:
                self.exhausted = True
                return
            self.pending.append(task)
            self.taken += 1
            self.held += len(task.content or b"")
            if len(self.procs) < self.jobs or any(not p.queue for p in self.procs):
                self._send()  # a worker waits (at the start): it need not wait for the window to fill

    def _size(self) -> int:
        """How many tasks the next chunk takes."""
        if not self.exhausted:
            return self.chunksize
        # the end of the inputs is in sight: smaller chunks, for the workers to finish together
        return max(1, min(self.chunksize, len(self.pending) // (2 * self.jobs)))

    def _form(self) -> int:
        n = self.formed
        self.formed += 1
        chunk = [self.pending.popleft() for _ in range(min(self._size(), len(self.pending)))]
        self.chunks[n] = chunk
        self.sizes[n] = sum(len(t.content or b"") for t in chunk)
        self.payloads[n] = pickle.dumps([_TASK_FIELDS(t) for t in chunk], pickle.HIGHEST_PROTOCOL)
        self.unsent.append(n)
        return n

    def _send(self) -> None:
        """Hand out chunks, oldest first: to an idle worker, else queued behind the least work."""
        while self.unsent or self.pending:
            proc = next((p for p in self.procs if not p.queue), None)
            if proc is None and len(self.procs) < self.jobs:
                proc = self._start()
            if self.unsent:
                n = self.unsent[0]
            elif proc is not None or len(self.pending) >= self._size():
                n = self._form()  # a whole chunk, or what there is for an idle worker
            else:
                return
            size = len(self.payloads[n])
            if proc is None:
                proc = next((p for p in sorted(self.procs, key=lambda p: len(p.queue)) if self._takes(p, size)), None)
                if proc is None:
                    return
            try:
                proc.conn.send_bytes(self.payloads[n])
            except OSError:  # it died: _receive finds out and deals with it
                return
            proc.queue.append(n)
            proc.queued += size
            self.unsent.popleft()

    def _takes(self, proc: _Proc, size: int) -> bool:
        """Whether a chunk of ``size`` bytes may be queued behind the chunks ``proc`` has (see QUEUE_BYTES)."""
        # the oldest chunk is the one it parses: it has read that one
        waiting = proc.queued - len(self.payloads[proc.queue[0]])
        return len(proc.queue) <= QUEUED and waiting + size <= proc.room

    def _start(self) -> _Proc:
        method = _start_method()
        ours, theirs = multiprocessing.Pipe()
        inherited = [p.conn for p in self.procs] + [ours] if method == "fork" else []
        process = _process_type(method)(
            target=_worker, args=(theirs, inherited), name="jnparse-batch-worker", daemon=True)
        process.start()
        theirs.close()
        proc = _Proc(process, ours, _room(ours))
        self.procs.append(proc)
        return proc

    def _receive(self) -> None:
        """Wait until a worker answers or dies, and take in what came."""
        ready = set(wait([p.conn for p in self.procs] + [p.process.sentinel for p in self.procs]))
        for proc in list(self.procs):
            if proc.conn in ready:
                try:
                    self._answer(proc, proc.conn.recv_bytes())
                except (EOFError, OSError):
                    self._lost(proc)
            elif proc.process.sentinel in ready:
                self._lost(proc)

    def _answer(self, proc: _Proc, data: bytes) -> None:
        n = proc.queue.popleft()
        proc.queued -= len(self.payloads.pop(n))
        self.done[n] = [Outcome(*fields) for fields in pickle.loads(data)]
        self.held += len(data) - self.sizes[n]
        self.sizes[n] = len(data)

    def _lost(self, proc: _Proc) -> None:
        """A worker died: what it answered stands, the chunk it was parsing gets error records, the
        chunks still waiting in its pipe go to the other workers, and a new worker is started when
        there is work for it."""
        try:
            while proc.queue and proc.conn.poll():
                self._answer(proc, proc.conn.recv_bytes())
        except (EOFError, OSError):
            pass
        self.procs.remove(proc)
        proc.conn.close()
        proc.process.join(1)
        if proc.process.exitcode is None:  # its pipe broke but it runs on: make sure
            proc.process.kill()
            proc.process.join()
        if not proc.queue:
            return
        n = proc.queue.popleft()
        message = f"the worker process parsing this page died: {_died(proc.process)}"
        self.done[n] = [_error(t.source, "WorkerDied", message) for t in self.chunks[n]]
        del self.payloads[n]
        self.unsent.extendleft(reversed(proc.queue))

    def _stop(self) -> None:
        """End the workers: idle ones read EOF and exit; busy ones (the batch was abandoned) are stopped."""
        for proc in self.procs:
            proc.conn.close()
            if proc.queue:
                proc.process.terminate()
        for proc in self.procs:
            proc.process.join(5)
            if proc.process.exitcode is None:
                proc.process.kill()
                proc.process.join()
        self.procs.clear()


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
