"""Jiji Press: k-number dates, photo credits, the agency of every story, text-copy detection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import jnparse
from jnparse import api
from jnparse.loading import parse_bytes
from jnparse.page import Page
from jnparse.sites import jiji
from jnparse.sites.base import link_items
from jnparse.textcopy import TextCopy

from .conftest import FIXTURES
from .prune_checks import article, cut_page_article, extract, nested_markup, whole_page_article

JIJI = FIXTURES / "jiji"


def test_k_number_date() -> None:
    d = jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=2026042200564")
    assert d == dt.datetime(2026, 4, 22, tzinfo=jnparse.dates.JST)
    assert jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=20261399") is None
    assert jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=2026133100564") is None  # month 13
    assert jiji.k_date(None) is None


def test_photo_credits() -> None:
    assert jiji.photo_credit("A drone over a field. (© Jiji)") == ("A drone over a field.", "Jiji Press")
    assert jiji.photo_credit("A bridge. (Courtesy of Mito city; © Jiji)") == (
        "A bridge.", "Courtesy of Mito city; Jiji Press")
    assert jiji.photo_credit("No credit here (2024)") == ("No credit here (2024)", None)


def test_k_number_is_the_last_resort_date_with_a_warning() -> None:
    html = ("<html><head><link rel='canonical' href='https://jen.jiji.com/jc/eng?g=eco&amp;k=2025011000123'></head>"
            "<body><h1 id='article-title'>Yen Slips</h1><p class='full-article-txt'>The yen slipped.</p></body></html>")
    a = jnparse.parse(html)
    assert a.site == "jiji"
    assert a.published == dt.datetime(2025, 1, 10, tzinfo=jnparse.dates.JST)
    assert any(w.field == "published" and w.code == "low-confidence" for w in a.warnings)
    assert a.section == "Economy"
    assert a.dateline is None and a.agency == "Jiji Press"  # the site is the agency


def test_legacy_layout_and_br_paragraphs() -> None:
    a = jnparse.parse((JIJI / "mito-photo-legacy.html").read_bytes())
    assert a.layout == "jiji/text4l"
    assert len(a.body) == 3
    assert a.images[0].credit == "Jiji Press"


def test_printed_date_and_k_number_disagreeing_is_reported() -> None:
    html = ("<html><head><link rel='canonical' href='https://jen.jiji.com/jc/eng?g=pol&amp;k=2025011000123'></head>"
            "<body><h1 id='article-title'>T</h1><p class='article-date'>2025/01/11-00:10</p>"
            "<p class='full-article-txt'>Tokyo, Jan. 11 (Jiji Press)--Text.</p></body></html>")
    a = jnparse.parse(html)
    assert a.published is not None and a.published.day == 11
    assert any(w.code == "disagree" for w in a.warnings)


def test_text_signature() -> None:
    own = TextCopy.from_text((JIJI / "wakayama-feature-copy.txt").read_text(encoding="utf-8"))
    assert jiji.text_signature(own)
    nippon = TextCopy.from_text("Newsfrom Japan\nTokyo, Aug. 22 (Jiji Press)--A story.")
    assert not jiji.text_signature(nippon)
    japannews = TextCopy.from_text("13:11 JST, April 8, 2022\nBRUSSELS (Jiji Press) — A story.")
    assert not jiji.text_signature(japannews)


def test_text_copy_without_date_line_uses_k_number() -> None:
    a = jnparse.parse_text("Headline Here\nOsaka, Nov. 23 (Jiji Press)--Body text.",
                           url="https://jen.jiji.com/jc/eng?g=soc&k=2024112300077")
    assert a.title == "Headline Here"
    assert a.dateline is not None and a.dateline.place == "Osaka"
    assert a.published == dt.datetime(2024, 11, 23, tzinfo=jnparse.dates.JST)


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "jiji" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = jiji.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = jiji.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "jiji":
            assert with_bytes or Page(root).canonical, path.name


# -- the fast paths give what the plain code they replace gives ----------------------------------------

_CLASSES = ["textBL", "textL", "text4L", "photos-list", "photos-data", "link-more", "full-article-txt",
            "article-date", "x", "textL\u00a0x"]
_TAGS = ["div", "p", "ul", "ol", "a", "h1", "h2", "h3", "li", "span"]


def _openers() -> list[str]:
    """Start tags of each tag with none, one or two of the classes (an h1 also with the title's id, a link
    with an address)."""
    class_sets = ["", *_CLASSES, *(f"{a} {b}" for a in _CLASSES for b in _CLASSES if a < b)]
    out = []
    for tag in _TAGS:
        for classes in class_sets:
            attrs = f' class="{classes}"' if classes else ""
            if tag == "a":
                attrs += ' href="/jc/eng?g=eco&amp;k=2025090300901"'
            out.append(f"<{tag}{attrs}>")
            if tag == "h1":
                out.append(f'<h1{attrs} id="article-title">')
    return out


_PAGES = st.lists(nested_markup(_openers(), ["t", ""]), min_size=1, max_size=4).map(
    lambda body: f"<html><head><title>T</title></head><body>{''.join(body)}</body></html>".encode()
)


@settings(max_examples=300, deadline=None)
@given(data=_PAGES)
def test_scan_gives_what_the_xpath_rules_give(data: bytes) -> None:
    root = parse_bytes(data)
    for source in (data, None):
        parts = jiji._scan(Page(root, source=source))
        assert parts.title_current is next(iter(jiji.TITLE_CURRENT(root)), None)
        assert parts.title_legacy is next(iter(jiji.TITLE_LEGACY(root)), None)
        assert parts.date is next(iter(jiji.ARTICLE_DATE(root)), None)
        assert parts.body == jiji.BODY(root)
        assert parts.photos == jiji.PHOTOS(root)
        assert parts.lists == jiji.LISTS(root)
        for el in parts.lists:
            assert jiji._heading(el, set(parts.body)) is next(iter(_LIST_HEADING(el)), None)
            assert jiji._link_items(Page(root), el) == link_items(Page(root), el)


#: the nearest preceding sibling that is a heading or a story paragraph, when it is a heading
_LIST_HEADING = etree.XPath(
    "./preceding-sibling::*[self::h2 or self::h3 or self::h4"
    " or ((self::p or self::div) and contains(concat(' ', normalize-space(@class), ' '), ' full-article-txt '))][1]"
    "[self::h2 or self::h3 or self::h4]"
)


@settings(max_examples=500)
@given(data=st.lists(st.sampled_from([b"textBL", b"textL", b"text", b"L", b"B", b"<a ", b"<ul ", b"<x", b"<",
                                      b" ", b'"', b"e"]), max_size=30).map(b"".join))
def test_walk_tags_reads_the_bytes_as_tags_with(data: bytes) -> None:
    page = Page(etree.fromstring(b"<html/>"), source=data)
    bl, l_ = page.tags_with(b"textBL"), page.tags_with(b"textL")
    for limit in (2000, 3):  # the memchr walk, and the plain finds it falls back to
        got = jiji._walk_tags(Page(page.root, source=data), limit=limit)
        if bl is None or l_ is None:
            assert got is None
        else:
            assert got == tuple(sorted({"h1", "p", "div", "ul", "ol", *bl, *(["a"] if "a" in l_ else [])}))


@settings(max_examples=500)
@given(href=st.text(alphabet="/.?&=%+-_~;#: a0Zk\t", max_size=20).map(lambda h: "/" + h),
       base=st.sampled_from(["https://jen.jiji.com/jc/eng?g=pol&k=1", "http://Jen.Jiji.com:8080/a/b/",
                             "https://user@jen.jiji.com", None]))
def test_absolute_is_page_absolute(href: str, base: str | None) -> None:
    page = Page(etree.fromstring(b"<html/>"), url=base)
    assert jiji._absolute(page, href) == page.absolute(href)
    for known in ("/jc/eng?g=eco&k=2025090300901", "/jc/eng?g=pol", "/a/./b?x=1", "/a//b?x=1", "/a?", "/a;p?x"):
        assert jiji._absolute(page, known) == page.absolute(known), known


def _wrapped(path: Path) -> bytes:
    from benchmarks.run import at_page_size

    data = at_page_size(path.read_bytes())
    assert data is not None
    return data


def test_pruned_parse_gives_the_whole_parse() -> None:
    for path in sorted(JIJI.glob("*.html")):
        data = _wrapped(path)
        pruned = jiji.prune(data)
        assert pruned is not None and len(pruned) < len(data) * 0.6, path.name
        whole = whole_page_article(data)
        assert isinstance(whole, dict), path.name
        assert cut_page_article(pruned, data) == whole == article(path.read_bytes()), path.name


def test_prune_keeps_the_whole_page_when_something_read_lies_outside() -> None:
    page = (JIJI / "tokyo-cabinet-dateline.html").read_bytes()
    assert jiji.prune(page) is not None
    outside = [
        (b'<div id="footer">', b'<div id="footer"><ul class="textL"><li><a href="/x">X</a></li></ul>'),
        (b'<div id="footer">', b'<div id="footer"><div class="textBL"><a href="/x">X</a></div>'),
        (b'<div id="header">', b'<div id="header"><meta itemprop="datePublished" content="2025-09-03">'),
        (b'<div id="header">', b'<h2>Photos</h2><div id="header">'),
        (b'<div id="header">', b'<p class="full-article-txt">More.</p><div id="header">'),
        (b'<div id="footer">', b'<div id="footer"><script type="application/ld+json">{}</script>'),
        (b"<title>", b"<title></title><x>"),
        (b"<title>", b"<title>&#32;</title><x>"),
        (b'<div id="header">', b'<link rel="Canonical" href="https://jen.jiji.com/x"><div id="header">'),
    ]
    for old, new in outside:
        changed = page.replace(old, new, 1)
        assert changed != page
        assert jiji.prune(changed) is None, new
    assert jiji.prune(page.replace(b'<div id="wrapper">', b"<div>")) is None
    # JSON-LD inside the kept region is parsed with it
    inside = page.replace(b'<div id="main">', b'<div id="main"><script type="application/ld+json">{}</script>', 1)
    assert jiji.prune(inside) is not None


_PIECES = [
    "<h2>Latest News</h2>", "<h3>Photos</h3>", "<p>Text.</p>",
    '<ul class="textL"><li><a href="/jc/eng?g=eco&amp;k=1">A</a></li></ul>',
    '<div class="textBL"><a href="/b">B</a></div>', '<p class="link-more"><a href="/jc/eng?g=pol">More</a></p>',
    '<p class="full-article-txt">Tokyo, Sept. 3 (Jiji Press)--Body.</p>', '<h1 id="article-title">Headline</h1>',
    '<p class="article-date">2025/09/03-18:42</p>', '<meta itemprop="name" content="x">',
    "<div><h2>Most Read</h2></div>", '<div class="photos-data"><img src="/i.jpg"><p>A photo. (© Jiji)</p></div>',
    "<svg><title>icon</title></svg>",
]


_CHROME = ["<p>Text.</p>", "<svg><title>icon</title></svg>", '<ul><li><a href="/c">C</a></li></ul>', "<h2>Menu</h2>",
           "<div><p>Menu</p></div>"]


@st.composite
def _jiji_pages(draw: st.DrawFn) -> bytes:
    def run(pieces: list[str] = _PIECES) -> str:
        return "".join(draw(st.lists(st.sampled_from(pieces), max_size=4)))

    def chrome() -> str:  # mostly what prune() may drop, now and then a part it must keep
        return run(_CHROME) if draw(st.integers(0, 4)) else run()

    body = '<p class="full-article-txt">Tokyo, Sept. 3 (Jiji Press)--Body.</p>'
    return (
        '<html><head><title>T - JIJI PRESS</title><link rel="canonical" href="https://jen.jiji.com/jc/eng?g=pol&amp;k=1">'
        f'</head><body>{chrome()}<div id="wrapper">{run()}<div id="main">{run()}{body}{run()}</div>{run()}</div>'
        f'{run()}<div id="footer">{chrome()}</div>{chrome()}</body></html>'
    ).encode()


@settings(max_examples=400, deadline=None)
@given(data=_jiji_pages())
def test_a_pruned_page_reads_as_the_whole_page(data: bytes) -> None:
    """Wherever the parts sit around div#wrapper (a child of <body>), prune() keeps them or the whole page."""
    pruned = jiji.prune(data)
    if pruned is None:
        return
    try:
        cut = extract(data, pruned)
    except jnparse.ParseError:
        return  # parse() reads the whole page
    if not api._incomplete(cut):  # what api.parse() returns
        assert cut.to_dict() == whole_page_article(data)


@pytest.mark.parametrize("name", ["mito-photo-legacy", "tokyo-cabinet-dateline"])
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the rendered copy prints the photo stories' links ("Photo: …") and "More Politics news" under the story
    from .page_text import page_and_copy

    page, _text, copy = page_and_copy((FIXTURES / "jiji" / f"{name}.html").read_bytes())
    assert (copy.title, copy.dateline, copy.agency, copy.published) == (page.title, page.dateline, page.agency,
                                                                       page.published)
    assert [b.text for b in copy.body] == [b.text for b in page.body]


def test_what_stands_between_story_paragraphs_is_the_story() -> None:
    """A list, a bare div (its ``<br>`` a paragraph break, as in Jiji's story paragraphs) and a subhead between two
    story paragraphs are the story, in place; a list the module knows keeps its heading and stays out, a table is
    discarded after the lists; the list under the story takes no heading from the story's subhead."""
    data = (JIJI / "tokyo-cabinet-dateline.html").read_bytes()
    at = data.index(b'<p class="full-article-txt">', data.index(b'<p class="full-article-txt">') + 1)
    inserted = (b"<ul><li>First <b>item</b></li><li>Second item</li></ul><div>Bare <i>text</i><br><br>Line two</div>"
                b"<h3>Related</h3><ul class='textL'><li><a href='/jc/eng?g=eco&amp;k=2025090300001'>A link</a></li>"
                b"</ul><table><tr><td>LDP</td><td>247</td></tr></table><h4>Heating costs</h4>")
    before, after = jnparse.parse(data), jnparse.parse(data[:at] + inserted + data[at:])
    texts = [(b.kind, b.text) for b in after.body]
    assert texts == [
        ("paragraph", before.body[0].text), ("paragraph", "First item"), ("paragraph", "Second item"),
        ("paragraph", "Bare text"), ("paragraph", "Line two"), ("subhead", "Heating costs"),
        *((b.kind, b.text) for b in before.body[1:]),
    ]
    related = jnparse.model.Discarded(kind="related", heading="Related", items=(
        jnparse.model.Item(title="A link", url="https://jen.jiji.com/jc/eng?g=eco&k=2025090300001"),))
    assert after.discarded == (related, *before.discarded, jnparse.model.Discarded(kind="other", text="LDP | 247"))
