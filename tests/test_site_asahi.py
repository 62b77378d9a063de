"""The Asahi Shimbun AJW: kickers, caption credits, readable names, non-AJW asahi.com pages, teasers."""

from __future__ import annotations

import datetime as dt

import pytest

import jnparse
from jnparse.sites import asahi

from .conftest import FIXTURES
from .prune_checks import cut_page_article, whole_page_article
from .story_markup import BOXES, BOXES_BLOCKS, BOXES_KEPT_APART

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


# -- the walks that stand in for the XPath selectors, and the prune -------------------------------------

_TRICKY = """<html><head><title>T | The Asahi Shimbun</title></head><body>
<div class="SnsUtilityArea top"><a href="/s">Share</a></div>
<div id="MainInner" class="ArticleText">
 <div class="Title"><h1>Not the headline (no ArticleTitle above)</h1></div>
 <div class="ArticleTitle Title"><div class="x"><h1>Not either</h1></div></div>
 <div class="ArticleTitle"><div class="Title ArticleTitle"><div class="Title"><h1>Headline</h1></div></div></div>
 <p class="\tEnArticleName\n">By A B/ Staff Writer</p><p class="EnArticleName">By C D</p>
 <p class="EnLastUpdated\xa0x">not the date</p><p class="x EnLastUpdated">May 1, 2025 at 10:00 JST</p>
 <div class="insert_image_full"><div class="Image"><img src="/a.jpg"></div></div>
 <div class="Image"><p>In a photo</p><div class="Caption"><p>Cap</p></div></div>
 <div class="ArticleText">
  <p>One</p><h2>Sub</h2><div class="Caption"><p>cap</p></div><div class="Image x"><h3>no</h3></div>
  <div class="SnsUtilityArea"><p>share</p></div><div><div class="insert_image_full"><p>no</p></div><h3>Two</h3></div>
  <div class="ArticleText"><p>Nested</p></div>
 </div>
</div>
<div id="MainInner"><div class="ArticleText"><p>Second main</p></div></div>
</body></html>"""


def _walk_pages() -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(DIR.glob("*.html"))]
    return [*pages, _TRICKY.encode(), _TRICKY.replace('class="ArticleText"', "", 1).encode()]


def test_walks_find_what_the_selectors_find() -> None:
    from jnparse.loading import parse_bytes
    from jnparse.page import Page, elements, first

    for data in _walk_pages():
        for page in (Page(parse_bytes(data), source=data), Page(parse_bytes(data))):
            main = asahi._main(page)
            assert main is first(asahi.MAIN(page.root))
            assert asahi._shares(page) == elements(asahi.SHARE(page.root))
            for context in (main, page.root):
                if context is None:
                    continue
                parts = asahi._scan(context)
                assert parts.title is first(asahi.TITLE(context))
                assert parts.byline is first(asahi.BYLINE(context))
                assert parts.date is first(asahi.DATE(context))
                assert parts.text is first(asahi.ARTICLE_TEXT(context))
                assert parts.lead_images == elements(asahi.LEAD_IMAGES(context))
                assert parts.inline_images == elements(asahi.INLINE_IMAGES(context))


def test_tricky_page_reads_the_right_elements() -> None:
    article = jnparse.parse(_TRICKY, url="https://www.asahi.com/ajw/articles/1")
    assert article.title == "Headline"
    assert article.authors == ("A B",)
    assert article.date_text == "May 1, 2025 at 10:00 JST"
    # the photo, caption and share bar divs kept out of the story wherever they sit, a plain div and a text in the
    # text walked into
    assert [(b.kind, b.text) for b in article.body] == [("paragraph", "One"), ("subhead", "Sub"), ("subhead", "Two"),
                                                        ("paragraph", "Nested")]


_STORY = ("""<html><head><title>T | The Asahi Shimbun</title></head><body><div id="MainInner">
 <div class="ArticleTitle"><div class="Title"><h1>Headline</h1></div></div>
 <div class="ArticleText">Bare text <em>opens</em> the story.
  <p>First.</p>
""" + BOXES + """  <div class="Caption"><p>A caption.</p></div>
  <p>Last.</p> And after it.
 </div>
</div></body></html>""")


def test_every_piece_of_the_story_is_read_or_kept_out() -> None:
    # lists, quotations, minor headings, bare text and wrappers read in place; a table (a line per row) and an
    # element the story holds no paragraph in (an aside) kept out of the body, but not lost
    article = jnparse.parse(_STORY, url="https://www.asahi.com/ajw/articles/1")
    assert [(b.kind, b.text) for b in article.body] == [
        ("paragraph", "Bare text opens the story."), ("paragraph", "First."), *BOXES_BLOCKS,
        ("paragraph", "Last."), ("paragraph", "And after it."),
    ]
    assert [(d.kind, d.text) for d in article.discarded] == BOXES_KEPT_APART


def _chrome(page: bytes, top: bytes, bottom: bytes = b"") -> bytes:
    body = page.index(b">", page.index(b"<body")) + 1
    end = page.rindex(b"</body>")
    return page[:body] + top + page[body:end] + bottom + page[end:]


_TOP = b'<div class="menu"><ul>' + b"".join(b'<li><a href="/s%d">Section %d</a></li>' % (i, i) for i in range(50)) + \
    b"</ul></div>"


def test_pruned_parse_equals_whole_parse() -> None:
    for path in sorted(DIR.glob("*.html")):
        data = _chrome(path.read_bytes(), _TOP, b'<div class="foot"><p>Company</p></div>')
        pruned = asahi.prune(data)
        assert pruned is not None, path.name
        whole = whole_page_article(data)
        assert isinstance(whole, dict) and cut_page_article(pruned, data) == whole, path.name


@pytest.mark.parametrize(
    "top",
    [
        b'<div class="SnsUtilityArea"><a href="/x">Share</a></div>',  # read from the whole page
        b'<meta property="og:description" content="From the body">',  # Page.head reads the body too
        b'<LINK rel="canonical" href="https://www.asahi.com/ajw/articles/2">',
        b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD"}</script>',
        b'<div class="Image">',  # an ancestor of the article: its paragraphs are not body text
        b'<p class="EnLastUpdated">May 2, 2025 at 10:00 JST</p>',
    ],
)
def test_prune_declines_when_something_read_is_outside(top: bytes) -> None:
    data = _chrome((DIR / "staff-dateline-photo.html").read_bytes(), top)
    assert asahi.prune(data) is None


def test_prune_declines_a_footer_marker_inside_the_article() -> None:
    page = (DIR / "interview-translated.html").read_bytes()
    data = page.replace(b'<div class="ArticleText">', b'<div class="ArticleText"><div id="Footer"></div>', 1)
    assert asahi.prune(data) is None
    assert jnparse.parse(data).body == jnparse.parse(page).body


def test_prune_declines_markers_in_scripts_and_comments() -> None:
    page = (DIR / "staff-dateline-photo.html").read_bytes()
    in_head = page.replace(b"</head>", b'<script>document.write("<body>")</script></head>', 1)
    in_body = _chrome(page, b'<!-- <div id="MainInner">old</div> -->')
    assert asahi.prune(page) is not None
    assert asahi.prune(in_head) is None
    assert asahi.prune(in_body) is None


@pytest.mark.parametrize("name", ["editorial-old-url", "interview-translated", "photo-teaser-ap",
                                  "staff-dateline-photo"])
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the visible text as a copy tool renders it (site name, headline with kicker, byline, date, share bars,
    # lead and inline captions, story, copyright line): the HTML's fields, every line kept somewhere
    from .page_text import assert_every_piece_kept, assert_reads_alike, page_and_copy

    page, text, copy = page_and_copy((DIR / f"{name}.html").read_bytes())
    assert_reads_alike(copy, page, "title", "kicker", "section", "dateline", "agency")
    assert copy.published is not None and page.published is not None
    assert copy.published.date() == page.published.date()
    assert [b.text for b in copy.body] == [b.text for b in page.body]
    assert [(i.caption, i.credit) for i in copy.images] == [(i.caption, i.credit) for i in page.images]
    assert copy.paywalled == page.paywalled
    # a caption's credit drops its "Photo by"
    assert_every_piece_kept(text, copy, r"[:|/()©=\[\]]+", clean=lambda p: asahi.PHOTO_BY.sub("", p.strip()))
