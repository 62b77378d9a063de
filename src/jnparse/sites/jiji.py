"""Jiji Press English News Service — jen.jiji.com.

Article URLs ``/jc/eng?g=<genre>&k=<YYYYMMDD><5-digit serial>``: k starts with the JST publication
date (facts HIGH) — used only as a last-resort date, with a warning. DOM (facts MED, from a scraper):
title ``h1#article-title`` (older design ``h1.text4L``: its own Layout), date ``p.article-date``
(printed format LOW: "YYYY/MM/DD-HH:MM" believed; any form ``jnparse.dates`` reads is accepted),
body ``p.full-article-txt``, photo ``div.photos-data``, link lists ``.textBL``, ``.textL``,
``div.photos-list``, ``p.link-more`` (all kept out of the body).

A copy of a page whose classes are gone (as a web archive such as archive.today stores it; some lose the ids
too) is read as the page, with a ``layout``/``fallback`` warning: the date line, the story, the photo and the
links under the story are found by their places beside the headline and by what each holds, the side lists
by their headings (see ``_unclassed``). Without ids the two designs cannot be told apart: such a copy of a
2013 page is read as the current design (only ``layout`` says so; every field is the same).

Every story is Jiji's own: ``agency`` is "Jiji Press" whether or not a dateline is printed. Datelines
are title case with AP months: "Tokyo, Jan. 21 (Jiji Press)--", "Mito, Ibaraki Pref., Sept. 3 (Jiji
Press)--", "Wakayama (Jiji Press)—". Photo credits "(© Jiji)" become the image credit "Jiji Press".
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..agencies import canonical_agency
from ..dates import JST, NeedsReference, parse_jst
from ..loading import PARAGRAPH_BREAK
from ..model import Article, Block, BlockKind, Discarded, Image, Item, Notice
from ..page import Page, elements, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import TextCopy, list_blocks
from .base import (
    SETS_APART,
    STORY_BLOCKS,
    Layout,
    Site,
    cut_dateline,
    cut_to,
    discard,
    dropped_holds,
    figure_image,
    image,
    img_url,
    is_photo_figure,
    kept_apart,
    prune_region,
    story_blocks,
    walk_story,
)

SITE_ID = "jiji"
AGENCY = "Jiji Press"
NAMES = ("JIJI PRESS", "Jiji Press", "Jiji Press English News Service", "JIJI.COM", "jiji.com")

# -- finding the parts, in one pass -----------------------------------------------------------------
# One walk over the page's h1, p, div, ul and ol elements (filtered in C) with Python class checks
# finds every part the module reads; it gives what the XPath rules below would, in the same order.
# Each of those rules walks the whole tree (the page chrome too), and LISTS is five such walks.
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
TITLE_CURRENT = xpath("//h1[@id='article-title']")
TITLE_LEGACY = xpath(f"//h1[{_HAS.format('text4L')}]")
ARTICLE_DATE = xpath(f"//p[{_HAS.format('article-date')}]")
BODY = xpath(f"//*[self::p or self::div][{_HAS.format('full-article-txt')}]")
PHOTOS = xpath(f"//div[{_HAS.format('photos-data')}]")
LISTS = xpath(
    f"//*[{_HAS.format('textBL')}] | //ul[{_HAS.format('textL')}] | //ol[{_HAS.format('textL')}]"
    f" | //div[{_HAS.format('photos-list')}] | //p[{_HAS.format('link-more')}]"
    f" | //a[{_HAS.format('textL')}]/.."
)
FINGERPRINT = xpath(
    f"//*[{_HAS.format('full-article-txt')}] | //h1[@id='article-title'][following::p[{_HAS.format('article-date')}]]"
    " | //link[@rel='canonical'][contains(@href, 'jen.jiji.com')]"
    " | //meta[@property='og:url'][contains(@content, 'jen.jiji.com')]"
)
#: The elements of a list of them, in document order and once each (libxml2 sorts a union).
_IN_ORDER = xpath("$nodes | $nodes")
#: What normalize-space() splits a class on: XML white space only (str.split() also splits on
#: \x0b, \x0c, \xa0 and more, which the XPath rules would keep inside a class word).
_XML_SPACE = re.compile("[ \t\r\n]+")
#: The tags the walk visits: every element the rules above can select (``.textBL`` and ``a.textL``
#: are added when the page's bytes show them on other tags).
_TAGS = ("h1", "p", "div", "ul", "ol")


class _Parts:
    __slots__ = ("beside", "beside_asked", "body", "date", "first_h1", "lists", "more", "photos", "title_current",
                 "title_legacy")

    def __init__(self) -> None:
        self.title_current: etree._Element | None = None  # the first h1#article-title
        self.title_legacy: etree._Element | None = None  # the first h1.text4L
        self.first_h1: etree._Element | None = None
        self.date: etree._Element | None = None  # the first p.article-date
        self.body: list[etree._Element] = []  # p and div .full-article-txt
        self.photos: list[etree._Element] = []  # div.photos-data
        self.lists: list[etree._Element] = []  # what LISTS selects
        self.more: list[etree._Element] = []  # the lists that stand for p.link-more on a page whose classes are gone
        self.beside: _Beside | None = None  # what _unclassed found
        self.beside_asked = False  # whether _unclassed has looked


_TAG_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]{0,30})[\s/>]")  # as Page.tags_with reads them


def _walk_tags(page: Page, limit: int = 2000) -> tuple[str, ...] | None:
    """The tags to visit; ``None``: every element (the bytes cannot tell where the list classes are).

    What ``Page.tags_with`` gives for ``textBL`` and ``textL``, from one memchr walk over the page's
    "L" bytes (rare in pages) instead of two plain finds, each of which reads every byte."""
    source = page.source
    if source is None:
        return None
    tags = set(_TAGS)
    i = source.find(b"L")
    for _ in range(limit):
        if i < 0:
            return tuple(sorted(tags))
        list_class = i >= 5 and source[i - 1] == 0x42 and source.startswith(b"text", i - 5)  # textBL
        if list_class or (i >= 4 and source.startswith(b"text", i - 4)):  # textL: only a.textL counts
            lt = source.rfind(b"<", max(0, i - 2000), i)
            m = _TAG_NAME.match(source, lt) if lt >= 0 else None
            if m is None:
                return None  # the class sits beyond a start tag we can read: visit every element
            name = m.group(1).decode("ascii").lower()
            if list_class or name == "a":
                tags.add(name)
        i = source.find(b"L", i + 1)
    # many "L" bytes (inline data, a long text): two plain finds, through Page.tags_with
    any_tag, on_links = page.tags_with(b"textBL"), page.tags_with(b"textL")
    if any_tag is None or on_links is None:
        return None
    return tuple(sorted({*_TAGS, *any_tag, *(("a",) if "a" in on_links else ())}))


def _scan(page: Page) -> _Parts:
    """The parts of the page, found once and shared by the layout checks and the extractor."""
    memo = page.memo.get(SITE_ID)
    if isinstance(memo, _Parts):
        return memo
    parts = _Parts()
    tags = _walk_tags(page)
    lists = parts.lists
    parents: list[etree._Element] = []  # parents of a.textL, found after the elements before them
    for el in page.root.iter(*tags) if tags is not None else page.root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue  # a processing instruction (whose get() reads pseudo-attributes): not an element
        if tag == "h1":
            if parts.first_h1 is None:
                parts.first_h1 = el
            if parts.title_current is None and el.get("id") == "article-title":
                parts.title_current = el
        cls = el.get("class")
        if not cls:
            continue
        words = _XML_SPACE.split(cls)
        if "textBL" in words:
            lists.append(el)
        if tag == "p" or tag == "div":
            if "full-article-txt" in words:
                parts.body.append(el)
            if tag == "p":
                if parts.date is None and "article-date" in words:
                    parts.date = el
                if "link-more" in words and "textBL" not in words:
                    lists.append(el)
            elif "photos-data" in words:
                parts.photos.append(el)
            if tag == "div" and "photos-list" in words and "textBL" not in words:
                lists.append(el)
        elif tag == "h1":
            if parts.title_legacy is None and "text4L" in words:
                parts.title_legacy = el
        elif tag == "ul" or tag == "ol":
            if "textL" in words and "textBL" not in words:
                lists.append(el)
        elif tag == "a" and "textL" in words:
            parent = el.getparent()
            if parent is not None:
                parents.append(parent)
    if parents:
        parts.lists = elements(_IN_ORDER(page.root, nodes=lists + parents))
    page.memo[SITE_ID] = parts
    return parts


#: Genre codes of the k-number URLs (only ``eco`` is attested; the rest LOW).
GENRES = {
    "eco": "Economy", "pol": "Politics", "soc": "Society", "int": "International", "spo": "Sports",
    "sci": "Science", "cul": "Culture",
}

_K = re.compile(r"^(\d{4})(\d\d)(\d\d)\d{5}$")
_CREDIT = re.compile(r"\s*\((?P<credit>[^()]*©[^()]*)\)\s*$")


def _query(url: str | None) -> Mapping[str, str]:
    return _query_of(url) if url else _NO_QUERY


_NO_QUERY: Mapping[str, str] = MappingProxyType({})


@functools.lru_cache(maxsize=256)
def _query_of(url: str) -> Mapping[str, str]:
    # cached: k_date() and the genre read the same address up to three times a page
    try:
        q = parse_qs(urlsplit(url).query)
    except ValueError:
        return _NO_QUERY
    return MappingProxyType({k: v[0] for k, v in q.items() if v})


def k_date(url: str | None) -> dt.datetime | None:
    """The JST date a Jiji k-number starts with (midnight), or ``None``."""
    m = _K.match(_query(url).get("k", ""))
    if not m:
        return None
    try:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=JST)
    except ValueError:
        return None


def photo_credit(text: str) -> tuple[str, str | None]:
    """``Caption (© Jiji)`` → ``("Caption", "Jiji Press")``; other © credits are kept as printed."""
    m = _CREDIT.search(text)
    if not m:
        return text, None
    credit = squash(m.group("credit"))
    agency = canonical_agency(credit)
    if agency is None:
        # "(Courtesy of X; © Jiji)": the courtesy part is the source, the © part names the agency
        parts = [squash(p) for p in credit.split(";")]
        named = [canonical_agency(p) for p in parts]
        if any(named):
            credit = "; ".join(n or p for n, p in zip(named, parts, strict=True))
    return text[: m.start()].rstrip(), agency or credit


def _split_br(el: etree._Element) -> list[str]:
    """The text of an element in pieces separated by ``<br>`` (runs of them count once; the second of a pair is
    an empty block by then: :data:`~jnparse.loading.PARAGRAPH_BREAK`)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "br" or (child.tag == PARAGRAPH_BREAK and not len(child) and not child.text):
            parts.append("")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts[-1] += "".join(child.itertext())
        if child.tail:
            parts[-1] += child.tail
    return [t for t in (squash(p) for p in parts) if t]


def _body(parts: _Parts, headings: dict[etree._Element, etree._Element | None]) -> tuple[
        list[Block], list[etree._Element], list[etree._Element]]:
    """The story: each story paragraph's text split at its ``<br>``s, and what stands between two of them in
    their container (see :func:`_read_between`; the lists, photos and date line there, and the lists'
    ``headings``, are read elsewhere); the tables found there, for the caller to discard (read last:
    ``table_text`` marks their cells in the tree); and the photos' figures found there.

    What stands before the story and after it is the page's (its title, date line, photo, lists), read by
    their own readers: reading the rest of the container would read beyond what ``prune`` keeps (it keeps the
    story's parts, not a container that may reach the page's end)."""
    blocks: list[Block] = []
    tables: list[etree._Element] = []
    figures: list[etree._Element] = []
    story = parts.body
    known: set[etree._Element] | None = None
    for i, el in enumerate(story[:-1]):
        blocks.extend(Block("paragraph", t) for t in _split_br(el))
        after = story[i + 1]
        tail = el.tail
        if el.getnext() is after and (not tail or tail.isspace()):
            continue  # (the usual case) nothing between
        if after.getparent() is not el.getparent():
            continue  # not one container's: what stands between is no run of the story
        if known is None:
            known = {*parts.lists, *parts.photos, *(h for h in headings.values() if h is not None)}
            if parts.date is not None:
                known.add(parts.date)
        _read_between(el, after, known, blocks, tables, figures)
    if story:
        blocks.extend(Block("paragraph", t) for t in _split_br(story[-1]))
    return blocks, tables, figures


#: the blocks read whole between two story paragraphs (base.STORY_BLOCKS but the paragraph, walked into to be split
#: at its ``<br>``s as the story's are): a heading a subhead, a list's item (or a definition's term) a paragraph
_BETWEEN_BLOCKS: dict[str, BlockKind] = {k: v for k, v in STORY_BLOCKS.items() if k != "p"}
#: elements set apart from the text around them: the bare text before one and after it are two paragraphs. A
#: ``<br>`` too: Jiji breaks its story into paragraphs with them (see :func:`_split_br`).
_BREAKS = SETS_APART | {"br"}


def _read_between(first: etree._Element, last: etree._Element, known: set[etree._Element], blocks: list[Block],
                  tables: list[etree._Element], figures: list[etree._Element]) -> None:
    """Read into ``blocks`` what stands between the story paragraphs ``first`` and ``last`` (siblings): it is the
    story's too (:func:`walk_story`). A heading is a subhead and a list's item a paragraph (:data:`_BETWEEN_BLOCKS`),
    a table goes to ``tables``, what the module reads elsewhere (``known``: the lists and their headings, the photos,
    the date line) is left to it, and a photo's figure the design does not print goes to ``figures`` (read by
    :func:`~.base.figure_image`). Any other element is walked into (a paragraph, a quotation, a bare div, inline
    markup): its text is paragraphs, broken where an element set apart starts or ends, a quotation's paragraph or a
    ``<br>``."""
    between = list(itertools.takewhile(lambda sibling: sibling is not last, first.itersiblings()))
    pieces = walk_story(between, first.tail, keep_out=lambda el: el in known or is_photo_figure(el), kept=True,
                        blocks=_BETWEEN_BLOCKS, apart=_BREAKS)
    figures += [p for kind, p in pieces if kind == "kept" and not isinstance(p, str) and p not in known]
    read, found = story_blocks(pieces)
    blocks += read
    tables += found


def _date(page: Page, field: str, text: str | None) -> dt.datetime | None:
    return page.date(field, text)


def _printed(page: Page, text: str | None) -> dt.datetime | None:
    value = _date(page, "published", text)
    if value is not None:
        page.warn("published", "low-confidence", "the printed p.article-date format is not well attested")
    return value


def _k_date(page: Page) -> dt.datetime | None:
    value = k_date(page.url)
    if value is not None:
        page.warn("published", "low-confidence", "date only, from the k-number of the URL (time unknown)")
    return value


def _genre(page: Page) -> str | None:
    g = _query(page.url).get("g")
    label = GENRES.get(g or "")
    if label is not None and g != "eco":
        page.warn("section", "low-confidence", f"genre code {g!r} mapped to {label!r}")
    return label


def _images(page: Page, parts: _Parts) -> list[Image]:
    out: list[Image] = []
    for div in parts.photos:
        caption, credit = photo_credit(text_of(div))
        url = img_url(page, next(div.iter("img"), None))
        if url or caption:
            out.append(image(url, caption, credit))
    return out


def _list_kind(el: etree._Element, heading: str) -> str:
    cls = f" {el.get('class') or ''} "
    if " link-more " in cls:
        return "read-more"
    h = heading.lower()
    if "ranking" in h:
        return "ranking"
    if "popular" in h or "most read" in h or "most viewed" in h:
        return "popular"
    if "latest" in h or "new" in h.split():
        return "latest"
    return "related"


_HEADINGS = frozenset({"h2", "h3", "h4"})


def _heading(el: etree._Element, story: set[etree._Element]) -> etree._Element | None:
    """The nearest preceding sibling that is an h2, h3 or h4, with no paragraph of the ``story`` between: one
    above a story paragraph is the story's subhead, not the heading of a list under the story."""
    for s in el.itersiblings(preceding=True):
        if s.tag in _HEADINGS:
            return s
        if s in story:
            return None
    return None


#: A root-relative address with a query that urljoin() gives back unchanged after the page's origin:
#: no dot segment, empty segment, parameters, fragment or character urlsplit() strips or rewrites.
_ROOT_QUERY = re.compile(r"(?:/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)+\?[A-Za-z0-9_.~=&%+-]+")


def _absolute(page: Page, href: str | None) -> str | None:
    """``page.absolute(href)``; Jiji's links (``/jc/eng?g=eco&k=...``) without a urljoin() call each."""
    if href is not None and _ROOT_QUERY.fullmatch(href):
        root = page.absolute("/")  # the page's origin and "/", without urljoin()
        if root is not None and root.startswith(("https://", "http://")) and root.endswith("/"):
            return root[:-1] + href
    return page.absolute(href)


def _link_items(page: Page, container: etree._Element) -> tuple[Item, ...]:
    """``link_items(page, container)``: an Item per ``.//a[@href]`` with text, without an XPath call."""
    items: list[Item] = []
    for a in container.iterdescendants("a"):
        href = a.get("href")
        if href is None:
            continue
        title = text_of(a)
        if title:
            items.append(Item(title=title, url=_absolute(page, href)))
    return tuple(items)


def _list_headings(parts: _Parts) -> dict[etree._Element, etree._Element | None]:
    """Each list's heading (see :func:`_heading`)."""
    story = set(parts.body)
    return {el: _heading(el, story) for el in parts.lists}


def _discarded(page: Page, parts: _Parts, headings: dict[etree._Element, etree._Element | None]) -> list[Discarded]:
    out: list[Discarded] = []
    seen: set[etree._Element] = set()
    for el in parts.lists:
        if el in seen or any(a in seen for a in el.iterancestors()):
            continue
        seen.add(el)
        heading = text_of(headings[el])
        kind = "read-more" if el in parts.more else _list_kind(el, heading)
        out.append(discard(kind, heading or None, _link_items(page, el)))
    return out


def _extract(page: Page, layout: str) -> Article:
    parts = _scan(page)
    h1 = parts.title_current if layout == "current" else parts.title_legacy
    beside = _unclassed(parts) if not parts.body else None
    if beside is not None:
        _read_unclassed(page, parts, beside)
        h1 = beside.h1
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(squash(page.meta_value("og:title")), NAMES) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(h1) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("genre code", lambda: _genre(page)),
    )
    date_text = text_of(parts.date) or None
    published = page.pick(
        "published",
        ("article:published_time", lambda: _date(page, "published", page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: _date(page, "published", ld_text(page.ld("datePublished")))),
        ("p.article-date", lambda: _printed(page, date_text)),
        ("URL k-number", lambda: _k_date(page)),
    )
    kd = k_date(page.url)
    if published is not None and kd is not None and published.date() != kd.date():
        page.warn("published", "disagree", f"k-number date {kd.date()}, published {published.isoformat()}")
    updated = page.pick(
        "updated",
        ("article:modified_time", lambda: _date(page, "updated", page.meta_value("article:modified_time"))),
        ("JSON-LD dateModified", lambda: _date(page, "updated", ld_text(page.ld("dateModified")))),
        required=False,
    )
    headings = _list_headings(parts)
    blocks, tables, figures = _body(parts, headings)
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no p.full-article-txt")
    if dateline is not None and dateline.agency not in (None, AGENCY):
        page.warn("agency", "disagree", f"dateline credits {dateline.agency}")
    images = _images(page, parts) + [i for fig in figures if (i := figure_image(page, fig, photo_credit))]
    discarded = _discarded(page, parts, headings)
    # the story's tables and boxes, read last (table_text marks their cells in the tree)
    discarded.extend(kept_apart(page, tables))
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=None,
        dateline=dateline,
        agency=AGENCY,  # the site is the agency
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout=f"jiji/{layout}",
        warnings=page.notices,
    )


def extract_current(page: Page) -> Article:
    return _extract(page, "current")


def extract_text4l(page: Page) -> Article:
    return _extract(page, "text4l")


def _matches_current(page: Page) -> bool:
    parts = _scan(page)
    if parts.title_current is not None:
        return True
    beside = _unclassed(parts)
    return beside is not None and not beside.in_contents


def _matches_text4l(page: Page) -> bool:
    parts = _scan(page)
    if parts.title_legacy is not None:
        return True
    beside = _unclassed(parts)
    return beside is not None and beside.in_contents


# -- a copy of a page whose classes are gone -------------------------------------------------------------
# A web archive (archive.today) stores a page without its class attributes, and some copies lose the ids
# too. Every part the module reads is marked by class but the current design's h1#article-title: the parts
# are then found by their places beside the headline (the date line, the story's paragraphs, the photo, the
# links under the story) and the side lists by their headings.

class _Beside:
    """What stands beside the headline of a page whose classes are gone, sorted by what each element holds."""

    __slots__ = ("body", "date", "h1", "in_contents", "lists", "more", "photos")

    def __init__(self, h1: etree._Element) -> None:
        self.h1 = h1
        #: whether the headline stands in div#contents, the 2013 (text4L) design's region
        self.in_contents = any(d.get("id") == "contents" for d in h1.iterancestors("div"))
        self.date: etree._Element | None = None  # stands for p.article-date
        self.body: list[etree._Element] = []  # for .full-article-txt
        self.photos: list[etree._Element] = []  # for div.photos-data
        self.lists: list[etree._Element] = []  # for p.link-more and div.photos-list
        self.more: list[etree._Element] = []  # those of the lists that stand for p.link-more


def _unclassed(parts: _Parts) -> _Beside | None:
    """The parts beside the headline of a page whose classes are gone (a web archive's copy), or ``None``.

    Looked for only when no story paragraph (``.full-article-txt``) and no 2013 headline (``h1.text4L``) is
    on the page. The headline is h1#article-title, else (the ids gone too) the page's first h1; it and the
    elements after it beside it must have no class (a page whose classes were renamed is a redesign, for the
    generic reader). Of those elements, a p or div whose text is all links is a list (a p of one link the
    "More Politics news" link, p.link-more), a div holding an image the photo, the first short p that reads
    as a time before the story the date line, and any other p or div holding text a paragraph of the story.
    Found once (matching and extracting ask)."""
    if parts.beside_asked:
        return parts.beside
    parts.beside_asked = True
    h1 = parts.title_current if parts.title_current is not None else parts.first_h1
    if parts.body or parts.title_legacy is not None or h1 is None or h1.get("class"):
        return None
    found = _Beside(h1)
    for el in h1.itersiblings():
        tag = el.tag
        if not isinstance(tag, str) or tag in ("script", "style", "noscript", "template"):
            continue
        if el.get("class"):
            return None
        if tag != "p" and tag != "div":
            continue
        text = text_of(el)
        if not text:
            continue
        links = sum(1 for a in el.iter("a") if a.get("href") is not None)
        if links and _only_links(el, text):
            found.lists.append(el)
            if tag == "p" and links == 1:
                found.more.append(el)
        elif tag == "div" and next(el.iter("img"), None) is not None:
            found.photos.append(el)
        elif found.date is None and not found.body and tag == "p" and _is_time(text):
            found.date = el
        else:
            found.body.append(el)
    if found.body:
        parts.beside = found
    return parts.beside


def _only_links(el: etree._Element, text: str) -> bool:
    """Whether all the (non-blank) text of ``el`` is its links' text."""
    linked = "".join(text_of(a) for a in el.iter("a") if a.get("href") is not None)
    return "".join(text.split()) == "".join(linked.split())


def _is_time(text: str) -> bool:
    """Whether ``text`` is a short line that reads as a time (the date line "2025/09/03-18:42")."""
    if len(text) > 40:
        return False
    try:
        return parse_jst(text) is not None
    except NeedsReference:  # "2 hours ago": a time, read with the caller's fetch time
        return True


def _read_unclassed(page: Page, parts: _Parts, beside: _Beside) -> None:
    """Take for the page's parts what stands beside its headline (see :func:`_unclassed`), and the side lists:
    each the list of links after a heading the site's text-copy reader knows ("Latest News", "Most Read")."""
    parts.date, parts.body, parts.photos, parts.more = beside.date, beside.body, beside.photos, beside.more
    side = []
    for h in page.root.iter("h2", "h3", "h4"):
        if _text_heading(text_of(h)) is None:
            continue
        box = next((s for s in h.itersiblings() if isinstance(s.tag, str)), None)
        if box is not None and box.tag in ("ul", "ol", "div") and (text := text_of(box)) and _only_links(box, text):
            side.append(box)
    parts.lists = elements(_IN_ORDER(page.root, nodes=beside.lists + side))
    told = "" if parts.title_current is not None or beside.in_contents else (
        "; no id tells the 2013 design (h1.text4L) from the current one: read as the current")
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its date line, story, photos "
              f"and lists were found by their places beside the headline and their headings{told}")


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"full-article-txt", b"article-title", b"jen.jiji.com")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ------------------------------------------------------------------------------------

_MONTHS = r"(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
#: "Tokyo, Jan. 21 (Jiji Press)--", "Mito, Ibaraki Pref., Sept. 3 (Jiji Press)--", "Wakayama (Jiji Press)—"
JIJI_DATELINE = re.compile(
    rf"^[A-Z][a-z][\w.'’ -]{{0,40}}(?:, [A-Z][\w.'’ -]{{0,40}}){{0,2}}(?:, {_MONTHS} \d{{1,2}})? \(Jiji Press\)"
    r"\s?(?:--|—|–)"
)
SLASH_DATE = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}[-\s]+\d{1,2}:\d\d$")
_NOT_JIJI = re.compile(r"^(?:News\s?from Japan|nippon\.com)$", re.IGNORECASE)
_TEXT_HEADINGS = {
    "latest news": "latest", "latest": "latest", "new arrivals": "latest", "most read": "popular",
    "most viewed": "popular", "popular": "popular", "ranking": "ranking", "access ranking": "ranking",
    "related": "related", "related news": "related", "related articles": "related", "photos": "related",
    "more": "read-more", "more news": "read-more",
}


def _text_heading(line: str) -> str | None:
    return _TEXT_HEADINGS.get(line.lower().rstrip(":"))


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:15]
    if any(_NOT_JIJI.match(ln) for ln in head):
        return False
    return any(SLASH_DATE.match(ln) for ln in head[:6]) or any(JIJI_DATELINE.match(ln) for ln in head)


_PHOTO_LINK = re.compile(r"^Photo: \S.{0,150}$")
_MORE_LINK = re.compile(r"^More [A-Z][\w&' -]{1,40} (?:news|stories)$", re.IGNORECASE)


def parse_text(copy: TextCopy) -> Article:
    notices: list[Notice] = [Notice("layout", "low-confidence", "Jiji page chrome in text copies is not attested")]
    lines = list(copy.lines)
    discarded: list[Discarded] = []
    date_idx = next((i for i, ln in enumerate(lines[:8]) if SLASH_DATE.match(ln)), None)
    start = next((i for i, ln in enumerate(lines[:20]) if JIJI_DATELINE.match(ln)), None)
    title = date_text = None
    published = None
    if date_idx is not None:
        date_text = lines[date_idx]
        published = parse_jst(date_text)
        head, rest = lines[:date_idx], lines[date_idx + 1 :]
    elif start is not None:
        head, rest = lines[:start], lines[start:]
    else:
        head, rest = lines[:1], lines[1:]
    if head:
        title = strip_suffix(head.pop(), NAMES)
    if head:
        discarded.append(Discarded(kind="navigation", text="\n".join(head)))
    if published is None:
        notices.append(Notice("published", "missing", "no 'YYYY/MM/DD-HH:MM' line"))
        kd = k_date(copy.url)
        if kd is not None:
            published = kd
            notices.append(Notice("published", "low-confidence", "date only, from the k-number of the URL"))
    images: list[Image] = []
    while rest and _CREDIT.search(rest[0]) and not JIJI_DATELINE.match(rest[0]):
        caption, credit = photo_credit(rest.pop(0))
        images.append(image(None, caption, credit))
    body_lines, blocks_found, leftovers = list_blocks(rest, _text_heading)
    # a link to more of the section's news under the story ("More Politics news")
    if len(body_lines) > 1 and _MORE_LINK.match(body_lines[-1]):
        discarded.append(Discarded(kind="navigation", items=(Item(title=body_lines[-1]),), text=body_lines.pop()))
    # links to photo stories printed under the story ("Photo: Autumn Festival in Kawagoe"), no heading above
    photo_links = 0
    while photo_links < len(body_lines) and _PHOTO_LINK.match(body_lines[-1 - photo_links]):
        photo_links += 1
    if photo_links:
        links = body_lines[-photo_links:]
        del body_lines[-photo_links:]
        discarded.append(Discarded(kind="related", items=tuple(Item(title=t) for t in links), text="\n".join(links)))
    discarded.extend(blocks_found)
    if leftovers:
        discarded.append(Discarded(kind="other", text="\n".join(leftovers)))
    dateline, blocks = cut_dateline([Block("paragraph", ln) for ln in body_lines])
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=GENRES.get(_query(copy.url).get("g") or ""),
        published=published,
        dateline=dateline,
        agency=AGENCY,
        body=blocks,
        images=images,
        discarded=discarded,
        date_text=date_text,
        layout="jiji/text",
        warnings=notices,
    )


# -- cutting the page down before it is parsed ---------------------------------------------------------
# The scraper's pages hold the article and the side column (its link lists) in one top-level container,
# div#wrapper (div#contents in the older design), with div#footer after it; the site header and menus
# come before it. prune() keeps <head> and that region, and keeps the whole page when anything the
# module or the page's structured data reads may lie outside it.

_PRUNE_STARTS = (b'<div id="wrapper"', b'<div id="contents"')
_PRUNE_END = b'<div id="footer"'
#: Found outside the kept region, each makes prune() keep the whole page: JSON-LD (structured data reads
#: it wherever it is; its "+" is rare in pages: found by memchr), the module's own classes (article-title,
#: article-date, full-article-txt; photos-data, photos-list; link-more), the meta tags structured data is
#: read from wherever they are (microdata puts them in the body) and a canonical link (rel="canonical" or
#: "Canonical"; the first one on the page is its address).
_PRUNE_RISKS = ((b"ld+json", 2), b"article-", b"photos-", b"link-more", b"<meta", b"anonical")


def _list_class_in(data: bytes, start: int, end: int) -> bool:
    """Whether ``data[start:end]`` holds ``textL``, ``textBL`` or ``text4L``: a memchr walk over its
    "L" bytes (rare in pages), where three plain finds would each read every byte."""
    i = data.find(b"L", start, end)
    while i >= 0:
        if i >= 4 and data.startswith(b"text", i - 4):
            return True
        if i >= 5 and data[i - 1] in b"B4" and data.startswith(b"text", i - 5):
            return True
        i = data.find(b"L", i + 1, end)
    return False


def _heading_in(data: bytes, start: int, end: int) -> bool:
    """Whether ``data[start:end]`` holds an ``<h2``, ``<h3`` or ``<h4`` start tag (a list's heading)."""
    i = data.find(b"<h", start, end)
    while i >= 0:
        if data[i + 2 : i + 3] in (b"2", b"3", b"4"):
            return True
        i = data.find(b"<h", i + 2, end)
    return False


def _head_titles_page(data: bytes, body: int) -> bool:
    """Whether ``<head>`` holds a non-empty ``<title>``: then those in the dropped parts (an icon's
    ``<svg><title>``) are never read (the first non-empty one counts)."""
    t = data.find(b"<title", 0, body)
    if t < 0:
        return False
    gt = data.find(b">", t, body)
    lt = data.find(b"<", gt + 1, body) if gt >= 0 else -1
    text = data[gt + 1 : lt] if lt >= 0 else b"&"
    # an entity may stand for white space only ("&nbsp;"): not told here
    return b"&" not in text and bool(squash(text.decode("utf-8", "replace")))


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the ``div#wrapper`` (or ``div#contents``) region up to ``div#footer``; ``None``
    (parse it all) when the region is not found or anything read may lie outside it."""
    region = prune_region(data, _PRUNE_STARTS, (_PRUNE_END,))
    if region is None:
        return None
    body, start, end = region
    if (not _head_titles_page(data, body) or _heading_in(data, body, start)
            or _list_class_in(data, body, start) or _list_class_in(data, end, len(data))):
        return None
    if dropped_holds(data, ((body, start), (end, len(data))), _PRUNE_RISKS):
        return None
    return cut_to(data, body, start, end)


SITE = Site(
    id=SITE_ID,
    name="Jiji Press",
    hosts=("jen.jiji.com",),
    names=NAMES,
    layouts=(
        Layout("current", _matches_current, extract_current),
        Layout("text4l", _matches_text4l, extract_text4l),
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "k_date", "parse_text", "photo_credit", "prune"]
