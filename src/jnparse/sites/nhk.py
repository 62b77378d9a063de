"""NHK World-Japan news — www3.nhk.or.jp/nhkworld/en/news/.

Article pages (``/nhkworld/en/news/YYYYMMDD_NN/``) are mostly rendered by JavaScript: the server HTML
carries a JSON-LD object whose ``articleBody`` is the story (facts MED), meta tags, and on the 2024-25
design a ``div.p-article__body`` (facts MED). The title carries the suffix " | NHK WORLD-JAPAN News".
NHK prints no byline and no dateline: nothing is ever cut from the first paragraph, and names are
family-name first as printed (never reordered).

NHK's own per-article news JSON (``/nhkworld/data/en/news/<id>.json``) is read by :func:`parse_json`:
``{"data": {"id", "page_url", "title", "description", "detail", "updated_at" (epoch ms),
"categories": {"name"}, "thumbnails": {...}}}`` with ``detail`` paragraphs separated by ``<br />``
pairs (facts HIGH). The JSON has only ``updated_at``: it stands for both times.

A copy of a page whose classes are gone (as a web archive such as archive.today stores it) reads as the
page: with none of the design's marked parts, the body container, tag list and list boxes are found by
their places beside the headline and by what they hold, with a ``("layout", "fallback")`` warning.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..dates import NeedsReference, from_epoch, parse_jst
from ..model import Article, Block, Discarded, Image, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_text, ld_url, strip_tags
from ..textcopy import TextCopy, list_blocks
from .base import (
    PRUNED_ATTR,
    Layout,
    Site,
    TagFinder,
    cut_to,
    discard,
    dropped_holds,
    fullest,
    has_class,
    image,
    in_text,
    is_link_menu,
    is_photo_figure,
    kept_apart,
    link_items,
    story_blocks,
    walk_story,
)

SITE_ID = "nhk"
NAMES = ("NHK WORLD-JAPAN News", "NHK WORLD-JAPAN", "NHK WORLD", "NHK World-Japan", "NHK WORLD JAPAN")
ORIGIN = "https://www3.nhk.or.jp"

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
ARTICLE_BODY = xpath(f"//div[{_HAS.format('p-article__body')}]")
H1 = xpath("//h1")
TAG_LISTS = xpath(f"//ul[{_HAS.format('p-newsDetail__tags')}]")
LIST_BLOCKS = xpath(
    f"//*[{_HAS.format('c-articleList')} or {_HAS.format('c-articleMediaList')}]"
    f"[not(ancestor::*[{_HAS.format('c-articleList')} or {_HAS.format('c-articleMediaList')}])]"
)
LIST_HEADING = xpath(
    "(./preceding-sibling::*[self::h2 or self::h3][1] | ./*[self::h2 or self::h3][1]"
    " | ../*[self::h2 or self::h3][1])[1]"
)
ARTICLE_LINKS = xpath(".//article//a[@href] | .//li//a[@href]")
FIGURES = xpath(".//figure")
FIG_IMG = xpath(".//img")
FIG_CAPTION = xpath(".//figcaption")
FINGERPRINT = xpath(
    f"//div[{_HAS.format('p-article__body')}] | //ul[{_HAS.format('p-newsDetail__tags')}]"
    " | //link[@rel='canonical'][contains(@href, '/nhkworld/en/news/')]"
    " | //meta[@property='og:url'][contains(@content, '/nhkworld/en/news/')]"
)

_BREAKS = re.compile(r"(?:\s*<br\s*/?>\s*)+", re.IGNORECASE)
_LINES = re.compile(r"\s*\n\s*")
_ID = re.compile(r"^\d{8}_\d{1,3}$")


def paragraphs(text: str | None) -> list[Block]:
    """Paragraph blocks from NHK's body text: ``<br />`` runs or line breaks separate paragraphs."""
    if not text:
        return []
    parts = _BREAKS.split(text) if "<" in text else _LINES.split(text)
    out: list[Block] = []
    for part in parts:
        t = strip_tags(part) if "<" in part else squash(html.unescape(part))
        if t:
            out.append(Block("paragraph", t))
    return out


def _date(page: Page, field: str, text: str | None) -> dt.datetime | None:
    return page.date(field, text)


def _title_tag(page: Page) -> str | None:
    t = page.head.title
    return strip_suffix(t, NAMES) if t else None


def _list_kind(heading: str) -> str:
    h = heading.lower()
    if "ranking" in h:
        return "ranking"
    if "popular" in h or "most read" in h or "top stor" in h:
        return "popular"
    if "latest" in h or "new" in h.split():
        return "latest"
    return "related"


# the classes the whole-tree queries above test, looked for in the page's bytes first (page.elements_with)
_BODY_CLASS = "p-article__body"
_TAGS_CLASS = "p-newsDetail__tags"
_LIST_CLASSES = ("c-articleList", "c-articleMediaList")


def _is_list_block(el: etree._Element) -> bool:
    """A list box that is not inside another list box (LIST_BLOCKS)."""
    return has_class(el, *_LIST_CLASSES) and not any(has_class(a, *_LIST_CLASSES) for a in el.iterancestors())


def _is_body(el: etree._Element) -> bool:
    return el.tag == "div" and has_class(el, _BODY_CLASS)


def _is_tag_list(el: etree._Element) -> bool:
    return el.tag == "ul" and has_class(el, _TAGS_CLASS)


class _Parts:
    """The containers the extractor reads, each list in page order."""

    __slots__ = ("body", "lists", "tag_lists")

    def __init__(self, body: etree._Element | None, tag_lists: list[etree._Element],
                 lists: list[etree._Element]) -> None:
        self.body = body
        self.tag_lists = tag_lists
        self.lists = lists


def _parts(page: Page) -> _Parts:
    body = page.root.find("body")
    if body is not None and body.get(PRUNED) is not None:
        # a page prune() cut: a few dozen elements, cheaper to walk whole than to look the classes up in
        # the page's bytes (the tests of _is_body, _is_tag_list and _is_list_block, so the same elements)
        found: list[etree._Element] = []
        tag_lists: list[etree._Element] = []
        lists: list[etree._Element] = []
        for el in page.root.iter(etree.Element):
            cls = el.get("class")
            if cls is None:
                continue
            words = cls.split()
            if not found and el.tag == "div" and _BODY_CLASS in words:
                found.append(el)
            if el.tag == "ul" and _TAGS_CLASS in words:
                tag_lists.append(el)
            if any(n in words for n in _LIST_CLASSES) and _is_list_block(el):
                lists.append(el)
        return _Parts(found[0] if found else None, tag_lists, lists)
    body_el = next(iter(page.elements_with(_is_body, ARTICLE_BODY, needles=(_BODY_CLASS.encode(),))), None)
    return _Parts(
        body_el,
        page.elements_with(_is_tag_list, TAG_LISTS, needles=(_TAGS_CLASS.encode(),)),
        page.elements_with(_is_list_block, LIST_BLOCKS, needles=tuple(c.encode() for c in _LIST_CLASSES)),
    )


#: What the body container holds (paragraphs, subheads, photos), counted to find it where its class is gone
_BODY_TAGS = ("p", "h2", "h3", "figure")


def _read_unclassed(page: Page, parts: _Parts) -> None:
    """Find by their places what the classes mark, on a copy of the page whose classes are gone (as a web
    archive stores it): none of the design's marked parts was found, the page's bytes hold no ``class=``, and
    neither the story (the first ``article`` with a headline, ``h1``, of its own) nor its headline nor any
    element around them has a class (a page whose classes were renamed is another design). Beside the
    headline, the body container is the div after it with the most paragraphs, subheads and photos (none
    when all are empty, as the script fills them), the tag lists the lists of short links after it; in
    ``main`` (where :func:`prune` keeps what is read), a list box is what follows a heading the site names
    its lists by ("Related", "Most read": see :data:`_TEXT_HEADINGS`), or the box the heading opens."""
    source = page.source
    if source is not None and b"class=" in source:  # the page's first class stops the search: no walk
        return
    h1 = next((h for h in page.root.iter("h1") if (p := h.getparent()) is not None and p.tag == "article"), None)
    story = h1.getparent() if h1 is not None else None
    if h1 is None or story is None or any(
            el.get(b"class") is not None for el in (h1, story, *story.iterancestors())):
        return
    parts.body = fullest(h1.itersiblings("div"), _BODY_TAGS)
    parts.tag_lists = [ul for ul in h1.itersiblings("ul") if is_link_menu(ul) or _links_to_tags(ul)]
    region = next(h1.iterancestors("main"), None)
    for heading in (region if region is not None else story).iter("h2", "h3"):
        kind = _text_heading(text_of(heading))
        if kind is None or kind == "navigation" or any(_inside(heading, box) for box in (parts.body, *parts.lists)):
            continue  # a heading in the story, or in a box found (its lists are that box's: LIST_BLOCKS)
        found = _box_of(heading)
        if found is not None and found not in parts.lists:
            parts.lists.append(found)
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its body, photos, tags and "
              "lists were found by their places and what they hold")


def _links_to_tags(ul: etree._Element) -> bool:
    """Whether a list holds links to the site's tag pages alone ("/nhkworld/en/news/tags/21/"), one or more: a story's
    tag list however short (a list of two short links or more is one by :func:`is_link_menu` already)."""
    links = [a.get("href") or "" for a in ul.iter("a")]
    return bool(links) and all("/news/tags/" in href for href in links)


def _inside(el: etree._Element, box: etree._Element | None) -> bool:
    return box is not None and any(a is box for a in el.iterancestors())


def _box_of(heading: etree._Element) -> etree._Element | None:
    """The list box a heading names: the element after it when that holds the stories' links (a ``ul`` of
    ``li`` or a div of ``article`` cards), else the box the heading opens when that holds them."""
    after = heading.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is not None and after.tag not in ("article", "li") and ARTICLE_LINKS(after):
        return after
    parent = heading.getparent()
    return parent if parent is not None and ARTICLE_LINKS(parent) else None


def _discarded(page: Page, parts: _Parts) -> list[Discarded]:
    out: list[Discarded] = []
    body = parts.body
    for ul in parts.tag_lists:
        out.append(discard("navigation", "Tags", link_items(page, ul)))
    for block in parts.lists:
        if body is not None and (block is body or body in block.iterancestors()):
            continue
        heading = text_of(first(LIST_HEADING(block)))
        out.append(discard(_list_kind(heading), heading or None, link_items(page, block, links=ARTICLE_LINKS)))
    return out


def _images(page: Page, body: etree._Element | None) -> list[Image]:
    out: list[Image] = []
    if body is not None:
        for fig in elements(FIGURES(body)):
            if not is_photo_figure(fig):
                continue  # (a pull quote or a table: the story's text)
            img = first(FIG_IMG(fig))
            src = page.absolute(img.get("src") or img.get("data-src")) if img is not None else None
            cap_el = first(FIG_CAPTION(fig))
            # its figcaption, else the image's alt text, else whatever text the figure holds (its picture given by a
            # script): a figure with neither picture nor text is no photo
            caption = text_of(cap_el) if cap_el is not None else (img.get("alt") if img is not None else None)
            caption = caption or (text_of(fig) if cap_el is None else None)
            if src or caption:
                out.append(image(src, caption, None))
    if out:
        return out
    ld_image = page.ld("image")
    url = ld_url(ld_image) or page.meta_value("og:image")
    if url:
        caption = ld_text(ld_image.get("caption")) if isinstance(ld_image, dict) else None
        out.append(image(page.absolute(url), caption, None))
    return out


def _html_body(body: etree._Element, kept_out: list[etree._Element]) -> list[Block]:
    """The story as the page's body prints it (when no JSON-LD carries it), read by the walk every site reader shares
    (:func:`walk_story`): its photos' figures left to :func:`_images`, the elements it keeps apart (a table, an
    aside, a box its class names) put in ``kept_out``."""
    blocks, found = story_blocks(walk_story(body, body.text, keep_out=is_photo_figure))
    kept_out.extend(found)
    return blocks


def extract_2024(page: Page) -> Article:
    root = page.root
    parts = _parts(page)
    if parts.body is None and not parts.tag_lists and not parts.lists:
        # the design marks these by class: a page with none of them may be a copy whose classes are gone
        _read_unclassed(page, parts)
    body_el = parts.body
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(squash(page.meta_value("og:title")), NAMES) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(H1(root))) or None),
        ("<title>", lambda: _title_tag(page)),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
    )
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, "published", ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, "published", page.meta_value("article:published_time"))),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, "updated", ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, "updated", page.meta_value("article:modified_time"))),
        required=False,
    )
    raw_body = page.ld("articleBody")
    kept_out: list[etree._Element] = []  # (what the page's body keeps apart, when it is read)
    blocks = page.pick(
        "body",
        ("JSON-LD articleBody", lambda: paragraphs(raw_body) if isinstance(raw_body, str) else None),
        ("div.p-article__body", lambda: _html_body(body_el, kept_out) if body_el is not None else None),
    ) or []
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=None,  # NHK prints none
        dateline=None,  # never cut a dateline from NHK text
        agency=None,
        body=blocks,
        images=_images(page, body_el),
        discarded=_discarded(page, parts) + kept_apart(page, kept_out),
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        layout="nhk/2024",
        warnings=page.notices,
    )


def _matches_2024(page: Page) -> bool:
    return True  # the only known design; JSON-LD first, the body container when present


#: Bytes one of which the markup or the title suffix needs in the page.
_FINGERPRINT_BYTES = (b"p-article__body", b"p-newsDetail__tags", b"/nhkworld/en/news/", b"WORLD-JAPAN")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    if FINGERPRINT(page.root):
        return True
    t = page.head.title or ""
    return t.endswith(" | NHK WORLD-JAPAN News")


# -- cutting the page down before it is parsed ---------------------------------------------------------
# Everything the extractor reads in <body> sits in <main> (the body container, the tag list, the list
# boxes and their headings): the menus, modals and footer around it are most of libxml2's work. The page
# is cut only when the bytes outside <main> hold nothing that could change a field or a discarded block.

#: The attribute prune() puts on the ``<body>`` it writes, so the extractor knows it reads a cut page (a
#: tree of a few dozen elements, walked whole instead of looking up the classes in the page's bytes).
PRUNED = PRUNED_ATTR
_PRUNED_BODY = f"<body {PRUNED}>".encode()
#: the classes the extractor looks for (in the page's bytes: class names are case-sensitive), each bare or
#: with a byte rare in pages to look it up by memchr (see base.dropped_holds)
_PRUNE_MARKS = ((b"c-articleList", 9), (b"c-articleMediaList", 9), (b"p-newsDetail__tags", 6), b"p-article__body")
#: In the (lower-cased) chrome before <main>: the tags the head scan (structured.scan) and the h1 fallback
#: read wherever they are, and another <main> or the end of one; comments and raw-text elements are skipped
#: (the cut at <main> must not fall in one). A <title> in the chrome is read (one in the head is skipped).
_CHROME_TAGS = TagFinder(b"main", b"/main", b"meta", b"link", b"title", b"h1")
# The tag patterns below run on the lower-cased page: one bytes.lower() costs less than the regex engine's
# case folding at every "<" (the literal "<" first lets the engine skip from "<" to "<").
#: After </main>: what the head scan and the h1 fallback read, and another <main> or the end of one (the
#: first "</main" was then not the end of the one kept).
_TAIL_TAGS = re.compile(rb"<(?:meta|link|title|h1|/?main)[\s/>]")
#: Containers whose stray end tag inside <main> would close an element cut off (and the rest of <main>
#: with it) in the whole page, and be dropped in the cut one.
_CONTAINER_TAG = re.compile(rb"<(/?)(div|section|article|aside|header|footer|nav|ul|ol|li|form|span)[\s/>]")


def _balanced(low: bytes, start: int, end: int) -> bool:
    """Whether no end tag in ``low[start:end]`` closes a container opened before ``start``."""
    depth: dict[bytes, int] = {}
    for m in _CONTAINER_TAG.finditer(low, start, end):
        name = m.group(2)
        if m.group(1):
            d = depth.get(name, 0) - 1
            if d < 0:
                return False
            depth[name] = d
        else:
            depth[name] = depth.get(name, 0) + 1
    return True


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the one ``<main>`` element; ``None`` (parse it all) when there is no single
    ``<main>``, or when the rest of ``<body>`` holds anything the extractor or the head scan reads.

    The caller (api.py) guarantees the page is UTF-8 throughout, in the bytes dropped too."""
    low = data.lower()  # ASCII only: the same length, the same offsets
    body = low.find(b"<body")
    if body < 0:
        return None
    start = low.find(b"<main", body)
    if start < 0 or low[start + 5 : start + 6] not in (b">", b" ", b"\t", b"\n", b"\r"):
        return None
    inner = low.find(b">", start) + 1  # the <main> start tag counts as outside: a class on it is a risk
    tag = low[start:inner]
    if tag.count(b'"') % 2 or tag.count(b"'") % 2:
        return None  # a ">" in a quoted value: the start tag ends later
    end = low.find(b"</main", inner)
    if inner <= 0 or end < 0 or low.find(b"<main", inner, end) >= 0:
        return None
    dropped = ((body, inner), (end, len(data)))
    # JSON-LD anywhere in <body> outside <main> (structured.scan reads it; a broken block adds a warning)
    if dropped_holds(low, dropped, ((b"ld+json", 2),)) or dropped_holds(data, dropped, _PRUNE_MARKS):
        return None
    if _CHROME_TAGS.find(low, body, start) != -1 or _TAIL_TAGS.search(low, end + 6) is not None:
        return None
    if in_text(low, 0, body) or not _balanced(low, inner, end):
        return None  # the "<body" found is in a head script or comment, or a stray end tag in <main>
    return cut_to(data, body, start, end, _PRUNED_BODY)


# -- NHK's news JSON ----------------------------------------------------------------------------------


def _str(value: Any) -> str | None:
    return squash(html.unescape(value)) or None if isinstance(value, str) else None


def _category(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _str(value.get("name"))
    return _str(value)


def _json_images(thumbs: Any) -> list[Image]:
    if not isinstance(thumbs, dict):
        return []
    src = next((s for k in ("large", "middle", "small") if (s := _str(thumbs.get(k)))), None)
    caption = _str(thumbs.get("caption")) or _str(thumbs.get("alt"))
    if src is None and caption is None:
        return []
    return [image(urljoin(ORIGIN + "/", src) if src else None, caption, None)]


def parse_json(data: Any, url: str | None, fetched: dt.datetime | None) -> Article | None:
    """An Article from NHK's per-article news JSON, or ``None`` when the document is not NHK's."""
    inner = data.get("data") if isinstance(data, dict) else None
    if not isinstance(inner, dict):
        return None
    ident = _str(inner.get("id"))
    page_url = _str(inner.get("page_url"))
    if not ((ident and _ID.match(ident)) or (page_url and "/nhkworld/" in page_url)):
        return None
    if not isinstance(inner.get("detail"), str) and not isinstance(inner.get("title"), str):
        return None
    notices: list[Notice] = []
    if page_url:
        article_url: str | None = urljoin(ORIGIN + "/", page_url)
    elif ident:
        article_url = f"{ORIGIN}/nhkworld/en/news/{ident}/"
    else:
        article_url = url
    stamp = inner.get("updated_at")
    when: dt.datetime | None = None
    if isinstance(stamp, (int, float, str)) and not isinstance(stamp, bool):
        try:
            when = from_epoch(stamp)
        except (ValueError, OverflowError, OSError):
            when = None
        if when is not None and when.year < 2000:  # 0, negative or seconds-for-milliseconds junk
            when = None
    if when is None:
        notices.append(Notice("published", "missing", "no readable updated_at"))
    else:
        notices.append(Notice("published", "low-confidence", "NHK's JSON has only updated_at; used for both times"))
    detail = inner.get("detail")
    blocks = paragraphs(detail if isinstance(detail, str) else None)
    if not blocks:
        notices.append(Notice("body", "missing", "no detail text"))
    return Article(
        site=SITE_ID,
        url=article_url,
        title=_str(inner.get("title")),
        section=_category(inner.get("categories")),
        published=when,
        updated=when,
        body=blocks,
        images=_json_images(inner.get("thumbnails")),
        description=_str(inner.get("description")),
        layout="nhk/json",
        warnings=notices,
    )


# -- text copies (form LOW: headline, date line, one paragraph a line, then lists) ----------------------

_SITE_LINE = re.compile(r"^NHK WORLD[- ]JAPAN(?: News)?$", re.IGNORECASE)
_TEXT_HEADINGS = {
    "related": "related", "related stories": "related", "related articles": "related", "related news": "related",
    "see also": "related", "tags": "navigation", "top stories": "popular", "most read": "popular",
    "popular": "popular", "ranking": "ranking", "latest": "latest", "latest news": "latest",
    "latest stories": "latest", "more stories": "related",
}


def _text_heading(line: str) -> str | None:
    return _TEXT_HEADINGS.get(line.lower().rstrip(":"))


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:6]
    return any(_SITE_LINE.match(ln) or ln.endswith(" | NHK WORLD-JAPAN News") for ln in head)


def parse_text(copy: TextCopy) -> Article:
    notices: list[Notice] = []
    lines = list(copy.lines)
    discarded: list[Discarded] = []
    header: list[str] = []
    while lines and _SITE_LINE.match(lines[0]):
        header.append(lines.pop(0))
    if header:
        discarded.append(Discarded(kind="navigation", text="\n".join(header)))
    title = None
    if lines and not _text_heading(lines[0]):
        title = strip_suffix(lines.pop(0), NAMES)
    date_text = published = None
    for i, line in enumerate(lines[:3]):
        if len(line) > 60:
            continue
        try:
            value = parse_jst(line, reference=copy.reference)
        except NeedsReference:
            notices.append(Notice("published", "relative-time", f"{line!r} needs the time the page was fetched"))
            value = None
            date_text = lines.pop(i)
            break
        if value is not None:
            published, date_text = value, lines.pop(i)
            break
    if published is None:
        notices.append(Notice("published", "missing", "no date line under the headline"))
    body_lines, blocks_found, leftovers = list_blocks(lines, _text_heading)
    discarded.extend(blocks_found)
    if leftovers:
        discarded.append(Discarded(kind="other", text="\n".join(leftovers)))
    blocks = [Block("paragraph", ln) for ln in body_lines]
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        published=published,
        body=blocks,
        discarded=discarded,
        date_text=date_text,
        layout="nhk/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="NHK World-Japan",
    hosts=("www3.nhk.or.jp",),
    names=NAMES,
    layouts=(Layout("2024", _matches_2024, extract_2024),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    parse_json=parse_json,
    prune=prune,
)

__all__ = ["SITE", "paragraphs", "parse_json", "parse_text", "prune"]
