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
