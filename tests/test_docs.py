"""The documentation: every code example in docs/ runs, and ``mkdocs build --strict`` passes.

Conventions for docs/*.md (checked here):

- Every ```python block runs, in page order, the blocks of one page sharing one namespace, in a
  directory holding the files the examples name: ``page.html`` (a Japan News page), ``copy.txt`` (a
  text copy), ``pages/`` (a few pages) and ``crawl.warc.gz`` (a WARC file of the fixture pages).
  A line ``--8<-- "path"`` (a snippet) is replaced by the file it names, as MkDocs does.
- A ```sh block preceded by ``<!-- docs-test: shell -->`` runs line by line in bash there, and each
  command must exit 0.
- ``<!-- docs-test: skip (network) -->`` before a block skips it; it is allowed only for blocks that
  need the network (installing packages, fetching real sites). Every ```sh block carries one of the
  two markers, so no shell example goes unchecked by accident.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT
from .test_warc import build_warc

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.M | re.S)
MARKER = re.compile(r"<!--\s*docs-test:\s*(.*?)\s*-->\s*$")
SNIPPET = re.compile(r'^--8<--\s+"([^"]+)"\s*$', re.M)
SKIP_NETWORK = "skip (network)"


def blocks(page: Path) -> list[tuple[str, str, str | None, int]]:
    """(language, code, marker, line number) of every fenced block of a page."""
    text = page.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = MARKER.search(before)
        out.append((m.group(1), m.group(2), marker.group(1) if marker else None, text.count("\n", 0, m.start()) + 1))
    return out


def _expand(code: str) -> str:
    return SNIPPET.sub(lambda m: (ROOT / m.group(1)).read_text(encoding="utf-8"), code)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("docs")
    jn = FIXTURES / "japannews"
    shutil.copy(jn / "staff-byline-photo-subheads.html", d / "page.html")
    shutil.copy(jn / "text-copy-wire.txt", d / "copy.txt")
    (d / "pages" / "kyodo").mkdir(parents=True)
    shutil.copy(jn / "staff-byline-photo-subheads.html", d / "pages" / "staff.html")
    shutil.copy(jn / "reuters-wire.html", d / "pages" / "reuters.html")
    shutil.copy(FIXTURES / "kyodo" / "old-staff-photo.html", d / "pages" / "kyodo" / "staff.html")
    shutil.copy(jn / "text-copy-wire.txt", d / "pages" / "copy.txt")
    build_warc(d / "crawl.warc.gz")
    return d


def test_the_markers_are_used_as_documented() -> None:
    for page in PAGES:
        for lang, code, marker, line in blocks(page):
            where = f"{page.relative_to(ROOT)}:{line}"
            assert marker in (None, "shell", SKIP_NETWORK), f"{where}: unknown marker {marker!r}"
            if lang == "sh":
                assert marker is not None, f"{where}: a sh block needs '<!-- docs-test: shell -->' or a skip marker"
            if marker == "shell":
                assert lang == "sh", f"{where}: only sh blocks run as shell"
            if marker == SKIP_NETWORK:
                assert re.search(r"pip install|https?://|scrapy runspider", code), (
                    f"{where}: skipped, but nothing in it needs the network")


def _python_pages() -> list[Path]:
    return [p for p in PAGES if any(lang == "python" and marker is None for lang, _c, marker, _l in blocks(p))]


@pytest.mark.parametrize("page", _python_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_python_examples_run(page: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(workdir)
    namespace: dict[str, object] = {"__name__": "docs_example"}
    try:
        for lang, code, marker, line in blocks(page):
            if lang != "python" or marker == SKIP_NETWORK:
                continue
            source = _expand(code)
            exec(compile(source, f"{page.relative_to(ROOT)}:{line}", "exec"), namespace)
    finally:
        from jnparse.sites import unregister

        unregister("hakone-gazette")  # extending.md registers an example site
    capsys.readouterr()


def _shell_pages() -> list[Path]:
    return [p for p in PAGES if any(marker == "shell" for _l, _c, marker, _n in blocks(p))]


@pytest.mark.parametrize("page", _shell_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_shell_examples_run(page: Path, workdir: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for _lang, code, marker, line in blocks(page):
        if marker != "shell":
            continue
        for i, command in enumerate(code.splitlines()):
            if not command.strip() or command.lstrip().startswith("#"):
                continue
            run = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, capture_output=True, text=True,
                                 check=False, timeout=120)
            assert run.returncode == 0, f"{page.name}:{line + 1 + i}: {command}\n{run.stdout[-2000:]}{run.stderr}"


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or shutil.which("mkdocs")
    if mkdocs is None:
        pytest.fail("mkdocs is not installed: pip install -e '.[test]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "site" / "model" / "index.html").exists()
    assert (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8").count("jnparse.parse") > 0
