"""Nikkei Asia: __NEXT_DATA__ edge cases, the article-access body, captions, SVG junk, text copies."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import jnparse
from jnparse.sites import nikkei

from .conftest import FIXTURES

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

def _whole(data: bytes, **kw: object) -> dict[str, object]:
    """The Article read from the whole page (no prune), as parse() would give it."""
    from jnparse import api
    from jnparse.loading import parse_bytes

    return api._extract(parse_bytes(data), data, kw.get("url"), None, "utf-8", False, None,  # type: ignore[arg-type]
                        None, None).to_dict()


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
        (b'<span id="\x7fjnparse-pruned"></span>', b""),  # the sentinel is the page's own
        (b'<script>var id = "__NEXT_DATA__";</script>', b""),  # the id is named before the script
    ],
)
def test_prune_keeps_the_page_when_the_chrome_may_matter(top: bytes, bottom: bytes) -> None:
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top, bottom)
    assert nikkei.prune(data) is None


@pytest.mark.parametrize(("top", "bottom"), [(b"<p>caf\xe9</p>", b""), (b"", b"<p>\x83\x5c</p>")])
def test_page_not_utf8_where_the_prune_cuts_reads_like_the_whole_page(top: bytes, bottom: bytes) -> None:
    """prune() leaves the UTF-8 check to parse(), which checks the whole page before any prune: a page that
    is not UTF-8 in the bytes the prune would drop is decoded the careful way, as when it is read whole."""
    data = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top, bottom)
    assert nikkei.prune(data) is not None  # the cut alone would drop the bad bytes
    whole = _chrome((DIR / "staff-next-image-ads.html").read_bytes(), top + b'<span id="\x7fjnparse-pruned"></span>',
                    bottom)  # the page's own sentinel: never pruned
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
