"""What a site module provides, and the pieces every site module builds with.

A site module defines one :class:`Site`: its id, hosts and names, its HTML layouts (newest first;
a new layout is added beside the old one, never over it), a markup fingerprint for pages given
without a URL, and optionally a text-copy reader.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeAlias

import attrs
from lxml import etree

from .._text import BLOCK_TAGS, box_text, squash, table_text, text_of
from ..datelines import split_dateline
from ..loading import COMMENT_END, NAME_END, RAW_END_ANY, RAW_TEXT
from ..model import Article, Block, BlockKind, Dateline, Discarded, Image, Item
from ..page import Page, unarchived_link
from ..structured import ld_url
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
    #: found. A pruned parse that yields no body is redone on the whole page. The caller (api.py) has
    #: checked that the bytes are UTF-8 throughout, the dropped ones too: a prune need not.
    prune: Callable[[bytes], bytes | None] | None = None

    def owns_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


def find_bytes(data: bytes, needle: bytes, start: int = 0, stop: int | None = None, *, at: int = 0,
               limit: int = 64) -> int:
    """``data.find(needle, start, stop)``, found with memchr on ``needle[at]``, a byte that is rare in
    pages (an upper-case letter, ``+``). ``bytes.find`` reads a short needle's haystack a few bytes a
    cycle (~60 us for 100 KB); memchr is ~20x faster. After ``limit`` false candidates it falls back
    to ``bytes.find`` from where it got to; ``at=-1`` (no rare byte) is a plain ``bytes.find``."""
    if stop is None:
        stop = len(data)
    if at < 0 or at >= len(needle):  # no rare byte to look for: a plain find
        return data.find(needle, start, stop)
    probe = needle[at : at + 1]
    pos = start + at
    hi = stop - len(needle) + at + 1  # past the last place the probe byte can stand in a match
    if hi <= pos:
        return -1
    for _ in range(limit):
        i = data.find(probe, pos, hi)
        if i < 0:
            return -1
        if data.startswith(needle, i - at):
            return i - at
        pos = i + 1
    # every start before pos - at has been ruled out: a match there would have put the probe byte
    # at a candidate already checked
    return data.find(needle, pos - at, stop)


def prune_region(data: bytes, starts: tuple[bytes, ...], ends: tuple[bytes, ...]) -> tuple[int, int, int] | None:
    """``(<body, start, end)`` for :func:`prune_between`: where ``<body`` is, where the first of ``starts``
    after it is, and where the last of ``ends`` after that is (``len(data)`` when there is none: a
    truncated download). ``None`` when ``<body`` or no start marker is found."""
    body = data.find(b"<body")
    if body < 0:
        return None
    start = next((i for marker in starts if (i := data.find(marker, body)) >= 0), -1)
    if start < 0:
        return None
    end = next((i for marker in ends if (i := data.rfind(marker, start)) >= 0), -1)
    return body, start, end if end > start else len(data)


def prune_between(data: bytes, starts: tuple[bytes, ...], ends: tuple[bytes, ...]) -> bytes | None:
    """``<head>`` plus the bytes from the first of ``starts`` (after ``<body``) to the last of ``ends``.

    Returns ``None`` when ``<body`` or no start marker is found. A missing end marker (a truncated
    download) keeps everything to the end.
    """
    region = prune_region(data, starts, ends)
    return None if region is None else cut_to(data, *region)


def cut_to(data: bytes, body: int, start: int, end: int, body_tag: bytes = b"<body>") -> bytes:
    """The page's ``<head>`` (the bytes before ``body``), ``body_tag``, then ``data[start:end]``: what a
    prune hands the parser."""
    view = memoryview(data)  # one copy of the kept bytes, not one per concatenation
    return b"".join((view[:body], body_tag, view[start:end]))


#: The attribute a prune puts on an element of the bytes it keeps (``<body>``, ``<article>``) so that the
#: extractor knows the page was cut. Its name holds a per-process random part: a page cannot carry it.
PRUNED_ATTR = "data-jnparse-pruned-" + secrets.token_hex(6)


@attrs.frozen
class CutSeen:
    """What the tree of a page a :class:`TailCut` made shows of the cut."""

    #: the note the prune wrote in the sentinel; ``None`` when the sentinel is not the tree's last element
    #: (the cut fell in a comment or raw text, where it is text): what was open at the cut cannot be told
    note: str | None
    #: the elements open at the cut (the sentinel's ancestors below ``<body>``), innermost first
    open: tuple[etree._Element, ...]


#: how many of the body's first children may be a head's elements moved there ahead of a cut's mark
_MOVED_HEAD = 512


class TailCut:
    """A prune that drops the page's tail marks the cut, and the extractor reads the mark back.

    :meth:`join` writes the page's ``<head>``, a ``<body>`` tag and the bytes kept, then a sentinel element:
    both carry :data:`PRUNED_ATTR` (a page cannot), the body with the cut's name, the sentinel with the name
    and a note. In the tree the sentinel is the last element when the cut fell between tags, and its
    ancestors are the elements that were still open at the cut: they went on in the dropped bytes, and what
    the extractor reads of them the pruned page lacks. :meth:`seen` reads that back; :meth:`cut_short`
    answers the usual question (was anything read open at the cut?).

    When the cut fell in a comment or raw text the sentinel is text, and the marked body tells the cut. A
    page whose head holds text has its body opened before the ``<body>`` tag, which then loses its
    attributes: a void ``<input>`` holding the mark follows the body tag, among the body's first children
    (unless the caller writes a start mark of its own, ``lead``, and reads the cut from that).
    """

    __slots__ = ("_body", "_name", "_start")

    def __init__(self, name: str) -> None:
        self._name = name
        self._body = f'<body {PRUNED_ATTR}="{name}">'.encode()
        self._start = f'<input type="hidden" {PRUNED_ATTR}="{name}">'.encode()

    def join(self, data: bytes, body: int, start: int, end: int, *, lead: bytes = b"", tail: bytes = b"",
             note: str = "") -> bytes:
        """The page's ``<head>`` (``data[:body]``), the marked ``<body>`` tag, ``lead`` (a mark of the caller's,
        which then tells a cut whose body lost its mark) or else the cut's start mark, the kept bytes
        ``data[start:end]``, ``tail`` (what closes them: a script's end tag) and the sentinel holding
        ``note`` (no white space in the name: the note is what follows the first space)."""
        sentinel = f'<span {PRUNED_ATTR}="{self._name} {note}"></span>'.encode()
        view = memoryview(data)  # one copy of the kept bytes, not one per concatenation
        # a caller's lead is its own start mark, which it reads back itself (Japan Today: the article must
        # follow it): the cut's start mark then stays out
        start_mark = b"" if lead else self._start
        return b"".join((view[:body], self._body, lead, start_mark, view[start:end], tail, sentinel))

    def seen(self, root: etree._Element) -> CutSeen | None:
        """The cut as the tree shows it, or ``None`` when the tree is no page this cut made. Takes the
        sentinel out of the tree, so that no read meets it: a second call on the tree finds the cut but
        cannot tell what was open at it."""
        last = root
        while len(last):  # down the last children: the last element in page order
            last = last[-1]
        mark = last.get(PRUNED_ATTR)
        if mark is not None:
            name, space, note = mark.partition(" ")
            if name != self._name:
                return None
            if not space:  # the start mark is the last element: the sentinel after it was read as text
                return CutSeen(None, ())
            ancestors: list[etree._Element] = []
            for el in last.iterancestors():
                if el.tag == "body":
                    break
                ancestors.append(el)
            parent = last.getparent()
            if parent is not None:
                parent.remove(last)  # what the extractor reads holds no element of the cut's
            return CutSeen(note, tuple(ancestors))
        # the sentinel is text (the cut fell in a comment or raw text): the marked body tells the cut, or,
        # when text in the head opened the body before its tag, the mark after that tag
        body = root.find("body")
        if body is None:
            return None
        if body.get(PRUNED_ATTR) == self._name:
            return CutSeen(None, ())
        for i, el in enumerate(body):
            if el.get(PRUNED_ATTR) == self._name:
                return CutSeen(None, ())
            if i >= _MOVED_HEAD:
                break
        return None

    def cut_short(self, root: etree._Element, reads: Callable[[etree._Element], bool]) -> bool:
        """Whether the tree is a page this cut made and an element ``reads`` accepts was open at the cut, or
        what was open cannot be told: the whole page must be read instead."""
        seen = self.seen(root)
        if seen is None:
            return False
        return seen.note is None or any(reads(el) for el in seen.open)


#: A mark a prune looks for in the bytes it drops: the bytes, or ``(bytes, at)`` to find it with memchr
#: on its byte ``at``, one rare in pages (see :func:`find_bytes`).
Mark: TypeAlias = bytes | tuple[bytes, int]


def dropped_holds(data: bytes, ranges: Sequence[tuple[int, int]], marks: Iterable[Mark]) -> bool:
    """Whether any of ``marks`` lies whole within one of ``ranges`` (``(start, stop)`` offsets of the
    bytes a prune drops): then what the extractor reads may be in them, and the page is parsed whole."""
    # plain loops: a prune calls this with a dozen marks, and generator expressions cost more than the finds
    for mark in marks:
        if isinstance(mark, bytes):
            for lo, hi in ranges:
                if data.find(mark, lo, hi) >= 0:
                    return True
        else:
            needle, at = mark
            for lo, hi in ranges:
                if find_bytes(data, needle, lo, hi, at=at) >= 0:
                    return True
    return False


# -- the HTML tokenizer's view of the bytes ---------------------------------------------------------------
# A prune cuts the page at a tag it finds in the bytes, and checks the bytes it drops for tags that matter:
# a "<" in a comment or in the text of a raw-text element (a "<main>" in a script's string) is no tag. These
# walk the page's lower-cased bytes the way libxml2's HTML5 tokenizer (2.14) reads them.

_RAW_END = {name: re.compile(b"</" + name + NAME_END) for name in RAW_TEXT}
#: a script's end tag, or the "<!--" that may start its escaped states
_SCRIPT_END = re.compile(rb"<(?:/script" + NAME_END + rb"|!--)")
_SCRIPT_START = re.compile(rb"<script")
#: the same in any letter case, for TagFinder(any_case=True)
_SCRIPT_END_ANY = re.compile(_SCRIPT_END.pattern, re.IGNORECASE)
_SCRIPT_START_ANY = re.compile(_SCRIPT_START.pattern, re.IGNORECASE)


def in_tag(low: bytes, pos: int, i: int) -> bool:
    """Whether offset ``i`` may sit inside a tag or a bogus comment (``<!x ...>``, ``<?x ...>``): a "<"
    after the last ">" before it (``pos``: where the walk was last in data state). Assumed: no quoted
    attribute value holds a ">" and after it a "<" that would matter (a tag sought, a comment or raw-text
    opener), nor a tag and then the offset sought."""
    gt = low.rfind(b">", pos, i)
    return low.find(b"<", gt + 1 if gt >= 0 else pos, i) >= 0


def name_trie(names: Iterable[bytes]) -> bytes:
    """A regex alternation that matches one of ``names``, spelt as a trie (``s(?:cript|tyle)``): the regex
    engine then rules out most tags on their first letter instead of trying each name in turn."""
    unique = sorted(set(names))
    if len(unique) == 1:
        return re.escape(unique[0])
    prefix = bytes(_common_prefix(unique))
    if prefix:
        return re.escape(prefix) + name_trie([n[len(prefix) :] for n in unique])
    by_first: dict[bytes, list[bytes]] = {}
    for n in unique:
        if n:
            by_first.setdefault(n[:1], []).append(n[1:])
    alternatives = b"|".join(re.escape(first) + name_trie(rest) for first, rest in by_first.items())
    return b"(?:" + alternatives + (b")?" if b"" in unique else b")")


def _common_prefix(names: list[bytes]) -> Iterable[int]:
    for column in zip(*names, strict=False):
        if len(set(column)) > 1:
            return
        yield column[0]


class Unsure(Exception):
    """A walk over the bytes cannot tell how the tokenizer reads them (a cut there is unsafe)."""


#: a tag :meth:`TagFinder.iter` yields: its name as sought (``b"/div"``), where its "<" and its ">" are, and
#: where its text ends (a raw-text element's: the "<" of its end tag; any other's: its ">")
Tag: TypeAlias = tuple[bytes, int, int, int]


class TagFinder:
    """Finds the tags of some names that the tokenizer reads as tags in a stretch of the page's
    lower-cased bytes, skipping comments and the text of raw-text elements to their ends.

    ``names`` are tag names (``b"/main"`` for an end tag); some may be raw-text elements', to be found
    rather than skipped (a ``<title>`` in the body is read). Made once per module: the one compiled
    pattern (a trie of the names) lets the regex engine jump from "<" to "<" (~ a few ``bytes.find``
    calls a page). Whatever the walk cannot place for certain is unsure: a comment, raw-text element or
    tag open where the stretch ends, a tag-like "<" inside another tag, a ``<plaintext>``, or a script
    whose text holds "<!--" then "<script" (the escaped states, where its first end tag may not end it).

    With ``any_case`` the bytes are the page's own (tag names in any letter case, read as the tokenizer
    reads them), for a walk too short to pay for a lower-cased copy; the names found are lower-cased.
    """

    __slots__ = ("_any_case", "_pattern", "_wanted")

    def __init__(self, *names: bytes, any_case: bool = False) -> None:
        self._wanted = frozenset(names)
        self._any_case = any_case
        alternatives = (*names, *(n for n in (*RAW_TEXT, b"plaintext") if n not in self._wanted))
        # a lookahead for the first letters lets the regex engine pass over most "<" without entering the
        # alternation ("<a", "<div", "<span", and the end tags not sought: ~25% less time on a page's chrome)
        firsts = b"".join(sorted({re.escape(n[:1]) for n in alternatives if not n.startswith(b"/")}))
        ends = b"".join(sorted({re.escape(n[1:2]) for n in alternatives if n.startswith(b"/")}))
        ahead = rb"(?=[!" + firsts + rb"]" + (rb"|/[" + ends + rb"]" if ends else b"") + rb")"
        if any_case:
            ahead = re.sub(rb"[a-z]", lambda c: c.group().upper() + c.group(), ahead)  # both cases in the class
        self._pattern = re.compile(rb"<" + ahead + rb"(!--|" + name_trie(alternatives) + NAME_END + rb")",
                                   re.IGNORECASE if any_case else 0)

    def find(self, low: bytes, start: int, stop: int) -> int | None:
        """The offset of the first tag found in ``low[start:stop]`` (``start``: an offset in the
        tokenizer's data state, a "<" there opening a tag); ``-1`` when there is none and ``stop`` falls
        between tags, outside comments and raw text; ``None`` when that cannot be told (unsure)."""
        try:
            m = self._next(low, start, stop)
        except Unsure:
            return None
        return -1 if m is None else m.start()

    def iter(self, low: bytes, start: int, stop: int) -> Iterator[Tag]:
        """Each tag found in ``low[start:stop]`` in turn (see :data:`Tag`; a raw-text element's text is
        skipped after it is yielded); raises :class:`Unsure` where the walk cannot tell, at ``stop`` too
        (when it falls in a comment, raw text or a tag)."""
        pos = start
        while True:
            m = self._next(low, pos, stop)
            if m is None:
                return
            name = m.group(1).lower() if self._any_case else m.group(1)
            gt = low.find(b">", m.end(), stop)
            if gt < 0:
                raise Unsure
            if name in _RAW_END:
                text_end, pos = _raw_text_end(low, name, gt + 1, stop, self._any_case)
                yield name, m.start(), gt, text_end
            else:
                if name == b"plaintext":
                    raise Unsure  # the rest of the page is text
                yield name, m.start(), gt, gt
                pos = gt + 1

    def _next(self, low: bytes, pos: int, stop: int) -> re.Match[bytes] | None:
        """The next tag sought in ``low[pos:stop]``, comments and raw text skipped; ``None`` when there is
        none and ``stop`` falls between tags."""
        while True:
            m = self._pattern.search(low, pos, stop)
            if m is None:
                if in_tag(low, pos, stop):
                    raise Unsure
                return None
            i = m.start()
            if in_tag(low, pos, i):
                raise Unsure
            tok = m.group(1).lower() if self._any_case else m.group(1)
            if tok in self._wanted:
                return m
            if tok == b"!--":
                if low.startswith((b">", b"->"), i + 4, stop):  # "<!-->" and "<!--->" end where they start
                    pos = low.find(b">", i + 4, stop) + 1
                    continue
                close = COMMENT_END.search(low, i + 4, stop)
                if close is None:
                    raise Unsure
                pos = close.end()
                continue
            if tok == b"plaintext":
                raise Unsure  # the rest of the page is text
            gt = low.find(b">", m.end(), stop)
            if gt < 0:
                raise Unsure
            pos = _raw_text_end(low, tok, gt + 1, stop, self._any_case)[1]


def _raw_text_end(low: bytes, name: bytes, start: int, stop: int, any_case: bool = False) -> tuple[int, int]:
    """Where the text of the raw-text element ``name`` that starts at ``start`` ends: the "<" of its end
    tag, and just past that tag's ">"."""
    raw_end = RAW_END_ANY if any_case else _RAW_END
    found = ((_SCRIPT_END_ANY if any_case else _SCRIPT_END) if name == b"script" else raw_end[name]).search(
        low, start, stop)
    if found is not None and found.group() == b"<!--":  # one pass over the text for both, in most scripts
        # the escaped states: their "<script" nests, and then the first end tag may not end the script
        escaped = found.start()
        found = raw_end[name].search(low, escaped, stop)
        if found is not None and (_SCRIPT_START_ANY if any_case else _SCRIPT_START).search(
                low, escaped, found.start()) is not None:
            raise Unsure
    if found is None:
        raise Unsure
    close_gt = low.find(b">", found.end(), stop)  # the end tag may hold white space or "/" first
    if close_gt < 0:
        raise Unsure
    return found.start(), close_gt + 1


_NO_TAGS = TagFinder()


def in_text(low: bytes, start: int, stop: int) -> bool:
    """Whether offset ``stop`` of ``low`` (lower-cased bytes; ``start`` in data state) may fall inside a
    comment, a raw-text element or a tag: a cut there would not fall between tags (a ``<body`` found in
    a head script is no body)."""
    return _NO_TAGS.find(low, start, stop) is None


# -- class words ---------------------------------------------------------------------------------------------

#: XPath's white space (normalize-space): str.split() would also split at form feeds and no-break spaces
_XPATH_SPACE = str.maketrans("\t\r\n", "   ")


def has_ancestor_below(el: etree._Element, container: etree._Element, tag: str) -> bool:
    """Whether an element above ``el`` and below ``container`` (every one above ``el`` when ``container`` is
    none of them) is a ``tag``: what a rule reads must not depend on markup outside its container."""
    for up in el.iterancestors():
        if up is container:
            return False
        if up.tag == tag:
            return True
    return False


def has_class(el: etree._Element, name: str, *more: str) -> bool:
    """Whether ``@class`` holds ``name`` (or one of ``more``) as a word, as the XPath test
    ``contains(concat(' ', normalize-space(@class), ' '), ' name ')`` reads it (a walk that stands in for
    such a query must agree with it: Page.elements_with falls back to the query)."""
    # no generator on the common path: walks call this on every element they pass and on its ancestors
    cls = el.get("class")
    if not cls:
        return False
    if not more:
        return name in cls and name in cls.translate(_XPATH_SPACE).split(" ")
    names = (name, *more)
    for n in names:
        if n in cls:  # most elements: no split
            break
    else:
        return False
    words = cls.translate(_XPATH_SPACE).split(" ")
    return any(n in words for n in names)


def class_words(el: etree._Element) -> frozenset[str]:
    """The words of ``@class`` as :func:`has_class` reads them, for a walk that tests many on one element."""
    cls = el.get("class")
    if not cls:
        return frozenset()
    return frozenset(cls.translate(_XPATH_SPACE).split(" ")) - {""}


# -- body -------------------------------------------------------------------------------------------

_SUBHEAD_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


#: Phrasing markup: its text runs on with the bare text around it (a line break's and a picture's tail too)
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
    "mark", "q", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    "wbr",
})
#: Never text a reader sees (what text_of leaves out, embeds and icons)
#: (a video's, an audio's or a canvas's own text is what a browser that cannot play it shows: no reader sees it)
#: (Not an ``<embed>``: written without an end tag, as HTML allows, it holds the rest of the story in libxml2's tree,
#: which knows no such element; nor an ``<object>``, whose end tag a page may forget just as well)
NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "video", "audio", "canvas"})

#: A story's elements whose text is one block: a paragraph, a list's item or a definition a paragraph, a heading
#: (below the headline) a subhead
STORY_BLOCKS: dict[str, BlockKind] = {
    "p": "paragraph", "li": "paragraph", "dt": "paragraph", "dd": "paragraph", "h1": "subhead",
    "h2": "subhead", "h3": "subhead", "h4": "subhead", "h5": "subhead", "h6": "subhead",
}
#: What makes a list's item hold blocks of its own (:func:`holds_blocks`; a figure: a gallery's photo, read as one).
#: Not a heading alone: a list of stories
#: prints each title as one ("<li><a><h3>Title</h3></a></li>"), an item of one line.
_BLOCKS_IN_ITEMS = ("ul", "ol", "dl", "p", "div", "blockquote", "table", "pre", "figure")
_ITEMS = frozenset({"li", "dt", "dd"})


def holds_blocks(el: etree._Element) -> bool:
    """Whether ``el`` is a list's item (or a definition list's term or definition) that holds blocks of its own: a
    list under it, paragraphs. A reader walks into such an item, as into a div, instead of reading it as one block:
    "Otters" and the sub-items "Sea otters", "River otters" are three paragraphs, not "OttersSea ottersRiver otters",
    and an item's two paragraphs two, not "Otters nap.Seals bask."."""
    # (most items hold text alone: no children, no walk)
    return el.tag in _ITEMS and len(el) > 0 and next(el.iterdescendants(*_BLOCKS_IN_ITEMS), None) is not None


#: What a browser sets apart from the text around it: the bare text before one and after it are two paragraphs
#: (a ``<br>`` is not one: its tail holds a break, the text around it one paragraph as in a ``<p>``; nor a form's
#: ``<label>``, phrasing a browser runs on with the text around it, kept apart by a space in a box's text alone)
SETS_APART = BLOCK_TAGS - {"br", "label"}
#: What a story holds that is no part of it, kept out of the body whole as a discarded block
#: (:func:`kept_apart`): a table (no paragraph: a line per row), an aside (a box beside the story: a fact box, a
#: "Read also" list), a nav (links), a footer (the story's own: its tags, a note on the writer), a form (a newsletter's
#: sign-up), a button ("Load more") or a form's other controls (a list to choose from, a box to write in); and any
#: element whose class or id names a box (:func:`box_kind`)
APART = frozenset({"table", "aside", "nav", "footer", "form", "button", "select", "textarea"})

#: Class or id words of boxes placed inside a story, by the discarded kind they are recorded as
BOX_WORDS: dict[str, str] = {
    "share": "share", "sharing": "share", "social": "share", "sns": "share", "sharedaddy": "share",
    "related": "related", "yarpp": "related", "recommend": "related", "recommended": "related",
    "ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "adsbygoogle": "ad", "sponsored": "ad",
    "promo": "promo", "newsletter": "newsletter", "subscribe": "subscribe", "signup": "newsletter",
    "offer": "subscribe", "paywall": "subscribe",
    "comments": "comments", "comment": "comments",
}
_WORDS = re.compile(r"[a-z]+")


def box_kind(el: etree._Element) -> str | None:
    """The discarded kind a box inside a story is recorded as, by the words of its class and id
    (:data:`BOX_WORDS`: "ad-slot" is an ad, "related-links" a list of related stories), or ``None``."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return None  # most paragraphs: no names at all
    for word in _WORDS.findall(f"{cls or ''} {ident or ''}".lower()):
        kind = BOX_WORDS.get(word)
        if kind is not None:
            return kind
    return None


def phrasing_box(el: etree._Element, in_run: bool) -> bool:
    """Whether phrasing markup (:data:`INLINE_TAGS`) is a box of its own, kept apart as its class or id names it
    (:func:`box_kind`): it stands between blocks, not in a run of text (``in_run``: text stands before it; or text
    in its tail, or phrasing markup after it). A "social-title" span between two paragraphs is share buttons' label;
    a "comment-count" span in a sentence is part of the sentence."""
    if in_run or not el.keys() or (el.tail and not el.tail.isspace()):
        return False
    after = el.getnext()
    alone = after is None or not isinstance(after.tag, str) or after.tag not in INLINE_TAGS
    return alone and box_kind(el) is not None


def box_block(page: Page, el: etree._Element, kind: str, text: Callable[[etree._Element], str] = text_of
              ) -> Discarded:
    """The discarded block of ``kind`` a box inside a story is: a list of stories or of share buttons its
    heading and its links (one with no link, its text); a table its text a line per row, its cells apart
    (:func:`table_text`, which marks them in the tree: read tables last); any other box its text, its blocks
    apart. ``text`` reads an element (:func:`text_of`, or a faster one for a tree without scripts)."""
    if kind in ("related", "share") and (items := link_items(page, el)):
        heading_el = next(el.iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
        heading = (text(heading_el) if heading_el is not None else "") or None
        return Discarded(kind=kind, heading=heading, items=items, text=text_beyond(el, heading, items, text))
    if el.tag == "table":
        return Discarded(kind=kind, text=table_text(el) or None)
    return Discarded(kind=kind, text=box_text(el, text) or None)


def text_beyond(el: etree._Element, heading: str | None, items: Sequence[Item],
                text: Callable[[etree._Element], str] = text_of) -> str | None:
    """A list box's text (:func:`box_text`) when it says more than its heading and its links' titles ("Otters swim
    <a>Seals</a> today": the words around the link are not lost), else ``None``."""
    full = box_text(el, text)
    said = "".join((heading or "").split()) + "".join("".join(i.title.split()) for i in items)
    return full if "".join(full.split()) != said else None


#: What shows a picture (or plays one) in a figure
_PICTURE_TAGS = ("img", "picture", "video", "iframe", "object", "embed", "svg", "canvas", "amp-img")


def is_text_figure(el: etree._Element) -> bool:
    """Whether ``el`` is a ``<figure>`` that sets a quotation or a table apart and holds no picture (WordPress
    writes ``figure.wp-block-pullquote``, ``figure.wp-block-table``). Its text is the story's, read where it
    stands; it is no photo, and its caption no photo's. (A figure without a picture that holds neither stays a
    photo's box: its picture may come from a script or a style.)"""
    return (el.tag == "figure" and next(el.iter("blockquote", "table"), None) is not None
            and next(el.iter(*_PICTURE_TAGS), None) is None)


def is_photo_figure(el: etree._Element) -> bool:
    """Whether ``el`` is a ``<figure>`` that holds a photo's box, read by a site's photo reader: any figure but one
    that sets a quotation or a table apart (:func:`is_text_figure`)."""
    return el.tag == "figure" and not is_text_figure(el)


#: The parts of a table a walk goes through when the table :func:`lays_out` text
TABLE_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"})
#: What a story's walk goes into: boxes of the story's own text (a div, a list, a quotation, a centred line, a
#: section's header or heading group, a contact address, preformatted text, a disclosure and its summary, a pull
#: quote's caption), their blocks read in order and their bare text a paragraph, as :func:`walk_story` reads any
#: element it does not keep apart. (A table's parts: those of a table that :func:`lays_out` text.) A reader that walks
#: a whole ``<article>`` when it finds no story's box in it keeps its :data:`ARTICLE_HEADERS` apart.
STORY_WRAPPERS = frozenset({
    "div", "section", "article", "main", "center", "header", "hgroup", "address", "pre", "details", "summary",
    "figcaption", "ul", "ol", "dl", "blockquote", *TABLE_PARTS,
})
#: What holds the headline, the kicker and the byline in a whole ``<article>`` (or page): no part of the story
ARTICLE_HEADERS = frozenset({"header", "hgroup"})


def lays_out(table: etree._Element) -> bool:
    """Whether a ``<table>`` lays out text (an older page's story set in a table's cells: they hold paragraphs or
    headings) rather than holding data: its text is read as the story's, cell by cell, not kept apart."""
    return next(table.iter("p", "h2", "h3", "h4", "h5", "h6"), None) is not None


#: A piece of a story read by :func:`walk_story`: (its kind, the element whose text it is, or its bare text)
StoryPiece: TypeAlias = tuple[Literal["paragraph", "subhead", "apart", "kept"], "etree._Element | str"]


def _never(el: etree._Element) -> bool:
    return False


def walk_story(items: Iterable[etree._Element], text: str | None = None, *,
               keep_out: Callable[[etree._Element], bool] = _never, blocks: Mapping[str, BlockKind] = STORY_BLOCKS,
               apart: frozenset[str] = SETS_APART, kept: bool = False) -> list[StoryPiece]:
    """The pieces of a story held by ``items`` (a container's children, or the siblings between two of its
    paragraphs, with ``text`` the bare text before them), in reading order, so that no text in it is lost:

    - an element ``keep_out`` names (a photo box, an aside, a list the site reads elsewhere) and code hold
      nothing of the story (with ``kept``, the first is a piece of kind ``kept``, for the caller to read in its
      place: an ad, a photo);
    - an element of ``blocks`` (by default :data:`STORY_BLOCKS`) is a block of that kind, all of its text;
    - a ``table`` (unless it :func:`lays_out` text), ``aside``, ``nav``, ``footer``, ``form`` or ``button``
      (:data:`APART`), or an element whose class or id names a box (:func:`box_kind`: an ad slot, a "Related"
      box; phrasing markup only when it stands between blocks, :func:`phrasing_box`), is a piece of kind
      ``apart``: the caller keeps it out of the body, as a discarded block (:func:`kept_apart`);
    - any other element (a div, a list, a quotation; a span or a link) is walked into: the bare text between
      the blocks (elements' own text and their tails) is a paragraph, ended where an element of ``apart``
      starts or ends (by default :data:`SETS_APART`; Jiji's stories break at a ``<br>`` too).

    An explicit stack, not recursion: a hostile page nests thousands deep."""
    pieces: list[StoryPiece] = []
    run: list[str] = []  # the bare text since the last block

    def end_run() -> None:
        joined = squash("".join(run))
        run.clear()
        if joined:
            pieces.append(("paragraph", joined))

    # an element to read, the tail of one walked into (read after what it holds), or None where one set apart ends
    stack: list[etree._Element | str | None] = list(items)
    stack.reverse()
    if text and not text.isspace():
        run.append(text)
    while stack:
        el = stack.pop()
        if el is None:
            if run:
                end_run()
            continue
        if isinstance(el, str):
            if run or not el.isspace():
                run.append(el)
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in NOT_TEXT_TAGS:
            pass  # a comment or code: only its tail is text
        elif keep_out(el):
            if run:
                end_run()
            if kept:
                pieces.append(("kept", el))
        elif (tag in APART and not (tag == "table" and lays_out(el))) or (
                phrasing_box(el, bool(run)) if tag in INLINE_TAGS else el.keys() and box_kind(el) is not None):
            if run:
                end_run()
            pieces.append(("apart", el))
        elif (kind := blocks.get(tag)) is not None and not holds_blocks(el):
            if run:
                end_run()
            pieces.append((kind, el))
        else:  # a box or inline markup: walked into, its tail read after what it holds
            set_apart = tag in apart
            if set_apart and run:
                end_run()
            if el.tail:
                stack.append(el.tail)
            if set_apart:
                stack.append(None)
            stack.extend(reversed(el))
            if el.text and (run or not el.text.isspace()):
                run.append(el.text)
            continue
        tail = el.tail
        if tail and (run or not tail.isspace()):  # the new line between two paragraphs is no text
            run.append(tail)
    if run:
        end_run()
    return pieces


def without_headline(box: etree._Element, pieces: list[StoryPiece]) -> list[StoryPiece]:
    """:func:`walk_story`'s pieces of ``box`` without the headline, for a reader whose story's box may hold it: an
    ``h1`` before the box's first paragraph (read as the title). An ``h1`` after it is a subhead, as in any story."""
    heads: list[etree._Element] = []
    for el in box.iter("p", "h1"):  # (in C, to the first paragraph)
        if el.tag == "p":
            break
        heads.append(el)
    if not heads:
        return pieces
    kept_out = set(heads)  # (an element's proxy is one object while the list holds it: a set by identity)
    return [p for p in pieces if not (p[0] == "subhead" and p[1] in kept_out)]


def story_blocks(pieces: Iterable[StoryPiece]) -> tuple[list[Block], list[etree._Element]]:
    """The body blocks of :func:`walk_story`'s pieces (an element's whole text, a run of bare text), and the
    elements it keeps apart (tables, asides, navs, named boxes), for the caller to keep out of the body
    (:func:`kept_apart`: a table's text marks its cells in the tree, so read them last). Pieces of kind ``kept``
    are the caller's to read."""
    blocks: list[Block] = []
    apart: list[etree._Element] = []
    for kind, piece in pieces:
        if isinstance(piece, str):
            blocks.append(Block("paragraph", piece))
        elif kind == "apart":
            apart.append(piece)
        elif kind != "kept" and (text := text_of(piece)):
            blocks.append(Block(kind, text))
    return blocks, apart


def apart_block(page: Page, el: etree._Element) -> Discarded | None:
    """The discarded block of an element a story keeps apart (:func:`walk_story`): of the kind its class or id
    names (:func:`box_kind`), else ``other`` (:func:`box_block`); ``None`` when it holds no text."""
    found = box_block(page, el, (box_kind(el) if el.keys() else None) or "other")
    return found if found.text or found.items or found.heading else None


def kept_apart(page: Page, elements: Iterable[etree._Element]) -> list[Discarded]:
    """The discarded blocks of the elements a story keeps apart (:func:`apart_block`), in order; none for one
    with no text. (Tables' cells are marked in the tree as they are read: read these last.)"""
    return [block for el in elements if (block := apart_block(page, el)) is not None]


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


#: The addresses a share button posts a story to (X/Twitter, Facebook, LinkedIn, LINE, Hatena, Pocket, Reddit,
#: Pinterest, WhatsApp, e-mail), scheme and "www." left out: ``//twitter.com/intent/tweet?…``.
SHARE_ADDRESS = re.compile(
    r"^(?:https?:)?//(?:www\.|m\.|social-plugins\.|timeline\.|api\.)?"
    r"(?:twitter\.com/(?:intent|share)|x\.com/(?:intent|share)|facebook\.com/(?:sharer|share\.php|dialog/share)"
    r"|linkedin\.com/(?:shareArticle|sharing)|line\.me/(?:R/msg|lineit|social-plugins)|b\.hatena\.ne\.jp/(?:entry|add)"
    r"|getpocket\.com/(?:edit|save)|reddit\.com/submit|pinterest\.com/pin/create|whatsapp\.com/send|wa\.me/)"
    r"|^mailto:\?",
    re.IGNORECASE,
)


def is_share_address(href: str) -> bool:
    """Whether a link posts the story to a network (:data:`SHARE_ADDRESS`), read through an archive's address
    (a Wayback Machine or archive.today copy links through it)."""
    return SHARE_ADDRESS.match(unarchived_link(href)) is not None


def is_share_box(el: etree._Element) -> bool:
    """Whether ``el`` is a row of share buttons told by what it holds, not by its class (a copy whose classes
    are gone): two links or more to a share address (:data:`SHARE_ADDRESS`), and no link to a page (a
    "Print" or "Copy link" button goes nowhere: ``#``, ``javascript:``)."""
    shares = 0
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if is_share_address(href):
            shares += 1
        elif href and not href.startswith(("#", "javascript:")):
            return False
    return shares >= 2


def is_link_menu(el: etree._Element) -> bool:
    """Whether a list is a menu told by what it holds (a copy whose classes are gone): two items or more, each
    one link of a few words and nothing else ("Mail the editor", a story's tags)."""
    items = [c for c in el if isinstance(c.tag, str)]
    if len(items) < 2:
        return False
    for li in items:
        if li.tag != "li" or len(li) != 1 or li[0].tag != "a":
            return False
        text = text_of(li)
        if not text or text != text_of(li[0]) or len(text.split()) > 4:
            return False
    return True


def fullest(boxes: Iterable[etree._Element], tags: Container[str] = ("p",), least: int = 1) -> etree._Element | None:
    """Of ``boxes``, the one with the most children among ``tags`` (``least`` or more; the first of equals): a
    story's container found by its place where no class or id names it."""
    best, most = None, least - 1
    for box in boxes:
        count = sum(1 for c in box if c.tag in tags)
        if count > most:
            best, most = box, count
    return best


def after_headline(h1: etree._Element | None) -> list[etree._Element]:
    """The elements after the headline beside it or beside one of its ancestors below ``<body>``, in document
    order: together they hold the page after the headline (the same on a page cut before its parse as on the
    whole page, though the cut may leave out the headline's ancestors)."""
    out: list[etree._Element] = []
    node = h1
    while node is not None and node.tag != "body":
        out.extend(el for el in node.itersiblings() if isinstance(el.tag, str))
        node = node.getparent()
    return out


def discard(kind: str, heading: str | None = None, items: Iterable[Item] = (), text: str | None = None) -> Discarded:
    return Discarded(kind=kind, heading=squash(heading) or None, items=tuple(items), text=squash(text) or None)


# -- images -------------------------------------------------------------------------------------------

#: Where one candidate of a srcset ends and the next starts: a comma and white space, or a comma after a descriptor
#: (a comma inside an address, as in a data: address, has neither)
_SRCSET_APART = re.compile(r",\s+|(?<=\d[wx]),")
#: a candidate's descriptor: its width ("1024w") or its pixel density ("2x")
_SRCSET_SIZE = re.compile(r"(\d+(?:\.\d+)?)[wx]")


def srcset_candidates(srcset: str) -> list[tuple[str, float]]:
    """The pictures a ``srcset`` offers, in order: each address with its width or density (0 when it says neither);
    a placeholder's ``data:`` address left out."""
    out: list[tuple[str, float]] = []
    for candidate in _SRCSET_APART.split(srcset.strip().rstrip(",")):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):
            continue
        found = _SRCSET_SIZE.fullmatch(parts[1]) if len(parts) > 1 else None
        out.append((parts[0].rstrip(","), float(found.group(1)) if found is not None else 0.0))
    return out


def srcset_largest(srcset: str) -> str | None:
    """The address of the largest picture a ``srcset`` offers (its widest "w" or densest "x" candidate; among
    candidates that say neither, the first), as a scraper wants it: a browser picks by the screen it has."""
    best: str | None = None
    size = -1.0
    for url, value in srcset_candidates(srcset):
        if value > size:
            best, size = url, value
    return best


#: an image of a page a browser saved with its files ("Save page as… complete"): the browser points the image
#: at the folder it wrote beside the page, "./Page title_files/photo.jpg"; the address it came from is lost
_SAVED_FILE = re.compile(r"^(?:\./)?[^/?#:]+_files/([^/?#]+)$")


def img_url(page: Page, img: etree._Element | None) -> str | None:
    if img is None:
        return None
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        v = img.get(attr)
        if v and not v.startswith("data:"):
            saved = _SAVED_FILE.match(v.strip())
            return page.absolute(v) if saved is None else _saved_image(page, img, saved.group(1), v)
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        largest = srcset_largest(srcset)
        if largest:
            return page.absolute(largest)
    return None


def _saved_image(page: Page, img: etree._Element, name: str, src: str) -> str | None:
    """The address of an image a saved page points at its local copy of (``name``, the file's name): the image's
    own lazy-loading or srcset address for that file, else the page's metadata image of that name (og:image,
    twitter:image, JSON-LD); else no address, with a warning (the page's address joined to the folder's is
    no address the image ever had)."""
    candidates = [img.get(attr) or "" for attr in ("data-src", "data-lazy-src", "data-original")]
    candidates += [url for attr in ("srcset", "data-srcset") for url, _ in srcset_candidates(img.get(attr) or "")]
    candidates += [page.meta_value("og:image", "og:image:url", "twitter:image", "twitter:image:src") or "",
                   ld_url(page.ld("image")) or ""]
    for url in candidates:
        if url.startswith(("https://", "http://", "//")) and url.split("?")[0].rstrip("/").rsplit("/", 1)[-1] == name:
            return page.absolute("https:" + url if url.startswith("//") else url)
    page.warn("images", "saved-copy", f"{src[:80]!r} is a saved page's local copy, and no address of it is on the page")
    return None


def figure_image(page: Page, fig: etree._Element,
                 split: Callable[[str], tuple[str | None, str | None]]) -> Image | None:
    """A photo's figure in a story (:func:`is_photo_figure`) that no class of the site's design marks, read alike by
    every reader: its picture's address, and its figcaption's text (else whatever text it holds: not lost) parted
    into caption and credit by the site's rule (``split``); ``None`` for a figure with neither picture nor text (an
    image a script fills in: no photo to record)."""
    cap = next(fig.iter("figcaption"), None)
    text = text_of(cap if cap is not None else fig)
    img = next(fig.iter("img"), None)
    if img is None and not text:
        return None
    caption, credit = split(text) if text else (None, None)
    return image(img_url(page, img), caption, credit)


def image(url: str | None, caption: str | None, credit: str | None) -> Image:
    return Image(url=url, caption=squash(caption) or None, credit=squash(credit) or None)
