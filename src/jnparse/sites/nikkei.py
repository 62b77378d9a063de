"""Nikkei Asia — asia.nikkei.com (formerly Nikkei Asian Review).

Layout ``next`` (Next.js, 2024 onwards; facts HIGH): everything is read from the
``<script id="__NEXT_DATA__">`` JSON, ``props.pageProps.data``: ``headline``, ``subhead`` (the
standfirst, kept as ``description``), ``byline`` (a string) or ``author.name``, ``createdDate`` /
``lastModifiedDate`` (epoch seconds → ``published`` / ``updated``), ``primaryTag.name`` (the kicker
above the headline → ``kicker``), ``rootCategory`` (→ ``section``), ``image`` (``imageUrl`` and
``fullCaption``) and ``body`` (HTML, parsed once here). Ad blocks (``.o-ads``, ``#AdAsia``) in the body
are discarded as ``ad``; inline ``.ez-embed-type-image`` photos become images.

Paywalled stories carry only ``preview`` (no ``body``): ``paywalled`` is true. The full body comes from
the article-access service as JSON ``{"body": "<html>"}``; pass it as ``parse(html, body=...)`` and the
body is read from it (``paywalled`` becomes false).

Layout ``server`` (the older server-rendered design, ≤2023; facts MED): ``h1.article-header__title``,
``span.article__author``, ``time.timestamp__time``, ``div#article-body-preview``.

Inline SVG icons leak their ``<title>`` text ("ArrowArtboardCreated with Sketch.Title Chevron…") into
copies of the page; ``<svg>`` is never read, and a paragraph made of such text is discarded.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..agencies import canonical_agency
from ..bylines import parse_byline, readable_name
from ..dates import NeedsReference, from_epoch, parse_jst
from ..model import Article, Block, Byline, Discarded, Image, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import TextCopy
from .base import Layout, Site, cut_dateline, discard, image, img_url

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
ADS = xpath(f".//*[{_HAS.format('o-ads')} or @id='AdAsia'][not(ancestor::*[{_HAS.format('o-ads')} or @id='AdAsia'])]")
EMBED_IMAGES = xpath(f".//*[{_HAS.format('ez-embed-type-image')}]")
EMBED_CAPTION = xpath(f".//*[{_HAS.format('article__caption')}]")
FRAGMENT = xpath("/html/body/div")
BODY = xpath(".//p | .//h2 | .//h3")
IMG = xpath(".//img")
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

_PARSER = etree.HTMLParser(no_network=True, remove_comments=True)


def _fragment(page: Page, html: str) -> etree._Element | None:
    if len(html) > MAX_BODY_CHARS:
        page.warn("body", "skipped", f"a body of {len(html)} characters was not parsed (limit {MAX_BODY_CHARS})")
        return None
    try:
        doc = etree.fromstring(f"<html><body><div>{html}</div></body></html>", _PARSER)
    except (etree.LxmlError, ValueError):
        page.warn("body", "skipped", "the body HTML could not be parsed")
        return None
    if doc is None:
        return None
    return first(FRAGMENT(doc))


def _read_body(page: Page, container: etree._Element) -> tuple[list[Block], list[Image], list[Discarded]]:
    """Blocks, inline images and discarded blocks of a body container (the tree is not changed)."""
    discarded: list[Discarded] = []
    images: list[Image] = []
    left_out: set[etree._Element] = set()
    for ad in elements(ADS(container)):
        discarded.append(discard("ad", None, (), text_of(ad, skip=_SKIP)))
        left_out.add(ad)
    for fig in elements(EMBED_IMAGES(container)):
        caption, credit = split_caption(text_of(first(EMBED_CAPTION(fig)), skip=_SKIP))
        images.append(image(img_url(page, first(IMG(fig))), caption, credit))
        left_out.add(fig)
    blocks: list[Block] = []
    for el in elements(BODY(container)):
        if any(a in left_out or a.tag in _NESTING for a in el.iterancestors()):
            continue
        text = text_of(el, skip=_SKIP)
        if not text:
            continue
        junk, rest = cut_svg_junk(text)
        if junk is not None:
            discarded.append(discard("share", None, (), junk))
            if not rest:
                continue
            text = rest
        blocks.append(Block("subhead" if el.tag in ("h2", "h3") else "paragraph", text))
    return blocks, images, discarded


_SKIP = ("svg",)  # inline icons: their <title> text is never content
_NESTING = frozenset({"p", "h2", "h3", "svg"})


def _html_or_text(page: Page, value: str) -> etree._Element | None:
    if "<" not in value:  # a plain-text preview: paragraphs split at blank lines
        value = "".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", value) if p.strip())
    return _fragment(page, value)


# -- layout: Next.js ------------------------------------------------------------------------------------

def _byline(data: dict[str, Any]) -> Byline | None:
    raw = _str(data.get("byline")) or _str(data.get("author"))
    return parse_byline(raw) if raw else None


def _agency(dateline_agency: str | None, byline: Byline | None) -> str | None:
    if dateline_agency:
        return dateline_agency
    if byline is not None and not byline.authors:
        return canonical_agency(byline.affiliation) or canonical_agency(byline.raw)
    return None


def extract_next(page: Page) -> Article:
    script = first(NEXT_DATA(page.root))
    doc = _load_json(page, script.text if script is not None else None, "the __NEXT_DATA__ script")
    data = _get(doc, "props", "pageProps", "data")
    if not isinstance(data, dict):
        if doc is not None:
            page.warn("body", "unknown-layout", "__NEXT_DATA__ has no props.pageProps.data")
        return extract_server(page)
    root = page.root
    title = page.pick(
        "title",
        ("__NEXT_DATA__ headline", lambda: _str(data.get("headline"))),
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("h1", lambda: text_of(first(H1(root))) or None),
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
            blocks, inline, discarded = _read_body(page, container)
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


def _content_url(page: Page, data: dict[str, Any]) -> str | None:
    url = data.get("contentUrl")
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    return url if url.startswith("http") else "https://asia.nikkei.com" + ("" if url.startswith("/") else "/") + url


# -- layout: the older server-rendered page ----------------------------------------------------------------

def extract_server(page: Page) -> Article:
    root = page.root
    title = page.pick(
        "title",
        ("h1.article-header__title", lambda: text_of(first(OLD_TITLE(root))) or None),
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    time_el = first(OLD_TIME(root))
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
    authors = [t for el in elements(OLD_AUTHOR(root)) if (t := text_of(el))]
    byline = parse_byline(" and ".join(dict.fromkeys(authors))) if authors else None
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []
    body_el = first(OLD_BODY(root))
    if body_el is None:
        page.warn("body", "missing", "no div#article-body-preview")
    else:
        blocks, images, discarded = _read_body(page, body_el)
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
    return bool(NEXT_DATA(page.root))


def _matches_server(page: Page) -> bool:
    return bool(OLD_TITLE(page.root)) or bool(OLD_BODY(page.root))


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"article-body-preview", b"article-header__title", b'"primaryTag"')


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ------------------------------------------------------------------------------------

DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? \d{1,2}:\d\d(?: JST)?$")
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")


def _is_caption(line: str) -> bool:
    return bool(_COPYRIGHT_CREDIT.search(line) or _PAREN_CREDIT.search(line))


def _is_byline(line: str) -> bool:
    if "nikkei" in line.lower() and ("writer" in line.lower() or "correspondent" in line.lower()):
        return True
    b = parse_byline(line)
    return b is not None and bool(b.authors) and len(line) <= 100 and not _SENTENCE_END.search(line)


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
        if len(kept[0].split()) <= 4 and not _SENTENCE_END.search(kept[0]):
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
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
)

__all__ = ["SITE", "cut_svg_junk", "is_svg_junk", "readable_authors", "split_caption"]
