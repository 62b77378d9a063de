"""The fallback for pages no site module claims: metadata read here, the body from the page's own
body markup or else by trafilatura.

Metadata (title, url, section, times, byline, dateline, agency, paywall hints) comes from JSON-LD,
meta tags, ``<time>`` elements and visible "JST" strings; a time with no zone is Japan time.

The body, structured data first: a page that marks its article text with schema.org microdata
(``itemprop="articleBody"``, which news and blog themes print) is read from that element: its
paragraphs, subheads, quotes and list items in order, with share, ad, related and newsletter boxes
inside it recorded as discarded blocks. That is not a boilerplate remover; it reads what the publisher
declared to be the article, at the cost of one pass over that element (an lxml parse's worth of time
less than trafilatura, which is ~15 lxml parses). A page without that markup (or whose marked element
holds too little text to be the article) gets its body from trafilatura, a well-kept general extractor,
installed with ``pip install 'jnparse[generic]'``; without it (or when it finds nothing), from the element
whose own paragraphs hold the most text, read as a marked element is.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from lxml import etree

from ._text import plain_text, squash, strip_suffix, text_nodes, text_of
from .agencies import canonical_agency
from .bylines import BY_LINE, is_person_name, parse_byline
from .datelines import split_dateline
from .dates import NeedsReference, parse_jst
from .errors import ExtraRequiredError
from .loading import mark_line_breaks
from .model import Article, Block, Byline, Discarded, Image, Item, Notice
from .page import Page, elements, tag_names, xpath
from .prompts import without_prompts
from .sites.base import (
    INLINE_TAGS,
    box_block,
    box_kind,
    figure_image,
    find_bytes,
    is_photo_figure,
    is_share_address,
    is_share_box,
    is_text_figure,
    walk_story,
)
from .structured import ld_names, ld_text, ld_url, strip_tags
from .textcopy import COPYRIGHT_LINE, SENTENCE_END, TextCopy, is_bullet, list_item

# a <time> in the article (or beside its headline) before any other: sidebars carry <time>s too
_TIME_ARTICLE = xpath("//article//time | //main//time | //h1/following::time[1]")
_TIME_ANY = xpath("//time")
_REL_AUTHOR = xpath("//a[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']")
_BREADCRUMB = xpath("//*[@itemtype='https://schema.org/BreadcrumbList' or @itemtype='http://schema.org/BreadcrumbList']")
_JST_TEXT = re.compile(
    r"\d{1,2}:\d\d\s*(?:[ap]\.?m\.?\s*)?JST[^<>\n]{0,40}?\d{4}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?: at|,)? \d{1,2}:\d\d\s*(?:[ap]\.?m\.?\s*)?JST"
    r"|\d{1,2} [A-Z][a-z]{2,8} \d{4},? \d{1,2}:\d\d\s*JST"
)
_UPDATED_LINE = re.compile(r"^(?:Updated|Last updated|Published|Posted)(?: on)?:?\s", re.IGNORECASE)


def _find(page: Page, test: Callable[[etree._Element], bool], whole_tree: etree.XPath, *,
          needles: tuple[bytes, ...] = (), attrs: tuple[tuple[str, str], ...] = (),
          tags: tuple[str, ...] = ()) -> list[etree._Element]:
    return page.elements_with(test, whole_tree, needles=needles, attrs=attrs, tags=tags)


def _date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _update(page: Page, published: dt.datetime | None, text: str | None) -> dt.datetime | None:
    """A modification time, unless it is earlier than the publication (a post scheduled after its last
    edit: that edit is no update of what was published)."""
    value = _date(page, text)
    if value is not None and published is not None and value < published:
        page.warn("updated", "disagree", f"modified {value.isoformat()}, before it was published: not an update")
        return None
    return value


def _time_of(page: Page, found: Any) -> dt.datetime | None:
    """The first ``<time>`` that reads as a date: its ``datetime`` attribute, else its text."""
    for el in elements(found)[:20]:
        value = _date(page, el.get("datetime")) or _date(page, text_of(el)[:80])
        if value is not None:
            return value
    return None


def _byline(page: Page) -> Byline | None:
    """JSON-LD persons first, then a printed "By …" element, ``rel=author`` links and the author meta.

    ``raw`` is the printed line when the page prints one naming the same people (an element marked as the
    byline, else a "By …" line near the headline)."""
    printed: Byline | None = None
    for el in _printed_bylines(page)[:5]:
        text = text_of(el)
        if text and len(text) <= 150:
            printed = parse_byline(text)
            if printed is not None and printed.authors:
                break
            printed = None
    names = list(dict.fromkeys(n for n in ld_names(page.ld("author")) if is_person_name(n)))
    if names:
        if printed is None:  # no element marked as the byline: a "By …" line may print it all the same
            printed = _by_line_near_headline(page)
        if printed is not None and list(printed.authors) == names:
            return printed
        return Byline(raw=", ".join(names), authors=tuple(names), affiliation=None)
    if printed is not None:
        page.warn("byline", "fallback", "read from a printed byline element")
        return printed
    linked = next((t for el in _author_links(page) if is_person_name(t := text_of(el))), None)
    if linked:
        page.warn("byline", "fallback", "read from a rel=author link")
        return Byline(raw=linked, authors=(linked,), affiliation=None)
    meta = page.meta_value("author", "article:author", "cxenseparse:author", "dc.creator")
    if meta and is_person_name(meta):
        page.warn("byline", "fallback", "read from the author meta tag")
        return Byline(raw=meta, authors=(meta,), affiliation=None)
    near = _by_line_near_headline(page)
    if near is not None:
        page.warn("byline", "fallback", "read from a 'By …' line near the headline")
    return near


def _by_line_near_headline(page: Page) -> Byline | None:
    """A "By …" line among the first elements of the headline's container, or among the paragraphs that
    follow the headline: the byline of a page that marks it with no class, microdata or structured data.
    The elements' own text (or the text after an empty icon they open with, ``<p><i></i>By …``) is looked at
    first (a few tenths of a microsecond each); only a line that starts so is read whole."""
    h1 = next(page.root.iter("h1"), None)
    container = h1.getparent() if h1 is not None else None
    if h1 is None or container is None:
        return None
    near = list(itertools.islice(container.iter("p", "div", "span", "address", "li"), 60))
    for el in [*near, *elements(_FOLLOWING_PARAGRAPHS(h1))]:
        own = (el.text or "").lstrip()
        if not own and len(el) and not (el[0].text or "").strip():
            own = (el[0].tail or "").lstrip()
        if own[:2].lower() != "by" or (len(own) > 2 and not own[2].isspace()):
            continue
        line = text_of(el)
        if len(line) <= 120 and BY_LINE.match(line) and (byline := parse_byline(line)) is not None \
                and byline.authors:
            return byline
    return None


_FOLLOWING_PARAGRAPHS = xpath("following::p[position() <= 30]")


_BYLINE_CLASSES = xpath(
    "//*/@class[contains(., 'byline') or contains(., 'author-name') or contains(., 'article-author')]")
def _printed_bylines(page: Page) -> list[etree._Element]:
    """The elements that may print the byline (:func:`_is_printed_byline`), in page order. Their classes are
    asked of the tree, in C: exact whatever the bytes spell, and on a page that writes its Japanese as
    character references cheaper than finding the class words in the bytes (which must first rule out a
    reference spelling one)."""
    classed = [value.getparent() for value in _BYLINE_CLASSES(page.root)]  # (each in page order)
    marked = page.marked("itemprop", "author")
    if not classed or not marked:  # one list: in page order already, no walk to merge them
        return [el for el in classed or marked if _is_printed_byline(el)]
    candidates = {*classed, *marked}
    names = tag_names(candidates)  # (None: a damaged page's name no walk can filter on, so walk them all)
    walk = page.root.iter() if names is None else page.root.iter(*names)
    return [el for el in walk if el in candidates and _is_printed_byline(el)]


def _is_printed_byline(el: etree._Element) -> bool:
    cls = el.get("class") or ""
    return ("byline" in cls.split() or el.get("itemprop") == "author" or "author-name" in cls
            or "article-author" in cls)


def _author_links(page: Page) -> list[etree._Element]:
    """``a[rel=author]`` links and the names inside ``itemprop=author`` elements, in page order."""
    found: list[etree._Element] = []
    for el in _find(page, lambda e: (e.get("rel") == "author" and e.tag == "a") or e.get("itemprop") == "author",
                    _REL_AUTHOR, attrs=(("itemprop", "author"),), tags=("a",)):
        if el.get("itemprop") == "author" and not (el.tag == "a" and el.get("rel") == "author"):
            found.extend(n for n in el.iterdescendants() if n.get("itemprop") == "name" and n not in found)
        elif el not in found:
            found.append(el)
    return found


def _agency_of_author(page: Page) -> str | None:
    """A wire agency named as the author (JSON-LD ``author`` Organization, the author meta)."""
    for name in [*ld_names(page.ld("author")), page.meta_value("author", "article:author") or ""]:
        hit = canonical_agency(name)
        if hit:
            return hit
    return None


def _visible_time(page: Page) -> tuple[dt.datetime | None, str | None]:
    if page.source is not None and find_bytes(page.source, b"JST", at=0) < 0:
        return None, None  # every form read below names the zone (found with memchr on "J": ~3x an `in`)
    body = page.root.find("body")
    if body is None:
        return None, None
    text = " ".join(text_nodes(body))[:200_000]
    m = _JST_TEXT.search(text)
    if not m:
        return None, None
    printed = squash(m.group(0))
    # "Oct. 13, 2024 at 5:41 pm JST": the shared "at" format ignores am/pm; read it without the "at"
    return _date(page, printed), printed


def _microdata(page: Page, prop: str) -> str | None:
    """The value of the first element marked ``itemprop=prop``: its ``content`` (a ``<meta>``), its
    ``datetime`` (a ``<time>``), else its text."""
    marked = page.marked("itemprop", prop)
    if marked and all(el.tag == "meta" for el in marked):  # only meta tags carry it: the head scan read them
        return page.meta_value(prop.lower())
    for el in marked:
        value = el.get("content") or (el.get("datetime") if el.tag == "time" else None) or text_of(el)
        if value and value.strip():
            return squash(value)
    return None


def _section(page: Page, title: str | None) -> str | None:
    section = ld_text(page.ld("articleSection")) or page.meta_value("article:section")
    if section:
        return squash(section) or None
    marked = _microdata(page, "articleSection")
    if marked:
        page.warn("section", "fallback", "read from itemprop=articleSection")
        return marked
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
    crumbs = [t for el in _breadcrumb_names(page) if (t := text_of(el))]
    crumbs = [c for c in crumbs if c.lower() not in ("home", "top") and c != title]
    if crumbs:
        page.warn("section", "fallback", "read from the breadcrumb")
        return crumbs[-1]
    return None


_BREADCRUMB_TYPES = ("https://schema.org/BreadcrumbList", "http://schema.org/BreadcrumbList")


def _breadcrumb_names(page: Page) -> list[etree._Element]:
    lists = _find(page, lambda e: e.get("itemtype") in _BREADCRUMB_TYPES, _BREADCRUMB, needles=(b"BreadcrumbList",))
    names: list[etree._Element] = []
    for crumbs in lists:
        names.extend(n for n in crumbs.iterdescendants() if n.get("itemprop") == "name" and n not in names)
    return names


def _published_attr(page: Page) -> str | None:
    """``<time itemprop=datePublished datetime=…>`` or any ``itemprop=datePublished`` element's ``content``."""
    for el in page.marked("itemprop", "datePublished"):
        value = (el.get("datetime") if el.tag == "time" else None) or el.get("content")
        if value is not None:
            return value
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


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def _in_teaser(fig: etree._Element) -> bool:
    """Whether a figure is the thumbnail of a listed story: inside a link to a page (a photo may link to its
    own image file, a teaser links to its story)."""
    for a in fig.iterancestors("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith("#") and _IMAGE_FILE.search(href) is None:
            return True
    return False


def _uncredited(caption: str) -> tuple[str | None, str | None]:
    return caption, None  # (no site's rule parts a credit from a generic page's caption)


def _is_caption_box(el: etree._Element) -> bool:
    """WordPress's classic photo box, ``div.wp-caption`` (its image and its ``p.wp-caption-text``): a photo's box
    as a figure is."""
    return el.tag == "div" and "wp-caption" in (el.get("class") or "").split()


def _photo_boxes(page: Page) -> Iterator[etree._Element]:
    """The article's photo boxes in page order: its photos' figures (one with no picture but a caption too, its
    picture given by a script: its caption kept), WordPress's caption boxes, and paragraphs that hold an image and
    no text (the classic editor's photo without a caption). The last two are found from the page's images first
    (:func:`_photo_holder`): most pages hold neither, and their figures alone are walked."""
    held = {box for img in page.root.iter("img") if (box := _photo_holder(img)) is not None}
    for el in page.root.iter("figure", "div", "p") if held else page.root.iter("figure"):
        if el.tag == "figure":
            if not (is_photo_figure(el) and (next(el.iter("img"), None) is not None or text_of(el))):
                continue
        elif el not in held:
            continue
        if any(a.tag in ("article", "main") for a in el.iterancestors()) and not _in_teaser(el):
            yield el


def _photo_holder(img: etree._Element) -> etree._Element | None:
    """The box an image stands in that is a photo's, though no figure: WordPress's caption box (``div.wp-caption``),
    or a paragraph that holds no text (outside a figure or a caption box). The image's nearest ancestor that is no
    phrasing markup (a link around it) tells."""
    for a in img.iterancestors():
        if a.tag in INLINE_TAGS:
            continue
        if _is_caption_box(a):
            return a
        if a.tag == "p" and not text_of(a) and not any(b.tag == "figure" or _is_caption_box(b)
                                                       for b in a.iterancestors()):
            return a
        return None
    return None


def _images(page: Page) -> list[Image]:
    out: list[Image] = []
    for box in itertools.islice(_photo_boxes(page), 30):
        if (photo := figure_image(page, box, _uncredited)) is not None:
            out.append(photo)
    if not out:
        url = page.meta_value("og:image") or ld_url(page.ld("image"))
        if url:
            out.append(Image(url=page.absolute(url)))
    return out


# -- the body the page marks as such ---------------------------------------------------------------

#: Below this much text the marked element is a teaser or a stub, not the article.
_MIN_MARKED_TEXT = 200
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: What holds no text of the story beyond what base.NOT_TEXT_TAGS names: pictures (the photos are read from the
#: figures apart), a rule, a form's field
_NOT_TEXT = frozenset({"figure", "picture", "img", "map", "hr", "input"})
_CODE = ("script", "style", "noscript", "template")  # what text_of leaves out


def _strip_code(el: etree._Element) -> None:
    """Remove scripts and styles under ``el``, in C, so each paragraph's text then comes straight from lxml's
    serialiser (each ``<br>`` is a break in it already, and ruby readings are gone:
    :func:`~jnparse.loading.parse_bytes`)."""
    etree.strip_elements(el, *_CODE, with_tail=False)


def _text(el: etree._Element) -> str:
    """``text_of(el)`` for an element with no scripts or styles under it."""
    return squash(el.text) if len(el) == 0 else plain_text(el)


def _no_classes(page: Page) -> bool:
    """Whether the page has no class attribute (a web archive's copy strips them): its bytes hold no
    ``class=`` (a page with classes has its first near its top: the search stops there)."""
    found = page.memo.get("generic:no-classes")
    if found is None:
        source = page.source
        found = page.memo["generic:no-classes"] = (
            source is not None and b"class=" not in source and b"CLASS=" not in source and b"Class=" not in source)
    return bool(found)


def _told_kind(el: etree._Element) -> str | None:
    """The discarded kind of a box inside the article text that no class or id names on a page whose classes
    are gone (:func:`_no_classes`), told by what it holds: share buttons (links to share addresses, or
    links that each read as a share button: "Share on X", "Email"), or a list of stories under a heading that
    opens one ("You might also like"). ``None`` for any other box."""
    if not len(el):
        return None
    # a row of share buttons opens with one: its first link is the first child of a first child… a few deep
    # (div > a, ul > li > a, div > ul > li > a). Read by index: an iterator costs more than the test (most
    # boxes are a story's wrappers and lists, tested as the reader passes them)
    node = el
    for _ in range(_SHARE_ROW_DEPTH):
        if not len(node):
            break
        node = node[0]
        if node.tag == "a":
            if _may_share(node) and (is_share_box(el) or _share_links(el)):
                return "share"
            break
    head = el[0]
    if head.tag in _HEADINGS and _AFTER_STORY[0][0].search(_text(head)) and next(el.iter("li"), None) is not None:
        return "related"
    return None


_SHARE_ROW_DEPTH = 4


def _may_share(a: etree._Element) -> bool:
    """Whether a link may be one of a row of share buttons (:func:`is_share_box`, :func:`_share_links`)."""
    href = (a.get("href") or "").strip()
    return (not href or href.startswith(("#", "javascript:")) or is_share_address(href)
            or _IN_STORY[0][0].match(_text(a)) is not None)


def _share_links(el: etree._Element) -> bool:
    """Whether ``el`` holds links and nothing else, each reading as a share button (:data:`_IN_STORY`)."""
    linked: list[str] = []
    for a in el.iter("a"):
        text = _text(a)
        if _IN_STORY[0][0].match(text) is None:
            return False
        linked.append(text)
    return bool(linked) and "".join(_text(el).split()) == "".join("".join(linked).split())


def _body_marked(page: Page) -> tuple[list[Block], list[Discarded]] | None:
    """The body read from the element(s) marked ``itemprop="articleBody"``, or ``None`` when the page
    marks none or the marked text is too short to be the article."""
    marked = page.marked("itemprop", "articleBody")
    # one element normally; several when the text is split around an inset (read in order, not nested)
    outer = [el for el in marked if not any(a in marked for a in el.iterancestors())]
    if not outer:
        return None
    blocks: list[Block] = []
    discarded: list[Discarded] = []
    for el in outer:
        # scripts and styles go: removed in C, so each paragraph's text comes straight from lxml's serialiser, never
        # from a walk in Python (the parse took out ruby readings)
        _strip_code(el)
        _read_marked(page, el, blocks, discarded)
    if sum(len(b.text) for b in blocks) < _MIN_MARKED_TEXT:
        return None
    return blocks, discarded


def _read_marked(page: Page, container: etree._Element, blocks: list[Block], discarded: list[Discarded],
                 first: int = 0) -> None:
    """The blocks of ``container`` from its child ``first`` on (its own text only when from the start), read by the
    walk every site reader shares (:func:`~.sites.base.walk_story`); the boxes it keeps apart go to ``discarded``. A
    photo's figure, a picture or a map holds no text of the story (the photos are read apart); on a page whose classes
    are gone, a box is told by what it holds (:func:`_told_kind`)."""
    unclassed = _no_classes(page)  # its boxes are told by what they hold, no class or id naming them

    def keep_out(el: etree._Element) -> bool:
        tag = el.tag
        if tag in _NOT_TEXT:
            return tag != "figure" or not is_text_figure(el)  # (a pull quote's figure is the story's)
        if _is_caption_box(el):
            return True  # (a photo: read by _images)
        return unclassed and tag not in INLINE_TAGS and not el.keys() and _told_kind(el) is not None

    pieces = walk_story(container[first:], None if first else container.text, keep_out=keep_out, kept=True)
    for kind, el in pieces:
        if isinstance(el, str):
            blocks.append(Block("paragraph", el))
        elif kind == "kept":
            if el.tag not in _NOT_TEXT and not _is_caption_box(el):  # a box told by what it holds
                discarded.append(box_block(page, el, _told_kind(el) or "other", _text))
        elif kind == "apart":  # (its scripts are stripped: _text reads it)
            found = box_block(page, el, (box_kind(el) if el.keys() else None) or "other", _text)
            if found.text or found.items or found.heading:
                discarded.append(found)
        elif text := _text(el):
            blocks.append(Block(kind, text))


def _body_densest(page: Page, why: str = "trafilatura found no text") -> tuple[list[Block], list[Discarded]] | None:
    """The body read from the element whose own paragraphs hold the most text, when trafilatura found none
    (it drops a story that sits inside an element it takes for boilerplate: an aside, a footer, a box
    named "related", as an element left open above the article makes it) or is not installed; ``None`` when
    no element holds enough paragraph text to be an article. ``why`` says which, in the warning."""
    text_by_parent: dict[etree._Element, int] = {}
    for p in page.root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            text_by_parent[parent] = text_by_parent.get(parent, 0) + len(_text(p))
    if not text_by_parent:
        return None
    container = max(text_by_parent, key=text_by_parent.__getitem__)
    if text_by_parent[container] < _MIN_MARKED_TEXT:
        return None
    _strip_code(container)
    blocks: list[Block] = []
    discarded: list[Discarded] = []
    # from its first paragraph on: what stands before it (headline, byline and date, lead photo) is the
    # article's header, read from its own sources
    first = next(i for i, child in enumerate(container) if child.tag == "p")
    _read_marked(page, container, blocks, discarded, first)
    if sum(1 for b in blocks if b.kind == "paragraph") < 2:
        return None  # one paragraph (a cookie notice, a teaser) is no story
    page.warn("body", "fallback", f"{why}: read from the element holding the most paragraph text")
    return blocks, discarded


_EMBED = re.compile(rb"<embed[\s/>]", re.IGNORECASE)


def _body_trafilatura(page: Page) -> tuple[list[Block], list[Discarded]]:
    """The body as trafilatura reads it, and the tables in it (discarded ``other`` blocks, a line per row)."""
    try:
        import trafilatura
    except ImportError as e:  # not installed, or installed without what it imports (lxml_html_clean)
        why = "" if e.name == "trafilatura" else f" (trafilatura is installed but did not import: {e})"
        raise ExtraRequiredError(
            "generic", "reading the body of a page from a site jnparse has no module for" + why
        ) from None
    # trafilatura cleans the tree it is given in place: hand it the bytes, never the page's tree
    source = page.source
    if source is None or _EMBED.search(source) is not None:
        # (an <embed> with no end tag, as HTML allows, holds the rest of the story in lxml's tree, and trafilatura
        # drops it whole: it is given the page's tree, where the parse gave the embed's hold back to its parent)
        source = etree.tostring(page.root, encoding="utf-8")
    try:
        xml = trafilatura.extract(
            source, url=page.url, output_format="xml", include_comments=False, include_tables=True,
            favor_precision=True, with_metadata=False, fast=True,
        )
    except Exception as e:  # a bug inside the third-party extractor must not escape
        page.warn("body", "extractor-failed", f"trafilatura raised {type(e).__name__}: {str(e)[:100]}")
        return [], []
    if not xml:
        return [], []
    try:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return [Block("paragraph", p) for p in (squash(x) for x in xml.splitlines()) if p], []
    mark_line_breaks(doc, "lb")  # its <lb/>: the page's <br>
    out: list[Block] = []
    tables: list[Discarded] = []
    main = doc.find("main")
    for el in (main if main is not None else doc).iter("p", "head", "item", "quote", "table"):
        if el.tag == "table":
            # a table of data is kept out of the body, whole; one that lays out paragraphs is read through them
            if _of_data(el):
                tables.append(Discarded(kind="other", text=_rows_text(el) or None))
            continue
        # a quote holding paragraphs is read through them, and so is a list item holding paragraphs or a list (its
        # own text a paragraph); nothing of a table of data
        if el.tag == "quote" and el.find(".//p") is not None:
            continue
        if any(a.tag == "table" and _of_data(a) for a in el.iterancestors()):
            continue
        holds = el.tag == "item" and (el.find(".//item") is not None or el.find(".//p") is not None)
        text = _item_text(el) if holds else text_of(el)
        if text:
            out.append(Block("subhead" if el.tag == "head" else "paragraph", text))
    return out, tables


def _item_text(item: etree._Element) -> str:
    """The own text of a list item of trafilatura's XML that holds a list or paragraphs: without them, each read after
    it ("Otters", then "Sea otters" and "River otters"; not "OttersSea ottersRiver otters" and then each again)."""
    parts = [item.text or ""]
    for child in item:
        if child.tag not in ("list", "p") and child.find(".//p") is None and child.find(".//item") is None:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return squash("".join(parts))


def _of_data(table: etree._Element) -> bool:
    """Whether a table of trafilatura's XML holds data, not paragraphs or headings (a page laid out in a table)."""
    return table.find(".//p") is None and table.find(".//head") is None


def _rows_text(table: etree._Element) -> str:
    """A table of trafilatura's XML (``<row>``s of ``<cell>``s) as :func:`table_text` writes one."""
    rows = ([c for c in (text_of(cell) for cell in row.iter("cell")) if c] for row in table.iter("row"))
    return "\n".join(" | ".join(cells) for cells in rows if cells)


def _after_story(blocks: list[Block]) -> tuple[list[Block], list[Discarded]]:
    """An extractor's body with what it read past the story's end set apart: from a line that opens the
    related stories, the comments or the tags on ("Related", "You may also like", "Tags: …"), as a
    discarded block of that kind. (A first paragraph that repeats the page's description stays: many sites'
    description is the story's lead.)"""
    for i, block in enumerate(blocks):
        if i == 0 or len(block.text) > 80 or COPYRIGHT_LINE.match(block.text):
            continue  # a closing credit or copyright line is read with its agency, further on
        kind = next((kind for pattern, kind in _AFTER_STORY if pattern.search(block.text)), None)
        if kind is not None:
            rest = [b.text for b in blocks[i + 1 :]]
            return blocks[:i], [Discarded(kind=kind, heading=block.text, items=tuple(Item(title=t) for t in rest),
                                          text="\n".join([block.text, *rest]))]
    return blocks, []


def _is_date_line(text: str) -> bool:
    """A short line that is a date and nothing else ("2024/09/18-16:05", "June 2, 2024 7:30 pm")."""
    if len(text) > 40 or not any(c.isdigit() for c in text) or len(text.split()) > 6:
        return False
    try:
        return parse_jst(text) is not None
    except NeedsReference:
        return True


def _trim_body(page: Page, blocks: list[Block], title: str | None, byline: Byline | None
               ) -> tuple[list[Block], Byline | None, str | None]:
    """Drop the headline, a printed byline and a printed date that the extractor left at the top."""
    date_text = None
    while blocks:
        text = blocks[0].text
        if title and squash(text) == squash(title):
            blocks.pop(0)
        elif BY_LINE.match(text) and len(text) < 150 and (parsed := parse_byline(text)) is not None:
            if byline is None:
                byline = parsed
            elif not parsed.authors or list(parsed.authors) != list(byline.authors):
                break
            blocks.pop(0)
        elif len(text) <= 80 and (_UPDATED_LINE.match(text) or _JST_TEXT.fullmatch(text) or _is_date_line(text)):
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
        ("h1", lambda: text_of(next(root.iter("h1"), None)) or None),
        ("<title>", lambda: strip_suffix(t, suffixes) if (t := page.head.title) else None),
    )
    visible, date_text = _visible_time(page)
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time", "date",
                                                                         "dc.date.issued", "pubdate"))),
        ("<time datePublished>", lambda: _date(page, _published_attr(page))),
        ("<time> in the article", lambda: _time_of(page, _TIME_ARTICLE(root))),
        ("visible JST time", lambda: visible),
        ("<time>", lambda: _time_of(page, _TIME_ANY(root))),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _update(page, published, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _update(page, published, page.meta_value("article:modified_time"))),
        ("itemprop=dateModified", lambda: _update(page, published, _microdata(page, "dateModified"))),
        required=False,
    )
    marked = _body_marked(page)
    discarded: list[Discarded] = []
    if marked is not None:
        blocks, discarded = marked
    else:
        try:
            read, tables = _body_trafilatura(page)
            blocks, discarded = _after_story(read)
            discarded = [*tables, *discarded]
        except ExtraRequiredError:
            # trafilatura is not installed: the element holding the most paragraph text, when one holds a
            # story's worth; the error (naming the extra) only when none does
            densest = _body_densest(page, "trafilatura is not installed (pip install 'jnparse[generic]')")
            if densest is None:
                raise
            blocks, discarded = densest
        else:
            if not blocks and (densest := _body_densest(page)) is not None:
                blocks, discarded = densest
    blocks, byline, printed_date = _trim_body(page, blocks, title, _byline(page))
    if published is None and printed_date is not None:
        published = _date(page, printed_date)
        if published is not None:
            page.notices[:] = [n for n in page.notices if (n.field, n.code) != ("published", "missing")]
            page.warn("published", "fallback", "read from a date line at the top of the story")
    dateline = None
    if blocks and blocks[0].kind == "paragraph":
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    agency = dateline.agency if dateline else None
    # a closing credit line ("© KYODO", "(AP)") names the agency and is not body text
    if blocks and len(blocks[-1].text) <= 40 and (credit := canonical_agency(blocks[-1].text)):
        discarded.append(Discarded(kind="credit", text=blocks.pop().text))
        agency = agency or credit
    # the site's copyright line, taken into the story by an extractor that read into the footer
    while blocks and len(blocks[-1].text) <= 200 and COPYRIGHT_LINE.match(blocks[-1].text):
        discarded.append(Discarded(kind="other", text=blocks.pop().text))
    if agency is None:
        agency = _agency_of_author(page)
    if not blocks:
        page.warn("body", "missing", "the generic extractor found no article text")
    # a paywall's prompt or an ad's label that the body's extractor took for text (trafilatura knows no site's
    # markup for them): out of the body, kept as discarded blocks
    return without_prompts(Article(
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
    ))


#: "5 min read", "3-minute read": a reading time printed beside the byline
_READ_TIME = re.compile(r"^\d{1,3}[\s-]*min(?:ute)?s?\.?\s+read$", re.IGNORECASE)
_DATE_WORD = re.compile(r"^(?:(?P<updated>Updated|Last updated|Modified)|Published|Posted)(?: on)?:?\s+", re.IGNORECASE)
#: A line that opens what follows the story on a page's copy: tags, the author box's links, related
#: stories, comments, the footer; by the discarded kind of what it opens.
_AFTER_STORY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:Related(?: (?:posts|articles|stories|news|content))?|You (?:may|might) also like|"
                r"More (?:articles|stories|posts|news)(?: (?:by|from)\b.*)?|Recommended(?: for you)?|"
                r"(?:Recent|Latest) (?:posts|articles|stories|news)|Read (?:more|next)|Trending(?: now)?|"
                r"Popular(?: (?:posts|articles|stories))?|Most (?:read|popular))\s*:?$", re.IGNORECASE), "related"),
    (re.compile(r"^(?:\d+\s+)?(?:Comments?|Leave a (?:comment|reply)|Join the conversation)\s*:?$", re.IGNORECASE),
     "comments"),
    (re.compile(r"^(?:Topics|Tags|Filed under|Categories|Category)\s*:|^(?:©|Copyright\b)", re.IGNORECASE), "other"),
)
#: A line of page furniture that stands between paragraphs of the story (a share bar, an ad slot's label).
_IN_STORY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:Share(?: this(?: article| story| post)?)?:?|Share on \w.{0,40}|Tweet|Print|E-?mail)$",
                re.IGNORECASE), "share"),
    (re.compile(r"^(?:Advertisement|Sponsored|Ad|PR)$", re.IGNORECASE), "ad"),
)
_CLOCK = re.compile(r"\d:\d\d")
#: how far into a copy its header (menus, section, headline, standfirst, byline and date) may reach
_HEADER_LINES = 80


def _header_line(line: str, copy: TextCopy, notices: list[Notice]) -> tuple[str, Any] | None:
    """What a line of the byline-and-date cluster under a headline gives: ``("byline", Byline)``,
    ``("date", datetime)``, ``("updated", datetime)``, ``("read-time", None)``; ``None`` for any other line."""
    if len(line) <= 120 and BY_LINE.match(line):
        byline = parse_byline(line)
        if byline is not None and byline.authors:
            return "byline", byline
    if len(line) > 80:
        return None
    if _READ_TIME.match(line):
        return "read-time", None
    word = _DATE_WORD.match(line)
    what = "updated" if word is not None and word.group("updated") else "date"
    try:
        value = parse_jst(line[word.end():] if word is not None else line, reference=copy.reference)
    except NeedsReference:
        notice = Notice("published", "relative-time", f"{line!r} needs fetched=")
        if notice not in notices:
            notices.append(notice)
        return None
    return (what, value) if value is not None else None


def _is_headline(line: str) -> bool:
    return not is_bullet(line) and 2 <= len(line.split()) <= 30 and not line.endswith((".", ",", ";", ":"))


def _is_standfirst(line: str) -> bool:
    return len(line.split()) >= 6 and line.endswith((".", "!", "?", "…"))


def _story_end(lines: Sequence[str], start: int, authors: tuple[str, ...]) -> tuple[int, str]:
    """Where the story told from ``lines[start]`` on ends (the first line of what follows it: tags, an
    author box naming the writer alone, related stories, comments, the footer), and the kind of that."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line in authors:
            return i, "other"
        for pattern, kind in _AFTER_STORY:
            if pattern.search(line):
                return i, kind
    return len(lines), "other"


class _CopyParts(NamedTuple):
    title: str | None
    description: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    date_text: str | None
    byline: Byline | None
    body: list[str]
    discarded: list[Discarded]


def _whole_page_copy(copy: TextCopy, notices: list[Notice]) -> _CopyParts | None:
    """A copy read as a whole page's: its header ends at the first byline or date line near its top, with
    the headline right above it (a standfirst between them) or right under a date printed above it; the
    story runs from there to the first line that opens what follows it. ``None`` when the copy is not
    laid out so."""
    lines = copy.lines
    anchor = next((i for i, line in enumerate(lines[:_HEADER_LINES]) if _header_line(line, copy, notices)), None)
    if anchor is None:
        return None
    byline: Byline | None = None
    published = updated = None
    date_text = None
    shown: list[str] = []  # the cluster's other lines: an "Updated" time, a reading time, a second date

    def cluster(i: int) -> int:
        """Read the byline-and-date lines from ``lines[i]`` on; the index after them."""
        nonlocal byline, published, updated, date_text
        while i < len(lines) and (found := _header_line(lines[i], copy, notices)) is not None:
            what, value = found
            if what == "byline" and byline is None:
                byline = value
            elif what == "date" and published is None:
                published, date_text = value, lines[i]
            else:
                if what == "updated" and updated is None:
                    updated = value
                shown.append(lines[i])
            i += 1
        return i

    start = cluster(anchor)
    top = anchor
    title = description = None
    if top > 1 and _is_standfirst(lines[top - 1]) and _is_headline(lines[top - 2]):
        description = lines[top - 1]
        top -= 1
    if top > 0 and _is_headline(lines[top - 1]):
        title = lines[top - 1]
        top -= 1
    elif top == 0 and len(lines) > start + 1 and _is_headline(lines[start]) \
            and not SENTENCE_END.search(lines[start]) and split_dateline(lines[start])[0] is None:
        # the date printed above the headline: the headline, then maybe the byline under it
        title = lines[start]
        start = cluster(start + 1)
    if title is None:
        return None
    discarded: list[Discarded] = []
    if top > 0:
        discarded.append(Discarded(kind="navigation", text="\n".join(lines[:top])))
    if shown:
        discarded.append(Discarded(kind="other", text="\n".join(shown)))
    end, end_kind = _story_end(lines, start, byline.authors if byline else ())
    body: list[str] = []
    for line in lines[start:end]:
        furniture = next((kind for pattern, kind in _IN_STORY if pattern.match(line)), None)
        if furniture is not None:
            discarded.append(Discarded(kind=furniture, text=line))
        elif (item := list_item(line)) is not None:  # a list's item: its text, as a page's <li> gives it
            if item:
                body.append(item)
        else:
            body.append(line)
    if end < len(lines):
        discarded.append(Discarded(kind=end_kind, heading=lines[end], text="\n".join(lines[end:])))
    if date_text is not None and not _CLOCK.search(date_text):
        notices.append(Notice("published", "low-confidence", f"printed date {date_text!r} has no time of day"))
    return _CopyParts(title, description, published, updated, date_text, byline, body, discarded)


def _plain_copy(copy: TextCopy, notices: list[Notice]) -> _CopyParts:
    """A short copy: a headline line (when the first line reads as one), a date line and a byline line
    among its first lines, and paragraphs."""
    lines = list(copy.lines)
    published = date_text = byline = title = None
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
        if BY_LINE.match(line) and len(line) < 120:
            byline = parse_byline(lines.pop(i))
            break
    if len(lines) >= 2 and len(lines[0].split()) <= 25 and not SENTENCE_END.search(lines[0]) \
            and split_dateline(lines[0])[0] is None:
        title = lines.pop(0)
    return _CopyParts(title, None, published, None, date_text, byline, lines, [])


def parse_text_generic(copy: TextCopy, *, site_id: str = "generic") -> Article:
    """A text copy from an unknown site.

    A copy of a whole page is read as pages print a story: menus, a section label, the headline, a
    standfirst, then the byline, the date and a reading time; the story; then tags, an author box,
    related stories and the footer (see :func:`_whole_page_copy`). What comes before the headline and
    after the story is kept as discarded blocks. Any other copy is a headline (when its first line reads
    as one), a date line and a byline line among its first lines, and paragraphs."""
    notices = [Notice("site", "generic", "no site module claimed the text; read with the generic fallback")]
    tried: list[Notice] = []
    parts = _whole_page_copy(copy, tried)
    if parts is None:
        parts = _plain_copy(copy, notices)
    else:
        notices.extend(tried)
    if parts.title is None:
        notices.append(Notice("title", "missing", "no headline line"))
    if parts.published is None:
        notices.append(Notice("published", "missing", "no date line"))
    body_lines = parts.body
    blocks = [Block("paragraph", ln) for ln in body_lines]
    dateline = None
    if blocks:
        dateline, rest = split_dateline(blocks[0].text)
        if dateline:
            blocks[0] = Block("paragraph", rest.strip())
    return Article(
        site=site_id,
        url=copy.url,
        title=parts.title,
        published=parts.published,
        updated=parts.updated,
        byline=parts.byline,
        dateline=dateline,
        agency=dateline.agency if dateline else None,
        body=blocks,
        discarded=parts.discarded,
        description=parts.description,
        date_text=parts.date_text,
        layout="generic/text",
        warnings=notices,
    )
