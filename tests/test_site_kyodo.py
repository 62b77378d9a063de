"""Kyodo News: the odd cases of jnparse.sites.kyodo, with values read off the fixtures."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import jnparse
from jnparse._text import text_of
from jnparse.page import Page
from jnparse.sites import kyodo
from jnparse.sites.base import apart_block

from .conftest import FIXTURES
from .prune_checks import nested_markup
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

HERE = FIXTURES / "kyodo"
JST = dt.timezone(dt.timedelta(hours=9))


def _html(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _codes(article: jnparse.Article, field: str) -> set[str]:
    return {w.code for w in article.warnings if w.field == field}


def test_relative_credit_line_without_fetch_time_warns_and_leaves_published_empty() -> None:
    a = jnparse.parse(_html("relative-time.html"))
    assert a.published is None
    assert "relative-time" in _codes(a, "published")
    assert a.date_text == "KYODO NEWS - 2 hours ago - 20:13 | All, World, Japan"
    assert a.section == "Japan"


def test_relative_credit_line_across_midnight() -> None:
    # fetched just after midnight: the printed 20:13 is the previous evening
    a = jnparse.parse(_html("relative-time.html"), fetched=dt.datetime(2024, 5, 20, 0, 50, tzinfo=JST))
    assert a.published == dt.datetime(2024, 5, 19, 20, 13, tzinfo=JST)


def test_relative_credit_falls_back_to_structured_time() -> None:
    page = _html("relative-time.html").replace(
        "</head>", '<meta property="article:published_time" content="2024-05-19T20:13:00+09:00"></head>')
    a = jnparse.parse(page)
    assert a.published == dt.datetime(2024, 5, 19, 20, 13, tzinfo=JST)
    assert "relative-time" in _codes(a, "published")


def test_breaking_story_keeps_its_paragraph_and_discards_the_signature() -> None:
    a = jnparse.parse(_html("relative-time.html"), fetched=dt.datetime(2024, 5, 19, 22, 5, tzinfo=JST))
    assert a.images == ()
    assert a.body[0].text.endswith("no risk of a tsunami.")
    assert [(d.kind, d.text) for d in a.discarded] == [("credit", "==Kyodo")]


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Snow in Gifu on Jan. 28, 2023. (Kyodo) ==Kyodo", "Snow in Gifu on Jan. 28, 2023.", "Kyodo"),
        ("A panda cub. (Photo courtesy of Ueno Zoo) ==Kyodo", "A panda cub.", "Photo courtesy of Ueno Zoo"),
        ("Leaders pose. (Pool photo) (Kyodo)", "Leaders pose. (Pool photo)", "Kyodo"),
        ("A plain caption.", "A plain caption.", None),
    ],
)
def test_split_caption(text: str, caption: str, credit: str | None) -> None:
    assert kyodo.split_caption(text) == (caption, credit)


def test_caption_is_not_a_dateline_paragraph() -> None:
    assert kyodo.is_caption("Snow in Gifu. (Kyodo) ==Kyodo")
    assert not kyodo.is_caption("TOKYO - A quake struck. ==Kyodo")


def test_old_page_detected_from_markup_alone() -> None:
    page = _html("old-staff-photo.html")
    for cut in ('<link rel="canonical"', '<meta property="og:url"', '<meta property="og:site_name"'):
        start = page.index(cut)
        page = page[:start] + page[page.index(">", start) + 1 :]
    a = jnparse.parse(page)
    assert a.site == "kyodo"
    assert a.layout == "kyodo/news2018"
    assert a.byline is not None and a.byline.authors == ("Haruto Ebisawa",)


def test_new_design_reads_json_ld_body_when_no_container() -> None:
    page = """<html><head><link rel="canonical" href="https://english.kyodonews.net/articles/-/70001">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Port reopens after typhoon",
    "datePublished":"2025-10-01T09:30:00+09:00","articleBody":"NAHA, Japan - The port reopened.\\nFerries resumed."}
    </script></head><body><div class="wrap"><h1>Port reopens after typhoon</h1></div></body></html>"""
    a = jnparse.parse(page)
    assert a.layout == "kyodo/articles2025"
    assert [b.text for b in a.body] == ["The port reopened.", "Ferries resumed."]
    assert a.dateline is not None and a.dateline.place == "NAHA, Japan"
    assert "low-confidence" in _codes(a, "body")
    assert "fallback" in _codes(a, "body")


def test_new_design_warns_low_confidence() -> None:
    a = jnparse.parse(_html("new-articles-url.html"))
    assert "low-confidence" in _codes(a, "body")
    assert a.agency == "Kyodo"


def test_text_copy_one_line_absolute_credit_and_digest() -> None:
    text = "\n".join([
        "Kyodo News Digest: Aug. 28, 2024",
        "KYODO NEWS - Aug 28, 2024 - 15:00 | All, Japan",
        "The following is the latest list of selected news summaries by Kyodo News.",
        "----------",
        "Rice prices climb",
        "TOKYO - Rice prices rose for a fifth month.",
        "----------",
        "Typhoon nears Kyushu",
        "FUKUOKA, Japan - A typhoon approached.",
    ])
    a = jnparse.parse_text(text)
    assert a.site == "kyodo"
    assert a.published == dt.datetime(2024, 8, 28, 15, 0, tzinfo=JST)
    assert a.section == "Japan"
    assert a.dateline is None
    assert [b.kind for b in a.body] == ["paragraph", "subhead", "paragraph", "subhead", "paragraph"]
    assert [(d.kind, d.text) for d in a.discarded] == [("other", "----------\n----------")]


def test_text_copy_every_line_accounted_for() -> None:
    text = (HERE / "text-copy.txt").read_text(encoding="utf-8")
    a = jnparse.parse_text(text, fetched=dt.datetime(2024, 5, 19, 21, 30, tzinfo=JST))
    placed = [a.title, *(i.caption for i in a.images), *(b.text for b in a.body)]
    for d in a.discarded:
        placed += [d.heading, *(i.title for i in d.items)]
    joined = " ".join(p for p in placed if p) + " " + (a.date_text or "") + " " + (a.dateline.raw if a.dateline else "")
    for line in text.splitlines():
        line = line.replace(" (Kyodo) ==Kyodo", "")
        if line.strip() and line.strip() not in ("KYODO NEWS", "-"):
            assert line.replace("TOKYO - ", "") in joined, line


def test_text_copy_without_credit_line_warns() -> None:
    a = jnparse.parse_text("Headline here\nSnow in Gifu. (Kyodo) ==Kyodo\nTOKYO - Body text.", site="kyodo")
    assert a.title == "Headline here"
    assert a.published is None
    assert "missing" in {w.code for w in a.warnings if w.field == "published"}
    assert a.images[0].credit == "Kyodo"


def test_page_without_article_raises() -> None:
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse("<html><body><div class='article-body'></div></body></html>",
                      url="https://english.kyodonews.net/news/2024/05/000000000000-gone.html")


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "kyodo" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = kyodo.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = kyodo.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "kyodo":
            assert with_bytes or Page(root).canonical, path.name


_CHROME = ('<div class="site-top"><nav class="site-nav"><ul class="menu">'
           + "".join(f'<li class="menu-item"><a href="/section-{i}/">Section {i}</a></li>' for i in range(120))
           + "</ul></nav></div>")


def _wrapped(name: str, chrome: str = _CHROME) -> bytes:
    """A fixture with invented menus between <body> and the story (as real pages have)."""
    data = (HERE / name).read_bytes()
    open_end = data.find(b">", data.find(b"<body")) + 1
    return data[:open_end] + chrome.encode() + data[open_end:]


@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.html")))
def test_pruned_page_reads_as_the_whole_page(name: str) -> None:
    """prune() drops the menus before the story: the Article is the same as the fixture's."""
    data = _wrapped(name)
    pruned = kyodo.prune(data)
    assert pruned is not None and len(pruned) < len(data)
    assert jnparse.parse(data).to_dict() == jnparse.parse((HERE / name).read_bytes()).to_dict()


@pytest.mark.parametrize("risk", [
    "<h3>Latest</h3>",  # a side list
    "<h1>Another headline</h1>",  # the title's fallback
    '<p class="credit">KYODO NEWS - Apr 8, 2022 - 13:11 | All</p>',
    '<div class="mainpic"><img src="/a.jpg"></div>',
    '<div class="article-body"><p>Text.</p></div>',
    '<meta property="article:section" content="World">',
    '<script type="application/ld+json">{}</script>',
    "<!-- a comment -->",
    "<p>KYODO NEWS - 1 hour ago - 20:13 | All</p>",
])
def test_prune_keeps_the_page_whole_when_the_cut_part_holds_what_a_field_reads(risk: str) -> None:
    assert kyodo.prune(_wrapped("old-staff-photo.html", _CHROME + risk)) is None


@pytest.mark.parametrize("bad", [b"<p>\xff not UTF-8</p>", b"<p>\x83\x5c cp932</p>"])
def test_page_not_utf8_in_the_part_cut_off_reads_like_the_whole_page(bad: bytes) -> None:
    """prune() leaves the UTF-8 check to parse(), which checks the whole page before any prune: a page that
    is not UTF-8 in the part the prune would cut off is decoded the careful way, as when it is read whole."""
    data = (HERE / "old-staff-photo.html").read_bytes()
    open_end = data.find(b">", data.find(b"<body")) + 1
    page = data[:open_end] + bad + _CHROME.encode() + data[open_end:]
    assert kyodo.prune(page) is not None  # the cut alone would drop the bad bytes
    whole = data[:open_end] + bad + data[open_end:]  # too little chrome to cut
    assert kyodo.prune(whole) is None
    article = jnparse.parse(page).to_dict()
    assert article == jnparse.parse(whole).to_dict()
    warnings = article["warnings"]
    assert isinstance(warnings, list) and any(w["field"] == "encoding" for w in warnings)


def test_prune_skips_a_start_mark_inside_a_script() -> None:
    """A container's start tag in a script's text is no tag: the cut starts at the real one."""
    data = _wrapped("old-staff-photo.html", '<script>var t = \'<div class="main">\';</script>' + _CHROME)
    pruned = kyodo.prune(data)
    assert pruned is not None and b"var t" not in pruned and b'<div class="main">' in pruned


#: What the story walk (kyodo._pieces) reads of a box ($c, the context node), as XPath: its text blocks (p, li, dt,
#: dd, h2-h6) and its bare text, in page order; nothing inside a photo box, aside, nav, headline, table, code or an
#: embed (iframe, svg) from the box down (the box included), nor in an element whose class or id names a box
#: (:data:`BOXED`) below it, and nothing inside a text block below the box (read with it). Only the ancestors from
#: the box down count: an element left open above the story holds it in the tree, yet is no part of it.
_BELOW_C = "[ancestor-or-self::*[count(. | $c) = 1]]"
_UNDER_C = "[ancestor::*[count(. | $c) = 1]]"
_KEPT_OUT = (f"self::figure[{PHOTO_FIGURE}] or {HEADLINE} or {NOT_TEXT}"
             " or self::div[contains(concat(' ', normalize-space(@class), ' '), ' mainpic ')]")
_APART = f"{DATA_TABLE} or {APART_TAGS} or {BOXED}"
# (the box itself may be an aside or nav, whose walk reads nothing, but not one whose class names a box: its
# walk reads what it holds)
_READ = (f"[not(ancestor::*[{_KEPT_OUT} or {DATA_TABLE} or {APART_TAGS}]{_BELOW_C})]"
         f"[not(ancestor::*[{BOXED}]{_UNDER_C})][not(ancestor::*[{TEXT_BLOCK}]{_UNDER_C})]")
_STORY_READ = etree.XPath(f"(.//*[({TEXT_BLOCK}) and not({BOXED}) and not({HEADLINE})] | .//text()){_READ}")
#: The tables, asides, navs and named boxes the walk keeps apart (discarded), by the same rule.
_STORY_APART = etree.XPath(f".//*[({_APART}) and not({_KEPT_OUT})]{_READ}")
_SUBHEADS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _agrees_with_the_rule(page: Page, box: etree._Element) -> bool:
    """Whether the walk of ``box`` reads what _STORY_READ finds, all of it once and in order (white space aside),
    with a subhead for each h2-h6 (the rule says what is read, not where a run of bare text ends), and
    discards the tables, asides and navs _STORY_APART finds."""
    found = _STORY_READ(box, c=box)
    text = "".join(text_of(n) if isinstance(n, etree._Element) else str(n) for n in found)
    heads = [t for n in found if isinstance(n, etree._Element) and n.tag in _SUBHEADS and (t := text_of(n))]
    tables = [b.text for el in _STORY_APART(box, c=box) if (b := apart_block(page, el)) is not None]
    pieces, discarded = kyodo._pieces(page, box)
    return (_bare("".join(p.text for p in pieces)) == _bare(text) and [d.text for d in discarded] == tables
            and [p.text for p in pieces if p.kind == "subhead"] == heads)


def _bare(text: str) -> str:
    return "".join(text.split())


def test_walks_agree_with_the_xpath_rules() -> None:
    """The C-filtered walks that replace the whole-tree XPath rules find the same elements; the story walk reads
    what _STORY_READ finds."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page, first

    for path in sorted(FIXTURES.glob("*/*.html")):
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        page = Page(root, source=data)
        assert kyodo._credit(page) is first(kyodo.CREDIT(root)), path.name
        old = next((c for c in (first(f(root)) for f in kyodo.NEW_CONTAINERS) if c is not None), None)
        assert kyodo._new_container(page) is old, path.name
        title = first(kyodo.OLD_TITLE(root))
        assert kyodo._old_title(page) is (title if title is not None else first(kyodo.H1(root))), path.name
        assert kyodo._old_bodies(page) == list(kyodo.OLD_BODY(root)), path.name
        for box in root.iter("div", "section", "article", "main", "figure", "body"):
            assert _agrees_with_the_rule(page, box), path.name
            assert kyodo._box_caption(box) is first(kyodo.BOX_CAPTION(box)), path.name


# -- an element left open above the story ------------------------------------------------------------
# A stray start tag in the menus (an <aside> or <li> never closed) holds the whole story in the parsed tree,
# as a browser shows it. The body rules look only at the ancestors from the story's container down: what is
# open above it must not empty the body, while a figure, aside, nav or list item inside it still keeps what it
# holds out of the body.

#: The body of each fixture, read off its HTML (the digest's separators and photo caption are not body; the
#: new design's first paragraph loses its "BERLIN/WASHINGTON - " dateline).
_FIXTURE_BODY = {
    "digest.html": [
        "The following is the latest list of selected news summaries by Kyodo News.",
        "Heavy snow disrupts rail services along Sea of Japan coast",
        "NIIGATA, Japan - Heavy snow halted several local train lines along the Sea of Japan coast on Saturday,"
        " stranding passengers at small stations overnight.",
        "Operators said services would resume once tracks were cleared.",
        "Seoul, Tokyo to hold working-level talks on export rules",
        "SEOUL - South Korea and Japan will hold working-level talks next week on export control rules, officials"
        " said.",
    ],
    "new-articles-url.html": [
        "Japan and Germany agreed Wednesday to widen their talks on hydrogen supply chains, as both seek to cut"
        " reliance on imported gas.",
        "The two industry ministers said a working group would report by March on shared standards for hydrogen"
        " carriers and port facilities.",
        "U.S. officials in Washington welcomed the step, saying it could feed into a wider framework among the"
        " Group of Seven economies.",
    ],
}
_FIXTURE_DATELINE = {"digest.html": None, "new-articles-url.html": "BERLIN/WASHINGTON"}
#: Where each fixture's story starts: its first container (the old design's div.main, the new one's <main>).
_STORY_START = {"digest.html": '<div class="main">', "new-articles-url.html": "<main>"}
_STRAYS = ["<li>", "<aside>", "<nav>", "<figure>", "<table>", "<div id='comments'>", "<div class='related'>",
           "<ul><li><p>"]
#: Invented boxes inside the body: the aside, nav and figure still keep their paragraphs out of the body; a list
#: item is read as one piece, the paragraph in it not a second time.
_INSIDE = ('<aside><p>Read more: an invented aside.</p></aside><nav><p>An invented menu.</p></nav>'
           '<figure><p>An invented photo note.</p></figure><ul><li><p>An invented list item.</p></li></ul>')
_INSIDE_BODY = ["An invented list item."]


def _with_stray(name: str, stray: str, inside: str = "") -> bytes:
    """The fixture with ``stray`` left open just before the story, and ``inside`` put at the end of its body."""
    text = _html(name)
    at = text.index(_STORY_START[name])
    text = text[:at] + stray + text[at:]
    if inside:
        end = text.index("</div>", text.index("article-body"))
        text = text[:end] + inside + text[end:]
    return text.encode()


@pytest.mark.parametrize("stray", _STRAYS)
@pytest.mark.parametrize("name", sorted(_FIXTURE_BODY))
def test_an_element_left_open_above_the_story_does_not_empty_it(name: str, stray: str) -> None:
    from .prune_checks import extract  # the whole page: no cut

    untouched = extract((HERE / name).read_bytes())
    assert [b.text for b in untouched.body] == _FIXTURE_BODY[name]
    inside = extract(_with_stray(name, "", _INSIDE))
    assert [b.text for b in inside.body] == _FIXTURE_BODY[name] + _INSIDE_BODY
    got = extract(_with_stray(name, stray, _INSIDE))
    assert [b.text for b in got.body] == _FIXTURE_BODY[name] + _INSIDE_BODY
    assert (got.dateline.place if got.dateline else None) == _FIXTURE_DATELINE[name]
    assert got.images == inside.images  # the invented figure is a photo box of the body's
    if name == "digest.html":  # the invented figure's box, then the caption ahead of the story
        assert [(i.caption, i.credit) for i in got.images] == [
            ("An invented photo note.", None),
            ("Snow covers the roofs of a hot spring village in Gifu Prefecture on Jan. 28, 2023.", "Kyodo")]


@pytest.mark.parametrize("stray", [*_STRAYS, "<div class='mainpic'>"])
@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.html")))
def test_body_walk_agrees_with_the_xpath_rule_under_an_element_left_open(name: str, stray: str) -> None:
    """The story walk reads what _STORY_READ finds from every box when an element is left open above the story."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    text = _html(name)
    body_end = text.index(">", text.index("<body")) + 1
    for data in ((text[:body_end] + stray + text[body_end:]).encode(),
                 _with_stray(name, stray, _INSIDE) if name in _STORY_START else b""):
        if not data:
            continue
        root = parse_bytes(data)
        for box in root.iter("div", "section", "article", "main", "figure", "aside", "li", "body"):
            assert _agrees_with_the_rule(Page(root), box), (name, stray, box.tag)


@pytest.mark.parametrize("stray", _STRAYS)
@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.html")))
def test_cut_page_reads_as_the_whole_page_with_an_element_left_open_in_the_part_cut_off(name: str, stray: str) -> None:
    """prune() cuts an element left open in the menus off: the whole page reads the story the same."""
    from .prune_checks import cut_page_article, whole_page_article

    data = _wrapped(name, _CHROME + stray)
    pruned = kyodo.prune(data)
    assert pruned is not None
    whole = whole_page_article(data)
    assert cut_page_article(pruned, data) == whole
    assert whole == whole_page_article(_wrapped(name))


@pytest.mark.parametrize("separator", ["•\n", "·\n", ""], ids=["bullet", "middle-dot", "none"])
def test_text_copy_credit_line_with_another_separator_or_none(separator: str) -> None:
    # the copy prints "KYODO NEWS", then "-" on a line of its own: another copy tool draws it otherwise, or not at all
    text = (HERE / "text-copy.txt").read_text(encoding="utf-8")
    assert "KYODO NEWS\n-\n1 hour ago - 20:13 | All, World, Japan" in text
    fetched = dt.datetime(2024, 5, 19, 21, 30, tzinfo=JST)
    a = jnparse.parse_text(text.replace("KYODO NEWS\n-\n", "KYODO NEWS\n" + separator), fetched=fetched)
    assert a.site == "kyodo"
    assert a.published == dt.datetime(2024, 5, 19, 20, 13, tzinfo=JST)
    assert a.title == "Ferry operator adds night sailings to remote islands"
    assert a.dateline is not None and a.dateline.place == "TOKYO"


@pytest.mark.parametrize("name", ["digest", "new-articles-url", "old-staff-photo", "relative-time"])
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the visible text of each design as a copy tool renders it (breadcrumb or menus, headline, credit line,
    # captions, story, footer): the same fields as the HTML, every line of the copy kept somewhere
    from .page_text import assert_every_piece_kept, assert_reads_alike, page_and_copy

    # "2 hours ago - 20:13" is read against the fetch time, in the page and in its copy alike
    fetched = dt.datetime(2024, 5, 19, 22, 13, tzinfo=JST) if name == "relative-time" else None
    page, text, copy = page_and_copy((HERE / f"{name}.html").read_bytes(), fetched=fetched)
    assert_reads_alike(copy, page, "title", "section", "dateline", "agency")
    assert page.published is not None
    if name == "new-articles-url":
        # the 2025 design prints no credit line: its date is in the page's JSON-LD only, never in a copy
        assert copy.published is None
        assert any(w.field == "published" and w.code == "missing" for w in copy.warnings)
    else:
        assert copy.published is not None
        assert copy.published.date() == page.published.date()
    assert [b.text for b in copy.body] == [b.text for b in page.body]
    assert_every_piece_kept(text, copy)


# -- what the story holds, whatever element holds it ------------------------------------------------------

def test_the_story_reads_every_box_it_holds_in_its_place() -> None:
    assert_holds_read_in_place(_html("old-staff-photo.html"), "<p>The drones fly", "ul")


_STORY_OPENERS = ["<p>", "<li>", "<ul>", "<div>", "<blockquote>", "<section>", "<span>", '<a href="/x">', "<h1>",
                  "<h2>", "<h4>", "<dl>", "<dd>", "<table>", "<td>", "<figure>", "<aside>", "<nav>",
                  '<div class="mainpic">', "<script>"]
_STORY_LEAVES = ["Text.", "More words", " ", "\n", "<br>", "<!-- a note -->", '<img src="/a.jpg">']


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(nested_markup(_STORY_OPENERS, _STORY_LEAVES), max_size=5))
def test_the_story_walk_reads_what_the_rule_finds(parts: list[str]) -> None:
    from jnparse.loading import parse_bytes

    data = ('<html><body><div class="article-body">' + "".join(parts) + "</div></body></html>").encode()
    root = parse_bytes(data)
    for box in root.iter("body", "div", "section", "li"):
        assert _agrees_with_the_rule(Page(root), box), box.tag
