"""Kyodo and Jiji pages as a web archive (archive.today) stores them: no class attribute left, and in some
copies no id either. The readers find the parts by their places and what they hold, and say so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jnparse

from .conftest import CORPUS, FIXTURES
from .stripped import CLASS, FIELDS, STRIPS, lists, renamed, warned

_SITES = ("kyodo", "jiji")
_PAGES = [p for site in _SITES
          for p in sorted(FIXTURES.glob(f"{site}/*.html")) + sorted(CORPUS.glob(f"{site}*/*.html"))]
_FIELDS = (*FIELDS, "date_text")


def test_there_are_pages_of_both_sites() -> None:
    assert {p.parent.name for p in _PAGES} == set(_SITES)


@STRIPS
@pytest.mark.parametrize("path", _PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_kyodo_or_jiji_page_with_its_classes_stripped(path: Path, strip: re.Pattern[bytes]) -> None:
    # Kyodo's 2018 design: the story and the photo box beside the headline and its "KYODO NEWS -" credit line;
    # its 2025 design: the <article> holding the story. Jiji: the date line, story, photo and the links under
    # the story beside the headline, the side lists after their headings ("Latest News", "Most Read")
    data = path.read_bytes()
    try:
        whole = jnparse.parse(data)
    except jnparse.NotAnArticleError:
        with pytest.raises(jnparse.NotAnArticleError):  # no story on the page: none on its copy either
            jnparse.parse(strip.sub(b"", data))
        return
    bare = jnparse.parse(strip.sub(b"", data))
    for field in _FIELDS:
        assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    # the boxes with no items too: the digest's separators, a breaking story's "==Kyodo"
    assert bare.discarded == whole.discarded
    assert ("layout", "fallback") in warned(bare)
    assert ("layout", "fallback") not in warned(whole)
    assert ("layout", "unknown-layout") not in warned(bare)


@STRIPS
def test_a_stripped_jiji_page_says_which_design_it_was_read_as(strip: re.Pattern[bytes]) -> None:
    # the 2013 design (h1.text4L) differs from the current one (h1#article-title) by its class and id names
    # only: with its ids kept, its region div#contents tells it; without them, it is read as the current
    # design (the same fields), and the warning says so
    data = (FIXTURES / "jiji" / "mito-photo-legacy.html").read_bytes()
    assert jnparse.parse(data).layout == "jiji/text4l"
    bare = jnparse.parse(strip.sub(b"", data))
    said = " ".join(w.detail for w in bare.warnings if (w.field, w.code) == ("layout", "fallback"))
    if strip is CLASS:
        assert bare.layout == "jiji/text4l" and "read as the current" not in said
    else:
        assert bare.layout == "jiji/current" and "read as the current" in said
    current = (FIXTURES / "jiji" / "tokyo-cabinet-dateline.html").read_bytes()
    assert jnparse.parse(strip.sub(b"", current)).layout == "jiji/current"


@pytest.mark.parametrize("path", [p for p in _PAGES if p.parent.name == "jiji"], ids=lambda p: p.stem)
def test_a_jiji_page_whose_classes_were_renamed_is_no_stripped_copy(path: Path) -> None:
    # its story's paragraphs carry classes the layout does not know: a redesign, for the generic reader
    a = jnparse.parse(renamed(path.read_bytes()))
    assert a.layout == "generic" and ("layout", "unknown-layout") in warned(a)
    assert ("layout", "fallback") not in warned(a)


@pytest.mark.parametrize("path", [p for p in _PAGES if p.parent.name == "kyodo"], ids=lambda p: p.stem)
def test_a_kyodo_page_whose_classes_were_renamed_is_no_stripped_copy(path: Path) -> None:
    # the 2018 design's boxes renamed: the 2025 reader takes the box whose class names an article body, as it
    # did before; no reading by place
    a = jnparse.parse(renamed(path.read_bytes()))
    assert a.layout == "kyodo/articles2025"
    assert ("layout", "fallback") not in warned(a)
