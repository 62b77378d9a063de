"""The recipes of docs/recipes.md with the real libraries: Scrapy crawling file:// URLs, requests and
httpx fetching from a local HTTP server on 127.0.0.1, and Dask parsing pages on a local cluster."""

from __future__ import annotations

import asyncio
import functools
import http.server
import importlib.util
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import jnparse

from .conftest import FIXTURES, ROOT
from .test_warc import build_warc

EXAMPLES = ROOT / "examples"
JN = FIXTURES / "japannews"
PAGES = [JN / "staff-byline-photo-subheads.html", JN / "reuters-wire.html", FIXTURES / "kyodo" / "old-staff-photo.html"]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"jnparse_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = jnparse.parse(path.read_bytes()).to_dict()
    return data


# -- Scrapy ------------------------------------------------------------------------------------------------

def test_scrapy_spider_over_file_urls(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    urls = [p.as_uri() for p in [*PAGES, empty]]
    out = tmp_path / "articles.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "runspider", str(EXAMPLES / "scrapy_spider.py"),
         "-a", "urls=" + ",".join(urls), "-O", str(out), "-s", "LOG_LEVEL=WARNING", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", "TELNETCONSOLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    items = {item["source"]: item for item in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(items) == set(urls)
    for page in PAGES:
        item = items[page.as_uri()]
        expected = _expected(page)
        assert {k: v for k, v in item.items() if k != "source"} == expected
    assert items[empty.as_uri()]["error"] == "InputError"


# -- requests and httpx from a local server --------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("www")
    for p in PAGES:
        shutil.copy(p, root / p.name)
    handler = functools.partial(_Quiet, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}"
        finally:
            httpd.shutdown()
            thread.join(timeout=10)


@pytest.mark.parametrize("client", ["requests", "httpx"])
def test_fetch_from_a_local_server(server: str, client: str) -> None:
    fetch = _load("fetch")
    get = fetch.fetch_with_requests if client == "requests" else fetch.fetch_with_httpx
    for page in PAGES:
        article = get(f"{server}/{page.name}", timeout=10)
        assert isinstance(article, jnparse.Article)
        # the page's canonical link wins over the local address
        assert article.to_dict() == _expected(page)


def test_fetch_many_with_httpx_async(server: str) -> None:
    fetch = _load("fetch")
    urls = [f"{server}/{p.name}" for p in PAGES] + [f"{server}/missing.html"]
    results = asyncio.run(fetch.fetch_many_with_httpx(urls, timeout=10))
    assert [r.title for r in results[:3]] == [_expected(p)["title"] for p in PAGES]
    assert type(results[3]).__name__ == "HTTPStatusError"


def test_the_server_date_is_the_fetch_time() -> None:
    fetch = _load("fetch")
    t = fetch.fetched_at("Sun, 19 May 2024 13:05:00 GMT")
    assert t.isoformat() == "2024-05-19T13:05:00+00:00"
    assert fetch.fetched_at("garbage").tzinfo is not None


# -- Dask on a local cluster --------------------------------------------------------------------------------

def test_dask_recipe_on_a_local_cluster(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for p in PAGES:
        shutil.copy(p, pages / p.name)
    warc = tmp_path / "crawl.warc.gz"
    in_warc = build_warc(warc)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(EXAMPLES / "dask_pages.py"), str(out), str(pages), str(warc)],
                         cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    records = [json.loads(line) for f in sorted(out.glob("*.jsonl"), key=lambda f: int(f.stem))
               for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(PAGES) + len(in_warc)
    assert [Path(r["source"]).name for r in records[: len(PAGES)]] == sorted(p.name for p in PAGES)
    assert all("error" not in r for r in records)
    assert run.stdout.strip(), run.stderr[-3000:]
    counts = json.loads(run.stdout.splitlines()[-1])
    assert sum(counts.values()) == len(records)
    assert counts["japannews"] >= 2 and counts["kyodo"] >= 1
