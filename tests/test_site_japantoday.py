"""Japan Today: expired pages, closing credit lines, relative printed times, text copies."""

from __future__ import annotations

import datetime as dt

import pytest

import jnparse
from jnparse.sites import japantoday

from .conftest import FIXTURES

JT = FIXTURES / "japantoday"
FETCHED = dt.datetime(2024, 6, 21, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_expired_page_is_not_an_article() -> None:
    with pytest.raises(jnparse.NotAnArticleError, match="expired"):
        jnparse.parse((JT / "expired-story.html").read_bytes())
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
    from jnparse.page import Page

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
