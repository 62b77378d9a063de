"""Every site reads what a story holds alike: generated markup put into every site's story reads the same on all of
them (the body it adds, the boxes it keeps apart, the photos it adds). A differential property: no reader is the
oracle, and any that reads differently from the others fails it. (:mod:`tests.test_story_inserts` checks each kind
of markup on its own against a written expectation; this mixes them.)

Left out of the markup, as site rules the others do not share: a ``<br>`` (Jiji's stories are split into paragraphs
at it), a paragraph holding an image alone (the generic reader's photo, as WordPress writes one), a link standing alone
between blocks (The Japan Times keeps links alone apart as ``other``: its promos), a
figure whose caption is marked up (The Japan News reads the caption's first span as the photo's credit), a div with
a class and no paragraph (The Japan Times keeps the boxes of its design apart so). A photo in
a box kept apart (an aside, a table of data) is its caption in the box's text on every site, and a photo too on
those that read every figure of the story: the photos are not compared there."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jnparse
from jnparse.model import Block

from .test_story_inserts import _CASES, _by_trafilatura

_WORDS = ["Otters swim", "Seals bask", "Gulls circle", "Crabs scuttle", "Herons wade", "Puffins dive", "カワウソが泳ぐ",
          "Tom &amp; Jerry", "Otters\n  swim"]
_TEXT = st.sampled_from(_WORDS)
_PHRASING = ["em", "strong", "span", "b", "i", "kelp-word", "q", "small", "label"]
_WRAPPERS = ["div", "section", "blockquote", "center", "header", "details", "pre", "kelp-box", "main", "address",
             "menu", "fieldset", "aside", "nav", "footer", "form", 'div class="ad-slot"', 'div class="related-box"',
             "li", "dd"]
_HEADINGS = ["h1", "h2", "h4", "dt", "summary", "figcaption", "legend", "caption"]
#: elements that hold no text of the story, or little
_BARE = ["<hr>", "<p></p>", "<div></div>", '<iframe src="/v"></iframe>', '<video src="/v.mp4">No video</video>',
         "<script>var x = 1;</script>", "<style>p{}</style>", "<noscript>Enable JS</noscript>",
         "<button>Load more</button>", "<select><option>Otters</option></select>", "<textarea>Write</textarea>",
         '<p id="para-9">Otters swim</p>', '<p data-x="1">Seals bask</p>']
#: markup that keeps a box apart: a photo in it is not compared
_BOXES = ("<aside", "<nav", "<footer", "<form", "ad-slot", "related-box", "<table")


def _inline(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # (white space inside the markup's ends too: "Read <em>this </em>now")
    return st.one_of(_TEXT, st.tuples(st.sampled_from(_PHRASING), st.lists(children, min_size=1, max_size=3),
                                      st.sampled_from(["", " ", "\n"]), st.sampled_from(["", " ", "\n "])).map(
        lambda t: f"<{t[0]}>{t[2]}{' '.join(t[1])}{t[3]}</{t[0]}>"))


_RUN = st.recursive(_TEXT, _inline, max_leaves=4)
_LINE = st.lists(_RUN, min_size=1, max_size=3).map(" ".join)


def _block(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        _LINE.map(lambda s: f"<p>{s}</p>"),
        st.tuples(st.sampled_from(_HEADINGS), _LINE).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        st.lists(_LINE, min_size=1, max_size=3).map(lambda xs: "<ul>" + "".join(f"<li>{x}</li>" for x in xs) + "</ul>"),
        st.lists(_LINE, min_size=1, max_size=2).map(
            lambda xs: "<ol>" + "".join(f"<li><p>{x}</p></li>" for x in xs) + "</ol>"),
        st.tuples(st.sampled_from(_WRAPPERS), st.lists(st.one_of(children, _LINE), min_size=1, max_size=3)).map(
            lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0].split()[0]}>"),
        st.lists(_LINE, min_size=1, max_size=3).map(
            lambda xs: "<table><tr>" + "".join(f"<td>{x}</td>" for x in xs) + "</tr></table>"),
        st.lists(children, min_size=1, max_size=2).map(
            lambda xs: "<table><tr>" + "".join(f"<td>{x}</td>" for x in xs) + "</tr></table>"),
        _TEXT.map(lambda s: f'<figure><img src="/otter.jpg"><figcaption>{s}</figcaption></figure>'),
        _LINE.map(lambda s: f'<p>{s} <span class="comment-count">12</span> {s}</p>'),
        _LINE.map(lambda s: f'<p>{s} <a href="/otters/">{s}</a> {s}</p>'),
        st.tuples(_LINE, _LINE).map(lambda t: f"<ul><li>{t[0]}<ul><li>{t[1]}</li></ul></li></ul>"),
        st.tuples(_LINE, _LINE).map(lambda t: f"<dl><dt>{t[0]}</dt><dd>{t[1]}</dd></dl>"),
        st.tuples(_LINE, st.lists(children, min_size=1, max_size=2)).map(
            lambda t: f"<table><tr><td><p>{t[0]}</p></td><td>{''.join(t[1])}</td></tr></table>"),
        _TEXT.map(lambda s: f'<table><tr><td><p>{s}</p><figure><img src="/kelp.jpg"><figcaption>{s}</figcaption>'
                            "</figure></td></tr></table>"),
        _LINE.map(lambda s: f'<p class="share-line"><a href="https://twitter.com/intent/tweet?u=1">{s}</a></p>'),
        _LINE.map(lambda s: f'<div id="comments"><p>{s}</p></div>'),
        _LINE.map(lambda s: f'<figure class="wp-block-pullquote"><blockquote><p>{s}</p></blockquote></figure>'),
        _LINE.map(lambda s: f'<p>{s} <img src="/smile.png" alt=""> {s}</p>'),
        st.sampled_from(_BARE),
        _LINE.map(lambda s: f'<a href="/card/"><p>{s}</p></a>'),
        _LINE.map(lambda s: f'<div class="story-text"><p>{s}</p></div>'),
        st.tuples(st.sampled_from(["DIV", "P", "Section"]), _LINE).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        st.lists(children, min_size=1, max_size=3).map("\n  ".join),
    )


_FRAGMENT = st.lists(st.one_of(st.recursive(_LINE.map(lambda s: f"<p>{s}</p>"), _block, max_leaves=6), _RUN,
                               st.sampled_from(_BARE)), min_size=1, max_size=3).map("".join)


def _pages() -> dict[str, tuple[bytes, int, jnparse.Article]]:
    """One page a site (the first of its fixtures in UTF-8 whose story holds two paragraphs in ``<p>``s), with where its
    story's second paragraph starts; the generic reader's with a marked body (trafilatura's reads for precision)."""
    found: dict[str, tuple[bytes, int, jnparse.Article]] = {}
    for case in _CASES:
        path, at, name = case.values  # type: ignore[attr-defined]
        if path.parent.name in found or name != "ul" or any(w in path.stem for w in ("mojibake", "cp932", "nocharset")):
            continue  # (a page in another encoding, or damaged on purpose, takes no markup written as UTF-8)
        data = path.read_bytes()
        before = jnparse.parse(data)
        if not _by_trafilatura(before, data):
            found[path.parent.name] = (data, at, before)
    return found


_PAGES = _pages()


def _read(data: bytes, at: int, before: jnparse.Article, markup: str, photos: bool) -> tuple[object, ...]:
    """What ``markup`` put before the story's second paragraph adds: body blocks in its place, discarded blocks (links
    without their site's host) and photos (their file's name)."""
    after = jnparse.parse(data[:at] + markup.encode() + data[at:])
    second = next(i for i, b in enumerate(before.body) if b.kind == "paragraph" and i > 0
                  and any(x.kind == "paragraph" for x in before.body[:i]))
    rest = len(before.body) - second
    assert after.body[:second] == before.body[:second]
    assert after.body[len(after.body) - rest:] == before.body[second:]
    boxes = [(d.kind, d.heading, d.text, [(i.title, (i.url or "").split("/", 3)[-1]) for i in d.items])
             for d in after.discarded if d not in before.discarded]
    added = [(i.url and i.url.rsplit("/", 1)[-1], i.caption) for i in after.images if i not in before.images]
    return (list(after.body[second:len(after.body) - rest]), boxes, added if photos else None)


def test_every_site_has_a_page_to_read() -> None:
    assert len(_PAGES) >= 12


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FRAGMENT)
def test_every_site_reads_a_story_s_markup_alike(markup: str) -> None:
    photos = not any(box in markup for box in _BOXES)
    readings = {site: _read(*page, markup, photos) for site, page in _PAGES.items()}
    first = readings["japannews"]
    assert {site: r for site, r in readings.items() if r != first} == {}, (markup, first)


_ANIMALS = re.compile(r"(Otters|Seals|Gulls|Crabs|Herons|Puffins)")


def _numbered(markup: str) -> str:
    """``markup`` with each of its words' animals numbered ("Otters swim" … "Otters3x swim"): each a word of its own."""
    count = itertools.count()
    return _ANIMALS.sub(lambda m: f"{m.group(1)}{next(count)}x", markup)


def _everything(article: jnparse.Article) -> str:
    """All the text an Article holds: its body, its discarded blocks' headings, texts and items, its captions."""
    parts = [b.text for b in article.body]
    for d in article.discarded:
        parts += [d.heading or "", d.text or "", *(i.title for i in d.items)]
    parts += [t for i in article.images for t in (i.caption, i.credit) if t]
    return " ".join(parts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FRAGMENT.map(_numbered))
def test_nothing_a_story_s_markup_holds_is_lost(markup: str) -> None:
    # every word put into the story is somewhere in the Article, on every site: the body, a box kept apart, a caption
    # (those inside code, a video or a select are no text a reader sees, and the fragment's words stand in none)
    words = set(re.findall(r"(?:Otters|Seals|Gulls|Crabs|Herons|Puffins)\d+x", markup))
    for site, (data, at, _) in _PAGES.items():
        text = _everything(jnparse.parse(data[:at] + markup.encode() + data[at:]))
        assert [w for w in sorted(words) if w not in text] == [], site


@pytest.mark.parametrize("markup", [
    # found by the property: each read differently by one reader or more before they agreed
    "<p>Otters swim <label>Seals bask</label></p>",  # (Jiji split a label's text from its sentence)
    '<div class="ad-slot"><p>Otters swim</p><p>Seals bask</p></div>',  # (JAPAN Forward: "Otters swimSeals bask")
    "<li><h3>Otters swim</h3></li>",  # (Jiji read a list's item holding a heading as a subhead)
    "Otters swim<hr>Seals bask",  # (seven readers ran the text on both sides of a rule together)
    'Otters swim<iframe src="/v"></iframe> seals bask',  # (The Japan Times ended a run at an embed, an image, a <br>)
    "<table><tr><td><hr></td></tr></table>",  # (The Japan Times recorded an empty table)
    "<table><tr><td><script>var x = 1;</script></td></tr></table>",  # (ten read a table's script as its text)
    '<li><figure><img src="/kelp.jpg"><figcaption>Otters swim</figcaption></figure></li>',  # (a photo, not its caption)
    "<em>Otters swim </em>seals bask",  # (The Japan Times: "Otters swimseals bask")
    '<p class="share-line"><a href="https://twitter.com/intent/tweet?u=1"> </a></p>',  # (The Japan Times: an empty box)
    "Otters swim<kelp-box>seals bask<p>Gulls circle</p></kelp-box>",  # (The Japan Times ended the run at the box)
])
def test_markup_the_property_found_read_alike(markup: str) -> None:
    readings = {site: _read(*page, markup, True) for site, page in _PAGES.items()}
    assert len({repr(r) for r in readings.values()}) == 1, readings


# -- text copies ------------------------------------------------------------------------------------------------------
# The same for a copy's lines: sentences (English, Japanese, quoted), list items, rules. Left out: a short line
# with no sentence's end (each site reads it as its design prints subheads) and "* * *" (the AJW's separator).

_SENTENCE = st.sampled_from([
    "Otters swam in the bay all morning, the harbor office said.",
    "Seals were seen basking on the rocks near the pier on Tuesday.",
    "カワウソが湾で泳いでいるのが確認された。",
    "The count rose by 12 percent from last year, according to volunteers.",
    "\u201cWe were surprised,\u201d said one volunteer, who asked not to be named.",
    "Otters swam in the bay, the office said. カワウソが湾で泳いでいる。",
])
_COPY_LINE = st.one_of(_SENTENCE, _SENTENCE.map(lambda s: "- " + s), _SENTENCE.map(lambda s: "• " + s),
                       _SENTENCE.map(lambda s: "・" + s), st.sampled_from(["- - -", "・・・", "— — —"]))
_COPY_LINES = st.lists(_COPY_LINE, min_size=1, max_size=4).map(lambda xs: "\n\n".join(xs) + "\n\n")


def _copies() -> dict[str, tuple[str, int, jnparse.Article, int]]:
    """One text copy a site (of those :mod:`tests.test_story_inserts` puts lists into), with where its story's second
    paragraph starts and that paragraph's index."""
    from .test_story_inserts import _copy_cases

    found: dict[str, tuple[str, int, jnparse.Article, int]] = {}
    for case in _copy_cases():
        path, at, second, _ = case.values  # type: ignore[attr-defined]
        if path.parent.name not in found:
            text = path.read_text(encoding="utf-8")
            found[path.parent.name] = (text, at, jnparse.parse_text(text), second)
    return found


_COPIES = _copies()


def _read_copy(text: str, at: int, before: jnparse.Article, second: int, lines: str) -> tuple[object, ...]:
    after = jnparse.parse_text(text[:at] + lines + text[at:])
    rest = len(before.body) - second
    assert after.body[:second] == before.body[:second]
    assert after.body[len(after.body) - rest:] == before.body[second:]
    return (list(after.body[second:len(after.body) - rest]),
            [(d.kind, d.heading, d.text) for d in after.discarded if d not in before.discarded])


def test_every_site_has_a_copy_to_read() -> None:
    assert len(_COPIES) >= 12


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_COPY_LINES)
def test_every_site_reads_a_copy_s_lines_alike(lines: str) -> None:
    readings = {site: _read_copy(*copy, lines) for site, copy in _COPIES.items()}
    first = readings["japannews"]
    assert {site: r for site, r in readings.items() if r != first} == {}, (lines, first)


def test_a_mixed_line_ending_in_a_japanese_full_stop_is_no_subhead() -> None:
    # found by the property: a line ending in "。" was read as a subhead (the sentence ends were Latin alone), by
    # nippon.com when it was long, and by five sites when it was as short as this one
    readings = {site: _read_copy(*copy, "Otters swam, the office said. カワウソが泳いだ。\n\n")
                for site, copy in _COPIES.items()}
    assert {repr(r) for r in readings.values()} == {repr(readings["japannews"])}
    assert readings["nippon"][0] == [Block("paragraph", "Otters swam, the office said. カワウソが泳いだ。")]


@pytest.mark.parametrize("markup", [
    # found by the property: a list box's words around its links were lost on every site (its links alone were kept)
    '<div class="related-box"><p>Otters swim <a href="/otters/">Seals bask</a> Gulls circle</p></div>',
])
def test_markup_the_loss_property_found_is_kept(markup: str) -> None:
    markup = _numbered(markup)
    words = set(re.findall(r"(?:Otters|Seals|Gulls|Crabs|Herons|Puffins)\d+x", markup))
    for site, (data, at, _) in _PAGES.items():
        text = _everything(jnparse.parse(data[:at] + markup.encode() + data[at:]))
        assert [w for w in sorted(words) if w not in text] == [], site
