"""NHK World-Japan: JSON-LD articleBody, the news JSON, no datelines ever, text copies."""

from __future__ import annotations

import json

import pytest

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
