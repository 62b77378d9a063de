"""Jiji Press: k-number dates, photo credits, the agency of every story, text-copy detection."""

from __future__ import annotations

import datetime as dt

import jnparse
from jnparse.sites import jiji
from jnparse.textcopy import TextCopy

from .conftest import FIXTURES

JIJI = FIXTURES / "jiji"


def test_k_number_date() -> None:
    d = jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=2026042200564")
    assert d == dt.datetime(2026, 4, 22, tzinfo=jnparse.dates.JST)
    assert jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=20261399") is None
    assert jiji.k_date("https://jen.jiji.com/jc/eng?g=eco&k=2026133100564") is None  # month 13
    assert jiji.k_date(None) is None


def test_photo_credits() -> None:
    assert jiji.photo_credit("A drone over a field. (© Jiji)") == ("A drone over a field.", "Jiji Press")
    assert jiji.photo_credit("A bridge. (Courtesy of Mito city; © Jiji)") == (
        "A bridge.", "Courtesy of Mito city; Jiji Press")
    assert jiji.photo_credit("No credit here (2024)") == ("No credit here (2024)", None)


def test_k_number_is_the_last_resort_date_with_a_warning() -> None:
    html = ("<html><head><link rel='canonical' href='https://jen.jiji.com/jc/eng?g=eco&amp;k=2025011000123'></head>"
            "<body><h1 id='article-title'>Yen Slips</h1><p class='full-article-txt'>The yen slipped.</p></body></html>")
    a = jnparse.parse(html)
    assert a.site == "jiji"
    assert a.published == dt.datetime(2025, 1, 10, tzinfo=jnparse.dates.JST)
    assert any(w.field == "published" and w.code == "low-confidence" for w in a.warnings)
    assert a.section == "Economy"
    assert a.dateline is None and a.agency == "Jiji Press"  # the site is the agency


def test_legacy_layout_and_br_paragraphs() -> None:
    a = jnparse.parse((JIJI / "mito-photo-legacy.html").read_bytes())
    assert a.layout == "jiji/text4l"
    assert len(a.body) == 3
    assert a.images[0].credit == "Jiji Press"


def test_printed_date_and_k_number_disagreeing_is_reported() -> None:
    html = ("<html><head><link rel='canonical' href='https://jen.jiji.com/jc/eng?g=pol&amp;k=2025011000123'></head>"
            "<body><h1 id='article-title'>T</h1><p class='article-date'>2025/01/11-00:10</p>"
            "<p class='full-article-txt'>Tokyo, Jan. 11 (Jiji Press)--Text.</p></body></html>")
    a = jnparse.parse(html)
    assert a.published is not None and a.published.day == 11
    assert any(w.code == "disagree" for w in a.warnings)


def test_text_signature() -> None:
    own = TextCopy.from_text((JIJI / "wakayama-feature-copy.txt").read_text(encoding="utf-8"))
    assert jiji.text_signature(own)
    nippon = TextCopy.from_text("Newsfrom Japan\nTokyo, Aug. 22 (Jiji Press)--A story.")
    assert not jiji.text_signature(nippon)
    japannews = TextCopy.from_text("13:11 JST, April 8, 2022\nBRUSSELS (Jiji Press) — A story.")
    assert not jiji.text_signature(japannews)


def test_text_copy_without_date_line_uses_k_number() -> None:
    a = jnparse.parse_text("Headline Here\nOsaka, Nov. 23 (Jiji Press)--Body text.",
                           url="https://jen.jiji.com/jc/eng?g=soc&k=2024112300077")
    assert a.title == "Headline Here"
    assert a.dateline is not None and a.dateline.place == "Osaka"
    assert a.published == dt.datetime(2024, 11, 23, tzinfo=jnparse.dates.JST)


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "jiji" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = jiji.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = jiji.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "jiji":
            assert with_bytes or Page(root).canonical, path.name
