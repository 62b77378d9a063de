"""The Asahi Shimbun AJW and JAPAN Forward pages as a web archive (archive.today) stores them, with their class
attributes stripped, and their ids too: each reads as the page itself, its parts found by their places and
its boxes by what they hold, and says so with a ``layout``/``fallback`` warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jnparse
from jnparse.sites import japanforward

from .conftest import CORPUS, FIXTURES
from .stripped import FIELDS, STRIPS, lists, renamed, warned

_PAGES = [p for site in ("asahi", "japanforward")
          for p in sorted(FIXTURES.glob(f"{site}/*.html")) + sorted(CORPUS.glob(f"{site}*/*.html"))]
_FALLBACK = ("layout", "fallback")


def _same_reading(data: bytes, strip: re.Pattern[bytes]) -> None:
    """The page stripped reads as the page: every field, the lists of stories and every other box kept out of
    the body (the share bars, the language switch, the newsletter promos, a teaser's blurbs), the fallback said
    on the stripped reading only."""
    whole, bare = jnparse.parse(data), jnparse.parse(strip.sub(b"", data))
    for field in FIELDS:
        assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    assert bare.discarded == whole.discarded
    assert (bare.kicker, bare.description, bare.date_text) == (whole.kicker, whole.description, whole.date_text)
    assert bare.layout == whole.layout != "generic"
    assert _FALLBACK in warned(bare)
    assert _FALLBACK not in warned(whole)


def test_the_fixture_pages_are_there() -> None:
    assert {p.parent.name for p in _PAGES} == {"asahi", "japanforward"}


@STRIPS
@pytest.mark.parametrize("path", _PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_with_its_classes_stripped(path: Path, strip: re.Pattern[bytes]) -> None:
    # AJW: the headline in its div in a div, the byline and date lines beside it, the story (the div with the
    # most paragraphs), the photos (divs opening with a picture) and the share bar (share links, or the word
    # "Share"). JAPAN Forward: the content beside the article's header, the category by rel="category tag",
    # the byline and time after the headline, the social box by "Connect with us", the lists by "Related"
    _same_reading(path.read_bytes(), strip)


_JF = FIXTURES / "japanforward" / "sankei-translated-langlink.html"
_SHARE = (b'<div class="sharedaddy"><h3>Share this:</h3><ul>'
          b'<li><a href="https://twitter.com/intent/tweet?url=https://japan-forward.com/s/">X</a></li>'
          b'<li><a href="https://www.facebook.com/sharer/sharer.php?u=https://japan-forward.com/s/">Facebook</a></li>'
          b"</ul></div>")
_RELATED = (b'<div class="jp-relatedposts"><h3>Related</h3><ul><li><a href="/a-story/">A story</a></li>'
            b'<li><a href="/b-story/">B story</a></li></ul></div>')
_THUMB = (b'<div class="post-thumbnail"><figure><img src="/t.jpg">'
          b"<figcaption>A view of the river. (\xc2\xa9Sankei)</figcaption></figure></div>")


@STRIPS
def test_a_japan_forward_page_with_boxes_in_its_content_and_a_thumbnail(strip: re.Pattern[bytes]) -> None:
    # share buttons and Jetpack's related posts inside the content are told by their links and heading, the post
    # thumbnail between the header and the content by its place
    data = _JF.read_bytes().replace(b'<div class="jf-newsletter-promo">',
                                    _SHARE + _RELATED + b'<div class="jf-newsletter-promo">')
    data = data.replace(b'  <div class="entry-content">', _THUMB + b'<div class="entry-content">')
    whole = jnparse.parse(data)
    assert [d.kind for d in whole.discarded if d.items] == ["navigation", "share", "related", "share", "related"]
    assert whole.images[0].caption == "A view of the river."
    _same_reading(data, strip)


def _with_menus(page: bytes) -> bytes:
    """``page`` with long menus before the article and a footer after it, which the prune would drop."""
    menu = "".join(f'<li class="menu-item"><a href="/section-{i}/">Section {i}</a></li>' for i in range(150))
    top = f'<div class="site-top"><nav><ul class="menu">{menu}</ul></nav></div>'.encode()
    bottom = f'<div class="site-bottom"><ul>{menu}</ul></div>'.encode()
    open_end = page.index(b">", page.index(b"<body")) + 1
    close_at = page.rindex(b"</body>")
    return page[:open_end] + top + page[open_end:close_at] + bottom + page[close_at:]


@STRIPS
def test_a_japan_forward_page_without_classes_is_read_whole(strip: re.Pattern[bytes]) -> None:
    # its social box above the article is told by its label, not by a mark the prune could find in the bytes
    data = _with_menus(_JF.read_bytes())
    assert japanforward.prune(data) is not None
    assert japanforward.prune(strip.sub(b"", data)) is None
    _same_reading(data, strip)


def _list_page() -> bytes:
    """An invented AJW section page: a heading in a div in a div, and teasers in a list, no story."""
    items = "".join(f'<li><a href="/ajw/articles/1579{i:04d}">Story number {i} about a town</a>'
                    f'<p class="Lead">A short teaser for story {i} about the town and its people.</p></li>'
                    for i in range(8))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Politics | The Asahi Shimbun</title>'
            f'<link rel="canonical" href="https://www.asahi.com/ajw/politics/"></head><body><div id="MainInner">'
            f'<div class="SectionTitle"><div class="Title"><h1>Politics</h1></div></div>'
            f'<ul class="List">{items}</ul></div></body></html>').encode()


@STRIPS
def test_an_ajw_list_page_with_its_classes_stripped_is_still_no_article(strip: re.Pattern[bytes]) -> None:
    # its heading stands where a headline would, but no story stands beside it: no reading by place
    data = _list_page()
    with pytest.raises(jnparse.NotAnArticleError, match="AJW"):
        jnparse.parse(data)
    with pytest.raises(jnparse.NotAnArticleError, match="AJW"):
        jnparse.parse(strip.sub(b"", data))


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_whose_classes_were_renamed_is_no_stripped_copy(path: Path) -> None:
    # a redesign is not read by the places of the old design's parts: the generic reader takes it (a teaser's one
    # paragraph is no story to it)
    data = renamed(path.read_bytes(), ids=False)
    if path.stem == "photo-teaser-ap":
        with pytest.raises(jnparse.NotAnArticleError, match="no reader found"):
            jnparse.parse(data)
        return
    article = jnparse.parse(data)
    assert article.layout == "generic"
    assert ("layout", "unknown-layout") in warned(article)
    assert _FALLBACK not in warned(article)
