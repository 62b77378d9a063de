"""``jnparse batch`` and ``jnparse check``: JSON Lines over files, directories and globs, in worker processes."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jnparse import batch as batch_mod
from jnparse.batch import Options, Task, expand, iter_tasks, run, run_task
from jnparse.cli import main

from .conftest import FIXTURES

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


def test_workers_keep_the_input_order(tmp_path: Path) -> None:
    pages = [STAFF, JN / "reuters-wire.html", JN / "jiji-wire-dateline.html", JN / "premium-paywalled.html"]
    tasks = [Task(source=f"{i}-{p.name}", path=str(p)) for i in range(12) for p in pages]
    one = [o.line for o in run(tasks, jobs=1)]
    two = [o.line for o in run(tasks, jobs=2, chunksize=3)]
    assert one == two
    assert [json.loads(line)["source"] for line in two] == [t.source for t in tasks]


def test_workers_read_the_inputs_lazily(tmp_path: Path) -> None:
    """At most 2 * jobs chunks are taken from the inputs before the first result comes back."""
    taken = 0

    def tasks() -> object:
        nonlocal taken
        for i in range(1000):
            taken += 1
            yield Task(source=str(i), path=str(STAFF))

    results = run(tasks(), jobs=2, chunksize=4)  # type: ignore[arg-type]
    first = next(results)
    assert first.ok
    assert taken <= 2 * 2 * 4 + 4
    results.close()  # type: ignore[attr-defined]


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


def test_check_reports_fallbacks_per_site(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FIXTURES / "jiji"), str(FIXTURES / "nhk")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["site", "pages", "field", "code", "pages", "with", "it"]
    rows = [line.split() for line in out[2:]]
    nhk = next(r for r in rows if r[0] == "nhk")
    assert nhk[2:4] == ["-", "clean"]
    jiji = [r for r in rows if r[0] == "jiji" or (r and r[0] in ("published", "section", "title", "layout"))]
    assert any("fallback" in r for r in jiji)


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
