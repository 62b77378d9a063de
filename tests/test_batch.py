"""``jnparse batch`` and ``jnparse check``: JSON Lines over files, directories and globs, in worker processes."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import jnparse
from jnparse import batch as batch_mod
from jnparse.batch import Options, Task, expand, iter_tasks, run, run_task
from jnparse.cli import main
from jnparse.sites import unregister

from .conftest import FIXTURES
from .test_register import GAZETTE
from .test_register import PAGE as GAZETTE_PAGE

JN = FIXTURES / "japannews"
STAFF = JN / "staff-byline-photo-subheads.html"
TEXT = JN / "text-copy-wire.txt"


def _pages(tmp_path: Path) -> Path:
    """A directory tree: two pages, a text copy, a broken page, a file that is not a page."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    shutil.copy(STAFF, root / "a.html")
    shutil.copy(JN / "reuters-wire.html", root / "sub" / "b.htm")
    shutil.copy(TEXT, root / "sub" / "c.txt")
    (root / "broken.html").write_bytes(b"")
    (root / "notes.md").write_text("not a page\n", encoding="utf-8")
    return root


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_expand_directories_globs_and_missing_inputs(tmp_path: Path) -> None:
    root = _pages(tmp_path)
    found = list(expand([str(root), str(root / "sub" / "*.htm"), str(tmp_path / "nope.html"), str(tmp_path / "*.x")]))
    names = [f.name if isinstance(f, Path) else f for f in found]
    assert names[:4] == ["a.html", "broken.html", "b.htm", "c.txt"]  # sorted, recursive, notes.md left out
    assert names[4] == "b.htm"
    assert found[5] == (str(tmp_path / "nope.html"), "no such file or directory")
    assert found[6] == (str(tmp_path / "*.x"), "the pattern matches no file")


def test_directories_are_read_as_rglob_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same files in the same order as ``sorted(rglob("*"))`` kept to pages, however the tree is made."""
    root = tmp_path / "t"
    for name in ["a-b/x.html", "a/b.html", "a/B.htm", "B.html", "a.HTML", ".hidden.html", ".d/y.txt",
                 "deep/er/still/z.warc.gz", "notes.md", "sub dir/ü.html"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"<p>x</p>")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.html").write_bytes(b"")
    (root / "linked-dir").symlink_to(tmp_path / "outside")  # not followed, as rglob does not
    (root / "linked.html").symlink_to(root / "B.html")  # a link to a file is a file
    (root / "broken.html").symlink_to(tmp_path / "nowhere.html")
    os.mkfifo(root / "pipe.html")

    def reference(top: Path) -> list[Path]:
        return [f for f in sorted(top.rglob("*")) if f.is_file() and batch_mod._is_page_name(f.name)]

    assert list(expand([str(root)])) == reference(root)
    # by parts: "a/b.html" before "a-b/x.html", though "a-" < "a/" as strings
    assert [f.relative_to(root).as_posix() for f in reference(root)][:7] == [
        ".d/y.txt", ".hidden.html", "B.html", "a/B.htm", "a/b.html", "a-b/x.html", "a.HTML"]
    monkeypatch.chdir(root)
    assert [str(f) for f in expand(["."])] == [str(f) for f in reference(Path("."))]  # "a/b.html", not "./a/b.html"
    assert [str(f) for f in expand(["./a/"])] == ["a/B.htm", "a/b.html"]


def test_text_copies_by_suffix_unless_forced() -> None:
    tasks = list(iter_tasks([str(STAFF), str(TEXT)]))
    assert [t.text for t in tasks] == [False, True]
    forced = list(iter_tasks([str(TEXT)], Options(text=True, site="japannews")))
    assert forced[0].text and forced[0].site == "japannews"


def test_one_record_per_page_and_error_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _pages(tmp_path)
    assert main(["batch", str(root), str(tmp_path / "missing.html")]) == 1  # 1: some page failed
    captured = capsys.readouterr()
    records = _lines(captured.out)
    assert [Path(str(r["source"])).name for r in records] == ["a.html", "broken.html", "b.htm", "c.txt", "missing.html"]
    a, broken, b, c, missing = records
    assert a["site"] == "japannews" and a["byline"] == {  # the Article's dict, plus "source"
        "raw": "By Kanako Fujisawa and Ryohei Iwamura / Yomiuri Shimbun Staff Writers",
        "authors": ["Kanako Fujisawa", "Ryohei Iwamura"], "affiliation": "Yomiuri Shimbun Staff Writers"}
    assert b["agency"] == "Reuters"
    assert c["layout"] == "japannews/text"
    assert broken == {"source": str(root / "broken.html"), "error": "InputError", "message": broken["message"]}
    assert missing["error"] == "InputError" and missing["message"] == "no such file or directory"
    # the summary goes to stderr, and no progress line (stderr is not a terminal here)
    assert captured.err.startswith("jnparse batch: 5 pages, 3 ok, 2 errors, ")
    assert "\r" not in captured.err and captured.err.count("\n") == 1


def test_all_good_is_exit_0_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(STAFF), str(TEXT), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert [r["site"] for r in _lines(out.read_text(encoding="utf-8"))] == ["japannews", "japannews"]


def test_unexpected_exceptions_become_error_records(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug in a site module")

    monkeypatch.setattr(batch_mod, "parse", boom)
    outcome = run_task(Task(source="x.html", content=b"<html></html>"))
    assert not outcome.ok
    assert json.loads(outcome.line) == {"source": "x.html", "error": "RuntimeError",
                                        "message": "a bug in a site module"}


@pytest.mark.parametrize("method", ["default", "fork", "forkserver", "spawn"])
def test_workers_keep_the_input_order(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if method != "default":
        if method not in multiprocessing.get_all_start_methods():
            pytest.skip(f"no {method} here")
        monkeypatch.setattr(batch_mod, "_start_method", lambda: method)
    pages = [STAFF, JN / "reuters-wire.html", JN / "jiji-wire-dateline.html", JN / "premium-paywalled.html"]
    tasks = [Task(source=f"{i}-{p.name}", path=str(p)) for i in range(12) for p in pages]
    one = [o.line for o in run(tasks, jobs=1)]
    two = [o.line for o in run(tasks, jobs=2, chunksize=3)]
    assert one == two
    assert [json.loads(line)["source"] for line in two] == [t.source for t in tasks]
    three = list(run(tasks, jobs=3, chunksize=1))
    assert [o.line for o in three] == one and [o.site for o in three] == ["japannews"] * len(tasks)
    assert not multiprocessing.active_children()  # every worker has exited


def _counting(n: int) -> tuple[list[int], Iterator[Task]]:
    taken = [0]

    def tasks() -> Iterator[Task]:
        for i in range(n):
            taken[0] += 1
            yield Task(source=str(i), path=str(STAFF))

    return taken, tasks()


@pytest.mark.parametrize(("window", "bound"), [(16, 16), (None, batch_mod.WINDOW_TASKS * 2)])
def test_workers_read_the_inputs_lazily(window: int | None, bound: int) -> None:
    """At most ``window`` tasks are taken from the inputs before the first result comes back."""
    taken, tasks = _counting(1000)
    results = run(tasks, jobs=2, chunksize=4, window=window)
    first = next(results)
    assert first.ok
    assert taken[0] <= bound
    results.close()  # type: ignore[attr-defined]
    assert not multiprocessing.active_children()  # an abandoned batch stops its workers


def test_window_holds_few_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``WINDOW_BYTES`` of pages in flight (WARC records are bytes) no more tasks are taken."""
    monkeypatch.setattr(batch_mod, "WINDOW_BYTES", 1)
    taken = [0]

    def tasks() -> Iterator[Task]:
        for i in range(10):
            taken[0] += 1
            yield Task(source=str(i), content=STAFF.read_bytes())

    results = run(tasks(), jobs=2)
    assert next(results).ok
    assert taken[0] == 1  # one page at a time
    assert [o.source for o in results] == [str(i) for i in range(1, 10)]


def _pids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers that put their process id into each outcome's ``site``."""
    real = batch_mod.run_task

    def tagged(task: Task) -> batch_mod.Outcome:
        return attrs.evolve(real(task), site=str(os.getpid()))

    monkeypatch.setattr(batch_mod, "_start_method", lambda: "fork")  # the workers inherit the patch
    monkeypatch.setattr(batch_mod, "run_task", tagged)


def test_chunks_shrink_at_the_end_of_the_inputs() -> None:
    """Whole chunks while more inputs may come; then smaller and smaller, for the workers to finish together."""
    workers = batch_mod._Workers(2, 16, 256)
    workers.pending.extend(Task(source=str(i)) for i in range(100))
    assert workers._size() == 16
    workers.exhausted = True
    sizes = []
    while workers.pending:
        sizes.append(len(workers.chunks[workers._form()]))
    assert sizes[0] == 16 and sizes[-4:] == [1, 1, 1, 1]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == 100


@pytest.mark.skipif(sys.platform != "linux", reason="forks the test process")
def test_a_short_batch_is_shared_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every worker gets a share of a batch shorter than one chunk."""
    _pids(monkeypatch)
    outcomes = list(run([Task(source=str(i), path=str(STAFF)) for i in range(12)], jobs=3, chunksize=16))
    assert [o.source for o in outcomes] == [str(i) for i in range(12)]
    assert len({o.site for o in outcomes}) == 3


@pytest.mark.skipif(sys.platform != "linux", reason="forks the test process")
def test_a_dead_worker_gives_error_records_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunk a worker was parsing when it died gets ``WorkerDied`` records; a new worker parses the rest."""
    real = batch_mod.run_task

    def deadly(task: Task) -> batch_mod.Outcome:
        if task.source == "die":  # as if the kernel's out-of-memory killer chose this worker
            os.kill(os.getpid(), signal.SIGKILL)
        return real(task)

    monkeypatch.setattr(batch_mod, "_start_method", lambda: "fork")  # the workers inherit the patch
    monkeypatch.setattr(batch_mod, "run_task", deadly)
    tasks = [Task(source=str(i), path=str(STAFF)) for i in range(12)]
    tasks += [Task(source="die", path=str(STAFF))] + [Task(source=str(i), path=str(STAFF)) for i in range(12, 24)]
    outcomes = list(run(tasks, jobs=2, chunksize=2))
    assert [o.source for o in outcomes] == [t.source for t in tasks]
    dead = [i for i, o in enumerate(outcomes) if not o.ok]
    assert 12 in dead and len(dead) <= 2 and dead == list(range(dead[0], dead[-1] + 1))  # the chunk holding it
    assert json.loads(outcomes[12].line) == {"source": "die", "error": "WorkerDied",
                                             "message": "the worker process parsing this page died: killed by SIGKILL"}
    assert all(o.ok and o.site == "japannews" for o in outcomes if o.error is None)
    assert not multiprocessing.active_children()


@pytest.mark.skipif(sys.platform != "linux", reason="fork only on Linux")
def test_fork_only_from_a_single_thread() -> None:
    """Forking a process that runs threads can deadlock the child: then the workers come from a fork server."""
    if batch_mod._threads() == 1:
        assert batch_mod._start_method() == "fork"
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert batch_mod._threads() >= 2
        assert batch_mod._start_method() == "forkserver"
        lines = [o.line for o in run([Task(source=str(i), path=str(STAFF)) for i in range(4)], jobs=2)]
        assert lines == [run_task(Task(source=str(i), path=str(STAFF))).line for i in range(4)]
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(sys.platform != "linux", reason="fork only on Linux")
def test_forked_workers_know_registered_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/extending.md: a site registered before the batch starts is seen by its (forked) workers."""
    monkeypatch.setattr(batch_mod, "_start_method", lambda: "fork")
    page = tmp_path / "gazette.html"
    page.write_bytes(GAZETTE_PAGE)
    jnparse.register(GAZETTE)
    try:
        outcomes = list(run([Task(source=str(i), path=str(page)) for i in range(4)], jobs=2, chunksize=1))
    finally:
        unregister(GAZETTE.id)
    assert [o.site for o in outcomes] == ["hakone-gazette"] * 4


def test_progress_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tally = batch_mod.Tally()
    shown, hidden = Tty(), io.StringIO()
    for stream in (shown, hidden):
        p = batch_mod.Progress(stream, tally, every=0.0)
        tally.add(batch_mod.Outcome(source="x", ok=True, line="{}"))
        p.update()
        p.close()
    assert shown.getvalue().startswith("\r") and "pages/s" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_check_reports_fallbacks_per_site(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clean = tmp_path / "nhk"  # (the NHK pages whose JSON-LD carries everything)
    clean.mkdir()
    for name in ("ferry-hydrogen-jsonld.html", "cherry-forecast-news.json"):
        shutil.copy(FIXTURES / "nhk" / name, clean / name)
    assert main(["check", str(FIXTURES / "jiji"), str(clean)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["site", "pages", "field", "code", "pages", "with", "it"]
    rows = [line.split() for line in out[2:]]
    nhk = next(r for r in rows if r[0] == "nhk")
    assert nhk[2:4] == ["-", "clean"]
    jiji = [r for r in rows if r[0] == "jiji" or (r and r[0] in ("published", "section", "title", "layout"))]
    assert any("fallback" in r for r in jiji)
    # NHK's page whose body is the page's own (no articleBody in its JSON-LD): one of three with a body fallback
    assert main(["check", str(FIXTURES / "nhk")]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[2:]]
    assert ["nhk", "3", "body", "fallback", "1", "(33%)"] in rows


def test_batch_in_a_subprocess_with_jobs(tmp_path: Path) -> None:
    root = _pages(tmp_path)
    run_ = subprocess.run([sys.executable, "-m", "jnparse", "batch", "--jobs", "2", str(root)],
                          capture_output=True, check=False, timeout=120)
    assert run_.returncode == 1
    lines = run_.stdout.decode("utf-8").splitlines()
    assert len(lines) == 4
    assert run_.stderr.decode().startswith("jnparse batch: 4 pages, 3 ok, 1 errors")


def test_bad_command_lines_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["batch"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["batch", "x", "--jobs", "0"])
    assert e.value.code == 2
    capsys.readouterr()


def test_parse_subcommand_is_the_old_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(STAFF), "--compact"]) == 0
    new = capsys.readouterr().out
    assert main([str(STAFF), "--compact"]) == 0
    assert capsys.readouterr().out == new


def test_a_directory_of_mhtml_saves_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    from .test_attribute_spellings import as_mhtml

    url = "https://japannews.yomiuri.co.jp/politics/politics-government/20250304-243118/"
    page = (FIXTURES / "japannews" / "jiji-wire-dateline.html").read_bytes()
    (tmp_path / "saved.mhtml").write_bytes(as_mhtml(page, url))
    (tmp_path / "saved.MHT").write_bytes(as_mhtml(page, url))
    (tmp_path / "zipped.html.gz").write_bytes(gzip.compress(page))
    assert main(["batch", str(tmp_path)]) == 0
    records = _lines(capsys.readouterr().out)
    assert [Path(str(r["source"])).name for r in records] == ["saved.MHT", "saved.mhtml", "zipped.html.gz"]
    assert {r["agency"] for r in records} == {"Jiji Press"}
