"""The generic fallback: metadata sources, Japan time for zone-less times, paywall hints, the
trafilatura extra, and text copies from unknown sites."""

from __future__ import annotations

import sys

import pytest

import jnparse

from .conftest import FIXTURES

HERE = FIXTURES / "generic"


def _doc(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


_PARAS = "".join(
    f"<p>Paragraph number {i} of the story has enough words in it to be read as article text by the extractor.</p>"
    for i in range(1, 4)
)


def test_missing_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` raise ImportError
    with pytest.raises(jnparse.ExtraRequiredError) as info:
        jnparse.parse((HERE / "minimal-jst-date.html").read_bytes())
    assert info.value.extra == "generic"
    assert "jnparse[generic]" in str(info.value)
    assert isinstance(info.value, jnparse.ParseError)


def test_site_is_generic_and_says_so() -> None:
    a = jnparse.parse((HERE / "tokyo-blog-jsonld-time.html").read_bytes())
    assert a.site == "generic"
    assert any(w.field == "site" and w.code == "generic" for w in a.warnings)


def test_time_without_zone_is_japan_time() -> None:
    a = jnparse.parse(_doc("<title>T</title>", f"<article><h1>T</h1><time datetime='2023-01-05T08:00'>x</time>"
                                               f"{_PARAS}</article>"))
    assert a.published is not None and a.published.isoformat() == "2023-01-05T08:00:00+09:00"


def test_zoned_time_is_converted_to_japan_time() -> None:
    head = "<meta property='article:published_time' content='2023-01-05T23:30:00Z'><title>T</title>"
    a = jnparse.parse(_doc(head, f"<article><h1>T</h1>{_PARAS}</article>"))
    assert a.published is not None and a.published.isoformat() == "2023-01-06T08:30:00+09:00"


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("17:41 JST, October 13, 2024", "2024-10-13T17:41:00+09:00"),
        ("October 13, 2024 17:41 JST", "2024-10-13T17:41:00+09:00"),
        ("Oct. 13, 2024 at 5:41 pm JST", "2024-10-13T17:41:00+09:00"),
    ],
)
def test_visible_jst_time(printed: str, iso: str) -> None:
    a = jnparse.parse(_doc("<title>T</title>", f"<h1>T</h1><p>{printed}</p>{_PARAS}"))
    assert a.published is not None and a.published.isoformat() == iso


def test_article_time_beats_a_sidebar_time() -> None:
    body = (f"<aside><time datetime='2020-01-01 09:00'>old</time></aside><article><h1>T</h1>"
            f"<time datetime='2024-02-02 10:10'>Feb 2</time>{_PARAS}</article>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.published is not None and a.published.isoformat() == "2024-02-02T10:10:00+09:00"


@pytest.mark.parametrize("value", ["false", "False", "FALSE"])
def test_is_accessible_for_free_false_means_paywalled(value: str) -> None:
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"T",'
          f'"isAccessibleForFree":"{value}"}}</script>')
    a = jnparse.parse(_doc(ld, f"<article><h1>T</h1>{_PARAS}</article>"))
    assert a.paywalled is True


def test_has_part_paywall_and_free_page() -> None:
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"T","isAccessibleForFree":true,'
          '"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paid"}}</script>')
    assert jnparse.parse(_doc(ld, f"<article><h1>T</h1>{_PARAS}</article>")).paywalled is True
    free = (HERE / "tokyo-blog-jsonld-time.html").read_bytes()
    assert jnparse.parse(free).paywalled is False


def test_closing_agency_credit_is_cut_and_credited() -> None:
    body = f"<article><h1>T</h1>{_PARAS}<p>© KYODO</p></article>"
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.agency == "Kyodo"
    assert a.body[-1].text.startswith("Paragraph number 3")
    assert [d.kind for d in a.discarded] == ["credit"]


def test_agency_named_as_the_author() -> None:
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"T",'
          '"author":{"@type":"Organization","name":"Reuters"}}</script>')
    a = jnparse.parse(_doc(ld, f"<article><h1>T</h1>{_PARAS}</article>"))
    assert a.agency == "Reuters" and a.byline is None


def test_quoted_paragraphs_are_not_doubled() -> None:
    quote = "<blockquote><p>A quoted sentence that stands on its own inside the article body text.</p></blockquote>"
    a = jnparse.parse(_doc("<title>T</title>", f"<article><h1>T</h1>{_PARAS}{quote}</article>"))
    texts = [b.text for b in a.body]
    assert texts.count("A quoted sentence that stands on its own inside the article body text.") == 1


def test_og_title_site_suffix_is_cut() -> None:
    a = jnparse.parse((HERE / "tokyo-blog-jsonld-time.html").read_bytes())
    assert a.title == "Five Quiet Parks for Hydrangea Season in Tokyo"


def test_byline_from_a_printed_element_when_no_structured_author() -> None:
    body = f"<article><h1>T</h1><p class='byline'>By Aiko Tsuchida and Ben Harlow</p>{_PARAS}</article>"
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.authors == ("Aiko Tsuchida", "Ben Harlow")
    assert not any(b.text.startswith("By ") for b in a.body)


def test_generic_text_copy() -> None:
    text = ("Night Buses Return to Hakata\nBy Keiko Amano\n2025-03-03 12:05\n"
            "FUKUOKA (Jiji Press) — Night buses resumed service on Monday.\nRiders welcomed the change.")
    a = jnparse.parse_text(text)
    assert a.site == "generic"
    assert a.title == "Night Buses Return to Hakata"
    assert a.authors == ("Keiko Amano",)
    assert a.published is not None and a.published.isoformat() == "2025-03-03T12:05:00+09:00"
    assert a.date_text == "2025-03-03 12:05"
    assert a.dateline is not None and a.agency == "Jiji Press"
    assert a.paragraphs == ("Night buses resumed service on Monday.", "Riders welcomed the change.")


def test_generic_text_copy_without_headline() -> None:
    a = jnparse.parse_text("The first sentence ends here.\nThe second one too.")
    assert a.title is None and len(a.body) == 2
