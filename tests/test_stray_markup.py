"""Markup left open above the article: a browser shows the story inside the stray element, and so must
jnparse. One unclosed start tag goes in before the headline of every fixture page, at each of the last
few tag starts outside scripts; the body, the dateline and the publication time stay what the page gives
without it, whether or not the site cuts the page before parsing it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jnparse

from .conftest import FIXTURES

STRAY = ("<aside>", "<figure>", "<li>", "<table>", "<nav>", "<div class='related'>", "<div id='comments'>",
         "<header>")
_SCRIPT = re.compile(rb"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
PAGES = sorted(p for p in FIXTURES.glob("*/*.html") if b"<h1" in p.read_bytes())


def _places(data: bytes, count: int) -> list[int]:
    """The last ``count`` tag starts before the first <h1>, outside scripts (a tag put in a JSON-LD script
    breaks the structured data: garbage in, and warned as such)."""
    h1 = data.index(b"<h1")
    scripts = [m.span() for m in _SCRIPT.finditer(data, 0, h1)]
    starts = [m.start() for m in re.finditer(b"<", data[: h1 + 1])]  # never a Shift_JIS trail byte
    return [i for i in starts if not any(lo < i < hi for lo, hi in scripts)][-count:]


def _fields(a: jnparse.Article) -> tuple[object, ...]:
    return (tuple(b.text for b in a.body), a.dateline, a.published)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_an_element_left_open_above_the_headline_loses_nothing(path: Path) -> None:
    data = path.read_bytes()
    try:
        original = jnparse.parse(data)
    except jnparse.NotAnArticleError:  # a page that is no article (an expired story): refused with the tag too
        for at in _places(data, 3):
            for stray in STRAY:
                with pytest.raises(jnparse.NotAnArticleError):
                    jnparse.parse(data[:at] + stray.encode() + data[at:])
        return
    assert original.body, path.name
    for at in _places(data, 3):
        for stray in STRAY:
            got = jnparse.parse(data[:at] + stray.encode() + data[at:])
            assert _fields(got) == _fields(original), (path.name, at, stray)
