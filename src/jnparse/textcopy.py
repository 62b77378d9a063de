"""Plain-text copies of pages ("the visible text"): lines in, pieces out.

A text copy is a list of lines. Every non-blank line must end up in exactly one place: a field,
the body, or a discarded block. The helpers here keep that accounting simple: they hand each
line to one consumer and return what is left.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

import attrs

from ._text import WIDE_CHAR, squash
from .model import Article, Block, Discarded, Item

_BULLET = re.compile(r"^[-•・*–]\s*(.*)$")
#: an item of a numbered list: its number alone ("1", "1.", "(1)"), or before its title ("1. Title", "1) Title")
_RANK = re.compile(r"^\(?(\d{1,2})(?:[.)]|(?=$))\s*(.*)$")


@attrs.frozen
class TextCopy:
    """The input of ``parse_text``: its non-blank lines (white space squashed), the URL and fetch time."""

    lines: tuple[str, ...]
    url: str | None = None
    reference: dt.datetime | None = None
    #: the width the copy's lines were hard-wrapped at (a terminal or e-mail copy), when they were joined back
    unwrapped: int | None = None
    #: how many links a terminal browser's dump numbered ("[12]Title", ``lynx -dump``), their numbers and the
    #: list of their addresses at its end left out; 0 for any other copy
    link_numbers: int = 0

    @classmethod
    def from_text(cls, text: str, *, url: str | None = None, reference: dt.datetime | None = None) -> TextCopy:
        raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        raw_lines = raw.split("\n")
        squashed = [squash(x) for x in raw_lines]
        links = _references(squashed)
        if links:
            squashed = squashed[:links[0]]
        # how far each line is indented: a terminal browser wraps a list item, indented deeper than a paragraph,
        # at fewer characters of its own
        indents = [len(x) - len(x.lstrip(" ")) if x[:1] == " " else 0 for x in raw_lines[:len(squashed)]]
        width = wrap_width(squashed, indents, dump=links is not None)
        if width is not None:
            squashed = unwrap(squashed, width, indents)  # (as wrapped: with the link numbers)
        if links:
            squashed = _without_link_numbers(squashed, links[1])
        lines = tuple(s for s in squashed if s)
        return cls(lines=lines, url=url, reference=reference, unwrapped=width, link_numbers=links[1] if links else 0)


# -- terminal browsers' dumps ---------------------------------------------------------------------------
# ``lynx -dump`` writes each link's number before its text ("[12]Title", "* [3]Politics") and ends with a
# "References" section listing the addresses by number; the page's <link> tags open it as "#[1]Feed" lines.
# None of that is the page's text. It is told by that closing list: numbers in a row, each an address.

_REFERENCE = re.compile(r"^(\d{1,5})\. \S+$")
_LINK_NUMBER = re.compile(r"\[(\d{1,5})\]")
_HEAD_LINKS = re.compile(r"^#\[\d{1,5}\]")
_DUMP_MARKS = re.compile(r"\[(?:IMG|INLINE|LINK|BUTTON|image)\]")


def _references(lines: Sequence[str]) -> tuple[int, int] | None:
    """Where a dump's closing "References" list starts and how many links it numbers, or ``None``."""
    for at in range(len(lines) - 1, -1, -1):
        if lines[at] == "References":
            break
    else:
        return None
    count = 0
    for line in lines[at + 1:]:
        if not line or line in ("Visible links:", "Hidden links:", "Visible links", "Hidden links"):
            continue
        m = _REFERENCE.match(line)
        if m is None or int(m.group(1)) != count + 1:
            return None  # a "References" heading of the page's own, above other text
        count += 1
    return (at, count) if count else None


def _without_link_numbers(lines: Sequence[str], count: int) -> list[str]:
    """``lines`` without a dump's link numbers (those it lists: a "[3]" of the page's text stays) and the lines
    its <link> tags became."""
    def drop(m: re.Match[str]) -> str:
        return "" if int(m.group(1)) <= count else m.group(0)

    out = []
    for line in lines:
        if _HEAD_LINKS.match(line):
            continue
        if "[" in line:
            line = squash(_DUMP_MARKS.sub("", _LINK_NUMBER.sub(drop, line)))
        out.append(line)
    return out


# -- hard-wrapped copies -------------------------------------------------------------------------------
# A copy saved from a terminal browser (lynx -dump, w3m), an e-mail or a text editor has its paragraphs broken
# into lines of at most some 60-100 characters. Each such line would read as a paragraph of its own. The
# width shows in the lines: many end within a few characters of it, none that could have been broken is
# longer, and the line after a full one goes on with the sentence. A line break is the wrap's when the
# next line's first word would not have fitted on the line; else it is the copy's own.

_WRAP_MIN, _WRAP_MAX = 40, 120
#: A line's end that closes a sentence (or a quotation of one, a list's lead-in), in English or in Japanese ("。")
SENTENCE_END = re.compile(r"[.!?:;\"”’)…。！？」』]$")


def wrap_width(lines: Sequence[str], indents: Sequence[int] = (), *, dump: bool = False) -> int | None:
    """The width ``lines`` (squashed, blank ones kept; ``indents``: the spaces each was indented by, none when
    not given) were hard-wrapped at, or ``None`` when they were not. A terminal browser's ``dump`` is wrapped
    whatever its lines say (a page's lists of headlines go on in capitals)."""
    sizes = [len(line) + (indents[i] if i < len(indents) else 0) for i, line in enumerate(lines)]
    prose = [sizes[i] for i, line in enumerate(lines) if line.count(" ") >= 2]
    if len(prose) < 3:
        return None
    width = max(prose)
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None  # a paragraph longer than any wrap width: the copy keeps its paragraphs whole
    # the full lines another line follows: a wrap broke them inside a sentence, where the next line goes on
    # in small letters or the line ends on a word in small letters ("… the largest increase in"); a copy's
    # own lines end sentences, and a list of headlines in title case ends on capitals
    broken = [i for i, line in enumerate(lines[:-1])
              if line.count(" ") >= 2 and sizes[i] >= width - 15 and lines[i + 1]]
    if len(broken) < 2:
        return None
    going_on = sum(1 for i in broken if lines[i + 1][0].islower() or lines[i].endswith(",")
                   or (lines[i].rsplit(" ", 1)[-1][:1].islower() and not SENTENCE_END.search(lines[i])))
    # a copy's own lines show none of this (not one in the project's copies); a wrapped one shows it in a third
    # of its full lines at the least (names and title-case headlines go on in capitals)
    return width if dump or (going_on >= 2 and going_on * 3 >= len(broken)) else None


def unwrap(lines: Sequence[str], width: int, indents: Sequence[int] = ()) -> list[str]:
    """``lines`` with each line the wrap broke joined to the one before it; blank lines and bullets stay
    where they are. ``indents``: the spaces each line was indented by, none when not given."""
    out: list[str] = []
    before = ""  # the line before, as the copy printed it
    before_indent = 0
    for i, line in enumerate(lines):
        # (a wrap may put a dash that goes on with the sentence, "-- a trend", at a line's start: no list item)
        if before and line and (not is_bullet(line) or line.startswith("--")) \
                and before_indent + len(before) + 1 + len(line.split(" ", 1)[0]) > width:
            # a wrap at a word's own hyphen ("Indo-" / "Pacific") leaves no space out, nor one inside Japanese,
            # which is written without spaces ("確保す" / "る。"), as a browser joins the lines of its source
            joint = "" if ((before.endswith("-") and before[-2:-1].isalpha() and line[0].isalpha())
                           or (WIDE_CHAR.match(before[-1]) and WIDE_CHAR.match(line[0]))) else " "
            out[-1] = f"{out[-1]}{joint}{line}"
        else:
            out.append(line)
        before = line
        before_indent = indents[i] if i < len(indents) else 0
    return out


def is_subhead_line(line: str) -> bool:
    """Whether a copy's line reads as a subhead of the story: ten words at most (80 characters), a capital first, and
    no sentence's end (:data:`SENTENCE_END`)."""
    words = line.split()
    return 0 < len(words) <= 10 and not SENTENCE_END.search(line) and line[0].isupper() and len(line) <= 80


def is_bullet(line: str) -> bool:
    return list_item(line) is not None


def list_item(line: str) -> str | None:
    """The text of a list item's line ("- Shoes with a good grip" → "Shoes with a good grip"; a bullet on a
    line of its own → ""), or ``None`` when the line is no list item. A line of marks alone ("- - -", "* * *",
    "・・・", "----------": a rule between two parts of a story) is none: it reads as written."""
    m = _BULLET.match(line)
    if m is None:
        return None
    rest = m.group(1).strip()
    return rest if not rest or _has_word(rest) else None


def _has_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit (of any script): no rule of marks."""
    return any(c.isalnum() for c in text)


def list_blocks(
    lines: Sequence[str],
    heading_kind: Callable[[str], str | None],
) -> tuple[list[str], list[Discarded], list[str]]:
    """Split ``lines`` at the first sidebar heading: ``(lines before, blocks, leftover lines)``.

    ``heading_kind(line)`` names the kind of block a heading line opens (``None`` when the line is
    not a heading). Each block's items are "-" lines followed by a title line, or "- Title" lines, or
    (in a copy that prints no list markers) the title lines right under the heading.
    A block's ``text`` holds its lines as printed, so nothing is lost; lines after the last block
    that are not items are returned as leftovers.
    """
    start = next((i for i, ln in enumerate(lines) if heading_kind(ln)), len(lines))
    before = list(lines[:start])
    blocks: list[Discarded] = []
    leftovers: list[str] = []
    i = start
    while i < len(lines):
        heading = lines[i]
        kind = heading_kind(heading) or "other"
        i += 1
        items: list[Item] = []
        raw: list[str] = [heading]
        if i < len(lines) and (first_rank := _RANK.match(lines[i])) is not None and first_rank.group(1) == "1":
            # a numbered list ("1" / title, or "1. Title"), as a copy tool writes an ordered list or a ranking's
            # printed ranks: its numbers in order
            number = 1
            while i < len(lines) and not heading_kind(lines[i]) and (m := _RANK.match(lines[i])) \
                    and int(m.group(1)) == number:
                rest = m.group(2)
                raw.append(lines[i])
                i += 1
                if not rest:
                    if i >= len(lines) or heading_kind(lines[i]) or _RANK.match(lines[i]):
                        break
                    rest = lines[i]
                    raw.append(rest)
                    i += 1
                items.append(Item(title=rest))
                number += 1
        elif i < len(lines) and not is_bullet(lines[i]):
            # a copy that prints no list markers (a copy tool that drops them): the titles follow the heading
            while i < len(lines) and not heading_kind(lines[i]) and _is_item_title(lines[i]):
                items.append(Item(title=lines[i]))
                raw.append(lines[i])
                i += 1
        while i < len(lines) and not heading_kind(lines[i]):
            m = _BULLET.match(lines[i])
            if not m:
                break
            rest = m.group(1).strip()
            if not rest and (i + 1 >= len(lines) or is_bullet(lines[i + 1])):
                break  # empty list items in a row: another list (menus, ads) starts here
            raw.append(lines[i])
            i += 1
            if rest:
                items.append(Item(title=rest))
            elif i < len(lines) and not heading_kind(lines[i]):
                items.append(Item(title=lines[i]))
                raw.append(lines[i])
                i += 1
        blocks.append(Discarded(kind=kind, heading=heading, items=tuple(items), text="\n".join(raw)))
        # lines that follow a block but are neither items nor a heading: the page's footer
        while i < len(lines) and not heading_kind(lines[i]):
            leftovers.append(lines[i])
            i += 1
    return before, blocks, leftovers


#: a copyright line ("© 2024 …", "(c) …", "Copyright …"): a page's footer, never its story (``match`` it)
COPYRIGHT_LINE = re.compile(r"(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
_ALL_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
#: the networks a share bar names, each a line of a copy ("-" / "X" / "-" / "Facebook")
SHARE_NETWORKS = frozenset({"X", "Twitter", "Facebook", "LINE", "Line", "Email", "E-mail", "Reddit", "LinkedIn",
                            "Print", "Hatena", "Pocket", "Copy link"})


def _is_item_title(line: str) -> bool:
    """Whether a line under a list's heading reads as a story's title (three words or more, no closing full
    stop but a cut title's "...", no copyright line): a list printed without markers."""
    return (3 <= len(line.split()) <= 40 and (not line.endswith(".") or line.endswith("..."))
            and not COPYRIGHT_LINE.match(line) and not _ALL_RIGHTS.match(line))


#: a list item's marker before its text in a copy ("• ", "- ", "・" with or without a space), not a dash opening
#: a sentence ("-- ", "—"); a line of marks alone ("* * *") is a rule, no item (:func:`_has_word`)
_ITEM_MARK = re.compile(r"^(?:・\s*|(?:[•*]|-(?!-)|–)\s+)(?=\S)")


def without_list_markers(article: Article) -> Article:
    """``article`` (read from a text copy) with the list markers a copy prints before the items of a list in the
    story ("• Zebrafish counts rose") gone from its paragraphs, as the page's ``<li>`` reads: the copy and the
    page give the same body."""
    if not any(b.kind == "paragraph" and _ITEM_MARK.match(b.text) for b in article.body):
        return article
    body = [Block("paragraph", b.text[m.end():])
            if b.kind == "paragraph" and (m := _ITEM_MARK.match(b.text)) and _has_word(b.text[m.end():]) else b
            for b in article.body]
    return attrs.evolve(article, body=tuple(body))


__all__ = [
    "SENTENCE_END", "TextCopy", "is_bullet", "is_subhead_line", "list_blocks", "list_item", "without_list_markers",
]
