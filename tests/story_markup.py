"""Markup a story may hold, for the site tests that put it into a page's story (tests/test_site_kyodo.py,
tests/test_site_mainichi.py, tests/test_site_asahi.py, tests/test_site_japanforward.py): what each element reads
as, written from the markup."""

from __future__ import annotations

import jnparse
from jnparse.model import Discarded

#: Boxes a story may hold: a bare div with a paragraph in it, a quotation with no paragraph, a list, a minor
#: subhead, inline markup over a line break, code, a comment and a table (``{list}``: "ul" or "ol").
HOLDS = ('<div>Bare text in a box,<p>a paragraph in it,</p>and its tail.</div>'
         '<blockquote>A quotation with no paragraph.</blockquote>'
         '<{list}>\n<li>One item.</li>\n<li><p>An item with a paragraph.</p></li>\n</{list}>'
         '<h4>A minor subhead</h4>'
         '<section><span>Text in a span</span> and <a href="/x">a link</a>,<br>over a line break.</section>'
         '<script>var x = "code";</script><!-- a note -->'
         '<table><caption>Seats</caption><tr><th>Party</th><th>Seats</th></tr><tr><td>LDP</td><td>247</td></tr>'
         '</table>')
#: the body blocks HOLDS reads as, in order
HELD_BLOCKS = [
    ("paragraph", "Bare text in a box,"), ("paragraph", "a paragraph in it,"), ("paragraph", "and its tail."),
    ("paragraph", "A quotation with no paragraph."), ("paragraph", "One item."),
    ("paragraph", "An item with a paragraph."), ("subhead", "A minor subhead"),
    ("paragraph", "Text in a span and a link, over a line break."),
]
#: the discarded block HOLDS' table reads as
HELD_TABLE = Discarded(kind="other", text="Seats\nParty | Seats\nLDP | 247")


def assert_holds_read_in_place(page: str, before_text: str, list_tag: str) -> None:
    """:data:`HOLDS` put into ``page``'s story before the text ``before_text`` (the start of its second paragraph):
    the body reads :data:`HELD_BLOCKS` in that place, the table is discarded first, and the photos stay."""
    at = page.index(before_text)
    before = jnparse.parse(page)
    after = jnparse.parse(page[:at] + HOLDS.format(list=list_tag) + page[at:])
    assert [(b.kind, b.text) for b in after.body] == [
        *((b.kind, b.text) for b in before.body[:1]), *HELD_BLOCKS, *((b.kind, b.text) for b in before.body[1:])]
    assert after.discarded == (HELD_TABLE, *before.discarded)
    assert after.images == before.images


#: Boxes a story may hold, for the AJW's and JAPAN Forward's readers: a list, quotations with and without
#: paragraphs, minor headings, a bare div with a link, code, a paragraph and a tail, a table and an aside
BOXES = """<ul><li>One <b>item</b>.</li><li>Another.</li></ul>
<blockquote>A quoted line.</blockquote>
<blockquote><p>A quoted paragraph.</p><p>And another.</p></blockquote>
<h4>Minor</h4><h6>Least</h6>
<div>A bare div, <a href="/x">linked</a>.<script>var x = 1;</script><p>Its paragraph.</p>Its tail text.</div>
<table><tr><th>Party</th><th>Seats</th></tr><tr><td>LDP</td><td>247</td></tr></table>
<aside><p>A box of its own.</p></aside>
"""
#: the body blocks BOXES reads as, in order
BOXES_BLOCKS = [
    ("paragraph", "One item."), ("paragraph", "Another."), ("paragraph", "A quoted line."),
    ("paragraph", "A quoted paragraph."), ("paragraph", "And another."), ("subhead", "Minor"), ("subhead", "Least"),
    ("paragraph", "A bare div, linked."), ("paragraph", "Its paragraph."), ("paragraph", "Its tail text."),
]
#: the discarded blocks BOXES' table and aside read as, in order
BOXES_KEPT_APART = [("other", "Party | Seats\nLDP | 247"), ("other", "A box of its own.")]


def _boxed() -> str:
    """An XPath test that holds where :func:`jnparse.sites.base.box_kind` names a box: a word of the element's class
    or id (lower-cased, split at what is no letter) is one of ``BOX_WORDS``. (Only the punctuation and digits class
    names hold are split at: enough for the pages the tests read.)"""
    from jnparse.sites.base import BOX_WORDS

    apart = "-_0123456789.:/\t\n\r"
    words = f"translate(concat(' ', @class, ' ', @id, ' '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ{apart}', " \
            f"'abcdefghijklmnopqrstuvwxyz{' ' * len(apart)}')"
    return " or ".join(f"contains({words}, ' {word} ')" for word in BOX_WORDS)


def _phrasing() -> str:
    """An XPath test that holds on phrasing markup (:data:`jnparse.sites.base.INLINE_TAGS`)."""
    from jnparse.sites.base import INLINE_TAGS

    return " or ".join(f"self::{tag}" for tag in sorted(INLINE_TAGS))


_PHRASING = _phrasing()
#: Phrasing markup that stands between blocks (:func:`jnparse.sites.base.phrasing_box`): the nearest sibling before
#: it and the nearest after it that is an element or holds text are no text and no phrasing markup
_ALONE = (f"not(preceding-sibling::node()[self::* or normalize-space()][1][self::text() or {_PHRASING}])"
          f" and not(following-sibling::node()[self::* or normalize-space()][1][self::text() or {_PHRASING}])")

#: An XPath test for an element whose class or id names a box (an ad slot, a "Related" box), phrasing markup only
#: where it stands between blocks: the story walks keep such an element apart, as a discarded block of that kind
BOXED = f"({_boxed()}) and (not({_PHRASING}) or ({_ALONE}))"

#: An XPath test on a figure that holds a photo's box, not a quotation or table set apart
#: (:func:`jnparse.sites.base.is_text_figure`): a picture in it, or neither a quotation nor a table
PHOTO_FIGURE = ("not(.//blockquote or .//table) or .//img or .//picture or .//video or .//iframe or .//object"
                " or .//embed or .//svg or .//canvas or .//amp-img")

#: An XPath test on a table that holds data, which the story walks keep apart, not one that lays out paragraphs
#: (:func:`jnparse.sites.base.lays_out`), which they walk into
DATA_TABLE = "self::table[not(.//p or .//h2 or .//h3 or .//h4 or .//h5 or .//h6)]"

#: An XPath test for what a story walk keeps apart by its name (base.APART, a table aside): an aside, a nav, a footer,
#: a form, a button
APART_TAGS = ("self::aside or self::nav or self::footer or self::form or self::button or self::select"
              " or self::textarea")
#: An XPath test for what a story walk reads no text in (base.NOT_TEXT_TAGS)
NOT_TEXT = ("self::script or self::style or self::noscript or self::template or self::iframe or self::svg"
            " or self::video or self::audio or self::canvas")

#: An XPath test for a story's text block, read whole (base.STORY_BLOCKS): a paragraph, a heading, and a list's item,
#: term or definition unless it holds blocks of its own (base.holds_blocks: a list, paragraphs), which is walked into
_ITEM_BLOCKS = ("descendant::ul or descendant::ol or descendant::dl or descendant::p or descendant::div"
                " or descendant::blockquote or descendant::table or descendant::pre or descendant::figure")
TEXT_BLOCK = (f"self::p or ((self::li or self::dt or self::dd) and not({_ITEM_BLOCKS}))"
              " or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6")
#: An XPath test for the headline in a story's box ($c), kept out of the body (base.without_headline): an h1 before the
#: box's first paragraph (one after it is a subhead)
HEADLINE = "self::h1[not(preceding::p[ancestor::*[count(. | $c) = 1]])]"
