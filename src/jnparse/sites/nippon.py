"""nippon.com (English) — www.nippon.com/en/.

Layout ``2020``: title ``h1``, body ``div.editArea`` (exact class attribute), tags
``section.c-detailkeyward a``, author ``meta[name="cXenseParse:author"]`` (facts MED, one scraper 2025).
Whatever the story holds is read where it stands, at any depth of wrappers (list items, quotations and bare
text as paragraphs, ``h2``-``h6`` as subheads, figures and photo boxes as images); a table is
discarded as ``other`` (see ``_body``).
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
Text copies: the section label prints as "Newsfrom Japan" (no space), a feature's category as it is
("Culture"), next to the headline; no date or byline is printed (see ``parse_text``).

A copy of a page whose classes are gone (as a web archive such as archive.today stores it) reads as the
page: with no ``div.editArea``, the story, category label, photos and tag lists are found by their places
beside the headline and by what they hold, with a ``("layout", "fallback")`` warning.

``prune()`` parses only ``<head>`` and the page's ``<article>``; where real pages put their article
parts is not known (no real page in the corpus), so it keeps the whole page whenever a part read could
lie outside (see the section on cutting the page below).
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
from ..page import Page, xpath
from ..structured import ld_names, ld_text, strip_tags
from ..textcopy import TextCopy, is_bullet, list_blocks
from .base import (
    PRUNED_ATTR,
    Layout,
    Site,
    TagFinder,
    apart_block,
    cut_dateline,
    cut_to,
    discard,
    find_bytes,
    fullest,
    has_ancestor_below,
    has_class,
    image,
    img_url,
    is_photo_figure,
    walk_story,
)

SITE_ID = "nippon"
NAMES = ("nippon.com", "Nippon.com", "NIPPON.COM", "nippon.com (English)")

# -- selectors, compiled once ------------------------------------------------------------------------
EDIT_AREA = xpath("//div[@class='editArea']")
TAGS = xpath("//section[contains(concat(' ', normalize-space(@class), ' '), ' c-detailkeyward ')]")
CATEGORY = xpath("//*[contains(@class,'c-detail__category') or contains(@class,'c-category')][1]")
FINGERPRINT = xpath(
    "//div[@class='editArea'] | //section[contains(@class,'c-detailkeyward')]"
    " | //link[starts-with(@href,'https://www.nippon.com/')][@rel='canonical' or @rel='alternate']"
)
#: A figure's caption and a tag list's heading. The walks _caption() and _is_heading() find the same (in a few
#: elements a walk costs less than a query), except that a link around the whole tag list does not hide its
#: heading.
FIG_CAPTION = xpath("(.//figcaption | .//*[contains(@class,'caption')])[1]")
TAG_HEADING = xpath("(.//h2 | .//h3 | .//p[not(a)] | .//span[not(ancestor::a)])[1]")

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


def _caption(box: etree._Element) -> etree._Element | None:
    """A figure's caption: its first ``figcaption`` or element with "caption" in its class."""
    for el in box.iterdescendants():
        if el.tag == "figcaption" or "caption" in (el.get("class") or ""):
            return el
    return None


def _body(page: Page, area: etree._Element, *, unclassed: bool = False,
          ) -> tuple[list[Block], list[Image], list[Discarded]]:
    """The blocks, photos and discarded blocks of ``area``, in one walk over what it holds. A paragraph, a
    subhead (``h2`` to ``h6``) or a list item is a block; a figure or a photo box (a div with "photo" in its
    class) is a photo; a table is discarded as ``other``, a line per row (the tree keeps :func:`table_text`'s
    marks in it: nothing reads the table again); scripts are never read, and a tag list is read apart
    (:func:`_tags`). Every other element (a div, a list, a quotation, inline markup) is walked into, and the
    text it holds outside those (a bare ``<div>``'s words, a quotation without paragraphs) is a paragraph
    wherever a block element starts or ends: nothing in the story is lost. In a copy whose classes are gone
    (``unclassed``) a photo box is told by what it holds (a div with a photo is one), and the caption of a
    photo with no ``figcaption`` is the text its box holds (its caption element was told by its class)."""
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []

    def taken_apart(el: etree._Element) -> bool:  # a photo; a tag list (discarded apart: _Parts.tag_lists)
        tag = el.tag
        return (is_photo_figure(el)
                or (tag == "div" and _is_photo_box(el, unclassed=unclassed))
                or (tag == "section" and _is_tag_list(el)))

    for kind, piece in walk_story(area, area.text, keep_out=taken_apart, kept=True):
        if isinstance(piece, str):
            blocks.append(Block("paragraph", piece))
        elif kind == "apart":
            if (block := apart_block(page, piece)) is not None:
                discarded.append(block)
        elif kind == "kept":
            if piece.tag == "section":
                continue
            cap_el = _caption(piece)
            if cap_el is None and (unclassed or piece.tag == "figure"):  # (its text is its caption: never lost)
                cap_el = piece
            caption, credit = _credit(text_of(cap_el)) if cap_el is not None else (None, None)
            img = next(piece.iter("img"), None)
            if img is not None or caption or credit:  # (an empty figure, a script's to fill: no photo)
                images.append(image(img_url(page, img), caption, credit))
        elif text := text_of(piece):
            blocks.append(Block(kind, text))
    return blocks, images, discarded


def _is_photo_box(div: etree._Element, *, unclassed: bool) -> bool:
    """Whether a div is a photo box: "photo" in its class; in a copy whose classes are gone, a photo in it."""
    cls = div.get("class")
    if cls is not None:
        return "photo" in cls
    return unclassed and next(div.iter("img"), None) is not None


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


#: where a link leads to one of the site's tag pages ("/en/tag/railways/")
_TAG_PATH = re.compile(r"^(?:https?://[^/]+)?/\w+/tag/")


def _lists_tags(box: etree._Element) -> bool:
    """Whether a section with no class is a tag list (``section.c-detailkeyward``), told by what it holds: its
    heading reads "Tags" (the heading its text copy prints), or it has links and every one leads to a tag page."""
    heading = next((el for el in box.iterdescendants() if _is_heading(el, box)), None)
    if heading is not None and text_of(heading) == _TAGS_HEADING:
        return True
    links = [a.get("href") or "" for a in box.iter("a")]
    return bool(links) and all(_TAG_PATH.match(href) for href in links)


def _is_category(el: etree._Element) -> bool:
    cls = el.get("class") or ""
    return "c-detail__category" in cls or "c-category" in cls


def _is_edit_area(el: etree._Element) -> bool:
    return el.tag == "div" and el.get("class") == "editArea"


def _is_tag_list(el: etree._Element) -> bool:
    return el.tag == "section" and has_class(el, "c-detailkeyward")


class _Parts:
    """What the extractor reads in the body: div.editArea, the category label and the tag lists (each
    agreeing with its whole-tree query: EDIT_AREA, CATEGORY, TAGS), the first h1 and <time datetime>.
    On a page prune() cut down, a small tree, one walk over it finds the first three; on a whole page
    each is found through Page.elements_with (a walk over the tags the page's bytes name), the category
    label only when it is asked for. On a copy whose classes are gone (a web archive's), the story, label
    and tag lists are found by their places beside the headline (see _read_unclassed)."""

    __slots__ = ("_category", "_looked", "_page", "area", "pruned", "tag_lists", "unclassed")

    def __init__(self, page: Page) -> None:
        self._page = page
        self._category: etree._Element | None = None
        article = next(page.root.iter("article"), None)
        self.pruned = self._looked = article is not None and article.get(PRUNED) is not None
        self.area: etree._Element | None = None
        self.tag_lists: list[etree._Element] = []
        if self.pruned:
            # the whole tree: after a stray </body>, libxml2 puts what follows beside the body
            for el in page.root.iter():
                cls = el.get(b"class")  # a bytes name: lxml encodes a str one on every call
                if not cls:
                    continue
                if self.area is None and cls == "editArea" and el.tag == "div":
                    self.area = el
                if self._category is None and ("c-detail__category" in cls or "c-category" in cls):
                    self._category = el
                if "c-detailkeyward" in cls and _is_tag_list(el):
                    self.tag_lists.append(el)
        else:
            self.area = next(iter(page.elements_with(_is_edit_area, EDIT_AREA, needles=(b"editArea",))), None)
            self.tag_lists = page.elements_with(_is_tag_list, TAGS, needles=(b"c-detailkeyward",))
        # every page of the design has its div.editArea: without one it may be a copy whose classes are gone
        self.unclassed = self.area is None and self._read_unclassed()

    def _read_unclassed(self) -> bool:
        """Find by their places what the classes mark, on a copy of the page whose classes are gone (as a web
        archive stores it): the story is the headline's parent, and neither it, the headline nor any element
        around them has a class (a page whose classes were renamed is another design). Beside the headline,
        the story's text is the div after it with the most paragraphs and photos; the category label is the
        element just above it when that prints a label (a word or a short name, "Culture" or "Newsfrom
        Japan", as a copy of the page prints it above the headline: _CATEGORY_LINE); the tag lists are the
        story's sections that head their links "Tags" or whose links all lead to tag pages. Gives whether
        the page is such a copy (and then warns)."""
        h1 = next(self._page.root.iter("h1"), None)
        story = h1.getparent() if h1 is not None else None
        if h1 is None or story is None or any(
                el.get(b"class") is not None for el in (h1, story, *story.iterancestors())):
            return False
        self.area = fullest(h1.itersiblings("div"), ("p", "figure"))
        if self.area is None:
            return False
        above = h1.getprevious()
        if above is not None and _CATEGORY_LINE.match(text_of(above)):
            self._category = above
        self._looked = True
        self.tag_lists = [box for box in story.iterchildren("section") if _lists_tags(box)]
        self._page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its story, category"
                        " label, photos and tag lists were found by their places and what they hold")
        return True

    def whole_page_needed(self, what: str) -> None:
        """A pruned page lacks ``what``, and the whole page may have one in the tail prune() dropped (it
        does not look there): the warning makes api.parse() read the whole page."""
        if self.pruned:
            self._page.warn("layout", "unknown-layout", f"no {what} in the article: the whole page is read")

    def category(self) -> etree._Element | None:
        if not self._looked:
            self._looked = True
            self._category = next(iter(self._page.elements_with(
                _is_category, CATEGORY, needles=(b"c-detail__category", b"c-category"))), None)
        if self._category is None:
            self.whole_page_needed("category label")
        return self._category

    def headline(self) -> etree._Element | None:
        h1 = next(self._page.root.iter("h1"), None)
        if h1 is None:
            self.whole_page_needed("h1")
        return h1

    def time(self) -> str | None:
        """The first ``<time>``'s ``datetime``."""
        found = next((t for el in self._page.root.iter("time") if (t := el.get("datetime")) is not None), None)
        if found is None:
            self.whole_page_needed("<time datetime>")
        return found


def extract_2020(page: Page) -> Article:
    parts = _Parts(page)
    area = parts.area
    if area is None:  # on a pruned page, the whole page is read
        page.warn("body", "unknown-layout", "no div.editArea")
    url = page.url
    kind = _kind(url)
    url_day = _url_date(url)
    title = page.pick(
        "title",
        ("h1", lambda: text_of(parts.headline()) or None),
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := squash(page.meta_value("og:title"))) else None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("category label", lambda: _label(text_of(parts.category()))),
        ("URL", lambda: _section_from_url(url)),
    )
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("cXense publishtime", lambda: _date(page, page.meta_value("cxenseparse:recs:publishtime"))),
        ("<time>", lambda: _date(page, parts.time())),
        ("URL date", lambda: url_day),
    )
    if published is not None and published == url_day:
        page.warn("published", "low-confidence", "the day from the URL; the time of day is not printed")
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []
    if area is not None:
        blocks, images, discarded = _body(page, area, unclassed=parts.unclassed)
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no paragraphs in div.editArea")
    agency = dateline.agency if dateline else None
    if agency is None and kind == "jiji":
        agency = "Jiji Press"
    elif agency is None and kind == "kyodo":
        agency = "Kyodo"
    paywalled = kind == "kyodo" and bool(blocks) and _TRUNCATED.search(blocks[-1].text) is not None
    discarded += [_tags(page, el) for el in parts.tag_lists]  # after the story's (the tag lists follow it)
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


def _tags(page: Page, box: etree._Element) -> Discarded:
    heading = next((el for el in box.iterdescendants() if _is_heading(el, box)), None)
    items = tuple(Item(title=t, url=page.absolute(href)) for a in box.iter("a")
                  if (href := a.get("href")) is not None and (t := text_of(a)))
    return discard("navigation", text_of(heading) or None if heading is not None else None, items)


def _is_heading(el: etree._Element, box: etree._Element) -> bool:
    """Whether ``el`` can be a tag list's heading: an h2 or h3, a paragraph without links, a span outside
    the list's links (a link around the whole list does not count: what is read must not depend on markup
    outside the article, which prune() may drop)."""
    tag = el.tag
    if tag in ("h2", "h3"):
        return True
    if tag == "p":
        return next(el.iterchildren("a"), None) is None
    return tag == "span" and not has_ancestor_below(el, box, "a")


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


#: A line that is only a word or a short name with no sentence end: a category label ("Culture") above the
#: headline in a copy of a feature page (the news pages print "Newsfrom Japan" there instead).
_CATEGORY_LINE = re.compile(r"^[A-Z][\w&'’ -]{0,38}$")
#: A headline: no sentence end but a question's, at most some 20 words (a teaser line ends in "...").
_HEADLINE_END = re.compile(r"[.…:;,。！？]$")
#: The heading of the tag list at the foot of the article (its items follow as "-" lines).
_TAGS_HEADING = "Tags"


def _is_headline(line: str) -> bool:
    return len(line) <= 160 and len(line.split()) <= 24 and not _HEADLINE_END.search(line) and \
        (line[0].isupper() or line[0].isdigit())


def _is_subhead(line: str) -> bool:
    return len(line) <= 100 and len(line.split()) <= 12 and not _HEADLINE_END.search(line) and line[0].isupper()


def _tag_list_at(lines: list[str]) -> int:
    """Where the trailing tag list ("Tags", then "-" item lines) starts; ``len(lines)`` when there is none."""
    for i in range(len(lines) - 2, -1, -1):
        if lines[i] == _TAGS_HEADING and is_bullet(lines[i + 1]):
            return i
    return len(lines)


def parse_text(copy: TextCopy) -> Article:
    """Two orders of the header: "headline / Newsfrom Japan / story" (a browser copy), and the page's own
    order, "[nippon.com] / label / headline / story / [Tags list]", where the label is "Newsfrom Japan" on
    news pages and the category ("Culture") on features. Photo captions ending in a "(© NAME)" credit are
    images; the site name above the label and the tag list are discarded blocks. The copy prints no date
    and no byline: a Jiji URL gives the day."""
    lines = list(copy.lines)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    images: list[Image] = []
    while lines[:1] and lines[0] in NAMES:  # the site's logo printed above the label
        discarded.append(Discarded(kind="navigation", text=lines.pop(0)))
    tags_at = _tag_list_at(lines)
    if tags_at < len(lines):
        before, blocks_, leftovers = list_blocks(lines[tags_at:], lambda ln: "navigation" if ln == _TAGS_HEADING
                                                 else None)
        discarded.extend(blocks_)
        if before or leftovers:
            discarded.append(Discarded(kind="other", text="\n".join(before + leftovers)))
        lines = lines[:tags_at]
    idx = next((i for i, ln in enumerate(lines[:4]) if _LABEL.match(ln)), None)
    title = section = None
    if idx is not None:
        section = "News from Japan"
        head = lines[:idx]
        lines = lines[idx + 1:]
        if head:
            title = " ".join(head)
        elif len(lines) >= 2 and _is_headline(lines[0]):
            title = lines.pop(0)  # the page's order: the headline under the label
    elif len(lines) >= 3 and _CATEGORY_LINE.match(lines[0]) and _is_headline(lines[1]):
        section, title = lines[0], lines[1]  # a feature's category label, then its headline
        lines = lines[2:]
    else:
        notices.append(Notice("section", "missing", "no 'News from Japan' label"))
    blocks: list[Block] = []
    for ln in lines:
        caption, credit = _credit(ln) if len(ln) <= 400 else (ln, None)
        if credit is not None:
            images.append(image(None, caption, credit))
        else:
            blocks.append(Block("subhead" if blocks and _is_subhead(ln) else "paragraph", ln))
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
        images=images,
        discarded=discarded,
        paywalled=paywalled,
        layout="nippon/text",
        warnings=notices,
    )


# -- cutting the page down before it is parsed ---------------------------------------------------------
# What the extractor reads in the body (the h1 headline, the category label, div.editArea, the
# c-detailkeyward tag lists, <time>) sits in the page's <article>; the menus before it and the footer and
# scripts after it are most of the page and hold nothing read. prune() keeps <head> and the bytes from
# the first <article> to the last </article>, and keeps the whole page (None) when anything read could
# lie in the bytes it drops.
#
# The extractor reads the first h1, <time datetime>, div.editArea and category label: one in the dropped
# tail comes after any in the article, so it only matters when the article has none. prune() does not
# look for those in the tail; the extractor, reading a pruned page without one it needs, asks for the
# whole page (the "unknown-layout" warning: see _Parts.whole_page_needed).

#: Put on the ``<article>`` where prune() cut the page (not on the ``<body>`` it writes: libxml2 drops
#: that one when the head holds something that opens the body): the extractor then walks the small tree
#: itself instead of reading the whole page's bytes for the names of the elements it wants (see _Parts).
PRUNED = PRUNED_ATTR
_PRUNED_START = b"<body><article " + PRUNED.encode()
#: what may follow a tag name in a start tag
_NAME_ENDS = (b" ", b">", b"\t", b"\n", b"\r", b"\f", b"/")
#: Tags read wherever they are, found before the article as the tokenizer reads them (not in comments or
#: scripts), the article itself first: what finds them also tells whether the cut falls inside a comment
#: or a raw-text element. After a </html> libxml2 reads nothing more.
_CHROME_TAGS = TagFinder(b"article", b"h1", b"time", b"meta", b"link", b"/html")
_HEAD_TAGS = TagFinder(b"article")
_TITLE = TagFinder(b"title")
#: In the dropped tail, found in the (lower-cased) bytes, in scripts too: structured data (meta tags,
#: canonical links). JSON-LD is looked for apart (by its rare "+"), and the tag lists by their class.
_TAIL_TAGS = re.compile(rb"<(?:meta|link)[\s/>]")


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the page from its first ``<article>`` to its last ``</article>`` (to the end when
    there is none); ``None`` (parse it all) when there is no ``<article>`` or ``<head>`` has no title,
    or when the cut would fall inside a comment or raw-text element, or the dropped bytes hold what is
    read page-wide: before the article an ``<h1>``, ``<time>``, ``<meta>`` or ``<link>`` tag or one of
    the classes the extractor finds (``editArea``, ``c-detailkeyward``, ``c-category``,
    ``c-detail__category``); after it a ``<meta>`` or ``<link>`` tag or a tag list; JSON-LD in either."""
    low = data.lower()  # tag names in any case
    body = low.find(b"<body")
    if body < 0 or low[body + 5 : body + 6] not in _NAME_ENDS:
        return None
    if _HEAD_TAGS.find(low, 0, body) != -1 or not _head_has_title(low, body):
        # a "<body" in a head script, comment or tag; an <article> before the body (the extractor takes
        # the first for the one marked); a title in the body would be read
        return None
    start = _CHROME_TAGS.find(low, body + 5, len(low))
    if start is None or start < 0 or not low.startswith(b"<article", start):
        return None  # no article; a tag read page-wide before it; a comment or raw text open before it
    if (find_bytes(low, b"ld+json", body, at=2, stop=start) >= 0
            or find_bytes(data, b"editArea", body, at=4, stop=start) >= 0
            or find_bytes(data, b"__category", body, stop=start) >= 0  # "c-detail__category"
            or find_bytes(data, b"c-category", body, at=9, stop=start) >= 0):
        return None
    end = low.rfind(b"</article", start)
    if end < 0:
        end = len(data)
    if find_bytes(data, b"c-detailkeyward", body, at=11, stop=start) >= 0 or \
            find_bytes(data, b"c-detailkeyward", end, at=11) >= 0:
        return None  # a tag list: each is kept as a discarded block
    if _TAIL_TAGS.search(low, end) is not None or find_bytes(low, b"ld+json", end, at=2) >= 0:
        return None
    return cut_to(data, body, start + 8, end, _PRUNED_START)  # the rest of the <article> tag follows


def _head_has_title(low: bytes, body: int) -> bool:
    """Whether the first ``<title>`` tag of the (lower-cased) head has text: then one in the body is never
    read (``Page.head`` takes the first title with text)."""
    at = _TITLE.find(low, 0, body)
    if at is None or at < 0:
        return False
    gt = low.find(b">", at, body)
    end = low.find(b"</title", gt, body) if gt >= 0 else -1
    text = low[gt + 1 : end] if end >= 0 else b"&"
    # an entity may stand for white space only ("&nbsp;"): not told here
    return b"&" not in text and bool(squash(text.decode("utf-8", "replace")))


SITE = Site(
    id=SITE_ID,
    name="nippon.com",
    hosts=("nippon.com",),
    names=NAMES,
    layouts=(Layout("2020", _matches_2020, extract_2020),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "prune"]
