"""The Mainichi: the odd cases of jnparse.sites.mainichi, with values read off the fixtures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import jnparse
from jnparse.sites import mainichi

from .conftest import FIXTURES

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
