"""Nikkei Asia — asia.nikkei.com (formerly Nikkei Asian Review).

Layout ``next`` (Next.js, 2024 onwards; facts HIGH): everything is read from the
``<script id="__NEXT_DATA__">`` JSON, ``props.pageProps.data``: ``headline``, ``subhead`` (the
standfirst, kept as ``description``), ``byline`` (a string) or ``author.name``, ``createdDate`` /
``lastModifiedDate`` (epoch seconds → ``published`` / ``updated``), ``primaryTag.name`` (the kicker
above the headline → ``kicker``), ``rootCategory`` (→ ``section``), ``image`` (``imageUrl`` and
``fullCaption``) and ``body`` (HTML, parsed once here). Ad blocks (``.o-ads``, ``#AdAsia``) in the body
are discarded as ``ad``; inline ``.ez-embed-type-image`` photos become images; whatever else the story holds
is read where it stands (list items, quotations and bare text as paragraphs, ``h2``-``h6`` as subheads); a
table is discarded as ``other`` (see ``_read_body``).

Paywalled stories carry only ``preview`` (no ``body``): ``paywalled`` is true. The full body comes from
the article-access service as JSON ``{"body": "<html>"}``; pass it as ``parse(html, body=...)`` and the
body is read from it (``paywalled`` becomes false).

Layout ``server`` (the older server-rendered design, ≤2023; facts MED): ``h1.article-header__title``,
``span.article__author``, ``time.timestamp__time``, ``div#article-body-preview``.

Both layouts' pages are cut before they are parsed (``prune``): ``<head>`` and the ``__NEXT_DATA__``
script, or ``<head>`` and the server-rendered article region, whenever the bytes show that nothing the
extractor reads lies in the rest.

Inline SVG icons leak their ``<title>`` text ("ArrowArtboardCreated with Sketch.Title Chevron…") into
copies of the page; ``<svg>`` is never read, and a paragraph made of such text is discarded.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re
from collections.abc import Callable
from itertools import takewhile
from typing import Any

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..bylines import credited_agency, parse_byline, readable_name
from ..dates import NeedsReference, from_epoch, parse_jst
from ..errors import WholePageNeeded
from ..loading import parse_fragment
from ..model import Article, Block, Byline, Discarded, Image, Notice
from ..page import Page, first, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import SENTENCE_END, TextCopy
from .base import (
    Layout,
    Mark,
    Site,
    TagFinder,
    TailCut,
    Unsure,
    after_headline,
    apart_block,
    cut_dateline,
    discard,
    dropped_holds,
    figure_image,
    find_bytes,
    fullest,
    image,
    img_url,
    is_photo_figure,
    walk_story,
)

SITE_ID = "nikkei"
NAMES = ("Nikkei Asia", "Nikkei Asian Review")

#: The __NEXT_DATA__ script and the article-access JSON are read only up to this size.
MAX_JSON_CHARS = 5_000_000
#: A body HTML larger than this is not parsed.
MAX_BODY_CHARS = 2_000_000

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
NEXT_DATA = xpath("//script[@id='__NEXT_DATA__']")
# in a body fragment
# the older server-rendered page
OLD_TITLE = xpath(f"//h1[{_HAS.format('article-header__title')}]")
OLD_AUTHOR = xpath(f"//span[{_HAS.format('article__author')}]")
OLD_TIME = xpath(f"//time[{_HAS.format('timestamp__time')}]")
OLD_BODY = xpath("//div[@id='article-body-preview']")
H1 = xpath("//h1")
# without a URL: the old design's body id, or its title, author and time classes together (each alone
# is common BEM naming), or a Next.js blob with Nikkei's article fields
FINGERPRINT = xpath(
    "//div[@id='article-body-preview']"
    f" | //h1[{_HAS.format('article-header__title')}][//span[{_HAS.format('article__author')}]]"
    f"[//time[{_HAS.format('timestamp__time')}]]"
    " | //script[@id='__NEXT_DATA__'][contains(., '\"primaryTag\"') and contains(., '\"rootCategory\"')]"
)

#: The text of Nikkei's inline SVG icons, as it leaks into copies of the page
#: ("ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon Linkedin…").
_SVG_TOKENS = (r"(?:Arrow|Artboard|Created with Sketch\.|Title|Chevron|Icon|Facebook|Linked[Ii]n|Twitter|Mail|"
               r"Contact|Path|Layer|Positive|Print|Copy|Link|Share|Close|Search|Menu|Bookmark|Gift)")
_SVG_PREFIX = re.compile(rf"^(?:{_SVG_TOKENS}\s*)+")
_SVG_MARK = re.compile(r"Created with Sketch\.|Title Chevron|ArrowArtboard")
#: "… © Reuters", "… (Photo by Hirofumi Yamamoto)", "… (Nikkei montage/Getty Images/AP)".
_COPYRIGHT_CREDIT = re.compile(r"\s*©\s*(?P<credit>[^©()]{2,60})$")
_PAREN_CREDIT = re.compile(
    r"\s*\((?P<credit>(?:Source )?[Pp]hotos? (?:by|courtesy of) [^()]{2,60}|Nikkei montage[^()]{0,80}|"
    r"Illustration by [^()]{2,60}|[^()]{0,40}\b(?:photo|Photo|Getty Images|AP|Reuters|Kyodo|AFP|Jiji)\b[^()]{0,40})\)$"
)


def readable_authors(article: Article) -> tuple[str, ...]:
    """The byline's names in reading case: ``NAOYA YOSHINO`` → ``Naoya Yoshino``."""
    return tuple(readable_name(a) for a in article.authors)


def cut_svg_junk(text: str) -> tuple[str | None, str]:
    """Leaked SVG icon titles at the start of ``text``: ``(junk or None, the rest)``."""
    m = _SVG_PREFIX.match(text)
    if not m or not _SVG_MARK.search(m.group(0)):
        return None, text
    return m.group(0).strip(), text[m.end() :].strip()


def is_svg_junk(text: str) -> bool:
    """True for text made only of leaked SVG icon titles ("ArrowArtboardCreated with Sketch.Title Chevron…")."""
    junk, rest = cut_svg_junk(text)
    return junk is not None and not rest


def split_caption(text: str | None) -> tuple[str | None, str | None]:
    """``"… © Reuters"`` → ``("…", "Reuters")``; ``"… (Photo by Kenji Ito)"`` → ``("…", "Kenji Ito")``."""
    caption = squash(text)
    if not caption:
        return None, None
    m = _COPYRIGHT_CREDIT.search(caption)
    if m:
        return caption[: m.start()].strip() or None, m.group("credit").strip()
    m = _PAREN_CREDIT.search(caption)
    if m:
        credit = re.sub(r"^Photos? by\s+", "", m.group("credit").strip())
        return caption[: m.start()].strip() or None, credit
    return caption, None


# -- JSON ---------------------------------------------------------------------------------------------

def _load_json(page: Page, raw: str | None, what: str) -> Any:
    if not raw or not raw.strip():
        return None
    if len(raw) > MAX_JSON_CHARS:
        page.warn("body", "skipped", f"{what} of {len(raw)} characters was not read (limit {MAX_JSON_CHARS})")
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        page.warn("body", "skipped", f"{what} is not valid JSON")
        return None


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _str(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return squash(value) or None if isinstance(value, str) else None


def _epoch(page: Page, field: str, value: Any) -> dt.datetime | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        try:
            return from_epoch(value)
        except (ValueError, OverflowError, OSError):
            page.warn(field, "skipped", f"{value!r} is not a time")
            return None
    if isinstance(value, str):
        return _date(page, value)
    return None


def _date(page: Page, text: str | None) -> dt.datetime | None:
    try:
        return parse_jst(text, reference=page.reference)
    except NeedsReference:
        page.warn("published", "relative-time", f"{text!r} needs fetched=")
        return None


# -- body HTML ----------------------------------------------------------------------------------------

def _fragment(page: Page, html: str) -> etree._Element | None:
    """The story's HTML (from the data script or the article-access JSON) as a ``<div>``, parsed as a page is
    (:func:`~jnparse.loading.parse_fragment`: the same safe settings, each ``<br>`` a break)."""
    if len(html) > MAX_BODY_CHARS:
        page.warn("body", "skipped", f"a body of {len(html)} characters was not parsed (limit {MAX_BODY_CHARS})")
        return None
    fragment = parse_fragment(html)
    if fragment is None and html.strip():
        page.warn("body", "skipped", "the body HTML could not be parsed")
    return fragment


def _class_words(el: etree._Element) -> list[str]:
    """The words of the class attribute, split as XPath's normalize-space() splits (at XML white space
    only: not at a no-break space or a form feed, as ``str.split`` would)."""
    cls = el.get("class")
    if not cls:
        return []
    return cls.replace("\t", " ").replace("\n", " ").replace("\r", " ").split(" ")


def _read_body(page: Page, container: etree._Element, *, unclassed: bool = False,
               ) -> tuple[list[Block], list[Image], list[Discarded]]:
    """Blocks, inline images and discarded blocks of a body container, in one walk over what it holds (only
    the container and what is in it decide: the elements above it are the page's chrome, and a page cut down
    to its article region lacks them). ``unclassed``: a copy whose classes are gone, whose ads and photos are
    told by what they hold (:func:`_told_ad`, :func:`_told_photo`).

    An ad (discarded as ``ad``) or a photo is taken whole; a paragraph, a subhead (``h2`` to ``h6``) or a list
    item is a block; a table is discarded as ``other``, a line per row (the tree keeps :func:`table_text`'s
    marks in it: nothing reads the table again); ``svg`` (icons) and scripts are never read. Every other
    element is walked into, and the text it holds outside those (a bare ``<div>``'s words, a quotation
    without paragraphs) is a paragraph wherever a block element starts or ends: nothing in the story is lost."""
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []

    def taken_whole(el: etree._Element) -> bool:
        # the common case, a paragraph with no attributes, is no ad or photo: one keys() call tells it
        return (unclassed or bool(el.keys()) or el.tag == "figure") and _box_kind(el, unclassed) is not None

    for kind, piece in walk_story(container, container.text, keep_out=taken_whole, kept=True):
        if kind == "kept" or kind == "apart":
            if not isinstance(piece, etree._Element):
                continue  # (these pieces are elements)
            if kind == "apart":
                if (block := apart_block(page, piece)) is not None:
                    discarded.append(block)
            elif _box_kind(piece, unclassed) == "ad":
                discarded.append(discard("ad", None, (), text_of(piece, skip=_SKIP)))
            elif (photo := _photo(page, piece, unclassed=unclassed)) is not None:
                images.append(photo)
            continue
        text = piece if isinstance(piece, str) else text_of(piece, skip=_SKIP)
        junk, rest = cut_svg_junk(text)
        if junk is not None:  # an icon's text run into the block's
            discarded.append(discard("share", None, (), junk))
            text = rest
        if text:
            blocks.append(Block(kind, text))
    return blocks, images, discarded


def _box_kind(el: etree._Element, unclassed: bool) -> str | None:
    """``"ad"`` or ``"photo"`` for a box the story reader takes whole, by its class or id (on a copy whose
    classes are gone, by what it holds); ``None`` for any other element."""
    words = _class_words(el)
    if el.get("id") == "AdAsia" or "o-ads" in words or (unclassed and _told_ad(el)):
        return "ad"
    if "ez-embed-type-image" in words or (unclassed and _told_photo(el)) or is_photo_figure(el):
        return "photo"  # (a figure: a photo of no class the design writes)
    return None


def _photo(page: Page, box: etree._Element, *, unclassed: bool) -> Image | None:
    """An inline photo: its first image, captioned by its ``article__caption`` element (on a copy whose classes
    are gone, by the first box in it with text); ``None`` for a figure of the story's that holds nothing."""
    if box.tag == "figure" and not any("article__caption" in _class_words(d) for d in box.iterdescendants()):
        return figure_image(page, box, split_caption)
    cap = next((d for d in box.iterdescendants() if "article__caption" in _class_words(d)), None)
    if cap is None and unclassed:
        cap = next((d for d in box.iterdescendants("div", "span", "p", "figcaption") if text_of(d)), None)
    caption, credit = split_caption(text_of(cap, skip=_SKIP))
    return image(img_url(page, next(box.iterdescendants("img"), None)), caption, credit)


#: the story's blocks: paragraphs, subheads and list items (a photo's box holds none)
_TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6")

#: The label of an ad slot, its whole text (lower-cased), and the id of a Google Publisher Tag slot
#: ("div-gpt-ad-article-1"): an ad told by what it holds on a copy whose classes are gone.
_AD_LABELS = frozenset({"advertisement", "advertising", "ad", "sponsored"})
_AD_SLOT = "div-gpt-ad"


def _told_ad(el: etree._Element) -> bool:
    """An ad slot without its class (``o-ads``): a div holding a Google Publisher Tag slot's id, or the slot's
    label alone ("Advertisement")."""
    return el.tag == "div" and ((el.get("id") or "").startswith(_AD_SLOT)
                                or text_of(el, skip=_SKIP).lower() in _AD_LABELS)


def _told_photo(el: etree._Element) -> bool:
    """An inline photo without its class (``ez-embed-type-image``): a div holding one image, and no paragraph,
    subhead or list item (its caption is a box of its own)."""
    return (el.tag == "div" and sum(1 for _ in el.iterdescendants("img")) == 1
            and next(el.iterdescendants(*_TEXT_BLOCKS), None) is None)


def _cut_tags(container: etree._Element) -> bool:
    """Whether the story's HTML shows tags cut short. A copy whose class attributes were cut out of the page's
    bytes (not its tree) loses more than classes in the __NEXT_DATA__ JSON: the story's HTML there writes its
    quotes ``\\"`` and its ``>`` ``\\u003e``, so a cut that runs to the next white space takes the tag's end with
    it, and the tag or the word after it. What is left shows it: an attribute whose name holds a quote or a
    "<" (the rest of a tag, or words of the text), or a box with a photo's address (an img whose name went)."""
    for el in container.iterdescendants(etree.Element):
        if any('"' in name or "'" in name or "<" in name for name in el.attrib):
            return True
        if el.tag in _BOX_TAGS and el.get("src") is not None:
            return True
    return False


_BOX_TAGS = frozenset({"div", "span", "p", "figure"})
_SKIP = ("svg",)  # inline icons: their <title> text is never content


def _html_or_text(page: Page, value: str) -> etree._Element | None:
    if "<" not in value:  # a plain-text preview: paragraphs split at blank lines
        value = "".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", value) if p.strip())
    return _fragment(page, value)


# -- layout: Next.js ------------------------------------------------------------------------------------

def _byline(data: dict[str, Any]) -> Byline | None:
    raw = _str(data.get("byline")) or _str(data.get("author"))
    return parse_byline(raw) if raw else None


def _agency(dateline_agency: str | None, byline: Byline | None) -> str | None:
    return dateline_agency or credited_agency(byline)


def extract_next(page: Page) -> Article:
    script = first(NEXT_DATA(page.root))
    unclassed = _unclassed_next(page, script)
    if unclassed is not None:
        script = unclassed
        page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its data script was found"
                  " by what it holds, and the story's ads and photos by what they hold")
    by_content = unclassed is None and script is None  # the script's id is gone (so is the story's HTML's?)
    if by_content:
        script = _data_script_by_content(page)
        if script is not None:
            page.warn("layout", "fallback", "the page has no ids (a sanitiser's copy?): its data script was found by"
                      " what it holds")
    doc = _load_json(page, script.text if script is not None else None, "the __NEXT_DATA__ script")
    data = _get(doc, "props", "pageProps", "data")
    if not isinstance(data, dict):
        if doc is not None:
            page.warn("body", "unknown-layout", "__NEXT_DATA__ has no props.pageProps.data")
        return extract_server(page)
    if not _detected_by_address(page):
        # detection went past the page's address (to its name, title or markup), which the dropped
        # chrome may have decided differently
        _refuse_if_pruned(page, "detection by markup")
    title = page.pick(
        "title",
        ("__NEXT_DATA__ headline", lambda: _str(data.get("headline"))),
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("h1", lambda: _h1_text(page)),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    published = page.pick(
        "published",
        ("__NEXT_DATA__ createdDate", lambda: _epoch(page, "published", data.get("createdDate"))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
    )
    updated = page.pick(
        "updated",
        ("__NEXT_DATA__ lastModifiedDate", lambda: _epoch(page, "updated", data.get("lastModifiedDate"))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    section = page.pick(
        "section",
        ("__NEXT_DATA__ rootCategory", lambda: _str(data.get("rootCategory"))),
        ("article:section", lambda: squash(page.meta_value("article:section")) or None),
    )
    kicker = _str(data.get("primaryTag"))
    byline = _byline(data)

    images: list[Image] = []
    img = data.get("image")
    if isinstance(img, dict):
        caption, credit = split_caption(_str(img.get("fullCaption")) or _str(data.get("fullCaption")))
        url = img.get("imageUrl")
        images.append(image(page.absolute(url) if isinstance(url, str) else None, caption, credit))

    body_html = data.get("body") if isinstance(data.get("body"), str) else None
    paywalled = False
    if page.body_document is not None:
        delivered = _get(_load_json(page, page.body_document, "the article-access document"), "body")
        if isinstance(delivered, str) and delivered.strip():
            body_html = delivered
        else:
            page.warn("body", "missing", "the article-access document has no body")
    if not body_html or not body_html.strip():
        preview = data.get("preview")
        if isinstance(preview, str) and preview.strip():
            body_html, paywalled = preview, True
        else:
            paywalled = True
            page.warn("body", "missing", "__NEXT_DATA__ has neither body nor preview")
    blocks: list[Block] = []
    discarded: list[Discarded] = []
    if body_html:
        container = _html_or_text(page, body_html)
        if container is not None:
            if (unclassed is not None or by_content) and _cut_tags(container):
                cut = "the story's HTML holds tags cut short (the classes were cut out of the page's bytes, its JSON"
                page.warn("body", "low-confidence", cut + " too): words or paragraphs of the story may be lost")
                page.warn("images", "low-confidence", cut + " too): photos in the story may be lost")
            blocks, inline, discarded = _read_body(page, container, unclassed=unclassed is not None)
            images += inline
    dateline, blocks = cut_dateline(blocks)
    return Article(
        site=SITE_ID,
        url=page.url or _content_url(page, data),
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=_agency(dateline.agency if dateline else None, byline),
        body=blocks,
        images=[i for i in images if i.url or i.caption],
        discarded=discarded,
        paywalled=paywalled,
        kicker=kicker,
        description=_str(data.get("subhead")) or strip_tags(page.meta_value("og:description", "description")),
        layout="nikkei/next",
        warnings=page.notices,
    )


def _h1_text(page: Page) -> str | None:
    _refuse_if_pruned(page, "the <h1>")
    return text_of(first(H1(page.root))) or None


def _content_url(page: Page, data: dict[str, Any]) -> str | None:
    url = data.get("contentUrl")
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    return url if url.startswith("http") else "https://asia.nikkei.com" + ("" if url.startswith("/") else "/") + url


# -- layout: the older server-rendered page ----------------------------------------------------------------

def extract_server(page: Page) -> Article:
    kind = _pruned_kind(page)
    if kind == "next":
        raise WholePageNeeded("the server-rendered layout needs the whole page: parse it")
    if kind == "server":
        if not _detected_by_head(page):
            raise WholePageNeeded("detection by markup needs the whole page: parse it")
        if not all(_part(page, part) for part in page.memo[_SEEN_MEMO]):
            # the bytes name a part the cut page lacks: the cut went wrong somewhere
            raise WholePageNeeded("a part of the server-rendered page is missing: parse it whole")
        open_at_cut = page.memo[_OPEN_MEMO]
        if open_at_cut and any(el in open_at_cut for part in ("title", "author", "time") for el in _part(page, part)):
            # it went on in the dropped bytes: the whole page reads more of it
            raise WholePageNeeded("a part of the server-rendered page was cut short: parse it whole")
    unclassed = _unclassed_server(page)
    if unclassed is not None:
        page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its headline, author, time"
                  " and story were found by their places, and the story's ads and photos by what they hold")
    part = unclassed.__getitem__ if unclassed is not None else lambda name: _part(page, name)
    title = page.pick(
        "title",
        ("h1.article-header__title", lambda: text_of(_first(part("title"))) or None),
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    time_el = _first(part("time"))
    date_text = text_of(time_el) or None
    published = page.pick(
        "published",
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("time@datetime", lambda: _date(page, time_el.get("datetime")) if time_el is not None else None),
        ("time.timestamp__time", lambda: _date(page, date_text)),
    )
    updated = page.pick(
        "updated",
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    section = page.pick(
        "section",
        ("article:section", lambda: squash(page.meta_value("article:section")) or None),
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        required=False,
    )
    authors = [t for el in part("author") if (t := text_of(el))]
    byline = parse_byline(" and ".join(dict.fromkeys(authors))) if authors else None
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []
    body_el = _first(part("body"))
    if body_el is None and (title_el := _first(part("title"))) is not None:
        body_el = _most_paragraphs(after_headline(title_el))  # a copy whose ids are gone: the story by its place
        if body_el is not None:
            page.warn("layout", "fallback", "no div#article-body-preview (a copy whose ids are gone?): the story is "
                      "the element after the headline holding the most paragraphs")
    if body_el is None:
        page.warn("body", "missing", "no div#article-body-preview")
    else:
        blocks, images, discarded = _read_body(page, body_el, unclassed=unclassed is not None)
    dateline, blocks = cut_dateline(blocks)
    og_image = page.meta_value("og:image")
    if og_image and not any(i.url == og_image for i in images):
        images.insert(0, image(page.absolute(og_image), None, None))
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=_agency(dateline.agency if dateline else None, byline),
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="nikkei/server",
        warnings=page.notices,
    )


def _matches_next(page: Page) -> bool:
    if page.source is not None and find_bytes(page.source, _NEXT_ID, at=4) < 0:
        return False  # the id is not in the page: no tree query
    return bool(NEXT_DATA(page.root))


def _matches_server(page: Page) -> bool:
    return bool(_part(page, "title")) or bool(_part(page, "body"))


# -- a copy whose classes are gone ------------------------------------------------------------------------
# A web archive (archive.today) stores a page with its class attributes stripped, and a copy may lose its ids
# too. The Next.js page reads its JSON, not its classes, but finds that JSON by the script's id and tells the
# ads and photos of the story's HTML by class; the server-rendered page marks its headline, author and time
# by class. On such a copy they are found by their places and what they hold. The layouts that read them
# come after the two that read the page's marks: a page with its classes is matched before it gets there, and
# the Next.js page's one test (_classless) stops at the first element with a class.

#: How the JSON of a Next.js page's data script begins: found by it when the script's id is gone.
_NEXT_JSON = re.compile(r'\s*\{\s*"props"\s*:\s*\{\s*"pageProps"\s*:')
_NEXT_JSON_BYTES = b'"pageProps"'


def _classless(chrome: etree._Element | None) -> bool:
    """Whether ``chrome``, the rendered page before the data script (``div#__next``: Next.js writes the script
    right after it), holds elements and no class: the design gives its elements classes, its header first.
    (A page cut by prune() has no such chrome: the cut keeps a page whole when its chrome has no class.)"""
    if chrome is None or not isinstance(chrome.tag, str) or not len(chrome):
        return False
    return next((el for el in chrome.iter(etree.Element) if el.get("class") is not None), None) is None


def _unclassed_next(page: Page, script: etree._Element | None) -> etree._Element | None:
    """The data script of a Next.js page whose classes are gone (``script``, or when the ids are gone too the
    script of JSON that begins as Next.js writes it: :data:`_NEXT_JSON`), ``None`` on any other page. A page
    whose classes were renamed (a redesign) is not such a copy."""
    if script is None:
        script = _data_script_by_content(page)
        if script is None:
            return None
    return script if _classless(script.getprevious()) else None


def _data_script_by_content(page: Page) -> etree._Element | None:
    """The data script of a Next.js page whose ids are gone: the script of JSON that begins as Next.js writes
    it (:data:`_NEXT_JSON`)."""
    source = page.source
    if source is not None and _NEXT_JSON_BYTES not in source:
        return None
    return next((el for el in page.root.iter("script")
                 if (el.get("type") or "").strip().lower() == "application/json" and _NEXT_JSON.match(el.text or "")),
                None)


def _matches_unclassed_next(page: Page) -> bool:
    return _data_script_by_content(page) is not None


_UNCLASSED_MEMO = "nikkei:unclassed-server"


def _unclassed_server(page: Page) -> dict[str, list[etree._Element]] | None:
    """The parts of a server-rendered page whose classes are gone, as :func:`_part` gives them; ``None`` on
    any other page. The design's headline always has its class (``h1.article-header__title``), and its body
    container (``div#article-body-preview``) one too: a page with no such headline, whose first h1 has no class
    attribute and whose body container has none either, is such a copy. The body container is found by its
    id, or when the ids are gone too by its place (of the elements after the headline, the one with the most
    paragraphs as children); between them, the author (the spans that read as a byline: :func:`_is_byline`)
    and the time (the first ``time``). A page whose classes were renamed (a redesign) is not such a copy."""
    memo = page.memo.get(_UNCLASSED_MEMO, False)
    if memo is not False:
        return memo  # type: ignore[no-any-return]
    found: dict[str, list[etree._Element]] | None = None
    h1 = None if _part(page, "title") else first(H1(page.root))
    if h1 is not None and h1.get("class") is None:
        after = after_headline(h1)
        body = _first(_part(page, "body"))
        if body is None:
            body = _most_paragraphs(after)
        if body is not None and body.get("class") is None:
            header = list(takewhile(lambda el: el is not body and el not in body.iterancestors(), after))
            when = next((t for el in header for t in el.iter("time")), None)
            found = {"title": [h1], "author": [s for el in header for s in el.iter("span") if _is_byline(text_of(s))],
                     "time": [when] if when is not None else [], "body": [body]}
    page.memo[_UNCLASSED_MEMO] = found
    return found


def _most_paragraphs(elements: list[etree._Element]) -> etree._Element | None:
    """Of ``elements`` and those inside them, the one with the most paragraphs as children (the first of
    equals; ``None`` when none has one)."""
    return fullest(itertools.chain.from_iterable(top.iter(etree.Element) for top in elements))


def _matches_unclassed_server(page: Page) -> bool:
    return _unclassed_server(page) is not None


# The old design's elements. On a whole page, found among the tags the page's bytes show carrying their
# names (a walk filtered in C; the whole-tree XPath with a class test costs ~10x that); on a page
# _prune_server cut, the tree is small: one walk finds all four (the bytes, the whole page's, would be
# read four times to find the few tags it holds).

def _first(found: list[etree._Element]) -> etree._Element | None:
    return found[0] if found else None


def _old(page: Page, whole_tree: etree.XPath, needle: bytes, tag: str, word: str) -> list[etree._Element]:
    return page.elements_with(lambda el: el.tag == tag and word in _class_words(el), whole_tree, needles=(needle,))


def _old_body(page: Page) -> list[etree._Element]:
    return page.elements_with(lambda el: el.tag == "div" and el.get("id") == "article-body-preview", OLD_BODY,
                              needles=(b"article-body-preview",))


_WHOLE_PAGE_PARTS = {
    "title": lambda page: _old(page, OLD_TITLE, b"article-header__title", "h1", "article-header__title"),
    "author": lambda page: _old(page, OLD_AUTHOR, b"article__author", "span", "article__author"),
    "time": lambda page: _old(page, OLD_TIME, b"timestamp__time", "time", "timestamp__time"),
    "body": _old_body,
}


def _part(page: Page, part: str) -> list[etree._Element]:
    """The elements of one part (``title``, ``author``, ``time``, ``body``) in page order, found once."""
    parts: dict[str, list[etree._Element]] | None = page.memo.get(_PARTS_MEMO)
    if parts is None:
        parts = page.memo[_PARTS_MEMO] = _walk_parts(page.root) if _pruned_kind(page) == "server" else {}
    found = parts.get(part)
    if found is None:
        found = parts[part] = _WHOLE_PAGE_PARTS[part](page)
    return found


def _walk_parts(root: etree._Element) -> dict[str, list[etree._Element]]:
    title: list[etree._Element] = []
    author: list[etree._Element] = []
    when: list[etree._Element] = []
    body: list[etree._Element] = []
    for el in root.iter("h1", "span", "time", "div"):
        tag = el.tag
        if tag == "div":
            if el.get("id") == "article-body-preview":
                body.append(el)
            continue
        cls = el.get("class")
        if not cls:
            continue
        # most elements: no split
        if tag == "span":
            if "article__author" in cls and "article__author" in _class_words(el):
                author.append(el)
        elif tag == "time":
            if "timestamp__time" in cls and "timestamp__time" in _class_words(el):
                when.append(el)
        elif "article-header__title" in cls and "article-header__title" in _class_words(el):
            title.append(el)
    return {"title": title, "author": author, "time": when, "body": body}


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"article-body-preview", b"article-header__title", b'"primaryTag"')


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- pruning ------------------------------------------------------------------------------------------
# A Next.js page holds the whole article in its __NEXT_DATA__ script; the menus, footer and scripts
# around it are most of the parse. ``prune`` keeps <head> and that script when the bytes show that
# nothing dropped reaches the extractor. The tree is read for: the first script#__NEXT_DATA__ (kept);
# the meta, link, title and JSON-LD script elements wherever they are (structured.scan: the dropped
# bytes must hold none, bar titles after a head title with text); the first <h1> (a fallback: the
# extractor refuses a pruned page when it gets that far); and, in detection, the site fingerprints
# (the extractor refuses a pruned page not detected by its address). A refused pruned parse is redone
# on the whole page (api.py). The pruned page is marked as cut (base.TailCut): the extractor looks for
# the mark.
#
# The bytes are walked the way the HTML tokenizer reads them (base.TagFinder), from tag to tag of the
# kinds that matter: comments and the text of raw-text elements (script, style, title...) are skipped
# whole, as a "<" in them opens no tag. Whatever the walk cannot place for certain (a tag-like "<" inside
# another tag, "<plaintext>", a script whose "<!--" is followed by "<script") keeps the page whole.
# Assumed: no element's id or type is written with character references, and no attribute value before
# the kept script holds an unmatched quote or a raw-text end tag.

_NEXT_TAG = b'<script id="__NEXT_DATA__"'
_NEXT_ID = b"__NEXT_DATA__"
#: the mark of a cut page; its note is "next", or "server" and the parts whose names the region's bytes hold
_CUT = TailCut("nikkei")
#: the tags _walk acts on, in the page's lower-cased bytes (the tokenizer ignores case in names)
_WALK_TAGS = TagFinder(b"meta", b"link", b"body", b"title", b"script")
_ENTITY = re.compile(rb"&[#0-9a-z]*;?")
_VISIBLE = re.compile(rb"[!-~]")


def _walk(low: bytes, start: int) -> tuple[int, int] | None:
    """``(<body, </script)``: where the body opens and where the script opening at ``start`` ends, when
    the walk over the page's lower-cased bytes sees that script as the parser will and nothing outside
    it in the body that structured.scan reads; ``None`` otherwise. One pass over the whole page places
    both and checks the rest as it goes."""
    body = end = -1
    head_title = False  # the head holds a title with text: later ones are never read
    try:
        for name, lt, gt, text_end in _WALK_TAGS.iter(low, 0, len(low)):
            if end < 0 and lt > start:
                return None  # the walk went past the script's start: no tag opens there
            if name == b"body":
                if body < 0:
                    body = lt
            elif name in (b"meta", b"link"):
                if body >= 0:
                    return None
            elif name == b"title":
                if body < 0:
                    head_title = head_title or _VISIBLE.search(_ENTITY.sub(b"", low[gt + 1 : text_end])) is not None
                elif not head_title:
                    return None
            elif body >= 0:  # a script in the body
                if lt == start:
                    end = text_end
                elif b"type" in (tag := low[lt:gt]) and (b"+json" in tag or b"&" in tag):
                    return None  # a type that may read "application/ld+json"
    except Unsure:
        return None
    return (body, end) if end >= 0 else None


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the ``__NEXT_DATA__`` script (marked as cut), or ``None`` when the bytes do not
    show that the rest of the page is never read. A page without that script's id is the older
    server-rendered design's, cut by :func:`_prune_server`. The caller (api.py) guarantees the page is UTF-8
    throughout, in the bytes dropped too."""
    named = find_bytes(data, _NEXT_ID, at=4)  # memchr on its "X"
    if named < 0:
        return _prune_server(data)  # no Next.js script anywhere: maybe the older server-rendered page
    start = named - _NEXT_TAG.index(_NEXT_ID)
    if start < 0 or not data.startswith(_NEXT_TAG, start):
        return None  # something before the script names the id
    low = data.lower()
    found = _walk(low, start)
    if found is None:
        return None
    body, end = found
    if low.find(b"class=", body, start) < 0:
        return None  # a copy whose classes are gone: the extractor tells it by the chrome the cut drops
    return _CUT.join(data, body, start, end, tail=b"</script>", note="next")


# -- pruning the older server-rendered page ------------------------------------------------------------------
# The server-rendered design has no JSON: the extractor reads the tree for h1.article-header__title,
# span.article__author, time.timestamp__time and div#article-body-preview (wherever they are), the meta,
# link, title and JSON-LD elements (structured.scan, wherever they are), and, under the body container,
# its blocks, ads and photos (what is above the container is not read: _read_body). ``_prune_server``
# keeps <head> and the region from the start tag holding the first of those four names to the end of the
# body container, and keeps the page whole unless the bytes show that:
# - the four names occur only in the head and the region (the body container's id once, on a <div>);
# - the dropped bytes hold no meta or link tag (before the region: tags as the tokenizer reads them; after
#   it: "<meta" or "<link" anywhere), no JSON-LD type, and no <title> when the head has none with text;
# - the cut points fall between tags (not in a comment, raw text or a tag), and the body container's end
#   is found by a walk that keeps a stack of div and table elements and gives up at any mismatch (the
#   parser ignores a </div> while a table part is open above the div, and a table's end closes the divs
#   left open in it); a page that ends inside the container is kept to its end.
# The walks are base.TagFinder's, and give up where it gives up. Assumed, as there: no attribute value
# holds a ">" then a tag that matters, and no id or class is written with character references; and an end
# tag in the region for an element left open before it changes nothing read (libxml2 2.14 ignores it inside
# the h1 and the body container: tried with a, b, em, span and section). What is left open before the region
# is no ancestor read: the region's elements are read for their own class and text, the body container for
# what it holds.
# The extractor refuses a pruned page whose detection went past the head (to the fingerprints), that lacks
# a part the prune saw named in the bytes, or whose title, author or time was still open at the cut (api.py
# then reads the whole page).

#: the names of the elements extract_server reads, in the order of _SERVER_PARTS
_SERVER_MARKS = (b"article-header__title", b"article__author", b"timestamp__time", b"article-body-preview")
_SERVER_PARTS = ("title", "author", "time", "body")
#: the names as base.dropped_holds finds them: by memchr on their "_" (rare in pages), the body's id
#: (which has none) by a plain find
_SERVER_FINDS: tuple[Mark, ...] = tuple((m, i) if (i := m.find(b"_")) >= 0 else m for m in _SERVER_MARKS)
_PRUNED_MEMO = "nikkei:pruned"
_PARTS_MEMO = "nikkei:server-parts"
_SEEN_MEMO = "nikkei:server-seen"  # the parts whose names the cut page's bytes hold
_OPEN_MEMO = "nikkei:open-at-cut"  # the elements still open where the cut page ends
#: before the region: meta and link tags (the walk stops at the first one found)
_BEFORE_TAGS = TagFinder(b"meta", b"link")
#: in the body container: div, and the table parts whose open elements a </div> does not close past
_TABLE_PARTS = (b"table", b"thead", b"tbody", b"tfoot", b"tr", b"td", b"th")
_CONTAINER_TAGS = TagFinder(b"div", b"/div", *_TABLE_PARTS, *(b"/" + name for name in _TABLE_PARTS))
#: before the body container: divs (see _reopened)
_DIV_TAGS = TagFinder(b"div", b"/div")


#: in the lower-cased bytes after the region, each keeps the page whole: a meta or link tag (found as
#: bytes, wherever they are: a tokenizer walk over the footer's scripts costs several times this one
#: search, and two finds twice it)
_AFTER_TAGS = re.compile(rb"<(?:meta|link)")
#: its "+" is rare in pages: found by memchr
_JSON_LD: tuple[Mark, ...] = ((b"ld+json", 2),)


def _prune_server(data: bytes) -> bytes | None:
    """``<head>`` and the server-rendered article region (marked as cut, with the parts seen), or
    ``None`` when the bytes do not show that the rest of the page is never read."""
    # the names as written (the extractor's class and id tests are case-sensitive)
    found = _find_marks(data, 0)
    if found[0] < 0 or found[3] < 0:
        return None  # no headline or no body: not a page this cut is for (told before any other work)
    low = data.lower()
    body = low.find(b"<body")
    head_titled = _read_head(low, body) if body >= 0 else None
    if head_titled is None:
        return None  # no <body>, or one the tokenizer may read as text
    if any(0 <= i < body for i in found):  # in the head (a style's selectors): kept with it; the body's count
        found = _find_marks(data, body)
        if found[0] < 0 or found[3] < 0:
            return None
    start = low.rfind(b"<", body + 1, min(i for i in found if i >= 0))
    opened = low.find(b">", body) + 1  # where the body's content starts (in data state)
    if start < 0 or not 0 < opened <= start:
        return None
    end = _container_end(low, body, found[3])
    if end is None or data.find(_SERVER_MARKS[3], found[3] + 1, end) >= 0:
        return None  # the container's end cannot be told, or it is named twice in the region
    # the cheap checks first: a page kept whole pays for what was read before
    if dropped_holds(data, ((end, len(data)),), _SERVER_FINDS):
        return None  # a part after the region
    if _AFTER_TAGS.search(low, end) is not None or dropped_holds(low, ((opened, start), (end, len(low))), _JSON_LD):
        return None  # a meta or a link tag after the region; JSON-LD (structured data reads it wherever it is)
    if not head_titled and (low.find(b"<title", opened, start) >= 0 or low.find(b"<title", end) >= 0):
        return None  # the first <title> with text may be in the dropped bytes
    if _BEFORE_TAGS.find(low, opened, start) != -1:
        return None  # a meta or link tag before the region, or the cut may fall in a comment, raw text or a tag
    parts = " ".join(part for part, i in zip(_SERVER_PARTS, found, strict=True) if i >= 0)
    return _CUT.join(data, body, start, end, lead=_reopened(low, start, found[3]), note="server " + parts)


def _find_marks(data: bytes, start: int) -> list[int]:
    """Where each of _SERVER_MARKS first occurs from ``start`` (-1: nowhere)."""
    return [data.find(mark, start) if isinstance(mark, bytes) else find_bytes(data, mark[0], start, at=mark[1])
            for mark in _SERVER_FINDS]


def _reopened(low: bytes, start: int, mark: int) -> bytes:
    """A plain ``<div>`` for each end tag before the body container that closes a div opened before the
    region (the header's wrapper): the parser then logs no error for it, which costs more than the walk
    (a plain div above the region changes nothing the extractor reads)."""
    depth = strays = 0
    try:
        for name, _, gt, _ in _DIV_TAGS.iter(low, start, low.rfind(b"<", start, mark)):
            if name == b"div":
                if low[gt - 1 : gt] != b"/":  # "<div/>" opens nothing
                    depth += 1
            elif depth:
                depth -= 1
            else:
                strays += 1
    except Unsure:
        return b""
    return b"<div>" * strays


def _container_end(low: bytes, body: int, mark: int) -> int | None:
    """Where the body container (the ``<div id="article-body-preview">`` holding ``mark``, the first
    occurrence of its name) ends: just past its end tag, ``len(low)`` when the page ends inside it, or
    ``None`` when that cannot be told. (The caller checks that the name occurs once.)"""
    tag = low.rfind(b"<", body, mark)
    quote = low[mark - 1 : mark]
    if (tag < 0 or not low.startswith(b"<div", tag) or low[tag + 4 : tag + 5] not in _SPACE
            or quote not in (b'"', b"'") or low[mark - 4 : mark - 1] != b"id=" or low[mark - 5 : mark - 4] not in _SPACE
            or low[mark + len(_SERVER_MARKS[3]) : mark + len(_SERVER_MARKS[3]) + 1] != quote):
        return None  # not the id of a <div> as written in pages
    opened = low.find(b">", mark)
    if opened < 0 or low[opened - 1 : opened] == b"/":
        return None  # "<div/>": an empty element to libxml2
    stack = [b"div"]
    try:
        for name, _, gt, _ in _CONTAINER_TAGS.iter(low, opened + 1, len(low)):
            if name[0] == 0x2F:  # "/": an end tag
                # an end tag that is not the innermost open one's: the parser may ignore it (a </div> under
                # an open table part) or close more than it names (a table's end): not followed here
                if stack[-1] != name[1:]:
                    return None
                stack.pop()
                if not stack:
                    return gt + 1
            elif low[gt - 1 : gt] != b"/":  # "<div/>" opens nothing
                stack.append(name)
    except Unsure:
        return None
    return len(low)  # a truncated page: kept to its end


_SPACE = (b" ", b"\t", b"\n", b"\r", b"\f")


def _read_head(low: bytes, body: int) -> bool | None:
    """Whether ``<head>`` (``low[:body]``) holds a ``<title>`` with text (its first, as the tokenizer reads
    the head: then later ones, an icon's ``<svg><title>``, are never read); ``None`` when ``body`` may
    fall in a comment, raw text or a tag. One walk over the head for both."""
    titled: bool | None = None
    try:
        for _, _, gt, text_end in _TITLE_TAG.iter(low, 0, body):
            if titled is None:
                text = low[gt + 1 : text_end]
                # an entity may stand for white space only ("&nbsp;"): not told here
                titled = b"&" not in text and bool(squash(text.decode("utf-8", "replace")))
    except Unsure:
        return None
    return bool(titled)


_TITLE_TAG = TagFinder(b"title")


def _pruned_kind(page: Page) -> str | None:
    """``"next"`` or ``"server"`` when the page's tree is what :func:`prune` cut for that layout (told by
    the cut's mark, which the page's own bytes cannot hold); ``None`` for a whole page. Raises
    :class:`WholePageNeeded` for a cut page whose end cannot be told (its sentinel was read as text)."""
    memo = page.memo.get(_PRUNED_MEMO, False)
    if memo is not False:
        return memo  # type: ignore[no-any-return]
    seen = _CUT.seen(page.root)
    kind: str | None = None
    if seen is not None:
        if not seen.note:
            raise WholePageNeeded("the cut page's end cannot be told: parse it whole")
        kind, *parts = seen.note.split()
        page.memo[_SEEN_MEMO] = tuple(parts)
        page.memo[_OPEN_MEMO] = seen.open
    page.memo[_PRUNED_MEMO] = kind
    return kind


def _is_pruned(page: Page) -> bool:
    """Whether the page's tree is one ``prune`` cut (either layout's)."""
    return _pruned_kind(page) is not None


def _refuse_if_pruned(page: Page, what: str) -> None:
    """On a pruned page, refuse to read what the dropped bytes may have decided (api.py then parses the
    whole page)."""
    if _is_pruned(page):
        raise WholePageNeeded(f"{what} needs the whole page: parse it")


_DETECTION: tuple[Callable[[str | None], Site | None], Callable[[str], Site | None],
                 Callable[[str], Site | None]] | None = None


def _detected_by_head(page: Page) -> bool:
    """Whether detection found Nikkei Asia before it reached the fingerprints: by an address, the
    og:site_name or the title, read from the head and from elements a cut page keeps whenever it holds
    them (its dropped bytes hold no meta, link or deciding title)."""
    global _DETECTION
    if _DETECTION is None:  # detect imports the site registry, which imports this module: not at import
        from ..detect import site_for_url
        from . import named, titled

        _DETECTION = (site_for_url, named, titled)
    by_url, by_name, by_title = _DETECTION  # (a "from ." import runs importlib's Python on every call)
    for url in (page.url_hint, page.canonical, page.meta_value("og:url")):
        site = by_url(url)
        if site is not None:
            return site.id == SITE_ID
    name = page.meta_value("og:site_name")
    site = by_name(name) if name else None
    if site is None and (title := page.head.title):
        site = by_title(title)
    return site is not None and site.id == SITE_ID


def _detected_by_address(page: Page) -> bool:
    """Whether detection found Nikkei Asia by an address (the URL given, the canonical link, og:url):
    it looked at nothing else."""
    from ..detect import site_for_url  # detect imports the site registry, which imports this module

    for url in (page.url_hint, page.canonical, page.meta_value("og:url")):
        site = site_for_url(url)
        if site is not None:
            return site.id == SITE_ID
    return False


# -- text copies ------------------------------------------------------------------------------------

DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? \d{1,2}:\d\d(?: JST)?$")


def _is_caption(line: str) -> bool:
    return bool(_COPYRIGHT_CREDIT.search(line) or _PAREN_CREDIT.search(line))


def _is_byline(line: str) -> bool:
    if "nikkei" in line.lower() and ("writer" in line.lower() or "correspondent" in line.lower()):
        return True
    b = parse_byline(line)
    return b is not None and bool(b.authors) and len(line) <= 100 and not SENTENCE_END.search(line)


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:40]
    if any(is_svg_junk(ln) for ln in head):
        return True
    for i, ln in enumerate(head):
        if DATE_LINE.match(ln) and i > 0 and (
            "Nikkei" in head[i - 1] or (head[i - 1].isupper() and _is_byline(head[i - 1]))
        ):
            return True
    return False


def parse_text(copy: TextCopy) -> Article:
    """kicker → headline → standfirst → caption → NAME → "August 22, 2025 10:01 JST" → body.

    Every line lands in one place; the SVG junk line is discarded as ``share`` (the icons are the share
    buttons'); lines above the kicker that cannot be placed are kept as ``navigation``.
    """
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    lines: list[str] = []
    for ln in copy.lines:
        junk, remainder = cut_svg_junk(ln)
        if junk is not None:
            discarded.append(Discarded(kind="share", text=junk))
        if remainder:
            lines.append(remainder)
    date_idx = next((i for i, ln in enumerate(lines[:60]) if DATE_LINE.match(ln)), None)
    date_text = lines[date_idx] if date_idx is not None else None
    published = parse_jst(date_text) if date_text else None
    if published is None:
        notices.append(Notice("published", "missing", "no 'Month D, YYYY HH:MM JST' line"))
    header = lines[:date_idx] if date_idx is not None else []
    rest = lines[date_idx + 1 :] if date_idx is not None else lines

    byline = None
    if header and _is_byline(header[-1]):
        byline = parse_byline(header.pop())
    images: list[Image] = []
    kept: list[str] = []
    for ln in header:
        if _is_caption(ln):
            caption, credit = split_caption(ln)
            images.append(image(None, caption, credit))
        else:
            kept.append(ln)
    kicker = title = standfirst = None
    if len(kept) >= 3:
        if len(kept) > 3:
            discarded.insert(0, Discarded(kind="navigation", text="\n".join(kept[:-3])))
        kicker, title, standfirst = kept[-3:]
    elif len(kept) == 2:
        if len(kept[0].split()) <= 4 and not SENTENCE_END.search(kept[0]):
            kicker, title = kept
        else:
            title, standfirst = kept
    elif kept:
        title = kept[0]

    blocks = [Block("paragraph", ln) for ln in rest]
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        published=published,
        byline=byline,
        dateline=dateline,
        agency=_agency(dateline.agency if dateline else None, byline),
        body=blocks,
        images=images,
        discarded=discarded,
        kicker=kicker,
        description=standfirst,
        date_text=date_text,
        layout="nikkei/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="Nikkei Asia",
    hosts=("asia.nikkei.com",),
    names=NAMES,
    layouts=(
        Layout("next", _matches_next, extract_next),
        Layout("server", _matches_server, extract_server),
        # copies whose classes (and ids) are gone: only when the two above find none of the page's marks
        Layout("next", _matches_unclassed_next, extract_next),
        Layout("server", _matches_unclassed_server, extract_server),
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "cut_svg_junk", "is_svg_junk", "readable_authors", "split_caption"]
