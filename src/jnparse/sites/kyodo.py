"""Kyodo News English — english.kyodonews.net ("Kyodo News+").

Kyodo is a news agency, so every story on its own site is credited to ``agency="Kyodo"``. Its own
datelines carry no agency tag ("TOKYO - ", "SHIZUOKA, Japan - ", "BERLIN/WASHINGTON - "): the
``dateline`` is read as printed (place only, ``dateline.agency`` None) while ``Article.agency`` is
"Kyodo" for every story.

Layouts (newest first):

``articles2025``
    The site since about 2025, URLs ``/articles/-/<numeric id>``. Its article DOM is not documented
    (facts LOW), so the fields come from JSON-LD and meta tags first; the body is read from a
    best-effort container (an element whose class names an article body, then ``<article>``, then
    ``<main>``), then from JSON-LD ``articleBody``; a ``low-confidence`` warning says so.
``news2018``
    The older design, URLs ``/news/YYYY/MM/<12-hex>-<slug>.html`` (facts MED): headline
    ``.main h1``, body ``div.article-body``, credit line ``p.credit``.

In either design the story's container is read whole (``_pieces``): its paragraphs, list items (one paragraph
each) and quotations are body paragraphs, its h2-h6 subheads, the bare text in a box a paragraph of its own; a
table is a discarded ``other`` block (a line per row, its cells apart); photo boxes, asides and navs stay out
of the body.

A copy of a page whose classes are gone (as a web archive such as archive.today stores it) is read as the
page, with a ``layout``/``fallback`` warning: in the 2018 design the story and the photo box are found by
their places beside the headline and its "KYODO NEWS -" credit line (see ``_unclassed``); in the 2025 design
the ``<article>`` or ``<main>`` that holds the story stands for the box its class names. The credit line,
the side lists ("Most Popular", "Latest") and "Related coverage:" are read by their text on any page.

The credit line ``KYODO NEWS - Apr 8, 2022 - 13:11 | All, World`` gives the time when no structured
time is on the page. Its relative form ``KYODO NEWS - 2 hours ago - 20:13 | All, World, Japan``
needs the caller's fetch time (``parse(..., fetched=...)``); without it a ``relative-time`` warning
is added and the time comes from structured data or stays missing. The whole line is kept as
``date_text``. The categories after "|" are flat site tabs that the line lists from broad to narrow
("All" first): the **section** is the last category other than "All" (JSON-LD ``articleSection``
and ``article:section`` win when present).

Captions end "(Kyodo) ==Kyodo": the caption is the text without them, the credit "Kyodo"
("(Photo courtesy of …)" becomes the credit when it ends the caption). A breaking story's body
ending "==Kyodo" loses that signature to a discarded ``credit`` block. "Related coverage:" and the
link paragraphs after it are a discarded ``related`` block; "Most Popular"/"Latest" side lists are
``popular``/``latest`` blocks.

"Kyodo News Digest" pages: items separated by lines of hyphens ("----------"). The line after each
separator is the item's headline (a ``subhead`` block), the lines up to the next separator its
paragraphs (each keeps its own "TOKYO - " dateline, as printed). The intro line before the first
separator stays body. The separators themselves are not body: they are kept, all together, in one
discarded block of kind ``other`` (text = the separators, one a line), so a text copy loses no line.

Text copies: headline, the credit line (possibly split over lines "KYODO NEWS" / "-" /
"1 hour ago - 20:13 | All, World, Japan"), captions ending "==Kyodo", then paragraphs. A copy of the
2025 design has no credit line: a first line "Home World" is its breadcrumb (the section after "Home",
the line kept as ``navigation``), the headline follows, and the copy carries no date (a ``missing``
warning). The site's closing "© Kyodo News. All rights reserved." goes to a discarded ``other`` block.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import attrs
from lxml import etree

from .._text import plain_text, squash, strip_suffix, text_of
from ..bylines import is_person_name, parse_byline
from ..datelines import split_dateline
from ..dates import NeedsReference, parse_jst
from ..model import Article, Block, Byline, Dateline, Discarded, Image, Item, Notice
from ..page import Page, first, xpath
from ..structured import ld_names, ld_text, ld_url, strip_tags
from ..textcopy import COPYRIGHT_LINE, TextCopy
from .base import (
    Layout,
    Site,
    apart_block,
    cut_dateline,
    cut_to,
    discard,
    dropped_holds,
    has_class,
    image,
    img_url,
    is_photo_figure,
    is_text_figure,
    walk_story,
    without_headline,
)

SITE_ID = "kyodo"
NAMES = ("Kyodo News", "Kyodo News+", "KYODO NEWS", "KYODO NEWS+", "Kyodo News English")
AGENCY = "Kyodo"

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
OLD_BODY = xpath(f"//div[{_HAS.format('article-body')}]")
OLD_TITLE = xpath(f"//div[{_HAS.format('main')}]//h1")
H1 = xpath("//h1")
CREDIT = xpath(
    f"//p[{_HAS.format('credit')}] | //*[contains(@class, 'credit')][starts-with(normalize-space(), 'KYODO NEWS')]"
    " | //p[starts-with(normalize-space(), 'KYODO NEWS -')]"
)
IMAGE_BOXES = xpath(
    f"//div[{_HAS.format('mainpic')}] | //div[{_HAS.format('article-body')}]//figure"
    f" | //article//figure[not(ancestor::div[{_HAS.format('article-body')}])]"
)
BOX_CAPTION = xpath(f"(.//figcaption | .//p | .//*[{_HAS.format('caption')}])[1]")
LINKS = xpath(".//a[@href]")
SIDE_HEADINGS = xpath("//h2 | //h3 | //h4")
# the 2025 design: containers tried in order
NEW_CONTAINERS: tuple[etree.XPath, ...] = (
    xpath("//*[@itemprop='articleBody']"),
    xpath("//*[self::div or self::section][contains(@class, 'article') and contains(@class, 'body')][.//p]"),
    xpath("//article[.//p]"),
    xpath("//main[.//p]"),
)
FINGERPRINT = xpath(
    f"//p[{_HAS.format('credit')}][starts-with(normalize-space(), 'KYODO NEWS')]"
    f" | //div[{_HAS.format('mainpic')}]//*[contains(., '==Kyodo')]"
    " | //link[@rel='alternate'][contains(@href, 'english.kyodonews.net/rss')]"
)

NEW_URL = re.compile(r"^/articles/-/\d+/?$")

# -- text rules -------------------------------------------------------------------------------------------
CREDIT_LINE = re.compile(r"^KYODO NEWS\s*(?:[-–—•·]\s*)?(?P<when>.+?)\s*(?:\|\s*(?P<cats>[^|]*))?$")
SEPARATOR = re.compile(r"^-{5,}$")
RELATED = re.compile(r"^Related coverage\s*:?$", re.IGNORECASE)
SIDE_LISTS = {"most popular": "popular", "most read": "popular", "popular": "popular", "latest": "latest",
              "latest news": "latest", "related coverage": "related", "related coverage:": "related"}
STAFF_BYLINE = re.compile(r"^By [A-Z].{1,100},\s*KYODO NEWS$", re.IGNORECASE)
SIGNATURE = "==Kyodo"
_COURTESY = re.compile(r"\s*\(((?:Photo )?[Cc]ourtesy of [^()]{1,80})\)$")
#: A copy's first line from the 2025 design's breadcrumb "Home World": the section after "Home". The tabs
#: are one to three capitalised words, which keeps out a sentence-case headline such as "Home prices rise".
BREADCRUMB = re.compile(r"^Home(?: (?P<section>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2}))?$")
#: The site's closing line "© Kyodo News. All rights reserved." (the page's footer, no part of the story).
FOOTER = re.compile(COPYRIGHT_LINE.pattern + r"\s*Kyodo News\b", re.IGNORECASE)


@attrs.frozen
class Piece:
    """A paragraph-like element (or a text line) before it is sorted into body, caption or list."""

    text: str
    kind: str = "paragraph"  # "paragraph" | "subhead"
    links: tuple[Item, ...] = ()


@attrs.frozen
class Sorted:
    body: list[Block]
    dateline: Dateline | None
    byline: Byline | None
    captions: list[Image]
    discarded: list[Discarded]


def split_caption(text: str) -> tuple[str | None, str | None]:
    """``"A man walks. (Kyodo) ==Kyodo"`` → ``("A man walks.", "Kyodo")``."""
    t = squash(text)
    credit: str | None = None
    if t.endswith(SIGNATURE):
        t = t[: -len(SIGNATURE)].rstrip()
        credit = AGENCY
    if t.endswith("(Kyodo)"):
        t = t[: -len("(Kyodo)")].rstrip()
        credit = AGENCY
    else:
        m = _COURTESY.search(t)
        if m:
            t = t[: m.start()].rstrip()
            credit = m.group(1)
    return t or None, credit


_CAPTION_END = re.compile(r"\)\s*==\s?Kyodo$")


def is_caption(text: str) -> bool:
    """A photo caption: "… (Kyodo) ==Kyodo" — a credit in brackets before the signature, and no
    dateline (a breaking story's single paragraph also ends "==Kyodo")."""
    return bool(_CAPTION_END.search(text)) and split_dateline(text)[0] is None


def _section_of(cats: str | None) -> str | None:
    names = [c for c in (squash(x) for x in (cats or "").split(",")) if c]
    specific = [c for c in names if c.lower() != "all"]
    return specific[-1] if specific else None


def sort_pieces(pieces: Sequence[Piece]) -> Sorted:
    """Body, dateline, byline, captions and discarded blocks from the pieces of a story, in order."""
    pieces = list(pieces)
    discarded: list[Discarded] = []
    # 1. "Related coverage:" and everything after it
    rel = next((i for i, p in enumerate(pieces) if RELATED.match(p.text)), None)
    if rel is not None:
        items: list[Item] = []
        for p in pieces[rel + 1 :]:
            items.extend(p.links or (Item(title=p.text),))
        discarded.append(discard("related", pieces[rel].text, items))
        pieces = pieces[:rel]
    # 2. captions ahead of the story
    captions: list[Image] = []
    while pieces and pieces[0].kind == "paragraph" and is_caption(pieces[0].text):
        cap, credit = split_caption(pieces.pop(0).text)
        captions.append(image(None, cap, credit))
    # 3. a staff byline "By NAME, KYODO NEWS"
    byline = None
    if pieces and STAFF_BYLINE.match(pieces[0].text):
        byline = parse_byline(pieces.pop(0).text)
    # 4. digest structure
    blocks: list[Block] = []
    separators: list[str] = []
    after_separator = False
    for p in pieces:
        if SEPARATOR.match(p.text):
            separators.append(p.text)
            after_separator = True
            continue
        blocks.append(Block("subhead" if after_separator or p.kind == "subhead" else "paragraph", p.text))
        after_separator = False
    if separators:
        discarded.append(Discarded(kind="other", text="\n".join(separators)))
    # 5. a breaking story's closing "==Kyodo"
    if blocks and blocks[-1].kind == "paragraph" and blocks[-1].text.endswith(SIGNATURE):
        rest = blocks[-1].text[: -len(SIGNATURE)].rstrip()
        blocks = blocks[:-1] + ([Block("paragraph", rest)] if rest else [])
        discarded.append(Discarded(kind="credit", text=SIGNATURE))
    dateline, blocks = cut_dateline(blocks)
    return Sorted(body=blocks, dateline=dateline, byline=byline, captions=captions, discarded=discarded)


# -- HTML -------------------------------------------------------------------------------------------------

def _safe_date(page: Page, text: str | None, field: str = "published") -> dt.datetime | None:
    return page.date(field, text)


def _pieces(page: Page, container: etree._Element) -> tuple[list[Piece], list[Discarded]]:
    """The pieces of the story in ``container``, in reading order (with a text block's links), and the blocks it
    keeps apart (discarded: a table of data, its text a line per row, its cells apart; an aside, nav, footer or
    named box: :func:`~jnparse.sites.base.apart_block`), read by
    :func:`walk_story` from the container's children down, nothing above it looked at: a list item, figure, aside
    or nav left open above the story (a stray start tag in the menus) holds the whole story in the tree, and must
    not empty it. A photo box (:func:`_is_photo_box`) and the headline (an ``h1`` before the story's text, read as the
    title: :func:`without_headline`) hold nothing of the body: the photos are read by _images."""
    pieces: list[Piece] = []
    tables: list[Discarded] = []
    if _blocks_pieces(container):
        return pieces, tables
    for kind, piece in without_headline(container, walk_story(container, container.text, keep_out=_is_photo_box)):
        if isinstance(piece, str):
            pieces.append(Piece(text=piece))
        elif kind == "apart":
            if (block := apart_block(page, piece)) is not None:
                tables.append(block)
        elif text := text_of(piece):
            pieces.append(Piece(text=text, kind=kind, links=_links(page, piece) if len(piece) else ()))
    return pieces, tables


def _is_photo_box(el: etree._Element) -> bool:
    """A photo's figure or ``div.mainpic``: read by _images."""
    return is_photo_figure(el) or (el.tag == "div" and has_class(el, "mainpic"))


def _blocks_pieces(el: etree._Element) -> bool:
    """A photo box, aside, nav or footer: no body piece inside it."""
    return el.tag in ("aside", "nav", "footer") or _is_photo_box(el)


def _links(page: Page, el: etree._Element) -> tuple[Item, ...]:
    """LINKS (``.//a[@href]``) with their text, from a C-filtered walk of the element."""
    return tuple(Item(title=t, url=page.absolute(href)) for a in el.iterdescendants("a")
                 if (href := a.get("href")) is not None and (t := text_of(a)))


def _image_boxes(page: Page, unclassed: _Unclassed | None = None) -> list[etree._Element]:
    """IMAGE_BOXES in document order, from one C-filtered walk over divs and figures. On a page whose classes
    are gone, the photo boxes and the story that :func:`_unclassed` found by their places stand for
    ``div.mainpic`` and ``div.article-body``."""
    photos = unclassed.photos if unclassed is not None else ()
    story = unclassed.story if unclassed is not None else None
    out: list[etree._Element] = []
    for el in page.root.iter("div", "figure"):
        if el.tag == "div":
            if has_class(el, "mainpic") or (photos and el in photos):
                out.append(el)
            continue
        if is_text_figure(el):
            continue  # (a pull quote or a table: the story's, read by _pieces)
        ancestors = list(el.iterancestors("div", "article"))
        if any(a.tag == "div" and (a is story or has_class(a, "article-body")) for a in ancestors) or any(
                a.tag == "article" for a in ancestors):
            out.append(el)
    return out


def _images(page: Page, unclassed: _Unclassed | None = None) -> list[Image]:
    out: list[Image] = []
    for box in _image_boxes(page, unclassed):
        img = next(box.iterdescendants("img"), None)
        cap_el = _box_caption(box)
        alt = squash(img.get("alt")) if img is not None else ""
        # (no caption element: the image's alt text, else a figure's own text, not lost)
        text = text_of(cap_el) if cap_el is not None else alt or (text_of(box) if box.tag == "figure" else "")
        caption, credit = split_caption(text) if text else (None, None)
        if img is None and caption is None:
            continue
        out.append(image(img_url(page, img), caption, credit))
    return out


def _box_caption(box: etree._Element) -> etree._Element | None:
    """BOX_CAPTION: the first descendant (page order) that is a figcaption, a p or has class caption."""
    for el in box.iterdescendants():
        if isinstance(el.tag, str) and (el.tag in ("figcaption", "p") or has_class(el, "caption")):
            return el
    return None


def _side_lists(page: Page, container: etree._Element | None) -> list[Discarded]:
    out: list[Discarded] = []
    for h in page.root.iter("h2", "h3", "h4"):  # SIDE_HEADINGS, in page order
        kind = SIDE_LISTS.get(text_of(h).lower())
        if kind is None or kind == "related":
            continue
        box = h.getparent()
        if box is None or (container is not None and (box is container or _inside(box, container))):
            continue
        out.append(discard(kind, text_of(h), _links(page, box)))
    return out


def _inside(el: etree._Element, container: etree._Element) -> bool:
    return any(a is container for a in el.iterancestors())


def _url_path(page: Page) -> str:
    for cand in (page.url_hint, page.canonical, page.meta_value("og:url")):
        if cand:
            try:
                return urlsplit(cand).path
            except ValueError:
                continue
    return ""


def _title(page: Page, h1: etree._Element | None) -> str | None:
    return page.pick(
        "title",
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := page.meta_value("og:title")) else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(h1) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )


def _norm_starts(el: etree._Element, prefix: str) -> bool:
    """``starts-with(normalize-space(), prefix)``, reading as little of the element as it can."""
    head = el.text or ""
    if not head.strip() and len(el):
        head = plain_text(el)
    return " ".join(head.split()).startswith(prefix) or (len(el) > 0 and plain_text(el).startswith(prefix))


def _credit(page: Page) -> etree._Element | None:
    """The first element CREDIT finds (document order), from one walk over the paragraphs and the tags
    whose start tags hold "credit" (the bytes say which)."""
    tags = page.tags_with(b"credit")
    if tags is None:
        return first(CREDIT(page.root))
    kyodo_line = page.source is None or b"KYODO NEWS" in page.source
    for el in page.root.iter("p", *tags):
        cls = el.get("class") or ""
        if el.tag == "p" and "credit" in cls.split():
            return el
        if "credit" in cls and kyodo_line and _norm_starts(el, "KYODO NEWS"):
            return el
        if el.tag == "p" and kyodo_line and _norm_starts(el, "KYODO NEWS -"):
            return el
    return None


def _extract(page: Page, layout: str, container: etree._Element | None, h1: etree._Element | None,
             unclassed: _Unclassed | None = None) -> Article:
    credit_el = _credit(page)
    credit_text = text_of(credit_el) or None
    m = CREDIT_LINE.match(credit_text) if credit_text else None
    if credit_text and m is None:
        page.warn("published", "low-confidence", f"credit line {credit_text!r} not in the known form")
    printed = _safe_date(page, m.group("when")) if m else None
    title = _title(page, h1)
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _safe_date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _safe_date(page, page.meta_value("article:published_time"))),
        ("credit line", lambda: printed),
    )
    if printed is not None and published is not None and abs((published - printed).total_seconds()) >= 60:
        page.warn("published", "disagree", f"credit line {printed.isoformat()}, structured {published.isoformat()}")
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _safe_date(page, ld_text(page.ld("dateModified")), "updated")),
        ("article:modified_time", lambda: _safe_date(page, page.meta_value("article:modified_time"), "updated")),
        required=False,
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("credit line categories", lambda: _section_of(m.group("cats")) if m else None),
        required=False,
    )
    pieces, tables = _pieces(page, container) if container is not None else ([], [])
    if not pieces:
        body_text = page.ld("articleBody")
        if isinstance(body_text, str) and body_text.strip():
            page.warn("body", "fallback", "read from JSON-LD articleBody")
            pieces = [Piece(squash(x)) for x in re.split(r"\n+", strip_tags_keep_lines(body_text)) if squash(x)]
    if credit_el is not None and container is not None and _inside(credit_el, container):
        pieces = [p for p in pieces if p.text != credit_text]
    done = sort_pieces(pieces)
    if not done.body:
        page.warn("body", "missing", "no paragraphs found")
    images = _images(page, unclassed) + done.captions
    if not images:
        lead = ld_url(page.ld("image")) or page.meta_value("og:image")
        if lead:
            images = [image(page.absolute(lead), None, None)]
    byline = done.byline
    if byline is None:
        people = [n for n in ld_names(page.ld("author")) if is_person_name(n)]
        if people:
            page.warn("byline", "low-confidence", "byline read from JSON-LD author")
            byline = Byline(raw=", ".join(people), authors=tuple(people), affiliation=None)
    discarded = tables + done.discarded + _side_lists(page, container)
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=done.dateline,
        agency=AGENCY,
        body=done.body,
        images=images,
        discarded=discarded,
        paywalled=False,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=credit_text,
        layout=f"kyodo/{layout}",
        warnings=page.notices,
    )


def strip_tags_keep_lines(text: str) -> str:
    """JSON-LD ``articleBody`` may hold <p>/<br>: turn them into line breaks, drop the other tags."""
    t = re.sub(r"(?i)<\s*(?:br|/p|/h\d)\s*/?>", "\n", text)
    return "\n".join(strip_tags(line) or "" for line in t.split("\n"))


def _matches_articles2025(page: Page) -> bool:
    return bool(NEW_URL.match(_url_path(page))) and not _old_bodies(page)


def extract_articles2025(page: Page) -> Article:
    container = _new_container(page)
    h1 = next(page.root.iter("h1"), None)
    where = "JSON-LD articleBody"
    if container is not None:
        where = f"<{container.tag if isinstance(container.tag, str) else 'element'} class={container.get('class')!r}>"
        if container.tag in ("article", "main") and not container.get("class") and (h1 is None or not h1.get("class")):
            # no element's class names the story's box, and neither the box taken nor the headline has a class
            page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): the story was read "
                      f"from the <{container.tag}> that holds it")
    page.warn("body", "low-confidence", f"Kyodo's 2025 article design is not documented: body read from {where}")
    return _extract(page, "articles2025", container, h1)


def _has_p(el: etree._Element) -> bool:
    return next(el.iterdescendants("p"), None) is not None


def _new_container(page: Page) -> etree._Element | None:
    """The first NEW_CONTAINERS finds: itemprop=articleBody (looked for only when the bytes name it),
    then C-filtered walks for the div/section whose class names an article body, ``<article>``, ``<main>``."""
    if page.source is None or b"articleBody" in page.source:
        found = first(NEW_CONTAINERS[0](page.root))
        if found is not None:
            return found
    for el in page.root.iter("div", "section"):
        cls = el.get("class") or ""
        if "article" in cls and "body" in cls and _has_p(el):
            return el
    for tag in ("article", "main"):
        for el in page.root.iter(tag):
            if _has_p(el):
                return el
    return None


def _old_bodies(page: Page) -> list[etree._Element]:
    """``div.article-body`` (OLD_BODY), found once per page by a walk over the divs (filtered in C): on a
    pruned page (see prune) that is cheaper than reading the whole page's bytes for the class."""
    if "kyodo:old_body" not in page.memo:
        page.memo["kyodo:old_body"] = [e for e in page.root.iter("div") if has_class(e, "article-body")]
    found: list[etree._Element] = page.memo["kyodo:old_body"]
    return found


def _old_title(page: Page) -> etree._Element | None:
    """OLD_TITLE (an h1 in ``div.main``), else the first h1, from one walk over the h1s."""
    h1s = list(page.root.iter("h1"))
    for h in h1s:
        if any(has_class(d, "main") for d in h.iterancestors("div")):
            return h
    return h1s[0] if h1s else None


def _matches_news2018(page: Page) -> bool:
    return bool(_old_bodies(page)) or _unclassed(page) is not None


def extract_news2018(page: Page) -> Article:
    container = next(iter(_old_bodies(page)), None)
    unclassed = _unclassed(page) if container is None else None
    if unclassed is not None:
        container = unclassed.story
        page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): the story and its photo "
                  "were found by their places beside the headline and its 'KYODO NEWS -' credit line")
    h1 = _old_title(page)
    return _extract(page, "news2018", container, h1, unclassed)


@attrs.frozen
class _Unclassed:
    """What :func:`_unclassed` finds by place on a 2018-design page whose classes are gone."""

    story: etree._Element  # stands for div.article-body
    photos: tuple[etree._Element, ...]  # stand for div.mainpic


def _unclassed(page: Page) -> _Unclassed | None:
    """The story and photo boxes of a 2018-design page whose classes are gone (a web archive's copy), found
    by their places, or ``None``. The design puts the headline, the credit line, the photo box and the story
    side by side in ``div.main``: here the first h1 stands in a div with no class, beside a paragraph
    starting "KYODO NEWS" (the credit line); the story is the div beside them with the most paragraphs (the
    last of equals: the photo box above a one-paragraph story holds its caption's), with no class (a page
    whose classes were renamed is another design); the photo boxes are the divs above it holding an image.

    Asked only when no ``div.article-body`` is on the page; found once (matching and extracting ask)."""
    if "kyodo:unclassed" in page.memo:
        memo: _Unclassed | None = page.memo["kyodo:unclassed"]
        return memo
    found = None
    h1 = next(page.root.iter("h1"), None)
    box = h1.getparent() if h1 is not None else None
    if h1 is not None and box is not None and box.tag == "div" and not box.get("class") and not h1.get("class"):
        credit = next((p for p in h1.itersiblings("p") if _norm_starts(p, "KYODO NEWS")), None)
        divs = list(h1.itersiblings("div")) if credit is not None else []
        story, most = None, 0
        for div in divs:
            count = sum(1 for c in div if c.tag == "p")
            if count and count >= most:
                story, most = div, count
        if story is not None and not story.get("class"):
            above = divs[: divs.index(story)]
            found = _Unclassed(story, tuple(d for d in above if next(d.iter("img"), None) is not None))
    page.memo["kyodo:unclassed"] = found
    return found


#: Bytes one of which FINGERPRINT needs in the page (the credit, the photo credit, the RSS link).
_FINGERPRINT_BYTES = (b"KYODO", b"Kyodo", b"kyodonews.net/rss")


def fingerprint(page: Page) -> bool:
    if _markup(page):
        return True
    publisher = page.ld("publisher")
    return any(n.lower() in ("kyodo news", "kyodo news+") for n in ld_names(publisher))


def _markup(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- text copies ----------------------------------------------------------------------------------------

def _credit_in_lines(lines: Sequence[str], limit: int = 40) -> tuple[int, int, str] | None:
    """Where the credit line is: (first index, index after it, the joined line)."""
    for i, line in enumerate(lines[:limit]):
        if not line.startswith("KYODO NEWS"):
            continue
        joined = line
        for j in range(i + 1, min(i + 4, len(lines)) + 1):
            if CREDIT_LINE.match(joined) and _has_time(joined):
                return i, j, joined
            if j < len(lines):
                joined = f"{joined} {lines[j]}"
    return None


_TIME = re.compile(r"\d{1,2}:\d\d")


def _has_time(line: str) -> bool:
    return bool(_TIME.search(line))


def text_signature(copy: TextCopy) -> bool:
    if _credit_in_lines(copy.lines) is not None:
        return True
    return any(ln.endswith("(Kyodo) " + SIGNATURE) for ln in copy.lines[:60])


def _side_heading(line: str) -> str | None:
    kind = SIDE_LISTS.get(line.lower())
    return kind if kind in ("popular", "latest") else None


def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    notices: list[Notice] = []
    found = _credit_in_lines(lines)
    discarded: list[Discarded] = []
    title = None
    published = None
    section = None
    date_text = None
    if found is None:
        notices.append(Notice("published", "missing", "no 'KYODO NEWS - … | …' credit line"))
        crumb = BREADCRUMB.match(lines[0]) if len(lines) > 2 else None
        if crumb:
            # the 2025 design prints no credit line: its breadcrumb names the section
            section = crumb.group("section")
            discarded.append(Discarded(kind="navigation", text=lines.pop(0)))
        title = lines.pop(0) if len(lines) > 1 else None
        rest = lines
    else:
        start, end, date_text = found
        head = lines[:start]
        rest = lines[end:]
        if head:
            title = head[-1]
            if len(head) > 1:
                discarded.append(Discarded(kind="navigation", text="\n".join(head[:-1])))
        m = CREDIT_LINE.match(date_text)
        if m:
            section = _section_of(m.group("cats"))
            try:
                published = parse_jst(m.group("when"), reference=copy.reference)
            except NeedsReference:
                notices.append(Notice("published", "relative-time",
                                      f"{m.group('when')!r} is relative: pass fetched= to read it"))
    # side lists at the end ("Most Popular", "Latest"): each heading and the lines after it
    side_at = next((i for i, ln in enumerate(rest) if _side_heading(ln)), len(rest))
    tail = rest[side_at:]
    rest = rest[:side_at]
    footer_at = len(rest)
    while footer_at > 1 and FOOTER.match(rest[footer_at - 1]):
        footer_at -= 1
    if footer_at < len(rest):
        discarded.append(Discarded(kind="other", text="\n".join(rest[footer_at:])))
        rest = rest[:footer_at]
    i = 0
    while i < len(tail):
        heading = tail[i]
        kind = _side_heading(heading) or "other"
        i += 1
        items: list[Item] = []
        while i < len(tail) and not _side_heading(tail[i]):
            items.append(Item(title=tail[i]))
            i += 1
        discarded.append(Discarded(kind=kind, heading=heading, items=tuple(items),
                                   text="\n".join([heading, *(it.title for it in items)])))
    done = sort_pieces([Piece(ln) for ln in rest])
    if published is None and found is not None and not any(n.code == "relative-time" for n in notices):
        notices.append(Notice("published", "missing", f"credit line {date_text!r} holds no time jnparse reads"))
    if not done.body:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
        published=published,
        byline=done.byline,
        dateline=done.dateline,
        agency=AGENCY,
        body=done.body,
        images=done.captions,
        discarded=done.discarded + discarded,
        date_text=date_text,
        layout="kyodo/text",
        warnings=notices,
    )


# -- prune ------------------------------------------------------------------------------------------------
# A real page puts 30-60 KB of menus, styles and banners between <body> and the story: parsing them is
# most of libxml2's work. prune() cuts the part between the <body> tag and the story's first container
# when nothing in it can change the Article (the part after the story is kept: side lists live there).

#: The first of these tags after <body> decides: the story's container (the old design's ``div.main``:
#: headline, credit line, photo, body; the new design's ``<main>``/``<article>``) starts the kept part;
#: a script or style is skipped to its end (what it holds is no tag); any other ends the cut: a field
#: reads it wherever it is (headings: the h1 title and side lists; the containers; the head data).
_PRUNE_TAGS = re.compile(rb'<(?:(div class="main"|main[\s>]|article[\s>])|(script|style)|[hH][1-4]|main|article'
                         rb'|meta|link|title)')
#: In the part cut off, each keeps the page whole: words of the class names and attributes the extractor
#: tests (``credit``, ``div.mainpic``, a class or itemprop naming an article); then, each with a byte rare
#: in pages to find it by memchr (see base.dropped_holds), the credit line's text, JSON-LD and a comment
#: (so the walk below need not skip comments)
_CUT_MARKS = (b"credit", b"mainpic", b"article", (b"KYODO NEWS", 0), (b"ld+json", 2), (b"<!--", 1))


def prune(data: bytes) -> bytes | None:
    """``<head>``, the ``<body>`` tag and the page from the story's first container on; ``None`` (parse
    it all) when there is none or when the part cut off holds anything a field reads.

    The checks are byte searches (~100 us in all, against ~400 us to parse a real page's menus).
    Not checked, as it changes no field: an element left open in the cut part around the story (a list
    item, figure, aside, nav...). The body rules look only at the ancestors from the story's container
    down (see _pieces), so the whole page reads the story as the cut one does. The caller
    (api.py) guarantees the page is UTF-8 throughout, in the part cut off too.

    The walk to the story's container is not base.TagFinder's: it reads the bytes as they are (the
    container's start tag is matched as the site spells it, attribute and all, and lower-casing the page
    would cost a third of the prune), skips scripts and styles only (a comment in the part cut off keeps
    the page whole anyway), and stops at a tag whose name merely starts like one it reads.
    """
    body = data.find(b"<body")
    if body < 0:
        return None
    body_end = data.find(b">", body) + 1
    if body_end <= 0:
        return None
    pos = body_end
    while True:
        m = _PRUNE_TAGS.search(data, pos)
        if m is None:
            return None
        if m.group(1):
            start = m.start()
            break
        raw = m.group(2)
        if not raw:
            return None
        close = data.find(b"</" + raw, m.end())
        if close < 0:
            return None
        pos = close
    if start - body_end < 4096:
        return None  # too little to cut to be worth a second parse if the first falls short
    if dropped_holds(data, ((body_end, start),), _CUT_MARKS):
        return None
    return cut_to(data, body_end, start, len(data), b"")


SITE = Site(
    id=SITE_ID,
    name="Kyodo News",
    hosts=("english.kyodonews.net",),
    names=NAMES,
    layouts=(
        Layout("articles2025", _matches_articles2025, extract_articles2025),
        Layout("news2018", _matches_news2018, extract_news2018),
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "parse_text", "prune", "sort_pieces", "split_caption"]
