"""A page of The Mainichi or Nikkei Asia whose ``class`` attributes were stripped (as a web archive such as
archive.today stores it), or its ``class`` and ``id`` attributes both, reads as the page itself: its header's
parts, story and photos found by their places, its boxes by what they hold, and a ``("layout", "fallback")``
warning saying so. What a copy cannot give back is warned of, never read wrong in silence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

import jnparse

from .conftest import CORPUS, FIXTURES
from .prune_checks import article, whole_page_article
from .stripped import CLASS, CLASS_OR_ID, FIELDS, STRIPS, lists, renamed, warned

_SITES = ("mainichi", "nikkei")
PAGES = [p for site in _SITES for p in (*sorted(FIXTURES.glob(f"{site}/*.html")),
                                       *sorted(CORPUS.glob(f"{site}*/*.html")))]

#: Fields a stripped copy of a page cannot give back, by page and strip, and why. The strip runs over the
#: page's bytes, into the Next.js page's __NEXT_DATA__ JSON too, where the story's HTML writes its quotes
#: ``\"`` and its ``>`` ``\u003e``: there ``class=\"…\"`` (and ``id=\"…\"``) is cut up to the next white space,
#: and takes the tag's end with it and the tag or word after it. On this page the inline photo's ``<img`` goes
#: (``class=\"ez-embed-type-image\"\u003e\u003cimg``) and, ids stripped too, the start of the paragraph after
#: the ad (``id=\"div-gpt-ad-article-1\"\u003eAdvertisement…\u003cp\u003eThe``): that photo and that
#: paragraph are lost, and the reader, which sees the cut tags left behind, warns of both fields.
_LOST = {
    ("nikkei/staff-next-image-ads", CLASS): ("images",),
    ("nikkei/staff-next-image-ads", CLASS_OR_ID): ("body", "images"),
}


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@STRIPS
@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_a_page_with_its_classes_stripped_reads_as_the_page(path: Path, strip: re.Pattern[bytes]) -> None:
    # The Mainichi: the story by its id or its place after the headline, photos beside and in it by their
    # places, the subscription prompt by its words. Nikkei Asia: the Next.js data script by its unclassed chrome
    # or by how its JSON begins; the server-rendered headline, author, time and story by their places; ads and
    # photos in the story by what they hold
    data = path.read_bytes()
    whole, bare = jnparse.parse(data), jnparse.parse(strip.sub(b"", data))
    lost = _LOST.get((_name(path), strip), ())
    for field in FIELDS:
        if field not in lost:
            assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    assert ("layout", "fallback") in warned(bare)
    assert ("layout", "fallback") not in warned(whole)
    for field in lost:
        assert (field, "low-confidence") in warned(bare) and (field, "low-confidence") not in warned(whole)
    if "images" in lost:  # the lead photo (from the JSON's own fields) is kept; the one in the story's HTML went
        assert bare.images == whole.images[:1] and len(whole.images) == 2
    if "body" in lost:  # what is left of the story reads as it did, in its order; one paragraph went
        assert [b for b in whole.body if b in bare.body] == list(bare.body) and len(bare.body) == len(whole.body) - 1


def test_the_fields_a_copy_cannot_give_back_are_those_of_pages_there_are() -> None:
    assert {page for page, _ in _LOST} <= {_name(p) for p in PAGES}


@STRIPS
@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_a_stripped_page_reads_the_same_cut_or_whole(path: Path, strip: re.Pattern[bytes]) -> None:
    # the Next.js page's cut keeps its data script and drops the chrome that tells a stripped copy: such a page
    # is read whole (else its cut reading would go without the fallback and its warning)
    data = strip.sub(b"", path.read_bytes())
    assert article(data) == whole_page_article(data)


def _tree_stripped(data: bytes) -> bytes:
    """``data`` with the class attribute of every element taken out of its tree, as an archive that stores the
    page it rendered does: the text of its scripts (the __NEXT_DATA__ JSON) is left as it was."""
    root = lxml_html.document_fromstring(data)
    for el in root.iter(etree.Element):
        el.attrib.pop("class", None)
    return etree.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")


@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_a_page_whose_classes_were_taken_out_of_its_tree_loses_nothing(path: Path) -> None:
    # no strip cuts into the JSON: every field and list as on the page, with no warning of a field lost
    data = path.read_bytes()
    whole, bare = jnparse.parse(data), jnparse.parse(_tree_stripped(data))
    for field in FIELDS:
        assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    assert ("layout", "fallback") in warned(bare)
    assert not {w for w in warned(bare) if w[1] == "low-confidence"} - warned(whole)


_SERVER = FIXTURES / "nikkei" / "server-layout-2021.html"
#: An invented inline photo of the server-rendered design, put at the end of its story.
_PHOTO = (b'<div class="ez-embed-type-image"><img src="https://www.ft.com/__origami/service/image/v2/images/raw/'
          b'invented.jpg?source=nar-cms" alt=""><div class="article__caption"><span class="ezstring-field">Riders'
          b' wait at a charging stand in Jakarta. (Photo by Ken Tanaka)</span></div></div>')


@STRIPS
def test_a_photo_in_a_stripped_story_is_told_by_what_it_holds(strip: re.Pattern[bytes]) -> None:
    data = _SERVER.read_bytes()
    at = data.rindex(b"</div>", 0, data.index(b"</body>"))
    page = data[:at] + _PHOTO + data[at:]
    whole, bare = jnparse.parse(page), jnparse.parse(strip.sub(b"", page))
    assert whole.images[-1].caption == "Riders wait at a charging stand in Jakarta." and len(whole.images) == 2
    assert bare.images == whole.images and bare.body == whole.body
    assert [(d.kind, d.text) for d in bare.discarded] == [(d.kind, d.text) for d in whole.discarded]


_MAINICHI_URL = "https://mainichi.jp/english/articles/20200101/p2a/00m/0na/001000c"
_NOT_ARTICLES = {
    # an expired story: its body section left empty
    "mainichi-expired": (b'<html><body><div class="main-contents"><section id="articledetail-body"'
                         b' class="articledetail-body"></section></div></body></html>', _MAINICHI_URL),
    # a section front of the Next.js design: its data holds no story
    "nikkei-section": (b'<html><head><meta property="og:type" content="website"><title>Business | Nikkei Asia'
                       b'</title></head><body><div id="__next"><header class="Header_header__x3Ks1"><h1'
                       b' class="Section_title__p2">Business</h1></header></div><script id="__NEXT_DATA__"'
                       b' type="application/json">{"props": {"pageProps": {"section": {"name": "Business"}}}}'
                       b"</script></body></html>", "https://asia.nikkei.com/Business"),
}


@STRIPS
@pytest.mark.parametrize("name", sorted(_NOT_ARTICLES))
def test_a_stripped_page_that_holds_no_story_is_still_no_article(name: str, strip: re.Pattern[bytes]) -> None:
    data, url = _NOT_ARTICLES[name]
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(data, url=url)
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(strip.sub(b"", data), url=url)


@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_a_page_whose_classes_were_renamed_is_no_stripped_copy(path: Path) -> None:
    # a redesign keeps classes, under other names: the reading by places is not for it. (Its renamed ids leave
    # a Next.js page's data script to be found by how its JSON begins, which says so: no reading by place.)
    read = jnparse.parse(renamed(path.read_bytes()))
    notes = [w for w in read.warnings if (w.field, w.code) == ("layout", "fallback")]
    assert all("no ids" in w.detail and "data script" in w.detail for w in notes)


#: An invented Mainichi page whose section only its breadcrumb gives (``li.active``), and whose paywall only its
#: ``is-mustpay`` flag shows (no fee or entitlement meta, no prompt): both are marked by class alone.
_MARKED_BY_CLASS_ONLY = (
    b'<html><head><title>Port city opens a ferry museum - The Mainichi</title><link rel="canonical"'
    b' href="https://mainichi.jp/english/articles/20250114/p2a/00m/0na/031000c"></head><body>'
    b'<div class="container"><ul><li><a href="/english/">Home</a></li><li class="active">Japan</li></ul></div>'
    b'<h1 class="title-page">Port city opens a ferry museum</h1>'
    b'<section id="articledetail-body" class="articledetail-body is-mustpay"><p>KOBE -- A museum of ferries'
    b" opened on Tuesday.</p><p>It shows models of ships that served the port.</p></section></body></html>"
)


@STRIPS
def test_what_only_a_class_marks_is_warned_of_on_a_stripped_mainichi_page(strip: re.Pattern[bytes]) -> None:
    whole, bare = jnparse.parse(_MARKED_BY_CLASS_ONLY), jnparse.parse(strip.sub(b"", _MARKED_BY_CLASS_ONLY))
    assert (whole.section, whole.paywalled) == ("Japan", True)
    assert bare.body == whole.body and bare.title == whole.title
    # no copy of the page tells its current section or its paywall any more: said, not read wrong in silence
    assert (bare.section, bare.paywalled) == (None, False)
    assert {("section", "missing"), ("paywalled", "low-confidence"), ("layout", "fallback")} <= warned(bare)
