"""Nothing in a story is lost or misread, whatever element holds it. Each of :data:`INSERTS` is put between the
first two paragraphs of the story of every fixture and corpus page, and comes back in its place in the body:

- a list's items (an item holding a list or paragraphs walked into), a quotation, a definition list's terms and
  definitions, a bare div, bare text, a paragraph or box
  with a class or id (an editor's centred line, a block group), a pull quote's figure and a table laying out
  paragraphs as paragraphs; an h4 as a subhead; two ``<br>`` in a row end a paragraph of bare text; a centred
  line, an address, preformatted text, a disclosure and its summary, a header, a heading group and a pull quote's
  caption as a div's text is read; a ruby's base without its reading;

or, kept apart whole, as a discarded block (:data:`APART`):

- a table of data, an aside, a nav, a footer, a form and a button as ``other`` (a table's text a line per row, its
  cells apart); a video's own text (what a browser that cannot play it shows) is no text;
- a box whose class names it (an ad slot, a "Related" box, share buttons; a span between paragraphs, not one in a
  sentence) as a block of that kind.

Also: every page's own named boxes put into its story are recorded once; a footer in the story of a page cut
before its own footer cuts nothing; a photo without a figcaption keeps its text as its caption."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import jnparse
from jnparse.model import Block, Discarded, Item

from .conftest import CORPUS, FIXTURES

PAGES = sorted(FIXTURES.glob("*/*.html")) + sorted(CORPUS.glob("*/*.html"))

#: what is put into the story, and what the body gains from it (the table: nothing, a discarded block instead)
INSERTS: dict[str, tuple[bytes, list[Block]]] = {
    "ul": (b"<ul><li>Zebrafish counts rose by nine.</li><li>Quokka numbers held steady.</li></ul>",
           [Block("paragraph", "Zebrafish counts rose by nine."), Block("paragraph", "Quokka numbers held steady.")]),
    "ol": (b"<ol>\n<li>Zebrafish counts rose by nine.</li>\n<li>Quokka numbers held steady.</li>\n</ol>",
           [Block("paragraph", "Zebrafish counts rose by nine."), Block("paragraph", "Quokka numbers held steady.")]),
    # a ruby's reading is no part of the sentence: its base alone (written as references: any page's encoding)
    "ruby": (b"<p>They swam in <ruby>&#26481;&#20140;<rp>(</rp><rt>&#12392;&#12358;&#12365;&#12423;&#12358;</rt>"
             b"<rp>)</rp></ruby> Bay.</p>", [Block("paragraph", "They swam in \u6771\u4eac Bay.")]),
    # a list's item holding a list, or paragraphs: walked into, as a div is (its text and each sub-item a paragraph)
    "nested-li": (b"<ul><li>Otters<ul><li>Sea otters</li><li>River otters</li></ul></li></ul>",
                  [Block("paragraph", "Otters"), Block("paragraph", "Sea otters"), Block("paragraph", "River otters")]),
    "li-p": (b"<ul><li><p>Otters nap.</p><p>Seals bask.</p></li></ul>",
             [Block("paragraph", "Otters nap."), Block("paragraph", "Seals bask.")]),
    "blockquote": (b"<blockquote><p>Walruses gathered near the pier at dawn.</p></blockquote>",
                   [Block("paragraph", "Walruses gathered near the pier at dawn.")]),
    "h4": (b"<h4>Narwhal season opens</h4>", [Block("subhead", "Narwhal season opens")]),
    "dl": (b"<dl><dt>Otter</dt><dd>A river mammal that uses tools.</dd></dl>",
           [Block("paragraph", "Otter"), Block("paragraph", "A river mammal that uses tools.")]),
    "div": (b"<div>Pelicans returned to the bay this spring.</div>",
            [Block("paragraph", "Pelicans returned to the bay this spring.")]),
    "table": (b"<table><tr><th>Party</th><th>Seats</th></tr><tr><td>LDP</td><td>247</td></tr></table>", []),
    "bare": (b"Loose words stand <em>here</em>.\n", [Block("paragraph", "Loose words stand here.")]),
    # two line breaks in a row (a blank line) end a paragraph of bare text, in a div or in no element
    "div-brbr": (b"<div>Walrus tusks grow slowly.<br><br>Seal pups swim early.</div>",
                 [Block("paragraph", "Walrus tusks grow slowly."), Block("paragraph", "Seal pups swim early.")]),
    "bare-brbr": (b"Loose walrus words.<br>\n<br>\nMore <b>seal</b> words.\n",
                  [Block("paragraph", "Loose walrus words."), Block("paragraph", "More seal words.")]),
    "aside": (b"<aside><h3>Fact box</h3><p>Otters sleep holding hands.</p></aside>", []),
    "nav": (b'<nav><a href="/otters/">Otters</a> <a href="/seals/">Seals</a></nav>', []),
    "footer": (b"<footer><p>Otters were counted by volunteers.</p></footer>", []),
    # a paragraph or box with a class or id is the story's like any other (an editor's centred line, a block
    # group), unless its class or id names a box: an ad slot, a "Related" box, share buttons
    "p.class": (b'<p class="has-text-align-center">Zebras crossed at noon.</p>',
                [Block("paragraph", "Zebras crossed at noon.")]),
    "p#id": (b'<p id="para-7">Herons nested early.</p>', [Block("paragraph", "Herons nested early.")]),
    "div.class": (b'<div class="wp-block-group"><p>Quokkas rested in the shade.</p></div>',
                  [Block("paragraph", "Quokkas rested in the shade.")]),
    "ad": (b'<div class="ad-slot">Advertisement: Quokka Travel</div>', []),
    # a figure that sets a quotation or a table apart (WordPress's pull quote and table blocks) is no photo
    "pullquote": (b'<figure class="wp-block-pullquote"><blockquote><p>Otters never sleep alone.</p></blockquote>'
                  b'</figure>', [Block("paragraph", "Otters never sleep alone.")]),
    # a table that lays out paragraphs (an older page's story in a table's cells) is read through
    "layout-table": (b"<table><tr><td><p>Otters rest in kelp.</p><p>Seals bask on rocks.</p></td></tr></table>",
                     [Block("paragraph", "Otters rest in kelp."), Block("paragraph", "Seals bask on rocks.")]),
    # bare text in a layout table's cells: a paragraph a cell (a cell's end ends a run of bare text)
    "layout-table-bare": (b"<table><tr><td><p>Otters rest in kelp.</p></td><td>Seals bask on rocks.</td>"
                          b"<td>Gulls circle.</td></tr></table>",
                          [Block("paragraph", "Otters rest in kelp."), Block("paragraph", "Seals bask on rocks."),
                           Block("paragraph", "Gulls circle.")]),
    # a centred line inside bare text is a line of its own, as a browser shows it
    "center-in-run": (b"<div>Otters swim. <center>Seals bask.</center> Gulls circle.</div>",
                      [Block("paragraph", "Otters swim."), Block("paragraph", "Seals bask."),
                       Block("paragraph", "Gulls circle.")]),
    # a box's table keeps its cells apart in the box's text
    "aside-table": (b"<aside><h3>Fact box</h3><table><tr><td>Party</td><td>Seats</td></tr></table></aside>", []),
    "figure-table": (b'<figure class="wp-block-table"><table><tr><th>Party</th><th>Seats</th></tr><tr><td>LDP</td>'
                     b'<td>247</td></tr></table></figure>', []),
    "related": (b'<div class="related-box"><h3>Read also</h3><a href="https://example.com/quokkas/">Quokka story</a>'
                b'</div>', []),
    "share": (b'<p class="share-line"><a href="https://twitter.com/intent/tweet?u=1">Tweet</a></p>', []),
    "related-text": (b'<div class="related-note"><p>Otter facts are on page three.</p></div>', []),
    # the story's own boxes of other kinds are walked into, as a div is: a centred line, a contact address,
    # preformatted text, a disclosure and its summary, a section's header or heading group, a pull quote's caption
    "center": (b"<center>Seals bask at noon.</center>", [Block("paragraph", "Seals bask at noon.")]),
    "address": (b"<address>Otter Desk, Kelp Street</address>", [Block("paragraph", "Otter Desk, Kelp Street")]),
    "pre": (b"<pre>Seals: 12\nOtters: 7</pre>", [Block("paragraph", "Seals: 12 Otters: 7")]),
    "details": (b"<details><summary>Otter facts</summary><p>Otters hold hands.</p></details>",
                [Block("paragraph", "Otter facts"), Block("paragraph", "Otters hold hands.")]),
    "header": (b"<header><h3>Otter report</h3></header>", [Block("subhead", "Otter report")]),
    "hgroup": (b"<hgroup><h3>Otter report</h3><p>A kelp story</p></hgroup>",
               [Block("subhead", "Otter report"), Block("paragraph", "A kelp story")]),
    "pullquote-caption": (b"<figure><blockquote>Otters rule.</blockquote><figcaption>An otter, 2020</figcaption>"
                          b"</figure>", [Block("paragraph", "Otters rule."), Block("paragraph", "An otter, 2020")]),
    # a form (a newsletter's sign-up) and a button are no part of the story: kept apart; a video's own text is what
    # a browser that cannot play it shows: nothing
    "form": (b'<form action="/subscribe"><p>Sign up for otter news.</p><input type="email"><button>Subscribe</button>'
             b"</form>", []),
    "button": (b"<button>Load more otters</button>", []),
    "video": (b'<video src="/o.mp4">Your browser cannot play otter video.</video>', []),
    # phrasing markup its class names a box, standing between paragraphs: the box's; in a sentence: the sentence's
    "span.box": (b'<span class="social-title">Share this otter</span>', []),
    "span.box-in-run": (b'<div>Otters swim <span class="comment-count">12</span> laps daily.</div>',
                        [Block("paragraph", "Otters swim 12 laps daily.")]),
    "a.box-in-run": (b'<div>Read the <a class="share-link" href="/x">otter story</a> today.</div>',
                     [Block("paragraph", "Read the otter story today.")]),
    # a heading of the story's own (an h1 below the page's headline) is a subhead
    "h1": (b"<h1>Otters return</h1>", [Block("subhead", "Otters return")]),
    # an element of no known kind (a site's own, a form's label) is text as a browser shows it: inline, its text the
    # run's; a menu is a list; a fieldset's legend and text are lines of their own
    "custom": (b"<my-box>Otters nap in kelp.</my-box>", [Block("paragraph", "Otters nap in kelp.")]),
    "custom-in-run": (b"<div>Otters <kelp-word>nap</kelp-word> well.</div>", [Block("paragraph", "Otters nap well.")]),
    "label": (b"<label>Otter count</label>", [Block("paragraph", "Otter count")]),
    "menu": (b"<menu><li>Otter menu</li></menu>", [Block("paragraph", "Otter menu")]),
    "fieldset": (b"<fieldset><legend>Otter poll</legend>Seals or otters?</fieldset>",
                 [Block("paragraph", "Otter poll"), Block("paragraph", "Seals or otters?")]),
    # phrasing markup holding a block (a linked card, a span around a div): the block's lines apart, as shown
    "a-block": (b'<a href="/otters/"><p>Seals nap.</p></a>', [Block("paragraph", "Seals nap.")]),
    "span-div": (b"<span>Seals <div>nap</div> well.</span>",
                 [Block("paragraph", "Seals"), Block("paragraph", "nap"), Block("paragraph", "well.")]),
    "blockquote-div": (b"<blockquote><div>Otters swim.</div><div>Seals bask.</div></blockquote>",
                       [Block("paragraph", "Otters swim."), Block("paragraph", "Seals bask.")]),
    # an embed written as HTML allows, with no end tag, holds the rest of the story in the parsed tree (libxml2 knows
    # no such element): read through, the story is all there; an empty box records nothing
    "embed": (b'<embed src="/otter.swf">', []),
    "empty-aside": (b"<aside> </aside>", []),
    # an embedded post's quotation (as the network's script finds it) is the story's text: what it quotes, who wrote it
    "tweet": (b'<blockquote class="twitter-tweet"><p lang="en">Otters are great</p>&mdash; Otter Fan (@otterfan) '
              b'<a href="https://twitter.com/otterfan/status/1">June 1, 2020</a></blockquote>'
              b'<script async src="https://platform.twitter.com/widgets.js"></script>',
              [Block("paragraph", "Otters are great"),
               Block("paragraph", "\u2014 Otter Fan (@otterfan) June 1, 2020")]),
    # a definition holding paragraphs is walked into; an empty paragraph or a rule holds nothing
    "dd-p": (b"<dl><dt>Otter</dt><dd><p>Swims.</p><p>Naps.</p></dd></dl>",
             [Block("paragraph", "Otter"), Block("paragraph", "Swims."), Block("paragraph", "Naps.")]),
    "empty-p": (b"<p>&nbsp;</p><p><br></p><hr>", []),
    # a table's caption heads its text; a table inside a table's cell is read once
    "table-caption": (b"<table><caption>Otter counts</caption><tr><td>1</td><td>2</td></tr></table>", []),
    "nested-table": (b"<table><tr><td><table><tr><td>A</td><td>B</td></tr></table></td></tr></table>", []),
    # a form's controls outside a form: kept apart as a button is
    "select": (b"<select><option>Otters</option><option>Seals</option></select>", []),
    "textarea": (b"<textarea>Write about otters</textarea>", []),
}
#: what is kept apart, whole, as a discarded block: a table, a box beside the story, a menu of links
APART = {
    "table": Discarded(kind="other", text="Party | Seats\nLDP | 247"),
    "aside": Discarded(kind="other", text="Fact box Otters sleep holding hands."),
    "nav": Discarded(kind="other", text="Otters Seals"),
    "footer": Discarded(kind="other", text="Otters were counted by volunteers."),
    "ad": Discarded(kind="ad", text="Advertisement: Quokka Travel"),
    "figure-table": Discarded(kind="other", text="Party | Seats\nLDP | 247"),
    "related": Discarded(kind="related", heading="Read also",
                         items=(Item(title="Quokka story", url="https://example.com/quokkas/"),)),
    "share": Discarded(kind="share", items=(Item(title="Tweet", url="https://twitter.com/intent/tweet?u=1"),)),
    "related-text": Discarded(kind="related", text="Otter facts are on page three."),  # (no link: its text)
    "span.box": Discarded(kind="share", text="Share this otter"),
    "form": Discarded(kind="other", text="Sign up for otter news. Subscribe"),
    "aside-table": Discarded(kind="other", text="Fact box Party Seats"),
    "button": Discarded(kind="other", text="Load more otters"),
    "select": Discarded(kind="other", text="Otters Seals"),
    "table-caption": Discarded(kind="other", text="Otter counts\n1 | 2"),
    "nested-table": Discarded(kind="other", text="A | B"),
    "textarea": Discarded(kind="other", text="Write about otters"),
}


def _place(data: bytes, article: jnparse.Article) -> int | None:
    """Where the story's second paragraph starts in ``data`` (its ``<p`` tag), or ``None``: a page whose story
    is not in ``<p>`` elements (a JSON body) or whose text is not in its bytes as it reads (references)."""
    paragraphs = [b for b in article.body if b.kind == "paragraph"]
    if len(paragraphs) < 2:
        return None
    at = data.find(paragraphs[1].text[:25].encode())
    start = data.rfind(b"<p", 0, at) if at >= 0 else -1
    if start < 0:
        return None
    # the <p> opens that paragraph, not an earlier one holding several, split by <br>s (Jiji's 2013 pages)
    return start if _OPENS.fullmatch(data, data.find(b">", start) + 1, at) else None


_OPENS = re.compile(rb"(?:\s|<[^>]*>)*")


def _cases() -> list[object]:
    out: list[object] = []
    for path in PAGES:
        data = path.read_bytes()
        try:
            article = jnparse.parse(data)
        except jnparse.ParseError:
            continue
        at = _place(data, article)
        if at is not None:
            out += [pytest.param(path, at, name, id=f"{path.parent.name}/{path.stem}-{name}") for name in INSERTS]
    return out


_CASES = _cases()


@pytest.mark.parametrize(("path", "at", "name"), _CASES)
def test_what_the_story_holds_is_read_or_discarded(path: Path, at: int, name: str) -> None:
    data = path.read_bytes()
    markup, gained = INSERTS[name]
    before, after = jnparse.parse(data), jnparse.parse(data[:at] + markup + data[at:])
    if name in ("div", "bare", "div-brbr", "bare-brbr", "aside", "nav", "footer", "ad", "related", "share",
                "related-text", "pullquote", "figure-table", "form", "button", "aside-table", "select", "textarea",
                *_TRAFILATURA_MAY_KEEP, *_TRAFILATURA_JOINS) \
            and _by_trafilatura(before, data):
        # the generic reader's body is trafilatura's, read for precision: it takes a lone div of bare text (or
        # bare text alone) for page furniture (read for recall, it takes boilerplate for text on other pages),
        # and drops asides, navs, boxes and figures unseen; of bare text split by a blank line it may keep a part,
        # and of a lone centred line, address, header or caption nothing (a disclosure's summary is its subhead)
        if name in _TRAFILATURA_JOINS:  # (its words, in order, or none: trafilatura runs the blocks together)
            assert [b for b in after.body if b in before.body] == list(before.body)
            added_text = "".join(b.text for b in after.body if b not in before.body)
            assert "".join(added_text.split()) in "".join("".join(b.text for b in gained).split())
        elif name.endswith("brbr") or name in _TRAFILATURA_MAY_KEEP:
            assert [b for b in after.body if b in before.body] == list(before.body)
            assert {b.text for b in after.body if b not in before.body} <= {b.text for b in gained}
        else:
            assert after.body == before.body
        return
    second = next(i for i, b in enumerate(before.body) if b.kind == "paragraph" and i > 0
                  and any(x.kind == "paragraph" for x in before.body[:i]))
    assert after.body == (*before.body[:second], *gained, *before.body[second:])
    added = [d for d in after.discarded if d not in before.discarded]
    assert added == ([APART[name]] if name in APART else [])


#: Inserts of which trafilatura's body keeps a part, or nothing
_TRAFILATURA_MAY_KEEP = ("center", "address", "pre", "details", "header", "hgroup", "pullquote-caption", "span.box",
                         "span.box-in-run", "a.box-in-run", "layout-table-bare", "center-in-run", "custom",
                         "custom-in-run", "label", "menu", "fieldset", "tweet")
#: Inserts whose blocks trafilatura's body runs together ("Otters swim.Seals bask." from a quotation's divs), or drops
_TRAFILATURA_JOINS = ("span-div", "blockquote-div")


def _by_trafilatura(article: jnparse.Article, data: bytes) -> bool:
    """Whether the generic reader took the body from trafilatura (the page marks no ``articleBody``)."""
    return article.site == "generic" and b"articleBody" not in data


def test_most_pages_are_tried() -> None:
    assert len(_CASES) >= 0.75 * len(INSERTS) * len(PAGES)


COPIES = sorted(FIXTURES.glob("*/*.txt")) + sorted(CORPUS.glob("*/*.txt"))
_ITEMS = [Block("paragraph", "Zebrafish counts rose by nine."), Block("paragraph", "Quokka numbers held steady.")]


def _copy_cases() -> list[object]:
    out: list[object] = []
    for path in COPIES:
        text = path.read_text(encoding="utf-8")
        try:
            article = jnparse.parse_text(text)
        except jnparse.ParseError:
            continue
        paragraphs = [i for i, b in enumerate(article.body) if b.kind == "paragraph"]
        if len(paragraphs) >= 2 and (at := text.find(article.body[paragraphs[1]].text[:30])) >= 0:
            out += [pytest.param(path, at, paragraphs[1], mark, id=f"{path.parent.name}/{path.stem}-{name}")
                    for name, mark in (("bullets", "• "), ("dashes", "- "), ("nakaguro", "・"))]
    return out


@pytest.mark.parametrize(("path", "at", "second", "mark"), _copy_cases())
def test_a_copied_list_reads_as_the_pages(path: Path, at: int, second: int, mark: str) -> None:
    # a copy prints a list's items after a marker; the page's <li> has none: the items read alike
    text = path.read_text(encoding="utf-8")
    listed = "".join(f"{mark}{b.text}\n" for b in _ITEMS) + "\n"
    before, after = jnparse.parse_text(text), jnparse.parse_text(text[:at] + listed + text[at:])
    assert after.body == (*before.body[:second], *_ITEMS, *before.body[second:])


def _named_boxes(data: bytes) -> list[bytes]:
    """Each element of the page whose class or id names a box (:func:`box_kind`: its share buttons, its ads, its
    lists of related stories …), serialised, once each (small ones: the page's whole column is not put in)."""
    from lxml import etree, html

    from jnparse.sites.base import box_kind

    found: dict[bytes, None] = {}
    for el in html.fromstring(data).iter():
        if isinstance(el.tag, str) and el.tag not in ("html", "head", "body") and el.keys() and box_kind(el):
            markup = etree.tostring(el, with_tail=False)
            if len(markup) <= 3000:
                found.setdefault(markup)
    return list(found)


@pytest.mark.parametrize("path", [c.values[0] for c in _CASES if c.values[2] == "ul"], ids=lambda p: p.stem)
def test_a_page_s_own_boxes_inside_the_story_are_read_once(path: Path) -> None:
    # the site's own share buttons, ads, offers or lists put into its story: kept out of the body, and recorded once
    # (a reader that finds them by their class wherever they stand must not record them again as a box of the story)
    data = path.read_bytes()
    before = jnparse.parse(data)
    at = _place(data, before)
    assert at is not None
    for markup in _named_boxes(data):
        after = jnparse.parse(data[:at] + markup + data[at:])
        if _by_trafilatura(before, data):
            continue  # (trafilatura's body: what it drops is not seen)
        assert after.body == before.body or markup.startswith(b"<span"), markup[:80]  # (a span is inline text)
        counts = Counter(after.discarded)
        assert all(n <= before.discarded.count(d) + 1 for d, n in counts.items()), markup[:80]


@pytest.mark.parametrize("path", [c.values[0] for c in _CASES if c.values[2] == "ul"], ids=lambda p: p.stem)
def test_a_photo_s_figure_in_the_story_is_a_photo_on_every_site(path: Path) -> None:
    # a figure of no class the site's design writes (an editor's photo) is a photo, its figcaption its caption (else
    # the text it holds, not lost); one without a picture (given by a script) keeps its text as its caption; an empty
    # one (an image a script fills in) records no photo: nothing of any is read as text
    data = path.read_bytes()
    before = jnparse.parse(data)
    at = _place(data, before)
    assert at is not None
    photos = (b'<figure><img src="https://example.com/otter.jpg"><figcaption>An otter at rest.</figcaption></figure>'
              b'<figure><img src="https://example.com/seal.jpg"><p>A seal asleep.</p></figure><figure></figure>'
              b"<figure>Otter cam 3</figure>")
    after = jnparse.parse(data[:at] + photos + data[at:])
    added = [(i.url, i.caption, i.credit) for i in after.images if i not in before.images]
    if before.site == "generic" and b"<article" not in data and b"<main" not in data:
        # the generic reader reads the photos of an <article> or <main> only (a page's others are its chrome's)
        assert added == []
    else:
        assert added == [("https://example.com/otter.jpg", "An otter at rest.", None),
                         ("https://example.com/seal.jpg", "A seal asleep.", None), (None, "Otter cam 3", None)]
    assert after.body == before.body
    assert [d for d in after.discarded if d not in before.discarded] == []


@pytest.mark.parametrize("path", [c.values[0] for c in _CASES if c.values[2] == "ul"], ids=lambda p: p.stem)
def test_a_footer_in_the_story_of_a_page_cut_before_its_own(path: Path) -> None:
    # a download cut short before the site's footer, whose story holds a <footer> of its own: a reader that cuts
    # the page at its last <footer> before parsing must not lose the rest of the story there
    data = path.read_bytes()
    end = data.rfind(b"<footer")  # (no footer: cut before </body>, as a download cut short is)
    data = data[: end if end >= 0 else data.rfind(b"</body")]
    try:
        before = jnparse.parse(data)
    except jnparse.NotAnArticleError:  # (a page whose story a cut this short leaves unread)
        return
    at = _place(data, before)
    if at is None:
        return
    after = jnparse.parse(data[:at] + b"<footer><p>Otters were counted by volunteers.</p></footer>" + data[at:])
    if not _by_trafilatura(before, data):
        assert after.body == before.body
        assert APART["footer"] in after.discarded


@pytest.mark.parametrize(("path", "at", "second", "mark"), _copy_cases())
def test_a_copied_rule_of_marks_reads_as_written(path: Path, at: int, second: int, mark: str) -> None:
    # a line of list markers alone ("- - -", "・・・", "* * *" between two parts of a story) is no list item: it lost
    # its first mark ("- -"), and the generic reader's "----------" a hyphen
    text = path.read_text(encoding="utf-8")
    rule = {"• ": "• • •", "- ": "- - -", "・": "・・・"}[mark]
    before, after = jnparse.parse_text(text), jnparse.parse_text(text[:at] + rule + "\n\n" + text[at:])
    assert after.body == (*before.body[:second], Block("paragraph", rule), *before.body[second:])
