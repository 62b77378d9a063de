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

from ._text import squash
from .model import Discarded, Item

_BULLET = re.compile(r"^[-•・*–]\s*(.*)$")


@attrs.frozen
class TextCopy:
    """The input of ``parse_text``: its non-blank lines (white space squashed), the URL and fetch time."""

    lines: tuple[str, ...]
    url: str | None = None
    reference: dt.datetime | None = None

    @classmethod
    def from_text(cls, text: str, *, url: str | None = None, reference: dt.datetime | None = None) -> TextCopy:
        raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        lines = tuple(s for s in (squash(x) for x in raw.split("\n")) if s)
        return cls(lines=lines, url=url, reference=reference)


def is_bullet(line: str) -> bool:
    return _BULLET.match(line) is not None


def list_blocks(
    lines: Sequence[str],
    heading_kind: Callable[[str], str | None],
) -> tuple[list[str], list[Discarded], list[str]]:
    """Split ``lines`` at the first sidebar heading: ``(lines before, blocks, leftover lines)``.

    ``heading_kind(line)`` names the kind of block a heading line opens (``None`` when the line is
    not a heading). Each block's items are "-" lines followed by a title line, or "- Title" lines.
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


__all__ = ["TextCopy", "is_bullet", "list_blocks"]
