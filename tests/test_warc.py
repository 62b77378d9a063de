"""WARC files: a WARC built here from the fixture pages, read by ``jnparse batch`` one JSON line per record."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

import jnparse
from jnparse.cli import main
from jnparse.warc import iter_warc, warc_date

from .fixture_cases import fixture_cases


def _html_fixtures() -> list[tuple[Path, dict[str, Any]]]:
    """Every HTML fixture with a URL and no separately delivered document."""
    out = []
    for path, expected_path in fixture_cases():
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        spec = expected.get("_input") or {}
        if path.suffix == ".html" and spec.get("url") and not spec.get("extra") and spec.get("mode", "html") == "html":
            out.append((path, expected))
    return out


def _record(writer: WARCWriter, uri: str, payload: bytes, content_type: str, *, status: str = "200 OK",
            date: str = "2024-05-19T13:05:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), length=len(payload),
                                    http_headers=http,
                                    warc_headers_dict={"WARC-Date": date})
    writer.write_record(rec)


def _fetched_to_warc_date(value: str | None) -> str:
    if not value:
        return "2025-01-01T00:00:00Z"
    t = dt.datetime.fromisoformat(value).astimezone(dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_warc(path: Path, *, gzip: bool = True) -> list[tuple[Path, dict[str, Any]]]:
    pages = _html_fixtures()
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for page, expected in pages:
            spec = expected["_input"]
            # a request record before each response, as crawlers write them: skipped
            get = b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"
            req = writer.create_warc_record(spec["url"], "request", payload=io.BytesIO(get), length=len(get))
            writer.write_record(req)
            _record(writer, spec["url"], page.read_bytes(), "text/html; charset=utf-8",
                    date=_fetched_to_warc_date(spec.get("fetched")))
        # not pages: an image, a redirect, a 404
        _record(writer, "https://japannews.yomiuri.co.jp/photo.jpg", b"\xff\xd8\xff", "image/jpeg")
        _record(writer, "https://japannews.yomiuri.co.jp/old/", b"<html>moved</html>", "text/html",
                status="301 Moved Permanently")
        _record(writer, "https://japannews.yomiuri.co.jp/gone/", b"<html>gone</html>", "text/html",
                status="404 Not Found")
    return pages


@pytest.mark.parametrize("gzip", [True, False])
def test_batch_gives_one_line_per_html_record(tmp_path: Path, capsys: pytest.CaptureFixture[str], gzip: bool) -> None:
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    pages = build_warc(warc, gzip=gzip)
    assert len(pages) >= 20
    code = main(["batch", str(warc)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == len(pages)
    assert code == 0, [r for r in records if "error" in r]
    for record, (_page, expected) in zip(records, pages, strict=True):
        assert record["source"] == expected["_input"]["url"]
        assert record["warc_record_id"].startswith("<urn:uuid:")
        assert record["site"] == expected["site"]
        assert record["title"] == expected.get("title", record["title"])


def test_warc_date_is_the_fetch_time(tmp_path: Path) -> None:
    """Kyodo's "2 hours ago - 20:13" resolves against the WARC-Date of the record."""
    warc = tmp_path / "crawl.warc.gz"
    pages = build_warc(warc)
    kyodo = [p for p, e in pages if p.name == "relative-time.html" and e["site"] == "kyodo"]
    assert kyodo
    found = [p for p in iter_warc(warc) if p.url and "c07d9e2f1a8b" in p.url]
    assert len(found) == 1
    page = found[0]
    assert page.fetched == dt.datetime(2024, 5, 19, 13, 5, tzinfo=dt.timezone.utc)
    article = jnparse.parse(page.content, url=page.url, fetched=page.fetched)
    assert article.published is not None and article.published.isoformat() == "2024-05-19T20:13:00+09:00"


def test_warc_dates() -> None:
    assert warc_date("2024-10-13T08:15:00Z") == dt.datetime(2024, 10, 13, 8, 15, tzinfo=dt.timezone.utc)
    assert warc_date("2024-10-13T08:15:00.123456Z") is not None
    assert warc_date("yesterday") is None
    assert warc_date(None) is None


def test_a_corrupt_warc_is_one_error_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    assert main(["batch", str(bad)]) == 1
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == str(bad) and record["error"] == "WarcError"


def test_without_warcio_the_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(jnparse.ExtraRequiredError) as e:
        list(iter_warc(warc))
    assert e.value.extra == "warc" and "pip install 'jnparse[warc]'" in str(e.value)
    assert main(["batch", str(warc)]) == 1
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["error"] == "ExtraRequiredError"
