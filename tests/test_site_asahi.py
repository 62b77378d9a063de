"""The Asahi Shimbun AJW: kickers, caption credits, readable names, non-AJW asahi.com pages, teasers."""

from __future__ import annotations

import datetime as dt

import pytest

import jnparse
from jnparse.sites import asahi

from .conftest import FIXTURES

DIR = FIXTURES / "asahi"


def _page(name: str) -> str:
    return (DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("printed", "kicker", "title"),
    [
        ("EDITORIAL: Rural bus routes need a plan", "EDITORIAL", "Rural bus routes need a plan"),
        ("VOX POPULI: The quiet return of the bath", "VOX POPULI", "The quiet return of the bath"),
        ("INTERVIEW/ Haruna Oshiro: Why museums lend", "INTERVIEW/ Haruna Oshiro", "Why museums lend"),
        ("POINT OF VIEW/ Ken Abe: Rethink the census", "POINT OF VIEW/ Ken Abe", "Rethink the census"),
        ("COMMENTARY: A budget with no plan", "COMMENTARY", "A budget with no plan"),
        ("G7: Leaders agree on aid", None, "G7: Leaders agree on aid"),
        ("Orchard town tests drones", None, "Orchard town tests drones"),
    ],
)
def test_split_kicker(printed: str, kicker: str | None, title: str) -> None:
    assert asahi.split_kicker(printed) == (kicker, title)


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Growers watch a test flight on Oct. 9. (Misaki Kurosawa)", "Growers watch a test flight on Oct. 9.",
         "Misaki Kurosawa"),
        ("Haruna Oshiro speaks in Naha. (Photo by Rie Tsuchida)", "Haruna Oshiro speaks in Naha.", "Rie Tsuchida"),
        ("Passengers board a ferry. (AP Photo)", "Passengers board a ferry.", "AP Photo"),
        ("A view of the harbor", "A view of the harbor", None),
    ],
)
def test_split_caption(text: str, caption: str, credit: str | None) -> None:
    assert asahi.split_caption(text) == (caption, credit)


def test_readable_authors_keeps_printed_capitals_in_byline() -> None:
    article = jnparse.parse(_page("interview-translated.html"))
    assert article.authors == ("KOJI NAGAHAMA", "RIE TSUCHIDA")
    assert asahi.readable_authors(article) == ("Koji Nagahama", "Rie Tsuchida")
    assert article.kicker == "INTERVIEW/ Haruna Oshiro"


def test_detected_from_markup_alone() -> None:
    html = _page("staff-dateline-photo.html")
    html = html.replace('<link rel="canonical" href="https://www.asahi.com/ajw/articles/15834207">', "")
    html = html.replace('<meta property="og:url" content="https://www.asahi.com/ajw/articles/15834207">', "")
    article = jnparse.parse(html)
    assert article.site == "asahi"
    assert article.url is None
    assert article.dateline is not None and article.dateline.place == "HANAMAKI, Iwate Prefecture"


def test_japanese_asahi_page_is_handed_to_generic() -> None:
    paragraphs = "<p>" + "本文の一段落目です。" * 30 + "</p><p>" + "本文の二段落目です。" * 30 + "</p>"
    html = f"<html><head><title>記事</title></head><body><article><h1>見出し</h1>{paragraphs}</article></body></html>"
    article = jnparse.parse(html, url="https://www.asahi.com/articles/ASS5P3K2GS5PUTIL00FM.html")
    assert article.site == "generic"
    assert any(w.code == "not-ajw" for w in article.warnings)


def test_ajw_list_page_is_not_an_article() -> None:
    html = "<html><head><title>Politics | The Asahi Shimbun</title></head><body><ul class='default'></ul></body></html>"
    with pytest.raises(jnparse.NotAnArticleError, match="AJW"):
        jnparse.parse(html, url="https://www.asahi.com/ajw/politics/")


def test_future_dated_page_is_flagged() -> None:
    fetched = dt.datetime(2025, 10, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    article = jnparse.parse(_page("staff-dateline-photo.html"), fetched=fetched)
    assert article.published == dt.datetime(2025, 10, 14, 7, 15, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert any(w.field == "published" and w.code == "disagree" for w in article.warnings)


def test_teaser_read_more_and_blurbs_kept_out_of_body() -> None:
    article = jnparse.parse(_page("photo-teaser-ap.html"))
    assert article.paywalled is True
    first = "A ferry line cut off for two weeks by typhoon damage reopened on Wednesday."
    assert [b.text for b in article.body] == [first]
    assert [d.kind for d in article.discarded] == ["read-more", "related"]
    assert article.agency == "AP"


def test_text_copy_teaser() -> None:
    text = ("Ferry resumes service\nJuly 3, 2025 at 09:05 JST\n"
            "Passengers board a ferry on July 2. (AP Photo)\n"
            "KAOHSIUNG, Taiwan (AP)--A ferry line reopened on Wednesday. [Read More]\n"
            "A series on island communities.\n")
    article = jnparse.parse_text(text)
    assert article.site == "asahi"
    assert article.paywalled is True
    assert article.images[0].credit == "AP Photo"
    assert [b.text for b in article.body] == ["A ferry line reopened on Wednesday."]
    assert article.discarded[-1].text == "A series on island communities."


def test_text_copy_first_paragraph_ending_in_parentheses_is_not_a_caption() -> None:
    text = ("EDITORIAL: Bus routes\nMarch 11, 2019 at 15:40 JST\n"
            "Rural lines are run by Japan Railways (JR)\nA second paragraph follows.\n")
    article = jnparse.parse_text(text)
    assert article.images == ()
    assert article.body[0].text == "Rural lines are run by Japan Railways (JR)"
    assert article.kicker == "EDITORIAL"


def test_nikkei_copy_is_not_claimed() -> None:
    copy = jnparse.parse_text((FIXTURES / "nikkei" / "insurers-copy.txt").read_text(encoding="utf-8"))
    assert copy.site == "nikkei"


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "asahi" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = asahi.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = asahi.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "asahi":
            assert with_bytes or Page(root).canonical, path.name
