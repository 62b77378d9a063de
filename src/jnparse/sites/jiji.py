"""Jiji Press English News Service — jen.jiji.com.

Article URLs ``/jc/eng?g=<genre>&k=<YYYYMMDD><5-digit serial>``: k starts with the JST publication
date (facts HIGH) — used only as a last-resort date, with a warning. DOM (facts MED, from a scraper):
title ``h1#article-title`` (older design ``h1.text4L``: its own Layout), date ``p.article-date``
(printed format LOW: "YYYY/MM/DD-HH:MM" believed; any form ``jnparse.dates`` reads is accepted),
body ``p.full-article-txt``, photo ``div.photos-data``, link lists ``.textBL``, ``.textL``,
``div.photos-list``, ``p.link-more`` (all kept out of the body).

Every story is Jiji's own: ``agency`` is "Jiji Press" whether or not a dateline is printed. Datelines
are title case with AP months: "Tokyo, Jan. 21 (Jiji Press)--", "Mito, Ibaraki Pref., Sept. 3 (Jiji
Press)--", "Wakayama (Jiji Press)—". Photo credits "(© Jiji)" become the image credit "Jiji Press".
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..agencies import canonical_agency
from ..dates import JST, parse_jst
from ..model import Article, Block, Discarded, Image, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import TextCopy, list_blocks
from .base import Layout, Site, cut_dateline, discard, image, img_url, link_items

SITE_ID = "jiji"
AGENCY = "Jiji Press"
NAMES = ("JIJI PRESS", "Jiji Press", "Jiji Press English News Service", "JIJI.COM", "jiji.com")

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
TITLE_CURRENT = xpath("//h1[@id='article-title']")
TITLE_LEGACY = xpath(f"//h1[{_HAS.format('text4L')}]")
ARTICLE_DATE = xpath(f"//p[{_HAS.format('article-date')}]")
BODY = xpath(f"//*[self::p or self::div][{_HAS.format('full-article-txt')}]")
PHOTOS = xpath(f"//div[{_HAS.format('photos-data')}]")
PHOTO_IMG = xpath(".//img")
LISTS = xpath(
    f"//*[{_HAS.format('textBL')}] | //ul[{_HAS.format('textL')}] | //ol[{_HAS.format('textL')}]"
    f" | //div[{_HAS.format('photos-list')}] | //p[{_HAS.format('link-more')}]"
    f" | //a[{_HAS.format('textL')}]/.."
)
LIST_HEADING = xpath("(./preceding-sibling::*[self::h2 or self::h3 or self::h4][1])[1]")
FINGERPRINT = xpath(
    f"//*[{_HAS.format('full-article-txt')}] | //h1[@id='article-title'][following::p[{_HAS.format('article-date')}]]"
    " | //link[@rel='canonical'][contains(@href, 'jen.jiji.com')]"
    " | //meta[@property='og:url'][contains(@content, 'jen.jiji.com')]"
)

#: Genre codes of the k-number URLs (only ``eco`` is attested; the rest LOW).
GENRES = {
    "eco": "Economy", "pol": "Politics", "soc": "Society", "int": "International", "spo": "Sports",
    "sci": "Science", "cul": "Culture",
}

_K = re.compile(r"^(\d{4})(\d\d)(\d\d)\d{5}$")
_CREDIT = re.compile(r"\s*\((?P<credit>[^()]*©[^()]*)\)\s*$")


def _query(url: str | None) -> dict[str, str]:
    if not url:
        return {}
    try:
        q = parse_qs(urlsplit(url).query)
    except ValueError:
        return {}
    return {k: v[0] for k, v in q.items() if v}


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
    """The text of an element in pieces separated by ``<br>`` (runs of them count once)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "br":
            parts.append("")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts[-1] += "".join(child.itertext())
        if child.tail:
            parts[-1] += child.tail
    return [t for t in (squash(p) for p in parts) if t]


def _body(page: Page) -> list[Block]:
    out: list[Block] = []
    for el in elements(BODY(page.root)):
        out.extend(Block("paragraph", t) for t in _split_br(el))
    return out


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


def _images(page: Page) -> list[Image]:
    out: list[Image] = []
    for div in elements(PHOTOS(page.root)):
        caption, credit = photo_credit(text_of(div))
        url = img_url(page, first(PHOTO_IMG(div)))
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


def _discarded(page: Page) -> list[Discarded]:
    out: list[Discarded] = []
    seen: set[etree._Element] = set()
    for el in elements(LISTS(page.root)):
        if el in seen or any(a in seen for a in el.iterancestors()):
            continue
        seen.add(el)
        heading = text_of(first(LIST_HEADING(el)))
        kind = _list_kind(el, heading)
        out.append(discard(kind, heading or None, link_items(page, el)))
    return out


def _extract(page: Page, title_xpath: etree.XPath, layout: str) -> Article:
    root = page.root
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(squash(page.meta_value("og:title")), NAMES) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(title_xpath(root))) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("genre code", lambda: _genre(page)),
    )
    date_text = text_of(first(ARTICLE_DATE(root))) or None
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
    blocks = _body(page)
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no p.full-article-txt")
    if dateline is not None and dateline.agency not in (None, AGENCY):
        page.warn("agency", "disagree", f"dateline credits {dateline.agency}")
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
        images=_images(page),
        discarded=_discarded(page),
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout=f"jiji/{layout}",
        warnings=page.notices,
    )


def extract_current(page: Page) -> Article:
    return _extract(page, TITLE_CURRENT, "current")


def extract_text4l(page: Page) -> Article:
    return _extract(page, TITLE_LEGACY, "text4l")


def _matches_current(page: Page) -> bool:
    return bool(TITLE_CURRENT(page.root))


def _matches_text4l(page: Page) -> bool:
    return bool(TITLE_LEGACY(page.root))


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
)

__all__ = ["SITE", "k_date", "parse_text", "photo_credit"]
