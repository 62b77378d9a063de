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


def test_pruned_page_reads_as_the_whole_page() -> None:
    """prune() drops the page header before the first <article>: the Article is the same as the whole
    page's (fixtures wrapped in page chrome, as real pages are)."""
    from benchmarks.run import at_page_size

    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    for path in sorted(JT.glob("*.html")):
        for data in (path.read_bytes(), at_page_size(path.read_bytes())):
            pruned = japantoday.prune(data)
            if path.name == "expired-story.html":
                assert pruned is None  # its error would be raised twice
                continue
            assert pruned is not None and len(pruned) < len(data), path.name
            whole = japantoday.extract_2018(Page(parse_bytes(data), source=data))
            cut = japantoday.extract_2018(Page(parse_bytes(pruned), source=data))
            assert cut.to_dict() == whole.to_dict(), path.name
            assert jnparse.parse(data).to_dict() == whole.to_dict(), path.name


def test_prune_falls_back_when_a_container_was_cut() -> None:
    """A side block whose container opened before the article loses part of itself in a pruned page:
    the extractor warns, and parse() reads the whole page."""
    data = (
        b"<html><head><link rel='canonical' href='https://japantoday.com/category/national/x'></head><body>"
        b"<div class='wrap'><nav><a href='/menu'>Menu link</a></nav>"
        b"<article><h1>T</h1><div itemprop='articleBody'><p>Text.</p></div></article>"
        b"<h3>More in National</h3><ul><li><a href='/a'>A</a></li></ul></div></body></html>"
    )
    pruned = japantoday.prune(data)
    assert pruned is not None
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    cut = japantoday.extract_2018(Page(parse_bytes(pruned), source=data))
    assert any(w.code == "unknown-layout" for w in cut.warnings)
    whole = jnparse.parse(data)
    related = [d for d in whole.discarded if d.kind == "related"]
    assert [i.title for i in related[0].items] == ["Menu link", "A"]
    assert not any(w.code == "unknown-layout" for w in whole.warnings)


_SNIPPETS = (
    "<h3>Most popular</h3>", "<div class='box'><h3>Latest news</h3><ul><li><a href='/x/1'>One</a></li></ul></div>",
    "<span itemprop='commentCount'>7</span>", "<h3><span itemprop='commentCount'>1</span> Comments</h3>",
    "<span itemprop='author'>By Taro YAMADA</span>", "<div class='byline'>By Hanako SATO</div>",
    "<p class='post-author'> By  Jiro</p>", "<p><b>x</b>© GPlusMedia Ltd</p>",
    "<script>var a='<div>'; var b='GPlusMedia';</script>", "<p title='a<b x'>GPlusMedia attr</p>",
    "<time itemprop='dateModified'>x</time>", "<time itemprop='dateModified' datetime='2024-02-03 10:00'>3</time>",
    "<h1>Logo</h1>", "<a href='/category/sports'>sports</a>", "<header><a href='/category/tech/sub'>tech</a></header>",
    "<figure><img src='/i.jpg'><figcaption>A cat. REUTERS/Someone</figcaption><p>in figure</p></figure>",
    "<article><header><a href='/category/world'>world</a><h1>Inner</h1></header><p>inner</p></article>",
    "<div itemprop='articleBody'><p>Second body.</p></div>", "<p>The requested article has expired, and is gone.</p>",
    "<span itemprop=commentCount>9</span>", "</div>", "<div>",
)


@pytest.mark.parametrize("seed", range(40))
def test_fast_paths_find_what_the_xpath_rules_find(seed: int) -> None:
    """The one-pass scan and the byte-guided lookups give the elements of the whole-tree XPath rules."""
    import random

    from jnparse.loading import parse_bytes
    from jnparse.page import Page, elements, first, strings

    rnd = random.Random(seed)
    paths = sorted(JT.glob("*.html"))
    text = paths[seed % len(paths)].read_text(encoding="utf-8")
    for _ in range(4):
        at = rnd.choice([i for i, c in enumerate(text) if c == "<"])
        text = text[:at] + rnd.choice(_SNIPPETS) + text[at:]
    data = text.encode()
    page = Page(parse_bytes(data), source=data)
    root = page.root
    parts = japantoday._scan(page)
    jt = japantoday
    assert parts.bodies == elements(jt.ARTICLE_BODY(root))
    assert parts.published is first(jt.TIME_PUBLISHED(root))
    assert parts.modified == next(iter(strings(jt.TIME_MODIFIED(root))), None)
    assert parts.h1 is first(jt.H1(root))
    assert [h for h in parts.headings if not jt._in_body(h, parts)] == elements(jt.HEADINGS(root))
    assert [f for f in parts.figures if any(a.tag == "article" for a in f.iterancestors())] == elements(
        jt.FIGURES(root))
    assert jt._comment_counts(parts) == elements(jt.COMMENT_COUNT(root))
    assert jt._category(parts) is first(jt.CATEGORY(root))
    assert jt._author(parts) is first(jt.AUTHOR(root))
    assert jt._first_text_with(page, "GPlusMedia", 0, jt.SITE_LINE) is first(jt.SITE_LINE(root))
    assert jt._first_text_with(page, jt.EXPIRED, 6, jt.EXPIRED_NODE) is first(jt.EXPIRED_NODE(root))
    for body in parts.bodies:
        assert jt._body_parts(body, parts) == elements(jt.BODY_PARTS(body))
