"""nippon.com (English) — www.nippon.com/en/.

Layout ``2020``: title ``h1``, body ``div.editArea`` (exact class attribute), tags
``section.c-detailkeyward a``, author ``meta[name="cXenseParse:author"]`` (facts MED, one scraper 2025).
Times come from structured data when the page has any (JSON-LD ``datePublished``,
``article:published_time``, cXense ``recs:publishtime``); otherwise from the date in a Jiji URL
(``/en/news/yjj<YYYYMMDD><5 digits>/``), which gives the day only (midnight Japan time, with a
``low-confidence`` warning).

Page kinds, by URL (facts HIGH):

- Jiji wire, ``/en/news/yjj…``: the body opens with Jiji's own dateline, kept as printed
  ("Tokyo, Aug. 22 (Jiji Press)--"), cut into ``dateline``; agency "Jiji Press".
- Kyodo wire, ``/en/news/kd…``: a truncated teaser ending "..." with no dateline: agency "Kyodo",
  ``paywalled`` true (the page holds only part of the story).
- Features (``/en/japan-topics/g0NNNN/``, ``/en/japan-data/h0NNNN/``, ``/en/in-depth/dNNNNN/``):
  own writers, byline from the cXense author meta.

Photo credits "(© Jiji)", "(© Pixta)" end captions: ``Image.credit`` is the name without © ("Jiji").
Text copies: the section label prints as "Newsfrom Japan" (no space), then the body.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..bylines import is_person_name, parse_byline
from ..dates import JST, NeedsReference, parse_jst
from ..model import Article, Block, Byline, Discarded, Image, Item, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_names, ld_text, strip_tags
from ..textcopy import TextCopy
from .base import Layout, Site, cut_dateline, discard, image, img_url

SITE_ID = "nippon"
NAMES = ("nippon.com", "Nippon.com", "NIPPON.COM", "nippon.com (English)")

# -- selectors, compiled once ------------------------------------------------------------------------
EDIT_AREA = xpath("//div[@class='editArea']")
BODY = xpath("./p | ./h2 | ./h3 | ./h4 | ./div[not(@class)]/p | ./figure | ./div[contains(@class,'photo')]")
FIG_IMG = xpath(".//img")
FIG_CAPTION = xpath(".//figcaption | .//*[contains(@class,'caption')]")
TAGS = xpath("//section[contains(concat(' ', normalize-space(@class), ' '), ' c-detailkeyward ')]")
TAG_LINKS = xpath(".//a[@href]")
TAG_HEADING = xpath("(.//h2 | .//h3 | .//p[not(a)] | .//span[not(ancestor::a)])[1]")
CATEGORY = xpath("//*[contains(@class,'c-detail__category') or contains(@class,'c-category')][1]")
FINGERPRINT = xpath(
    "//div[@class='editArea'] | //section[contains(@class,'c-detailkeyward')]"
    " | //link[starts-with(@href,'https://www.nippon.com/')][@rel='canonical' or @rel='alternate']"
)

_JIJI_URL = re.compile(r"/news/yjj(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)\d{5}(?:/|$)")
_KYODO_URL = re.compile(r"/news/kd\d+(?:/|$)")
_SECTIONS = {  # the URL's section folder → the label the site shows (LOW except "news")
    "news": "News from Japan", "japan-topics": "Japan Topics", "japan-data": "Japan Data",
    "in-depth": "In Depth",
}
_CREDIT = re.compile(r"\s*\((?:[^()©]{0,60};\s*)?©\s?(?P<credit>[^()]{1,60}?)\.?\)\s*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
_NAME_SEP = re.compile(r"\s*(?:,|;|\band\b)\s*")
_LABEL = re.compile(r"^News\s?from Japan$")


def _credit(caption: str) -> tuple[str | None, str | None]:
    text = squash(caption)
    m = _CREDIT.search(text)
    if not m:
        return text or None, None
    return text[: m.start()].strip() or None, squash(m.group("credit")) or None


def _kind(url: str | None) -> str:
    path = urlsplit(url).path if url else ""
    if _JIJI_URL.search(path):
        return "jiji"
    if _KYODO_URL.search(path):
        return "kyodo"
    return "feature"


def _url_date(url: str | None) -> dt.datetime | None:
    m = _JIJI_URL.search(urlsplit(url).path) if url else None
    if not m:
        return None
    try:
        return dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=JST)
    except ValueError:
        return None


def _section_from_url(url: str | None) -> str | None:
    parts = [p for p in urlsplit(url).path.split("/") if p] if url else []
    if len(parts) >= 2 and parts[0] == "en":
        return _SECTIONS.get(parts[1])
    return None


def _date(page: Page, text: str | None) -> dt.datetime | None:
    try:
        return parse_jst(text, reference=page.reference)
    except NeedsReference:
        page.warn("published", "relative-time", "a relative time needs fetched=")
        return None


def _body(page: Page, area: etree._Element) -> tuple[list[Block], list[Image]]:
    blocks: list[Block] = []
    images: list[Image] = []
    for el in elements(BODY(area)):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("figure", "div"):
            cap_el = first(FIG_CAPTION(el))
            caption, credit = _credit(text_of(cap_el)) if cap_el is not None else (None, None)
            images.append(image(img_url(page, first(FIG_IMG(el))), caption, credit))
            continue
        text = text_of(el)
        if text:
            blocks.append(Block("subhead" if tag in ("h2", "h3", "h4") else "paragraph", text))
    return blocks, images


def _byline(page: Page) -> Byline | None:
    raw = page.meta_value("cxenseparse:author")
    names: list[str] = []
    if raw:
        names = [n for n in (squash(x) for x in _NAME_SEP.split(raw)) if is_person_name(n)]
    if not names:
        names = [n for n in ld_names(page.ld("author")) if is_person_name(n)]
        if names:
            page.warn("byline", "fallback", "read from the JSON-LD author")
    if not names:
        return None
    parsed = parse_byline(raw) if raw else None
    if parsed is not None and parsed.authors:
        return parsed
    return Byline(raw=raw or ", ".join(names), authors=tuple(names))


def _is_category(el: etree._Element) -> bool:
    cls = el.get("class") or ""
    return "c-detail__category" in cls or "c-category" in cls


def extract_2020(page: Page) -> Article:
    root = page.root
    area = next(iter(page.elements_with(lambda e: e.tag == "div" and e.get("class") == "editArea", EDIT_AREA,
                                        needles=(b"editArea",))), None)
    if area is None:
        page.warn("body", "unknown-layout", "no div.editArea")
        area = root
    url = page.url
    kind = _kind(url)
    title = page.pick(
        "title",
        ("h1", lambda: text_of(next(root.iter("h1"), None)) or None),
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := squash(page.meta_value("og:title"))) else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("category label", lambda: _label(text_of(next(iter(page.elements_with(
            _is_category, CATEGORY, needles=(b"c-detail__category", b"c-category"))), None)))),
        ("URL", lambda: _section_from_url(url)),
    )
    times = [t for el in root.iter("time") if (t := el.get("datetime")) is not None]
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("cXense publishtime", lambda: _date(page, page.meta_value("cxenseparse:recs:publishtime"))),
        ("<time>", lambda: _date(page, times[0] if times else None)),
        ("URL date", lambda: _url_date(url)),
    )
    if published is not None and published == _url_date(url):
        page.warn("published", "low-confidence", "the day from the URL; the time of day is not printed")
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks, images = _body(page, area)
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no paragraphs in div.editArea")
    agency = dateline.agency if dateline else None
    if agency is None and kind == "jiji":
        agency = "Jiji Press"
    elif agency is None and kind == "kyodo":
        agency = "Kyodo"
    paywalled = kind == "kyodo" and bool(blocks) and _TRUNCATED.search(blocks[-1].text) is not None
    discarded = [_tags(page, el) for el in page.elements_with(
        lambda e: e.tag == "section" and "c-detailkeyward" in (e.get("class") or "").split(), TAGS,
        needles=(b"c-detailkeyward",))]
    return Article(
        site=SITE_ID,
        url=url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=_byline(page) if kind == "feature" else None,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=paywalled,
        description=strip_tags(page.meta_value("og:description", "description")),
        layout=f"nippon/2020-{kind}",
        warnings=page.notices,
    )


def _label(text: str) -> str | None:
    if not text:
        return None
    return "News from Japan" if _LABEL.match(text) else text


def _tags(page: Page, el: etree._Element) -> Discarded:
    head_el = first(TAG_HEADING(el))
    items = tuple(Item(title=t, url=page.absolute(a.get("href"))) for a in elements(TAG_LINKS(el)) if (t := text_of(a)))
    return discard("navigation", text_of(head_el) or None if head_el is not None else None, items)


def _matches_2020(page: Page) -> bool:
    return True


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"editArea", b"c-detailkeyward", b"https://www.nippon.com/")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ------------------------------------------------------------------------------------

def text_signature(copy: TextCopy) -> bool:
    return any(_LABEL.match(ln) for ln in copy.lines[:4])


def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    notices: list[Notice] = []
    idx = next((i for i, ln in enumerate(lines[:4]) if _LABEL.match(ln)), None)
    title = section = None
    if idx is not None:
        section = "News from Japan"
        head = lines[:idx]
        lines = lines[idx + 1:]
        if head:
            title = " ".join(head)
    else:
        notices.append(Notice("section", "missing", "no 'News from Japan' label"))
    blocks = [Block("paragraph", ln) for ln in lines]
    dateline, blocks = cut_dateline(blocks)
    kind = _kind(copy.url)
    agency = dateline.agency if dateline else None
    if agency is None:
        agency = {"jiji": "Jiji Press", "kyodo": "Kyodo"}.get(kind)
    truncated = bool(blocks) and _TRUNCATED.search(blocks[-1].text) is not None
    paywalled = dateline is None and truncated
    published = _url_date(copy.url)
    if published is not None:
        notices.append(Notice("published", "low-confidence", "the day from the URL; the time of day is not printed"))
    else:
        notices.append(Notice("published", "missing", "a nippon.com text copy prints no date"))
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
        published=published,
        dateline=dateline,
        agency=agency,
        body=blocks,
        paywalled=paywalled,
        layout="nippon/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="nippon.com",
    hosts=("nippon.com",),
    names=NAMES,
    layouts=(Layout("2020", _matches_2020, extract_2020),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
)

__all__ = ["SITE"]
