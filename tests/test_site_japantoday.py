"""Japan Today: expired pages, closing credit lines, relative printed times, text copies."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import jnparse
from jnparse._text import _SKIPPED_SET, BLOCK_TAGS, block_text
from jnparse.model import Discarded
from jnparse.page import Page
from jnparse.sites import japantoday
from jnparse.sites.base import CutSeen

from .conftest import FIXTURES

JT = FIXTURES / "japantoday"
FETCHED = dt.datetime(2024, 6, 21, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_expired_page_is_not_an_article() -> None:
    with pytest.raises(jnparse.NotAnArticleError, match="expired") as raised:
        jnparse.parse((JT / "expired-story.html").read_bytes())
    # the page says so itself: the generic reader is not asked to find a story in its side lists
    assert type(raised.value) is jnparse.NotAnArticleError and raised.value.stated_by_page
    with pytest.raises(jnparse.NotAnArticleError, match="expired"):
        jnparse.parse((JT / "expired-story.html").read_bytes(),
                      url="https://japantoday.com/category/business/update1-regional-bank-to-merge-with-rival-in-kyushu")


def test_expired_text_copy_is_not_an_article() -> None:
    with pytest.raises(jnparse.NotAnArticleError, match="expired"):
        jnparse.parse_text((JT / "expired-story.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("© KYODO", "Kyodo"),
        ("© 2024 AFP", "AFP"),
        ("© Thomson Reuters 2024.", "Reuters"),
        ("© Copyright 2024 The Associated Press. All rights reserved. This material may not be published, "
         "broadcast, rewritten or redistributed without permission.", "AP"),
        ("© Japan Today", None),
        ("©2025 GPlusMedia Inc.", None),
    ],
)
def test_credit_agency(line: str, agency: str | None) -> None:
    assert japantoday.credit_agency(line) == agency


def test_photo_credit_split() -> None:
    split = japantoday.split_photo_credit
    assert split("Crowds gather. REUTERS/Issei Kato") == ("Crowds gather.", "REUTERS/Issei Kato")
    assert split("A shrine in Kyoto. Photo: Reuters") == ("A shrine in Kyoto.", "Photo: Reuters")
    assert japantoday.split_photo_credit("No credit at all.") == ("No credit at all.", None)


def test_block_kinds() -> None:
    assert japantoday.block_kind("26 Comments") == "comments"
    assert japantoday.block_kind("More in National") == "related"
    assert japantoday.block_kind("Top Jobs in Japan") == "promo"
    assert japantoday.block_kind("The mayor said more in national terms.") is None


_NO_ATTR = (
    "<html><head><meta property='og:site_name' content='Japan Today'></head><body><article><h1>T</h1>"
    "<time itemprop='datePublished'>Today <span></span> 05:35 pm JST</time>"
    "<div itemprop='articleBody'><p>Text.</p><p>© Japan Today</p></div></article></body></html>"
)


def test_relative_printed_time_needs_fetch_time() -> None:
    a = jnparse.parse(_NO_ATTR, fetched=FETCHED)
    assert a.published == dt.datetime(2024, 6, 21, 17, 35, tzinfo=jnparse.dates.JST)
    b = jnparse.parse(_NO_ATTR)
    assert b.published is None
    assert any(w.code == "relative-time" for w in b.warnings)
    assert b.agency is None and [d.text for d in b.discarded if d.kind == "credit"] == ["© Japan Today"]


def test_datetime_attribute_preferred_over_visible_time() -> None:
    a = jnparse.parse((JT / "staff-crime-story.html").read_bytes(), fetched=FETCHED + dt.timedelta(days=3))
    assert a.published == dt.datetime(2024, 6, 21, 17, 35, tzinfo=jnparse.dates.JST)


def test_text_copy_without_fetch_time_warns() -> None:
    a = jnparse.parse_text((JT / "afp-comments-copy.txt").read_text(encoding="utf-8"))
    assert a.site == "japantoday"
    assert a.published is None
    assert any(w.code == "relative-time" for w in a.warnings)
    assert a.agency == "AFP"
    assert a.authors == ("Haruka MIYAZONO",)  # kept as printed


def test_text_copy_every_line_accounted_for() -> None:
    text = (JT / "afp-comments-copy.txt").read_text(encoding="utf-8")
    a = jnparse.parse_text(text, fetched=FETCHED)
    placed = [a.title, a.section, a.date_text, a.byline.raw if a.byline else None]
    placed += [b.text for b in a.body]
    for d in a.discarded:
        placed += (d.text or "").split("\n")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert sorted(p for p in placed if p) == sorted(lines)


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "japantoday" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = japantoday.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = japantoday.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "japantoday":
            assert with_bytes or Page(root).canonical, path.name


def test_pruned_page_reads_as_the_whole_page() -> None:
    """prune() drops the page header before the first <article>: the Article is the same as the whole
    page's (fixtures wrapped in page chrome, as real pages are)."""
    from benchmarks.run import at_page_size

    from jnparse.loading import parse_bytes

    for path in sorted(JT.glob("*.html")):
        for data in (path.read_bytes(), at_page_size(path.read_bytes())):
            pruned = japantoday.prune(data)
            if path.name == "expired-story.html":
                assert pruned is None  # its error would be raised twice
                continue
            assert pruned is not None, path.name
            page = Page(parse_bytes(pruned), source=data)
            # the tree holds fewer of the page's bytes (the pruned bytes may not be fewer: on a small page the
            # cut's marks outgrow what it drops)
            ranges = japantoday._tree_ranges(page)
            assert ranges is not None and sum(hi - lo for lo, hi in ranges) < len(data), path.name
            whole = japantoday.extract_2018(Page(parse_bytes(data), source=data))
            cut = japantoday.extract_2018(page)
            assert cut.to_dict() == whole.to_dict(), path.name
            assert jnparse.parse(data).to_dict() == whole.to_dict(), path.name


def test_prune_falls_back_when_a_container_was_cut() -> None:
    """A side block whose container opened before the article loses part of itself in a pruned page:
    the extractor warns, and parse() reads the whole page."""
    data = (
        b"<html><head><link rel='canonical' href='https://japantoday.com/category/national/x'></head><body>"
        b"<div class='wrap'><nav><a href='/menu'>Menu link</a></nav>"
        b"<article><h1>T</h1><div itemprop='articleBody'><p>Text.</p></div></article>"
        b"<h3>More in National</h3><ul><li><a href='/a'>A</a></li></ul></div></body></html>"
    )
    pruned = japantoday.prune(data)
    assert pruned is not None
    from jnparse.loading import parse_bytes

    cut = japantoday.extract_2018(Page(parse_bytes(pruned), source=data))
    assert any(w.code == "unknown-layout" for w in cut.warnings)
    whole = jnparse.parse(data)
    related = [d for d in whole.discarded if d.kind == "related"]
    assert [i.title for i in related[0].items] == ["Menu link", "A"]
    assert not any(w.code == "unknown-layout" for w in whole.warnings)


_SNIPPETS = (
    "<h3>Most popular</h3>", "<div class='box'><h3>Latest news</h3><ul><li><a href='/x/1'>One</a></li></ul></div>",
    "<span itemprop='commentCount'>7</span>", "<h3><span itemprop='commentCount'>1</span> Comments</h3>",
    "<span itemprop='author'>By Taro YAMADA</span>", "<div class='byline'>By Hanako SATO</div>",
    "<p class='post-author'> By  Jiro</p>", "<p><b>x</b>© GPlusMedia Ltd</p>",
    "<script>var a='<div>'; var b='GPlusMedia';</script>", "<p title='a<b x'>GPlusMedia attr</p>",
    "<time itemprop='dateModified'>x</time>", "<time itemprop='dateModified' datetime='2024-02-03 10:00'>3</time>",
    "<h1>Logo</h1>", "<a href='/category/sports'>sports</a>", "<header><a href='/category/tech/sub'>tech</a></header>",
    "<figure><img src='/i.jpg'><figcaption>A cat. REUTERS/Someone</figcaption><p>in figure</p></figure>",
    "<article><header><a href='/category/world'>world</a><h1>Inner</h1></header><p>inner</p></article>",
    "<div itemprop='articleBody'><p>Second body.</p></div>", "<p>The requested article has expired, and is gone.</p>",
    "<span itemprop=commentCount>9</span>", "</div>", "<div>",
)


@pytest.mark.parametrize("seed", range(40))
def test_fast_paths_find_what_the_xpath_rules_find(seed: int) -> None:
    """The one-pass scan and the byte-guided lookups give the elements of the whole-tree XPath rules."""
    import random

    from jnparse.loading import parse_bytes

    rnd = random.Random(seed)
    paths = sorted(JT.glob("*.html"))
    text = paths[seed % len(paths)].read_text(encoding="utf-8")
    for _ in range(4):
        at = rnd.choice([i for i, c in enumerate(text) if c == "<"])
        text = text[:at] + rnd.choice(_SNIPPETS) + text[at:]
    data = text.encode()
    pruned = japantoday.prune(data)
    # the whole page, and the pruned one (its byte-guided lookups read only the bytes kept)
    for page in [Page(parse_bytes(data), source=data)] + ([Page(parse_bytes(pruned), source=data)] if pruned else []):
        _check_fast_paths(page)


def _check_fast_paths(page: Page) -> None:
    from jnparse.page import elements, first, strings

    root = page.root
    parts = japantoday._scan(page)
    jt = japantoday
    assert parts.bodies == elements(jt.ARTICLE_BODY(root))
    assert parts.published is first(jt.TIME_PUBLISHED(root))
    assert parts.modified == next(iter(strings(jt.TIME_MODIFIED(root))), None)
    assert parts.h1 is first(jt.H1(root))
    assert [h for h in parts.headings if not jt._in_body(h, parts)] == elements(jt.HEADINGS(root))
    assert [f for f in parts.figures if any(a.tag == "article" for a in f.iterancestors())] == elements(
        jt.FIGURES(root))
    assert jt._comment_counts(parts) == elements(jt.COMMENT_COUNT(root))
    assert jt._category(parts) is first(jt.CATEGORY(root))
    assert jt._author(parts) is first(jt.AUTHOR(root))
    assert jt._first_text_with(page, "GPlusMedia", 0, jt.SITE_LINE) is first(jt.SITE_LINE(root))
    assert jt._first_text_with(page, jt.EXPIRED, 6, jt.EXPIRED_NODE) is first(jt.EXPIRED_NODE(root))


_PAGE_SNIPPETS = (
    "<h3>Most popular</h3>", "<H4>Related</H4>", "<aside><h3>Latest news</h3><ul><li><a href='/x/2'>Two</a></li></ul>",
    "<meta property='og:title' content='Another title'>", "<META name='description' content='Said elsewhere'>",
    "<link rel='canonical' href='https://japantoday.com/category/crime/elsewhere'>", "<link rel='preload' href='/f'>",
    "<span itemprop='author'>By Taro YAMADA</span>", "<p>©2025 GPlusMedia Inc. All rights</p>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"LD title\"}</script>",
    "<title>Other title</title>", "<article><h1>Late</h1><p>late</p></article>", "<!-- </aside> -->",
    "<script>var x = '</aside>';</script>", "</aside>", "</section>", "<section>", "<footer>", "</footer>",
    "<div class='box'>", "</div>", "<p>", "<span itemprop=commentCount>5</span>", "</article>", "<b>", "<table>",
    "<div><h3>Top jobs</h3><ul><li><a href='/j'>Job</a></li></ul></div>", "<figure><img src='/late.jpg'></figure>",
    "<header>", "<div id='comments'>", "<section id=comments>",
)


@pytest.mark.parametrize(
    ("opened", "cut"),
    [("<header>", False), ("<div id='comments'>", False), ("<section ID = comments-list>", False),
     ("<header></header>", True), ("<a href='#comments'>Comments</a>", True)],
)
def test_a_header_or_comments_left_open_above_the_article_is_not_cut(opened: str, cut: bool) -> None:
    """A <header> or an id=comments element left open right above the article holds it in the whole read
    (the byline and comment counts are read outside id=comments): the page is read whole. Closed, or a link
    to the comments, it is cut as before."""
    import attrs
    from benchmarks.run import at_page_size

    from jnparse.sites import register

    text = at_page_size((JT / "staff-crime-story.html").read_bytes()).decode()  # type: ignore[union-attr]
    at = text.index("<article")
    data = (text[:at] + opened + text[at:]).encode()
    assert (japantoday.prune(data) is not None) is cut
    got = jnparse.parse(data).to_dict()
    register(attrs.evolve(japantoday.SITE, prune=None), replace=True)
    try:
        assert got == jnparse.parse(data).to_dict()
    finally:
        register(japantoday.SITE, replace=True)


@pytest.mark.parametrize("seed", range(60))
def test_pruned_read_is_the_whole_read_with_marks_anywhere(seed: int) -> None:
    """Marks of what the extractor reads, put anywhere in a page at its real size (before the article,
    in it, after it, in the footer chrome, in scripts): whatever prune() cuts, parse() gives the Article
    the whole page gives."""
    import random

    import attrs
    from benchmarks.run import at_page_size

    from jnparse.sites import register

    rnd = random.Random(seed)
    paths = sorted(p for p in JT.glob("*.html") if p.name != "expired-story.html")
    text = at_page_size(paths[seed % len(paths)].read_bytes()).decode()  # type: ignore[union-attr]
    body = text.index("<body")
    for _ in range(1 + seed % 3):
        at = rnd.choice([i for i, c in enumerate(text) if c == "<" and i > body])
        text = text[:at] + rnd.choice(_PAGE_SNIPPETS) + text[at:]
    data = text.encode()

    def read() -> object:
        try:
            return jnparse.parse(data).to_dict()
        except jnparse.ParseError as e:
            return type(e).__name__

    pruned = read()
    register(attrs.evolve(japantoday.SITE, prune=None), replace=True)
    try:
        whole = read()
    finally:
        register(japantoday.SITE, replace=True)
    assert pruned == whole


def _block_text_by_events(el: object) -> str:
    """block_text as it was written with iterwalk's start and end events: the reference for the one-pass
    walk."""
    from lxml import etree

    from jnparse._text import squash

    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append(" ")
            if node.text and tag and tag not in _SKIPPED_SET:
                parts.append(node.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append(" ")
            if node.tail and node is not el:
                parts.append(node.tail)
    return squash("".join(parts))


def test_block_text_walk_matches_the_event_walk() -> None:
    """Every element of every fixture page, comments and processing instructions kept: the one-pass
    block_text gives what the start/end event walk gives."""
    from lxml import etree

    parser = etree.HTMLParser(remove_comments=False, remove_pis=False)
    extra = b"<div>a<!-- c -->b<?pi x?>c<p>d</p>e<script>s</script>f<br>g<span><b>h</b></span>i</div>tail"
    pages = [p.read_bytes() for p in sorted(FIXTURES.glob("*/*.html"))] + [extra]
    checked = 0
    for data in pages:
        root = etree.fromstring(data, parser)
        if root is None:
            continue
        for el in root.iter("*"):
            assert block_text(el) == _block_text_by_events(el)
            checked += 1
    assert checked > 1000


def _tail_seen(pruned: bytes) -> CutSeen | None:
    """What the tree of ``pruned`` shows of an end cut (base.TailCut); ``None``: no end cut."""
    from jnparse.loading import parse_bytes

    return japantoday._TAIL.seen(parse_bytes(pruned))


def test_prune_cuts_the_footer_chrome_after_the_last_block_read() -> None:
    """At page size, the chrome after the side column (link lists, scripts) is cut off too; a page whose
    chrome holds something read (a heading) keeps it."""
    from benchmarks.run import at_page_size

    from jnparse.loading import parse_bytes

    data = at_page_size((JT / "kyodo-wire-credit.html").read_bytes())
    assert data is not None
    pruned = japantoday.prune(data)
    assert pruned is not None and b"site-bottom" not in pruned and b"More in National" in pruned
    seen = _tail_seen(pruned)
    assert seen is not None and seen.note is not None  # cut between tags
    page = Page(parse_bytes(pruned), source=data)
    assert not japantoday._cut_containers(page.root, japantoday._scanned(page))
    ranges = japantoday._tree_ranges(page)
    assert ranges is not None and len(ranges) == 2 and sum(hi - lo for lo, hi in ranges) < len(data) // 4

    marked = data.replace(b'<div class="foot-links">', b'<div class="foot-links"><h4>Most read</h4>')
    kept = japantoday.prune(marked)
    assert kept is not None and b"Most read" in kept and _tail_seen(kept) is None


def test_end_cut_inside_a_script_is_refused() -> None:
    """An end tag found in a script's text after the last real one: the cut falls inside the script, the
    cut's sentinel becomes text, the extractor says so and parse() reads the whole page."""
    from benchmarks.run import at_page_size

    from jnparse.loading import parse_bytes

    data = at_page_size((JT / "staff-crime-story.html").read_bytes())
    assert data is not None
    data = data.replace(b"<script>var siteConfig", b"<script>var closing = '</section>'; var siteConfig")
    pruned = japantoday.prune(data)
    assert pruned is not None
    seen = _tail_seen(pruned)
    assert seen is not None and seen.note is None  # the sentinel is text
    cut = japantoday.extract_2018(Page(parse_bytes(pruned), source=data))
    assert any(w.code == "unknown-layout" for w in cut.warnings)
    whole = japantoday.extract_2018(Page(parse_bytes(data), source=data))
    assert jnparse.parse(data).to_dict() == whole.to_dict()


@pytest.mark.parametrize("in_script", [False, True])
def test_end_cut_on_a_page_whose_head_opens_the_body(in_script: bool) -> None:
    """Text before ``<body>`` opens the body: libxml2 then drops the attributes of the cut's ``<body>`` tag,
    and a sentinel read as text leaves no mark of the end cut in the tree. The start mark tells: the
    extractor still refuses the cut (and one that fell between tags is still read from its sentinel)."""
    from benchmarks.run import at_page_size

    from jnparse.loading import parse_bytes
    from jnparse.sites.base import PRUNED_ATTR

    data = at_page_size((JT / "staff-crime-story.html").read_bytes())
    assert data is not None
    data = data.replace(b"<body", b"stray text<body", 1)
    if in_script:
        data = data.replace(b"<script>var siteConfig", b"<script>var closing = '</section>'; var siteConfig")
    pruned = japantoday.prune(data)
    assert pruned is not None
    root = parse_bytes(pruned)
    assert root[-1].tag == "body" and root[-1].get(PRUNED_ATTR) is None  # the cut's mark on it is lost
    seen = _tail_seen(pruned)
    assert (seen is None) == in_script
    cut = japantoday.extract_2018(Page(parse_bytes(pruned), source=data))
    assert any(w.code == "unknown-layout" for w in cut.warnings) == in_script
    whole = japantoday.extract_2018(Page(parse_bytes(data), source=data))
    assert jnparse.parse(data).to_dict() == whole.to_dict()
    if not in_script:
        assert cut.to_dict() == whole.to_dict()


def test_a_page_cannot_pass_for_a_pruned_one() -> None:
    """A page carrying its own cut mark (a lookalike name and value) is read as a whole page: the byte-guided
    lookups read all of it."""
    from jnparse.loading import parse_bytes

    data = (JT / "kyodo-wire-credit.html").read_bytes()
    body = data.index(b"<body>") + len(b"<body>")
    start = data.index(b"<article")
    fake = b'<input type="hidden" name="jnparse-cut" value="%d %d %d">' % (body, start, start + 10)
    data = data[:body] + fake + data[body:]
    page = Page(parse_bytes(data), source=data)
    assert japantoday._tree_ranges(page) == ((0, len(data)),)


# -- the cut read is the whole read, whatever markup the page holds where -------------------------------
#: markup that changes how libxml2 reads what follows it: elements left open (raw-text ones hold the rest of
#: the page as text), stray end tags (closing an element opened before the cut, and what is open above it),
#: comments and attribute values left open, self-closing tags, elements libxml2 closes on a start tag
_HAZARDS = (
    "<textarea>", "<title>", "<xmp>", "<iframe>", "<noembed>", "<noframes>", "<script>", "<style>",
    "<textarea>t</textarea>", "<script>var s = '<div>';</script>", "<!--", "<!-- c -->", "<!-->", "<plaintext>",
    "<template>", "<template><div>t</div></template>", "<p title='open>", '<a href="open>', "<p title='a>b'>x</p>",
    "<aside>", "<section>", "<header>", "<footer>", "<div>", "<span>", "<table>", "<td>", "<tr>", "<li>", "<p>",
    "<ul>", "<a href='/x'>", "<b>", "<font>", "<form>", "<h2>", "<figure>", "<div/>", "<span/>", "<div id=a/>",
    "</div>", "</aside>", "</section>", "</article>", "</header>", "</p>", "</span>", "</table>", "</td>",
    "</li>", "</a>", "</form>", "</body>", "</html>", "<br/>", "<img src='/i.jpg'>", "<?pi x?>", "<!doctype html>",
    "<h3>More in National</h3>", "<span itemprop='commentCount'>2</span>", "<ARTICLE>", "<articles>",
)


def _with_hazards(data: bytes, places: list[tuple[int, int]]) -> bytes:
    """``data`` with ``_HAZARDS[h]`` put before the ``i``-th "<" after ``<body`` (taken modulo their count)
    for each ``(i, h)``."""
    text = data.decode()
    body = text.index("<body")
    for i, h in places:
        opens = [j for j, c in enumerate(text) if c == "<" and j > body]
        at = opens[i % len(opens)]
        text = text[:at] + _HAZARDS[h % len(_HAZARDS)] + text[at:]
    return text.encode()


_PAGES = tuple(p for p in sorted(JT.glob("*.html")) if p.name != "expired-story.html")


@given(page=st.integers(0, len(_PAGES) - 1), wrapped=st.booleans(),
       places=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, len(_HAZARDS) - 1)), min_size=1, max_size=3))
@settings(max_examples=40, deadline=None)
def test_cut_read_is_the_whole_read_with_hazards_anywhere(page: int, wrapped: bool,
                                                         places: list[tuple[int, int]]) -> None:
    """Whatever markup the page holds before the article, in it or after it, parse() (which reads the cut
    page when prune() cuts it) gives what the whole page's tree gives."""
    from benchmarks.run import at_page_size

    from .prune_checks import article, whole_page_article

    raw = _PAGES[page].read_bytes()
    data = _with_hazards((at_page_size(raw) or raw) if wrapped else raw, places)
    assert article(data) == whole_page_article(data)


@given(places=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, len(_HAZARDS) - 1)), min_size=1,
                       max_size=2))
@settings(max_examples=40, deadline=None)
@example(places=[(0, 11), (5045, 58)])  # a start mark between the cut's mark and the article hid the check
def test_a_cut_page_reads_as_the_whole_page_or_says_it_cannot(places: list[tuple[int, int]]) -> None:
    """What prune() keeps reads (with no fallback to the whole page) as the whole page, or the extractor
    says it cannot tell (and parse() reads the whole page)."""
    from .prune_checks import cut_page_article, whole_page_article

    data = _with_hazards((JT / "kyodo-wire-credit.html").read_bytes(), places)
    pruned = japantoday.prune(data)
    if pruned is None:
        return
    cut = cut_page_article(pruned, data)
    if isinstance(cut, dict) and any(w["code"] == "unknown-layout" for w in cut["warnings"]):
        return
    assert cut == whole_page_article(data)


@pytest.mark.parametrize(
    ("before", "cut"),
    [
        ("", True),  # the fixture as it is: cut
        ("<textarea>", False),  # holds the rest of the page as text in the whole read
        ("<title>", False),
        ("<script>", False),
        ("<!-- ", False),
        ("<plaintext>", False),
        ("<p title='open>", False),  # the article's tag is in the attribute value
        ("<figure>", False),  # its paragraphs are in a figure in the whole read
        ("<template>", True),  # an element like any other for libxml2
        ("<textarea>x</textarea><!-- c -->", True),
    ],
)
def test_prune_declines_where_the_header_changes_the_read(before: str, cut: bool) -> None:
    from .prune_checks import article, whole_page_article

    data = (JT / "kyodo-wire-credit.html").read_bytes()
    at = data.index(b'<div class="container">')
    data = data[:at] + before.encode() + data[at:]
    assert (japantoday.prune(data) is not None) == cut
    assert article(data) == whole_page_article(data)


def test_prune_declines_a_stray_end_tag_that_closes_an_element_the_article_opened() -> None:
    """An element opened after the article and left open before a stray </div>: the whole read closes it
    there (with the container the </div> ends, opened before the article), the cut read would not."""
    from .prune_checks import article, whole_page_article

    data = (JT / "kyodo-wire-credit.html").read_bytes()
    at = data.index(b"<section")
    data = data[:at] + b"<aside><h3>Latest news</h3><ul><li><a href='/x/2'>Two</a></li></ul></div>" + data[at:]
    assert japantoday.prune(data) is None
    assert article(data) == whole_page_article(data)
    # the same end tags balanced by the part kept: still cut
    assert japantoday._kept_reads_alike(b"<article><aside><p>x</div></aside></article></div></div>") is False
    assert japantoday._kept_reads_alike(b"<article><p>x</p></article></div><aside></aside></div>") is True
    assert japantoday._kept_reads_alike(b"<article><table><tr><td></div></td></tr></table></article>") is True
    # </body> closes all that is open in both reads (libxml2 then puts what follows beside the body)
    assert japantoday._kept_reads_alike(b"<article><aside><p>x</body><p>after") is True


@pytest.mark.parametrize("stray", ["<figure>", "<aside>", "<figure class='photo'><p>"])
def test_an_element_left_open_above_the_article_keeps_the_body(stray: str) -> None:
    """A figure's paragraphs are its caption, but a figure (or aside) left open above the article holds the
    whole article in the page's tree: its paragraphs are still the body, cut or whole."""
    import json

    path = JT / "afp-byline-feature.html"
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    at = text.index('<div class="col-md-8">')
    a = jnparse.parse((text[:at] + stray + text[at:]).encode())
    assert [b["text"] for b in a.to_dict()["body"]] == [b["text"] for b in expected["body"]]
    assert len(expected["body"]) == 3 and not any(w.field == "body" for w in a.warnings)


@pytest.mark.parametrize("spelling", ['ITEMPROP="', 'itemprop = "', 'itemprop\n=\n"'])
def test_microdata_written_in_capitals_or_spaced_is_read(spelling: str) -> None:
    """HTML reads attribute names in any case and allows white space around "=": the byte-guided lookups of
    the story's microdata (its body, byline, times) must too."""
    page = (JT / "afp-byline-feature.html").read_text(encoding="utf-8")
    assert page.count('itemprop="') >= 3
    plain = jnparse.parse(page.encode()).to_dict()
    assert jnparse.parse(page.replace('itemprop="', spelling).encode()).to_dict() == plain
    assert plain["body"] and plain["byline"]["authors"]


#: When each page's copy was taken: its date line ("Nov. 9 06:10 am JST", "Today 05:35 pm JST") prints no
#: year, so reading it needs the fetch time, as for any copy of the site
COPIED_AT = {
    "afp-byline-feature": dt.datetime(2024, 11, 9, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
    "kyodo-wire-credit": dt.datetime(2025, 2, 14, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
    "staff-crime-story": FETCHED,
}


@pytest.mark.parametrize("name", sorted(COPIED_AT))
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the visible text as a copy tool renders it (menus, category label, headline, date, comment count,
    # caption, byline, story, credit lines, comments, side lists): the HTML's fields, every line kept somewhere
    from .page_text import assert_every_piece_kept, assert_reads_alike, render

    html = (JT / f"{name}.html").read_bytes()
    page = jnparse.parse(html)
    text = render(html)
    copy = jnparse.parse_text(text, url=page.url, fetched=COPIED_AT[name])  # (the page itself needs no fetch time)
    assert_reads_alike(copy, page, "title", "section", "dateline", "agency")
    assert copy.published is not None and page.published is not None
    assert copy.published.date() == page.published.date()
    assert [b.text for b in copy.body] == [b.text for b in page.body]
    assert [(i.caption, i.credit) for i in copy.images] == [(i.caption, i.credit) for i in page.images]
    assert_every_piece_kept(text, copy)


def test_a_copy_of_an_expired_page_is_no_article() -> None:
    from .page_text import render

    html = (JT / "expired-story.html").read_bytes()
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(html)
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse_text(render(html), url="https://japantoday.com/category/national/an-expired-story")


def _story_of(inner: str) -> tuple[list[tuple[str, str]], list[str]]:
    from jnparse.loading import parse_bytes

    root = parse_bytes(f"<html><body><div itemprop='articleBody'>{inner}</div></body></html>".encode())
    body = next(el for el in root.iter("div") if el.get("itemprop") == "articleBody")
    blocks, tables = japantoday._story(body, [])
    return [(b.kind, b.text) for b in blocks], [t.tag for t in tables]


def test_story_reads_what_the_body_holds_whatever_holds_it() -> None:
    """Lists, quotations, headings of any level and bare text in wrappers are the story, in place; a figure is
    a photo (its paragraphs its caption), a script no text; a table is handed back to be discarded."""
    blocks, tables = _story_of(
        "Lead <b>text</b>.<p>One.</p><ul><li>Item <i>a</i></li><li>Item b</li></ul>"
        "<blockquote>Quoted <em>aloud</em><p>Quoted paragraph.</p></blockquote><h4>Minor</h4><h5>Smaller</h5>"
        "<div><span>Bare</span> <i>div</i><br>text<div>Inner div.</div>tail text</div>"
        "<figure><img src='/a.jpg'><p>Caption paragraph.</p></figure><script>var x = 1;</script><!-- note -->after"
        "<table><tr><td>A</td></tr></table><ol><li><p>In a paragraph.</p></li></ol><p>Two.</p>"
    )
    assert blocks == [
        ("paragraph", "Lead text."), ("paragraph", "One."), ("paragraph", "Item a"), ("paragraph", "Item b"),
        ("paragraph", "Quoted aloud"), ("paragraph", "Quoted paragraph."), ("subhead", "Minor"), ("subhead", "Smaller"),
        ("paragraph", "Bare div text"), ("paragraph", "Inner div."), ("paragraph", "tail text"), ("paragraph", "after"),
        ("paragraph", "In a paragraph."), ("paragraph", "Two."),
    ]
    assert tables == ["table"]


def test_story_of_a_deeply_nested_body() -> None:
    """Wrappers nested deeper than the recursion limit (a tree built so, past the parser's depth limit): an
    explicit stack reads them."""
    from lxml import etree

    body = node = etree.Element("div")
    for _ in range(3000):
        node = etree.SubElement(node, "div")
    node.text = "Deep text."
    etree.SubElement(body, "p").text = "After."
    blocks, _ = japantoday._story(body, [])
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "Deep text."), ("paragraph", "After.")]


def test_a_table_in_the_story_is_discarded_after_the_other_blocks() -> None:
    data = (JT / "staff-crime-story.html").read_bytes()
    at = data.index(b"<p>", data.index(b"articleBody"))
    table = b"<div><table><caption>Arrests</caption><tr><th>Year</th><th>Count</th></tr><tr><td>2024</td><td>3</td>"
    before, after = jnparse.parse(data), jnparse.parse(data[:at] + table + b"</tr></table></div>" + data[at:])
    assert after.body == before.body
    assert after.discarded == (*before.discarded, Discarded(kind="other", text="Arrests\nYear | Count\n2024 | 3"))
