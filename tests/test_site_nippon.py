"""nippon.com: page kinds by URL, Jiji datelines, Kyodo teasers, URL dates, text copies."""

from __future__ import annotations

import re

import pytest

import jnparse
from jnparse.sites import nippon

from .conftest import FIXTURES

HERE = FIXTURES / "nippon"
JIJI_URL = "https://www.nippon.com/en/news/yjj2025090300612/tohoku-shinkansen-adds-early-morning-trains-for-autumn.html"
KYODO_URL = "https://www.nippon.com/en/news/kd851468433885626368/corrected-boj's-gov't-bond-holdings-down.html"


def _page(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (JIJI_URL, "jiji"),
        ("https://www.nippon.com/en/news/yjj2026083100902/", "jiji"),
        (KYODO_URL, "kyodo"),
        ("https://www.nippon.com/en/japan-topics/g02871/", "feature"),
        ("https://www.nippon.com/en/news/q202301/timeline-for-january-2023.html", "feature"),
        (None, "feature"),
    ],
)
def test_kind_from_url(url: str | None, kind: str) -> None:
    assert nippon._kind(url) == kind


def test_url_date_when_no_structured_time() -> None:
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", _page("jiji-yjj-dateline.html"), flags=re.S)
    a = jnparse.parse(html, url=JIJI_URL)
    assert a.published is not None and a.published.isoformat() == "2025-09-03T00:00:00+09:00"
    assert any(w.field == "published" and w.code == "low-confidence" for w in a.warnings)


def test_jiji_dateline_kept_as_printed() -> None:
    a = jnparse.parse(_page("jiji-yjj-dateline.html"))
    assert a.dateline is not None and a.dateline.raw == "Tokyo, Sept. 3 (Jiji Press)--"
    assert a.agency == "Jiji Press"


def test_kyodo_teaser_is_partial_and_credited() -> None:
    a = jnparse.parse(_page("kyodo-kd-teaser.html"))
    assert (a.agency, a.paywalled, a.dateline) == ("Kyodo", True, None)


def test_kyodo_page_with_full_text_is_not_paywalled() -> None:
    html = _page("kyodo-kd-teaser.html").replace("savings rate of wor...", "savings rate of workers rose.")
    a = jnparse.parse(html)
    assert a.agency == "Kyodo" and a.paywalled is False


def test_detected_by_markup_alone() -> None:
    html = _page("feature-author.html")
    html = re.sub(r"<(?:meta property=\"og:[a-z_]+\"|link rel=\"canonical\")[^>]*>", "", html)
    assert "og:site_name" not in html and "canonical" not in html
    a = jnparse.parse(html)
    assert a.site == "nippon" and a.authors == ("Sayaka Furuhata",)


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("A train at Sendai Station. (© Jiji)", ("A train at Sendai Station.", "Jiji")),
        ("The bathhouse. (© Pixta)", ("The bathhouse.", "Pixta")),
        ("The mayor at a meeting. (Courtesy Kitami City; © Jiji.)", ("The mayor at a meeting.", "Jiji")),
        ("No credit here.", ("No credit here.", None)),
    ],
)
def test_caption_credit(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert nippon._credit(caption) == expected


def test_kyodo_text_copy_teaser() -> None:
    text = "Newsfrom Japan\n\nThe central bank said Wednesday its holdings of commercial pa..."
    a = jnparse.parse_text(text, url=KYODO_URL)
    assert (a.site, a.section, a.title, a.dateline) == ("nippon", "News from Japan", None, None)
    assert (a.agency, a.paywalled) == ("Kyodo", True)
    without_url = jnparse.parse_text(text)
    assert without_url.site == "nippon" and without_url.paywalled is True and without_url.agency is None


def test_text_copy_takes_the_day_from_a_jiji_url() -> None:
    text = (HERE / "text-copy-jiji.txt").read_text(encoding="utf-8")
    a = jnparse.parse_text(text, url="https://www.nippon.com/en/news/yjj2025021000377/")
    assert a.published is not None and a.published.isoformat() == "2025-02-10T00:00:00+09:00"


def test_spaced_label_is_read_too() -> None:
    copy = nippon.TextCopy.from_text("A headline\nNews from Japan\nOsaka, May 2 (Jiji Press)--Text of the story.")
    assert nippon.text_signature(copy)
    a = nippon.parse_text(copy)
    assert a.title == "A headline" and a.dateline is not None and a.dateline.place == "Osaka"


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "nippon" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = nippon.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = nippon.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "nippon":
            assert with_bytes or Page(root).canonical, path.name
