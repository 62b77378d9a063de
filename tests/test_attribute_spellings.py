"""The same page with its attributes written otherwise (order, quotes, line breaks, white space around "=",
names in capitals) gives the same Article: libxml2 reads them all alike, and so must the byte lookups that
spare the extractors most tree walks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jnparse

from .conftest import CORPUS, FIXTURES

PAGES = sorted(FIXTURES.glob("*/*.html")) + sorted(CORPUS.glob("*/*.html"))
_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*(/?)>")
_ATTR = re.compile(rb"\s+([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_PLAIN = re.compile(rb"[A-Za-z0-9_:.\-]+")


def respell(data: bytes, how: str) -> bytes:
    """Every start tag of ``data`` with its attributes written ``how``."""

    def tag(m: re.Match[bytes]) -> bytes:
        items = [(a.group(1), a.group(2)) for a in _ATTR.finditer(m.group(2))]
        if how == "reversed":
            items.reverse()
        out = []
        for name, value in items:
            if how == "capitals":
                name = name.upper()
            if value is None:
                out.append(b" " + name)
                continue
            inner = value[1:-1] if value[:1] in b"\"'" else value
            if how == "single-quoted" and b"'" not in inner:
                value = b"'" + inner + b"'"
            elif how == "unquoted" and _PLAIN.fullmatch(inner):
                value = inner
            out.append((b"\n  " if how == "line-broken" else b" ") + name + (b" = " if how == "spaced" else b"=")
                       + value)
        return b"<" + m.group(1) + b"".join(out) + (b" /" if m.group(3) else b"") + b">"

    return _TAG.sub(tag, data)


def _read(data: bytes) -> object:
    try:
        d = jnparse.parse(data).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__
    d.pop("warnings")
    return d


@pytest.mark.parametrize("how", ["reversed", "single-quoted", "unquoted", "line-broken", "spaced", "capitals"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_with_its_attributes_written_otherwise(path: Path, how: str) -> None:
    data = path.read_bytes()
    assert _read(respell(data, how)) == _read(data)


def test_respell_rewrites_what_it_says() -> None:
    tag = b"<div class=\"a b\" id='x' hidden>"
    assert respell(tag, "reversed") == b"<div hidden id='x' class=\"a b\">"
    assert respell(tag, "single-quoted") == b"<div class='a b' id='x' hidden>"
    assert respell(tag, "unquoted") == b"<div class=\"a b\" id=x hidden>"
    assert respell(tag, "spaced") == b"<div class = \"a b\" id = 'x' hidden>"
    assert respell(tag, "capitals") == b"<div CLASS=\"a b\" ID='x' HIDDEN>"


_BLOCK = rb"(?:p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|nav|figure|figcaption|table|tr|td|main|form)"
_BETWEEN_BLOCKS = re.compile(rb"(</?" + _BLOCK + rb"\b[^>]*>)\s+(?=<)|(?<=>)\s+(?=</?" + _BLOCK + rb"\b)")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_minified(path: Path) -> None:
    # a minifier drops the white space next to block tags ("…only.</p><p>Subscribe…"): a browser still shows
    # each block on a line of its own, and the texts keep them apart
    data = path.read_bytes()
    assert _read(_BETWEEN_BLOCKS.sub(lambda m: m.group(1) or b"", data)) == _read(data)
