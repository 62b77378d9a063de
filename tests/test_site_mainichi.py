"""The Mainichi: the odd cases of jnparse.sites.mainichi, with values read off the fixtures."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import jnparse
from jnparse.loading import parse_bytes
from jnparse.page import Page
from jnparse.sites import mainichi
from jnparse.sites.base import apart_block

from .conftest import FIXTURES
from .prune_checks import article as _article
from .prune_checks import nested_markup
from .prune_checks import whole_page_article as _whole_page_article
from .story_markup import (
    APART_TAGS,
    BOXED,
    DATA_TABLE,
    HEADLINE,
    NOT_TEXT,
    PHOTO_FIGURE,
    TEXT_BLOCK,
    assert_holds_read_in_place,
)

HERE = FIXTURES / "mainichi"
JST = dt.timezone(dt.timedelta(hours=9))


def _html(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _codes(article: jnparse.Article, field: str) -> set[str]:
    return {w.code for w in article.warnings if w.field == field}


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("A baker in Kobe. (Mainichi/Emi Tanabe)", "A baker in Kobe.", "Mainichi/Emi Tanabe"),
        ("Pupils taste bread. (The Mainichi)", "Pupils taste bread.", "The Mainichi"),
        ("Patrol vessels. (Kyodo)", "Patrol vessels.", "Kyodo"),
        ("A street in Osaka.", "A street in Osaka.", None),
    ],
)
def test_split_caption(text: str, caption: str, credit: str | None) -> None:
    assert mainichi.split_caption(text) == (caption, credit)


def test_url_parts() -> None:
    day, media = mainichi.url_parts("https://mainichi.jp/english/articles/20250302/p2g/00m/0in/018000c")
    assert day == dt.datetime(2025, 3, 2, tzinfo=JST)
    assert media == "p2g"
    assert mainichi.url_parts("https://mainichi.jp/english/") == (None, None)


def test_japanese_original_names_are_not_authors() -> None:
    a = jnparse.parse(_html("own-story-photo.html"))
    assert a.byline is None
    assert a.authors == ()
    credits = [d.text for d in a.discarded if d.kind == "credit"]
    assert credits == ["(Japanese original by Kenta Morishita, Kobe Bureau)"]
    assert all("Japanese original" not in b.text for b in a.body)


def test_url_date_is_the_last_resort() -> None:
    page = re.sub(r'<meta (?:name|property)="(?:cXenseParse:recs:publishtime|firstcreate|lastupdate|'
                  r'article:modified_time)"[^>]*>', "", _html("own-story-photo.html"))
    page = re.sub(r'"date(?:Published|Modified)":"[^"]*",', "", page)
    a = jnparse.parse(page)
    assert a.published == dt.datetime(2025, 1, 14, tzinfo=JST)
    assert {"fallback", "low-confidence"} <= _codes(a, "published")
    assert a.updated is None


def test_wire_url_without_agency_in_dateline_is_kyodo_with_warning() -> None:
    page = _html("kyodo-wire.html").replace("TOKYO (Kyodo) -- ", "")
    a = jnparse.parse(page)
    assert a.dateline is None
    assert a.agency == "Kyodo"
    assert "low-confidence" in _codes(a, "agency")


def test_ap_dateline() -> None:
    page = _html("kyodo-wire.html").replace("TOKYO (Kyodo) -- ", "TOKYO (AP) -- ")
    a = jnparse.parse(page)
    assert a.dateline is not None and a.dateline.agency == "AP"
    assert a.agency == "AP"


def test_paywall_from_entitlement_alone_warns() -> None:
    page = (_html("paywalled.html").replace(" is-mustpay", "")
            .replace('<meta name="cXenseParse:mai-fee-charging" content="1">', ""))
    a = jnparse.parse(page)
    assert a.paywalled is True
    assert "low-confidence" in _codes(a, "paywalled")


def test_free_entry_is_not_paywalled() -> None:
    a = jnparse.parse(_html("kyodo-wire.html"))
    assert a.paywalled is False


def test_page_detected_from_markup_alone() -> None:
    page = _html("kyodo-wire.html").replace('<meta property="og:url"', '<meta property="x-og:url"').replace(
        '<meta property="og:site_name" content="The Mainichi">', "")
    a = jnparse.parse(page)
    assert a.site == "mainichi"
    assert a.url is None


def test_text_copy_wire_with_url_and_subhead() -> None:
    text = "\n".join([
        "Ferry service to Sado Island suspended - The Mainichi",
        "March 3, 2025 (Mainichi Japan)",
        "NIIGATA (Kyodo) -- Ferry services to Sado Island were suspended Monday due to high waves.",
        "Services to resume",
        "The operator said services would resume Tuesday.",
    ])
    a = jnparse.parse_text(text, url="https://mainichi.jp/english/articles/20250303/p2g/00m/0na/007000c")
    assert a.site == "mainichi"
    assert a.title == "Ferry service to Sado Island suspended"
    assert a.agency == "Kyodo"
    assert [b.kind for b in a.body] == ["paragraph", "subhead", "paragraph"]


def test_text_copy_without_date_line_uses_url_date() -> None:
    text = "Headline\nTOKYO -- Body text here.\n(Japanese original by Ken Ito, Political News Department)"
    a = jnparse.parse_text(text, url="https://mainichi.jp/english/articles/20250105/p2a/00m/0na/002000c")
    assert a.published == dt.datetime(2025, 1, 5, tzinfo=JST)
    assert "low-confidence" in {w.code for w in a.warnings if w.field == "published"}
    assert a.agency is None


def test_expired_page_raises() -> None:
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse('<html><body><section id="articledetail-body"></section></body></html>',
                      url="https://mainichi.jp/english/articles/20200101/p2a/00m/0na/001000c")


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "mainichi" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = mainichi.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = mainichi.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "mainichi":
            assert with_bytes or Page(root).canonical, path.name


# -- the fast paths give what the XPath expressions they replace give ------------------------------------

_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_PHOTO = "contains(@class, 'articledetail-image') or contains(@class, 'articledetail-body-image')"
_PROMPT = "(contains(@class, 'mustpay') and not(contains(@class, 'is-mustpay'))) or contains(@class, 'paywall')"
_BELOW_C = "[ancestor-or-self::*[count(. | $c) = 1]]"
_NOT_ABOVE = "[count(. | $above) != count($above)]"
_LEFT_OUT = (f"self::figure[{PHOTO_FIGURE}] or {APART_TAGS} or {HEADLINE} or {DATA_TABLE} or {NOT_TEXT}"
             f" or {_PHOTO} or {_PROMPT}")
_UNDER_C = "[ancestor::*[count(. | $c) = 1]]"
_READ = (f"[not(ancestor::*[{_LEFT_OUT}]{_BELOW_C})][not(ancestor::*[{BOXED}]{_UNDER_C})]"
         f"[not(ancestor::*[{TEXT_BLOCK}]{_BELOW_C})]")
OLD = {
    "body": "//section[@id='articledetail-body'] | //*[@id='articledetail-body']",
    "title_h1": f"//h1[{_HAS.format('title-page')}]",
    "h1": "//h1",
    # what the story walk reads: its text blocks and its bare text, in page order, nothing inside a photo's
    # figure, photo box, prompt, aside, nav, headline, table or code, nor inside a text block (read with it); the
    # ancestors from the container ($c, the context node) down only: one left open above it is no part of it
    "pieces": f"(.//*[({TEXT_BLOCK}) and not({BOXED}) and not({HEADLINE})] | .//text()){_READ}",
    # what it keeps apart (discarded): a table, aside or nav, or an element whose class or id names a box (an ad
    # slot, a "Related" box), unless a photo's or a prompt's class marks it, or it is code, a figure or the headline
    "apart": f".//*[({DATA_TABLE} or {APART_TAGS} or {BOXED}) and not({_PHOTO} or {_PROMPT}"
             f" or self::figure[{PHOTO_FIGURE}] or {HEADLINE} or {NOT_TEXT})]{_READ}",
    # ancestors that hold the body ($above) hold the whole story: they are not photo boxes around a photo
    "photo_boxes": f"//*[{_PHOTO}][not(ancestor::*[{_PHOTO}]{_NOT_ABOVE})][not(ancestor::figure{_NOT_ABOVE})]"
                   f" | //*[@id='articledetail-body']//figure[{PHOTO_FIGURE}][not(ancestor::*[{_PHOTO}]{_NOT_ABOVE})]",
    "box_img": ".//img",
    "box_caption": "(.//figcaption | .//*[contains(@class, 'caption')] | .//p)[1]",
    "mustpay": f"//*[{_HAS.format('is-mustpay')}]",
    "prompts": f"//*[{_PROMPT}][not(ancestor::*[{_PROMPT}])]",
    "crumb": "//div[contains(@class, 'container')]//ul/li[contains(@class, 'active')]",
    "headings": "//h2 | //h3 | //h4",
    "links": ".//a[@href]",
}

_OPENERS = [
    '<div class="articledetail-image-left">', '<div class="articledetail-body-image-inner">', "<figure>", "<aside>",
    "<blockquote>",
    "<nav>", '<div class="mustpay-box">', '<section id="articledetail-body" class="articledetail-body is-mustpay">',
    '<div id="articledetail-body">', '<div class="a\tpaywall">', '<div class="container">', "<ul>",
    '<li class="active">', "<li>", "<p>", '<p class="caption">', '<h1 class="x title-page">', "<h1>", "<h2>",
    "<h3>", "<h4>", '<span class="caption">', "<figcaption>", '<a href="/x">', "<a>", '<div class="is-mustpay">',
    '<div class="title-page\xa0x">', "<div>", '<div class="ad-slot">', '<p class="Related_links">',
]
_LEAVES = ['<img src="/a.jpg" alt="Alt (Kyodo)">', "Most Viewed", "Latest", "TOKYO -- Text.", "x", " "]


_MARKUP = nested_markup(_OPENERS, _LEAVES)


def _old(root: etree._Element, name: str) -> list[etree._Element]:
    """The elements the rule ``name`` finds from ``root`` (its context node, $c; $above: the first body's
    ancestors)."""
    return [e for e in _old_nodes(root, name) if isinstance(e, etree._Element)]


def _old_nodes(root: etree._Element, name: str) -> list[etree._Element | str]:
    """The elements and text the rule ``name`` finds from ``root``."""
    body = next(iter(etree.XPath(OLD["body"])(root)), None) if name == "photo_boxes" else None
    above = list(body.iterancestors()) if isinstance(body, etree._Element) else []
    found = etree.XPath(OLD[name])(root, c=root, above=above)
    return [n for n in found if isinstance(n, (etree._Element, str))] if isinstance(found, list) else []


_SUBHEADS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _bare(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_MARKUP, max_size=6), with_source=st.booleans())
def test_scan_is_the_xpath(parts: list[str], with_source: bool) -> None:
    data = ("<html><head></head><body>" + "".join(parts) + "</body></html>").encode()
    root = parse_bytes(data)
    page = Page(root, source=data if with_source else None)
    found = mainichi._parts(page)
    assert found.body is next(iter(_old(root, "body")), None)
    assert found.title_h1 is next(iter(_old(root, "title_h1")), None)
    assert found.h1 is next(iter(_old(root, "h1")), None)
    assert found.mustpay == bool(_old(root, "mustpay"))
    assert found.photo_boxes == _old(root, "photo_boxes")
    assert found.prompts == _old(root, "prompts")
    assert found.headings == _old(root, "headings")
    assert mainichi._crumb(page, found) is next(iter(_old(root, "crumb")), None)
    for box in found.photo_boxes:
        assert next(box.iterdescendants("img"), None) is next(iter(_old(box, "box_img")), None)
        assert mainichi._first_caption(box) is next(iter(_old(box, "box_caption")), None)
    for h in found.headings:
        box = h.getparent()
        if box is not None:
            assert [a for a in box.iterdescendants("a") if a.get("href") is not None] == _old(box, "links")
    if found.body is not None:
        # the walk reads all of it once and in order (white space aside), a subhead for each h2-h6 (the rule says
        # what is read, not where a run of bare text ends), and discards the tables, asides and navs
        nodes = _old_nodes(found.body, "pieces")
        text = "".join(mainichi.text_of(n) if isinstance(n, etree._Element) else str(n) for n in nodes)
        heads = [t for n in nodes
                 if isinstance(n, etree._Element) and n.tag in _SUBHEADS and (t := mainichi.text_of(n))]
        tables = [b.text for el in _old(found.body, "apart") if (b := apart_block(page, el)) is not None]
        blocks, discarded = mainichi._pieces(page, found.body)
        assert _bare("".join(b.text for b in blocks)) == _bare(text)
        assert [b.text for b in blocks if b.kind == "subhead"] == heads
        assert [d.text for d in discarded] == tables


# -- prune() gives the Article the whole page gives ---------------------------------------------------

_CHROME = ['<nav class="menu"><ul><li><a href="/a">A</a></li></ul></nav>', "<p>Cookies.</p>", "<p>Open",
           '<div class="wrap">', "<h2>Latest</h2>", "<H3>Most Viewed</H3>", '<meta name="x" content="y">',
           '<script type="application/LD+JSON">{}</script>', '<div class="container"><ul><li class="active">Japan</li>',
           '<figure class="articledetail-image-left"><img src="/c.jpg"></figure>', '<div class="paywall">Pay</div>',
           '<div class="is-mustpay">', "<title>Other</title>", '<link rel="canonical" href="https://x.example/">',
           "<aside>", "<figure>", '<section id="articledetail-body"><p>Hidden.</p></section>', "</div>",
           '<script>var s = "<h1>Not the headline</h1>";</script>', "<!-- <h1>Old headline</h1> -->", "<!--",
           "<style>.a { color: red; }</style>", "<svg><title>Icon</title></svg>", "<span><p>In a span",
           '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "World"}</script>',
           "<textarea>", "<h4>Latest</h4>", "</p><p>", "<noscript><p>Enable scripts.</p></noscript>", "<plaintext>",
           "<iframe>"]
_TAIL = ["</div>", '<aside class="side"><section><h2>Most Viewed</h2><ol><li><a href="/m">M</a></li></ol></section>'
         "</aside>", '<h2>Latest</h2><ul><li><a href="/l">L</a></li></ul>', "<p>After.</p>"]


@settings(max_examples=600, deadline=None)
@given(chrome=st.lists(st.sampled_from(_CHROME), max_size=6), tail=st.lists(st.sampled_from(_TAIL), max_size=3),
       head=st.sampled_from(['<link rel="canonical" href="https://mainichi.jp/english/articles/20250302/p2g/00m/0in/'
                             '018000c"><title>T - The Mainichi</title>',
                             '<meta property="og:url" content="https://mainichi.jp/english/articles/x">',
                             '<meta property="og:url" content="https://mainichi.jp/english/x"><title> </title>',
                             '<script>var b = "<body>";</script><link rel="canonical" href="https://mainichi.jp/x">']))
def test_pruned_parse_is_the_whole_parse(chrome: list[str], tail: list[str], head: str) -> None:
    page = (f'<html><head>{head}</head><body class="b">{"".join(chrome)}<h1 class="title-page">Headline</h1>'
            '<section id="articledetail-body"><p>TOKYO -- Body text.</p></section>' + "".join(tail)
            + "</body></html>").encode()
    assert _article(page) == _whole_page_article(page)


def test_prune_cuts_the_menus_of_a_page_at_real_size() -> None:
    spec = importlib.util.spec_from_file_location("jnparse_bench_run", FIXTURES.parent / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    at_page_size = bench.at_page_size
    for path in sorted(HERE.glob("*.html")):
        data = at_page_size(path.read_bytes())
        pruned = mainichi.prune(data)
        assert pruned is not None and len(pruned) < len(data) * 0.6, path.name
        assert _article(data) == _whole_page_article(data), path.name


def test_side_list_whose_box_was_cut_off_reads_the_whole_page() -> None:
    page = (b'<html><head><link rel="canonical" href="https://mainichi.jp/english/articles/20250302/p2a/00m/0na/'
            b'018000c"><title>T - The Mainichi</title></head><body><div class="wrap"><nav><a href="/menu">Menu</a>'
            b'</nav><h1 class="title-page">Headline</h1><section id="articledetail-body"><p>TOKYO -- Text.</p>'
            b'</section><h2>Latest</h2><ul><li><a href="/l">L</a></li></ul></div></body></html>')
    assert mainichi.prune(page) is not None
    a = jnparse.parse(page)
    latest = [d for d in a.discarded if d.kind == "latest"]
    assert [it.title for it in latest[0].items] == ["Menu", "L"]  # the box is the wrapper: its menu link too
    assert _article(page) == _whole_page_article(page)


# -- an element left open above the story ------------------------------------------------------------
# A stray start tag in the menus (an <aside> or <figure> never closed) holds the whole story in the parsed
# tree, as a browser shows it. The rules look only at the ancestors below what holds the story: what is open
# above it must empty neither the body nor the photos, while a figure or aside inside the body still keeps
# what it holds out of the body.

#: Each fixture's dateline place, body and photo captions, read off its HTML (the dateline is cut from the
#: first paragraph; the "(Japanese original by ...)" line is a credit, not body).
_FIXTURE_READ = {
    "kyodo-wire.html": (
        "TOKYO",
        ["Japan and the Philippines will hold a joint coast guard drill off northern Luzon this month, the two"
         " governments said Sunday.",
         "The drill will focus on search and rescue and on responding to oil spills, officials said."],
        ["Japan Coast Guard patrol vessels sail in formation during an exercise in this file photo."],
    ),
    "own-story-photo.html": (
        "KOBE",
        ["A bakery here has revived a bread recipe from the 1940s, when wheat was scarce, so that elementary school"
         " pupils can taste what their great-grandparents ate.",
         "The owner found the recipe in a notebook left by his grandfather, who ran the shop during the war.",
         "Lessons in taste",
         "Teachers at three local schools now use the dense, slightly sweet loaf in history classes, letting"
         " children compare it with today's soft white bread.",
         '"They are surprised that bread could be so heavy," one teacher said.'],
        ["A baker shapes dough made with barley and sweet potato flour in Kobe's Nagata Ward on Jan. 10, 2025.",
         "Pupils taste the bread during a class at a Kobe elementary school."],
    ),
}
_STRAYS = ["<aside>", "<figure>", "<li>", "<nav>", "<table>", "<div class='related'>", "<ul><li><p>"]
#: Invented boxes at the end of the body: they still keep their paragraphs out of it.
_INSIDE = '<aside><p>Read more: an invented aside.</p></aside><figure><p>An invented photo note.</p></figure>'


def _with_stray(name: str, stray: str, inside: str = "") -> bytes:
    """The fixture with ``stray`` left open just after <body> (before the story and its lead photo), and
    ``inside`` put at the end of the body section."""
    text = _html(name)
    at = text.index(">", text.index("<body")) + 1
    end = text.index("</section>", text.index('id="articledetail-body"'))
    return (text[:at] + stray + text[at:end] + inside + text[end:]).encode()


@pytest.mark.parametrize("stray", _STRAYS)
@pytest.mark.parametrize("name", sorted(_FIXTURE_READ))
def test_an_element_left_open_above_the_story_does_not_empty_it(name: str, stray: str) -> None:
    place, body, captions = _FIXTURE_READ[name]
    # the invented figure is a photo box of the body's, read after the photos before it
    for data, photos in (((HERE / name).read_bytes(), captions),
                         (_with_stray(name, stray, _INSIDE), [*captions, "An invented photo note."])):
        got = _whole_page_article(data)
        assert isinstance(got, dict)
        assert got["dateline"]["place"] == place
        assert [b["text"] for b in got["body"]] == body
        assert [i["caption"] for i in got["images"]] == photos
        assert _article(data) == got  # the cut page, when prune() cuts, reads the same


# -- what the story holds, whatever element holds it ------------------------------------------------------

def test_the_story_reads_every_box_it_holds_in_its_place() -> None:
    assert_holds_read_in_place(_html("own-story-photo.html"), "<p>The owner found", "ol")


def test_the_prompt_in_the_story_stays_out_of_the_body_and_the_bare_text_beside_it_is_in() -> None:
    """The subscription prompt the design keeps out of the story by its class stays a discarded ``subscribe``
    block; the bare text before it is the story's last paragraph."""
    page = _html("paywalled.html").replace('<div class="mustpay-box">', 'Bare words.<div class="mustpay-box">')
    a = jnparse.parse(page)
    assert [b.text for b in a.body][-1] == "Bare words."
    assert [d.kind for d in a.discarded] == ["subscribe"]
    assert all("paid members" not in b.text for b in a.body)
