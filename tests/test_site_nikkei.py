"""Nikkei Asia: __NEXT_DATA__ edge cases, the article-access body, captions, SVG junk, text copies."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jnparse
from jnparse.sites import nikkei

from .conftest import FIXTURES
from .prune_checks import article as _article
from .prune_checks import extract
from .prune_checks import whole_page_article as _whole

DIR = FIXTURES / "nikkei"
JST = dt.timezone(dt.timedelta(hours=9))
JUNK = ("ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon Mail "
        "ContactPath LayerIcon MailPositive ArrowIcon Print")
URL = "https://asia.nikkei.com/Business/Finance/Singapore-banks-brace-for-slower-wealth-inflows"


def _next_page(data: object) -> str:
    blob = json.dumps({"props": {"pageProps": {"data": data}}})
    return f'<html><body><script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>'


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Containers are stacked at a port in Yokohama.   © Reuters", "Containers are stacked at a port in Yokohama.",
         "Reuters"),
        ("The financial district of Singapore. (Photo by Ken Tanaka)", "The financial district of Singapore.",
         "Ken Tanaka"),
        ("Leaders meet. (Nikkei montage/Getty Images/AP)", "Leaders meet.", "Nikkei montage/Getty Images/AP"),
        ("A plain caption", "A plain caption", None),
    ],
)
def test_split_caption(text: str, caption: str, credit: str | None) -> None:
    assert nikkei.split_caption(text) == (caption, credit)


def test_svg_junk() -> None:
    assert nikkei.is_svg_junk(JUNK)
    assert nikkei.cut_svg_junk(JUNK + " TOKYO -- Exports rose.") == (JUNK, "TOKYO -- Exports rose.")
    assert nikkei.cut_svg_junk("Print media is shrinking.") == (None, "Print media is shrinking.")


def test_svg_titles_never_reach_the_article() -> None:
    html = (DIR / "reuters-photo-emdash.html").read_bytes()
    article = jnparse.parse(html)
    assert "Sketch" not in article.to_json()
    assert "Chevron" not in article.to_json()


def test_text_copy_junk_only_in_discarded() -> None:
    article = jnparse.parse_text((DIR / "insurers-copy.txt").read_text(encoding="utf-8"))
    dumped = article.to_dict()
    del dumped["discarded"]
    assert "Sketch" not in json.dumps(dumped)
    assert article.discarded[0].text == JUNK
    assert nikkei.readable_authors(article) == ("Takumi Hayasaka",)


def test_readable_authors_for_two_staff_writers() -> None:
    article = jnparse.parse((DIR / "staff-next-image-ads.html").read_bytes())
    assert nikkei.readable_authors(article) == ("Daisuke Harada", "Emi Kojima")
    assert article.byline is not None and article.byline.affiliation == "Nikkei staff writers"


def test_invalid_next_data_warns_and_degrades() -> None:
    html = ('<html><head><meta property="og:title" content="Banks brace"></head><body>'
            '<script id="__NEXT_DATA__" type="application/json">{"props": </script></body></html>')
    article = jnparse.parse(html, url=URL)
    assert article.title == "Banks brace"
    assert any(w.code == "skipped" and "not valid JSON" in w.detail for w in article.warnings)


def test_oversized_next_data_is_not_read() -> None:
    data = {"headline": "H", "body": "<p>" + "x" * nikkei.MAX_JSON_CHARS + "</p>"}
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(_next_page(data), url=URL)


def test_bad_access_document_keeps_the_preview() -> None:
    html = (DIR / "paywalled-preview.html").read_bytes()
    article = jnparse.parse(html, body=b"<html>not json</html>")
    assert article.paywalled is True
    assert len(article.body) == 1
    assert any(w.field == "body" and w.code == "skipped" for w in article.warnings)


def test_access_document_as_str() -> None:
    html = (DIR / "paywalled-preview.html").read_bytes()
    article = jnparse.parse(html, body=json.dumps({"body": "<p>SINGAPORE -- Full text.</p><p>More.</p>"}))
    assert article.paywalled is False
    assert [b.text for b in article.body] == ["Full text.", "More."]


def test_plain_text_preview_and_epoch_milliseconds() -> None:
    data = {"headline": "H", "preview": "TOKYO -- First & only.\n\nSecond.", "createdDate": 1755824460000,
            "rootCategory": "Economy"}
    article = jnparse.parse(_next_page(data), url=URL)
    assert article.paywalled is True
    assert [b.text for b in article.body] == ["First & only.", "Second."]
    assert article.published == dt.datetime(2025, 8, 22, 10, 1, tzinfo=JST)
    assert article.section == "Economy"


def test_odd_json_types_degrade_to_none() -> None:
    data = {"headline": "H", "body": "<p>Text.</p>", "byline": 7, "image": "x", "createdDate": True,
            "rootCategory": [1], "primaryTag": None}
    article = jnparse.parse(_next_page(data), url=URL)
    assert (article.byline, article.images, article.published, article.section, article.kicker) == (
        None, (), None, None, None)


def test_server_layout_reads_body_preview() -> None:
    article = jnparse.parse((DIR / "server-layout-2021.html").read_bytes())
    assert article.layout == "nikkei/server"
    assert article.dateline is not None and article.dateline.raw == "JAKARTA -- "
    assert [d.kind for d in article.discarded] == ["ad"]


#: An invented story's HTML holding what the reader walks into (a bare div, a list, a quotation), bare text, a
#: table, an ad and a photo inside a wrapper, and an icon.
_STORY = (
    "<p>TOKYO -- Ports reopened on Monday.</p><div>Ferries ran late.<p>Cranes were idle.</p>Trucks queued"
    ' <a href="/x">at the gates</a>.</div><ul><li>Yokohama reopened first.</li><li>Kobe followed.</li></ul>'
    '<blockquote>"We lost a day," a clerk said.</blockquote><h4>What comes next</h4><section><div class="o-ads">'
    '<div id="div-gpt-ad-article-1">Advertisement</div></div><div class="ez-embed-type-image"><img src="/i.jpg">'
    '<div class="article__caption">A quay in Kobe. © Kyodo</div></div></section>'
    "<table><tr><th>Port</th><th>Ships</th></tr><tr><td>Kobe</td><td>12</td></tr></table>"
    "<p>Shipping lines <svg><title>Icon Print</title></svg>expect delays.</p><!-- end -->"
)


def test_what_the_story_holds_is_read_in_its_place() -> None:
    article = jnparse.parse(_next_page({"headline": "Ports reopen", "body": _STORY}), url=URL)
    assert [(b.kind, b.text) for b in article.body] == [
        ("paragraph", "Ports reopened on Monday."), ("paragraph", "Ferries ran late."),
        ("paragraph", "Cranes were idle."), ("paragraph", "Trucks queued at the gates."),
        ("paragraph", "Yokohama reopened first."), ("paragraph", "Kobe followed."),
        ("paragraph", '"We lost a day," a clerk said.'), ("subhead", "What comes next"),
        ("paragraph", "Shipping lines expect delays."),
    ]
    assert [(i.caption, i.credit) for i in article.images] == [("A quay in Kobe.", "Kyodo")]
    assert [(d.kind, d.text) for d in article.discarded] == [("ad", "Advertisement"),
                                                              ("other", "Port | Ships\nKobe | 12")]


def test_asahi_copy_is_not_claimed() -> None:
    article = jnparse.parse_text((FIXTURES / "asahi" / "vox-populi-copy.txt").read_text(encoding="utf-8"))
    assert article.site == "asahi"
    assert not nikkei.text_signature(jnparse.textcopy.TextCopy.from_text(
        (FIXTURES / "asahi" / "vox-populi-copy.txt").read_text(encoding="utf-8")))


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "nikkei" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = nikkei.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = nikkei.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "nikkei":
            assert with_bytes or Page(root).canonical, path.name


# -- prune: <head> and the __NEXT_DATA__ script only -----------------------------------------------------

def _chrome(page: bytes, top: bytes = b"", bottom: bytes = b"") -> bytes:
    menu = b"".join(b'<li class="menu-item"><a href="/s%d/">Section %d</a></li>' % (i, i) for i in range(300))
    head, _, rest = page.partition(b"<body>")
    return head + b"<body><nav><ul>" + menu + b"</ul></nav>" + top + rest.replace(b"</body>", bottom + b"</body>")


NEXT_FIXTURES = ("paywalled-preview.html", "reuters-photo-emdash.html", "staff-next-image-ads.html")


@pytest.mark.parametrize("name", NEXT_FIXTURES)
def test_pruned_page_reads_as_the_whole_page(name: str) -> None:
    data = _chrome((DIR / name).read_bytes())
    pruned = nikkei.prune(data)
    assert pruned is not None and len(pruned) < len(data) // 2
    assert jnparse.parse(data).to_dict() == _whole(data) == jnparse.parse((DIR / name).read_bytes()).to_dict()


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        (b'<meta property="og:title" content="From the body">', b""),
        (b'<META name="description" content="Upper case">', b""),
        (b"", b'<link rel="canonical" href="https://example.com/elsewhere">'),
        (b"", b'<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020"}</script>'),
        (b"", b'<script type="application/ld&#43;json">{"@type": "NewsArticle"}</script>'),
        (b"<!-- ", b" -->"),  # the script is commented out
        (b"<textarea>", b"</textarea>"),
        (b"<plaintext>", b""),
        (b'<script>var id = "__NEXT_DATA__";</script>', b""),  # the id is named before the script
    ],
)
def test_prune_keeps_the_page_when_the_chrome_may_matter(top: bytes, bottom: bytes) -> None:
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top, bottom)
    assert nikkei.prune(data) is None


#: the Next.js id named before its script: the page is never pruned
_NAMED = b'<script>var id = "__NEXT_DATA__";</script>'


@pytest.mark.parametrize(("top", "bottom"), [(b"<p>caf\xe9</p>", b""), (b"", b"<p>\x83\x5c</p>")])
def test_page_not_utf8_where_the_prune_cuts_reads_like_the_whole_page(top: bytes, bottom: bytes) -> None:
    """prune() leaves the UTF-8 check to parse(), which checks the whole page before any prune: a page that
    is not UTF-8 in the bytes the prune would drop is decoded the careful way, as when it is read whole."""
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top, bottom)
    assert nikkei.prune(data) is not None  # the cut alone would drop the bad bytes
    whole = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top + _NAMED, bottom)  # never pruned
    assert nikkei.prune(whole) is None
    assert _outcome(data) == _outcome(whole)
    assert _outcome(data) != _outcome(nikkei.prune(data) or b"")  # the cut page alone reads as UTF-8


def _outcome(data: bytes) -> object:
    """The Article's dict, or the error's message (the page's UTF-8 em dash may be no cp932 either)."""
    try:
        return jnparse.parse(data).to_dict()
    except jnparse.DecodeError as e:
        return str(e)


def test_prune_skips_raw_text_and_comments_that_mention_tags() -> None:
    chrome = (b'<script>var s = "<meta name=x>";</script><style>a::after { content: "<link>" }</style>'
              b"<!-- <meta name=y> --><svg><title>Icon</title></svg>")
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), chrome, chrome)
    assert nikkei.prune(data) is not None
    assert jnparse.parse(data).to_dict() == _whole(data)


def test_pruned_page_refuses_the_h1_fallback() -> None:
    """No headline and no og:title: the title comes from the chrome's <h1>, which the pruned page lacks;
    the extractor refuses it and the whole page is read."""
    blob = json.dumps({"props": {"pageProps": {"data": {"body": "<p>TOKYO -- Text.</p>", "primaryTag": {"name": "A"},
                                                        "rootCategory": {"name": "B"}}}}})
    page = (f'<html><head><title>T - Nikkei Asia</title><link rel="canonical" href="{URL}"></head><body>'
            f'<h1>The real headline</h1><script id="__NEXT_DATA__" type="application/json">{blob}</script>'
            "</body></html>").encode()
    data = _chrome(page)
    assert nikkei.prune(data) is not None
    article = jnparse.parse(data)
    assert article.title == "The real headline"
    assert article.to_dict() == _whole(data)


def test_pruned_page_without_a_head_title_keeps_svg_titles() -> None:
    """With no <title> in the head, the first <title> anywhere (an SVG icon's) is the page's: kept whole."""
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes().replace(b"<title>", b"<x-title>", 1))
    assert nikkei.prune(data) is None
    assert jnparse.parse(data).to_dict() == _whole(data)


@pytest.mark.parametrize("before", [b"<!x ", b"<?x ", b'<div title="a" <'])
def test_prune_keeps_the_page_when_the_script_may_sit_in_a_tag(before: bytes) -> None:
    page = (DIR / "staff-next-image-ads.html").read_bytes().replace(b'<script id="__NEXT_DATA__"',
                                                                   before + b'<script id="__NEXT_DATA__"')
    data = _chrome(page)
    assert nikkei.prune(data) is None
    assert jnparse.parse(data).to_dict() == _whole(data)


# -- prune: the older server-rendered page: <head> and the article region ------------------------------------

SERVER = (DIR / "server-layout-2021.html").read_bytes()


def _server_page(top: bytes = b"", bottom: bytes = b"", inner: bytes = b"", head: bytes | None = None) -> bytes:
    """The server-layout fixture in chrome: ``top`` before the article, ``inner`` at the end of the body
    container, ``bottom`` after the article; ``head`` replaces the head's content."""
    page = SERVER
    if head is not None:
        page = page[: page.index(b"<head>") + 6] + head + page[page.index(b"</head>") :]
    page = page.replace(b"industry group.</p>\n</div>", b"industry group.</p>\n" + inner + b"</div>")
    return _chrome(page, top, bottom)


def test_server_pruned_page_reads_as_the_whole_page() -> None:
    data = _server_page()
    pruned = nikkei.prune(data)
    assert pruned is not None and len(pruned) < len(data) // 4
    assert b"menu-item" not in pruned and b"article-body-preview" in pruned
    assert jnparse.parse(data).to_dict() == _whole(data) == jnparse.parse(SERVER).to_dict()


def test_server_prune_at_real_page_size() -> None:
    spec = importlib.util.spec_from_file_location("jnparse_bench_run", FIXTURES.parent / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    data = bench.at_page_size(SERVER)
    pruned = nikkei.prune(data)
    assert pruned is not None and len(pruned) < len(data) // 10
    assert jnparse.parse(data).to_dict() == _whole(data)


@pytest.mark.parametrize(
    ("top", "bottom", "inner"),
    [
        # a part the extractor reads, after the region
        (b"", b'<span class="article__author">OTHER NAME</span>', b""),
        (b"", b'<time class="timestamp__time">May 1, 2020 10:00 JST</time>', b""),
        (b"", b'<h1 class="article-header__title">Another headline</h1>', b""),
        (b"", b'<div id="article-body-preview"><p>A second body.</p></div>', b""),
        (b'<div id="article-body-preview"><p>A body before.</p></div>', b"", b""),  # named twice
        # structured data in the dropped bytes
        (b'<meta property="og:title" content="From the body">', b"", b""),
        (b"", b'<META name="description" content="Upper case">', b""),
        (b"", b'<link rel="canonical" href="https://example.com/elsewhere">', b""),
        (b'<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "World"}</script>', b"", b""),
        (b"", b'<script type="application/LD+JSON">{"@type": "NewsArticle"}</script>', b""),
        # the cut inside a comment or raw text
        (b"<!-- ", b" -->", b""),
        (b"<textarea>", b"</textarea>", b""),
        (b"<plaintext>", b"", b""),
        (b"<script>var a = '<!--';", b"</script>", b""),
        # the body container's end cannot be told
        (b"", b"", b"<table><tr><td>A cell left open"),  # the parser ignores </div> under an open cell
        (b"", b"", b"</section></td>"),
        # the Next.js id named somewhere
        (b'<script>var id = "__NEXT_DATA__";</script>', b"", b""),
    ],
)
def test_server_prune_keeps_the_page_when_the_chrome_may_matter(top: bytes, bottom: bytes, inner: bytes) -> None:
    data = _server_page(top, bottom, inner)
    assert nikkei.prune(data) is None
    assert jnparse.parse(data).to_dict() == _whole(data)


@pytest.mark.parametrize(
    ("top", "bottom", "inner"),
    [
        (b"<p>Cookies.</p><h2>Latest</h2><svg><title>Icon</title><path d='M0'></path></svg><p/>", b"", b""),
        (b'<script>var s = "<meta name=x></p><h2>";</script><style>a::after { content: "<link>" }</style>'
         b"<!-- <meta name=y> <h3> --><!--><!--->", b"<svg><title>Icon</title></svg><p>After.</p>", b""),
        (b"</p></h2></svg>", b"", b""),  # stray end tags close nothing
        (b"", b"", b"<table><tr><td>Cell</td></tr></table><div><p>In a div.</p></div><div/><h2>A subhead</h2>"),
        (b"", b"", b'<script>var t = "</div>";</script><!-- </div> --><p>Last.</p>'),
        (b'<span class="article__author">BEFORE NAME</span><p>Between.</p>', b"", b""),  # the region starts there
        (b"", b"", b"<div>A div left open"),  # the container then ends with the page: kept to its end
        # elements left open around the region: what is above the body container is not read
        (b"<h2>Latest", b"", b""),
        (b"<H3>Most read", b"", b""),
        (b"<p><span>In a paragraph", b"", b""),
        (b"<svg><g>", b"", b""),
        (b'<div class="o-ads">', b"", b""),
        (b'<div id="AdAsia"><p>', b"", b""),
    ],
)
def test_server_prune_cuts_past_harmless_chrome(top: bytes, bottom: bytes, inner: bytes) -> None:
    data = _server_page(top, bottom, inner)
    assert nikkei.prune(data) is not None
    assert jnparse.parse(data).to_dict() == _whole(data)


@pytest.mark.parametrize("around", [b'<div class="o-ads">', b'<div id="AdAsia">', b"<p><span>", b"<h2>", b"<svg>"])
def test_server_body_container_is_read_whatever_it_sits_in(around: bytes) -> None:
    """The body container is the article's wherever the page's chrome puts it: its ads are discarded and
    its paragraphs read, as on the fixture, also when the page is read whole."""
    data = SERVER.replace(b'<div id="article-body-preview"', around + b'<div id="article-body-preview"')
    want = jnparse.parse(SERVER)
    for article in (jnparse.parse(data), jnparse.parse(_chrome(data))):
        assert (article.body, article.discarded) == (want.body, want.discarded)
    assert jnparse.parse(_chrome(data)).to_dict() == _whole(_chrome(data))


def test_server_prune_keeps_the_page_when_the_region_may_start_in_a_tag() -> None:
    h1 = b'<h1 class="article-header__title">'
    data = _server_page().replace(h1, b'<div title="a" ' + h1)
    assert nikkei.prune(data) is None
    assert jnparse.parse(data).to_dict() == _whole(data)
    # a tag-like "<" in a tag closed before the region: the cut is between tags
    data = _server_page(b'<div title="a" <')
    assert nikkei.prune(data) is not None
    assert jnparse.parse(data).to_dict() == _whole(data)


def test_server_prune_keeps_svg_titles_without_a_head_title() -> None:
    data = _server_page(b"<svg><title>Icon</title></svg>",
                        head=b'<link rel="canonical" href="https://asia.nikkei.com/Spotlight/x">')
    assert nikkei.prune(data) is None
    assert jnparse.parse(data).to_dict() == _whole(data)
    assert nikkei.prune(_server_page(head=b'<link rel="canonical" href="https://asia.nikkei.com/Spotlight/x">'))


def _extract_pruned(data: bytes) -> jnparse.Article:
    pruned = nikkei.prune(data)
    assert pruned is not None
    return extract(data, pruned)


def test_server_pruned_page_detected_by_markup_is_read_whole() -> None:
    """No address, site name or title: detection reaches the fingerprints, which the dropped chrome may
    decide otherwise; the extractor refuses the pruned page."""
    data = _server_page(head=b"<title>Jakarta commuters switch to electric motorbikes</title>")
    with pytest.raises(jnparse.NotAnArticleError):
        _extract_pruned(data)
    article = jnparse.parse(data)
    assert article.layout == "nikkei/server"
    assert article.to_dict() == _whole(data)


def test_server_pruned_page_that_lacks_a_part_is_read_whole() -> None:
    """The bytes name the author's class, but on no span: the cut page lacks the part, and is refused."""
    data = _server_page().replace(b'<span class="article__author">', b'<div class="article__author">')
    with pytest.raises(jnparse.NotAnArticleError):
        _extract_pruned(data)
    article = jnparse.parse(data)
    assert article.byline is None
    assert article.to_dict() == _whole(data)


def test_server_pruned_page_names_only_the_parts_it_holds() -> None:
    data = _server_page().replace(b'<span class="article__author">RINA SATO, Nikkei staff writer</span>', b"")
    article = _extract_pruned(data)
    assert article.byline is None and article.body
    assert jnparse.parse(data).to_dict() == article.to_dict() == _whole(data)


def test_next_pruned_page_is_not_read_as_server_layout() -> None:
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes())
    pruned = nikkei.prune(data)
    assert pruned is not None
    with pytest.raises(jnparse.NotAnArticleError):
        nikkei.extract_server(Page(parse_bytes(pruned), source=data))


_TOP = ["<p>Cookies.</p>", "<p>Open", "<h2>Latest</h2>", "<h2>Open", "<H3>Upper</H3>", "<svg><title>I</title></svg>",
        "<svg>", "</p>", "</svg>", "<p/>", "<span><p>In a span", '<div class="o-ads">Ad</div>', '<div id="AdAsia">',
        '<meta name="x" content="y">', '<link rel="canonical" href="https://x.example/">', "<title>Other</title>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "World"}</script>',
        '<script>var s = "</p><meta name=z>";</script>', "<!-- <p> -->", "<!--", "<style>p { color: red }</style>",
        "<textarea>", "<plaintext>", "<div>", "</div>", '<nav><ul><li><a href="/a">A</a></li></ul></nav>',
        '<span class="article__author">CHROME NAME</span>', '<h1 class="article-header__title">Chrome</h1>',
        '<div id="article-body-preview"><p>Other body.</p></div>', "<table><tr><td>", "<a href='/x'>Link"]
_INNER = ["<p>More text.</p>", '<div class="o-ads"><p>Ad text</p></div>', "<h2>Subhead</h2>",
          '<div class="ez-embed-type-image"><img src="/i.jpg"><span class="article__caption">A cap. © Reuters</span>'
          "</div>", "<table><tr><td>Cell</td></tr></table>", "<td>Open cell", "<div>Open div", "</div>", "<div/>",
          '<script>var t = "</div>";</script>', "<!-- </div> -->", "</section>", "<svg><title>I</title></svg>",
          '<p><span class="article__author">INLINE NAME</span></p>', "<p>", "</td>", "<tr>"]
_BOTTOM = ['<span class="article__author">LATE NAME</span>', '<meta name="x" content="y">', "<p>After.</p>",
           "<svg><title>I</title></svg>", '<time class="timestamp__time">May 1, 2020 10:00 JST</time>', "</div>",
           '<div id="article-body-preview"><p>Second.</p></div>', "<link rel=x>", "<title>Late</title>",
           '<script>var s = "<meta>";</script>', "<!-- x -->", '<div class="o-ads">Ad</div>']
_HEADS = [None, b"<title>Jakarta commuters | Nikkei Asia</title>",
          b'<meta property="og:site_name" content="Nikkei Asia">', b"",
          b'<link rel="canonical" href="https://asia.nikkei.com/Spotlight/x"><title> </title>',
          b'<script>var b = "<body>";</script><link rel="canonical" href="https://asia.nikkei.com/Spotlight/x">']


@settings(max_examples=400, deadline=None)
@given(top=st.lists(st.sampled_from(_TOP), max_size=5), inner=st.lists(st.sampled_from(_INNER), max_size=4),
       bottom=st.lists(st.sampled_from(_BOTTOM), max_size=3), head=st.sampled_from(_HEADS))
def test_server_pruned_parse_is_the_whole_parse(top: list[str], inner: list[str], bottom: list[str],
                                                head: bytes | None) -> None:
    data = _server_page("".join(top).encode(), "".join(bottom).encode(), "".join(inner).encode(), head)
    assert _article(data) == _whole(data)


#: chrome the prune cuts past (most draws are pruned): elements left open or closed around the region,
#: raw text and comments that mention tags, markup inside the body container
_TOP_CUT = ["<p>Cookies.</p>", "<h2>Latest</h2>", "<H3>Upper</H3>", "<svg><title>I</title></svg>", "</p>", "</svg>",
            "<p/>", '<script>var s = "</p><meta name=z>";</script>', "<!-- <p> -->", "<style>p { color: red }</style>",
            "<div>", "</div>", '<nav><ul><li><a href="/a">A</a></li></ul></nav>', "<table><tr><td>",
            "<a href='/x'>Link", "<span>", "<section>", "<ul><li>", '<span class="article__author">CHROME NAME</span>',
            "<p>Open", "<form>", "<select><option>", "<b><i>", "</span>", "</section>", '<div class="o-ads">',
            "<h2>Open"]
_INNER_CUT = [*_INNER, "<em>x", "</em>", "<a href='/y'>", "</a>", "<h3>Sub</h3>", "<li>", "<ul>", "</ul>", "</form>",
              "</p>"]
_BOTTOM_CUT = ["<p>After.</p>", "<svg><title>I</title></svg>", "</div>", "<!-- x -->", "</section>", "<div>",
               "</td></tr></table>", "</body>", "<h2>End"]


@settings(max_examples=300, deadline=None)
@given(top=st.lists(st.sampled_from(_TOP_CUT), max_size=5), inner=st.lists(st.sampled_from(_INNER_CUT), max_size=5),
       bottom=st.lists(st.sampled_from(_BOTTOM_CUT), max_size=3),
       head=st.sampled_from([h for h in _HEADS if h != b""]))
def test_server_pruned_parse_past_harmless_chrome_is_the_whole_parse(top: list[str], inner: list[str],
                                                                     bottom: list[str], head: bytes | None) -> None:
    data = _server_page("".join(top).encode(), "".join(bottom).encode(), "".join(inner).encode(), head)
    assert _article(data) == _whole(data)


@pytest.mark.parametrize(("top", "bottom"), [(b"<p>caf\xe9</p>", b""), (b"", b"<p>\x83\x5c</p>")])
def test_server_page_not_utf8_where_the_prune_cuts_reads_like_the_whole_page(top: bytes, bottom: bytes) -> None:
    data = _server_page(top, bottom)
    assert nikkei.prune(data) is not None  # the cut alone would drop the bad bytes
    whole = _server_page(top + b'<meta name="x" content="y">', bottom)  # never pruned
    assert nikkei.prune(whole) is None
    assert _outcome(data) == _outcome(whole)


def test_server_pruned_page_whose_headline_went_on_past_the_cut_is_read_whole() -> None:
    """The headline left open around the body container goes on in the dropped bytes: the cut page's
    title would lack their text; the extractor refuses it (the headline is open at the cut)."""
    data = _server_page(bottom=b"<span>More words</span></h1>").replace(b"</h1>", b"", 1)
    data = data.replace(b'</div>\n<div id="article-body-preview"', b'<div id="article-body-preview"', 1)
    with pytest.raises(jnparse.NotAnArticleError, match="cut short"):
        _extract_pruned(data)
    assert "More words" in str(_article(data)) and _article(data) == _whole(data)


def test_tag_finder_walks_tags_as_the_tokenizer_reads_them() -> None:
    from jnparse.sites.base import TagFinder, Unsure

    finder = TagFinder(b"div", b"/div", b"title")
    low = (b'<p><!-- <div> --><!--><script>var s = "<div>";</script><div id="a"><title>x<div></title>'
           b"<style>div > p {}</style></div ><div\x0b></div>")
    found = [(name, low[lt : gt + 1], low[gt + 1 : end]) for name, lt, gt, end in finder.iter(low, 0, len(low))]
    assert found == [(b"div", b'<div id="a">', b""), (b"title", b"<title>", b"x<div>"), (b"/div", b"</div >", b""),
                     (b"/div", b"</div>", b"")]  # "<div\v" is no div: \v is no white space to the tokenizer
    assert finder.find(low, 0, len(low)) == low.index(b'<div id="a">')
    for unsure in (b"<p><!-- <div>", b"<script>a<!--<script></script><div>", b"<plaintext><div>", b'<a title="<div>'):
        with pytest.raises(Unsure):
            list(finder.iter(unsure, 0, len(unsure)))
        assert finder.find(unsure, 0, len(unsure)) is None
