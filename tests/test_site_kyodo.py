"""Kyodo News: the odd cases of jnparse.sites.kyodo, with values read off the fixtures."""

from __future__ import annotations

import datetime as dt

import pytest

import jnparse
from jnparse.sites import kyodo

from .conftest import FIXTURES

HERE = FIXTURES / "kyodo"
JST = dt.timezone(dt.timedelta(hours=9))


def _html(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _codes(article: jnparse.Article, field: str) -> set[str]:
    return {w.code for w in article.warnings if w.field == field}


def test_relative_credit_line_without_fetch_time_warns_and_leaves_published_empty() -> None:
    a = jnparse.parse(_html("relative-time.html"))
    assert a.published is None
    assert "relative-time" in _codes(a, "published")
    assert a.date_text == "KYODO NEWS - 2 hours ago - 20:13 | All, World, Japan"
    assert a.section == "Japan"


def test_relative_credit_line_across_midnight() -> None:
    # fetched just after midnight: the printed 20:13 is the previous evening
    a = jnparse.parse(_html("relative-time.html"), fetched=dt.datetime(2024, 5, 20, 0, 50, tzinfo=JST))
    assert a.published == dt.datetime(2024, 5, 19, 20, 13, tzinfo=JST)


def test_relative_credit_falls_back_to_structured_time() -> None:
    page = _html("relative-time.html").replace(
        "</head>", '<meta property="article:published_time" content="2024-05-19T20:13:00+09:00"></head>')
    a = jnparse.parse(page)
    assert a.published == dt.datetime(2024, 5, 19, 20, 13, tzinfo=JST)
    assert "relative-time" in _codes(a, "published")


def test_breaking_story_keeps_its_paragraph_and_discards_the_signature() -> None:
    a = jnparse.parse(_html("relative-time.html"), fetched=dt.datetime(2024, 5, 19, 22, 5, tzinfo=JST))
    assert a.images == ()
    assert a.body[0].text.endswith("no risk of a tsunami.")
    assert [(d.kind, d.text) for d in a.discarded] == [("credit", "==Kyodo")]


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Snow in Gifu on Jan. 28, 2023. (Kyodo) ==Kyodo", "Snow in Gifu on Jan. 28, 2023.", "Kyodo"),
        ("A panda cub. (Photo courtesy of Ueno Zoo) ==Kyodo", "A panda cub.", "Photo courtesy of Ueno Zoo"),
        ("Leaders pose. (Pool photo) (Kyodo)", "Leaders pose. (Pool photo)", "Kyodo"),
        ("A plain caption.", "A plain caption.", None),
    ],
)
def test_split_caption(text: str, caption: str, credit: str | None) -> None:
    assert kyodo.split_caption(text) == (caption, credit)


def test_caption_is_not_a_dateline_paragraph() -> None:
    assert kyodo.is_caption("Snow in Gifu. (Kyodo) ==Kyodo")
    assert not kyodo.is_caption("TOKYO - A quake struck. ==Kyodo")


def test_old_page_detected_from_markup_alone() -> None:
    page = _html("old-staff-photo.html")
    for cut in ('<link rel="canonical"', '<meta property="og:url"', '<meta property="og:site_name"'):
        start = page.index(cut)
        page = page[:start] + page[page.index(">", start) + 1 :]
    a = jnparse.parse(page)
    assert a.site == "kyodo"
    assert a.layout == "kyodo/news2018"
    assert a.byline is not None and a.byline.authors == ("Haruto Ebisawa",)


def test_new_design_reads_json_ld_body_when_no_container() -> None:
    page = """<html><head><link rel="canonical" href="https://english.kyodonews.net/articles/-/70001">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Port reopens after typhoon",
    "datePublished":"2025-10-01T09:30:00+09:00","articleBody":"NAHA, Japan - The port reopened.\\nFerries resumed."}
    </script></head><body><div class="wrap"><h1>Port reopens after typhoon</h1></div></body></html>"""
    a = jnparse.parse(page)
    assert a.layout == "kyodo/articles2025"
    assert [b.text for b in a.body] == ["The port reopened.", "Ferries resumed."]
    assert a.dateline is not None and a.dateline.place == "NAHA, Japan"
    assert "low-confidence" in _codes(a, "body")
    assert "fallback" in _codes(a, "body")


def test_new_design_warns_low_confidence() -> None:
    a = jnparse.parse(_html("new-articles-url.html"))
    assert "low-confidence" in _codes(a, "body")
    assert a.agency == "Kyodo"


def test_text_copy_one_line_absolute_credit_and_digest() -> None:
    text = "\n".join([
        "Kyodo News Digest: Aug. 28, 2024",
        "KYODO NEWS - Aug 28, 2024 - 15:00 | All, Japan",
        "The following is the latest list of selected news summaries by Kyodo News.",
        "----------",
        "Rice prices climb",
        "TOKYO - Rice prices rose for a fifth month.",
        "----------",
        "Typhoon nears Kyushu",
        "FUKUOKA, Japan - A typhoon approached.",
    ])
    a = jnparse.parse_text(text)
    assert a.site == "kyodo"
    assert a.published == dt.datetime(2024, 8, 28, 15, 0, tzinfo=JST)
    assert a.section == "Japan"
    assert a.dateline is None
    assert [b.kind for b in a.body] == ["paragraph", "subhead", "paragraph", "subhead", "paragraph"]
    assert [(d.kind, d.text) for d in a.discarded] == [("other", "----------\n----------")]


def test_text_copy_every_line_accounted_for() -> None:
    text = (HERE / "text-copy.txt").read_text(encoding="utf-8")
    a = jnparse.parse_text(text, fetched=dt.datetime(2024, 5, 19, 21, 30, tzinfo=JST))
    placed = [a.title, *(i.caption for i in a.images), *(b.text for b in a.body)]
    for d in a.discarded:
        placed += [d.heading, *(i.title for i in d.items)]
    joined = " ".join(p for p in placed if p) + " " + (a.date_text or "") + " " + (a.dateline.raw if a.dateline else "")
    for line in text.splitlines():
        line = line.replace(" (Kyodo) ==Kyodo", "")
        if line.strip() and line.strip() not in ("KYODO NEWS", "-"):
            assert line.replace("TOKYO - ", "") in joined, line


def test_text_copy_without_credit_line_warns() -> None:
    a = jnparse.parse_text("Headline here\nSnow in Gifu. (Kyodo) ==Kyodo\nTOKYO - Body text.", site="kyodo")
    assert a.title == "Headline here"
    assert a.published is None
    assert "missing" in {w.code for w in a.warnings if w.field == "published"}
    assert a.images[0].credit == "Kyodo"


def test_page_without_article_raises() -> None:
    with pytest.raises(jnparse.NotAnArticleError):
        jnparse.parse("<html><body><div class='article-body'></div></body></html>",
                      url="https://english.kyodonews.net/news/2024/05/000000000000-gone.html")


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "kyodo" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = kyodo.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = kyodo.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "kyodo":
            assert with_bytes or Page(root).canonical, path.name
