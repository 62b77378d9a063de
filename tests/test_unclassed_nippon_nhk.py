"""nippon.com and NHK pages whose ``class`` attributes (and ``id`` attributes) are gone, as a web archive such as
archive.today stores a page, read as the page: the same fields and the same lists, with a ``("layout",
"fallback")`` warning that says the parts were found by their places and what they hold."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import jnparse
from jnparse.sites import nhk, nippon

from .conftest import CORPUS, FIXTURES
from .prune_checks import cut_page_article, whole_page_article
from .stripped import CLASS, CLASS_OR_ID, FIELDS, STRIPS, lists, renamed, warned

_SITES = ("nippon", "nhk")
PAGES = [p for site in _SITES for p in sorted(FIXTURES.glob(f"{site}/*.html")) + sorted(CORPUS.glob(f"{site}*/*.html"))]
_FALLBACK = ("layout", "fallback")


def _assert_reads_alike(data: bytes, strip: re.Pattern[bytes]) -> jnparse.Article:
    """The page ``data`` stripped by ``strip`` reads as ``data`` does, and says how it was read; gives the
    stripped reading."""
    assert strip.search(data) is not None  # there is something to strip
    whole, bare = jnparse.parse(data), jnparse.parse(strip.sub(b"", data))
    for field in FIELDS:
        assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    assert bare.layout == whole.layout  # the site's reader, not the generic one
    assert _FALLBACK in warned(bare)
    assert _FALLBACK not in warned(whole)
    return bare


@STRIPS
@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_with_its_classes_stripped_reads_as_the_page(path: Path, strip: re.Pattern[bytes]) -> None:
    # nippon.com: the story is the div after the headline with the most paragraphs, the category label the
    # element above it, the tag list the section of tag links; NHK: the tag list is the menu of short links
    # after the headline, the related stories the box under a heading the site names its lists by.
    # (No page of these sites' fixtures is a page without an article: NotAnArticleError is not tried here.)
    bare = _assert_reads_alike(path.read_bytes(), strip)
    assert bare.body  # the Kyodo teaser's too: its one paragraph, found without div.editArea


_FEATURE = (FIXTURES / "nippon" / "feature-author.html").read_bytes()
_JIJI = (FIXTURES / "nippon" / "jiji-yjj-dateline.html").read_bytes()
_FERRY = (FIXTURES / "nhk" / "ferry-hydrogen-jsonld.html").read_bytes()
_LD_BODY = _FERRY[_FERRY.index(b',"articleBody"'):_FERRY.index(b"}</script>")]
_NHK_BODY = (b'<div class="p-article__body"><p>First paragraph.</p><h2>A subhead</h2><div><p>Inner.</p></div>'
             b'<figure><img src="/photo.jpg" alt="Alt text"><figcaption>A caption</figcaption></figure>'
             b'<div class="c-articleList"><h3>Inside</h3><a href="/x">X</a></div></div>')
_PHOTO_BOX = (b'<div class="photo-box"><img src="/en/p.jpg"><p class="caption">Steam over a tub. (&#169; Jiji)</p>'
              b"</div>")
_LABEL = b'<div class="c-detail__category"><a href="https://www.nippon.com/en/culture/">Culture</a></div>'


def _changed(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new)


@STRIPS
@pytest.mark.parametrize(
    ("page", "change"),
    [
        # nippon.com: a photo box told by its class, its caption too (© credit): a div holding a photo, its text
        pytest.param(_FEATURE, lambda b: _changed(b, b"<h2>A second", _PHOTO_BOX + b"<h2>A second"),
                     id="nippon-photo-box"),
        pytest.param(_FEATURE, lambda b: _changed(b, b"<h2>A second", b"<div><p>Inner paragraph.</p></div>"
                                                  b"<h2>A second"), id="nippon-paragraphs-in-a-plain-div"),
        pytest.param(_FEATURE, lambda b: _changed(b, _LABEL, b'<p class="c-detail__category">Culture</p>'),
                     id="nippon-label-without-a-link"),
        pytest.param(_FEATURE, lambda b: re.sub(rb"<figcaption>.*?</figcaption>", b"", b), id="nippon-no-caption"),
        pytest.param(_JIJI, lambda b: _changed(b, b"<h2>Tags</h2>", b"<span>Heading</span>"),
                     id="nippon-tag-list-told-by-its-links"),
        pytest.param(_JIJI, lambda b: _changed(b, b"</article>", b'<section class="c-related"><h2>Related</h2><ul><li>'
                                               b'<a href="https://www.nippon.com/en/news/yjj2025090300001/">Other'
                                               b" story</a></li></ul></section></article>"),
                     id="nippon-a-section-of-stories-is-no-tag-list"),
        # NHK: the body from its container (no articleBody), nested list boxes, a site-name h1 before the story
        pytest.param(_FERRY, lambda b: _changed(_changed(b, _LD_BODY, b""), b'<div class="p-article__body"></div>',
                                                _NHK_BODY), id="nhk-body-from-the-container"),
        pytest.param(_FERRY, lambda b: _changed(b, b'<div class="c-articleList">', b'<div class="c-articleMediaList x">'
                                                b'<h2>Most read</h2><ul><li><a href="/p">P</a></li></ul>'
                                                b'<div class="c-articleList">'), id="nhk-nested-lists"),
        pytest.param(_FERRY, lambda b: _changed(b, b'<main class="l-main">', b'<main class="l-main"><h1>Site</h1>'),
                     id="nhk-h1-in-main"),
        pytest.param(_FERRY, lambda b: _changed(_changed(b, b'"headline":', b'"x":'), b'property="og:title"',
                                                b'property="x"'), id="nhk-title-from-h1"),
    ],
)
def test_a_changed_page_with_its_classes_stripped_reads_as_the_page(
        page: bytes, change: Callable[[bytes], bytes], strip: re.Pattern[bytes]) -> None:
    # the parts the fixture pages do not show: each found by its place or by what it holds
    _assert_reads_alike(change(page), strip)


def test_a_photo_box_and_a_caption_without_their_classes() -> None:
    # a real value, not only "as the page": the caption and its credit from the box's text
    page = _changed(_FEATURE, b"<h2>A second", _PHOTO_BOX + b"<h2>A second")
    bare = jnparse.parse(CLASS.sub(b"", page))
    assert [(i.url, i.caption, i.credit) for i in bare.images][1:] == [
        ("https://www.nippon.com/en/p.jpg", "Steam over a tub.", "Jiji")]
    assert "Steam over a tub. (© Jiji)" not in [b.text for b in bare.body]


@pytest.mark.parametrize("site", _SITES)
def test_the_cut_page_of_a_stripped_copy_is_read_as_is(site: str) -> None:
    # the prune keeps the article (nippon.com) or <main> (NHK): what the class-less reading looks at is all in
    # it, so the cut parse stands (no warning that asks for the whole page) and reads as the whole page
    prune = {"nippon": nippon.prune, "nhk": nhk.prune}[site]
    for path in sorted(FIXTURES.glob(f"{site}/*.html")):
        data = CLASS_OR_ID.sub(b"", path.read_bytes())
        pruned = prune(data)
        assert pruned is not None, path.name
        cut = cut_page_article(pruned, data)
        assert isinstance(cut, dict), path.name
        assert not any(w["code"] == "unknown-layout" for w in cut["warnings"]), path.name
        assert cut == whole_page_article(data), path.name


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_whose_classes_were_renamed_is_no_stripped_copy(path: Path) -> None:
    # a redesign keeps its classes under other names: it is not read by places (nippon.com hands it to the
    # generic reader, NHK reads its JSON-LD), and says nothing of a class-less copy
    a = jnparse.parse(renamed(path.read_bytes(), ids=False))
    assert _FALLBACK not in {(w.field, w.code) for w in a.warnings}
    assert not [d for d in a.discarded if d.items and d.heading in ("Tags", "Related")]
