"""Markup a story may hold, for the site tests that put it into a page's story (tests/test_site_kyodo.py,
tests/test_site_mainichi.py): what each element reads as, written from the markup."""

from __future__ import annotations

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


def _boxed() -> str:
    """An XPath test that holds where :func:`jnparse.sites.base.box_kind` names a box: a word of the element's class
    or id (lower-cased, split at what is no letter) is one of ``BOX_WORDS``. (Only the punctuation and digits class
    names hold are split at: enough for the pages the tests read.)"""
    from jnparse.sites.base import BOX_WORDS

    apart = "-_0123456789.:/\t\n\r"
    words = f"translate(concat(' ', @class, ' ', @id, ' '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ{apart}', " \
            f"'abcdefghijklmnopqrstuvwxyz{' ' * len(apart)}')"
    return " or ".join(f"contains({words}, ' {word} ')" for word in BOX_WORDS)


#: An XPath test for an element whose class or id names a box (an ad slot, a "Related" box): the story walks keep
#: such an element apart, as a discarded block of that kind
BOXED = _boxed()

#: An XPath test on a figure that holds a photo's box, not a quotation or table set apart
#: (:func:`jnparse.sites.base.is_text_figure`): a picture in it, or neither a quotation nor a table
PHOTO_FIGURE = ("not(.//blockquote or .//table) or .//img or .//picture or .//video or .//iframe or .//object"
                " or .//embed or .//svg or .//canvas or .//amp-img")

#: An XPath test on a table that holds data, which the story walks keep apart, not one that lays out paragraphs
#: (:func:`jnparse.sites.base.lays_out`), which they walk into
DATA_TABLE = "self::table[not(.//p or .//h2 or .//h3 or .//h4 or .//h5 or .//h6)]"
