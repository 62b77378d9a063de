"""The generic fallback: metadata sources, Japan time for zone-less times, paywall hints, the
trafilatura extra, and text copies from unknown sites."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jnparse

from .conftest import CORPUS, FIXTURES
from .page_text import render
from .stripped import STRIPS

HERE = FIXTURES / "generic"


def _doc(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


_PARAS = "".join(
    f"<p>Paragraph number {i} of the story has enough words in it to be read as article text by the extractor.</p>"
    for i in range(1, 4)
)


def test_without_trafilatura_the_densest_paragraphs_are_read_and_the_extra_named(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` raise ImportError
    a = jnparse.parse((HERE / "minimal-jst-date.html").read_bytes())
    assert [b.text[:40] for b in a.body] == ["Ferry services between Osaka and the isl",
                                             "Operators said the first boats left on s",
                                             "About 3,000 passengers had their trips c"]
    assert a.dateline is not None and (a.dateline.place, a.agency) == ("OSAKA", "Kyodo")
    (note,) = [w for w in a.warnings if w.field == "body"]
    assert note.code == "fallback" and "jnparse[generic]" in note.detail
    # a page with no element holding a story's worth of paragraphs: the error names the extra
    with pytest.raises(jnparse.ExtraRequiredError) as info:
        jnparse.parse(_doc("<title>T</title>", "<div><p>One short line.</p><p>And another.</p></div>"))
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


@pytest.mark.parametrize("marker", [
    "class='byline'", "class='post-meta BYLINE byline'", "class='by&#108;ine'", "class='&#x62;yline'",
    "class='entry-author-name'", "class='article-author'", "itemprop='author'", "ITEMPROP='author'",
])
def test_printed_byline_however_its_mark_is_spelled(marker: str) -> None:
    # the second element is the byline; the first only mentions the word where no mark is read
    body = (f"<article><h1>T</h1><p data-note='byline'>By the river the market opened early</p>"
            f"<div {marker}>By Aiko Tsuchida</div>{_PARAS}</article>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.authors == ("Aiko Tsuchida",)
    assert a.byline is not None and a.byline.raw == "By Aiko Tsuchida"


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


@pytest.mark.parametrize("rule", ["----------", "***", "- - -", "・・・"])
def test_generic_text_copy_keeps_a_rule_whole(rule: str) -> None:
    # a rule of marks between two parts of a story is no list item: its first mark was cut as a list's ("**" for "***")
    text = ("Night Buses Return to Hakata\nBy Keiko Amano\n2025-03-03 12:05\n"
            f"FUKUOKA (Jiji Press) — Night buses resumed service on Monday.\n{rule}\nRiders welcomed the change.")
    a = jnparse.parse_text(text)
    assert a.paragraphs == ("Night buses resumed service on Monday.", rule, "Riders welcomed the change.")


@pytest.mark.parametrize("order", ["date-title-byline", "title-byline-date", "title-date-byline"])
def test_generic_text_copy_in_any_header_order(order: str) -> None:
    header = {"date": "2025-03-03 12:05", "title": "Night Buses Return to Hakata", "byline": "By Keiko Amano"}
    lines = [header[k] for k in order.split("-")]
    a = jnparse.parse_text("\n".join([*lines, "FUKUOKA (Jiji Press) — Night buses resumed service on Monday.",
                                       "Riders welcomed the change."]))
    assert a.title == "Night Buses Return to Hakata"
    assert a.authors == ("Keiko Amano",)
    assert a.published is not None and a.published.isoformat() == "2025-03-03T12:05:00+09:00"
    assert a.dateline is not None and a.agency == "Jiji Press"
    assert a.paragraphs == ("Night buses resumed service on Monday.", "Riders welcomed the change.")


def test_generic_text_copy_without_headline() -> None:
    a = jnparse.parse_text("The first sentence ends here.\nThe second one too.")
    assert a.title is None and len(a.body) == 2


# -- the body a page marks with schema.org microdata -------------------------------------------------

_MARKED = (
    "<article><h1>T</h1><div itemprop='articleBody'>"
    "<p>The harbor ferry ran again on Monday after three days of storms kept every boat in port.</p>"
    "<p>Crews checked the piers at dawn and the first sailing left on time with forty passengers.</p>"
    "<p>The operator said the evening timetable would return to normal by the end of the week.</p>"
    "</div></article>"
)


def test_marked_body_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    a = jnparse.parse(_doc("<title>T</title>", _MARKED))
    assert [b.text for b in a.body] == [
        "The harbor ferry ran again on Monday after three days of storms kept every boat in port.",
        "Crews checked the piers at dawn and the first sailing left on time with forty passengers.",
        "The operator said the evening timetable would return to normal by the end of the week.",
    ]


def test_japanese_in_a_marked_body_reads_as_a_browser_shows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # lines of the source joined (a break between two wide characters is none), a <br> and a box's blocks
    # kept apart, a pretty-printed ruby's readings gone with the white space around them
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    body = ("<article><h1>T</h1><div itemprop='articleBody'>"
            "<p>The harbor ferry ran again on Monday after three days of storms kept every boat in port.</p>"
            "<p>The sign on the pier read 港の\n      渡し船は<br>\n      月曜日に再開 in two lines.</p>"
            "<p>The word is <ruby>\n  渡船\n  <rp>(</rp>\n  <rt>とせん</rt>\n  <rp>)</rp>\n</ruby>, a ferry.</p>"
            "<div class='newsletter'><h3>お知らせ</h3>\n<p>港の話</p>\n<p>船の話</p></div>"
            "<table><tr><th>Word</th><th>Reading</th></tr><tr><td><ruby>渡<rt>と</rt></ruby>船</td><td>tosen</td>"
            "</tr><tr>\n<td>\n港\n</td>\n<td>\n大阪\n</td>\n</tr></table>"
            "<p>The operator said the evening timetable would return to normal by the end of the week.</p>"
            "</div></article>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert [b.text for b in a.body][1:3] == ["The sign on the pier read 港の渡し船は 月曜日に再開 in two lines.",
                                             "The word is 渡船, a ferry."]
    assert [d.text for d in a.discarded if d.kind == "newsletter"] == ["お知らせ 港の話 船の話"]
    # a table's rows on lines of their own and its cells apart (written with no white space between them, or
    # each on a line of its own), and a cell's inline pieces together
    assert [d.text for d in a.discarded if d.kind == "other"] == ["Word | Reading\n渡船 | tosen\n港 | 大阪"]


def test_a_damaged_pages_control_characters_next_to_a_br_or_in_a_ruby_are_no_crash(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # libxml2 keeps a control character in a text, and lxml will not write such a text back (fuzz seed 70)
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    body = ("<article><h1>T</h1><div itemprop='articleBody'>"
            "<p>The harbor ferry ran again on Monday after three days of storms kept every boat in port.</p>"
            "<p>A line<br>\x01and the next, then <ruby>\x02渡船\n<rt>とせん</rt></ruby> and more words here.</p>"
            "<table><tr><td>a</td>\x03<td>b</td></tr></table>"
            "<p>The operator said the evening timetable would return to normal by the end of the week.</p>"
            "</div></article>")
    a = jnparse.parse(_doc("<title>T</title>", body).encode())
    assert len(a.body) == 3 and a.body[1].text.startswith("A line")


def test_a_paywall_prompt_and_an_ad_label_in_the_text_leave_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # the body's extractor knows no site's markup for them: they are lines of text like the story's
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    body = (f"<div>{_PARAS}<p>Advertisement</p>"
            "<p>This article is for subscribers only.</p><p>Already a subscriber? Log in</p></div>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert [b.text[:18] for b in a.body] == ["Paragraph number 1", "Paragraph number 2", "Paragraph number 3"]
    assert [(d.kind, d.text) for d in a.discarded] == [
        ("ad", "Advertisement"), ("subscribe", "This article is for subscribers only.\nAlready a subscriber? Log in")]
    assert a.paywalled


def test_a_marked_stub_is_not_taken_for_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # a teaser marked articleBody: too little text, so the general extractor is asked (here: missing, so the
    # element holding the most paragraph text)
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = _doc("<title>T</title>", f"<div itemprop='articleBody'><p>Read the full story.</p></div>{_PARAS}")
    a = jnparse.parse(page)
    assert [b.text[:19] for b in a.body] == ["Paragraph number 1 ", "Paragraph number 2 ", "Paragraph number 3 "]


def test_marked_parts_are_read_in_order_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    first = "<p>Part one of the story is long enough to be read as the opening of the article text here.</p>"
    second = "<p>Part two follows the photo and carries the rest of the story to its final sentence here.</p>"
    inner = "<div itemprop='articleBody'><p>An inner marked box that must be read only once, not twice.</p></div>"
    body = (f"<div itemprop='articleBody'>{first}{inner}</div><figure><img src='/a.jpg'></figure>"
            f"<div itemprop='text articleBody'>{second}</div>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    texts = [b.text for b in a.body]
    assert texts[0].startswith("Part one") and texts[-1].startswith("Part two")
    assert sum("inner marked box" in t for t in texts) == 1


def test_deeply_nested_marked_body_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    depth = 240  # libxml2 keeps 255 levels; the reader walks with its own stack, not recursion
    para = "<p>Deep text that sits far down inside many wrappers and is still the article body.</p>" * 4
    body = "<div itemprop='articleBody'>" + "<div>" * depth + para + "</div>" * depth + "</div>"
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert len(a.body) == 4


def test_tags_with_reads_the_bytes_and_marked_the_tree() -> None:
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    src = (b"<html><body><div class='x byline'>By A</div><span itemprop=\"author name\">A</span>"
           b"<a rel='author' href='/a'>A</a><p>byline in text</p></body></html>")
    page = Page(parse_bytes(src), source=src)
    assert page.tags_with(b"byline") == ("div", "p")
    assert page.tags_with(b"nowhere") == ()
    assert [el.tag for el in page.marked("itemprop", "author")] == ["span"]
    assert [el.text for el in page.marked("itemprop", "name")] == ["A"]
    assert [el.get("href") for el in page.marked("rel", "author")] == ["/a"]
    assert page.marked("rel", "nofollow") == []
    # what the parser reads, however the bytes spell it: a reference, capitals
    spelled = b"<html><body><p ITEMPROP='x &#97;uthor'>B</p><p itemprop='author author'>C</p></body></html>"
    assert [el.text for el in Page(parse_bytes(spelled), source=spelled).marked("itemprop", "author")] == ["B", "C"]
    assert Page(parse_bytes(src)).tags_with(b"byline") is None  # no bytes: the caller asks the tree


def test_archive_addresses_are_read_through() -> None:
    from jnparse.detect import site_for_url

    def site_id(url: str) -> str | None:
        site = site_for_url(url)
        return site.id if site is not None else None

    assert site_id("https://web.archive.org/web/20240101000000/https://www.japantimes.co.jp/news/x/") == "japantimes"
    assert site_id("https://web.archive.org/web/2024id_/http://japannews.yomiuri.co.jp/politics/") == "japannews"
    # an address in the query is a link the page shares, not the page's own
    assert site_id("https://blog.example/post/?u=https://www.japantimes.co.jp/") is None


def test_a_page_naming_another_host_is_not_fingerprinted() -> None:
    # Japan News markup, but the page's canonical says it lives elsewhere: read as that other site's page
    jn_markup = (f"<div id='p-article-block'><p class='postdate'>17:41 JST, October 13, 2024</p>{_PARAS}</div>")
    elsewhere = _doc("<title>T</title><link rel='canonical' href='https://mirror.example/story/'>", jn_markup)
    assert jnparse.parse(elsewhere).site == "generic"
    nowhere = _doc("<title>T</title>", jn_markup)
    assert jnparse.parse(nowhere).site == "japannews"


def test_bare_text_with_inline_markup_is_one_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    bare = ("<div itemprop='articleBody'>The council met on <span>Tuesday</span> and <b>voted</b> to keep the "
            "night buses running through the winter months.<br>Drivers welcomed the decision at the depot.\n"
            "<p>A second paragraph follows with enough words to make the marked text long enough to use.</p>"
            "</div>")
    a = jnparse.parse(_doc("<title>T</title>", bare))
    assert [b.text for b in a.body] == [
        "The council met on Tuesday and voted to keep the night buses running through the winter months. "
        "Drivers welcomed the decision at the depot.",
        "A second paragraph follows with enough words to make the marked text long enough to use.",
    ]


def test_a_header_or_heading_group_in_the_marked_body_is_read_block_by_block() -> None:
    # a section's heading group inside the article's body: its heading a subhead, its standfirst a paragraph (read
    # as one run of inline text, they ran together: "Otter reportA kelp story")
    body = ("<div itemprop='articleBody'><p>The first paragraph of the story tells of otters in the bay.</p>"
            "<hgroup><h3>Otter report</h3><p>A kelp story</p></hgroup>"
            "<header><h3>Seal report</h3></header>"
            f"{_PARAS}</div>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert [(b.kind, b.text) for b in a.body[1:4]] == [
        ("subhead", "Otter report"), ("paragraph", "A kelp story"), ("subhead", "Seal report")]


@pytest.mark.parametrize("with_bytes", [True, False])
def test_elements_with_gives_what_the_whole_tree_query_gives(with_bytes: bool) -> None:
    from lxml import etree

    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    src = (b"<html><body><div class='box c-list'>a<div class='c-list'>nested</div></div>"
           b"<section class='c-list x'>b</section><p>c-list in text only</p>"
           b"<script>var s = '<div class=\"c-list\">';</script><ul class='other'><li>d</li></ul></body></html>")
    page = Page(parse_bytes(src), source=src if with_bytes else None)
    query = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' c-list ')]")

    def test(e: etree._Element) -> bool:
        return "c-list" in (e.get("class") or "").split()

    got = page.elements_with(test, query, needles=(b"c-list",))
    assert got == query(page.root)
    assert [e.tag for e in got] == ["div", "div", "section"]


@pytest.mark.parametrize(
    ("modified", "updated"),
    [("2024-06-02 09:30", "2024-06-02T09:30:00+09:00"), ("2024-05-30 18:00", None)],
    ids=["after-publication", "before-publication"],
)
def test_microdata_gives_section_and_update(modified: str, updated: str | None) -> None:
    body = (
        "<article><a href='/category/travel/' itemprop='articleSection'> Travel </a>"
        "<time itemprop='datePublished' datetime='2024-06-01 10:00'>June 1</time>"
        f"<meta itemprop='dateModified' content='{modified}'>{_MARKED}</article>"
    )
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.section == "Travel"
    assert a.published is not None and a.published.isoformat() == "2024-06-01T10:00:00+09:00"
    assert (a.updated.isoformat() if a.updated else None) == updated
    codes = {(w.field, w.code) for w in a.warnings}
    assert ("section", "fallback") in codes
    assert (("updated", "disagree") in codes) == (updated is None)


# -- a copy of a whole page from another site ----------------------------------------------------------

_GENERIC_PAGES = sorted(HERE.glob("*.html")) + sorted((CORPUS / "other").glob("*.html"))


@pytest.mark.parametrize("path", _GENERIC_PAGES, ids=lambda p: p.name)
def test_text_copy_of_a_whole_page_gives_the_pages_fields(path: Path) -> None:
    """Menus, headline, standfirst, byline, date, story, tags, author box, related links, footer: the
    copy gives the headline, the writers and the day the page gives, and none of the lines after the
    story in its body."""
    page = jnparse.parse(path.read_bytes())
    text = render(path.read_bytes())
    copy = jnparse.parse_text(text)
    assert copy.title == page.title
    assert copy.authors == page.authors
    assert copy.published is not None and page.published is not None
    assert copy.published.date() == page.published.date()
    body = {b.text for b in copy.body}
    tail = next((d.text for d in copy.discarded if d.heading and d.text and d.kind != "navigation"), None)
    for line in (tail or "").split("\n")[1:]:
        assert line not in body, f"{line!r} after the story is in the body"
    assert copy.body and copy.body[-1].text in text


def test_gaijinpot_copy_leaves_related_stories_and_reading_time_out() -> None:
    path = CORPUS / "other" / "2020-02-08_gaijinpot-blog-tweet-of-the-week-67-chikan.html"
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    copy = jnparse.parse_text(render(path.read_bytes()))
    body = "\n".join(b.text for b in copy.body)
    assert "fear of causing a fuss in public" in body and "@keizi666" in body
    assert "Vegan food is notoriously hard" not in body
    assert "min read" not in body
    assert copy.description is not None and copy.description.startswith("Follow these steps")


_WORDS = ("author", "name", "articleBody", "byline", "c-list", "datePublished")


def _spelled(word: str, how: int) -> str:
    """``word`` as a page may write it in an attribute: as is, or with a letter as a character reference."""
    if how == 0 or not word:
        return word
    ch = word[how % len(word)]
    ref = f"&#{ord(ch)};" if how % 2 else f"&#x{ord(ch):X};"
    return word.replace(ch, ref, 1)


@st.composite
def _marked_pages(draw: st.DrawFn) -> bytes:
    """Small pages whose elements carry itemprop, rel and class words, some spelled with character references,
    quoted three ways, with white space around the "=", tags in either case and attribute names in one case a
    page, with decoys in text and scripts."""
    parts: list[str] = []
    capitals = draw(st.integers(0, 4)) == 0
    for _ in range(draw(st.integers(1, 12))):
        tag = draw(st.sampled_from(["div", "span", "a", "p", "time", "DIV", "Section"]))
        attr = draw(st.sampled_from(["itemprop", "rel", "class"]))
        attr = attr.upper() if capitals else attr  # an HTML 4 page's capitals, throughout
        equals = draw(st.sampled_from(["=", "=", " = ", "\n="]))
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3))
        value = " ".join(_spelled(w, draw(st.integers(0, 3))) for w in words)
        quote = draw(st.sampled_from(["'", '"', ""]))
        if not quote:
            value = value.split()[0]
        parts.append(f"<{tag} {attr}{equals}{quote}{value}{quote}>x</{tag}>")
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["<p>author byline in text</p>", "<p>a &#8217; quote</p>",
                                               "<script>var a='<a rel=author>'</script>", "<p>itemprop=author</p>"])))
    return ("<html><body>" + "".join(parts) + "</body></html>").encode()


@given(_marked_pages(), st.sampled_from(_WORDS))
@settings(max_examples=300)
def test_byte_lookups_give_what_the_tree_gives(src: bytes, word: str) -> None:
    """Page.marked and Page.elements_with, which read the bytes to walk only some tags, find what a whole-tree
    query finds, however the attributes are written."""
    from lxml import etree

    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    page = Page(parse_bytes(src), source=src)
    for attr in ("itemprop", "rel"):
        want = [e for e in page.root.iter() if word in (e.get(attr) or "").split()]
        assert page.marked(attr, word) == want
    query = etree.XPath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {word} ')]")
    got = page.elements_with(lambda e: word in (e.get("class") or "").split(), query, needles=(word.encode(),))
    assert got == query(page.root)


def test_names_spelled_with_character_references_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # to the parser "article&#66;ody" is "articleBody" and "&#x61;uthor" is "author": no byte search finds them
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the marked body must be found, not extracted
    body = (_MARKED.replace("articleBody", "article&#66;ody")
            .replace("<h1>T</h1>", "<h1>T</h1><a rel='&#x61;uthor' href='/by/kenji'>Kenji Arata</a>"))
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert [b.text[:22] for b in a.body] == ["The harbor ferry ran a", "Crews checked the pier",
                                             "The operator said the "]
    assert a.byline is not None and a.byline.authors == ("Kenji Arata",)


@pytest.mark.parametrize("name", ["tokyo-blog-jsonld-time", "minimal-jst-date"])
def test_a_story_trafilatura_drops_is_read_from_its_paragraphs(name: str) -> None:
    # an <aside> left open at the top of the body holds the whole page: trafilatura drops it all as boilerplate
    import json

    page = (FIXTURES / "generic" / f"{name}.html").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "generic" / f"{name}.expected.json").read_text(encoding="utf-8"))
    at = page.index(">", page.index("<body")) + 1
    a = jnparse.parse((page[:at] + "<aside>" + page[at:]).encode())
    assert [b["text"] for b in a.to_dict()["body"]] == [b["text"] for b in expected["body"]]
    assert ("body", "fallback") in {(w.field, w.code) for w in a.warnings}
    assert a.to_dict()["dateline"] == expected["dateline"]


def test_a_copyright_line_closing_the_story_is_discarded() -> None:
    # the Japan Today fixture prints "© Japan Today" as the last paragraph of its story box
    a = jnparse.parse((FIXTURES / "japantoday" / "staff-crime-story.html").read_bytes(), site="generic")
    assert a.body[-1].text.startswith("According to police, the suspect sold the bicycles online.")
    assert [(d.kind, d.text) for d in a.discarded if d.kind == "other"] == [("other", "© Japan Today")]


def test_list_items_in_a_copied_story_lose_their_markers() -> None:
    # the whole-page copy prints each list item's "-" on a line of its own; a copy tool may put it before the text
    text = (FIXTURES / "generic" / "text-copy-whole-page.txt").read_text(encoding="utf-8")
    assert "-\nA flashlight for the unlit stretch by the shore\n" in text
    inline = text.replace("-\nA flashlight", "- A flashlight").replace("-\nShoes with", "- Shoes with")
    for copy in (text, inline):
        body = [b.text for b in jnparse.parse_text(copy).body]
        assert "A flashlight for the unlit stretch by the shore" in body
        assert "Shoes with a good grip on the stone steps" in body
        assert not any(t.startswith("- ") or t == "-" for t in body)


def test_related_stories_an_extractor_reads_past_the_story_are_set_apart() -> None:
    # the GaijinPot page without its microdata: trafilatura reads on past the story into the "Related" cards
    import re

    path = CORPUS / "other" / "2020-02-08_gaijinpot-blog-tweet-of-the-week-67-chikan.html"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    html = path.read_text(encoding="utf-8")
    url = "https://blog.gaijinpot.com/tweet-of-the-week-67-dealing-with-chikan/"
    marked = jnparse.parse(html.encode(), url=url)
    bare = jnparse.parse(re.sub(r'\sitemprop="[^"]*"', "", html).encode(), url=url)
    texts = [b.text for b in bare.body]
    assert "Related" not in texts
    assert texts[-1] == marked.body[-1].text  # the story's last paragraph ends the body, as when it is marked
    related = [d for d in bare.discarded if d.kind == "related"]
    assert [(d.heading, len(d.items)) for d in related] == [("Related", 2)]


def test_a_by_line_under_the_headline_with_no_marks_is_the_byline() -> None:
    body = ("<main><h1>Harbor Ferries Run Again</h1><p>By Kaito Minami, Harbor Daily</p><div><p>By the pier, "
            f"crews checked the ropes before the first sailing of the week.</p></div>{_PARAS}</main>")
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.byline is not None and a.byline.authors == ("Kaito Minami",) and a.byline.affiliation == "Harbor Daily"
    assert ("byline", "fallback") in {(w.field, w.code) for w in a.warnings}
    wire = jnparse.parse(_doc("<title>T</title>", f"<main><h1>Harbor Ferries Run Again</h1>{_PARAS}</main>"))
    assert wire.byline is None


def test_a_date_line_atop_the_story_is_the_publication_time() -> None:
    import datetime as dt

    body = f"<article><h1>T</h1><p>2024/09/18-16:05</p>{_PARAS}</article>"
    a = jnparse.parse(_doc("<title>T</title>", body))
    assert a.published == dt.datetime(2024, 9, 18, 16, 5, tzinfo=jnparse.JST)
    assert a.date_text == "2024/09/18-16:05"
    assert a.body[0].text.startswith("Paragraph number 1")
    assert ("published", "fallback") in {(w.field, w.code) for w in a.warnings}
    assert ("published", "missing") not in {(w.field, w.code) for w in a.warnings}


def test_listed_stories_thumbnails_are_not_the_storys_photos() -> None:
    # a teaser is a figure inside a link to its story; a photo may link to its own image file
    teasers = "".join(f"<li><a href='/news/{i}/'><figure><img src='/t{i}-250x150.jpg'></figure><h3>Other story {i}"
                      "</h3></a></li>" for i in range(3))
    a = jnparse.parse(_doc("<title>T</title>", (
        "<main><article><h1>T</h1><figure><img src='/photo.jpg'><figcaption>The harbour at dawn.</figcaption>"
        "</figure><a href='/full/map.PNG?w=2000'><figure><img src='/map.png'></figure></a>"
        f"{_PARAS}</article><aside><ul>{teasers}</ul></aside></main>")), url="https://example.jp/a/1")
    assert [(i.url, i.caption) for i in a.images] == [("https://example.jp/photo.jpg", "The harbour at dawn."),
                                                      ("https://example.jp/map.png", None)]


_GENERIC_PAGES = sorted(HERE.glob("*.html")) + sorted(CORPUS.glob("other/*.html"))


@STRIPS
@pytest.mark.parametrize("path", _GENERIC_PAGES, ids=lambda p: p.stem)
def test_a_page_with_its_classes_stripped_reads_as_the_page(path: Path, strip: re.Pattern[bytes]) -> None:
    # the boxes inside the story that a class named are told by what they hold (share buttons by their links,
    # "You might also like" over a list), and a printed "By …" line still gives the byline's raw text
    data = path.read_bytes()
    whole, bare = jnparse.parse(data), jnparse.parse(strip.sub(b"", data))
    for field in ("title", "published", "byline", "dateline", "agency", "body", "images", "paywalled"):
        assert getattr(bare, field) == getattr(whole, field), field
    lists = [(d.kind, d.heading, d.items) for d in whole.discarded if d.items]
    assert [(d.kind, d.heading, d.items) for d in bare.discarded if d.items] == lists


def test_boxes_without_names_are_told_by_what_they_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (f"<div itemprop='articleBody'>{_PARAS}"
            "<div><a href='https://twitter.com/intent/tweet?u=1'>X</a><a href='https://www.facebook.com/sharer/"
            "sharer.php?u=1'>Facebook</a></div>"
            "<div><a href='/s/1'>Share on LINE</a> <a href='/m'>Email</a></div>"
            "<section><h3>Related stories</h3><ul><li><a href='/a/2'>A second story</a></li></ul></section>"
            "<div><h3>Background</h3><ul><li>The first point of the story, a list item.</li></ul></div></div>")
    a = jnparse.parse(_doc("<title>T</title>", f"<article><h1>T</h1>{body}</article>"), url="https://example.jp/a/1")
    assert [(d.kind, d.heading, [i.title for i in d.items]) for d in a.discarded] == [
        ("share", None, ["X", "Facebook"]), ("share", None, ["Share on LINE", "Email"]),
        ("related", "Related stories", ["A second story"])]
    assert [b.text for b in a.body][-2:] == ["Background", "The first point of the story, a list item."]


@pytest.mark.parametrize("mark", ["itemprop='articleBody'", "class='entry-content'"])
def test_wordpress_photos_without_a_figure_are_photos(mark: str) -> None:
    # WordPress's classic editor writes a photo as div.wp-caption (its caption a p.wp-caption-text), or, with no
    # caption, as a paragraph holding the image alone: photos of the article, in page order, never a paragraph (the
    # body read from the marked element, or by trafilatura)
    body = (f"<article><h1>Otters</h1><div {mark}>"
            "<p>The first paragraph of the story tells of otters in the bay.</p>"
            '<div class="wp-caption aligncenter"><img src="/otter.jpg" alt=""><p class="wp-caption-text">An otter'
            " at rest.</p></div>"
            '<p><a href="/seal-large.jpg"><img class="size-full" src="/seal.jpg"></a></p>'
            f"{_PARAS}</div></article>")
    a = jnparse.parse(_doc("<title>T</title>", body), url="https://blog.example/otters/")
    assert [(i.url, i.caption) for i in a.images] == [
        ("https://blog.example/otter.jpg", "An otter at rest."), ("https://blog.example/seal.jpg", None)]
    assert not any("otter at rest" in b.text for b in a.body)
