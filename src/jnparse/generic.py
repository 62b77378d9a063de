"""The fallback for pages no site module claims: metadata read here, the body by trafilatura.

Metadata (title, url, section, times, byline, dateline, agency, paywall hints) comes from JSON-LD,
meta tags, ``<time>`` elements and visible "JST" strings; a time with no zone is Japan time. The body
comes from trafilatura, a well-kept general extractor, installed with ``pip install 'jnparse[generic]'``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree

from ._text import squash, strip_suffix, text_of
from .agencies import canonical_agency
from .bylines import is_person_name, parse_byline
from .datelines import split_dateline
from .dates import NeedsReference, parse_jst
from .errors import ExtraRequiredError
from .model import Article, Block, Byline, Notice
from .page import Page, elements, first, strings, xpath
from .structured import ld_names, ld_text, read_title, strip_tags
from .textcopy import TextCopy

_TIME_PUBLISHED = xpath("//time[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content")
_TIME_ANY = xpath("//time[@datetime]/@datetime")
_REL_AUTHOR = xpath("//a[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']")
_H1 = xpath("//h1")
_JST_TEXT = re.compile(
    r"\d{1,2}:\d\d\s*(?:[ap]m\s*)?JST[^<>\n]{0,40}\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4} at \d{1,2}:\d\d JST"
)


def _date(page: Page, text: str | None) -> dt.datetime | None:
    try:
        return parse_jst(text, reference=page.reference)
    except NeedsReference:
        page.warn("published", "relative-time", "a relative time needs fetched=")
        return None


def _first_str(result: Any) -> str | None:
    s = strings(result)
    return s[0] if s else None


def _authors(page: Page) -> Byline | None:
    names = [n for n in ld_names(page.ld("author")) if is_person_name(n)]
    if not names:
        names = [t for el in elements(_REL_AUTHOR(page.root)) if is_person_name(t := text_of(el))]
        names = list(dict.fromkeys(names))[:1] if names else []
    if not names:
        meta = page.meta_value("author", "article:author", "cxenseparse:author")
        if meta and is_person_name(meta):
            names = [meta]
    if not names:
        return None
    return Byline(raw=", ".join(names), authors=tuple(dict.fromkeys(names)), affiliation=None)


def _visible_time(page: Page) -> dt.datetime | None:
    body = page.root.find("body")
    if body is None:
        return None
    text = " ".join(body.itertext())[:200_000]
    m = _JST_TEXT.search(text)
    return _date(page, m.group(0)) if m else None


def _body_trafilatura(page: Page) -> list[Block]:
    try:
        import trafilatura
    except ImportError:
        raise ExtraRequiredError("generic", "reading the body of a page from a site jnparse has no module for") from None
    # trafilatura cleans the tree it is given in place: hand it the bytes, never the page's tree
    source = page.source if page.source is not None else etree.tostring(page.root, encoding="utf-8")
    xml = trafilatura.extract(
        source, url=page.url, output_format="xml", include_comments=False, include_tables=False,
        favor_precision=True, with_metadata=False,
    )
    if not xml:
        return []
    try:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return [Block("paragraph", p) for p in (squash(x) for x in xml.splitlines()) if p]
    out: list[Block] = []
    main = doc.find("main")
    for el in (main if main is not None else doc).iter("p", "head", "item", "quote"):
        text = text_of(el)
        if text:
            out.append(Block("subhead" if el.tag == "head" else "paragraph", text))
    return out


def extract_generic(page: Page, *, site_id: str = "generic") -> Article:
    page.warn("site", "generic", "no site module claimed the page; read with the generic fallback")
    root = page.root
    site_name = page.meta_value("og:site_name")
    title = page.pick(
        "title",
        ("og:title", lambda: squash(page.meta_value("og:title", "twitter:title")) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(_H1(root))) or None),
        ("<title>", lambda: strip_suffix(t, [site_name] if site_name else []) if (t := read_title(root)) else None),
    )
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time", "date",
                                                                         "dc.date.issued", "pubdate"))),
        ("<time datePublished>", lambda: _date(page, _first_str(_TIME_PUBLISHED(root)))),
        ("<time>", lambda: _date(page, _first_str(_TIME_ANY(root)))),
        ("visible JST time", lambda: _visible_time(page)),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    section = ld_text(page.ld("articleSection")) or page.meta_value("article:section")
    blocks = _body_trafilatura(page)
    dateline = None
    if blocks and blocks[0].kind == "paragraph":
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    byline = _authors(page)
    access = page.ld("isAccessibleForFree")
    paywalled = access is False or (isinstance(access, str) and access.lower() == "false")
    return Article(
        site=site_id,
        url=page.url,
        title=title,
        section=squash(section) or None,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=dateline.agency if dateline else None,
        body=blocks,
        paywalled=paywalled,
        description=strip_tags(page.meta_value("og:description", "description")),
        layout="generic",
        warnings=page.notices,
    )


def parse_text_generic(copy: TextCopy, *, site_id: str = "generic") -> Article:
    """A text copy from an unknown site: a date line if one reads as Japan time, a byline line, the
    dateline of the first paragraph; every other line is body."""
    notices = [Notice("site", "generic", "no site module claimed the text; read with the generic fallback")]
    lines = list(copy.lines)
    published = None
    date_text = None
    byline = None
    for i, line in enumerate(lines[:10]):
        if len(line) > 60:
            continue
        try:
            value = parse_jst(line, reference=copy.reference)
        except NeedsReference:
            value = None
        if value is not None:
            published, date_text = value, lines.pop(i)
            break
    for i, line in enumerate(lines[:10]):
        if line.startswith("By ") and len(line) < 120:
            byline = parse_byline(lines.pop(i))
            break
    blocks = [Block("paragraph", ln) for ln in lines]
    dateline = None
    if blocks:
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    return Article(
        site=site_id,
        url=copy.url,
        published=published,
        byline=byline,
        dateline=dateline,
        agency=dateline.agency if dateline else canonical_agency(None),
        body=blocks,
        date_text=date_text,
        layout="generic/text",
        warnings=notices,
    )
