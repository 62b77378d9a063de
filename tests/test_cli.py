from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jnparse.cli import main

from .conftest import FIXTURES

STAFF = FIXTURES / "japannews" / "staff-byline-photo-subheads.html"
TEXT = FIXTURES / "japannews" / "text-copy-wire.txt"


def test_prints_the_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(STAFF), "--compact"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    d = json.loads(out)
    assert d["site"] == "japannews"
    assert d["byline"]["authors"] == ["Kanako Fujisawa", "Ryohei Iwamura"]


def test_text_copies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(TEXT), "--text"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["dateline"]["agency"] == "Jiji Press"


def test_a_text_copy_is_told_by_its_name_or_its_lack_of_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import io

    copy = TEXT.read_bytes()
    for name in ("copy.txt", "copy.md", "copy.markdown", "copy"):  # the last: no suffix, no markup
        (tmp_path / name).write_bytes(copy)
        assert main([str(tmp_path / name), "--compact"]) == 0, name
        assert json.loads(capsys.readouterr().out)["dateline"]["agency"] == "Jiji Press"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(copy)))  # piped in
    assert main(["-", "--compact"]) == 0
    assert json.loads(capsys.readouterr().out)["dateline"]["agency"] == "Jiji Press"
    (tmp_path / "page.txt").write_bytes(STAFF.read_bytes())  # a page saved under a text name: said so
    assert main([str(tmp_path / "page.txt")]) == 1
    assert "use parse()" in capsys.readouterr().err


def test_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--example"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("Closed Schools Find New Life")


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main([str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "InputError" in err
    assert main([str(tmp_path / "missing.html")]) == 1
    assert "missing.html" in capsys.readouterr().err


def test_stdin_in_a_subprocess() -> None:
    run = subprocess.run([sys.executable, "-m", "jnparse", "-"], input=STAFF.read_bytes(), capture_output=True,
                         check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["section"] == "General News"
