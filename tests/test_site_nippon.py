"""nippon.com: page kinds by URL, Jiji datelines, Kyodo teasers, URL dates, text copies."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import jnparse
from jnparse.sites import nippon

from .conftest import FIXTURES
from .prune_checks import article as _article
from .prune_checks import nested_markup
from .prune_checks import whole_page_article as _whole_page_article

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


#: An invented story holding what the reader walks into (a div with a class it does not know, a list, a
#: quotation), bare text, a table, a tag list, a comment and a script.
_STORY = (
    '<div class="editArea"><p>First.</p>'
    '<div class="c-box"><h3>Box heading</h3><p>Boxed paragraph.</p>Boxed note <a href="/en/x">with a link</a>.'
    "<div><div>Deep text.</div></div></div>"
    "<ol><li>One.</li><li>Two.</li></ol><blockquote>Quoted words.</blockquote><h5>Minor head</h5>"
    "<table><caption>Votes</caption><tr><th>Party</th><th>Seats</th></tr><tr><td>LDP</td><td>247</td></tr></table>"
    '<!-- a comment --><script>var x = 1;</script><div class="photo-box"><img src="/a.jpg"><p class="caption">A box.'
    ' (&#169; Jiji)</p></div><section class="c-detailkeyward"><h2>Tags</h2><a href="/en/tag/rail/">rail</a></section>'
    "Closing words.<p>Last.</p></div>"
)


def test_what_the_story_holds_is_read_in_its_place() -> None:
    data = re.sub(r'<div class="editArea">.*?</div>\n', _STORY, _page("feature-author.html"), flags=re.S).encode()
    a = jnparse.parse(data)
    assert [(b.kind, b.text) for b in a.body] == [
        ("paragraph", "First."), ("subhead", "Box heading"), ("paragraph", "Boxed paragraph."),
        ("paragraph", "Boxed note with a link."), ("paragraph", "Deep text."), ("paragraph", "One."),
        ("paragraph", "Two."), ("paragraph", "Quoted words."), ("subhead", "Minor head"),
        ("paragraph", "Closing words."), ("paragraph", "Last."),
    ]
    assert [(i.caption, i.credit) for i in a.images] == [("A box.", "Jiji")]
    # the table, then the tag lists: the one inside the story is read once, as a tag list
    assert [(d.kind, d.heading, d.text) for d in a.discarded] == [
        ("other", None, "Votes\nParty | Seats\nLDP | 247"), ("navigation", "Tags", None), ("navigation", "Tags", None)]
    assert nippon.prune(data) is not None and a.to_dict() == _whole_page_article(data)  # read alike, cut or whole


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


# -- prune() gives the Article the whole page gives ---------------------------------------------------

_CANONICAL = f'<link rel="canonical" href="{JIJI_URL}">'
_HEADS = [
    f"{_CANONICAL}<title>Trains | Nippon.com</title>",
    f'{_CANONICAL}<title>Trains | Nippon.com</title><script type="application/ld+json">{{"@type": "NewsArticle",'
    ' "datePublished": "2025-09-03T18:24:00+09:00", "articleSection": "Economy"}</script>',
    f'<meta property="og:url" content="{KYODO_URL}"><title> </title>',
    '<meta property="og:site_name" content="nippon.com"><title>&nbsp;</title>'
    '<meta name="cXenseParse:author" content="Sayaka Furuhata">',
    f'<script>var b = "<body>";</script>{_CANONICAL}<title>T</title>',
    f"<!-- <body> -->{_CANONICAL}<TITLE>T</TITLE>",
    '<meta property="og:url" content="https://www.nippon.com/en/japan-topics/g02871/"><title>A feature</title>',
    f'{_CANONICAL}<title>T</title><script>var b = "<body>";</script>',
    f"{_CANONICAL}<title>T</title><div>A stray box opens the body</div>",
    f'{_CANONICAL}<title>T</title><meta name="x" content="<body>">', f"{_CANONICAL}<title>T</title></head>Text",
    f"{_CANONICAL}<title>T</title><article><h1>Early</h1></article>",
]
#: before the article: menus and what the parser makes of them; prune() cuts them off
_MENUS = [
    '<nav class="menu"><ul><li><a href="/en/a">A</a></li></ul></nav>', "<p>Open", '<div class="wrap">',
    '<a href="/en/wrap">', "<span>", "</div>", "</article>", "<style>.a { color: red; }</style>",
    "<!-- <h1>Old headline</h1> -->", "<script>var t = 1 < 2;</script>", "<svg><title>Icon</title></svg>",
    "<noscript><p>No script</p></noscript>", "<title>Other</title>", "<table><tr><td>", "</body>",
    '<body class="again">', "<head>", "<select><option>A", "<svg><path d='M0 0'/>", "<template><p>Later</p></template>",
    '<script>var s = "<h1>Not the headline</h1><article>";</script>', "<articles>",
    '<article class="card"><h3>Other story</h3></article>', "<ARTICLE>Upper</ARTICLE>",  # the cut comes before it
]
#: before the article, each makes prune() keep the whole page: what the extractor or Page.head reads
#: page-wide, and what makes the cut fall inside a comment or raw text, or at no <article> tag
_MARKS = [
    '<h1 class="logo">nippon.com</h1>', "<H1>Logo</H1>", '<time datetime="2020-01-01T00:00:00+09:00">Jan 1</time>',
    '<meta name="description" content="Menu">',
    '<META property="article:modified_time" content="2026-01-01T00:00:00+09:00">',
    '<link rel="canonical" href="https://example.com/other">', '<link rel="stylesheet" href="/s.css">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "World"}</script>',
    '<script type="application/LD+JSON">{"@type": "NewsArticle", "headline": "Other"}</script>',
    "<!--", "<textarea>", "<plaintext>", "<iframe>", "<xmp>", "<SCRIPT>", '<div data-x="<article>">', "</html>",
    '<div class="editArea"><p>Menu text.</p></div>', '<script>var c = "class=editArea";</script>',
    '<section class="c-detailkeyward"><h2>Popular</h2><a href="/en/tag/x/">x</a></section>',
    '<div class="c-category">Menu</div>', '<span class="x c-detail__category">Side</span>',
]
#: before the article, odd markup libxml2 reads its own way: prune() may cut or not
_ODD = [
    "<frameset>", "<![CDATA[ x ]]>", "<?php x ?>", "<!-->", "<!--->", "<!-- a --!>", "<math><mi>x</mi></math>",
    "<form><form>", "</p>", "text < more", "<a/b>", "</>", "<script><!--<script></script>--></script>",
    "<svg><script>var a;</script></svg>", "<listing>", "<image>", "<nobr>", "<frame>",
]
#: the article's own parts (each may be missing)
_INNER = [
    '<div class="c-detail__category"><a href="/en/news/">Newsfrom Japan</a></div>',
    "<h1>Trains Added for Autumn</h1>", '<time datetime="2025-09-03T10:00:00+09:00">Sept. 3</time>',
    '<div class="editArea"><p>Tokyo, Sept. 3 (Jiji Press)--Trains were added.</p><figure><img src="/i.jpg">'
    "<figcaption>A train. (&#169; Jiji)</figcaption></figure><h2>More</h2><div><p>Inner.</p></div></div>",
    '<section class="c-detailkeyward"><h2>Tags</h2><ul><li><a href="/en/tag/rail/">rail</a></li></ul></section>',
    '<section class="c-detailkeyward"><a href="/en/tag/a/"><span>Linked</span></a><span>Heading</span></section>',
    "<script>var inside = 1;</script>", "<p>Open",
    '</body><section class="c-detailkeyward"><h2>After the body</h2><a href="/en/tag/z/">z</a></section>',
]
#: after the article: the footer and scripts, and marks that prune() does not look for there (the extractor
#: asks for the whole page when the article lacks what one of them would give) ...
_PLAIN_TAIL = [
    "</div>", '<footer><ul><li><a href="/en/f">F</a></li></ul></footer>', "<script>var x = 1 < 2;</script>",
    "<h1>Footer</h1>", '<time datetime="2019-05-05T00:00:00+09:00">May 5</time>', "<time>no datetime</time>",
    '<div class="editArea"><p>Other body.</p></div>', '<div class="c-category">Foot</div>',
    '<article><p>Another</p><h1>Second headline</h1></article>', "<!--", '<script>"</article>"</script>',
]
#: ... and those it does: each makes it keep the whole page
_TAIL_MARKS = [
    '<section class="c-detailkeyward"><h2>More tags</h2><a href="/en/tag/y/">y</a></section>',
    '<meta name="x" content="y">', '<Link rel="canonical" href="https://example.com/late">',
    '<script type="application/Ld+Json">{}</script>',
]


def _built(head: str, chrome: list[str], inner: list[str], tail: list[str]) -> bytes:
    return (f'<html><head>{head}</head><body class="b">{"".join(chrome)}<article class="c-detail">'
            f'{"".join(inner)}</article>{"".join(tail)}</body></html>').encode()


@settings(max_examples=600, deadline=None)
@given(head=st.sampled_from(_HEADS),
       chrome=st.lists(st.sampled_from(_MENUS) | st.sampled_from(_MARKS) | st.sampled_from(_ODD), max_size=4),
       left_out=st.sets(st.sampled_from(range(len(_INNER))), max_size=3),
       tail=st.lists(st.sampled_from(_PLAIN_TAIL) | st.sampled_from(_TAIL_MARKS), max_size=3))
def test_pruned_parse_is_the_whole_parse(head: str, chrome: list[str], left_out: set[int], tail: list[str]) -> None:
    inner = [part for i, part in enumerate(_INNER) if i not in left_out]
    page = _built(head, chrome, inner, tail)
    assert _article(page) == _whole_page_article(page)


@settings(max_examples=600, deadline=None)
@given(head=st.sampled_from(_HEADS), before=st.lists(st.sampled_from(_MENUS), max_size=2),
       mark=st.sampled_from([*_MARKS, *_TAIL_MARKS, *_PLAIN_TAIL]), in_tail=st.booleans(),
       left_out=st.sets(st.sampled_from(range(len(_INNER))), max_size=2),
       after=st.lists(st.sampled_from(_PLAIN_TAIL), max_size=2))
def test_one_mark_anywhere(head: str, before: list[str], mark: str, in_tail: bool, left_out: set[int],
                           after: list[str]) -> None:
    """One mark among plain menus and footers, before or after the article: the same Article."""
    inner = [part for i, part in enumerate(_INNER) if i not in left_out]
    page = _built(head, before if in_tail else [*before, mark], inner, [mark, *after] if in_tail else after)
    assert _article(page) == _whole_page_article(page)


@settings(max_examples=300, deadline=None)
@given(head=st.sampled_from(_HEADS[:2]), chrome=st.lists(st.sampled_from(_MENUS), max_size=4),
       left_out=st.sets(st.sampled_from(range(len(_INNER))), max_size=3),
       tail=st.lists(st.sampled_from(_PLAIN_TAIL), max_size=3))
def test_pruned_parse_of_plain_chrome(head: str, chrome: list[str], left_out: set[int], tail: list[str]) -> None:
    """Menus and footers that hold nothing read are cut off; the article parts a pruned page lacks, when
    read, make the extractor ask for the whole page."""
    inner = [part for i, part in enumerate(_INNER) if i not in left_out]
    page = _built(head, chrome, inner, tail)
    assert nippon.prune(page) is not None
    assert _article(page) == _whole_page_article(page)


@pytest.mark.parametrize("mark", _MARKS)
def test_prune_declines_on_a_mark_before_the_article(mark: str) -> None:
    assert nippon.prune(_built(_HEADS[0], [_MENUS[0], mark], _INNER, [])) is None


@pytest.mark.parametrize("mark", _TAIL_MARKS)
def test_prune_declines_on_a_mark_after_the_article(mark: str) -> None:
    assert nippon.prune(_built(_HEADS[0], [_MENUS[0]], _INNER, [_PLAIN_TAIL[1], mark])) is None


@pytest.mark.parametrize("head", [
    f"{_CANONICAL}<title> </title>", f"{_CANONICAL}<title>&nbsp;</title>", _CANONICAL,
    f'<script>var b = "<body>";</script>{_CANONICAL}<title>T</title>', f"<!-- <body> -->{_CANONICAL}<title>T</title>",
    f'{_CANONICAL}<title>T</title><script>var b = "<body>";</script>', f"{_CANONICAL}<title>T</title><!-- <body> -->",
    f'{_CANONICAL}<title>T</title><meta content="<body>">', f"{_CANONICAL}<title>T</title><article>Early</article>",
])
def test_prune_declines_on_a_head_without_title_or_with_a_false_body(head: str) -> None:
    """A title in the body is read when the head has none; a "<body" in a head script is no body tag."""
    assert nippon.prune(_built(head, [_MENUS[0]], _INNER, [])) is None


@pytest.mark.parametrize(("tail", "field"), [
    ("<h1>Footer headline</h1>", "title"), ('<div class="c-category">Foot</div>', "section"),
    ('<time datetime="2019-05-05T00:00:00+09:00">May 5</time>', "published"),
    ('<div class="editArea"><p>Footer body.</p></div>', "body"),
])
def test_pruned_page_without_a_part_reads_the_whole_page(tail: str, field: str) -> None:
    """The tail prune() drops is not searched: an article without its own h1 (category label, time, body)
    asks for the whole page, where the tail's is read."""
    part = {"title": 1, "section": 0, "published": 2, "body": 3}[field]
    page = _built(_HEADS[0], [], [p for i, p in enumerate(_INNER) if i != part], [tail])
    assert nippon.prune(page) is not None
    whole = _whole_page_article(page)
    assert isinstance(whole, dict) and whole[field]
    assert _article(page) == whole


def test_pruned_page_whose_head_opens_the_body_still_asks_for_the_whole_page() -> None:
    """A stray element in <head> opens the body there: libxml2 then drops the attributes of the <body> tag
    prune() writes, so the mark of a pruned page is on its <article>."""
    head = f"{_CANONICAL}<title>T</title><div>A stray box opens the body</div>"
    page = _built(head, [], [p for i, p in enumerate(_INNER) if i != 1], ["<h1>Footer headline</h1>"])
    assert nippon.prune(page) is not None
    a = jnparse.parse(page)
    assert a.title == "Footer headline" and a.to_dict() == _whole_page_article(page)


def test_a_link_around_the_tag_list_does_not_hide_its_heading() -> None:
    """The link may open in the menus prune() drops: what is read must not depend on it."""
    page = _built(_HEADS[0], ['<a href="/en/wrap">'], [*_INNER[:4], _INNER[5]], [])
    assert nippon.prune(page) is not None
    a = jnparse.parse(page)
    assert [d.heading for d in a.discarded] == ["Heading"]
    assert a.to_dict() == _whole_page_article(page)


def test_prune_cuts_the_chrome_of_pages_at_real_size() -> None:
    from benchmarks.run import at_page_size

    for path in sorted(HERE.glob("*.html")):
        data = at_page_size(path.read_bytes())
        assert data is not None
        pruned = nippon.prune(data)
        assert pruned is not None and len(pruned) < len(data) * 0.1, path.name
        assert _article(data) == _whole_page_article(data), path.name


# -- the walks stand for the queries -------------------------------------------------------------------

_OPENERS = [
    '<div class="editArea">', '<div class="editArea x">', '<section class="c-detailkeyward">',
    '<section class="x\tc-detailkeyward">', '<section class="c-detailkeyward\xa0x">', '<div class="c-category">',
    '<p class="c-detail__category">', "<figure>", '<div class="photo-box">', "<div>", '<div class="">', "<p>", "<h2>",
    "<h3>", "<h4>", "<span>", '<span class="caption">', "<figcaption>", '<a href="/en/x">', "<a>", "<ul>", "<li>",
    "<article>",
]
_LEAVES = ['<img src="/a.jpg">', "Tags", "Text.", "x", " "]


_MARKUP = nested_markup(_OPENERS, _LEAVES)


def _query(xpath: etree.XPath, el: etree._Element) -> list[etree._Element]:
    return [e for e in xpath(el) if isinstance(e, etree._Element)]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_MARKUP, max_size=6))
def test_walks_find_what_the_queries_find(parts: list[str]) -> None:
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    data = (f'<html><head></head><body><article {nippon.PRUNED}="">' + "".join(parts)
            + "</article></body></html>").encode()
    root = parse_bytes(data)
    found = nippon._Parts(Page(root, source=data))
    assert found.pruned  # the walk over the small tree
    assert found.area is next(iter(_query(nippon.EDIT_AREA, root)), None)
    assert found.category() is next(iter(_query(nippon.CATEGORY, root)), None)
    assert found.tag_lists == _query(nippon.TAGS, root)
    for box in _query(etree.XPath("//figure | //div"), root):
        assert nippon._caption(box) is next(iter(_query(nippon.FIG_CAPTION, box)), None)
    for box in found.tag_lists:
        if next(box.iterancestors("a"), None) is None:  # a link around the list: see _is_heading
            heading = next((el for el in box.iterdescendants() if nippon._is_heading(el, box)), None)
            assert heading is next(iter(_query(nippon.TAG_HEADING, box)), None)


#: What a copy of the page does not print, so it cannot read: the feature's author (only in the cXense meta)
#: and the time of a Kyodo teaser or a feature (in the head; their URLs hold no date).
_NOT_IN_THE_COPY = {"feature-author": {"authors", "published"}, "kyodo-kd-teaser": {"published"}}


@pytest.mark.parametrize("name", ["feature-author", "jiji-yjj-dateline", "kyodo-kd-teaser"])
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the visible text, as a copy tool renders it: [site name], label ("Newsfrom Japan" or the category),
    # headline, story with photo captions, tag list; the same fields as the HTML (the date without its time)
    from .page_text import page_and_copy

    page, _text, copy = page_and_copy((HERE / f"{name}.html").read_bytes())
    missing = _NOT_IN_THE_COPY.get(name, set())
    assert (copy.title, copy.section, copy.dateline, copy.agency, copy.paywalled) == (
        page.title, page.section, page.dateline, page.agency, page.paywalled)
    authors = copy.byline.authors if copy.byline else ()
    assert authors == (() if "authors" in missing else (page.byline.authors if page.byline else ()))
    assert page.published is not None
    if "published" in missing:
        assert copy.published is None
        assert any(w.field == "published" and w.code == "missing" for w in copy.warnings)
    else:
        assert copy.published is not None and copy.published.date() == page.published.date()
        assert any(w.field == "published" and w.code == "low-confidence" for w in copy.warnings)
    assert [(b.kind, b.text) for b in copy.body] == [(b.kind, b.text) for b in page.body]
    assert [(i.caption, i.credit) for i in copy.images] == [(i.caption, i.credit) for i in page.images]
    tags = [d for d in copy.discarded if d.heading == "Tags"]
    assert [[i.title for i in d.items] for d in tags] == [[i.title for i in d.items] for d in page.discarded]


def test_the_copy_order_with_the_label_first_keeps_a_lone_teaser_as_body() -> None:
    # under the label one line only, ending "...": the teaser, not a headline
    a = jnparse.parse_text("nippon.com\nNewsfrom Japan\nThe bank said its holdings fell for a third month, and...",
                           url=KYODO_URL)
    assert (a.title, [b.text for b in a.body]) == (None, ["The bank said its holdings fell for a third month, and..."])
    assert [d.text for d in a.discarded] == ["nippon.com"]


@pytest.mark.parametrize("name", ["feature-author", "jiji-yjj-dateline", "kyodo-kd-teaser"])
def test_every_line_of_a_page_copy_is_accounted_for(name: str) -> None:
    # each piece of each line (a caption is split into caption and credit) is in a field, the body, an image
    # or a discarded block
    from jnparse.textcopy import TextCopy

    from .page_text import render

    html = (HERE / f"{name}.html").read_bytes()
    text = render(html)
    a = jnparse.parse_text(text, url=jnparse.parse(html).url)
    held = [a.title, a.section, a.dateline.raw if a.dateline else None]
    held += [b.text for b in a.body] + [p for i in a.images for p in (i.caption, i.credit)]
    for d in a.discarded:
        held += [d.heading, d.text, *(i.title for i in d.items)]
    blob = "".join(h for h in held if h).replace(" ", "")  # the label "Newsfrom Japan" reads "News from Japan"
    for line in TextCopy.from_text(text).lines:
        for piece in re.split(r"[()©]+|--", line):
            assert piece.replace(" ", "") in blob, line
