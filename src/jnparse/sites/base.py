"""What a site module provides, and the pieces every site module builds with.

A site module defines one :class:`Site`: its id, hosts and names, its HTML layouts (newest first;
a new layout is added beside the old one, never over it), a markup fingerprint for pages given
without a URL, and optionally a text-copy reader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from .._text import squash, text_of
from ..datelines import split_dateline
from ..model import Article, Block, Dateline, Discarded, Image, Item
from ..page import Page
from ..textcopy import TextCopy


@attrs.frozen
class Layout:
    """One design of a site's article pages. ``matches`` is cheap; ``extract`` does the work."""

    name: str
    matches: Callable[[Page], bool]
    extract: Callable[[Page], Article]


@attrs.frozen
class Site:
    id: str
    name: str
    hosts: tuple[str, ...]
    names: tuple[str, ...]  # og:site_name values and title suffixes
    layouts: tuple[Layout, ...] = ()
    fingerprint: Callable[[Page], bool] | None = None
    text_signature: Callable[[TextCopy], bool] | None = None
    parse_text: Callable[[TextCopy], Article] | None = None
    #: Reads a JSON document the site serves (NHK's news JSON): the Article, or ``None`` when the
    #: document is not the site's. Called with (decoded JSON, url, fetched time).
    parse_json: Callable[[Any, str | None, dt.datetime | None], Article | None] | None = None
    #: Cuts the page's UTF-8 bytes down to ``<head>`` and the article region before parsing (the
    #: menus, modals and footer around it are most of the parse); ``None`` when its markers are not
    #: found. A pruned parse that yields no body is redone on the whole page.
    prune: Callable[[bytes], bytes | None] | None = None

    def owns_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


def find_bytes(data: bytes, needle: bytes, start: int = 0, *, at: int = 0, limit: int = 64) -> int:
    """``data.find(needle, start)``, found with memchr on ``needle[at]``, a byte that is rare in pages
    (an upper-case letter, ``+``). ``bytes.find`` reads a short needle's haystack a few bytes a cycle
    (~60 us for 100 KB); memchr is ~20x faster. After ``limit`` false candidates it falls back to
    ``bytes.find`` from where it got to."""
    probe = needle[at : at + 1]
    pos = start + at
    for _ in range(limit):
        i = data.find(probe, pos)
        if i < 0:
            return -1
        if data.startswith(needle, i - at):
            return i - at
        pos = i + 1
    # every start before pos - at has been ruled out: a match there would have put the probe byte
    # at a candidate already checked
    return data.find(needle, pos - at)


def prune_between(data: bytes, starts: tuple[bytes, ...], ends: tuple[bytes, ...]) -> bytes | None:
    """``<head>`` plus the bytes from the first of ``starts`` (after ``<body``) to the last of ``ends``.

    Returns ``None`` when ``<body`` or no start marker is found. A missing end marker (a truncated
    download) keeps everything to the end.
    """
    body = data.find(b"<body")
    if body < 0:
        return None
    start = -1
    for marker in starts:
        start = data.find(marker, body)
        if start >= 0:
            break
    if start < 0:
        return None
    end = -1
    for marker in ends:
        end = data.rfind(marker, start)
        if end >= 0:
            break
    view = memoryview(data)  # one copy of the kept bytes, not one per concatenation
    return b"".join((view[:body], b"<body>", view[start:end] if end > start else view[start:]))


# -- body -------------------------------------------------------------------------------------------

_SUBHEAD_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def body_blocks(elements: Iterable[etree._Element], *, subhead_tags: frozenset[str] = _SUBHEAD_TAGS) -> list[Block]:
    """Paragraph and subhead blocks from elements in reading order (empty ones dropped)."""
    out: list[Block] = []
    for el in elements:
        text = text_of(el)
        if not text:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        out.append(Block("subhead" if tag in subhead_tags else "paragraph", text))
    return out


def cut_dateline(blocks: list[Block]) -> tuple[Dateline | None, list[Block]]:
    """Cut the dateline from the first paragraph (only the first block is looked at)."""
    if not blocks or blocks[0].kind != "paragraph":
        return None, blocks
    dateline, rest = split_dateline(blocks[0].text)
    if dateline is None:
        return None, blocks
    return dateline, [Block("paragraph", rest.strip()), *blocks[1:]]


# -- lists kept out of the body ------------------------------------------------------------------------

_A = etree.XPath(".//a[@href]")


def link_items(page: Page, container: etree._Element, title_of: Callable[[etree._Element], str] | None = None,
               links: Callable[[etree._Element], Sequence[etree._Element]] | None = None) -> tuple[Item, ...]:
    """One :class:`Item` per link in ``container`` that has text."""
    found = links(container) if links else _A(container)
    items: list[Item] = []
    if not isinstance(found, list):
        return ()
    for a in found:
        if not isinstance(a, etree._Element):
            continue
        title = title_of(a) if title_of else text_of(a)
        if title:
            items.append(Item(title=title, url=page.absolute(a.get("href"))))
    return tuple(items)


def discard(kind: str, heading: str | None = None, items: Iterable[Item] = (), text: str | None = None) -> Discarded:
    return Discarded(kind=kind, heading=squash(heading) or None, items=tuple(items), text=squash(text) or None)


# -- images -------------------------------------------------------------------------------------------

_SRCSET_FIRST = re.compile(r"^\s*(\S+)")


def img_url(page: Page, img: etree._Element | None) -> str | None:
    if img is None:
        return None
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        v = img.get(attr)
        if v and not v.startswith("data:"):
            return page.absolute(v)
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        m = _SRCSET_FIRST.match(srcset)
        if m:
            return page.absolute(m.group(1))
    return None


def image(url: str | None, caption: str | None, credit: str | None) -> Image:
    return Image(url=url, caption=squash(caption) or None, credit=squash(credit) or None)
