"""The Asahi Shimbun — Asia & Japan Watch (AJW), www.asahi.com/ajw/.

Layout ``ajw``: ``#MainInner`` with ``.ArticleTitle .Title h1``, ``p.EnArticleName`` ("By NAME/ Staff
Writer"), ``p.EnLastUpdated`` ("May 21, 2025 at 18:51 JST" — despite its class name the page's only
timestamp, read as ``published``), ``div.ArticleText`` (its paragraphs, subheads, list items, quotations and
bare text in place; a table or any other box in it kept out of the body as ``other``), the lead photo
``div.Image`` with ``.Caption`` and inline photos ``div.insert_image_full``; the share bar
``div.SnsUtilityArea`` is discarded. Facts HIGH for the DOM (three scrapers agree), but AJW's head metadata
is undocumented, so the printed elements come first and meta/JSON-LD are only fallbacks. The older
``AJ<date><n>.html`` pages share the design.

A copy of the page whose classes are gone (a web archive such as archive.today stores one; its ids may be
gone too) is read by the places of its parts: the headline in a div in a div (``.ArticleTitle .Title``), the
byline and date lines beside them, the story (the div beside the header with the most paragraphs), the photos
(divs that open with a picture) and the share bar (links to share addresses only), with a ``layout``/
``fallback`` warning (:func:`_read_unclassed`).

asahi.com also hosts the Japanese-language site, and ``hosts`` cannot tell the two apart. Layout
``not-ajw`` takes an asahi.com page that has no AJW markup and no ``/ajw/`` address: it is handed to
the generic extractor (reported as site ``generic`` with a ``site``/``not-ajw`` warning), because it may
well be an article — just not one of AJW's. A page under ``/ajw/`` without the article markup (a
section or list page) is read by ``ajw`` and, holding no headline and no body, ends in
:class:`~jnparse.NotAnArticleError`.

Headline kickers ("EDITORIAL:", "VOX POPULI:", "INTERVIEW/ Name:", "POINT OF VIEW/ Name:",
"COMMENTARY:") go to ``Article.kicker`` as printed before the colon ("EDITORIAL", "INTERVIEW/ Kenta
Mori"); the title keeps the rest. Names in the byline are kept in capitals as printed;
:func:`readable_authors` gives them in reading case ("Takahiro Takenouchi").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree

from .._text import box_text, squash, strip_suffix, table_text, text_of
from ..agencies import canonical_agency
from ..bylines import BY_LINE, is_person_name, parse_byline, readable_name
from ..datelines import split_dateline
from ..dates import parse_jst
from ..errors import NotAnArticleError
from ..model import Article, Block, Discarded, Image, Item, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import COPYRIGHT_LINE, SHARE_NETWORKS, TextCopy
from .base import (
    Layout,
    Site,
    StoryPiece,
    apart_block,
    class_words,
    cut_dateline,
    cut_to,
    discard,
    dropped_holds,
    figure_image,
    find_bytes,
    has_class,
    image,
    img_url,
    in_text,
    is_photo_figure,
    is_share_address,
    walk_story,
)

SITE_ID = "asahi"
NAMES = (
    "The Asahi Shimbun: Breaking News, Japan News and Analysis",
    "The Asahi Shimbun AJW",
    "The Asahi Shimbun",
    "Asahi Shimbun",
    "AJW",
)

# -- selectors, compiled once ------------------------------------------------------------------------
# MAIN, TITLE, BYLINE, DATE, ARTICLE_TEXT, LEAD_IMAGES, INLINE_IMAGES and SHARE define what the
# extractor reads; it finds the same elements with walks filtered in C (_main, _scan, _shares: each XPath
# call costs several microseconds, a whole-tree one far more), and the tests check the walks against these
# expressions. The story's text is read by a walk over its children (_body_pieces), which no one XPath says.
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
MAIN = xpath("//div[@id='MainInner']")
TITLE = xpath(f".//div[{_HAS.format('ArticleTitle')}]//div[{_HAS.format('Title')}]//h1")
ANY_H1 = xpath(".//h1")
BYLINE = xpath(f".//p[{_HAS.format('EnArticleName')}]")
DATE = xpath(f".//p[{_HAS.format('EnLastUpdated')}]")
ARTICLE_TEXT = xpath(f".//div[{_HAS.format('ArticleText')}]")
LEAD_IMAGES = xpath(f".//div[{_HAS.format('Image')}][not(ancestor::div[{_HAS.format('insert_image_full')}])]")
INLINE_IMAGES = xpath(f".//div[{_HAS.format('insert_image_full')}]")
CAPTION = xpath(f".//*[{_HAS.format('Caption')}]")
INLINE_CAPTION = xpath(".//div/div[not(.//img)][normalize-space()]")
IMG = xpath(".//img")
SHARE = xpath(f"//div[{_HAS.format('SnsUtilityArea')}]")
LINKS = xpath(".//a")
READ_MORE_LINK = xpath(".//a[contains(., 'Read More')]")
FINGERPRINT = xpath(
    f"//p[{_HAS.format('EnLastUpdated')}] | //p[{_HAS.format('EnArticleName')}]"
    f" | //div[@id='MainInner']//div[{_HAS.format('ArticleTitle')}]"
)

#: Headline kickers: "EDITORIAL: …", "INTERVIEW/ Kenta Mori: …" (the part before the first ": ").
KICKER = re.compile(
    r"^(?P<kicker>(?:EDITORIAL|VOX POPULI|COMMENTARY|ASAHI POLL|NEWS ANALYSIS|ANALYSIS|OPINION|"
    r"(?:INTERVIEW|POINT OF VIEW|[A-Z][A-Z'&-]+(?: [A-Z][A-Z'&-]+){0,3})/ [^:]{1,80}))\s*:\s+(?P<rest>\S.*)$"
)
#: "(Takahiro Takenouchi)", "(Photo by Yosuke Fukudome)", "(AP Photo)" at the end of a caption.
CAPTION_CREDIT = re.compile(r"\s*\((?P<credit>[^()]{2,80})\)\s*$")
PHOTO_BY = re.compile(r"^(?:Photo|Photos|Photographed) by\s+", re.IGNORECASE)
READ_MORE = re.compile(r"\s*\[Read More\]\s*$")
SEPARATOR = re.compile(r"^(?:\*\s*){3}$")


def readable_authors(article: Article) -> tuple[str, ...]:
    """The byline's names in reading case: ``TAKAHIRO TAKENOUCHI`` → ``Takahiro Takenouchi``.

    ``Article.byline.authors`` keeps the names as AJW prints them (in capitals).
    """
    return tuple(readable_name(a) for a in article.authors)


def split_kicker(title: str | None) -> tuple[str | None, str | None]:
    """``"EDITORIAL: Rice policy …"`` → ``("EDITORIAL", "Rice policy …")``; no kicker → ``(None, title)``."""
    if not title:
        return None, title
    m = KICKER.match(title)
    if not m:
        return None, title
    return squash(m.group("kicker")), m.group("rest").strip()


def split_caption(text: str | None) -> tuple[str | None, str | None]:
    """A caption and the credit in its closing parentheses: ``"… (Eiji Hori)"`` → ``("…", "Eiji Hori")``."""
    caption = squash(text)
    if not caption:
        return None, None
    m = CAPTION_CREDIT.search(caption)
    if not m:
        return caption, None
    credit = PHOTO_BY.sub("", m.group("credit").strip())
    return caption[: m.start()].strip() or None, credit or None


def _is_ajw_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return parts.path.startswith("/ajw/") or parts.path == "/ajw" or host in ("ajw.asahi.com",)


#: Bytes one of which FINGERPRINT needs in the page.
_FINGERPRINT_BYTES = (b"EnLastUpdated", b"EnArticleName", b"ArticleTitle")


def _has_markup(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- walks equal to the XPath selectors above ---------------------------------------------------------

#: the classes of the photo holders and the share bar, whose paragraphs are not body text
_OUT_CLASSES = ("insert_image_full", "Image", "SnsUtilityArea", "Caption")


def _main(page: Page) -> etree._Element | None:
    """MAIN: the first ``div#MainInner``."""
    if page.source is not None and find_bytes(page.source, b"MainInner") < 0:
        return None
    return next((el for el in page.root.iter("div") if el.get("id") == "MainInner"), None)


def _shares(page: Page) -> list[etree._Element]:
    """SHARE: every ``div.SnsUtilityArea`` of the page."""
    if page.source is not None and find_bytes(page.source, b"SnsUtilityArea", at=3) < 0:
        return []
    return [el for el in page.root.iter("div") if has_class(el, "SnsUtilityArea")]


def _in_title(h1: etree._Element, main: etree._Element) -> bool:
    """TITLE: an ``h1`` inside a ``div.Title`` inside a ``div.ArticleTitle``, both below ``main``."""
    seen_title = False
    for el in h1.iterancestors():
        if el is main:
            return False
        if el.tag == "div":
            classes = class_words(el)
            if seen_title and "ArticleTitle" in classes:
                return True
            if "Title" in classes:
                seen_title = True
    return False


class _Parts:
    """What one walk over ``div#MainInner`` finds (each the first in page order, or all of them); on a page
    whose classes are gone, what :func:`_read_unclassed` finds by place, with the share bars."""

    __slots__ = ("byline", "date", "inline_images", "lead_images", "shares", "text", "title")

    def __init__(self) -> None:
        self.title: etree._Element | None = None
        self.byline: etree._Element | None = None
        self.date: etree._Element | None = None
        self.text: etree._Element | None = None
        self.lead_images: list[etree._Element] = []
        self.inline_images: list[etree._Element] = []
        self.shares: list[etree._Element] | None = None  # found by place (None: by class, see _shares)


def _scan(main: etree._Element) -> _Parts:
    parts = _Parts()
    for el in main.iter("div", "p", "h1"):
        if el is main:  # the selectors read descendants only
            continue
        tag = el.tag
        if tag == "h1":
            if parts.title is None and _in_title(el, main):
                parts.title = el
            continue
        classes = class_words(el)
        if not classes:
            continue
        if tag == "p":
            if parts.byline is None and "EnArticleName" in classes:
                parts.byline = el
            if parts.date is None and "EnLastUpdated" in classes:
                parts.date = el
            continue
        if parts.text is None and "ArticleText" in classes:
            parts.text = el
        if "insert_image_full" in classes:
            parts.inline_images.append(el)
        if "Image" in classes and not any(has_class(a, "insert_image_full") for a in el.iterancestors("div")):
            parts.lead_images.append(el)
    return parts


def _body_pieces(container: etree._Element, photos: list[etree._Element]) -> list[StoryPiece]:
    """The story's pieces in reading order (:func:`walk_story`, the walk every site reader shares): its paragraphs,
    subheads, list items and runs of bare text, and in their places the elements it keeps apart (a table of data, an
    ``aside``, a box its class names: :func:`_body` keeps them out of the body, not lost). The walk does not go into a
    photo or the share bar (a div of :data:`_OUT_CLASSES`, or one of ``photos``: those of a page whose classes are
    gone), read apart; a ``<figure>`` photo (no part of the design, which boxes its photos in divs) is a piece of kind
    ``kept``, read as a photo by :func:`_body`."""
    if any(has_class(a, *_OUT_CLASSES) for a in (container, *container.iterancestors("div"))):
        return []  # the whole text sits inside one
    return walk_story(container, container.text, keep_out=lambda el: is_photo_figure(el) or (el.tag == "div" and (
        has_class(el, *_OUT_CLASSES) or any(el is p for p in photos))), kept=True)


def _safe_date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _image(page: Page, holder: etree._Element, caption_el: etree._Element | None) -> Image:
    caption, credit = split_caption(text_of(caption_el) if caption_el is not None else None)
    return image(img_url(page, first(IMG(holder))), caption, credit)


def _share(page: Page, el: etree._Element) -> Discarded:
    items = [Item(title=t, url=page.absolute(a.get("href"))) for a in elements(LINKS(el)) if (t := text_of(a))]
    return discard("share", None, items, None if items else box_text(el))


def _piece_text(piece: StoryPiece) -> str:
    """A piece's text: a table's a line per row (its cells apart), a box's with its blocks apart."""
    kind, el = piece
    if isinstance(el, str):
        return el
    if kind in ("paragraph", "subhead"):
        return text_of(el)
    return table_text(el) if el.tag == "table" else box_text(el)


def _body(page: Page, pieces: list[StoryPiece]) -> tuple[list[Block], list[Discarded], list[Image], bool]:
    """Body blocks from the story's pieces (:func:`_body_pieces`), the blocks kept out of them (a separator line,
    and each element the walk keeps apart: a table, an ``aside``, a box its class names), and whether the page is a
    teaser ("[Read More]"); and the photos of the figures in it (:func:`~.base.figure_image`)."""
    blocks: list[Block] = []
    out: list[Discarded] = []
    figures: list[Image] = []
    teaser = False
    for i, piece in enumerate(pieces):
        kind, el = piece
        if kind == "kept" and not isinstance(el, str):
            # (a photo's figure: no box the design prints)
            if el.tag == "figure" and (photo := figure_image(page, el, split_caption)) is not None:
                figures.append(photo)
            continue  # a photo or the share bar, read apart
        if kind == "apart" and not isinstance(el, str):
            if (kept := apart_block(page, el)) is not None:  # (of the kind its class or id names, else "other")
                out.append(kept)
            continue
        text = _piece_text(piece)
        if not text:
            continue
        if SEPARATOR.match(text):
            out.append(discard("other", None, (), text))
            continue
        if READ_MORE.search(text):
            teaser = True
            link = first(READ_MORE_LINK(el)) if not isinstance(el, str) else None
            url = page.absolute(link.get("href")) if link is not None else None
            out.append(discard("read-more", None, (Item(title="Read More", url=url),)))
            text = READ_MORE.sub("", text)
            if text:
                blocks.append(Block("paragraph", text))
            rest = [t for e in pieces[i + 1 :] if (t := _piece_text(e))]
            if rest:  # series blurbs under a teaser: not the story
                out.append(discard("related", None, (), "\n".join(rest)))
            break
        blocks.append(Block("subhead" if kind == "subhead" else "paragraph", text))
    return blocks, out, figures, teaser


def extract_ajw(page: Page) -> Article:
    root = page.root
    main = _main(page)
    context = root if main is None else main
    parts = _scan(context)
    # the headline and the text carry classes on every page of the design: a page where neither is found may be
    # a copy whose classes are gone (a web archive's), whose parts are found by their places
    if parts.title is None and parts.text is None and (unclassed := _read_unclassed(page, parts, context)) is not None:
        main = unclassed
    elif main is None:
        page.warn("body", "unknown-layout", "no div#MainInner")
        main = root
    printed_title = page.pick(
        "title",
        (".ArticleTitle h1", lambda: text_of(parts.title) or None),
        ("og:title", lambda: squash(page.meta_value("og:title")) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(first(ANY_H1(main))) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    kicker, title = split_kicker(printed_title)
    date_el = parts.date
    date_text = text_of(date_el) or None
    published = page.pick(
        "published",
        ("p.EnLastUpdated", lambda: _safe_date(page, date_text)),
        ("article:published_time", lambda: _safe_date(page, page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: _safe_date(page, ld_text(page.ld("datePublished")))),
    )
    if published is not None and page.reference is not None and published > page.reference + dt.timedelta(days=1):
        page.warn("published", "disagree", "the printed time is later than the fetch time (AJW mis-dates some pages)")
    section = page.pick(
        "section",
        ("article:section", lambda: squash(page.meta_value("article:section")) or None),
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        required=False,
    )
    byline = parse_byline(text_of(parts.byline))
    text_el = parts.text
    if text_el is None:
        page.warn("body", "missing", "no div.ArticleText")
        blocks: list[Block] = []
        body_out: list[Discarded] = []
        figures: list[Image] = []
        teaser = False
    else:
        photos = [] if parts.shares is None else parts.inline_images  # a page whose classes are gone: by place
        blocks, body_out, figures, teaser = _body(page, _body_pieces(text_el, photos))
    if not blocks and parts.title is None:
        raise NotAnArticleError("an AJW page with no .ArticleTitle headline and no div.ArticleText text (a list page?)")
    dateline, blocks = cut_dateline(blocks)
    if not blocks and text_el is not None:
        page.warn("body", "missing", "no paragraphs in div.ArticleText")
    agency = dateline.agency if dateline else None
    if agency is None and byline is not None:
        agency = canonical_agency(byline.affiliation) or canonical_agency(_by_text(byline.raw))
    lead_caption = _first_caption if parts.shares is not None else lambda el: first(CAPTION(el))
    images = [_image(page, el, lead_caption(el)) for el in parts.lead_images]
    images += [_image(page, el, _last(INLINE_CAPTION(el))) for el in parts.inline_images]
    images += figures
    discarded = [_share(page, el) for el in (_shares(page) if parts.shares is None else parts.shares)]
    discarded += body_out
    if teaser:
        page.warn("paywalled", "low-confidence", "a teaser ending in [Read More]: the story is on another page")
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=None,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=[i for i in images if i.url or i.caption],
        discarded=discarded,
        paywalled=teaser,
        kicker=kicker,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="asahi/ajw",
        warnings=page.notices,
    )


# -- a copy whose classes are gone ------------------------------------------------------------------


def _unclassed_title(context: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """The headline of a page whose classes are gone (a web archive's copy) and the header holding it: the
    first ``h1`` of ``context`` standing where ``.ArticleTitle .Title h1`` stands, in a div in a div, none of
    the three with a class (a page whose classes were renamed is another design, for the generic reader)."""
    for h1 in context.iter("h1"):
        box = h1.getparent()
        header = box.getparent() if box is not None else None
        if (box is not None and header is not None and box.tag == "div" and header.tag == "div"
                and not (h1.get("class") or box.get("class") or header.get("class"))):
            return h1, header
    return None


def _read_unclassed(page: Page, parts: _Parts, context: etree._Element) -> etree._Element | None:
    """On a page whose classes are gone, find by their places what :func:`_scan` finds by class, and give the
    story's container (``div#MainInner``, which may have lost its id too: the parent of the header that holds
    the headline, :func:`_unclassed_title`); ``None`` when no story stands beside the header (a list page).
    The story is the div beside the header with the most paragraphs and subheads (not a photo); beside it the
    lead photos (divs that open with a picture: :func:`_is_photo`) and the share bars (:func:`_is_share_bar`);
    in the header the byline ("By …") and the date line (:data:`DATE_LINE`); in the story, its photos."""
    found = _unclassed_title(context)
    main = found[1].getparent() if found is not None else None
    if found is None or main is None:
        return None
    h1, header = found
    boxes = [el for el in main.iterchildren("div") if el is not header]
    story, best = None, (0, True)  # one paragraph at least; on a tie, not the photo with a caption paragraph
    for el in boxes:
        score = (sum(1 for c in el if c.tag in ("p", "h2", "h3")), not _is_photo(el))
        if score > best:
            story, best = el, score
    if story is None or _is_photo(story):
        return None
    parts.title, parts.text, parts.shares = h1, story, []
    for p in header.iterchildren("p"):
        text = text_of(p)
        if parts.byline is None and BY_LINE.match(text):
            parts.byline = p
        elif parts.date is None and DATE_LINE.match(text):
            parts.date = p
    for el in boxes:
        if el is story:
            continue
        if _is_photo(el):
            parts.lead_images.append(el)
        elif _is_share_bar(el):
            parts.shares.append(el)
    parts.inline_images = _photos_in(story)
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its headline, byline, date, "
              "story, photos and share bar were found by their places")
    return main


def _is_photo(el: etree._Element) -> bool:
    """A photo's holder (``div.Image``, ``div.insert_image_full``) told by its place in it: the div opens with a
    picture (its first child is an ``img`` or holds one); the caption follows."""
    opener = next((c for c in el if isinstance(c.tag, str)), None)
    return opener is not None and (opener.tag == "img" or next(opener.iter("img"), None) is not None)


def _photos_in(story: etree._Element) -> list[etree._Element]:
    """The photos' holders in the story (the outermost divs that pass :func:`_is_photo`)."""
    found: list[etree._Element] = []
    for el in story.iterdescendants("div"):
        if _is_photo(el) and not (found and any(a is found[-1] for a in el.iterancestors("div"))):
            found.append(el)
    return found


def _is_share_bar(el: etree._Element) -> bool:
    """``div.SnsUtilityArea`` told by what it holds: share buttons, as :func:`~.base.is_share_box` tells them
    but one is enough beside the story (the bar may hold one: "Facebook"), or no link and only the word
    "Share" (:data:`SHARE_LINES`)."""
    hrefs = [(a.get("href") or "").strip() for a in el.iter("a")]
    if not hrefs:
        return text_of(el) in SHARE_LINES
    shares = sum(1 for href in hrefs if is_share_address(href))
    return shares > 0 and all(is_share_address(h) or not h or h.startswith(("#", "javascript:"))
                              for h in hrefs)


def _first_caption(holder: etree._Element) -> etree._Element | None:
    """``.Caption`` in a lead photo's holder whose classes are gone: the first element in it with text and no
    picture."""
    for el in holder.iterdescendants(etree.Element):
        if el.tag != "img" and next(el.iter("img"), None) is None and text_of(el):
            return el
    return None


def _by_text(raw: str) -> str:
    return re.sub(r"^By\s+", "", raw)


def _last(result: object) -> etree._Element | None:
    els = elements(result)
    return els[-1] if els else None


def extract_not_ajw(page: Page) -> Article:
    """An asahi.com page that is not AJW's: the Japanese-language site, read by the generic extractor."""
    from ..generic import extract_generic

    page.warn("site", "not-ajw", "an asahi.com page outside /ajw/ with no AJW markup: not The Asahi Shimbun AJW")
    return extract_generic(page)


def _matches_ajw(page: Page) -> bool:
    return _is_ajw_url(page.url) or _is_ajw_url(page.url_hint) or _has_markup(page)


def fingerprint(page: Page) -> bool:
    return _has_markup(page)


# -- text copies ------------------------------------------------------------------------------------

DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4} at \d{1,2}:\d\d(?: JST)?$")
BYLINE_LINE = re.compile(r"^By [A-Z][A-Z .'’-]+(?:(?:,| and) [A-Z][A-Z .'’-]+)*/ ?[A-Z][A-Za-z ]{2,40}$")


#: The share bar's lines as a copy prints them ("Share", or "-" / "Facebook" / "-" / "X", a bullet a link).
SHARE_LINES = SHARE_NETWORKS | {"Share", "-"}
#: The site's closing line "Copyright The Asahi Shimbun Company. All rights reserved." (the footer).
FOOTER = re.compile(COPYRIGHT_LINE.pattern + r".*Asahi Shimbun", re.IGNORECASE)

_CREDIT_WORDS = re.compile(r"\b(?:[Pp]hoto|Provided|Courtesy|Asahi Shimbun|Pool)\b")


def _is_caption_line(line: str) -> bool:
    """A line ending in "(Photographer)", "(AP Photo)", "(Provided by …)" — and not a dateline paragraph."""
    m = CAPTION_CREDIT.search(line)
    if not m or split_dateline(line)[0] is not None:
        return False
    credit = m.group("credit")
    return (bool(_CREDIT_WORDS.search(credit)) or canonical_agency(credit) is not None
            or (is_person_name(credit) and len(credit.split()) >= 2))


def text_signature(copy: TextCopy) -> bool:
    head = copy.lines[:40]
    return any(DATE_LINE.match(ln) for ln in head) or any(BYLINE_LINE.match(ln) for ln in head)


def _leading(lines: list[str], test: Callable[[str], bool]) -> list[str]:
    """Remove and return the lines at the start of ``lines`` that pass ``test`` (one line at least is left)."""
    n = 0
    while n < len(lines) - 1 and test(lines[n]):
        n += 1
    taken = lines[:n]
    del lines[:n]
    return taken


def parse_text(copy: TextCopy) -> Article:
    """A copy of the visible text: headline → byline → date → captions → "CITY--" paragraphs.

    Every line lands in one place: lines above the headline are kept as ``navigation``; the share bar
    (``SHARE_LINES``) after the date or at the end is a ``share`` block; a caption is a line ending in
    "(Photographer)" between the date and the first paragraph or between paragraphs (an inline photo);
    the site's copyright line at the end is an ``other`` block.
    """
    lines = list(copy.lines)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    date_idx = next((i for i, ln in enumerate(lines[:60]) if DATE_LINE.match(ln)), None)
    date_text = lines[date_idx] if date_idx is not None else None
    published = parse_jst(date_text) if date_text else None
    if published is None:
        notices.append(Notice("published", "missing", "no 'Month D, YYYY at HH:MM JST' line"))
    header = lines[:date_idx] if date_idx is not None else []
    rest = lines[date_idx + 1 :] if date_idx is not None else lines

    byline = None
    by_idx = next((i for i, ln in enumerate(header) if ln.startswith("By ") and len(ln) < 150), None)
    if by_idx is not None:
        byline = parse_byline(header.pop(by_idx))
    title_line = header.pop() if header else None
    if header:
        discarded.append(Discarded(kind="navigation", text="\n".join(header)))
    kicker, title = split_kicker(title_line)

    # the share bar under the date, and the share bar and copyright line closing the page
    shares = _leading(rest, SHARE_LINES.__contains__)
    end: list[str] = []
    while len(rest) > 1 and (rest[-1] in SHARE_LINES or FOOTER.match(rest[-1])):
        end.insert(0, rest.pop())
    if shares:
        discarded.append(Discarded(kind="share", text="\n".join(shares)))

    # captions: between the date and the first paragraph, each ending in "(Photographer)"
    images: list[Image] = []
    while len(rest) > 1 and _is_caption_line(rest[0]):
        caption, credit = split_caption(rest.pop(0))
        images.append(image(None, caption, credit))

    blocks: list[Block] = []
    teaser = False
    for i, line in enumerate(rest):
        if blocks and i + 1 < len(rest) and _is_caption_line(line):
            caption, credit = split_caption(line)  # an inline photo's caption between two paragraphs
            images.append(image(None, caption, credit))
            continue
        if SEPARATOR.match(line):
            discarded.append(Discarded(kind="other", text=line))
            continue
        if READ_MORE.search(line):
            teaser = True
            discarded.append(Discarded(kind="read-more", items=(Item(title="Read More"),)))
            text = READ_MORE.sub("", line)
            if text:
                blocks.append(Block("paragraph", text))
            if rest[i + 1 :]:
                discarded.append(Discarded(kind="related", text="\n".join(rest[i + 1 :])))
            break
        blocks.append(Block("paragraph", line))
    share_end = [ln for ln in end if not FOOTER.match(ln)]
    if share_end:
        discarded.append(Discarded(kind="share", text="\n".join(share_end)))
    if len(share_end) < len(end):
        discarded.append(Discarded(kind="other", text="\n".join(ln for ln in end if FOOTER.match(ln))))
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    agency = dateline.agency if dateline else None
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        published=published,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=teaser,
        kicker=kicker,
        date_text=date_text,
        layout="asahi/text",
        warnings=notices,
    )


# -- pruning ----------------------------------------------------------------------------------------

_PRUNE_START = b'<div id="MainInner"'
_PRUNE_END = b'<div id="Footer"'
#: Names the extractor looks for anywhere in the page (the fingerprint, the share bar, JSON-LD), each
#: with the index of a byte rare in pages (found by memchr): found before the article region or after
#: the footer, they make the page be parsed whole.
_PRUNE_RISKS = ((b"MainInner", 0), (b"EnLastUpdated", 2), (b"EnArticleName", 2), (b"SnsUtilityArea", 3),
                (b"+json", 0), (b"+JSON", 0))
#: Names the extractor looks for among the ancestors of what it reads (the photo holders a paragraph
#: must not sit in): they matter only before the article region (``div.Image`` by _IMAGE_CLASS).
_ANCESTOR_RISKS = ((b"insert_image_full", 6), (b"Caption", 0))
#: Tags ``Page.head`` reads wherever they are (meta, canonical link, title; JSON-LD is a risk above),
#: matched loosely (a few other tags match too): ~4x faster than spelling the names out
_HEAD_TAG = re.compile(rb"<[mMlLtT][eEiI][tTnN][aAkKlL]")
_IMAGE_WORD = re.compile(rb"Image")  # sre's literal search beats bytes.find on a short needle
_TITLE_TAG = re.compile(rb"<(?i:title)")
#: A ``class`` holding the word ``Image`` (a lead-photo holder, whose paragraphs are not body text).
_IMAGE_CLASS = re.compile(rb"""(?i:class)\s*=\s*["']?[^"'>]*\bImage\b""")


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the page from ``div#MainInner`` to ``div#Footer`` (to the end when there is no
    footer); ``None`` (parse it all) when the region is not found or anything the extractor or
    ``Page.head`` reads may lie outside it."""
    body = data.find(b"<body")
    if body < 0 or data[body + 5 : body + 6] not in (b" ", b">", b"\t", b"\r", b"\n"):
        return None
    if in_text(data[:body].lower(), 0, body):
        return None  # "<body" inside a script or a comment of the head
    start = find_bytes(data, _PRUNE_START, body, at=9)  # "M" is rarer than "<"
    if start < 0:
        return None
    end = data.rfind(_PRUNE_END, start)
    if end < 0:
        end = len(data)
    else:
        region = data[start:end].lower()
        if region.count(b"<div") > region.count(b"</div"):
            return None  # a div left open before the footer marker: the marker may be inside the article
    if find_bytes(data, b"MainInner", start + 10, end) >= 0:
        return None  # a second one: the first may sit in a script or a comment
    after = len(data)
    if dropped_holds(data, ((body, start), (end, after)), _PRUNE_RISKS):
        return None
    if dropped_holds(data, ((body, start),), _ANCESTOR_RISKS):
        return None
    if _IMAGE_WORD.search(data, body, start) is not None and _IMAGE_CLASS.search(data, body, start) is not None:
        return None
    if _TITLE_TAG.search(data, 0, body) is None:
        return None  # the page's title may be in its body
    if _HEAD_TAG.search(data, body, start) is not None or _HEAD_TAG.search(data, end, after) is not None:
        return None
    return cut_to(data, body, start, end)


SITE = Site(
    id=SITE_ID,
    name="The Asahi Shimbun AJW",
    hosts=("asahi.com",),
    names=NAMES,
    layouts=(
        Layout("ajw", _matches_ajw, extract_ajw),
        Layout("not-ajw", lambda page: True, extract_not_ajw),
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "readable_authors", "split_caption", "split_kicker"]
