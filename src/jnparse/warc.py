"""Reading article pages out of WARC files (Common Crawl, wget ``--warc-file``, Heritrix, browsertrix).

Needs the optional extra ``warc`` (``pip install 'jnparse[warc]'``, which brings warcio)::

    for page in iter_warc("crawl.warc.gz"):
        article = jnparse.parse(page.content, url=page.url, fetched=page.fetched)

Only ``response`` records with a 2xx status and an HTML content type are read (and ``resource``
records with an HTML content type); requests, metadata, redirects and non-HTML responses are skipped.
The record's ``WARC-Target-URI`` is the page's ``url`` and its ``WARC-Date`` the ``fetched`` time, so
relative printed times ("2 hours ago") resolve against the time of the crawl.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .errors import ExtraRequiredError
from .loading import DEFAULT_MAX_BYTES

#: File names read as WARC files by ``jnparse batch``.
WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz")

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")


@attrs.frozen
class WarcPage:
    """One HTML page stored in a WARC file."""

    url: str | None
    fetched: dt.datetime | None
    content: bytes
    record_id: str | None = None
    #: offset of the record in the (possibly compressed) file
    offset: int | None = None


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _archive_iterator() -> Any:
    try:
        module = importlib.import_module("warcio.archiveiterator")
    except ImportError:
        raise ExtraRequiredError("warc", "reading WARC files") from None
    return module.ArchiveIterator


def warc_date(value: str | None) -> dt.datetime | None:
    """``WARC-Date`` (``2024-10-13T08:15:00Z``, fractions allowed) as an aware datetime, or ``None``."""
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.timezone.utc)


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def iter_warc(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[WarcPage]:
    """Every HTML page in a WARC file (plain or gzip), one at a time, in file order.

    A page larger than ``max_bytes`` is cut at ``max_bytes + 1`` bytes so that :func:`jnparse.parse`
    reports it as too large without the whole record being held in memory.
    Raises :class:`jnparse.ExtraRequiredError` when warcio is not installed.
    """
    archive_iterator = _archive_iterator()
    with open(path, "rb") as stream:
        records = archive_iterator(stream)
        for record in records:
            kind = record.rec_type
            if kind == "response":
                http = record.http_headers
                if http is None:
                    continue
                status = http.get_statuscode() or ""
                if not status.startswith("2") or not _is_html(http.get_header("Content-Type")):
                    continue
            elif kind == "resource":
                if not _is_html(record.rec_headers.get_header("Content-Type")):
                    continue
            else:
                continue
            content = record.content_stream().read(max_bytes + 1)
            yield WarcPage(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                fetched=warc_date(record.rec_headers.get_header("WARC-Date")),
                content=content,
                record_id=record.rec_headers.get_header("WARC-Record-ID"),
                offset=records.get_record_offset(),
            )


__all__ = ["HTML_TYPES", "WARC_SUFFIXES", "WarcPage", "is_warc", "iter_warc", "warc_date"]
