"""The Japan News by The Yomiuri Shimbun — japannews.yomiuri.co.jp.

Layout ``wp2022``: the WordPress theme ``thejapannews_ver1`` (2022 onwards), facts HIGH (a real page).
Published time: ``article:published_time`` meta, then JSON-LD, then the printed ``p.postdate``
("17:41 JST, October 13, 2024"). The JSON-LD author is the CMS uploader and is never used as a writer:
the byline is ``p.byline``. Wire copy carries a dateline ("BRUSSELS (Jiji Press) — ") or sits under
``/news-services/<agency>/``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import attrs
from lxml import etree

from .._text import box_text, plain_text, squash, strip_suffix, text_of
from ..bylines import BY_LINE, credited_agency, parse_byline
from ..dates import parse_jst
from ..errors import WholePageNeeded
from ..model import Article, Block, Byline, Discarded, Image, Item
from ..page import Page, elements, first, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import SENTENCE_END, TextCopy, is_bullet, is_subhead_line, list_blocks
from .base import (
    Layout,
    Site,
    TailCut,
    cut_dateline,
    cut_to,
    fullest,
    image,
    img_url,
    is_photo_figure,
    is_share_box,
    is_text_figure,
    kept_apart,
    prune_region,
    story_blocks,
    walk_story,
)

SITE_ID = "japannews"
NAMES = ("The Japan News", "The Japan News by The Yomiuri Shimbun", "Japan News")

# -- selectors, compiled once ------------------------------------------------------------------------
# One pass over the page's div and ul elements (filtered in C) finds every container; XPath is used
# only inside them. A // XPath over the whole tree costs as much as that pass, each time.
ARTICLE_BLOCK = xpath("//div[@id='p-article-block']")
FIG_CREDIT = xpath("./span[1]")
H1 = xpath(".//h1")
DESIGN_LABEL = xpath(".//span[contains(@class, 'design_1')]")
BREADCRUMB_NAMES = xpath(".//span[@property='name']")
PIANO_TAGS = re.compile(r"""setTags["']\s*,\s*\[\s*["']([a-z_-]+)["']""")
SCRIPTS_WITH_TAGS = xpath("//script[contains(., 'setTags')]")
FINGERPRINT = xpath(
    "//p[contains(@class,'postdate')][contains(., 'JST')] | //div[contains(@class,'ranking_2')]"
    " | //link[contains(@href,'thejapannews_ver1')]"
)
# classes of the blocks kept out of the body (matched as whole class words)
_SIDE_CLASSES = frozenset({"sns-button", "goolenewsfeed", "related", "ranking", "ad_background_2"})


class _Parts:
    __slots__ = ("article", "bloc_1", "breadcrumbs", "side")

    def __init__(self) -> None:
        self.article: etree._Element | None = None
        self.bloc_1: etree._Element | None = None
        self.breadcrumbs: etree._Element | None = None
        self.side: list[etree._Element] = []


def _scan(root: etree._Element) -> _Parts:
    parts = _Parts()
    for el in root.iter("div", "ul"):
        cls = el.get("class")
        if cls:
            words = cls.split()
            if parts.bloc_1 is None and "bloc_1" in words:
                parts.bloc_1 = el
            elif parts.breadcrumbs is None and "breadcrumbs" in words:
                parts.breadcrumbs = el
            elif _SIDE_CLASSES.intersection(words):
                parts.side.append(el)
        ident = el.get("id")
        if ident is None:
            continue
        if ident == "p-article-block":
            parts.article = el
        elif ident == "article-inline-offer" and (len(el) or (el.text or "").strip()):
            parts.side.append(el)
    return parts


#: Wire services by the URL section they are filed under.
SECTION_AGENCIES = {
    "reuters": "Reuters", "ap": "AP", "afp-jiji": "AFP-Jiji", "washingtonpost": "The Washington Post",
    "jiji": "Jiji Press", "kyodo": "Kyodo",
}


def _dated_paragraphs(block: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    """``p.postdate`` and ``p.byline`` of the article block (the first of each), in one pass over its
    paragraphs filtered in C (an XPath class test per call costs more than the walk)."""
    postdate = byline = None
    for p in block.iter("p"):
        cls = p.get("class")
        if not cls:
            continue
        words = cls.split()
        if postdate is None and "postdate" in words:
            postdate = p
        if byline is None and "byline" in words:
            byline = p
        if postdate is not None and byline is not None:
            break
    if postdate is None or byline is None:  # a redesign renamed the classes: the paragraphs' text tells
        leading = True  # (a paragraph with no class is looked at only above the story's first one)
        for p in block.iter("p"):
            classed = bool(p.get("class"))
            if not classed and not leading:
                continue  # a body paragraph
            text = (p.text or "") if len(p) == 0 else text_of(p)
            if postdate is None and "JST" in text and len(text) <= 60:
                postdate = p
            elif byline is None and BY_LINE.match(text) and len(text) <= 200 and _names_someone(text):
                byline = p
            elif not classed:
                leading = False  # the story starts: a copy with its classes stripped (an archive's) ends here
    return postdate, byline


def _names_someone(text: str) -> bool:
    byline = parse_byline(text)
    return byline is not None and bool(byline.authors)


_INLINE = frozenset({"a", "span", "strong", "em", "b", "i"})


def _side_by_headings(root: etree._Element, block: etree._Element) -> list[etree._Element]:
    """The side blocks of a page whose classes are gone (an archive's copy strips them): the boxes headed by
    one of the site's list headings ("Popular Articles", "JN ACCESS RANKING"), as a text copy's lists are
    found, and the rows of share buttons (:func:`is_share_box`). Only asked when no class marked any: a page
    always has some."""
    found: list[etree._Element] = []
    for heading in root.iter("h2", "h3", "p", "ul"):
        if heading.tag == "ul":  # share buttons, told by their links
            if not heading.get("class") and is_share_box(heading):
                found.append(heading)
            continue
        text = text_of(heading)
        if len(text) > 80 or not _heading_kind(text):
            continue
        box = heading.getparent()
        while box is not None and box.tag in _INLINE:  # a heading that links to its section: <a><h2>
            box = box.getparent()
        if box is None or box in found:
            continue
        if block is not root and (box is block or any(a is block for a in box.iterancestors())):
            continue  # a subhead of the story that reads like one
        found.append(box)
    return found


def _boxed_kind(el: etree._Element) -> str | None:
    """The kind of a block told by its class or id alone (share buttons, promos, ads), or ``None`` for a
    list of stories, which its heading names."""
    cls = f" {el.get('class') or ''} "
    if "sns-button" in cls or (cls == "  " and is_share_box(el)):  # (no class: a copy whose classes are gone)
        return "share"
    if "goolenewsfeed" in cls:
        return "promo"
    if el.get("id") == "article-inline-offer":
        return "subscribe"
    if "ad_background" in cls:
        return "ad"
    return None


def _list_kind(el: etree._Element, heading: str) -> str:
    h = heading.lower()
    if "ranking" in h:
        return "ranking"
    cls = f" {el.get('class') or ''} "
    if "popular" in h or "popularlist" in cls:
        return "popular"
    if "latest" in h or "latestlist" in cls:
        return "latest"
    if " ranking " in cls:
        return "ranking"
    return "related"


def _side_block(page: Page, el: etree._Element) -> Discarded:
    # texts come squashed from plain_text/text_of, so the Discarded is built directly
    boxed = _boxed_kind(el)
    if boxed in ("promo", "subscribe", "ad"):
        # the block is discarded and nothing reads its scripts: drop them in C, then serialise its text
        # in C (an ad slot holds only its loader script)
        etree.strip_elements(el, *_SKIPPED_TAGS, with_tail=False)
        return Discarded(kind=boxed, text=box_text(el, plain_text) or None)  # no script left to skip
    share = boxed == "share"
    heading = ""
    if not share:  # share buttons have no heading to read
        heading_el = next(el.iter("h2"), None)
        if heading_el is None:
            heading_el = next((c for c in el if c.tag in ("p", "h3")), None)
        heading = plain_text(heading_el) if heading_el is not None else ""
    kind = "share" if share else _list_kind(el, heading)
    items: list[Item] = []
    absolute = page.absolute
    for a in el.iter("a"):
        href = a.get("href")
        if href is None and not share:
            continue
        if not share:
            parent = a.getparent()
            if parent is None or parent.tag != "li":
                continue
        title = squash(a.text) if len(a) == 0 else plain_text(a)
        if title:
            items.append(Item(title, absolute(href)))
    return Discarded(kind=kind, heading=None if share else heading or None, items=tuple(items))


_SKIPPED_TAGS = ("script", "style", "noscript", "template")


def _images(page: Page, block: etree._Element) -> list[Image]:
    out: list[Image] = []
    for fig in block.iter("figure"):
        if is_text_figure(fig):
            continue  # (a pull quote or a table: the story's, read by _story)
        cap_el = next(fig.iter("figcaption"), None)
        credit = caption = None
        if cap_el is not None:
            credit_el = first(FIG_CREDIT(cap_el))
            credit = text_of(credit_el) or None
            full = text_of(cap_el)
            caption = full[len(credit):].strip() if credit and full.startswith(credit) else full
        else:  # no figcaption: whatever text the box holds is its caption (never lost)
            caption = box_text(fig) or None
        url = img_url(page, next(fig.iter("img"), None))
        if url or caption or credit:  # (an empty box, an image a script fills in: nothing to record)
            out.append(image(url, caption, credit))
    return out


def _outside_story(el: etree._Element) -> bool:
    """What the article block holds that is read on its own: a photo (read by _images; a figure that sets a
    quotation or a table apart is the story's). The byline and date lines are skipped by the caller; a box its
    class or id names (an ad, a "Related" box) is kept apart by :func:`walk_story`; any other paragraph, classed
    or not, is the story's: an editor's centred line is ``<p class="has-text-align-center">``."""
    return is_photo_figure(el)


def _story(block: etree._Element, skip: tuple[etree._Element | None, ...], side: list[etree._Element]
           ) -> tuple[list[Block], list[etree._Element]]:
    """The story's blocks in the article block, in reading order (:func:`walk_story`): its paragraphs, subheads
    (h2-h6), lists' items, quotations, and the text of plain wrapper divs or standing bare between them; and its
    tables and boxes, kept out of the body, never lost. ``skip``: the byline and date paragraphs (a copy whose
    classes are gone has them classless); ``side``: the side blocks, read on their own wherever they stand (share
    buttons or an offer placed inside the block)."""

    read_apart = {*skip, *side}  # (a set: each element of the story is asked)

    def keep_out(el: etree._Element) -> bool:
        return _outside_story(el) or el in read_apart

    return story_blocks(walk_story(block, block.text, keep_out=keep_out))


def _paywalled(page: Page) -> bool:
    kind = page.meta_value("cxenseparse:yoj-articletype")
    if kind is not None:
        if kind.lower() != "free":
            page.warn("paywalled", "low-confidence", f"article type {kind!r}: only 'free' is attested")
            return True
        return False
    for script in elements(SCRIPTS_WITH_TAGS(page.root)):
        m = PIANO_TAGS.search(script.text or "")
        if m:
            return m.group(1) != "free"
    keywords = ld_text(page.ld("keywords")) or ""
    return "有料" in keywords


def _agency_from_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if parts and parts[0] in ("news-services", "washingtonpost"):
        if parts[0] == "washingtonpost":
            return "The Washington Post"
        if len(parts) > 1:
            return SECTION_AGENCIES.get(parts[1])
    return None


def _block_of_dated_paragraph(root: etree._Element) -> etree._Element | None:
    """``div#p-article-block`` on a copy whose ids are gone but not its classes: the div holding ``p.postdate``
    (the story's date line, the first paragraph of the block), if it holds paragraphs of a story beside it."""
    for p in root.iter("p"):
        if "postdate" in (p.get("class") or "").split():
            block = p.getparent()
            if block is not None and block.tag == "div" and sum(1 for c in block if c.tag == "p") >= 3:
                return block
            return None
    return None


def _block_by_place(root: etree._Element) -> etree._Element | None:
    """``div#p-article-block`` on a copy whose classes and ids are gone: the div holding the most paragraphs
    (three or more), on a page with no class on its body (one whose classes were renamed is another design)."""
    body = root.find("body")
    if body is None or body.get("class"):
        return None
    best = fullest(body.iter("div"), least=3)
    return best if best is not None and not best.get("class") else None


def extract_wp2022(page: Page) -> Article:
    root = page.root
    if _CUT.cut_short(root, _open_at_cut):  # (takes the cut's sentinel out of the tree)
        raise WholePageNeeded("the pruned page was cut inside the story: parse the whole page")
    parts = _scan(root)
    bloc_1 = parts.bloc_1
    block = parts.article
    if block is None and parts.bloc_1 is None and not parts.side:
        block = _block_by_place(root)
        if block is not None:
            page.warn("layout", "fallback", "the page has no classes or ids (a web archive's copy?): the article "
                      "block is the element holding the most paragraphs")
    elif block is None:
        block = _block_of_dated_paragraph(root)
        if block is not None:
            page.warn("layout", "fallback", "the page has no ids (a sanitiser's copy?): the article block is the "
                      "element holding p.postdate")
    if block is None:  # the layout matched on other marks; read the page as best we can
        page.warn("body", "unknown-layout", "no div#p-article-block")
        block = root
    title = page.pick(
        "title",
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(H1(bloc_1 if bloc_1 is not None else root))) or None),
        ("<title>", lambda: _title_tag(page)),
    )
    section = page.pick(
        "section",
        ("section label", lambda: text_of(first(DESIGN_LABEL(bloc_1))) or None if bloc_1 is not None else None),
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("breadcrumb", lambda: _last_text(BREADCRUMB_NAMES(parts.breadcrumbs))
         if parts.breadcrumbs is not None else None),
    )
    postdate_el, byline_el = _dated_paragraphs(block)
    for el, word, field in ((postdate_el, "postdate", "published"), (byline_el, "byline", "byline")):
        if el is not None and word not in (el.get("class") or "").split():
            page.warn(field, "fallback", f"read from a paragraph that reads as one: no p.{word}")
    date_text = text_of(postdate_el) or None
    printed = page.date("published", date_text)
    published = page.pick(
        "published",
        ("article:published_time", lambda: page.date("published", page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: page.date("published", ld_text(page.ld("datePublished")))),
        ("printed date", lambda: printed),
    )
    if printed is not None and published is not None and abs((published - printed).total_seconds()) >= 60:
        page.warn("published", "disagree", f"printed {printed.isoformat()}, structured {published.isoformat()}")
    updated = page.pick(
        "updated",
        ("article:modified_time", lambda: page.date("updated", page.meta_value("article:modified_time"))),
        ("JSON-LD dateModified", lambda: page.date("updated", ld_text(page.ld("dateModified")))),
        required=False,
    )
    byline = parse_byline(text_of(byline_el))
    blocks, tables = _story(block, (postdate_el, byline_el), parts.side) if block is not root else ([], [])
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no paragraphs in div#p-article-block")
    # (a wire story's byline may credit its agency alone: "Jiji Press")
    agency = (dateline.agency if dateline else None) or credited_agency(byline) or _agency_from_url(page.url)
    paywalled = _paywalled(page)  # before the side blocks: those lose their scripts
    side = parts.side
    # no list of stories marked by its class (share buttons, ads and offers are marked by others): a copy
    # whose classes are gone; the lists' headings tell them
    if all(_boxed_kind(el) is not None for el in side) and (headed := _side_by_headings(root, block)):
        side = [*side, *(el for el in headed if el not in side)]
        page.warn("discarded", "fallback", "lists of stories found by their headings: no class marks them")
    discarded = [_side_block(page, el) for el in side]
    discarded += kept_apart(page, tables)  # (the story's tables and boxes: read last, table_text marks cells)
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
        images=_images(page, block),
        discarded=discarded,
        paywalled=paywalled,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="japannews/wp2022",
        warnings=page.notices,
    )


def _title_tag(page: Page) -> str | None:

    t = page.head.title
    return strip_suffix(t, NAMES) if t else None


def _last_text(result: object) -> str | None:
    els = elements(result)
    return text_of(els[-1]) or None if els else None


def _matches_wp2022(page: Page) -> bool:
    return fingerprint(page)


def fingerprint(page: Page) -> bool:
    """Japan News markup: its article block, its cXense article-type meta, its theme, its ranking box."""
    if "cxenseparse:yoj-articletype" in page.meta or "cxenseparse:yoj-category" in page.meta:
        return True
    return bool(FINGERPRINT(page.root)) or bool(ARTICLE_BLOCK(page.root))


# -- text copies ------------------------------------------------------------------------------------

DATE_LINE = re.compile(r"^\d{1,2}:\d\d\s*JST,\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}$")
_HEADINGS = re.compile(
    r"^(?:\"[^\"]{1,40}\"\s*POPULAR ARTICLES?|JN ACCESS RANKING|(?:.{1,60}\s)?Latest Articles|Popular Articles|"
    r"TOP STORIES|Latest News|Related Articles?|RELATED ARTICLES?)$"
)
_PROMO = re.compile(r"^Add TheJapanNews to your Google News feed\.?$")
_SHARE_WORDS = frozenset({"Post", "Share", "Tweet", "Print", "Email", "Mail"})
_KNOWN_CREDITS = re.compile(
    r"^(?:The Yomiuri Shimbun|Yomiuri Shimbun file photo|Yomiuri Shimbun|The Japan News|Reuters|REUTERS|AP|"
    r"AFP-Jiji|AFP-JIJI|Jiji Press|Kyodo|Pool photo|Courtesy of [^.]{1,60}|[A-Z][\w.-]*(?: [\w.-]+){0,3} file photo)"
    r"(?=$| )"
)


def _heading_kind(line: str) -> str | None:
    if not _HEADINGS.match(line):
        return None
    low = line.lower()
    if "ranking" in low:
        return "ranking"
    if "popular" in low:
        return "popular"
    if "latest" in low:
        return "latest"
    if "top stories" in low:
        return "popular"
    return "related"



def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:40]
    return any(DATE_LINE.match(ln) for ln in head) or any(
        ln == "JN ACCESS RANKING" or ln.endswith("POPULAR ARTICLE") or "Yomiuri Shimbun Staff Writer" in ln
        or _PROMO.match(ln) for ln in copy.lines
    )


def _text_header(
    header: list[str],
) -> tuple[str | None, str | None, Byline | None, list[Image], list[Discarded]]:
    """The lines above the date line of a copy taken from the top of the page: page chrome
    (menus, breadcrumbs), section label, headline, share buttons ("Post", "Share", "Post", each
    perhaps after a "-" bullet), photo credit and caption, byline. Each line goes to one place.

    The share buttons anchor the headline (the line before them) and the section label (the line
    before the headline); without them a photo's credit line does (the headline stands above it), and
    without either the first short line is the section and the next the title.
    """
    title = section = None
    byline = None
    images: list[Image] = []
    discarded: list[Discarded] = []
    by_idx = next((i for i, ln in enumerate(header) if ln.startswith("By ")), None)
    if by_idx is not None:
        byline = parse_byline(header[by_idx])
        header = header[:by_idx] + header[by_idx + 1 :]
    share_idx = [i for i, ln in enumerate(header) if ln in _SHARE_WORDS or (is_bullet(ln) and ln[1:].strip()
                                                                              in _SHARE_WORDS)]
    if share_idx:
        first_share, last_share = share_idx[0], share_idx[-1]
        # the bullets between the buttons belong to them
        run = header[first_share : last_share + 1]
        words = [ln.lstrip("-•・* ").strip() for ln in run if ln.lstrip("-•・* ").strip()]
        discarded.append(Discarded(kind="share", items=tuple(Item(title=w) for w in words), text="\n".join(run)))
        above = header[:first_share]
        while above and is_bullet(above[-1]) and not above[-1][1:].strip():  # the bullet of the first button
            discarded[-1] = attrs.evolve(discarded[-1], text=above.pop() + "\n" + (discarded[-1].text or ""))
        content = [i for i, ln in enumerate(above) if not (is_bullet(ln) and not ln[1:].strip())]
        used: set[int] = set()
        if content:
            title = above[content[-1]]
            used.add(content[-1])
            if len(content) >= 2 and _is_section_label(above[content[-2]]):
                section = above[content[-2]]
                used.add(content[-2])
        chrome = [ln for i, ln in enumerate(above) if i not in used]  # menus, breadcrumbs, bullets
        if chrome:
            discarded.insert(0, Discarded(kind="navigation", text="\n".join(chrome)))
        header = header[last_share + 1 :]
    elif (credit_at := _photo_credit_at(header)) is not None:
        # no buttons, but a photo's credit line (then its caption) under the headline: the line above it is the
        # headline, and the one above that the section label (a short headline is no section label)
        above = header[: max(credit_at - 1, 0)]
        title = header[credit_at - 1] if credit_at else None
        if above and _is_section_label(above[-1]):
            section = above.pop()
        if above:  # menus, breadcrumbs
            discarded.insert(0, Discarded(kind="navigation", text="\n".join(above)))
        header = header[credit_at:]
    else:
        header = [ln for ln in header if ln not in _SHARE_WORDS]
        if len(header) >= 2 and _is_section_label(header[0]):
            section = header.pop(0)
        if header:
            title = header.pop(0)
    while header:
        line = header.pop(0)
        if is_bullet(line) and not line[1:].strip():
            discarded.append(Discarded(kind="other", text=line))
            continue
        m = _KNOWN_CREDITS.match(line)
        if m and m.end() == len(line) and header:
            images.append(image(None, header.pop(0), line))
        elif m:
            images.append(image(None, line[m.end():], m.group(0)))
        else:
            images.append(image(None, line, None))
    return title, section, byline, images, discarded


def _photo_credit_at(header: list[str]) -> int | None:
    """Where a photo's credit stands alone on a line of the header, its caption on the next (``None``: none)."""
    for i, line in enumerate(header[:-1]):
        m = _KNOWN_CREDITS.match(line)
        if m is not None and m.end() == len(line):
            return i
    return None


def _is_section_label(line: str) -> bool:
    return len(line.split()) <= 6 and not SENTENCE_END.search(line) and not is_bullet(line)


def parse_text(copy: TextCopy) -> Article:
    from ..model import Notice

    lines = list(copy.lines)
    notices: list[Notice] = []
    date_idx = next((i for i, ln in enumerate(lines[:400]) if DATE_LINE.match(ln)), None)
    header: list[str] = lines[:date_idx] if date_idx is not None else []
    rest = lines[date_idx + 1 :] if date_idx is not None else lines
    date_text = lines[date_idx] if date_idx is not None else None
    published = parse_jst(date_text) if date_text else None
    if published is None:
        notices.append(Notice("published", "missing", "no 'HH:MM JST, Month D, YYYY' line"))
    title, section, byline, images, discarded = _text_header(header)
    body_lines, blocks_found, leftovers = list_blocks(rest, _heading_kind)
    # the promo line closes the body; anything between it and the lists is kept with it
    promo_idx = next((i for i, ln in enumerate(body_lines) if _PROMO.match(ln)), None)
    if promo_idx is not None:
        tail = body_lines[promo_idx:]
        body_lines = body_lines[:promo_idx]
        discarded.append(Discarded(kind="promo", text="\n".join(tail)))
    discarded.extend(blocks_found)
    if leftovers:
        discarded.append(Discarded(kind="other", text="\n".join(leftovers)))

    blocks: list[Block] = []
    i = 0
    while i < len(body_lines):
        line = body_lines[i]
        credit = _KNOWN_CREDITS.match(line)
        if credit and credit.end() == len(line) and i + 1 < len(body_lines):
            # an inline photo: its credit line, then its caption line
            images.append(image(None, body_lines[i + 1], line))
            i += 2
            continue
        blocks.append(Block("subhead" if is_subhead_line(line) and blocks else "paragraph", line))
        i += 1
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    agency = (dateline.agency if dateline else None) or credited_agency(byline)
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
        images=images,
        discarded=discarded,
        date_text=date_text,
        layout="japannews/text",
        warnings=notices,
    )


# -- the pre-2022 site (the-japan-news.com, LEPUS CMS by CrossDesign) ------------------------------------
# Only its head is attested (facts HIGH but obsolete): "The Japan News - Breaking News from Japan by The
# Yomiuri Shimbun" titles and "The Daily Yomiuri" keywords. Its article DOM is unknown, so such pages are
# read with the generic reader under this site's id, and say so.
LEGACY_TITLE = re.compile(r"^The Japan News\s*-\s*Breaking News from Japan", re.IGNORECASE)


def _matches_lepus(page: Page) -> bool:
    url = page.url or ""
    if "the-japan-news.com" in urlsplit(url).netloc.lower():
        return True
    return bool(LEGACY_TITLE.match(page.head.title or "")) or "daily yomiuri" in page.meta.get("keywords", "").lower()


def extract_lepus(page: Page) -> Article:
    from ..generic import extract_generic

    page.warn("layout", "low-confidence", "pre-2022 the-japan-news.com page: its markup is not documented; "
              "read with the generic reader")
    article = extract_generic(page, site_id=SITE_ID)
    return attrs.evolve(article, layout="japannews/lepus", title=strip_suffix(article.title or "", NAMES) or None)


def prune(data: bytes) -> bytes | None:
    """Keep ``<head>`` and the breadcrumbs-to-footer region; drop the menus, modals and footer.

    A page without the cXense article-type meta tells its paywall by the Piano tags of a script the theme
    prints after the footer (``_paywalled``): such a page keeps its tail, and one whose menus hold them is
    parsed whole."""
    region = prune_region(data, (b'<div class="breadcrumbs"', b'<div id="container"'), (b"<footer",))
    if region is None:
        return None
    body, start, end = region
    if data.find(b"yoj-articletype", 0, body) < 0:  # (the meta's name in any case: cXenseParse:yoj-articletype)
        if data.find(b"setTags", body, start) >= 0:
            return None
        if data.find(b"setTags", end) >= 0:
            end = len(data)
    if end == len(data):
        return cut_to(data, body, start, end)
    # marked, so that the extractor tells a cut that fell inside the story (a <footer> of the story's, on a page
    # whose own footer is missing: a download cut short) and has the page read whole
    return _CUT.join(data, body, start, end, note="footer")


#: The mark of a page whose tail prune() dropped (:class:`TailCut`)
_CUT = TailCut("japannews")


def _open_at_cut(el: etree._Element) -> bool:
    """Whether an element open where prune() cut the page holds what the extractor reads: any but the
    ``div#container`` the site's footer stands in (or that div with its id gone)."""
    return el.tag != "div" or el.get("id") not in (None, "container")


SITE = Site(
    id=SITE_ID,
    name="The Japan News",
    hosts=("japannews.yomiuri.co.jp", "the-japan-news.com"),
    names=NAMES,
    layouts=(Layout("wp2022", _matches_wp2022, extract_wp2022), Layout("lepus", _matches_lepus, extract_lepus)),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE"]
