"""JAPAN Forward: caption credits, the language switch, bylines, mojibake copies, text copies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import jnparse
from jnparse.sites import japanforward
from jnparse.textcopy import TextCopy

from .conftest import FIXTURES
from .prune_checks import article as _article
from .prune_checks import whole_page_article as _whole_page_article
from .story_markup import BOXES, BOXES_BLOCKS, BOXES_KEPT_APART

HERE = FIXTURES / "japanforward"


def _page(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Cherry trees in Ueno. (©Sankei by Ryota Hanazawa)", ("Cherry trees in Ueno.", "Sankei by Ryota Hanazawa")),
        ("Cherry trees in Ueno. (© Sankei by Ryota Hanazawa)", ("Cherry trees in Ueno.", "Sankei by Ryota Hanazawa")),
        ("A quiet street. (© Sankei)", ("A quiet street.", "Sankei")),
        ("The ceremony. (Inside image ©Sankei by Mika Tsurumi)", ("The ceremony.", "Sankei by Mika Tsurumi")),
        ("A caption with no credit.", ("A caption with no credit.", None)),
    ],
)
def test_caption_credit(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert japanforward._credit(caption) == expected


def test_yoast_utc_times_become_japan_time() -> None:
    a = jnparse.parse(_page("sankei-translated-langlink.html"))
    assert a.published is not None and a.published.isoformat() == "2024-08-17T11:30:00+09:00"


def test_cms_author_is_not_the_byline() -> None:
    a = jnparse.parse(_page("sankei-translated-langlink.html"))
    # Yoast names the CMS account "Sankei Shimbun"; the printed byline names the reporter
    assert a.authors == ("Kenta Morishima",)
    assert a.byline is not None and a.byline.affiliation == "The Sankei Shimbun"


def test_language_switch_is_navigation_not_body() -> None:
    a = jnparse.parse(_page("sankei-translated-langlink.html"))
    assert not any("このページを" in b.text for b in a.body)
    nav = [d for d in a.discarded if d.kind == "navigation"]
    assert len(nav) == 1 and nav[0].items[0].url is not None and "sankei.com" in nav[0].items[0].url


def test_selector_fields_are_flagged_low_confidence() -> None:
    a = jnparse.parse(_page("columnist-university.html"))
    assert any(w.field == "body" and w.code == "low-confidence" for w in a.warnings)


def test_detected_without_url_or_site_name() -> None:
    html = _page("columnist-university.html")
    html = html.replace('<meta property="og:site_name" content="JAPAN Forward">', "")
    html = html.replace("https://japan-forward.com/why-regional", "https://example.invalid/why-regional")
    assert "japan-forward.com/wp-content" in html  # only the upload path is left to tell
    assert jnparse.parse(html).site == "japanforward"


def test_author_line_at_the_end_is_the_byline() -> None:
    html = _page("columnist-university.html")
    html = html.replace('<div class="entry-meta"><span class="byline">By Daniel Harwood, Tokai Pacific University'
                        "</span></div>", "")
    html = html.replace('<div class="jf-newsletter-promo">',
                        "<p>Author: Daniel Harwood, Tokai Pacific University</p>\n<div class=\"jf-newsletter-promo\">")
    a = jnparse.parse(html)
    assert a.authors == ("Daniel Harwood",)
    assert a.byline is not None and a.byline.affiliation == "Tokai Pacific University"
    assert not any(b.text.startswith("Author:") for b in a.body)


_INSERTS = "<p>Bare text <em>opens</em> the story.</p>\n" + BOXES + "Closing bare text.\n"


def test_every_piece_of_the_content_is_read_or_kept_out() -> None:
    # lists, quotations, minor headings, bare text and wrappers read in place; a table (a line per row) and an
    # element the content holds no paragraph in (an aside) kept out of the body, but not lost; the boxes it
    # already kept out (the newsletter promo) kept out as they were
    html = _page("columnist-university.html")
    html = html.replace('<div class="jf-newsletter-promo">', _INSERTS + '<div class="jf-newsletter-promo">')
    before, a = jnparse.parse(_page("columnist-university.html")), jnparse.parse(html)
    assert [(b.kind, b.text) for b in a.body[len(before.body):]] == [
        ("paragraph", "Bare text opens the story."), *BOXES_BLOCKS, ("paragraph", "Closing bare text."),
    ]
    assert a.body[:len(before.body)] == before.body
    assert [(d.kind, d.text) for d in a.discarded] == [*BOXES_KEPT_APART, *((d.kind, d.text) for d in before.discarded)]


def test_mojibake_copy_is_repaired_to_the_clean_page() -> None:
    clean = jnparse.parse((HERE / "columnist-university.html").read_bytes()).to_dict()
    broken_bytes = (HERE / "columnist-mojibake.html").read_bytes()
    assert "鈥檚".encode() in broken_bytes
    repaired = jnparse.parse(broken_bytes)
    assert any(w.code == "repaired" for w in repaired.warnings)
    got = repaired.to_dict()
    clean.pop("warnings")
    got.pop("warnings")
    assert got == clean


def test_unrepairable_mojibake_raises_decode_error() -> None:
    # "鈥?" is ” followed by a space once read as GBK: the byte pair was lost, the repair is not exact
    page = (
        "<html><head><title>Broken | JAPAN Forward</title></head><body><div class='entry-content'>"
        "<p>鈥淭he village鈥檚 festival is back,鈥? she said. It鈥檚 been years.</p></div></body></html>"
    )
    with pytest.raises(jnparse.DecodeError):
        jnparse.parse(page.encode("utf-8"))


def test_text_signature_needs_a_japan_forward_mark() -> None:
    from jnparse.textcopy import TextCopy

    plain = TextCopy.from_text("Connect with us\nNews\nA headline\nA paragraph of text.")
    assert not japanforward.text_signature(plain)
    marked = TextCopy.from_text("Connect with us\nNews\nA headline\nA caption. (© Sankei)\nA paragraph.")
    assert japanforward.text_signature(marked)


def test_text_copy_without_caption_or_byline() -> None:
    text = ("Connect with us\nEconomy\nPort Cities Compete for Cruise Ships\nLocal governments are building new "
            "terminals.\nThree ports opened new terminals this spring.\nJAPAN Forward will follow the story.")
    a = jnparse.parse_text(text, url="https://japan-forward.com/port-cities-compete-for-cruise-ships/")
    assert a.site == "japanforward"
    assert (a.section, a.title) == ("Economy", "Port Cities Compete for Cruise Ships")
    assert a.description == "Local governments are building new terminals."
    assert a.paragraphs == ("Three ports opened new terminals this spring.", "JAPAN Forward will follow the story.")


def test_fingerprint_byte_check_agrees_with_the_markup_rule() -> None:
    """The fingerprint skips the tree walk when the page's bytes lack its names: same answer as the walk."""
    from jnparse.loading import parse_bytes
    from jnparse.page import Page

    pages = sorted(FIXTURES.glob("*/*.html"))
    assert any(p.parent.name == "japanforward" for p in pages)
    for path in pages:
        data = path.read_bytes()
        if not data.startswith(b"<"):
            continue
        root = parse_bytes(data)
        with_bytes = japanforward.SITE.fingerprint(Page(root, source=data))  # type: ignore[misc]
        tree_only = japanforward.SITE.fingerprint(Page(root))  # type: ignore[misc]
        assert with_bytes == tree_only, path.name
        if path.parent.name == "japanforward":
            assert with_bytes or Page(root).canonical, path.name


# -- pruning: a page cut down to the article region reads exactly like the whole page ----------------

def _chrome(page: bytes) -> bytes:
    """``page`` with invented menus before the article and a footer after it (as real pages have)."""
    menu = "".join(f'<li class="menu-item"><a href="/section-{i}/">Section {i}</a></li>' for i in range(150))
    script = "var config = {" + ",".join(f'"key{i}": "value {i}"' for i in range(200)) + "};"
    top = f'<div class="site-top"><nav class="site-nav"><ul class="menu">{menu}</ul></nav></div>'.encode()
    bottom = f'<div class="site-bottom"><ul>{menu}</ul><script>{script}</script></div>'.encode()
    open_at = page.index(b"<body")
    open_end = page.index(b">", open_at) + 1
    close_at = page.rindex(b"</body>")
    return page[:open_end] + top + page[open_end:close_at] + bottom + page[close_at:]


_SIDEBAR = b'<aside class="related-posts"><h3>More</h3><ul><li><a href="/a">A story</a></li></ul></aside>'
_CARDS = (b'<div class="related"><article class="card"><h1>Card</h1><a href="/c">Card</a></article>'
          b'<a href="/m">M</a></div>')
_THUMB = (b'<div class="post-thumbnail"><figure><img src="/t.jpg">'
          b"<figcaption>A view. (\xc2\xa9Sankei)</figcaption></figure></div>")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b, id="as-is"),
        pytest.param(lambda b: b.replace(b"</body>", _SIDEBAR + b"</body>"), id="related-after-the-article"),
        pytest.param(lambda b: b.replace(b"</body>", _CARDS + b"</body>"), id="articles-after-the-article"),
        pytest.param(lambda b: b.replace(b"<main", b'<div class="author-box"><main', 1)
                     .replace(b"</body>", b"</div></body>"), id="wrapper-open-past-the-cut"),
        pytest.param(lambda b: b.replace(b"<article", b'<div class="jp-related"><article', 1)
                     .replace(b"</article>", b'</article><ul><li><a href="/z">Z</a></li></ul></div>', 1),
                     id="related-open-past-the-cut"),
        pytest.param(lambda b: b.replace(b"<main", _THUMB + b"<main", 1), id="thumbnail-before-the-article"),
    ],
)
@pytest.mark.parametrize("name", ["sankei-translated-langlink.html", "columnist-university.html"])
def test_pruned_page_reads_like_the_whole_page(name: str, change: Callable[[bytes], bytes]) -> None:
    page = change((HERE / name).read_bytes())
    assert japanforward.prune(page) is None  # no chrome to drop: the reference is a whole-page parse
    wrapped = _chrome(page)
    pruned = japanforward.prune(wrapped)
    assert pruned is not None and len(pruned) < len(wrapped)  # the menus at least are dropped
    assert jnparse.parse(wrapped).to_dict() == jnparse.parse(page).to_dict()


@pytest.mark.parametrize(
    "chrome",
    [
        b'<script>document.write(\'<div class="related"><a href="/s">S</a></div>\');</script>',
        b'<time class="published" datetime="2020-01-01T00:00:00+09:00">then</time>',
        b'<meta property="article:section" content="Elsewhere">',
    ],
)
def test_prune_keeps_what_the_menus_hold(chrome: bytes) -> None:
    """A mark in the menus leaves them in the parse."""
    wrapped = _chrome((HERE / "sankei-translated-langlink.html").read_bytes())
    at = wrapped.index(b'<div class="site-top">')
    page = wrapped[:at] + chrome + wrapped[at:]
    assert japanforward.prune(page) is None


def _outcome(data: bytes) -> object:
    """The Article's dict, or the error's message (a page's UTF-8 text may be no cp932 either)."""
    try:
        return jnparse.parse(data).to_dict()
    except jnparse.DecodeError as e:
        return str(e)


@pytest.mark.parametrize("bad", [b"<p>\xff not UTF-8</p>", b"<p>\x83\x5c cp932</p>"])
@pytest.mark.parametrize("where", ["menus", "tail"])
def test_page_not_utf8_in_the_dropped_bytes_reads_like_the_whole_page(bad: bytes, where: str) -> None:
    """prune() leaves the UTF-8 check to parse(), which checks the whole page before any prune: a page that
    is not UTF-8 in the bytes the prune would drop reads as it does whole (decoded the careful way)."""
    page = (HERE / "sankei-translated-langlink.html").read_bytes()
    wrapped = _chrome(page)
    at = wrapped.index(b'<div class="site-top">') if where == "menus" else wrapped.rindex(b"</body>")
    dropped = wrapped[:at] + bad + wrapped[at:]
    pruned = japanforward.prune(dropped)
    assert pruned is not None and bad not in pruned  # the cut alone would drop the bad bytes
    at = page.index(b">", page.index(b"<body")) + 1 if where == "menus" else page.rindex(b"</body>")
    whole = page[:at] + bad + page[at:]
    assert japanforward.prune(whole) is None
    assert _outcome(dropped) == _outcome(whole) != _outcome(pruned)


def test_prune_keeps_a_tail_with_marks() -> None:
    wrapped = _chrome((HERE / "sankei-translated-langlink.html").read_bytes())
    social = wrapped.replace(b"</body>", b'<div class="social-box"><a href="/x">X</a></div></body>')
    pruned = japanforward.prune(social)
    assert pruned is not None and pruned.endswith(b"</html>\n")  # the menus go, the tail stays
    assert jnparse.parse(social).to_dict()["discarded"] != jnparse.parse(wrapped).to_dict()["discarded"]


# -- pruning: the text of scripts and styles is not searched for marks --------------------------------


_LONG = 1500  # more than prune's shortest skipped stretch (_MIN_RUN)
_FILLER = b"x = x + 1; " * (_LONG // 11)
#: pieces of page chrome with a mark in a long stretch without "<": the mark counts when the stretch is inside
#: a tag (an attribute value), not when it is a script's, style's or comment's text or plain text
_PIECES = {
    "script-text": b'<script>var names = "related entry-content byline author published ld+json"; ' + _FILLER
                   + b"</script>",
    "script-write": b"<script>" + _FILLER + b'document.write(\'<div class="related"><a href="/w">W</a></div>\');'
                    + _FILLER + b"</script>",
    "style-text": b"<style>.related, .entry-content { margin: 0 }\n" + b".a > .b { padding: 0 }\n" * 60 + b"</style>",
    "comment": b"<!-- " + _FILLER + b' <div class="related"><a href="/c">C</a></div> ' + _FILLER + b" -->",
    "text": b"<p>" + b"Read the related stories by our author. " * 40 + b"</p>",
    "attribute-gt": b'<div data-x="a>b ' + _FILLER + b'" class="related"><a href="/g">G</a></div>',
    "attribute-lt": b"<div data-html='<b>" + _FILLER + b"' class=\"related\"><a href=\"/l\">L</a></div>",
    "attribute-long": b'<div data-config="' + _FILLER + b'" class="social-box"><a href="/s">S</a></div>',
    "ld-json": b'<script type="application/ld+json">{"@type": "WebPage", "name": "' + _FILLER + b'"}</script>',
    "upper-script": b'<SCRIPT TYPE="text/javascript">' + _FILLER + b'</SCRIPT><div class="related"><a href="/u">U</a>'
                    b"</div>",
    "odd-start-tag": b'<script data-a="x>y" data-b=\'q\'>' + _FILLER + b'</script><time class="published" '
                     b'datetime="2020-01-01T00:00:00+09:00">then</time>',
    "meta": b"<style>" + b"p { margin: 0 }\n" * 120 + b'</style><meta property="article:section" content="Elsewhere">',
    "unclosed-attribute": b'<div title="' + _FILLER,
}


@pytest.mark.parametrize("where", ["menus", "tail"])
@pytest.mark.parametrize("piece", sorted(_PIECES))
def test_pruned_page_reads_like_the_whole_page_with_long_stretches(piece: str, where: str) -> None:
    wrapped = _chrome((HERE / "sankei-translated-langlink.html").read_bytes())
    at = wrapped.index(b"</nav></div>") if where == "menus" else wrapped.rindex(b"</body>")
    page = wrapped[:at] + _PIECES[piece] + wrapped[at:]
    assert _article(page) == _whole_page_article(page)


def test_long_script_text_is_not_searched() -> None:
    """A mark in a long script in the menus no longer keeps the menus in the parse (it is no tag)."""
    wrapped = _chrome((HERE / "sankei-translated-langlink.html").read_bytes())
    at = wrapped.index(b"</nav></div>")
    page = wrapped[:at] + _PIECES["script-text"] + wrapped[at:]
    pruned = japanforward.prune(page)
    assert pruned is not None and _PIECES["script-text"] not in pruned
    assert _article(page) == _whole_page_article(page) == _article(wrapped)


@pytest.mark.parametrize("seed", range(60))
def test_pruned_page_reads_like_the_whole_page_random_chrome(seed: int) -> None:
    """Pieces at random places in the chrome, before and after the article: the pruned read is the whole
    read (or the prune declines)."""
    import random

    rng = random.Random(seed)
    name = rng.choice(["sankei-translated-langlink.html", "columnist-university.html"])
    page = _chrome((HERE / name).read_bytes())
    pieces = sorted(_PIECES)
    places = [b"</nav></div>", b"<main", b"</article>", b"</body>"]
    for _ in range(rng.randrange(1, 6)):
        at = page.rindex(rng.choice(places))
        if rng.random() < 0.5:
            at = page.index(b"<", at - rng.randrange(2000), at + 1)
        page = page[:at] + _PIECES[rng.choice(pieces)] + page[at:]
    assert _article(page) == _whole_page_article(page)


@pytest.mark.parametrize(
    ("chunk", "runs"),
    [
        (b"<body><style>" + b"a" * 2000 + b"</style>", [(13, 2013)]),
        (b"<body><p>" + b"a" * 2000 + b"</p>", [(9, 2009)]),
        (b'<body><div title="a>b ' + b"a" * 2000 + b'" class="c">x</div>', []),  # inside the tag, then too short
        (b'<body><div title="a>b ' + b"a" * 2000 + b'" class="c">' + b"t" * 1100 + b"</div>", [(2034, 3134)]),
        (b"<body><div title='<b>" + b"a" * 2000 + b"' class=\"c\">x</div>", []),  # the "<" may be in a tag
        (b"<body><!--" + b"a" * 2000 + b"-->", [(10, 2013)]),
        (b"<body>" + b"a" * 1200 + b" < " + b"b" * 1200 + b"<p>", [(6, 1207), (1208, 2409)]),  # "<" as text
        (b'<body><div a="1"b="2">' + b"a" * 2000, []),  # a tag not read the tokenizer's way: searched
    ],
)
def test_text_runs_lie_outside_every_tag(chunk: bytes, runs: list[tuple[int, int]]) -> None:
    assert japanforward._text_runs(chunk, 0, len(chunk)) == runs


def test_text_runs_take_linear_time_on_an_unended_tag() -> None:
    """A plain attribute value of many "/x=1" parts with no ">" before the next "<": the tag pattern has one
    way only to read it, and fails fast (a pattern with several would backtrack for minutes)."""
    import time

    chunk = b"<body><a href=" + b"/x=1" * 2000 + b" " + b"q" * 2000 + b"<p>"
    start = time.perf_counter()
    assert japanforward._text_runs(chunk, 0, len(chunk)) == []
    assert time.perf_counter() - start < 1.0


def test_markup_offsets_convert_both_ways() -> None:
    page = b"<body>" + b"<p>" + b"a" * 3000 + b"</p><i>" + b"b" * 2000 + b"</i><b>end</b>"
    markup = japanforward._Markup(page, 0, japanforward._text_runs(page, 0, len(page)))
    assert markup.joined == b"<body><p>\0</p><i>\0</i><b>end</b>"
    kept = [i for lo, hi in zip(markup.starts, markup.stops, strict=True) for i in range(lo, hi)]
    assert bytes(page[i] for i in kept) == markup.joined.replace(b"\0", b"")
    for i in kept:
        assert markup.to_page(markup.to_joined(i)) == i
    assert markup.to_page(markup.joined.index(b"</i>")) == page.index(b"</i>")


@pytest.mark.parametrize("seed", range(20))
def test_first_mark_is_the_first_of_any_mark(seed: int) -> None:
    """Chunks, probe bytes given up when common: the answer is the plain one, the least of the marks' finds."""
    import random

    rng = random.Random(seed)
    words = [b"entry-", b"related", b"social-box", b"ld+json", b"<meta", b"byline", b"yky", b"kw", b"+", b"x"]
    data = b"".join(rng.choice(words) if rng.random() < 0.3 else rng.choice([b"a", b"y", b"k", b"w", b" ", b"<"])
                    for _ in range(rng.choice([50, 3000, 30000])))
    marks = japanforward._FRONT_MARKS
    for start in (0, len(data) // 3):
        found = [i for m in marks if (i := data.find(m[0], start)) >= 0]
        assert japanforward._first_mark(data, start, marks) == (min(found) if found else -1)


def test_tail_cut_tells_what_was_open_at_the_cut() -> None:
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import PRUNED_ATTR, TailCut

    cut = TailCut("test")
    page = (b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>One</p><div class='x'><p>Two</p>"
            b"<script>var a = 1;</script></div></article><footer>F</footer></body></html>")
    body, start = page.index(b"<body"), page.index(b"<article")

    def seen(end: int, name: str = "test") -> tuple[str | None, list[str]] | None:
        root = parse_bytes(cut.join(page, body, start, end, note="a note"))
        found = TailCut(name).seen(root)
        if found is not None:
            assert not any(el.get(PRUNED_ATTR) for el in root.iter("span"))  # the sentinel is taken out
        return None if found is None else (found.note, [el.tag for el in found.open])

    assert seen(page.index(b"<script")) == ("a note", ["div", "article"])
    assert seen(page.index(b"<footer")) == ("a note", [])
    assert seen(page.index(b"var a")) == (None, [])  # the cut fell in a script: the sentinel is its text
    assert seen(page.index(b"<footer"), "other") is None  # another cut's mark
    assert TailCut("test").seen(parse_bytes(page)) is None  # a whole page
    assert cut.cut_short(parse_bytes(cut.join(page, body, start, page.index(b"<script"))), lambda el: el.tag == "div")
    assert not cut.cut_short(parse_bytes(cut.join(page, body, start, page.index(b"<script"))), lambda el: el.tag == "p")


@pytest.mark.parametrize("stray", [b"</head>text before the body", b"<title>T</title>text in the head</head>"])
def test_tail_cut_in_a_script_is_told_when_the_head_opens_the_body(stray: bytes) -> None:
    """Text in the head makes libxml2 open the body before the cut's ``<body>`` tag, which then loses its mark:
    a cut that fell in a script (its sentinel is text) is still told, by the mark after the body tag."""
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import PRUNED_ATTR, TailCut

    cut = TailCut("test")
    page = (b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>One</p><div><p>Two</p>"
            b"<script>var a = 1;</script></div></article><footer>F</footer></body></html>")
    page = page.replace(b"<title>T</title></head>", stray, 1)
    body, start = page.index(b"<body"), page.index(b"<article")
    root = parse_bytes(cut.join(page, body, start, page.index(b"var a")))
    assert root.find("body") is not None and root.find("body").get(PRUNED_ATTR) is None  # the body's mark is lost
    found = cut.seen(root)
    assert found is not None and found.note is None  # told, and what was open cannot be
    assert cut.cut_short(parse_bytes(cut.join(page, body, start, page.index(b"var a"))), lambda el: False)
    assert TailCut("test").seen(parse_bytes(page)) is None  # the whole page carries no mark


@pytest.mark.parametrize("name", ["columnist-mojibake", "columnist-university", "sankei-translated-langlink"])
def test_a_copy_of_the_page_reads_as_the_page(name: str) -> None:
    # the visible text, as a copy tool renders it: social box, site menu, category, headline, dek, byline,
    # [date], language switch, captions, story, newsletter promo, related list, copyright line; the same
    # fields as the HTML (the date without its time, where the page prints one: the columnist pages do not)
    from .page_text import assert_reads_alike, page_and_copy

    page, _text, copy = page_and_copy((HERE / f"{name}.html").read_bytes())
    assert_reads_alike(copy, page, "title", "section", "dateline", "agency", "description")
    assert page.published is not None
    if name.startswith("columnist"):
        assert copy.published is None  # no date printed on the page
    else:
        assert copy.published is not None and copy.published.date() == page.published.date()
        assert any(w.field == "published" and w.code == "low-confidence" for w in copy.warnings)
    assert [(b.kind, b.text) for b in copy.body] == [(b.kind, b.text) for b in page.body]
    assert [(i.caption, i.credit) for i in copy.images] == [(i.caption, i.credit) for i in page.images]
    kinds = [d.kind for d in copy.discarded]
    assert "newsletter" in kinds and (name.startswith("columnist") or {"share", "navigation", "related"} <= set(kinds))


@pytest.mark.parametrize("name", ["columnist-university", "sankei-translated-langlink"])
def test_every_line_of_a_page_copy_is_accounted_for(name: str) -> None:
    # each piece of each line (a caption is split into caption and credit) is in a field, the body, an image
    # or a discarded block
    import re

    from .page_text import render

    text = render((HERE / f"{name}.html").read_bytes())
    a = jnparse.parse_text(text)
    assert a.site == "japanforward"
    held = [a.title, a.section, a.description, a.date_text, a.byline.raw if a.byline else None]
    held += [b.text for b in a.body] + [p for i in a.images for p in (i.caption, i.credit)]
    for d in a.discarded:
        held += [d.heading, d.text, *(i.title for i in d.items)]
    blob = "\n".join(h for h in held if h)
    for line in TextCopy.from_text(text).lines:
        for piece in re.split(r"[()©]+", line):
            assert piece.strip() in blob, line
