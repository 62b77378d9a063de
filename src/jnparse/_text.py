"""Small string helpers shared by every module."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

#: characters a browser shows as nothing (a soft hyphen shows only where a line breaks at it)
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

#: Characters of East Asian Width F, W or H that are not Hangul (CSS Text 3, segment break transformation):
#: kana, CJK ideographs and their punctuation, fullwidth and halfwidth forms.
WIDE = ("\u2e80-\u302d\u3030-\u303e\u3041-\u3096\u3099-\u30ff\u3105-\u312f\u3190-\u31e3\u31f0-\u31ff"
        "\u3220-\u3247\u3250-\u325f\u327f-\u4dbf\u4e00-\ua48c\ua490-\ua4c6\uf900-\ufaff\ufe10-\ufe19"
        "\ufe30-\ufe52\ufe54-\ufe66\ufe68-\ufe6b\uff01-\uff9f\uffe0-\uffe6\uffe8-\uffee\U0001aff0-\U0001b2ff"
        "\U00020000-\U0002fffd\U00030000-\U0003fffd")
#: one such character
WIDE_CHAR = re.compile(f"[{WIDE}]")
_WIDE_BREAK = re.compile(f"[{WIDE}][ \t]*\n[ \t\n]*[{WIDE}]")


def _join_wide_lines(text: str) -> str:
    """``text`` without the line breaks (and the spaces and tabs around them) that stand between two wide
    characters or next to a zero-width space: a browser shows nothing there (CSS Text 3's segment break
    transformation), so Japanese wrapped in a page's source reads unbroken; any other line break reads as a
    space. The breaks are found with ``str.find`` (memchr): a regex scan of a long paragraph costs more than
    squashing it."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text.strip(" \t\n"):
        return text  # breaks at the ends only (a link's text around its block children): nothing on one side
    if text.count("\n") * 16 > len(text) and "\u200b" not in text and _WIDE_BREAK.search(text) is None:
        return text  # many breaks (a table's cells, a pretty-printed list): one regex pass tells none is between
    pieces: list[str] = []
    at = 0
    end = len(text)
    i = text.find("\n")
    while i >= 0:
        start, stop = i, i + 1
        while start > at and text[start - 1] in " \t":
            start -= 1
        while stop < end and text[stop] in " \t\n":
            stop += 1
        if start > 0 and stop < end:
            before, after = text[start - 1], text[stop]
            if before == "\u200b" or after == "\u200b" or (before >= "\u2e80" and after >= "\u2e80"
                                                             and WIDE_CHAR.match(before) and WIDE_CHAR.match(after)):
                pieces.append(text[at:start])
                at = stop
        i = text.find("\n", stop)
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def squash(text: str | None) -> str:
    """Collapse every run of white space (en spaces, no-break spaces, new lines) to one space."""
    if not text:
        return ""
    # most text is clean already: every white-space character but the ASCII space (and every zero-width
    # one) is non-printable, so a printable text without a double, leading or trailing space is its own
    # answer, told in C without splitting it into words
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    # as often, white space at its ends alone (a link's text after a photo's markup: "\n\n\nTitle"): strip() takes
    # every kind a split would, and what is left, printable with no double space, holds no other
    stripped = text.strip()
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    # one-character `in` scans are ~20x cheaper than a regex search over the same string
    if not text.isascii():
        if "\n" in text or "\r" in text:
            text = _join_wide_lines(text)
        if ("\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u200d" in text or "\u2060" in text
                or "\u00ad" in text):
            text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


_SKIPPED = ("script", "style", "noscript", "template")
_SKIPPED_SET = frozenset(_SKIPPED)


def plain_text(el: etree._Element) -> str:
    """The squashed text of an element and all its descendants (serialised in C: ~10x ``itertext``)."""
    return squash(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)


def text_nodes(el: etree._Element) -> list[str]:
    """The text pieces of an element and its descendants, in order: ``list(el.itertext())`` for a parsed
    page (no comments or processing instructions), gathered in C in half the time."""
    return _TEXT_NODES(el)  # type: ignore[no-any-return]


def text_of(el: etree._Element | None, *, skip: Iterable[str] = ()) -> str:
    """The squashed text of an element and its descendants (scripts, styles and ``skip`` tags left out)."""
    if el is None:
        return ""
    if len(el) == 0:
        return squash(el.text)
    skipped = {*_SKIPPED, *skip}
    if next(el.iterdescendants(*skipped), None) is None:
        return plain_text(el)
    parts: list[str] = []
    _collect(el, skipped, parts)
    return squash("".join(parts))


def _collect(el: etree._Element, skipped: set[str], parts: list[str]) -> None:
    # iterative walk: deep trees must not hit the recursion limit
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, done = stack.pop()
        if done:
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if node is not el and isinstance(node.tag, str) and node.tag in skipped:
            if node.tail:
                parts.append(node.tail)
            continue
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))


#: What keeps two blocks' texts apart when they are joined before :func:`squash`: white space to ``str.split``,
#: so it reads as one space, but no line break of the page's source, which squash drops between two wide
#: characters ("<p>東京</p>⏎<p>大阪</p>" is two lines, not "東京大阪").
BLOCK_BREAK = "\u2028"

#: elements a browser sets apart from what stands around them (a line of their own)
BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "aside", "header",
                        "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote", "figure", "figcaption",
                        "table", "tr", "pre",
                        # (a table's cells and caption; the other blocks a browser sets on lines of their own; a
                        # form's parts, which it sets apart: "Email [Sign up]" is no word "EmailSign")
                        "td", "th", "caption", "main", "center", "address", "details", "summary", "hgroup", "menu",
                        "form", "fieldset", "legend", "label", "button", "option",
                        # (a rule: the text before it and after it stand on lines of their own)
                        "hr"})


def block_text(el: etree._Element) -> str:
    """The text of ``el`` with block elements kept apart ("user" + "comment" does not run together): each
    element's text where it starts, its tail where it ends, a break at each start and end of a block element.
    Elements only, as ``iterwalk`` visits them: the text after a comment or processing instruction is not
    read. (One pass of ``iter()``, the ends found by the parents: about half the cost of ``iterwalk``'s
    events.)"""
    parts: list[str] = []
    append = parts.append
    blocks = BLOCK_TAGS
    opened: list[tuple[etree._Element, bool]] = []  # the nodes still open, ``el`` first, innermost last
    for node in el.iter("*"):
        if opened:
            parent = node.getparent()
            while opened[-1][0] is not parent:  # the nodes this one follows have ended (``el`` has not)
                done, block = opened.pop()
                if block:
                    append(BLOCK_BREAK)
                tail = done.tail
                if tail:
                    append(tail)
        tag = node.tag
        block = tag in blocks
        if block:
            append(BLOCK_BREAK)
        text = node.text
        if text and tag not in _SKIPPED_SET:
            append(text)
        opened.append((node, block))
    while opened:  # ``el`` last: its tail is not its text
        done, block = opened.pop()
        if block:
            append(BLOCK_BREAK)
        if done is not el:
            tail = done.tail
            if tail:
                append(tail)
    return squash("".join(parts))


def box_text(el: etree._Element | None, text: Callable[[etree._Element], str] | None = None) -> str:
    """:func:`text_of` for a box of several blocks (a subscribe prompt, an ad slot, a comments section):
    its blocks kept apart by a space even where the page prints no white space between them (a minified
    page's "…subscribers only.</p><p>Subscribe…"), as a browser shows them on lines of their own.

    ``text`` reads a box with no block inside (``text_of`` unless the caller has a faster equal one)."""
    if el is None:
        return ""
    plain = (text or text_of)(el)
    # an empty box (an ad slot's loader) needs no walk; a walk that stops at the first block costs less than
    # iterdescendants() with 22 names (~8 us a call)
    if not plain or not any(node.tag in BLOCK_TAGS for node in el.iterdescendants()):
        return plain
    return block_text(el)


#: written after each cell and each row of a table for :func:`table_text`: format characters no news page's text
#: holds (invisible separator, invisible plus), no white space, and below the wide characters (squash's break
#: rule looks no further at a character before U+2E80)
_CELL_END, _ROW_END = "\u2063", "\u2064"
_CELLS = ("td", "th")


#: What lxml will not write into a tree's text, though libxml2 keeps it from a damaged page: the C0 controls but
#: tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def set_text(el: etree._Element, value: str | None, *, tail: bool = False) -> None:
    """Set an element's text (or its tail). lxml refuses a text holding a character it will not write (a control
    character a damaged page holds, which libxml2 kept) and, refusing it, has already dropped the old text: such
    a text is written with a space for each of those characters (a vertical tab pasted from a word processor is
    a line break), never lost."""
    try:
        if tail:
            el.tail = value
        else:
            el.text = value
    except ValueError:
        clean = writable(value) if value is not None else None
        try:
            if tail:
                el.tail = clean
            else:
                el.text = clean
        except ValueError:  # (a character lxml refuses that the pattern does not name: as the page has it, lost)
            pass


def writable(text: str) -> str:
    """``text`` as :func:`set_text` writes it into a tree: each character lxml will not write a space."""
    return _UNWRITABLE.sub(" ", text)


def table_text(table: etree._Element) -> str:
    """A table's text as a browser lays it out: its caption, then a line per row, the row's cells apart
    ("Party | Seats" ⏎ "LDP | 247"), each cell's own pieces run together ("目<ruby>前</ruby>で" is "目前で").
    Its rows and cells are marked in the tree, then the table is serialised once in C: a serialisation a cell
    costs three times as much. (The marks stay, and its scripts and styles are gone: the caller discards the table.)"""
    if next(table.iter(*_SKIPPED), None) is not None:  # (a script's code is no text: gone, as the table will be)
        etree.strip_elements(table, *_SKIPPED, with_tail=False)
    # one mark a cell (a row's last cell, and the caption, end the row): writing a tail is what costs, ~1 us each
    for cell in table.iter("td", "th", "caption"):
        after = cell.getnext()
        mark = (_CELL_END if after is not None and after.tag in _CELLS else _ROW_END) + (cell.tail or "")
        try:  # (a try costs nothing until it catches; the helper is a call a cell)
            cell.tail = mark
        except ValueError:  # a damaged page's text may hold control characters lxml will not write back
            set_text(cell, mark, tail=True)
    # squashed whole (the marks are no white space; a cell's ends then hold a space at most), then split at the
    # marks, empty cells and rows left out
    text = squash(etree.tostring(table, method="text", encoding="unicode", with_tail=False))
    for mark in (_CELL_END, _ROW_END):
        text = text.replace(" " + mark, mark).replace(mark + " ", mark)
    # an empty cell's mark beside another, or beside a row's end, and an empty row's, say nothing
    for run, mark in ((_CELL_END * 2, _CELL_END), (_CELL_END + _ROW_END, _ROW_END), (_ROW_END + _CELL_END, _ROW_END),
                      (_ROW_END * 2, _ROW_END)):
        while run in text:
            text = text.replace(run, mark)
    return text.replace(_CELL_END, " | ").replace(_ROW_END, "\n").strip(" |\n")


def strip_suffix(title: str, names: Iterable[str]) -> str:
    """Cut a site-name suffix such as `` - The Japan News`` or `` | The Japan Times`` off a title."""
    t = squash(title)
    for name in names:
        for sep in (" | ", " - ", " – ", " — ", " : ", " ｜ "):
            suffix = sep + name
            if t.endswith(suffix) and len(t) > len(suffix):
                return t[: -len(suffix)].rstrip()
    return t
