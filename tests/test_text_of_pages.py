"""A plain-text copy of a Japan News page (its visible text, from the very top: menus and all) gives
the same fields as the page itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import jnparse

from .conftest import CORPUS, FIXTURES
from .page_text import render

PREMIUM = FIXTURES / "japannews" / "premium-paywalled.html"
PAGES = [p for p in sorted((FIXTURES / "japannews").glob("*.html")) if p != PREMIUM]
if (CORPUS / "japannews").exists():
    PAGES += sorted((CORPUS / "japannews").glob("*.html"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_text_copy_of_the_page_gives_the_same_fields(path: Path) -> None:
    page = jnparse.parse(path.read_bytes())
    copy = jnparse.parse_text(render(path.read_bytes()))
    assert copy.site == "japannews"
    assert copy.title == page.title
    assert copy.section == page.section
    assert copy.published == page.published
    assert copy.byline == page.byline
    assert copy.dateline == page.dateline
    assert copy.agency == page.agency
    assert copy.body == page.body
    assert [(i.caption, i.credit) for i in copy.images] == [(i.caption, i.credit) for i in page.images]
    wanted = [(d.kind, d.heading, [i.title for i in d.items]) for d in page.discarded if d.heading]
    got = [(d.kind, d.heading, [i.title for i in d.items]) for d in copy.discarded if d.heading]
    assert got == wanted


def test_premium_copy_keeps_the_preview() -> None:
    path = PREMIUM
    page = jnparse.parse(path.read_bytes())
    copy = jnparse.parse_text(render(path.read_bytes()))
    assert copy.title == page.title
    assert copy.body[: len(page.body)] == page.body


# pages with the 2013-2023 page chrome around the story (the staff fixture is the bare story only)
JT_PAGES = [FIXTURES / "japantimes" / "wp2013-wire-related-gallery.html"]
if (CORPUS / "japantimes").exists():
    JT_PAGES += sorted((CORPUS / "japantimes").glob("*.html"))


@pytest.mark.parametrize("path", JT_PAGES, ids=lambda p: p.name)
def test_text_copy_of_a_japan_times_page(path: Path) -> None:
    """A copy of the whole visible 2013-2023 Japan Times page (menus, history box, share bar, related
    box, footer): the same story fields; the printed date carries no time of day."""
    page = jnparse.parse(path.read_bytes())
    copy = jnparse.parse_text(render(path.read_bytes()))
    assert copy.site == "japantimes"
    assert copy.title == page.title
    assert copy.section == page.section
    assert copy.dateline == page.dateline
    assert copy.agency == page.agency
    assert copy.body == page.body
    assert copy.published is not None and page.published is not None
    assert copy.published.date() == page.published.date()
    related = [(d.heading, [i.title for i in d.items]) for d in page.discarded if d.kind == "related"]
    assert [(d.heading, [i.title for i in d.items]) for d in copy.discarded if d.kind == "related"] == related


MANGLES = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "padded": lambda t: "\n".join("  " + ln + "\t" for ln in t.split("\n")),
    "blank-lines": lambda t: t.replace("\n", "\n\n"),
    "round-bullets": lambda t: t.replace("\n-\n", "\n•\n"),
}


@pytest.mark.parametrize("mangle", MANGLES, ids=list(MANGLES))
@pytest.mark.parametrize("path", [*PAGES[:1], *PAGES[-1:], *JT_PAGES], ids=lambda p: p.name)
def test_copies_with_odd_line_ends_spaces_and_bullets(path: Path, mangle: str) -> None:
    text = render(path.read_bytes())
    plain = jnparse.parse_text(text)
    odd = jnparse.parse_text(MANGLES[mangle](text))
    for field in ("site", "title", "section", "published", "byline", "dateline", "agency", "body"):
        assert getattr(odd, field) == getattr(plain, field), field
    headed = [(d.kind, d.heading, len(d.items)) for d in plain.discarded if d.heading]
    assert [(d.kind, d.heading, len(d.items)) for d in odd.discarded if d.heading] == headed
