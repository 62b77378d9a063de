"""Japan Today — japantoday.com (GPlusMedia Inc.).

URLs ``/category/<category>/<slug>`` carry no date or id. The published time is
``time[itemprop=datePublished][datetime="YYYY-MM-DD HH:MM"]`` with no zone (Japan time; facts HIGH);
its visible text ("Mar. 18 04:01 pm JST", "Today 06:40 pm JST") has no year or is relative and needs
the fetch time. The body is ``div[itemprop=articleBody]`` (facts MED). Wire copy ends with a credit
line — "© KYODO", "© 2024 AFP", "© Thomson Reuters 2024." — that names the agency; "© Japan Today"
marks staff copy (agency None). The credit line and the site line "©2025 GPlusMedia Inc." are kept
out of the body as discarded blocks of kind "credit". AFP features carry a byline "By Kyoko HASEGAWA"
(kept as printed). Comments, vote lines "7 ( +10 / -3 )", "Login to comment", "Top Jobs in Japan",
"More in National" and the video promotion are discarded.

An expired wire story keeps its URL but shows "The requested article has expired, and is no longer
available. …": it raises :class:`jnparse.NotAnArticleError`.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..agencies import canonical_agency
from ..bylines import parse_byline
from ..dates import NeedsReference, parse_jst
from ..errors import NotAnArticleError
from ..model import Article, Block, Byline, Discarded, Image, Item, Notice
from ..page import Page, elements, first, strings, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import TextCopy
from .base import Layout, Site, body_blocks, cut_dateline, discard, image, img_url, link_items

SITE_ID = "japantoday"
NAMES = ("Japan Today", "JapanToday")
EXPIRED = "The requested article has expired"
EXPIRED_MESSAGE = "Japan Today: the requested article has expired and is no longer available"

# -- selectors, compiled once ------------------------------------------------------------------------
ARTICLE_BODY = xpath("//*[@itemprop='articleBody']")
BODY_PARTS = xpath(".//p[not(ancestor::figure)] | .//h2 | .//h3")
H1 = xpath("//h1")
CATEGORY = xpath(
    "//article//a[contains(@href, '/category/')][not(ancestor::*[@itemprop='articleBody'])]"
    "[following::h1 or ancestor::header]"
)
TIME_PUBLISHED = xpath("//time[@itemprop='datePublished']")
TIME_MODIFIED = xpath("//time[@itemprop='dateModified']/@datetime")
AUTHOR = xpath(
    "//*[@itemprop='author'][not(ancestor::*[@itemprop='articleBody'])]"
    " | //article//*[contains(@class, 'byline') or contains(@class, 'author')]"
    "[not(ancestor::*[@itemprop='articleBody'])][not(ancestor::*[@id='comments'])]"
    "[starts-with(normalize-space(), 'By ')]"
)
FIGURES = xpath("//article//figure")
FIG_IMG = xpath(".//img")
FIG_CAPTION = xpath(".//figcaption")
EXPIRED_NODE = xpath(f"//*[contains(text(), '{EXPIRED}')]")
SITE_LINE = xpath("//*[contains(text(), 'GPlusMedia')]")
#: headings of the blocks kept out of the body; the block is the heading's parent
HEADINGS = xpath("//*[self::h2 or self::h3 or self::h4 or self::h5][not(ancestor::*[@itemprop='articleBody'])]")
COMMENT_COUNT = xpath(
    "//*[@itemprop='commentCount'][not(ancestor::*[@id='comments'])]"
    "[not(ancestor::h2 or ancestor::h3 or ancestor::h4 or ancestor::h5)]/.."
)
FINGERPRINT = xpath(
    "//meta[(@name='twitter:site' or @name='twitter:card') and @content='@JapanToday']"
    " | //img[contains(@src, 'media.japantoday.com') or contains(@src, 'japantoday-asset')]"
    " | //link[@rel='canonical'][contains(@href, 'japantoday.com/')]"
)

# -- printed text --------------------------------------------------------------------------------------
CREDIT_LINE = re.compile(r"^(?:©|\(c\)\s|Copyright\b)", re.IGNORECASE)
VOTE_LINE = re.compile(r"^-?\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)$")
COMMENTS_LINE = re.compile(r"^(\d+)\s+Comments?$")
_TIME = r"(?:Today|Yesterday|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+\d{1,2}:\d\d\s*[ap]m\s+JST"
DATE_LINE = re.compile(rf"^(?P<time>{_TIME})(?:\s+(?P<comments>\d+\s+Comments?))?$")
_PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”)])\s+)(?P<credit>Photo:\s*\S[^.]{0,60}|\(?(?:AP Photo|[A-Z]{2,}(?: [A-Z]{2,})?)/[^/]{2,60}?\)?)$"
)


def block_kind(heading: str) -> str | None:
    """The kind of block a heading opens ("26 Comments" → comments), or ``None`` when it opens none."""
    h = squash(heading)
    low = h.lower()
    if COMMENTS_LINE.match(h) or low in ("comments", "login to comment"):
        return "comments"
    if low in ("video promotion", "top jobs in japan") or low.startswith("top jobs"):
        return "promo"
    if low.startswith("more in ") or low in ("related", "related stories", "related articles", "you may also like"):
        return "related"
    if low in ("popular", "most popular", "most read", "most commented", "trending"):
        return "popular"
    if low in ("latest", "latest news", "latest stories"):
        return "latest"
    return None


def credit_agency(line: str) -> str | None:
    """The agency a closing credit line names: "© KYODO" → Kyodo; "© Japan Today" → None."""
    for cand in (line, *re.split(r"(?<=\.)\s+", line)):
        hit = canonical_agency(cand)
        if hit:
            return hit
    return None


def split_photo_credit(caption: str) -> tuple[str, str | None]:
    """"Crowds gather. REUTERS/Issei Kato" → ("Crowds gather.", "REUTERS/Issei Kato")."""
    text = squash(caption)
    m = _PHOTO_CREDIT.search(text)
    if not m:
        return text, None
    return text[: m.start()].strip(), m.group("credit").strip()


_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "section", "article", "aside", "header", "footer", "h1", "h2",
                         "h3", "h4", "h5", "h6", "br", "blockquote", "figure", "figcaption", "table", "tr"})


def block_text(el: etree._Element) -> str:
    """The text of ``el`` with block elements kept apart ("user" + "comment" does not run together)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append(" ")
            if node.text and tag not in ("script", "style", "noscript", "template") and isinstance(node.tag, str):
                parts.append(node.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append(" ")
            if node is not el and node.tail:
                parts.append(node.tail)
    return squash("".join(parts))


def _expired(text: str) -> NotAnArticleError:
    return NotAnArticleError(f"{EXPIRED_MESSAGE} (the page says: {text[:160]!r})")


def _date(page: Page, field: str, text: str | None) -> dt.datetime | None:
    return page.date(field, text)


def _section_from_url(page: Page) -> str | None:
    url = page.url
    if not url:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) >= 3 and parts[0] == "category":
        page.warn("section", "low-confidence", "category slug of the URL")
        return parts[-2]
    return None


def _byline(page: Page, blocks: list[Block]) -> tuple[Byline | None, list[Block]]:
    el = first(AUTHOR(page.root))
    if el is not None:
        found = parse_byline(text_of(el))
        if found is not None:
            return found, blocks
    if blocks and blocks[0].kind == "paragraph" and blocks[0].text.startswith("By ") and len(blocks[0].text) <= 80:
        found = parse_byline(blocks[0].text)
        if found is not None and found.authors:
            return found, blocks[1:]
    return None, blocks


def _images(page: Page) -> list[Image]:
    out: list[Image] = []
    for fig in elements(FIGURES(page.root)):
        caption, credit = split_photo_credit(text_of(first(FIG_CAPTION(fig))))
        url = img_url(page, first(FIG_IMG(fig)))
        if url or caption:
            out.append(image(url, caption, credit))
    return out


def _side_blocks(page: Page) -> list[Discarded]:
    out: list[Discarded] = []
    for el in elements(COMMENT_COUNT(page.root)):
        out.append(discard("comments", None, (), text_of(el)))
    taken: set[etree._Element] = set()
    for h in elements(HEADINGS(page.root)):
        heading = text_of(h)
        kind = block_kind(heading)
        box = h.getparent()
        if kind is None or box is None or box in taken or any(a in taken for a in box.iterancestors()):
            continue
        taken.add(box)
        if kind == "comments" or heading.lower() == "video promotion":
            out.append(discard(kind, heading, (), block_text(box)))
        else:
            out.append(discard(kind, heading, [i for i in link_items(page, box) if i.title != heading]))
    return out


def extract_2018(page: Page) -> Article:
    root = page.root
    gone = first(EXPIRED_NODE(root))
    if gone is not None:
        raise _expired(text_of(gone))
    body_el = first(ARTICLE_BODY(root))
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(squash(page.meta_value("og:title")), NAMES) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(H1(root))) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("category label", lambda: text_of(first(CATEGORY(root))) or None),
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("URL category", lambda: _section_from_url(page)),
    )
    time_el = first(TIME_PUBLISHED(root))
    date_text = text_of(time_el) or None
    published = page.pick(
        "published",
        ("time@datetime", lambda: _date(page, "published", time_el.get("datetime") if time_el is not None else None)),
        ("JSON-LD datePublished", lambda: _date(page, "published", ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, "published", page.meta_value("article:published_time"))),
        ("printed time", lambda: _date(page, "published", date_text)),
    )
    modified = strings(TIME_MODIFIED(root))
    updated = page.pick(
        "updated",
        ("time dateModified", lambda: _date(page, "updated", modified[0] if modified else None)),
        ("JSON-LD dateModified", lambda: _date(page, "updated", ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, "updated", page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks = body_blocks(elements(BODY_PARTS(body_el))) if body_el is not None else []
    if body_el is None:
        page.warn("body", "missing", "no [itemprop=articleBody]")
    discarded: list[Discarded] = []
    credits: list[str] = []
    while blocks and CREDIT_LINE.match(blocks[-1].text) and len(blocks[-1].text) <= 300:
        credits.insert(0, blocks.pop().text)
    site_line = first(SITE_LINE(root))
    site_text = text_of(site_line)
    if site_text and site_text not in credits:
        credits.append(site_text)
    agency = next((a for c in credits if (a := credit_agency(c))), None)
    discarded.extend(discard("credit", None, (), c) for c in credits)
    byline, blocks = _byline(page, blocks)
    dateline, blocks = cut_dateline(blocks)
    if agency is None and dateline is not None:
        agency = dateline.agency
    discarded.extend(_side_blocks(page))
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=_images(page),
        discarded=discarded,
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="japantoday/2018",
        warnings=page.notices,
    )


def _matches_2018(page: Page) -> bool:
    return True  # the only known design


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"@JapanToday", b"japantoday")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ------------------------------------------------------------------------------------


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:8]
    if head and head[0] in NAMES:
        return True
    if any(DATE_LINE.match(ln) for ln in head):
        return True
    # GPlusMedia also publishes GaijinPot: its site line alone is not Japan Today's
    gplus = votes = False
    for ln in copy.lines:
        if EXPIRED in ln or "with JapanToday" in ln:
            return True
        gplus = gplus or "GPlusMedia" in ln
        votes = votes or bool(VOTE_LINE.match(ln))
    return gplus and votes


def _ends_body(line: str) -> bool:
    return bool(CREDIT_LINE.match(line)) or "GPlusMedia" in line or block_kind(line) is not None


def _tail(lines: list[str], notices: list[Notice]) -> tuple[list[Discarded], str | None]:
    """The lines after the body: credit lines, then blocks opened by known headings."""
    out: list[Discarded] = []
    agency = None
    i = 0
    while i < len(lines) and (CREDIT_LINE.match(lines[i]) or "GPlusMedia" in lines[i]):
        agency = agency or credit_agency(lines[i])
        out.append(Discarded(kind="credit", text=lines[i]))
        i += 1
    stray: list[str] = []
    while i < len(lines):
        kind = block_kind(lines[i])
        if kind is None:
            stray.append(lines[i])
            i += 1
            continue
        heading = lines[i]
        i += 1
        raw = [heading]
        while i < len(lines) and block_kind(lines[i]) in (None, "comments" if kind == "comments" else None):
            raw.append(lines[i])
            i += 1
        if kind == "comments" or heading.lower() == "video promotion":
            out.append(Discarded(kind=kind, heading=heading, text="\n".join(raw)))
        else:
            items = tuple(Item(title=re.sub(r"^[-•]\s*", "", ln)) for ln in raw[1:])
            out.append(Discarded(kind=kind, heading=heading, items=items, text="\n".join(raw)))
    if stray:
        out.append(Discarded(kind="other", text="\n".join(stray)))
        notices.append(Notice("discarded", "unknown-layout", f"{len(stray)} line(s) after the body not recognised"))
    return out, agency


def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    gone = next((ln for ln in lines if EXPIRED in ln), None)
    if gone is not None:
        raise _expired(gone)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    if lines and lines[0] in NAMES:
        discarded.append(Discarded(kind="navigation", text=lines.pop(0)))
    anchor = next((i for i, ln in enumerate(lines[:8]) if DATE_LINE.match(ln) or COMMENTS_LINE.match(ln)), None)
    head = lines[:anchor] if anchor is not None else lines[:1]
    rest = lines[anchor:] if anchor is not None else lines[1:]
    title = head.pop() if head else None
    section = head.pop(0) if head else None
    if head:
        discarded.append(Discarded(kind="other", text="\n".join(head)))
    date_text = None
    published = None
    while rest and (DATE_LINE.match(rest[0]) or COMMENTS_LINE.match(rest[0])):
        line = rest.pop(0)
        m = DATE_LINE.match(line)
        if m and date_text is None:
            date_text = line
            try:
                published = parse_jst(m.group("time"), reference=copy.reference)
            except NeedsReference:
                notices.append(Notice("published", "relative-time", f"{line!r} needs fetched="))
        else:
            discarded.append(Discarded(kind="comments", text=line))
    if published is None and date_text is None:
        notices.append(Notice("published", "missing", "no 'Mar. 18 04:01 pm JST' line"))
    byline = None
    if rest and rest[0].startswith("By ") and len(rest[0]) <= 80:
        byline = parse_byline(rest.pop(0))
    end = next((i for i, ln in enumerate(rest) if _ends_body(ln)), len(rest))
    tail, agency = _tail(rest[end:], notices)
    discarded.extend(tail)
    dateline, blocks = cut_dateline([Block("paragraph", ln) for ln in rest[:end]])
    if agency is None and dateline is not None:
        agency = dateline.agency
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
        published=published,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        discarded=discarded,
        date_text=date_text,
        layout="japantoday/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="Japan Today",
    hosts=("japantoday.com",),
    names=NAMES,
    layouts=(Layout("2018", _matches_2018, extract_2018),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
)

__all__ = ["SITE", "block_kind", "credit_agency", "parse_text", "split_photo_credit"]
