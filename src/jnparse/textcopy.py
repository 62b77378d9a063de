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

from ._text import WIDE, squash
from .model import Discarded, Item

_BULLET = re.compile(r"^[-•・*–]\s*(.*)$")


@attrs.frozen
class TextCopy:
    """The input of ``parse_text``: its non-blank lines (white space squashed), the URL and fetch time."""

    lines: tuple[str, ...]
    url: str | None = None
    reference: dt.datetime | None = None
    #: the width the copy's lines were hard-wrapped at (a terminal or e-mail copy), when they were joined back
    unwrapped: int | None = None

    @classmethod
    def from_text(cls, text: str, *, url: str | None = None, reference: dt.datetime | None = None) -> TextCopy:
        raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        squashed = [squash(x) for x in raw.split("\n")]
        width = wrap_width(squashed)
        if width is not None:
            squashed = unwrap(squashed, width)
        lines = tuple(s for s in squashed if s)
        return cls(lines=lines, url=url, reference=reference, unwrapped=width)


# -- hard-wrapped copies -------------------------------------------------------------------------------
# A copy saved from a terminal browser (lynx -dump, w3m), an e-mail or a text editor has its paragraphs broken
# into lines of at most some 60-100 characters. Each such line would read as a paragraph of its own. The
# width shows in the lines: many end within a few characters of it, none that could have been broken is
# longer, and the line after a full one goes on with the sentence. A line break is the wrap's when the
# next line's first word would not have fitted on the line; else it is the copy's own.

_WRAP_MIN, _WRAP_MAX = 40, 120
_WIDE_CHAR = re.compile(f"[{WIDE}]")
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width ``lines`` (squashed, blank ones kept) were hard-wrapped at, or ``None`` when they were not."""
    prose = [line for line in lines if line.count(" ") >= 2]
    if len(prose) < 3:
        return None
    width = max(len(line) for line in prose)
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None  # a paragraph longer than any wrap width: the copy keeps its paragraphs whole
    # the full lines another line follows: a wrap broke them inside a sentence, where the next line goes on
    # in small letters or the line ends on a word in small letters ("… the largest increase in"); a copy's
    # own lines end sentences, and a list of headlines in title case ends on capitals
    broken = [i for i, line in enumerate(lines[:-1])
              if line.count(" ") >= 2 and len(line) >= width - 15 and lines[i + 1]]
    if len(broken) < 2:
        return None
    going_on = sum(1 for i in broken if lines[i + 1][0].islower() or lines[i].endswith(",")
                   or (lines[i].rsplit(" ", 1)[-1][:1].islower() and not lines[i].endswith(_SENTENCE_END)))
    # a copy's own lines show none of this (not one in the project's copies); a wrapped one shows it in a third
    # of its full lines at the least (names and title-case headlines go on in capitals)
    return width if going_on >= 2 and going_on * 3 >= len(broken) else None


def unwrap(lines: Sequence[str], width: int) -> list[str]:
    """``lines`` with each line the wrap broke joined to the one before it; blank lines and bullets stay
    where they are."""
    out: list[str] = []
    before = ""  # the line before, as the copy printed it
    for line in lines:
        if before and line and not is_bullet(line) and len(before) + 1 + len(line.split(" ", 1)[0]) > width:
            # a wrap at a word's own hyphen ("Indo-" / "Pacific") leaves no space out, nor one inside Japanese,
            # which is written without spaces ("確保す" / "る。"), as a browser joins the lines of its source
            joint = "" if ((before.endswith("-") and before[-2:-1].isalpha() and line[0].isalpha())
                           or (_WIDE_CHAR.match(before[-1]) and _WIDE_CHAR.match(line[0]))) else " "
            out[-1] = f"{out[-1]}{joint}{line}"
        else:
            out.append(line)
        before = line
    return out


def is_bullet(line: str) -> bool:
    return _BULLET.match(line) is not None


def list_item(line: str) -> str | None:
    """The text of a list item's line ("- Shoes with a good grip" → "Shoes with a good grip"; a bullet on a
    line of its own → ""), or ``None`` when the line is no list item."""
    m = _BULLET.match(line)
    return None if m is None else m.group(1).strip()


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
        if i < len(lines) and not is_bullet(lines[i]):
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


__all__ = ["TextCopy", "is_bullet", "list_blocks", "list_item"]
