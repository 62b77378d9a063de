"""The Mainichi (English) — mainichi.jp/english.

URLs ``/english/articles/YYYYMMDD/<media>/<n>m/<genre>/<NNN>000c``: YYYYMMDD is the publication date,
media ``p2a`` the Mainichi's own English stories and ``p2g`` wire copy (Kyodo; MED).

Layout ``cms2020``: the mainichi.jp CMS (facts HIGH for the Japanese site, LOW for /english): headline
``h1.title-page``, body ``section#articledetail-body`` (read whole by ``_pieces``: paragraphs, list items
and quotations are body paragraphs, h2-h6 subheads, the bare text in a box a paragraph of its own; a table
is a discarded ``other`` block), photos in ``.articledetail-image-left`` /
``.articledetail-body-image-inner`` / ``figure``. Because the English DOM is not attested, structured data
comes first: published = ``cXenseParse:recs:publishtime`` ("2025-01-14T21:17:27+0900"),
``article:published_time``, JSON-LD ``datePublished``, ``firstcreate`` ("2025-01-14 21:17:27"), and the URL
date only as a last resort (midnight, with a ``low-confidence`` warning); updated =
``article:modified_time``, JSON-LD ``dateModified``, ``lastupdate``. When the body section is missing,
JSON-LD ``articleBody`` is read instead.

Datelines: own stories "TOKYO -- " (agency None), wire "TOKYO (Kyodo) -- ", "TOKYO (AP) -- ". A
``p2g`` story with no agency in its dateline is credited to Kyodo with a ``low-confidence`` warning.

Credits: translated stories end "(Japanese original by NAME, Dept.)". That paragraph is kept out of
the body as a discarded block of kind ``credit`` (text = the paragraph). The names in it wrote the
Japanese original, not the English text, so they are **not** byline authors: there is no printed
English byline rule, and the byline comes only from JSON-LD/cXense author names that read as people
in Latin letters (with a ``low-confidence`` warning). Photo captions end "(Mainichi/NAME)",
"(The Mainichi)" or "(Kyodo)": the bracket's content is the image credit, the caption the rest.

Paywall: an element with class ``is-mustpay``, ``cXenseParse:mai-fee-charging`` saying yes, or
``cXenseParse:mai-entitlement`` other than a "free…" value → ``paywalled``, the preview is the body;
the subscription prompt is a discarded ``subscribe`` block.

Text copies: headline → date line ("April 8, 2022 (Mainichi Japan)", LOW) → photo captions →
"TOKYO -- …" paragraphs → "(Japanese original by …)" → "Most Viewed"/"Latest" lists.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from lxml import etree

from .._text import box_text, squash, strip_suffix, text_of
from ..bylines import is_person_name
from ..dates import JST, NeedsReference, parse_jst
from ..loading import RAW_TEXT
from ..model import Article, Block, Byline, Dateline, Discarded, Image, Item, Notice
from ..page import Page, xpath
from ..structured import ld_names, ld_text, ld_url, strip_tags
from ..textcopy import TextCopy, is_subhead_line
from .base import (
    PRUNED_ATTR,
    Layout,
    Site,
    after_headline,
    cut_dateline,
    cut_to,
    discard,
    fullest,
    has_class,
    image,
    img_url,
    in_text,
    is_photo_figure,
    is_text_figure,
    kept_apart,
    story_blocks,
    walk_story,
    without_headline,
)

SITE_ID = "mainichi"
NAMES = ("The Mainichi", "Mainichi", "The Mainichi Shimbun", "Mainichi Japan", "毎日新聞")

# -- finding the page's parts ---------------------------------------------------------------------------
# One pass over the elements that can matter (filtered in C) finds every part the extractor reads; the
# rules below are those of the XPath expressions they replace (kept in tests/test_site_mainichi.py, which
# checks both give the same elements): a whole-tree XPath with class tests costs ~10x that pass, each time.
BODY_ID = "articledetail-body"
#: Class substrings of a photo box (``contains(@class, ...)``).
_PHOTO_MARKS = ("articledetail-image", "articledetail-body-image")
#: Tags every page is walked for; elements named by class or id are found through the page's bytes.
_WALKED_TAGS = frozenset({"h1", "h2", "h3", "h4", "figure"})
#: Bytes one of which an element's start tag must hold for its class or id to matter here.
_ATTR_MARKS = (b"articledetail-", b"mustpay", b"paywall")
#: Tags whose ancestors keep a paragraph out of the body (besides photo boxes and prompts).
_NOT_BODY_ANCESTORS = frozenset({"figure", "aside", "p"})

FINGERPRINT = xpath(
    "//section[@id='articledetail-body'] | //meta[@name='cXenseParse:mai-entitlement']"
    " | //meta[@name='cXenseParse:mai-fee-charging'] | //img[starts-with(@src, 'https://cdn.mainichi.jp/')]"
)


def _is_photo(cls: str | None) -> bool:
    return cls is not None and "articledetail-" in cls and any(m in cls for m in _PHOTO_MARKS)


def _is_prompt(cls: str | None) -> bool:
    """A subscription prompt: a ``mustpay`` class that is not the ``is-mustpay`` flag, or ``paywall``."""
    return cls is not None and (("mustpay" in cls and "is-mustpay" not in cls) or "paywall" in cls)


class _Parts:
    __slots__ = ("body", "crumb", "crumb_done", "h1", "headings", "mustpay", "photo_boxes", "prompts", "title_h1",
                 "unclassed", "unclassed_done")

    def __init__(self) -> None:
        self.body: etree._Element | None = None  # the first element with id articledetail-body
        self.title_h1: etree._Element | None = None  # the first h1.title-page
        self.h1: etree._Element | None = None
        self.headings: list[etree._Element] = []  # h2, h3, h4 in document order
        self.mustpay = False  # an element with the class word is-mustpay
        self.photo_boxes: list[etree._Element] = []
        self.prompts: list[etree._Element] = []
        self.crumb_done = False
        self.crumb: etree._Element | None = None
        self.unclassed_done = False
        self.unclassed: etree._Element | None = None  # the story of a copy whose classes are gone (_unclassed)


def _walked_tags(page: Page) -> tuple[str, ...] | None:
    """The tags to visit: the headings and figures, and every tag whose start tag may hold a class or
    id named here (read off the bytes). ``None``: visit every element."""
    names = set(_WALKED_TAGS)
    ranges = _parsed_ranges(page)
    for mark in _ATTR_MARKS:
        found = page.tags_with(mark) if ranges is None else _tag_names(page.source or b"", mark, ranges)
        if found is None:
            return None
        names.update(found)
    return tuple(names)


def _parsed_ranges(page: Page) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """For a page cut by prune(): the ranges of its bytes the tree was parsed from (the head, and the
    page from the cut on), so that the chrome left out is not searched. ``None`` for a whole page."""
    body = page.root.find("body")
    cut = body.get(PRUNED) if body is not None else None
    source = page.source
    if cut is None or source is None or not cut.isdigit():
        return None
    start = int(cut)
    head_end = source.find(b"<body")
    if not 0 <= head_end < start or not source.startswith(b"<h1", start):
        return None
    return (0, head_end), (start, len(source))


_TAG_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]{0,30})[\s/>]")


def _tag_names(source: bytes, needle: bytes, ranges: Iterable[tuple[int, int]], limit: int = 1000) -> set[str] | None:
    """Page.tags_with(), within ``ranges`` of the bytes: the names of the tags whose start tag may hold
    ``needle`` (``None``: cannot tell)."""
    names: set[str] = set()
    for lo, hi in ranges:
        i = source.find(needle, lo, hi)
        while i >= 0:
            limit -= 1
            lt = source.rfind(b"<", max(lo, i - 2000), i)
            m = _TAG_NAME.match(source, lt) if lt >= 0 and limit >= 0 else None
            if m is None:
                return None
            names.add(m.group(1).decode("ascii").lower())
            i = source.find(needle, i + len(needle), hi)
    return names


def _parts(page: Page) -> _Parts:
    parts: _Parts | None = page.memo.get(SITE_ID)
    if parts is None:
        parts = page.memo[SITE_ID] = _scan(page)
    return parts


def _scan(page: Page) -> _Parts:
    parts = _Parts()
    tags = _walked_tags(page)
    boxes: list[etree._Element] = []  # photo boxes and figures, before their ancestors are checked
    prompts: list[etree._Element] = []
    for el in page.root.iter(*tags) if tags is not None else page.root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        cls = el.get("class")
        if tag in ("h2", "h3", "h4"):
            parts.headings.append(el)
        elif tag == "h1":
            if parts.h1 is None:
                parts.h1 = el
            if parts.title_h1 is None and cls and has_class(el, "title-page"):
                parts.title_h1 = el
        if parts.body is None and el.get("id") == BODY_ID:
            parts.body = el
        if not cls:
            if is_photo_figure(el):  # (a pull quote or a table in a figure: the story's)
                boxes.append(el)
            continue
        if is_photo_figure(el) or _is_photo(cls):
            boxes.append(el)
        if "pay" in cls:
            if _is_prompt(cls):
                prompts.append(el)
            if not parts.mustpay and has_class(el, "is-mustpay"):
                parts.mustpay = True
    # the elements that hold the body hold the whole story: none of them is a photo box around a photo
    above = set(parts.body.iterancestors()) if parts.body is not None and boxes else set()
    parts.photo_boxes = [el for el in boxes if _is_photo_box(el, above)]
    parts.prompts = [el for el in prompts if not any(_is_prompt(a.get("class")) for a in el.iterancestors())]
    return parts


def _add_story_figures(page: Page, parts: _Parts, story: etree._Element) -> None:
    """Add to the photo boxes the figures of a story found by its place (:func:`_is_photo_box` tells a figure of
    the story by the story's id), in page order."""
    boxes = set(parts.photo_boxes)
    extra = [f for f in story.iter("figure") if f not in boxes and not is_text_figure(f) and not any(
        a in boxes or a.tag == "figure" or _is_photo(a.get("class")) for a in _between_up(f, story))]
    if extra:
        boxes.update(extra)
        parts.photo_boxes = [el for el in page.root.iter() if el in boxes]


def _between_up(el: etree._Element, top: etree._Element) -> list[etree._Element]:
    """The ancestors of ``el`` below ``top``."""
    out = []
    for a in el.iterancestors():
        if a is top:
            break
        out.append(a)
    return out


def _is_photo_box(el: etree._Element, above: set[etree._Element]) -> bool:
    """An outermost photo box outside any figure, or a figure inside the body outside any photo box.

    Of ``el``'s ancestors only those below ``above`` (the ancestors of the body) count: a figure left open
    above the story (a stray start tag in the menus) holds the story's photo boxes in the tree, and must not
    hide them."""
    in_figure = in_body = False
    for a in el.iterancestors():
        if a in above:
            break  # it and all above it hold the body too
        if _is_photo(a.get("class")):
            return False
        if a.tag == "figure":
            in_figure = True
        if a.get("id") == BODY_ID:
            in_body = True
    if _is_photo(el.get("class")) and not in_figure:
        return True
    return el.tag == "figure" and in_body


def _keeps_out(el: etree._Element) -> bool:
    """Whether paragraphs inside ``el`` are kept out of the body (photo boxes, prompts, asides...)."""
    if el.tag in _NOT_BODY_ANCESTORS:
        return True
    cls = el.get("class")
    return _is_photo(cls) or _is_prompt(cls)


def _crumb(page: Page, parts: _Parts) -> etree._Element | None:
    """The first ``li`` with an ``active`` class, child of a ``ul`` inside a ``div`` with a ``container``
    class (the breadcrumb's current section)."""
    if parts.crumb_done:
        return parts.crumb
    parts.crumb_done = True
    for li in page.root.iter("li"):
        cls = li.get("class")
        if not cls or "active" not in cls:
            continue
        ul = li.getparent()
        if ul is None or ul.tag != "ul":
            continue
        if any(a.tag == "div" and "container" in (a.get("class") or "") for a in ul.iterancestors()):
            parts.crumb = li
            break
    return parts.crumb


URL_RE = re.compile(r"/articles/(?P<date>\d{8})/(?P<media>p\d[a-z])/\d\dm/(?P<genre>[0-9a-z]{3})/\d{3}000c")

# -- text rules -------------------------------------------------------------------------------------------
ORIGINAL = re.compile(r"^\(Japanese original by [^()]+\)$")
PHOTO_CREDIT = re.compile(
    r"\s*\((?P<credit>Mainichi/[^()]{1,60}|The Mainichi|Mainichi|Kyodo|AP(?: Photo)?(?:/[^()]{1,60})?|"
    r"Reuters|AFP-Jiji|Photo courtesy of [^()]{1,60}|Courtesy of [^()]{1,60})\)$"
)
OWN_CAPTION = re.compile(r"\((?:Mainichi/[^()]{1,60}|The Mainichi)\)$")
SIDE_LISTS = {"most viewed": "popular", "most read": "popular", "ranking": "ranking", "latest": "latest",
              "latest news": "latest", "latest articles": "latest", "related": "related",
              "related articles": "related", "related stories": "related"}
_FREE = ("free",)
_YES = frozenset({"1", "true", "yes", "on", "有料", "charge", "charged", "pay", "paid"})
_NO = frozenset({"0", "false", "no", "off", "無料", "free"})


def split_caption(text: str) -> tuple[str | None, str | None]:
    """``"A view of Kobe. (Mainichi/Taro Sato)"`` → ``("A view of Kobe.", "Mainichi/Taro Sato")``."""
    t = squash(text)
    m = PHOTO_CREDIT.search(t)
    if not m:
        return t or None, None
    return t[: m.start()].rstrip() or None, m.group("credit")


def url_parts(url: str | None) -> tuple[dt.datetime | None, str | None]:
    """(publication date from the URL at midnight JST, media code ``p2a``/``p2g``)."""
    if not url:
        return None, None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None, None
    m = URL_RE.search(path)
    if not m:
        return None, None
    d = m.group("date")
    try:
        day = dt.datetime(int(d[:4]), int(d[4:6]), int(d[6:]), tzinfo=JST)
    except ValueError:
        day = None
    return day, m.group("media")


def _safe_date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _kind_of_heading(text: str) -> str | None:
    return SIDE_LISTS.get(text.lower().rstrip(":"))


def _inside(el: etree._Element, container: etree._Element | None) -> bool:
    return container is not None and (el is container or any(a is container for a in el.iterancestors()))


def _pieces(page: Page, container: etree._Element, boxes: frozenset[etree._Element] = frozenset()
            ) -> tuple[list[Block], list[Discarded]]:
    """The paragraphs and subheads of the story in ``container``, in reading order, and the tables it holds
    (discarded: a table is no paragraph, its text a line per row, its cells apart), read by :func:`walk_story`
    from the container's children down, nothing above it looked at: a figure or aside left open above the story
    (a stray start tag in the menus) holds the whole story in the tree, and must not empty it. A figure, photo
    box, prompt or aside (:func:`_keeps_out`), one of ``boxes`` (the photo boxes and prompts of a copy whose
    classes are gone, found by what they hold) and the headline (an ``h1`` before the story's text, read as the title:
    :func:`without_headline`) hold nothing of the body: the photos and prompts are read on their own."""
    blocks: list[Block] = []
    tables: list[Discarded] = []
    if _keeps_out(container):
        return blocks, tables

    def keep_out(el: etree._Element) -> bool:  # (a paragraph is read, unless a photo's or a prompt's class marks it)
        if is_photo_figure(el) or el in boxes:
            return True
        cls = el.get("class")
        return cls is not None and (_is_photo(cls) or _is_prompt(cls))

    blocks, found = story_blocks(without_headline(container, walk_story(container, container.text, keep_out=keep_out)))
    return blocks, kept_apart(page, found)


def _first_caption(box: etree._Element) -> etree._Element | None:
    """The first ``figcaption``, ``p`` or element with a ``caption`` class inside the box."""
    for el in box.iterdescendants():
        tag = el.tag
        if tag in ("figcaption", "p") or (isinstance(tag, str) and "caption" in (el.get("class") or "")):
            return el
    return None


def _images(page: Page, parts: _Parts) -> list[Image]:
    out: list[Image] = []
    for box in parts.photo_boxes:
        img = next(box.iterdescendants("img"), None)
        cap_el = _first_caption(box)
        alt = squash(img.get("alt")) if img is not None else ""
        # (no caption element: the image's alt text, else a figure's own text, not lost)
        text = text_of(cap_el) if cap_el is not None else alt or (text_of(box) if box.tag == "figure" else "")
        caption, credit = split_caption(text) if text else (None, None)
        if img is None and caption is None:
            continue
        out.append(image(img_url(page, img), caption, credit))
    return out


def _paywalled(page: Page, parts: _Parts) -> bool:
    if parts.mustpay:
        return True
    fee = (page.meta_value("cxenseparse:mai-fee-charging") or "").strip().lower()
    if fee in _YES:
        return True
    if fee and fee not in _NO:
        page.warn("paywalled", "low-confidence", f"fee-charging value {fee!r} is not attested; read as paid")
        return True
    entitlement = (page.meta_value("cxenseparse:mai-entitlement") or "").strip().lower()
    if entitlement and not entitlement.startswith(_FREE):
        page.warn("paywalled", "low-confidence", f"entitlement {entitlement!r}: only 'free-entry' is attested")
        return True
    if not fee and not entitlement and parts.unclassed is not None:
        page.warn("paywalled", "low-confidence", "no fee or entitlement meta, no subscription prompt, and the page's"
                  " classes (its is-mustpay flag) are gone: read as free")
    return False


def _side_lists(page: Page, parts: _Parts) -> list[Discarded]:
    out: list[Discarded] = []
    body = parts.body
    for h in parts.headings:
        heading = text_of(h)
        kind = _kind_of_heading(heading)
        box = h.getparent()
        if kind is None or box is None or _inside(h, body):
            continue
        if _cut_parent(box):
            # the heading's box began in the chrome prune() left out: its links are not all here
            page.warn("body", "unknown-layout", "a side list's box was cut off: the whole page is needed")
        items = tuple(Item(title=t, url=page.absolute(href)) for a in box.iterdescendants("a")
                      if (href := a.get("href")) is not None and (t := text_of(a)))
        out.append(discard(kind, heading, items))
    return out


def _cut_parent(box: etree._Element) -> bool:
    """Whether ``box`` is the ``<body>`` prune() wrote: a heading under it may have had a parent in the
    chrome left out (api.parse() re-parses the whole page on the ``unknown-layout`` warning)."""
    return box.tag == "body" and box.get(PRUNED) is not None


def _byline(page: Page) -> Byline | None:
    people = [n for n in ld_names(page.ld("author")) if is_person_name(n)]
    if not people:
        meta = page.meta_value("cxenseparse:author")
        people = [n for n in (squash(x) for x in re.split(r"[,、]", meta or "")) if is_person_name(n)]
    if not people:
        return None
    page.warn("byline", "low-confidence", "no printed byline: names read from structured author data")
    return Byline(raw=", ".join(people), authors=tuple(dict.fromkeys(people)), affiliation=None)


def finish_body(blocks: list[Block]) -> tuple[list[Block], Dateline | None, list[Discarded]]:
    """Take the "(Japanese original by …)" credits out of the body and cut the dateline."""
    kept: list[Block] = []
    credits: list[Discarded] = []
    for b in blocks:
        if b.kind == "paragraph" and ORIGINAL.match(b.text):
            credits.append(Discarded(kind="credit", text=b.text))
        else:
            kept.append(b)
    dateline, kept = cut_dateline(kept)
    return kept, dateline, credits


def _agency(dateline: Dateline | None, media: str | None, warn: list[Notice]) -> str | None:
    if dateline is not None and dateline.agency:
        return dateline.agency
    if media == "p2g":
        warn.append(Notice("agency", "low-confidence", "wire story (p2g in the URL) read as Kyodo copy"))
        return "Kyodo"
    return None


def extract_cms2020(page: Page) -> Article:
    parts = _parts(page)
    unclassed = _unclassed(parts)
    if unclassed is not None:
        _read_unclassed(page, parts, unclassed)
    elif parts.body is None and parts.title_h1 is not None:  # the ids are gone, not the classes
        parts.body = _most_paragraphs(after_headline(parts.title_h1))
        if parts.body is not None:
            page.warn("layout", "fallback", "no #articledetail-body (a copy whose ids are gone?): the story is the "
                      "element after the headline holding the most paragraphs")
            _add_story_figures(page, parts, parts.body)
    body_el = parts.body
    url_day, media = url_parts(page.url)
    if media is None:
        url_day, media = url_parts(page.url_hint)
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := page.meta_value("og:title")) else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1.title-page", lambda: text_of(parts.title_h1) or None),
        ("h1", lambda: text_of(parts.h1) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("breadcrumb", lambda: text_of(_crumb(page, parts)) or None),
        required=False,
    )
    if section is None and unclassed is not None:
        page.warn("section", "missing", "the breadcrumb marks its current section by its class only, and the page's"
                  " classes are gone")
    published = page.pick(
        "published",
        ("cXenseParse:recs:publishtime", lambda: _safe_date(page, page.meta_value("cxenseparse:recs:publishtime"))),
        ("article:published_time", lambda: _safe_date(page, page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: _safe_date(page, ld_text(page.ld("datePublished")))),
        ("firstcreate", lambda: _safe_date(page, page.meta_value("firstcreate"))),
        ("URL date", lambda: url_day),
    )
    if url_day is not None and published is url_day:
        page.warn("published", "low-confidence", "only the date in the URL: the time of day is unknown")
    updated = page.pick(
        "updated",
        ("article:modified_time", lambda: _safe_date(page, page.meta_value("article:modified_time"))),
        ("JSON-LD dateModified", lambda: _safe_date(page, ld_text(page.ld("dateModified")))),
        ("lastupdate", lambda: _safe_date(page, page.meta_value("lastupdate"))),
        required=False,
    )
    if body_el is not None:
        # a copy whose classes are gone: the boxes found by what they hold keep their paragraphs out of the body
        boxes = frozenset((*parts.photo_boxes, *parts.prompts)) if unclassed is not None else frozenset()
        blocks, tables = _pieces(page, body_el, boxes)
    else:
        page.warn("body", "unknown-layout", "no section#articledetail-body")
        blocks, tables = [], []
    if not blocks:
        text = page.ld("articleBody")
        if isinstance(text, str) and text.strip():
            page.warn("body", "fallback", "read from JSON-LD articleBody")
            blocks = [Block("paragraph", p) for p in (squash(strip_tags(x)) for x in text.splitlines()) if p]
    blocks, dateline, credits = finish_body(blocks)
    if not blocks:
        page.warn("body", "missing", "no paragraphs found")
    notes: list[Notice] = []
    agency = _agency(dateline, media, notes)
    for n in notes:
        page.warn(n.field, n.code, n.detail)
    images = _images(page, parts)
    if not images:
        lead = ld_url(page.ld("image")) or page.meta_value("og:image")
        if lead:
            images = [image(page.absolute(lead), None, None)]
    paywalled = _paywalled(page, parts)
    discarded = tables + credits
    for el in parts.prompts:
        discarded.append(discard("subscribe", None, (), box_text(el)))
    discarded.extend(_side_lists(page, parts))
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=_byline(page),
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=paywalled,
        description=strip_tags(page.meta_value("og:description", "description")),
        layout="mainichi/cms2020",
        warnings=page.notices,
    )


def _matches_cms2020(page: Page) -> bool:
    parts = _parts(page)
    return parts.body is not None or parts.title_h1 is not None or _unclassed(parts) is not None


# -- a copy whose classes are gone ----------------------------------------------------------------------
# A web archive (archive.today) stores a page with its class attributes stripped, and a copy may lose its ids
# too. The design marks its headline (h1.title-page), its story (section.articledetail-body), its photo boxes,
# its paywall flag (is-mustpay) and its subscription prompt by class: on such a copy they are found by their
# places relative to the headline and by what they hold. A page with its classes never gets past the first
# test of _unclassed (the headline's class, found by _scan).

#: The words of the subscription prompt in the story ("The rest of this article is for paid members.",
#: "Subscribe now"), which the design tells from the story by its class only.
_PROMPT_WORDS = re.compile(r"\b(?:paid members?|premium members?|subscri(?:be|bers?|ption))\b", re.IGNORECASE)
#: Tags of the boxes in the story that may be a prompt; a longer text than this is no prompt.
_PROMPT_TAGS = ("div", "section", "aside", "form")
_PROMPT_MAX_CHARS = 300


def _unclassed(parts: _Parts) -> etree._Element | None:
    """The story's container on a copy of a page whose classes are gone, ``None`` on any other page. The
    design's headline and story always have their classes (``h1.title-page``, ``section.articledetail-body``):
    a page with no ``h1.title-page``, whose first headline has no class attribute at all and whose story (by its
    id, or when the ids are gone too by its place: of the elements after the headline, the one with the most
    paragraphs as children) has none either, is such a copy. A page whose classes were renamed (a redesign) is
    not: its headline has a class."""
    if not parts.unclassed_done:
        parts.unclassed_done = True
        h1 = parts.h1
        if parts.title_h1 is None and h1 is not None and h1.get("class") is None:
            story = parts.body if parts.body is not None else _most_paragraphs(after_headline(h1))
            if story is not None and story.get("class") is None:
                parts.unclassed = story
    return parts.unclassed


def _most_paragraphs(elements: list[etree._Element]) -> etree._Element | None:
    """Of ``elements`` and those inside them, the one with the most paragraphs as children (the first of
    equals; ``None`` when none has one)."""
    return fullest(itertools.chain.from_iterable(top.iter(etree.Element) for top in elements))


def _between(h1: etree._Element | None, story: etree._Element) -> list[etree._Element]:
    """The outermost elements after the headline and before the story, in document order (none holds it)."""
    above = set(story.iterancestors())
    out: list[etree._Element] = []
    elements = after_headline(h1)
    while elements:
        for el in elements:
            if el is story:
                return out
            if el in above:  # it holds the story: what comes before it in there
                elements = [child for child in el if isinstance(child.tag, str)]
                break
            out.append(el)
        else:
            return out
    return out


def _photo_box(img: etree._Element, story: etree._Element) -> etree._Element | None:
    """The box around a photo in the story: the outermost element around the ``img`` below the story that holds
    that photo alone, with at most one paragraph (its caption) and no subhead (``None``: the photo stands
    bare in the story or in a paragraph)."""
    box = None
    parent = img.getparent()
    while (parent is not None and parent is not story and parent.tag not in ("p", "h2", "h3")
           and sum(1 for _ in parent.iter("img")) == 1 and sum(1 for _ in parent.iter("p")) <= 1
           and next(parent.iter("h2", "h3"), None) is None):
        box, parent = parent, parent.getparent()
    return box


def _read_unclassed(page: Page, parts: _Parts, story: etree._Element) -> None:
    """Find by their places and what they hold what :func:`_scan` finds by class, on a copy of a page whose
    classes are gone: the story (``story``); the photo boxes between the headline and the story (a figure, or
    a box holding a photo) and those in it (a figure, or the box around a photo: :func:`_photo_box`); the
    subscription prompts in the story (a box with a link, whose words speak of paying: :data:`_PROMPT_WORDS`),
    with which the design's ``is-mustpay`` flag goes."""
    parts.body = story
    boxes = [el for el in _between(parts.h1, story)
             if is_photo_figure(el) or next(el.iter("img"), None) is not None]
    inside: list[etree._Element] = []
    for el in story.iterdescendants("figure", "img"):
        if any(_inside(el, box) for box in inside) or is_text_figure(el):
            continue
        box = el if el.tag == "figure" else _photo_box(el, story)
        if box is not None:
            inside.append(box)
    prompts: list[etree._Element] = []
    for el in story.iterdescendants(*_PROMPT_TAGS):
        if any(_inside(el, box) for box in (*inside, *prompts)) or next(el.iter("a"), None) is None:
            continue
        text = box_text(el)
        if len(text) <= _PROMPT_MAX_CHARS and _PROMPT_WORDS.search(text):
            prompts.append(el)
    parts.photo_boxes = boxes + inside
    parts.prompts = prompts
    parts.mustpay = bool(prompts)
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its story, photos and "
              "subscription prompt were found by their places and what they hold")


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"articledetail-body", b"cXenseParse:mai-", b"https://cdn.mainichi.jp/")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- cutting the page down before it is parsed ---------------------------------------------------------

#: The attribute prune() puts on the ``<body>`` it writes, so the extractor knows it reads a cut page
#: (its value: the offset of the cut in the page's bytes).
PRUNED = PRUNED_ATTR
#: Tags that, in the lower-cased page chrome before the headline, could change what the extractor finds:
#: structured data, the headings of side lists, figures and asides (inside the body they keep paragraphs out
#: of it; one left open above the story does not, see _pieces, but the cut does not tell them apart), and
#: the paragraphs, comments and raw-text elements the cut must not fall inside. One pass of the regex
#: engine over the chrome's "<" costs about as much as four bytes.find() calls, not one per tag.
_CHROME_TAGS = re.compile(
    rb"<(!--|(?:/?(?:p|script|style|textarea|title|xmp|iframe|noembed|noframes)|plaintext|aside|figure|meta|link"
    rb"|h[1-4])(?=[\s/>]))"
)
#: Elements whose content is text to libxml2: the cut must not fall inside one (a "<h1" in a script).
_RAW_TEXT = frozenset({*RAW_TEXT, b"plaintext"})


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the page from the first ``<h1`` (the headline) on; the menus before it are left
    out when nothing in them can matter to the extractor (``None``: parse it all).

    The chrome before the cut must hold no structured data, no h1-h4 heading (side lists are read
    page-wide), no figure or aside, no photo box or body id (``articledetail-image``/``-body``), no
    paywall class and no breadcrumb container; no title or canonical link unless the head has its
    own (the first of each wins); no paragraph left open; and the cut must not fall inside a comment,
    script or other raw-text element. A side-list heading whose parent began before the cut is caught
    by the extractor, which then asks for the whole page (see _cut_parent).
    """
    body = data.find(b"<body")
    if body < 0:
        return None
    start = data.find(b"<h1", body)
    end = data.find(b">", body)
    if start < 0 or end < 0 or end > start:
        return None
    chrome = data[body:start].lower()
    if b"container" in chrome:  # the breadcrumb's container (see _crumb)
        return None
    head = data[:body].lower()
    if in_text(head, 0, body):
        return None  # the "<body" found is in a script or comment of the head
    tags = _CHROME_TAGS.findall(chrome)
    if tags and not _harmless(tags, chrome, head):
        return None
    if _has_hit(chrome, b"articledetail-", lambda i: chrome.startswith((b"image", b"body"), i + 14)):
        return None
    if _has_hit(chrome, b"pay", lambda i: chrome.startswith(b"must", i - 4) or chrome.startswith(b"wall", i + 3)):
        return None
    # the body tag holds where the cut is: the extractor searches the bytes from there on
    return cut_to(data, body, start, len(data), f'<body {PRUNED}="{start}">'.encode())


def _last_tags(tags: list[bytes]) -> dict[bytes, bytes]:
    """Each element's last tag among ``tags`` (found by _CHROME_TAGS): an open one is open at the end."""
    return {tag.lstrip(b"/"): tag for tag in tags}


def _inside_text(tags: list[bytes], text: bytes) -> bool:
    """Whether the end of ``text`` (lower-cased) falls inside a comment or a raw-text element, told from
    the chrome's tags that _harmless reads anyway (each element's last one): base.in_text would walk the
    chrome a second time. A tag named in a script's text counts too, which errs on the side of parsing
    the whole page."""
    for name, tag in _last_tags(tags).items():
        if name == b"!--":
            if text.rfind(b"-->") < text.rfind(b"<!--"):
                return True
        elif name in _RAW_TEXT and tag != b"/" + name:
            return True
    return False


def _harmless(tags: list[bytes], chrome: bytes, head: bytes) -> bool:
    """Whether the chrome's tags found by _CHROME_TAGS leave the extractor's findings as they are (``head``
    and ``chrome`` lower-cased)."""
    if _inside_text(tags, chrome):  # the cut would fall inside it
        return False
    for name, tag in _last_tags(tags).items():
        if name == b"!--":
            continue
        if name == b"p":
            # a paragraph may be open around the article unless the last is closed and every one has its
            # end tag (a <p> inside another's <span> is not closed by the parser)
            if tag != b"/p" or tags.count(b"p") != tags.count(b"/p"):
                return False
        elif name == b"title":
            if not _head_has_title(head):  # the first title with text is read
                return False
        elif name in _RAW_TEXT:
            if name == b"script" and b"ld+json" in chrome:  # JSON-LD: structured data
                return False
        elif name == b"link":
            if b"canonical" in chrome:  # only a canonical link is read
                return False
        else:
            return False
    return True


def _head_has_title(head: bytes) -> bool:
    """Whether the (lower-cased) head holds a ``<title>`` with text in it."""
    i = head.find(b"<title")
    gt = head.find(b">", i) if i >= 0 else -1
    end = head.find(b"</title", gt) if gt >= 0 else -1
    return end >= 0 and bool(head[gt + 1 : end].strip())


def _has_hit(data: bytes, needle: bytes, risky: Callable[[int], bool]) -> bool:
    i = data.find(needle)
    while i >= 0:
        if risky(i):
            return True
        i = data.find(needle, i + 1)
    return False


# -- text copies ----------------------------------------------------------------------------------------

_MAINICHI_JAPAN = re.compile(r"\s*\(Mainichi Japan\)\s*")


def _date_line(line: str, reference: dt.datetime | None) -> tuple[dt.datetime | None, bool]:
    """(the time, whether the line is a date line at all) — a relative line is a date line without a time."""
    if len(line) > 70 or not re.search(r"\d", line):
        return None, False
    t = _MAINICHI_JAPAN.sub(" ", line).strip()
    try:
        value = parse_jst(t, reference=reference)
    except NeedsReference:
        return None, True
    if value is None:
        return None, False
    # the whole line must be the date (and its "(Mainichi Japan)" mark), not a sentence holding one
    return value, len(t) <= 40


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:8]
    return (
        any(ORIGINAL.match(ln) or OWN_CAPTION.search(ln) for ln in copy.lines)
        or any("(Mainichi Japan)" in ln or ln.endswith(" - The Mainichi") or ln == "The Mainichi" for ln in head)
    )



def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    url_day, media = url_parts(copy.url)
    if lines and lines[0] == "The Mainichi":
        discarded.append(Discarded(kind="navigation", text=lines.pop(0)))
    title = strip_suffix(lines.pop(0), NAMES) if len(lines) > 1 else None
    published = None
    date_text = None
    for i, line in enumerate(lines[:4]):
        value, is_date = _date_line(line, copy.reference)
        if is_date:
            date_text = line
            published = value
            if i:
                discarded.append(Discarded(kind="other", text="\n".join(lines[:i])))
            lines = lines[i + 1 :]
            if value is None:
                notices.append(Notice("published", "relative-time", f"{line!r} needs fetched="))
            elif not re.search(r"\d:\d\d", line):
                notices.append(Notice("published", "low-confidence", "the date line holds no time of day"))
            break
    if published is None and url_day is not None:
        published = url_day
        notices.append(Notice("published", "low-confidence", "only the date in the URL"))
    elif published is None:
        notices.append(Notice("published", "missing", "no date line"))
    # the tail: after the "(Japanese original …)" credit, or from the first list heading
    end = next((i for i, ln in enumerate(lines) if ORIGINAL.match(ln) or _kind_of_heading(ln)), len(lines))
    body_lines, tail = lines[:end], lines[end:]
    # captions: own-photo credits anywhere in the body, any credit before the story starts
    images: list[Image] = []
    kept: list[str] = []
    for ln in body_lines:
        own = OWN_CAPTION.search(ln) is not None
        before_story = not kept
        if (own or (before_story and PHOTO_CREDIT.search(ln))) and not ORIGINAL.match(ln):
            cap, credit = split_caption(ln)
            images.append(image(None, cap, credit))
        else:
            kept.append(ln)
    blocks = [Block("subhead" if i and is_subhead_line(ln) else "paragraph", ln) for i, ln in enumerate(kept)]
    blocks, dateline, credits = finish_body(blocks)
    discarded.extend(credits)
    i = 0
    leftovers: list[str] = []
    while i < len(tail):
        line = tail[i]
        i += 1
        if ORIGINAL.match(line):
            discarded.append(Discarded(kind="credit", text=line))
            continue
        kind = _kind_of_heading(line)
        if kind is None:
            leftovers.append(line)
            continue
        items: list[Item] = []
        while i < len(tail) and not _kind_of_heading(tail[i]) and not ORIGINAL.match(tail[i]):
            items.append(Item(title=tail[i]))
            i += 1
        discarded.append(Discarded(kind=kind, heading=line, items=tuple(items),
                                   text="\n".join([line, *(it.title for it in items)])))
    if leftovers:
        discarded.append(Discarded(kind="other", text="\n".join(leftovers)))
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    agency = _agency(dateline, media, notices)
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        published=published,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=images,
        discarded=discarded,
        date_text=date_text,
        layout="mainichi/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="The Mainichi",
    hosts=("mainichi.jp",),
    names=NAMES,
    layouts=(Layout("cms2020", _matches_cms2020, extract_cms2020),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "finish_body", "parse_text", "split_caption", "url_parts"]
