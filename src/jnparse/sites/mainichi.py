"""The Mainichi (English) — mainichi.jp/english.

URLs ``/english/articles/YYYYMMDD/<media>/<n>m/<genre>/<NNN>000c``: YYYYMMDD is the publication date,
media ``p2a`` the Mainichi's own English stories and ``p2g`` wire copy (Kyodo; MED).

Layout ``cms2020``: the mainichi.jp CMS (facts HIGH for the Japanese site, LOW for /english):
headline ``h1.title-page``, body ``section#articledetail-body`` (``p`` and ``h2`` subheads), photos in
``.articledetail-image-left`` / ``.articledetail-body-image-inner`` / ``figure``. Because the English
DOM is not attested, structured data comes first: published = ``cXenseParse:recs:publishtime``
("2025-01-14T21:17:27+0900"), ``article:published_time``, JSON-LD ``datePublished``, ``firstcreate``
("2025-01-14 21:17:27"), and the URL date only as a last resort (midnight, with a
``low-confidence`` warning); updated = ``article:modified_time``, JSON-LD ``dateModified``,
``lastupdate``. When the body section is missing, JSON-LD ``articleBody`` is read instead.

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
import re
from urllib.parse import urlsplit

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..bylines import is_person_name
from ..dates import JST, NeedsReference, parse_jst
from ..model import Article, Block, Byline, Dateline, Discarded, Image, Item, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_names, ld_text, ld_url, strip_tags
from ..textcopy import TextCopy
from .base import Layout, Site, cut_dateline, discard, image, img_url

SITE_ID = "mainichi"
NAMES = ("The Mainichi", "Mainichi", "The Mainichi Shimbun", "Mainichi Japan", "毎日新聞")

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_PHOTO = "contains(@class, 'articledetail-image') or contains(@class, 'articledetail-body-image')"
BODY_SECTION = xpath("//section[@id='articledetail-body'] | //*[@id='articledetail-body']")
TITLE = xpath(f"//h1[{_HAS.format('title-page')}]")
H1 = xpath("//h1")
BODY_PIECES = xpath(
    f"(.//p | .//h2 | .//h3)[not(ancestor::figure)][not(ancestor::*[{_PHOTO}])]"
    "[not(ancestor::*[(contains(@class, 'mustpay') and not(contains(@class, 'is-mustpay')))"
    " or contains(@class, 'paywall')])]"
    "[not(ancestor::aside)][not(ancestor::p)]"
)
PHOTO_BOXES = xpath(
    f"//*[{_PHOTO}][not(ancestor::*[{_PHOTO}])][not(ancestor::figure)]"
    f" | //*[@id='articledetail-body']//figure[not(ancestor::*[{_PHOTO}])]"
)
BOX_IMG = xpath(".//img")
BOX_CAPTION = xpath("(.//figcaption | .//*[contains(@class, 'caption')] | .//p)[1]")
MUSTPAY = xpath(f"//*[{_HAS.format('is-mustpay')}]")
PROMPTS = xpath(
    "//*[(contains(@class, 'mustpay') and not(contains(@class, 'is-mustpay'))) or contains(@class, 'paywall')]"
    "[not(ancestor::*[(contains(@class, 'mustpay') and not(contains(@class, 'is-mustpay')))"
    " or contains(@class, 'paywall')])]"
)
SECTION_CRUMB = xpath("//div[contains(@class, 'container')]//ul/li[contains(@class, 'active')]")
SIDE_HEADINGS = xpath("//h2 | //h3 | //h4")
LINKS = xpath(".//a[@href]")
FINGERPRINT = xpath(
    "//section[@id='articledetail-body'] | //meta[@name='cXenseParse:mai-entitlement']"
    " | //meta[@name='cXenseParse:mai-fee-charging'] | //img[starts-with(@src, 'https://cdn.mainichi.jp/')]"
)

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


def _pieces(container: etree._Element) -> list[Block]:
    out: list[Block] = []
    for el in elements(BODY_PIECES(container)):
        text = text_of(el)
        if text:
            out.append(Block("subhead" if el.tag in ("h2", "h3") else "paragraph", text))
    return out


def _images(page: Page) -> list[Image]:
    out: list[Image] = []
    for box in elements(PHOTO_BOXES(page.root)):
        img = first(BOX_IMG(box))
        cap_el = first(BOX_CAPTION(box))
        alt = squash(img.get("alt")) if img is not None else ""
        text = text_of(cap_el) if cap_el is not None else alt
        caption, credit = split_caption(text) if text else (None, None)
        if img is None and caption is None:
            continue
        out.append(image(img_url(page, img), caption, credit))
    return out


def _paywalled(page: Page) -> bool:
    if MUSTPAY(page.root):
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
    return False


def _side_lists(page: Page, body: etree._Element | None) -> list[Discarded]:
    out: list[Discarded] = []
    for h in elements(SIDE_HEADINGS(page.root)):
        heading = text_of(h)
        kind = _kind_of_heading(heading)
        box = h.getparent()
        if kind is None or box is None or _inside(h, body):
            continue
        items = tuple(Item(title=t, url=page.absolute(a.get("href")))
                      for a in elements(LINKS(box)) if (t := text_of(a)))
        out.append(discard(kind, heading, items))
    return out


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
    root = page.root
    body_el = first(BODY_SECTION(root))
    url_day, media = url_parts(page.url)
    if media is None:
        url_day, media = url_parts(page.url_hint)
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := page.meta_value("og:title")) else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1.title-page", lambda: text_of(first(TITLE(root))) or None),
        ("h1", lambda: text_of(first(H1(root))) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("breadcrumb", lambda: text_of(first(SECTION_CRUMB(root))) or None),
        required=False,
    )
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
        blocks = _pieces(body_el)
    else:
        page.warn("body", "unknown-layout", "no section#articledetail-body")
        blocks = []
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
    images = _images(page)
    if not images:
        lead = ld_url(page.ld("image")) or page.meta_value("og:image")
        if lead:
            images = [image(page.absolute(lead), None, None)]
    paywalled = _paywalled(page)
    discarded = list(credits)
    for el in elements(PROMPTS(root)):
        discarded.append(discard("subscribe", None, (), text_of(el)))
    discarded.extend(_side_lists(page, body_el))
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
    return bool(BODY_SECTION(page.root)) or bool(TITLE(page.root))


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"articledetail-body", b"cXenseParse:mai-", b"https://cdn.mainichi.jp/")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ----------------------------------------------------------------------------------------

_MAINICHI_JAPAN = re.compile(r"\s*\(Mainichi Japan\)\s*")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)…]$")


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


def _is_subhead(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and not _SENTENCE_END.search(line) and line[0].isupper() and len(line) <= 80


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
    blocks = [Block("subhead" if i and _is_subhead(ln) else "paragraph", ln) for i, ln in enumerate(kept)]
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
)

__all__ = ["SITE", "finish_body", "parse_text", "split_caption", "url_parts"]
