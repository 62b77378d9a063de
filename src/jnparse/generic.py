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
from .model import Article, Block, Byline, Discarded, Image, Notice
from .page import Page, elements, first, strings, xpath
from .sites.base import image, img_url
from .structured import ld_names, ld_text, ld_url, strip_tags
from .textcopy import TextCopy

_TIME_PUBLISHED = xpath("//time[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content")
# a <time> in the article (or beside its headline) before any other: sidebars carry <time>s too
_TIME_ARTICLE = xpath("//article//time | //main//time | //h1/following::time[1]")
_TIME_ANY = xpath("//time")
_REL_AUTHOR = xpath("//a[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']")
_PRINTED_BYLINE = xpath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ') or @itemprop='author'"
    " or contains(@class, 'author-name') or contains(@class, 'article-author')][normalize-space()]"
)
_H1 = xpath("//h1")
_FIGURES = xpath("//article//figure[.//img] | //main//figure[.//img]")
_FIG_IMG = xpath(".//img")
_FIG_CAPTION = xpath(".//figcaption")
_BREADCRUMB = xpath("//*[@itemtype='https://schema.org/BreadcrumbList' or @itemtype='http://schema.org/BreadcrumbList']"
                    "//*[@itemprop='name']")
_JST_TEXT = re.compile(
    r"\d{1,2}:\d\d\s*(?:[ap]\.?m\.?\s*)?JST[^<>\n]{0,40}?\d{4}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?: at|,)? \d{1,2}:\d\d\s*(?:[ap]\.?m\.?\s*)?JST"
    r"|\d{1,2} [A-Z][a-z]{2,8} \d{4},? \d{1,2}:\d\d\s*JST"
)
_BY_LINE = re.compile(r"^By\s+\S", re.IGNORECASE)
_UPDATED_LINE = re.compile(r"^(?:Updated|Last updated|Published|Posted)(?: on)?:?\s", re.IGNORECASE)


def _date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _first_str(result: Any) -> str | None:
    s = strings(result)
    return s[0] if s else None


def _time_of(page: Page, found: Any) -> dt.datetime | None:
    """The first ``<time>`` that reads as a date: its ``datetime`` attribute, else its text."""
    for el in elements(found)[:20]:
        value = _date(page, el.get("datetime")) or _date(page, text_of(el)[:80])
        if value is not None:
            return value
    return None


def _byline(page: Page) -> Byline | None:
    """JSON-LD persons first, then a printed "By …" element, ``rel=author`` links and the author meta.

    ``raw`` is the printed line when the page prints one naming the same people."""
    printed: Byline | None = None
    for el in elements(_PRINTED_BYLINE(page.root))[:5]:
        text = text_of(el)
        if len(text) <= 150:
            printed = parse_byline(text)
            if printed is not None and printed.authors:
                break
            printed = None
    names = list(dict.fromkeys(n for n in ld_names(page.ld("author")) if is_person_name(n)))
    if names:
        if printed is not None and list(printed.authors) == names:
            return printed
        return Byline(raw=", ".join(names), authors=tuple(names), affiliation=None)
    if printed is not None:
        page.warn("byline", "fallback", "read from a printed byline element")
        return printed
    linked = [t for el in elements(_REL_AUTHOR(page.root)) if is_person_name(t := text_of(el))]
    if linked:
        page.warn("byline", "fallback", "read from a rel=author link")
        return Byline(raw=linked[0], authors=(linked[0],), affiliation=None)
    meta = page.meta_value("author", "article:author", "cxenseparse:author", "dc.creator")
    if meta and is_person_name(meta):
        page.warn("byline", "fallback", "read from the author meta tag")
        return Byline(raw=meta, authors=(meta,), affiliation=None)
    return None


def _agency_of_author(page: Page) -> str | None:
    """A wire agency named as the author (JSON-LD ``author`` Organization, the author meta)."""
    for name in [*ld_names(page.ld("author")), page.meta_value("author", "article:author") or ""]:
        hit = canonical_agency(name)
        if hit:
            return hit
    return None


def _visible_time(page: Page) -> tuple[dt.datetime | None, str | None]:
    body = page.root.find("body")
    if body is None:
        return None, None
    text = " ".join(body.itertext())[:200_000]
    m = _JST_TEXT.search(text)
    if not m:
        return None, None
    printed = squash(m.group(0))
    # "Oct. 13, 2024 at 5:41 pm JST": the shared "at" format ignores am/pm; read it without the "at"
    return _date(page, printed), printed


def _section(page: Page, title: str | None) -> str | None:
    section = ld_text(page.ld("articleSection")) or page.meta_value("article:section")
    if section:
        return squash(section) or None
    for obj in page.jsonld:
        if "BreadcrumbList" not in str(obj.get("@type")):
            continue
        items = obj.get("itemListElement")
        if not isinstance(items, list):
            continue
        names = [n for it in items if isinstance(it, dict) and (n := ld_text(it.get("name") or it.get("item")))]
        names = [n for n in names if n.lower() not in ("home", "top") and n != title]
        if names:
            page.warn("section", "fallback", "read from the JSON-LD breadcrumb")
            return names[-1]
    crumbs = [t for el in elements(_BREADCRUMB(page.root)) if (t := text_of(el))]
    crumbs = [c for c in crumbs if c.lower() not in ("home", "top") and c != title]
    if crumbs:
        page.warn("section", "fallback", "read from the breadcrumb")
        return crumbs[-1]
    return None


def _paywalled(page: Page) -> bool:
    def closed(v: Any) -> bool:
        return v is False or (isinstance(v, str) and v.strip().lower() == "false")

    art = page.ld_article or {}
    if closed(art.get("isAccessibleForFree")):
        return True
    parts = art.get("hasPart")
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, dict) and closed(part.get("isAccessibleForFree")):
            return True
    tier = (page.meta_value("article:content_tier") or "").lower()
    return tier == "locked"


def _images(page: Page) -> list[Image]:
    out: list[Image] = []
    for fig in elements(_FIGURES(page.root))[:30]:
        cap = first(_FIG_CAPTION(fig))
        out.append(image(img_url(page, first(_FIG_IMG(fig))), text_of(cap) if cap is not None else None, None))
    if not out:
        url = page.meta_value("og:image") or ld_url(page.ld("image"))
        if url:
            out.append(Image(url=page.absolute(url)))
    return out


def _body_trafilatura(page: Page) -> list[Block]:
    try:
        import trafilatura
    except ImportError as e:  # not installed, or installed without what it imports (lxml_html_clean)
        why = "" if e.name == "trafilatura" else f" (trafilatura is installed but did not import: {e})"
        raise ExtraRequiredError(
            "generic", "reading the body of a page from a site jnparse has no module for" + why
        ) from None
    # trafilatura cleans the tree it is given in place: hand it the bytes, never the page's tree
    source = page.source if page.source is not None else etree.tostring(page.root, encoding="utf-8")
    try:
        xml = trafilatura.extract(
            source, url=page.url, output_format="xml", include_comments=False, include_tables=False,
            favor_precision=True, with_metadata=False, fast=True,
        )
    except Exception as e:  # a bug inside the third-party extractor must not escape
        page.warn("body", "extractor-failed", f"trafilatura raised {type(e).__name__}: {str(e)[:100]}")
        return []
    if not xml:
        return []
    try:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return [Block("paragraph", p) for p in (squash(x) for x in xml.splitlines()) if p]
    out: list[Block] = []
    main = doc.find("main")
    for el in (main if main is not None else doc).iter("p", "head", "item", "quote"):
        # a quote holding paragraphs is read through them; a paragraph inside a list item once
        if el.tag == "quote" and el.find(".//p") is not None:
            continue
        if el.tag == "p" and any(a.tag == "item" for a in el.iterancestors()):
            continue
        text = text_of(el)
        if text:
            out.append(Block("subhead" if el.tag == "head" else "paragraph", text))
    return out


def _trim_body(page: Page, blocks: list[Block], title: str | None, byline: Byline | None
               ) -> tuple[list[Block], Byline | None, str | None]:
    """Drop the headline, a printed byline and a printed date that the extractor left at the top."""
    date_text = None
    while blocks:
        text = blocks[0].text
        if title and squash(text) == squash(title):
            blocks.pop(0)
        elif _BY_LINE.match(text) and len(text) < 150 and (parsed := parse_byline(text)) is not None:
            if byline is None:
                byline = parsed
            elif not parsed.authors or list(parsed.authors) != list(byline.authors):
                break
            blocks.pop(0)
        elif len(text) <= 80 and (_UPDATED_LINE.match(text) or _JST_TEXT.fullmatch(text)):
            if date_text is None:
                date_text = text
            blocks.pop(0)
        else:
            break
    return blocks, byline, date_text


def extract_generic(page: Page, *, site_id: str = "generic") -> Article:
    if site_id == "generic":
        page.warn("site", "generic", "no site module claimed the page; read with the generic fallback")
    root = page.root
    site_name = page.meta_value("og:site_name")
    suffixes = [site_name] if site_name else []
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(t, suffixes) if (t := squash(page.meta_value("og:title", "twitter:title")))
         else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(_H1(root))) or None),
        ("<title>", lambda: strip_suffix(t, suffixes) if (t := page.head.title) else None),
    )
    visible, date_text = _visible_time(page)
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time", "date",
                                                                         "dc.date.issued", "pubdate"))),
        ("<time datePublished>", lambda: _date(page, _first_str(_TIME_PUBLISHED(root)))),
        ("<time> in the article", lambda: _time_of(page, _TIME_ARTICLE(root))),
        ("visible JST time", lambda: visible),
        ("<time>", lambda: _time_of(page, _TIME_ANY(root))),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks = _body_trafilatura(page)
    blocks, byline, printed_date = _trim_body(page, blocks, title, _byline(page))
    dateline = None
    if blocks and blocks[0].kind == "paragraph":
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    discarded: list[Discarded] = []
    agency = dateline.agency if dateline else None
    # a closing credit line ("© KYODO", "(AP)") names the agency and is not body text
    if blocks and len(blocks[-1].text) <= 40 and (credit := canonical_agency(blocks[-1].text)):
        discarded.append(Discarded(kind="credit", text=blocks.pop().text))
        agency = agency or credit
    if agency is None:
        agency = _agency_of_author(page)
    if not blocks:
        page.warn("body", "missing", "the generic extractor found no article text")
    return Article(
        site=site_id,
        url=page.url,
        title=title,
        section=_section(page, title),
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=_images(page),
        discarded=discarded,
        paywalled=_paywalled(page),
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text or printed_date,
        layout="generic",
        warnings=page.notices,
    )


_SENTENCE_END = re.compile(r"[.!?:;\"”’)…]$")


def parse_text_generic(copy: TextCopy, *, site_id: str = "generic") -> Article:
    """A text copy from an unknown site: a headline line, a date line if one reads as Japan time, a
    byline line, the dateline of the first paragraph; every other line is body."""
    notices = [Notice("site", "generic", "no site module claimed the text; read with the generic fallback")]
    lines = list(copy.lines)
    published = None
    date_text = None
    byline = None
    title = None
    for i, line in enumerate(lines[:10]):
        if len(line) > 80:
            continue
        try:
            value = parse_jst(line, reference=copy.reference)
        except NeedsReference:
            notices.append(Notice("published", "relative-time", f"{line!r} needs fetched="))
            value = None
        if value is not None:
            published, date_text = value, lines.pop(i)
            break
    for i, line in enumerate(lines[:10]):
        if _BY_LINE.match(line) and len(line) < 120:
            byline = parse_byline(lines.pop(i))
            break
    if len(lines) >= 2 and len(lines[0].split()) <= 25 and not _SENTENCE_END.search(lines[0]) \
            and split_dateline(lines[0])[0] is None:
        title = lines.pop(0)
    else:
        notices.append(Notice("title", "missing", "no headline line"))
    if published is None:
        notices.append(Notice("published", "missing", "no date line"))
    blocks = [Block("paragraph", ln) for ln in lines]
    dateline = None
    if blocks:
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    return Article(
        site=site_id,
        url=copy.url,
        title=title,
        published=published,
        byline=byline,
        dateline=dateline,
        agency=dateline.agency if dateline else None,
        body=blocks,
        date_text=date_text,
        layout="generic/text",
        warnings=notices,
    )
