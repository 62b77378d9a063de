"""NHK World-Japan: JSON-LD articleBody, the news JSON, no datelines ever, text copies."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse
from jnparse.model import Block
from jnparse.sites import nhk

from .conftest import FIXTURES

NHK = FIXTURES / "nhk"


def _page(ld: dict[str, object], body_html: str = "", title: str = "") -> str:
    return (
        f"<html><head><title>{title}</title><script type='application/ld+json'>{json.dumps(ld)}</script></head>"
        f"<body>{body_html}</body></html>"
    )


def test_detail_paragraphs_split_on_br_pairs_and_entities_decoded() -> None:
    blocks = nhk.paragraphs("One &amp; two.<br />\n<br />\nThree.<br /><br />Four.")
    assert blocks == [Block("paragraph", "One & two."), Block("paragraph", "Three."), Block("paragraph", "Four.")]


def test_article_body_split_on_line_breaks() -> None:
    assert [b.text for b in nhk.paragraphs("First.\n\nSecond.\nThird.")] == ["First.", "Second.", "Third."]


def test_never_cuts_a_dateline_from_nhk_text() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "articleBody": "TOKYO — Officials said so.\n\nMore."}
    a = jnparse.parse(_page(ld), url="https://www3.nhk.or.jp/nhkworld/en/news/20250101_01/")
    assert a.dateline is None
    assert a.body[0].text == "TOKYO — Officials said so."


def test_body_container_is_the_fallback_when_json_ld_has_no_article_body() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "datePublished": "2025-01-02T08:00:00+09:00"}
    html = _page(ld, "<div class='p-article__body'><p>Uno.</p><p>Dos.</p></div>")
    a = jnparse.parse(html, url="https://www3.nhk.or.jp/nhkworld/en/news/20250102_03/")
    assert [b.text for b in a.body] == ["Uno.", "Dos."]
    assert any(w.field == "body" and w.code == "fallback" for w in a.warnings)


def test_the_body_container_is_read_as_every_site_reads_a_story() -> None:
    # a list's items, a box of the design and a subhead are the story's; an aside is kept apart (only p, h2, h3 and an
    # unclassed div's paragraphs were read: the list, the classed box and the aside were lost)
    ld = {"@type": "NewsArticle", "headline": "H", "datePublished": "2025-01-02T08:00:00+09:00"}
    html = _page(ld, "<div class='p-article__body'><p>Otters swim.</p><ul><li>Seals bask.</li></ul>"
                     "<h4>Gull watch</h4><div class='c-text'><p>Crabs scuttle.</p></div>"
                     "<aside><p>Fact: herons wade.</p></aside><p>Puffins dive.</p></div>")
    a = jnparse.parse(html, url="https://www3.nhk.or.jp/nhkworld/en/news/20250102_03/")
    assert [(b.kind, b.text) for b in a.body] == [
        ("paragraph", "Otters swim."), ("paragraph", "Seals bask."), ("subhead", "Gull watch"),
        ("paragraph", "Crabs scuttle."), ("paragraph", "Puffins dive.")]
    assert [(d.kind, d.text) for d in a.discarded if d.kind == "other"] == [("other", "Fact: herons wade.")]


def test_detected_by_title_suffix_without_url() -> None:
    ld = {"@type": "NewsArticle", "articleBody": "Kishida Fumio spoke."}
    a = jnparse.parse(_page(ld, title="Some headline | NHK WORLD-JAPAN News"))
    assert a.site == "nhk"
    assert a.title == "Some headline"
    assert a.body[0].text == "Kishida Fumio spoke."  # family name first, as printed


def test_news_json_fixture_reads_updated_at_for_both_times() -> None:
    a = jnparse.parse((NHK / "cherry-forecast-news.json").read_bytes())
    assert a.site == "nhk" and a.layout == "nhk/json"
    assert a.published is not None and a.published.isoformat() == "2025-04-08T07:15:00+09:00"
    assert a.updated == a.published
    assert any(w.code == "low-confidence" and w.field == "published" for w in a.warnings)
    assert a.url == "https://www3.nhk.or.jp/nhkworld/en/news/20250408_04/"


@pytest.mark.parametrize(
    "doc",
    [
        {"data": {"id": "12345", "title": "not NHK"}},
        {"data": {"title": "no id"}},
        {"data": {"id": "20250101_01"}},  # NHK-shaped id but no title and no detail
        {"items": []},
        [1, 2, 3],
        "text",
    ],
)
def test_parse_json_returns_none_for_other_documents(doc: object) -> None:
    assert nhk.parse_json(doc, None, None) is None


def test_foreign_json_is_rejected_cleanly() -> None:
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse(b'{"data": {"id": 5, "title": "x"}}')


def test_news_json_without_page_url_builds_it_from_id() -> None:
    a = nhk.parse_json({"data": {"id": "20250101_07", "title": "T", "detail": "A.", "updated_at": "x"}}, None, None)
    assert a is not None
    assert a.url == "https://www3.nhk.or.jp/nhkworld/en/news/20250101_07/"
    assert a.published is None
    assert any(w.code == "missing" and w.field == "published" for w in a.warnings)


def test_text_signature_needs_the_site_line() -> None:
    from jnparse.textcopy import TextCopy

    assert nhk.text_signature(TextCopy.from_text((NHK / "minimum-wage-copy.txt").read_text(encoding="utf-8")))
    assert not nhk.text_signature(TextCopy.from_text("Headline\nThe mayor told NHK on Monday.\nMore text."))


@pytest.mark.parametrize("stamp", [-5, 0, True, None, "soon"])
def test_unreadable_updated_at_gives_no_time(stamp: object) -> None:
    a = nhk.parse_json({"data": {"id": "20250101_07", "title": "T", "detail": "A.", "updated_at": stamp}}, None, None)
    assert a is not None and a.published is None and a.updated is None


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "nhk" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = nhk.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = nhk.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "nhk":
            assert with_bytes or Page(root).canonical, path.name


# -- prune(): only <head> and <main> are parsed, when nothing outside <main> can matter ------------------------


def _chrome(page: bytes, top: bytes = b"", bottom: bytes = b"") -> bytes:
    """``page`` with invented menus before <main> and a footer after it (as real pages have)."""
    menu = "".join(f'<li class="menu-item"><a href="/section-{i}/">Section {i}</a></li>' for i in range(150))
    script = "var config = {" + ",".join(f'"key{i}": "value {i}"' for i in range(200)) + "};"
    before = f'<div class="site-top"><nav class="site-nav"><ul class="menu">{menu}</ul></nav></div>'.encode()
    after = f'<div class="site-bottom"><ul>{menu}</ul><script>{script}</script></div>'.encode()
    open_end = page.index(b">", page.lower().index(b"<body")) + 1
    close_at = page.lower().rindex(b"</body>")
    return page[:open_end] + before + top + page[open_end:close_at] + after + bottom + page[close_at:]


def _whole(page: bytes) -> dict[str, object]:
    """The Article of ``page`` parsed whole: without a <main> element prune() keeps everything."""
    plain = re.sub(rb"</main>", b"</div>", re.sub(rb"<main", b"<div data-was-main", page, flags=re.I), flags=re.I)
    assert nhk.prune(plain) is None
    return jnparse.parse(plain).to_dict()


_FERRY = (NHK / "ferry-hydrogen-jsonld.html").read_bytes()
_LD_BODY = _FERRY[_FERRY.index(b',"articleBody"'):_FERRY.index(b"}</script>")]
_BODY_DIV = (b'<div class="p-article__body"><p>First paragraph.</p><h2>A subhead</h2><div><p>Inner.</p></div>'
             b'<figure><img src="/photo.jpg" alt="Alt text"><figcaption>A caption</figcaption></figure>'
             b'<div class="c-articleList"><h3>Inside</h3><a href="/x">X</a></div></div>')


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b, id="as-is"),
        pytest.param(lambda b: b.replace(_LD_BODY, b"").replace(b'<div class="p-article__body"></div>', _BODY_DIV),
                     id="body-from-the-container"),
        pytest.param(lambda b: b.replace(b'<div class="c-articleList">', b'<div class="c-articleMediaList x">'
                                         b'<h2>Most read</h2><ul><li><a href="/p">P</a></li></ul>'
                                         b'<div class="c-articleList">'), id="nested-lists"),
        pytest.param(lambda b: b.replace(b'<main class="l-main">', b'<main class="l-main"><h1>Site</h1>'),
                     id="h1-in-main"),
        pytest.param(lambda b: b.replace(b"<body>", b"<BODY>").replace(b"<main", b"<MAIN")
                     .replace(b"</main>", b"</MAIN>"), id="upper-case-tags"),
        pytest.param(lambda b: b.replace(b'"headline":', b'"x":').replace(b'property="og:title"', b'property="x"'),
                     id="title-from-h1"),
    ],
)
def test_pruned_page_reads_like_the_whole_page(change: Callable[[bytes], bytes]) -> None:
    page = _chrome(change(_FERRY))
    pruned = nhk.prune(page)
    assert pruned is not None and len(pruned) < len(page) // 2  # the menus and the footer are dropped
    assert jnparse.parse(page).to_dict() == _whole(page)


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        pytest.param(b"", b'<div class="c-articleList"><h2>Latest</h2><a href="/l">L</a></div>', id="list-after"),
        pytest.param(b'<ul class="p-newsDetail__tags"><li><a href="/t">T</a></li></ul>', b"", id="tags-before"),
        pytest.param(b'<meta property="article:section" content="Elsewhere">', b"", id="meta-before"),
        pytest.param(b"", b'<LINK rel="canonical" href="https://example.com/">', id="link-after"),
        pytest.param(b"<h1>Site name</h1>", b"", id="h1-before"),
        pytest.param(b"<svg><title>Menu</title></svg>", b"", id="title-before"),
        pytest.param(b'<script>var s = "<main>";</script>', b"", id="main-in-a-script-before"),
        pytest.param(b"", b'<script type="application/ld+json">{"@type": "Thing"</script>', id="json-ld-after"),
        pytest.param(b"", b"<main><p>Another</p></main>", id="second-main"),
        pytest.param(b"<MAIN><P>Another</P></MAIN>", b"", id="second-main-upper-case"),
        pytest.param(b'<META name="description" content="Elsewhere">', b"", id="meta-upper-case"),
        pytest.param(b"<!-- the old layout", b"", id="cut-in-a-comment"),
        pytest.param(b"<script>var s = '", b"", id="cut-in-a-script"),
    ],
)
def test_prune_keeps_the_whole_page_when_the_chrome_matters(top: bytes, bottom: bytes) -> None:
    assert nhk.prune(_chrome(_FERRY, top, bottom)) is None


def test_prune_cuts_menus_in_utf8() -> None:
    assert nhk.prune(_chrome(_FERRY, b"<p>\xe6\x97\xa5 UTF-8 in the menus</p>")) is not None


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        pytest.param(b"<p>\xff not UTF-8</p>", b"", id="before"),
        pytest.param(b"", b"<p>\xe6\x97 cut short</p>", id="after"),
        pytest.param(b"<p>\x83\x5c cp932</p>", b"", id="cp932-before"),
    ],
)
def test_page_not_utf8_in_the_dropped_chrome_reads_like_the_whole_page(top: bytes, bottom: bytes) -> None:
    """prune() leaves the UTF-8 check to parse(), which checks the whole page before any prune: a page that
    is not UTF-8 in the bytes the prune would drop is decoded the careful way, as when it is read whole."""
    page = _chrome(_FERRY, top, bottom)
    assert nhk.prune(page) is not None  # the cut alone would drop the bad bytes
    article = jnparse.parse(page).to_dict()
    assert article == _whole(page)
    warnings = article["warnings"]
    assert isinstance(warnings, list) and any(w["field"] == "encoding" for w in warnings)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b.replace(b"<head>", b"<head><script>var t = '<body>';</script>"),
                     id="body-in-a-head-script"),
        pytest.param(lambda b: b.replace(b"<head>", b"<head><!-- <body> -->"), id="body-in-a-head-comment"),
        pytest.param(lambda b: b.replace(b'<section class="p-related">', b'</div><section class="p-related">'),
                     id="stray-end-tag-in-main"),
        pytest.param(lambda b: b.replace(b'<main class="l-main">', b'<main class="c-articleList">'),
                     id="class-on-main"),
        pytest.param(lambda b: b.replace(b'<main class="l-main">', b'<main title="a>b" class="c-articleList">'),
                     id="quoted-gt-in-main"),
    ],
)
def test_prune_keeps_the_whole_page_when_a_cut_is_unsafe(change: Callable[[bytes], bytes]) -> None:
    page = _chrome(change(_FERRY))
    assert nhk.prune(page) is None
    assert jnparse.parse(page).to_dict() == _whole(page)


# -- the shared prune helpers (sites/base.py) that prune() is built from ------------------------------------

_PIECES = ["<p>", "</p>", "<!--", "-->", "<!-- c -->", "<script>", "</script>", "<script>'<!--'", "<style>",
           "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<SCRIPT>", "</SCRIPT >", "<main>",
           "</main>", "<h1>", "text ", "<", ">", "<b>", "<scripts>", "</script", "<plaintext>", "<!-->", "<!--->",
           "--!>", "<!x ", "<?x ", '<i title="', '">']


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_in_text_says_outside_only_where_a_tag_would_be_read(pieces: list[str]) -> None:
    """Where in_text() tells a cut falls outside comments and raw text, a tag put there is read as one."""
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import in_text

    chrome = "".join(pieces).encode()
    page = b"<html><head></head><body>" + chrome
    # assumed (as the prunes do): no quoted attribute value holds a tag and then the cut
    if not in_text(page.lower(), page.index(b"<body>") + 6, len(page)) and b'"' not in chrome:
        root = parse_bytes(page + b'<i id="probe"></i>')
        assert root.find(".//i[@id='probe']") is not None, chrome


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_tag_finder_finds_the_first_tag_read(pieces: list[str]) -> None:
    """TagFinder finds a tag only where the tokenizer reads one (the first <h1>), and none where none is."""
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import TagFinder

    chrome = "".join(pieces).encode()
    page = b"<html><head></head><body>" + chrome + b"<em>end</em>"
    low = page.lower()
    found = TagFinder(b"h1").find(low, page.index(b"<body>") + 6, len(page))
    h1s = parse_bytes(page).findall(".//h1")
    if found == -1:
        assert not h1s, chrome  # a prune may drop the stretch: it holds no h1
    if found is not None and found >= 0 and b'"' not in chrome:  # assumed: no ">" then "<" in a quoted value
        assert h1s, chrome
        assert low.startswith(b"<h1", found)
        cut = page[:found] + b'<i id="probe"></i>' + page[found:]  # the found tag starts in data state
        assert parse_bytes(cut).find(".//i[@id='probe']") is not None, chrome


@given(st.binary(max_size=40), st.sampled_from([b"ab", b"A+b", b"+", b"xyz"]), st.integers(0, 40), st.integers(0, 40))
def test_find_bytes_stops_where_told(data: bytes, needle: bytes, start: int, stop: int) -> None:
    from jnparse.sites.base import dropped_holds, find_bytes

    for at in range(len(needle)):
        assert find_bytes(data, needle, start, stop, at=at, limit=2) == data.find(needle, start, stop)
        assert find_bytes(data, needle, start, at=at, limit=2) == data.find(needle, start)
    assert dropped_holds(data, ((start, stop),), ((needle, 0),)) == (data.find(needle, start, stop) >= 0)
    assert dropped_holds(data, ((start, stop), (0, 0)), (b"zz", needle)) == (
        data.find(needle, start, stop) >= 0 or data.find(b"zz", start, stop) >= 0)


@given(st.lists(st.sampled_from(["a", "b", "ab", " ", "\t", "\n", "\r", "\f", "\xa0", "\u3000"]), max_size=8))
def test_has_class_reads_class_words_as_the_xpath_test_does(pieces: list[str]) -> None:
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import class_words, has_class

    el = parse_bytes(f'<html><body><div class="{"".join(pieces)}"></div></body></html>'.encode()).find(".//div")
    assert el is not None
    for names in (("a",), ("b",), ("a", "b"), ("ab",)):
        by_xpath = any(el.xpath(f"contains(concat(' ', normalize-space(@class), ' '), ' {n} ')") for n in names)
        assert has_class(el, *names) == by_xpath == any(n in class_words(el) for n in names)
