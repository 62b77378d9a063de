"""The Japan Times — www.japantimes.co.jp.

Two page designs, newest first:

* ``current`` (mid-2023 onwards, facts MED: scrapers' selectors, no real page seen). JSON-LD
  ``NewsArticle`` (maybe inside ``@graph``; ``author`` an object or a list), ``h1.title-article``,
  ``div.jt-article-details`` holding ``div.byline`` (``span.credit`` = the wire agency),
  ``div.publish-date`` ("Dec 15, 2023") and ``div.article-body``. Subscriber stories are not in the
  page: a preview and a subscribe box are; the body comes from a separate article-content JSON
  (``{"articleBody": "<div class='article-body'>…</div>", "displayFullText": …}``) that the caller may
  pass as ``parse(html, body=...)``.
* ``wp2013`` (≈2013 – mid-2023, facts HIGH and a real page): the WordPress theme ``jt_theme``.
  ``h3.single-post-categories`` ("National / Crime & Legal"), ``header hgroup h1``, ``p.credit``
  ("JIJI"), ``h5.writer``, ``li.post_time time[datetime]``, body ``#jtarticle > p`` with the
  dateline in ``span.dateline``. The HTML parser closes a ``<p>`` before a nested ``<div>``, so the
  in-body "RELATED STORIES" box and ad slots are siblings of the paragraphs.

Wire stories carry the agency as a credit above the body and a plain "CITY – " dateline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable

from lxml import etree

from .._text import box_text, squash, strip_suffix, table_text, text_of
from ..agencies import canonical_agency
from ..bylines import BY_LINE, is_person_name, parse_byline, readable_name
from ..dates import NeedsReference, parse_date_only, parse_jst
from ..errors import NotAnArticleError, WholePageNeeded
from ..loading import parse_fragment
from ..model import Article, Block, BlockKind, Byline, Dateline, Discarded, Image, Item, Notice
from ..page import Page, elements, first, xpath
from ..structured import ld_names, ld_text, strip_tags
from ..textcopy import SENTENCE_END, SHARE_NETWORKS, TextCopy, is_subhead_line
from .base import (
    APART,
    INLINE_TAGS,
    NOT_TEXT_TAGS,
    SETS_APART,
    STORY_BLOCKS,
    STORY_WRAPPERS,
    Layout,
    Site,
    TailCut,
    box_block,
    box_kind,
    cut_dateline,
    discard,
    figure_image,
    find_bytes,
    fullest,
    has_class,
    holds_blocks,
    image,
    img_url,
    is_link_menu,
    is_photo_figure,
    is_share_box,
    lays_out,
    phrasing_box,
)

SITE_ID = "japantimes"
NAMES = ("The Japan Times", "Japan Times", "japantimes.co.jp")

# -- selectors, compiled once ------------------------------------------------------------------------
# The page's containers are found in one pass over its elements (filtered by tag in C, see _scan);
# XPath runs only inside them. A // XPath over the whole tree costs as much as that pass, each time.
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"

# current design
CUR_BODY = xpath(f"//div[{_HAS.format('article-body')}]")  # the separately delivered body document
CUR_CREDIT = xpath(f".//span[{_HAS.format('credit')}]")
CUR_AUTHOR_LINKS = xpath(".//a[contains(@href, '/author/')]")
CUR_SECTION_LINKS = xpath(f"//*[{_HAS.format('article-section')}]//a")

# 2013-2023 WordPress design
OLD_DATELINE = xpath(f"./p[1]//span[{_HAS.format('dateline')}]")

# both designs
UNABLE = xpath("//*[normalize-space(text())='Unable to view this article?']")
_UNABLE_BYTES = re.compile(rb"Unable\s+to\s+view")
_LOWER_CXENSPAR = str.maketrans("CXENSPAR", "cxenspar")  # as XPath translate() in the meta lookup
_HEADINGS = ("h1", "h2", "h3", "h4", "h5")

# blocks outside the body container (the walker sees those inside it): div ids, div class parts
# (substrings, as XPath contains()), ul class part and id
_OUTSIDE_IDS = frozenset({"no_js_blocker", "disqus_thread", "piano-recommend", "tpModal"})
_OUTSIDE_CLASS = re.compile(
    "OUTBRAIN|article_footer_ad|jt-related-stories|jtarticle_related|newsletter-signup|note-to-commenters"
    "|note-to-non-commenters|subscribe|single-sns-area|jt-share"
)


class _Parts:
    """What one pass over the page finds (see :func:`_scan`); every "first" is in document order."""

    __slots__ = (
        "articles", "cur_body", "cur_byline", "cur_details", "cur_publish", "cur_time", "cur_title", "first_h1",
        "fresco", "jtarticle", "keywords", "main", "old_credit", "old_sections", "old_time", "old_title", "old_writer",
        "outside", "sidebar",
    )

    def __init__(self) -> None:
        self.cur_details: etree._Element | None = None  # div.jt-article-details
        self.cur_title: etree._Element | None = None  # h1.title-article
        self.cur_body: etree._Element | None = None  # div.article-body
        self.cur_byline: etree._Element | None = None  # div.byline
        self.cur_publish: etree._Element | None = None  # div.publish-date
        self.cur_time: str | None = None  # time[@datetime] inside a div whose class contains jt-article-details
        self.jtarticle: etree._Element | None = None  # div#jtarticle
        self.main: etree._Element | None = None  # article[@role='main']
        self.old_title: etree._Element | None = None  # header hgroup h1, div.main header h1
        self.old_sections: list[etree._Element] = []  # h3.single-post-categories
        self.old_credit: etree._Element | None = None  # p.credit inside a header or an article
        self.old_writer: etree._Element | None = None  # h5.writer
        self.old_time: etree._Element | None = None  # time inside li.post_time
        self.articles: list[etree._Element] = []
        self.fresco: list[etree._Element] = []  # a.fresco[@data-fresco-caption or @href]
        self.keywords: list[etree._Element] = []  # a[@rel='tag'] inside an article
        self.outside: list[etree._Element] = []  # candidate boxes kept out of the body
        self.sidebar: list[etree._Element] = []  # div.bl_sideDiv inside aside.sidebar
        self.first_h1: etree._Element | None = None


def _has_ancestor(el: etree._Element, tag: str, word: str) -> bool:
    return any(word in (a.get("class") or "").split() for a in el.iterancestors(tag))


def _climb(el: etree._Element, memo: dict[etree._Element, bool], test: Callable[[etree._Element], bool]) -> bool:
    """Whether an element above ``el`` passes ``test``. ``memo`` holds, for the elements climbed
    through before, whether they or an element above them pass: siblings share their climb (an
    ancestor iterator filtered by tag costs more than a few steps up)."""
    path: list[etree._Element] = []
    node = el.getparent()
    found = False
    while node is not None:
        known = memo.get(node)
        if known is not None:
            found = known
            break
        if test(node):
            found = memo[node] = True
            break
        path.append(node)
        node = node.getparent()
    for passed in path:
        memo[passed] = found
    return found


def _is_sidebar(el: etree._Element) -> bool:
    return el.tag == "aside" and "sidebar" in (el.get(b"class") or "").split()


def _is_article_el(el: etree._Element) -> bool:
    return el.tag == "article"


def _old_title_at(h1: etree._Element) -> bool:
    """``//header//hgroup//h1 | //div[@class='main']//header//h1``, read upwards from the h1."""
    hgroup = header = False
    for anc in h1.iterancestors("hgroup", "header", "div"):
        tag = anc.tag
        if tag == "hgroup":
            hgroup = True
        elif tag == "header":
            if hgroup:
                return True
            header = True
        elif header and anc.get("class") == "main":
            return True
    return False


#: what a div's class attribute says, for _scan, as bits (0: none of them): an outside box by class,
#: jt-article-details, article-body, byline, publish-date, bl_sideDiv. Pages repeat their class
#: attributes, and a dict look-up is ~10x cheaper than the regex search and the split.
_OUT, _DETAILS, _BODY, _BYLINE, _PUBLISH, _SIDE = 1, 2, 4, 8, 16, 32
_DIV_CLASSES: dict[str, int] = {}


def _div_class(cls: str) -> int:
    words = cls.split()
    found = ((_OUT if _OUTSIDE_CLASS.search(cls) is not None else 0)
             | (_DETAILS if "jt-article-details" in words else 0) | (_BODY if "article-body" in words else 0)
             | (_BYLINE if "byline" in words else 0) | (_PUBLISH if "publish-date" in words else 0)
             | (_SIDE if "bl_sideDiv" in words else 0))
    if len(_DIV_CLASSES) >= 4096:
        _DIV_CLASSES.clear()
    _DIV_CLASSES[cls] = found
    return found


def _scan(root: etree._Element) -> _Parts:
    parts = _Parts()
    outside = parts.outside
    div_classes = _DIV_CLASSES
    in_sidebar: dict[etree._Element, bool] = {}
    in_article: dict[etree._Element, bool] = {}
    # most elements are divs and links with nothing to say: the branches test the common cases first.
    # Attribute names are bytes here and in the other per-element loops: lxml encodes a str name to
    # UTF-8 on every get(), a third of its cost.
    for el in root.iter("a", "div", "ul", "h1", "h3", "h5", "p", "time", "article"):
        tag = el.tag
        if tag == "div":
            cls = el.get(b"class")
            ident = el.get(b"id")
            by_id = False
            if ident is not None:
                if ident == "jtarticle" and parts.jtarticle is None:
                    parts.jtarticle = el
                by_id = ident in _OUTSIDE_IDS or ident.startswith("taboola-")
            if not cls:
                if by_id:
                    outside.append(el)
                continue
            found = div_classes.get(cls)
            if found is None:
                found = _div_class(cls)
            if not found:
                if by_id:
                    outside.append(el)
                continue
            if found & _OUT or by_id:
                outside.append(el)
            if found & _DETAILS and parts.cur_details is None:
                parts.cur_details = el
            elif found & _BODY and parts.cur_body is None:
                parts.cur_body = el
            elif found & _BYLINE and parts.cur_byline is None:
                parts.cur_byline = el
            elif found & _PUBLISH and parts.cur_publish is None:
                parts.cur_publish = el
            if found & _SIDE and _climb(el, in_sidebar, _is_sidebar):
                parts.sidebar.append(el)
        elif tag == "a":
            cls = el.get(b"class")
            if cls and "fresco" in cls and "fresco" in cls.split() and (
                    el.get(b"data-fresco-caption") is not None or el.get(b"href") is not None):
                parts.fresco.append(el)
            if el.get(b"rel") == "tag" and _climb(el, in_article, _is_article_el):
                parts.keywords.append(el)
        elif tag == "p":
            if parts.old_credit is None:
                cls = el.get("class")
                if cls and "credit" in cls and "credit" in cls.split() \
                        and next(el.iterancestors("header", "article"), None) is not None:
                    parts.old_credit = el
        elif tag == "ul":
            cls = el.get(b"class")
            if (cls and "single-sns-area" in cls) or el.get(b"id") == "content_footer_menu":
                outside.append(el)
        elif tag == "time":
            if parts.old_time is None and _has_ancestor(el, "li", "post_time"):
                parts.old_time = el
            if parts.cur_time is None:
                when = el.get("datetime")
                if when is not None and any(
                        "jt-article-details" in (d.get("class") or "") for d in el.iterancestors("div")):
                    parts.cur_time = when
        elif tag == "h1":
            if parts.first_h1 is None:
                parts.first_h1 = el
            cls = el.get("class")
            if parts.cur_title is None and cls and "title-article" in cls.split():
                parts.cur_title = el
            if parts.old_title is None and _old_title_at(el):
                parts.old_title = el
        elif tag == "h3":
            cls = el.get("class")
            if cls and "single-post-categories" in cls.split():
                parts.old_sections.append(el)
        elif tag == "h5":
            if parts.old_writer is None:
                cls = el.get("class")
                if cls and "writer" in cls.split():
                    parts.old_writer = el
        else:  # article
            parts.articles.append(el)
            if parts.main is None and el.get("role") == "main":
                parts.main = el
    return parts


def _parts(page: Page) -> _Parts:
    """The page's parts from one pass, computed once per page (shared by matches() and extract())."""
    found = page.memo.get(__name__)
    if not isinstance(found, _Parts):
        found = _scan(page.root)
        page.memo[__name__] = found
    return found


#: Class tokens and ids of blocks kept out of the body, and their kind.
CLASS_KINDS: dict[str, str] = {
    "jt_content_ad": "ad", "DisplayAd": "ad", "article_footer_ad": "ad", "teads-adCall": "ad",
    "content-related-stories": "related", "jtarticle_related": "related", "jt-related-stories": "related",
    "single-sns-area": "share", "jt-share": "share",
    "basic-footer-menu": "navigation",
    "join-the-conversation": "comments", "note-to-commenters": "comments", "note-to-non-commenters": "comments",
    "with-take5": "promo", "coronavirus-banner": "promo", "OUTBRAIN": "promo",
    "newsletter-signup": "newsletter", "jt-subscribe-box": "subscribe", "post-keywords": "other",
}
ID_KINDS: dict[str, str] = {
    "disqus_thread": "comments", "content_footer_menu": "navigation", "piano-recommend": "promo",
    "tpModal": "subscribe", "no_js_blocker": "other",
}
_LIST_KINDS = frozenset({"related", "navigation", "read-more", "popular", "latest"})

#: Boilerplate paragraphs (exact texts from the facts): (pattern, kind of block, group). Consecutive
#: lines of one group make one discarded block.
UNABLE_TEXT = "Unable to view this article?"
BOILERPLATE: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^Advertisement$", re.IGNORECASE), "ad", "ad"),
    (re.compile(r"^Listen to this article$", re.IGNORECASE), "other", "audio"),
    (re.compile(r"^\(\d{1,3} min\)$"), "other", "audio"),
    (re.compile(r"^In a time of both misinformation and too much information"), "subscribe", "subscribe"),
    (re.compile(r"^By subscribing, you can help us get the story right\.?$"), "subscribe", "subscribe"),
    (re.compile(r"^SUBSCRIBE NOW$", re.IGNORECASE), "subscribe", "subscribe"),
    (re.compile(r"^Unable to view this article\?$"), "subscribe", "unable"),
    (re.compile(r"^This could be due to a conflict with your ad-blocking"), "subscribe", "unable"),
    (re.compile(r"^Please add japantimes\.co\.jp and piano\.io"), "subscribe", "unable"),
    (re.compile(r"^If this does not resolve the issue or you are unable to add the domains"), "subscribe", "unable"),
    (re.compile(r"^We humbly apologize for the inconvenience\.?$"), "subscribe", "unable"),
    (re.compile(r"^Your subscription plan doesn.t allow commenting"), "comments", "comments"),
    (re.compile(r"^With your current subscription plan you can comment on stories\."), "comments", "comments"),
    (re.compile(r"^PHOTO GALLERY \(CLICK TO ENLARGE\)$", re.IGNORECASE), "other", "gallery"),
)


#: BOILERPLATE as one pattern (every one is anchored at the start): alternative ``b<i>`` is pattern i.
_BOILER_RX = re.compile("|".join(
    f"(?P<b{i}>{'(?i:' if rx.flags & re.IGNORECASE else '(?:'}{rx.pattern}))"
    for i, (rx, _, _) in enumerate(BOILERPLATE)
))
_BOILER_KINDS = {f"b{i}": (kind, group) for i, (_, kind, group) in enumerate(BOILERPLATE)}


def _boilerplate(text: str) -> tuple[str, str] | None:
    """(kind, group) of a boilerplate line, or ``None`` for a line of the story."""
    m = _BOILER_RX.match(text)
    return _BOILER_KINDS[m.lastgroup] if m is not None and m.lastgroup is not None else None


# -- helpers -----------------------------------------------------------------------------------------

# Costs that shape the helpers below (lxml 6, CPython 3.11): an iterator filtered by tag names builds
# a matcher per call, ~3-5 us for a few names, while reading a child list (``el[:]``) or ``el.tag`` is
# ~0.3 us. A small subtree (a box of a few elements) is cheaper to look through in Python; a bigger
# one with lxml's iterators.
_SKIPPED = ("script", "style", "noscript", "template")  # what text_of leaves out
_SKIPPED_SET = frozenset(_SKIPPED)
_HEADING_SET = frozenset(_HEADINGS)
_FEW_CHILDREN = 3  # an element with more children goes to lxml's iterators at once
_SMALL = 6  # elements looked at in Python before handing over to lxml's iterators


def _first_under(el: etree._Element, tags: tuple[str, ...], tag_set: frozenset[str]) -> etree._Element | None:
    """``next(el.iterdescendants(*tags), None)``: a small subtree is looked through in Python (cheaper than
    starting lxml's iterator), anything larger by the iterator."""
    if len(el) <= _FEW_CHILDREN:
        todo = el[::-1]  # children, the next to look at last
        for _ in range(_SMALL):
            if not todo:
                return None
            node = todo.pop()
            if node.tag in tag_set:
                return node
            if len(node):
                todo += node[::-1]
    return next(el.iterdescendants(*tags), None)


def _first_heading(el: etree._Element) -> etree._Element | None:
    """The first h1-h5 under ``el``, in document order."""
    return _first_under(el, _HEADINGS, _HEADING_SET)


def _has_skipped(el: etree._Element) -> bool:
    """A script, style, noscript or template under ``el``."""
    return _first_under(el, _SKIPPED, _SKIPPED_SET) is not None


def _text(el: etree._Element) -> str:
    """``text_of(el)``, the same string, with its common cases inline: a leaf's text, a subtree
    without scripts serialised in C, and a box holding only scripts (an ad slot)."""
    if len(el) == 0:
        return squash(el.text)
    if not _has_skipped(el):
        return squash(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
    kids = el[:]
    if all(isinstance(k.tag, str) and k.tag in _SKIPPED_SET for k in kids):
        return squash("".join([el.text or "", *(k.tail or "" for k in kids)]))
    return text_of(el)


def _run_text(el: etree._Element) -> str:
    """The text of phrasing markup in a run of bare text as written, white space at its ends kept: the run is
    squashed whole ("Read <em>this </em>now" is "Read this now", not "Read thisnow")."""
    if len(el) == 0:
        return el.text or ""
    if not _has_skipped(el):
        return etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    return "".join(_texts_without(el, None))


def _discarded(kind: str, heading: str | None, items: Iterable[Item] = (), text: str | None = None) -> Discarded:
    """``discard()`` for a heading and a text that are already squashed (what _text gives)."""
    return Discarded(kind=kind, heading=heading or None, items=tuple(items), text=text or None)


def _absolute(page: Page, href: str | None) -> str | None:
    """``page.absolute(href)``, the same string. A scheme-relative link (the share buttons') is given
    the page's scheme in place: ``urljoin`` (~10 us a link) parses and rebuilds such a link unchanged
    unless it has an empty query or fragment, path parameters (";"), brackets (an IPv6 host,
    checked), white space (stripped) or other than printable ASCII."""
    if href is None:
        return None
    if href.startswith(("https://", "http://")) and not href[-1].isspace() and "/web/" not in href \
            and "/o/" not in href and href.isascii() and href.isprintable() and " " not in href:
        return href  # what page.absolute gives an absolute link (most are), without its strip() or encoding
    if href.startswith("//") and len(href) > 2 and href[2] not in "/?#" \
            and href.isascii() and href.isprintable() and " " not in href and ";" not in href \
            and "[" not in href and "]" not in href and not href.endswith(("?", "#")) and "?#" not in href:
        base = page.url
        if base:  # an absolute http(s) address (Page.url checks it)
            return base[: base.index(":") + 1] + href
    return page.absolute(href)


def _classes(el: etree._Element) -> list[str]:
    return (el.get(b"class") or "").split()


def _kind_of(el: etree._Element, classes: list[str] | None = None) -> str | None:
    """The kind of a block kept out of the body, from its class or id (``None``: not a known block)."""
    return _kind(_classes(el) if classes is None else classes, el.get(b"id"))


def _kind(classes: list[str], el_id: str | None) -> str | None:
    for c in classes:
        kind = CLASS_KINDS.get(c)
        if kind:
            return kind
        low = c.lower()
        if "subscribe" in low or "paywall" in low:
            return "subscribe"
    if not el_id:
        return None
    if el_id in ID_KINDS:
        return ID_KINDS[el_id]
    if el_id.startswith("div-gpt-ad"):
        return "ad"
    if el_id.startswith("taboola-"):
        return "promo"
    return None


def _side_block(page: Page, el: etree._Element, kind: str) -> Discarded:
    if kind == "share":  # no heading
        items = [Item(title=t, url=_absolute(page, a.get(b"href"))) for a in el.iterdescendants("a") if (t := _text(a))]
        return _discarded("share", None, items)
    heading_el = _first_heading(el) if len(el) else None
    heading = _text(heading_el) if heading_el is not None else None
    if kind in _LIST_KINDS:
        items = [Item(title=t, url=_absolute(page, href)) for a, href in _list_links(el) if (t := _text(a))]
        return _discarded(kind, heading, items)
    return _discarded(kind, heading, (), box_text(el, _text))


def _list_links(container: etree._Element) -> list[tuple[etree._Element, str | None]]:
    """``.//li//a[@href] | .//a[@rel='tag']``: the links of a list (and tag links), in document order,
    each with its href."""
    out: list[tuple[etree._Element, str | None]] = []
    for a in container.iterdescendants("a"):
        href = a.get(b"href")
        if href is not None:
            node = a.getparent()
            while node is not None and node is not container:
                if node.tag == "li":
                    out.append((a, href))
                    break
                node = node.getparent()
            else:
                if a.get(b"rel") == "tag":
                    out.append((a, href))
        elif a.get(b"rel") == "tag":
            out.append((a, href))
    return out


def _split_caption(text: str | None) -> tuple[str | None, str | None]:
    """``"caption | CREDIT"`` → (caption, credit); a caption without " | " has no credit."""
    t = squash(text)
    if not t:
        return None, None
    caption, sep, credit = t.rpartition(" | ")
    if sep and credit.strip():
        return caption.strip() or None, credit.strip()
    if t.startswith("| "):
        return None, t[2:].strip() or None
    return t, None


def _images(page: Page, links: list[etree._Element]) -> list[Image]:
    """Photos from the page's ``a.fresco`` links (the whole page's, in document order)."""
    out: list[Image] = []
    seen: set[str] = set()
    for a in links:
        url = page.absolute(a.get("href"))
        img = next(a.iterdescendants("img"), None)
        if url is None and img is not None:
            url = page.absolute(img.get("src") or img.get("data-src"))
        raw = a.get("data-fresco-caption")
        if raw is None and img is not None:
            raw = img.get("alt")
        caption, credit = _split_caption(raw)
        key = url or f"#{caption}"
        if key in seen:
            continue
        seen.add(key)
        out.append(image(url, caption, credit))
    return out


def _figure_images(page: Page, figures: list[etree._Element], found: list[Image]) -> list[Image]:
    """``found`` (the photos of the page's ``a.fresco`` links) and, after them, the photos of the story's figures
    that hold no such link (an editor's figure: its picture, its figcaption, else whatever text it holds, as its
    caption) that ``found`` does not list already."""
    if not figures:
        return found
    out = list(found)
    seen = {i.url for i in found if i.url}
    for fig in figures:
        if (url := img_url(page, next(fig.iter("img"), None))) is not None and url in seen:
            continue
        if (photo := figure_image(page, fig, _split_caption)) is not None:
            out.append(photo)
    return out


def _safe_date(page: Page, text: str | None) -> dt.datetime | None:
    try:
        return parse_jst(text, reference=page.reference)
    except NeedsReference:
        page.warn("published", "relative-time", f"{text!r} needs the fetch time")
        return None


def _date_only(page: Page, text: str | None) -> dt.datetime | None:
    if not text:
        return None
    value = parse_date_only(text) or _safe_date(page, text)
    if value is not None:
        page.warn("published", "low-confidence", f"printed date {text!r} has no time of day")
    return value


def _agency_of_credit(text: str | None) -> str | None:
    """``JIJI`` → Jiji Press; ``KYODO, AP`` → Kyodo (the first agency named)."""
    if not text:
        return None
    hit = canonical_agency(text)
    if hit:
        return hit
    for part in re.split(r"\s*(?:[,/;&]|\band\b)\s*", text):
        hit = canonical_agency(part)
        if hit:
            return hit
    return None


def _title_tag(page: Page) -> str | None:
    t = page.head.title
    return strip_suffix(t, NAMES) or None if t else None


def _og_title(page: Page) -> str | None:
    t = page.meta_value("og:title", "twitter:title")
    return strip_suffix(t, NAMES) or None if t else None


def _ld_title(page: Page) -> str | None:
    t = ld_text(page.ld("headline"))
    return strip_suffix(t, NAMES) or None if t else None


def _ld_section(page: Page) -> str | None:
    value = page.ld("articleSection")
    if isinstance(value, list) and value:
        value = value[-1]  # the most specific
    return ld_text(value)


def _last_text(els: Iterable[etree._Element]) -> str | None:
    texts = [t for t in (text_of(e) for e in els) if t]
    return texts[-1] if texts else None


# -- the body walk -------------------------------------------------------------------------------------

_SUBHEADS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # (below the headline, as base.STORY_BLOCKS reads them)
_SKIP_TAGS = NOT_TEXT_TAGS | {"img", "br", "hr"}
#: What a run of bare text goes on past (all but the rule, which a browser sets on a line of its own)
_IN_RUN_SKIPPED = _SKIP_TAGS - {"hr"}
#: What is no phrasing markup in a story: its text does not run on with the text around it. An element of no known
#: kind (a site's own "<kelp-word>") runs on, as a browser shows it, as the walk every other reader shares reads it.
_NOT_PHRASING = SETS_APART | APART | STORY_WRAPPERS | STORY_BLOCKS.keys() | {"figure", "picture"}


class _Body:
    """Blocks and discarded boxes, collected in reading order from a body container."""

    __slots__ = ("_group", "blocks", "discarded", "figures", "page", "unclassed")

    def __init__(self, page: Page, *, unclassed: bool = False) -> None:
        self.page = page
        self.unclassed = unclassed  # a copy whose classes are gone: boxes are told by what they hold
        self.blocks: list[Block] = []
        self.discarded: list[Discarded] = []
        #: the story's photo figures that hold no a.fresco link (which _images reads): read by _figure_images
        self.figures: list[etree._Element] = []
        self._group: str | None = None  # the boilerplate group the last discarded block belongs to

    def _boiler(self, kind: str, group: str, text: str) -> None:
        if self._group == group and self.discarded and text != UNABLE_TEXT:
            prev = self.discarded[-1]
            self.discarded[-1] = Discarded(kind=kind, heading=prev.heading, text=f"{prev.text}\n{text}")
            return
        heading = text if text == UNABLE_TEXT else None
        self.discarded.append(Discarded(kind=kind, heading=heading, text=text))
        self._group = group

    def walk(self, container: etree._Element, depth: int = 0) -> None:
        """Read the blocks and boxes of ``container``; the bare text standing between them (with the phrasing
        markup in it, a link, an emphasis) is a paragraph of its own, never dropped. Phrasing markup that holds a
        block ("Seals <span>nap <div>in kelp</div> well</span>") is read in the run's place: its own text runs on
        with the text before it, its block is a block."""
        run: list[str] = []
        linked = True  # the run so far is links' text alone
        text = container.text
        if text and not text.isspace():
            run.append(text)
            linked = False
        # the container's children still to read, and the texts and children of phrasing markup read in its place;
        # ``inside``: how many of those are read so (what phrasing markup holding a block holds is read in its place
        # without a look for a block of its own: a look at each of a thousand nested spans would read them all again)
        todo: list[etree._Element | str | None] = list(container)
        todo.reverse()
        inside = 0
        while todo:
            el = todo.pop()
            if el is None:  # (the end of phrasing markup read in its place)
                inside -= 1
                continue
            if isinstance(el, str):
                if run or not el.isspace():
                    run.append(el)
                    linked = linked and el.isspace()
                continue
            tag = el.tag
            if tag in _IN_RUN_SKIPPED:
                pass  # (code, an embed, a picture, a line break: no text of its own, and the run goes on past it)
            # (phrasing markup that is a box of its own, a "social-title" span between paragraphs: _child keeps it out)
            elif isinstance(tag, str) and (tag in INLINE_TAGS or tag not in _NOT_PHRASING) and tag not in _SKIP_TAGS \
                    and not phrasing_box(el, bool(run)):
                if len(el) and (inside or _holds_a_block(el)):
                    if el.tail:
                        todo.append(el.tail)
                    todo.append(None)
                    todo.extend(reversed(el))
                    if el.text:
                        todo.append(el.text)
                    inside += 1
                    continue
                run.append(_run_text(el))
                linked = linked and tag == "a"
            else:
                if run:
                    self._loose(run, linked)
                linked = True
                self._child(el, depth)
            tail = el.tail
            if tail and (run or not tail.isspace()):
                run.append(tail)
                linked = linked and tail.isspace()
        if run:
            self._loose(run, linked)

    def _loose(self, run: list[str], linked: bool) -> None:
        """A run of bare text: a paragraph, or a line of the site's boilerplate; links alone (a promo's banner, a
        "JOIN THE CONVERSATION" button) are kept out as ``other``."""
        text = squash("".join(run))
        run.clear()
        self._line(text, "paragraph", linked)

    def _line(self, text: str, kind: BlockKind, linked: bool = False) -> None:
        """A block's text: a block of ``kind``, a line of the site's boilerplate, or (``linked``: links alone)
        a box kept out."""
        if not text:
            return
        boiler = _boilerplate(text)
        if boiler is not None:
            self._boiler(boiler[0], boiler[1], text)
            return
        self._group = None
        if linked:
            self.discarded.append(_discarded("other", None, (), text))
        else:
            self.blocks.append(Block(kind, text))

    def _child(self, el: etree._Element, depth: int) -> None:
        """One element of a container the walk reads: a block, a box kept out, or a wrapper walked into."""
        page = self.page
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            return
        tag = tag.lower()
        cls = el.get(b"class")
        el_id = el.get(b"id")
        # most children are bare paragraphs: no class, no id, so no kind
        classes = cls.split() if cls else _NO_CLASSES
        kind = _kind(classes, el_id) if classes or el_id else None
        if kind is None and self.unclassed and not classes and tag in _BOXES:
            kind = _told_kind(el)
        if kind is not None:
            self._group = None
            self.discarded.append(_side_block(page, el, kind))
            return
        if (classes or el_id) and (named := box_kind(el)) is not None:  # a box of no known class: "ad-slot"
            found = box_block(page, el, named, _text)
            if found.text or found.items or found.heading:  # (an empty one says nothing, as base.apart_block)
                self._group = None
                self.discarded.append(found)
            return
        if is_photo_figure(el) or tag == "picture" or "image_body" in classes \
                or "article-image-gallery" in classes:
            # photos: read by _images (a figure setting a quotation or a table apart is walked into); a figure of
            # no link the design writes, by _figure_images
            if tag == "figure" and next((a for a in el.iter("a") if has_class(a, "fresco")), None) is None:
                self.figures.append(el)
            return
        if (tag in ("p", "li", "dt", "dd") and not holds_blocks(el)) or tag in _SUBHEADS \
                or (tag in _WRAPPERS and len(el) == 0):  # (a bare div; a list's item holding a list is walked into)
            self._line(squash(el.text) if len(el) == 0 else _text(el), "subhead" if tag in _SUBHEADS else "paragraph")
        elif (tag in STORY_WRAPPERS or tag == "figure" or holds_blocks(el)) and depth < 6:
            if tag == "div" and classes and not _has_paragraphs(el):
                text = box_text(el, _text)
                if text:  # an unknown box with text: kept, but out of the body
                    self._group = None
                    self.discarded.append(_discarded("other", None, (), text))
                return
            self.walk(el, depth + 1)
        elif tag == "table" and lays_out(el) and depth < 6:  # a table that lays out the story's paragraphs
            for cell in el.iter("td", "th"):  # (its own cells, each once: not those of a table inside one)
                if next(cell.iterancestors("table"), None) is el:
                    self.walk(cell, depth + 1)
        elif tag == "table":  # kept out of the body, its rows and cells apart (an empty one: nothing to keep)
            if rows := table_text(el):
                self._group = None
                self.discarded.append(_discarded("other", None, (), rows))
        elif tag not in APART and depth < 6:  # (an element of no known kind, a form's label: its text, as a browser
            self.walk(el, depth + 1)           # shows it; phrasing markup holding a block, its lines apart)
        elif text := box_text(el, _text):  # (an aside, a nav, a form: kept out of the body, not lost)
            self._group = None
            self.discarded.append(_discarded("other", None, (), text))


def _holds_a_block(el: etree._Element) -> bool:
    """Whether phrasing markup holds an element a browser sets apart ("<span>Seals <div>nap</div> well.</span>"
    shows three lines): the walk reads what it holds in its place, not as one run's text."""
    return next(el.iterdescendants(*SETS_APART), None) is not None


_NO_CLASSES: list[str] = []  # shared, never changed
_WRAPPERS = frozenset({"div", "section", "blockquote"})
_BOXES = frozenset({"div", "ul", "ol", "section", "aside"})
#: Headings of the lists of stories placed inside the story, by kind (for a copy whose classes are gone)
#: The whole text of a one-line box, by kind (the 2013-2023 page's link to its comments)
_BOX_TEXTS = {"JOIN THE CONVERSATION": "comments"}
_LIST_HEADINGS = {"RELATED STORIES": "related", "RELATED STORY": "related", "RELATED ARTICLES": "related"}


def _told_kind(el: etree._Element) -> str | None:
    """The kind of a box inside the story that no class or id marks, told by what it holds: share buttons
    (links to share addresses only), a list of stories under one of :data:`_LIST_HEADINGS`, a menu (a list
    of two links or more, each item a link of a few words and nothing else: "Mail the editor"), or one of
    :data:`_BOX_TEXTS`."""
    if is_share_box(el):
        return "share"
    if el.tag in ("ul", "ol"):
        return "navigation" if is_link_menu(el) else None
    if len(el) <= 2 and _text(el).upper() in _BOX_TEXTS:
        return _BOX_TEXTS[_text(el).upper()]
    heading = next((c for c in el if isinstance(c.tag, str)), None)
    if heading is None or heading.tag not in _HEADING_SET:
        return None
    kind = _LIST_HEADINGS.get(_text(heading).upper())
    return kind if kind is not None and next(el.iterdescendants("li"), None) is not None else None


def _has_paragraphs(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in ("p", "h2", "h3", "h4") for c in el)


def _outside(page: Page, parts: _Parts, scope: etree._Element | None,
             walked: list[etree._Element]) -> list[Discarded]:
    """Known boxes outside the walked containers, in document order (nested boxes counted once).

    Subscribe boxes count only inside ``scope`` (the article): the page header has its own
    "Subscribe" links on every page.
    """
    out: list[Discarded] = []
    taken: list[etree._Element] = []
    # The candidates are divs and lists (see _scan): one is inside a walked container or a box taken
    # before it when it is among their div and ul elements, read in one pass per container (not
    # a climb to the root per candidate). lxml hands out one proxy per element while it is
    # referenced (these are), so a set of them is a set of elements.
    under: set[etree._Element] = set()
    for w in walked:
        under.update(w.iter("div", "ul"))
    for el in parts.outside:
        if el in under:
            continue
        kind = _kind_of(el)
        if kind is None or (kind == "subscribe" and scope is not None and not _inside(el, scope)):
            continue
        taken.append(el)
        if len(el):
            under.update(el.iter("div", "ul"))
        else:
            under.add(el)
        out.append(_side_block(page, el, kind))
    for h in _unable_headings(page):  # "Unable to view this article?": the subscriber body did not load
        if any(_inside(h, w) for w in [*walked, *taken]):
            continue
        box = h.getparent()
        if box is None or box.tag in ("body", "html"):
            box = h
        taken.append(box)
        out.append(discard("subscribe", UNABLE_TEXT, (), box_text(box, _text)))
    return out


def _unable_headings(page: Page) -> list[etree._Element]:
    """The elements whose text is "Unable to view this article?" (the tree is walked only when the
    page's bytes hold the words)."""
    if page.source is not None and not _has_unable(page.source):
        return []
    return elements(UNABLE(page.root))


def _has_unable(data: bytes) -> bool:
    """``_UNABLE_BYTES.search(data)``: each match starts with "Unable", found by memchr on its "U"."""
    pos = 0
    while (i := find_bytes(data, b"Unable", pos)) >= 0:
        if _UNABLE_BYTES.match(data, i):
            return True
        pos = i + 1
    return False


def _inside(el: etree._Element, container: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _sidebar(page: Page, parts: _Parts) -> list[Discarded]:
    out: list[Discarded] = []
    for box in parts.sidebar:
        if len(box) == 0:  # an empty slot (a Taboola box filled by a script): no tabs, no links
            continue
        tabs = [li for li in box.iterdescendants("li") if li.get(b"data-tab-num") is not None]
        if tabs:
            nums = [tab.get(b"data-tab-num") or "" for tab in tabs]
            panels = _tab_panels(box, set(nums))
            for tab, num in zip(tabs, nums, strict=True):
                panel = panels.get(num)
                if panel is None:
                    continue
                name = _text(tab)
                up = name.upper()
                kind = "popular" if ("TRENDING" in up or "POPULAR" in up) else "read-more"
                out.append(_discarded(kind, name, _titled_links(page, panel)))
            continue
        items = _titled_links(page, box)
        if items:
            heading_el = _first_heading(box)
            if heading_el is not None:
                out.append(_discarded("promo", _text(heading_el), items))
    return out


def _tab_panels(box: etree._Element, nums: set[str]) -> dict[str, etree._Element]:
    """The first div under ``box`` for each ``data-tab-num`` in ``nums``, from one pass that stops
    when all are found."""
    panels: dict[str, etree._Element] = {}
    for div in box.iterdescendants("div"):
        num = div.get(b"data-tab-num")
        if num is not None and num in nums and num not in panels:
            panels[num] = div
            if len(panels) == len(nums):
                break
    return panels


def _titled_links(page: Page, container: etree._Element) -> list[Item]:
    items: list[Item] = []
    for a, href in _list_links(container):
        t_el = _item_title(a)
        title = _text(t_el) if t_el is not None else _link_title(a)
        if title:
            items.append(Item(title=title, url=_absolute(page, href)))
    return items


def _item_title(a: etree._Element) -> etree._Element | None:
    """The first element inside a link whose class contains ``_desc``, ``_txt`` or ``_ttl``."""
    # the first elements in document order are the first child, its first child, ...: the title is
    # usually one of them, read by index (an iterator over the link costs more)
    node = a
    while len(node):
        node = node[0]
        if not isinstance(node.tag, str):
            break
        if _is_item_title(node.get(b"class")):
            return node
    else:
        if node is a:
            return None
    return next((el for el in a.iterdescendants(etree.Element) if _is_item_title(el.get(b"class"))), None)


_LINE_TAGS = ("p", "div", "h2", "h3", "h4", "h5")
_UPDATED_LINE = re.compile(r"^LAST UPDATED\b", re.IGNORECASE)


def _link_title(a: etree._Element) -> str:
    """The title of a listed story whose link marks none by its class (the classes of an archive's copy are
    gone; a few boxes never had one): of the lines the link prints (its innermost p, div and heading
    elements), the first that is no "LAST UPDATED: …" date, passing over a short capitals label above it
    ("DEEP DIVE"). A link printing one line is read whole."""
    lines = [el for el in a.iterdescendants(*_LINE_TAGS) if next(el.iterdescendants(*_LINE_TAGS), None) is None]
    if len(lines) < 2:
        return _text(a)
    texts = [t for t in (_text(el) for el in lines) if t and _UPDATED_LINE.match(t) is None]
    titles = [t for t in texts if not (t.isupper() and len(t.split()) <= 3)]
    return (titles or texts or [""])[0]


def _is_item_title(cls: str | None) -> bool:
    return cls is not None and ("_desc" in cls or "_txt" in cls or "_ttl" in cls)


def _keywords(page: Page, parts: _Parts, walked: list[etree._Element]) -> list[Discarded]:
    if not parts.keywords:
        return []
    # the links under the walked containers, from one pass each (not a climb to the root per link)
    walked_links = {a for w in walked for a in w.iter("a")}
    items = [Item(title=t, url=page.absolute(a.get("href"))) for a in parts.keywords
             if a not in walked_links and (t := _text(a))]
    return [_discarded("other", "KEYWORDS", items)] if items else []


# -- paywall -----------------------------------------------------------------------------------------


def _unable_shown(discarded: Iterable[Discarded]) -> bool:
    return any(UNABLE_TEXT in f"{d.heading or ''} {d.text or ''}" for d in discarded)


def _body_document(page: Page) -> tuple[etree._Element | None, bool | None]:
    """The separately delivered article-content JSON: (its body container, displayFullText)."""
    raw = page.body_document
    if not raw:
        return None, None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        page.warn("body", "skipped", "the body document is not JSON")
        return None, None
    if not isinstance(data, dict):
        page.warn("body", "skipped", "the body document is not a JSON object")
        return None, None
    html = data.get("articleBody")
    full = data.get("displayFullText")
    full_flag = bool(full) if isinstance(full, (bool, int)) else None
    if not isinstance(html, str) or not html.strip():
        page.warn("body", "missing", "the body document has no articleBody")
        return None, full_flag
    root = parse_fragment(html)  # parsed as a page is: the same safe settings, each <br> a break
    if root is None:
        page.warn("body", "skipped", "the body document's articleBody is not HTML")
        return None, full_flag
    container = first(CUR_BODY(root))
    if container is None:
        container = first(root.xpath("//body"))
    return container, full_flag


# -- the current design ----------------------------------------------------------------------------------


def _cur_byline(page: Page, box: etree._Element | None) -> tuple[Byline | None, str | None]:
    """(byline, agency) from JSON-LD authors and ``div.byline`` (``span.credit`` holds the agency)."""
    credit_el = first(CUR_CREDIT(box)) if box is not None else None
    if credit_el is None and box is not None and not box.get(b"class"):  # a copy whose classes are gone
        credit_el = next((s for s in box.iterchildren("span") if _agency_of_credit(_text(s))), None)
    credit = text_of(credit_el) or None
    ld_people = ld_names(page.ld("author"))
    agency = _agency_of_credit(credit) or next((a for n in ld_people if (a := canonical_agency(n))), None)
    lines = _byline_lines(box, credit_el) if box is not None else []
    raw = " ".join(lines)
    printed = parse_byline(lines[0]) if lines else None
    people = page.pick(
        "byline",
        ("JSON-LD author", lambda: [n for n in ld_people if is_person_name(n)] or None),
        ("author links", lambda: [t for a in elements(CUR_AUTHOR_LINKS(box)) if is_person_name(t := text_of(a))]
         or None if box is not None else None),
        ("printed byline", lambda: list(printed.authors) or None if printed is not None else None),
        required=False,
    ) or []
    if not people and printed is None:
        return None, agency
    # "By A and B" then a role line ("Staff writer"); or one line "By A / Staff writer"
    affiliation = " ".join(lines[1:]) or None if len(lines) > 1 else None
    if affiliation is None and printed is not None:
        affiliation = printed.affiliation
    if affiliation is None and credit and agency is None:
        affiliation = credit  # a credit that names no agency
    return Byline(raw=raw or ", ".join(people), authors=tuple(people), affiliation=affiliation), agency


_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "h2", "h3", "h4", "h5", "h6", "br"})


def _byline_lines(box: etree._Element, skip: etree._Element | None) -> list[str]:
    """The byline box's text, one entry per printed line (block children start a new line)."""
    lines: list[str] = []
    current: list[str] = [box.text or ""]
    for child in box:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            lines.append(squash("".join(current)))
            lines.append(squash("".join(_texts_without(child, skip))))
            current = []
        elif child is not skip and isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            current.extend(_texts_without(child, skip))
        if child.tail:
            current.append(child.tail)
    lines.append(squash("".join(current)))
    return [ln for ln in lines if ln]


def _texts_without(el: etree._Element, skip: etree._Element | None) -> list[str]:
    """The text pieces of ``el`` in order, leaving out ``skip`` and its descendants."""
    out: list[str] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if child is not skip and isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            out.extend(_texts_without(child, skip))
        if child.tail:
            out.append(child.tail)
    return out


def _is_article(page: Page, *found: object) -> bool:
    if any(x is not None for x in found) or page.ld_article is not None:
        return True
    return (page.meta_value("og:type") or "").lower() == "article"


def extract_current(page: Page) -> Article:
    root = page.root
    parts = _parts(page)
    after: list[etree._Element] | None = None
    if parts.cur_details is None and parts.cur_title is None and _unclassed_current(parts):
        after = _read_unclassed_current(page, parts)
    details = parts.cur_details
    body_el = parts.cur_body
    if not _is_article(page, details, body_el):
        raise NotAnArticleError("a Japan Times page with no article (no JSON-LD article, no article body)")
    title = page.pick(
        "title",
        ("JSON-LD headline", lambda: _ld_title(page)),
        ("og:title", lambda: _og_title(page)),
        ("h1.title-article", lambda: text_of(parts.cur_title) or None),
        ("<title>", lambda: _title_tag(page)),
    )
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: _ld_section(page)),
        (".article-section", lambda: _last_text(elements(CUR_SECTION_LINKS(root)))),
        ("links above the headline", lambda: _last_text(_links_above(parts.cur_title)) if after is not None else None),
        required=False,
    )
    date_text = text_of(parts.cur_publish) or None
    time_value = parts.cur_time
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _safe_date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _safe_date(page, page.meta_value("article:published_time"))),
        ("time[datetime]", lambda: _safe_date(page, time_value) if time_value is not None else None),
        ("div.publish-date", lambda: _date_only(page, date_text)),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _safe_date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _safe_date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    byline, agency = _cur_byline(page, parts.cur_byline)

    doc_body, full_text = _body_document(page)
    walker = _Body(page, unclassed=after is not None)
    walked: list[etree._Element] = []
    if doc_body is not None:
        walker.walk(doc_body)
        if body_el is not None:
            walked.append(body_el)
            preview = _Body(page)  # the page's own preview: its boxes are still reported
            preview.walk(body_el)
            walker.discarded.extend(preview.discarded)
    elif body_el is not None:
        walker.walk(body_el)
        walked.append(body_el)
    blocks = walker.blocks
    if not blocks:
        ld_body = ld_text(page.ld("articleBody"))
        if ld_body:
            page.warn("body", "fallback", "read from JSON-LD articleBody")
            blocks = [Block("paragraph", squash(p)) for p in str(page.ld("articleBody")).split("\n") if squash(p)]
        else:
            page.warn("body", "missing", "no paragraphs in div.article-body")
    dateline, blocks = cut_dateline(blocks)
    if agency is None and dateline is not None:
        agency = dateline.agency

    discarded = walker.discarded
    if after is not None:
        discarded += _after_story(page, after)
    discarded += _outside(page, parts, details, walked)
    if doc_body is not None:
        paywalled = full_text is False
    else:
        free = page.ld("isAccessibleForFree")
        locked = free is False or (isinstance(free, str) and free.lower() == "false")
        boxed = any(d.kind == "subscribe" for d in discarded)
        paywalled = _unable_shown(discarded) or (locked and boxed)
        if paywalled:
            page.warn("paywalled", "low-confidence", "preview page: the subscriber body is not in the HTML")

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
        images=_figure_images(page, walker.figures, _images(page, parts.fresco)),
        discarded=discarded,
        paywalled=paywalled,
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="japantimes/current",
        warnings=page.notices,
    )


def _matches_current(page: Page) -> bool:
    parts = _parts(page)
    return parts.cur_details is not None or parts.cur_title is not None or _unclassed_current(parts)


def _links_above(h1: etree._Element | None) -> list[etree._Element]:
    """The links of the div just above the headline, when it holds links and nothing else ("Japan / Society")."""
    box = h1.getprevious() if h1 is not None else None
    if box is None or box.tag != "div" or not len(box) or any(c.tag != "a" for c in box):
        return []
    return list(box)


def _unclassed_current(parts: _Parts) -> bool:
    """A current-design page whose classes are gone (a web archive's copy): its first headline stands in a
    div of ``main`` with no class, beside a div of paragraphs (the story), and no 2013-2023 header holds it."""
    h1 = parts.first_h1
    details = h1.getparent() if h1 is not None else None
    if (h1 is None or details is None or details.tag != "div" or details.get(b"class") or parts.jtarticle is not None
            or parts.old_sections or parts.old_title is not None or next(h1.iterancestors("main"), None) is None):
        return False
    return any(box.tag == "div" and sum(1 for c in box if c.tag == "p") >= 2 for box in h1.itersiblings())


def _read_unclassed_current(page: Page, parts: _Parts) -> list[etree._Element]:
    """Find by their places what :func:`_scan` finds by class on a current-design page whose classes are gone:
    beside the headline, the byline ("By …" or an agency's credit), the printed date and the story (the div
    with the most paragraphs); the photos' links by their captions. Gives the boxes after the story (related
    stories, share buttons, notes to commenters, the subscribe box), which the page marks by class only."""
    h1 = parts.first_h1
    details = h1.getparent() if h1 is not None else None
    if h1 is None or details is None:
        return []
    parts.cur_title, parts.cur_details = h1, details
    parts.cur_body = fullest(h1.itersiblings("div"), least=2)
    for box in h1.itersiblings("div"):
        if box is parts.cur_body:
            break
        text = _text(box)
        if parts.cur_byline is None and text and (BY_LINE.match(text) or _agency_of_credit(text)) and len(text) <= 200:
            parts.cur_byline = box
        elif parts.cur_publish is None and text and len(text) <= 40 and parse_date_only(text) is not None:
            parts.cur_publish = box
    if not parts.fresco:
        parts.fresco = [a for a in details.iter("a") if a.get(b"data-fresco-caption") is not None]
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its header, photos and "
              "boxes were found by their places and what they hold")
    body = parts.cur_body
    return [] if body is None else [box for box in body.itersiblings() if isinstance(box.tag, str)]


def _after_story(page: Page, boxes: list[etree._Element]) -> list[Discarded]:
    """The boxes after the story on a page whose classes are gone, each told by what it holds (share buttons,
    a list under a known heading, a menu) or by its first line (the site's boilerplate: a subscribe box, a
    note to commenters, "Unable to view this article?"); any other is kept as ``other``."""
    out: list[Discarded] = []
    unable = _unable_headings(page)  # their boxes are reported by _outside
    for box in boxes:
        if box.tag in _SKIPPED_SET or any(_inside(h, box) for h in unable):
            continue
        kind = _told_kind(box) if box.tag in _BOXES else None
        if kind is None:
            first_line = next((t for t in (_text(c) for c in box if isinstance(c.tag, str)) if t), "")
            boiler = _boilerplate(first_line)
            kind = boiler[0] if boiler is not None else "other"
        found = _side_block(page, box, kind)
        if found.text or found.items:
            out.append(found)
    return out


# -- the 2013-2023 WordPress design ---------------------------------------------------------------------


def _jat_credit(page: Page) -> etree._Element | None:
    """The first ``meta[name=cXenseParse:jat-credit]`` (looked for only when the page's meta has it:
    one without content reads as none)."""
    if "cxenseparse:jat-credit" not in page.meta:
        return None
    for meta in page.root.iter("meta"):
        if (meta.get("name") or "").translate(_LOWER_CXENSPAR) == "cxenseparse:jat-credit":
            return meta
    return None


def _old_byline(page: Page, parts: _Parts, credit: str | None, agency: str | None) -> Byline | None:
    writer = text_of(parts.old_writer) or None
    people: list[str] = []
    meta = _jat_credit(page)
    if meta is not None:
        sep = meta.get("data-separator") or ","
        people = [n for n in (squash(x) for x in (meta.get("content") or "").split(sep)) if is_person_name(n)]
    printed = parse_byline(writer) if writer else None
    if not people and printed is not None:
        people = list(printed.authors)
    if not people:
        author = page.meta_value("author")  # "No Author" is the theme's placeholder
        if author and is_person_name(author):
            people = [author]
            page.warn("byline", "fallback", "read from meta author")
    if not people and printed is None and credit and agency is None and BY_LINE.match(credit):
        # no h5.writer, and the credit line names the writer ("by Kenji Arata / Staff Writer"): the theme prints
        # the writer apart (facts HIGH), but how a page without one prints a name is not attested (LOW)
        named = parse_byline(credit)
        if named is not None and named.authors:
            page.warn("byline", "fallback", "read from the credit line (p.credit)")
            return Byline(raw=credit, authors=tuple(readable_name(n) for n in named.authors),
                          affiliation=named.affiliation)
    if not people and printed is None:
        return None
    affiliation = printed.affiliation if printed is not None else None
    if affiliation is None and credit and agency is None:
        affiliation = credit  # "STAFF WRITER" under the writer's name
    raw = writer or ", ".join(people)
    return Byline(raw=raw, authors=tuple(people), affiliation=affiliation)


def _old_dateline(article_el: etree._Element | None, blocks: list[Block]) -> tuple[Dateline | None, list[Block]]:
    dateline, rest = cut_dateline(blocks)
    if dateline is not None or article_el is None or not blocks:
        return dateline, rest
    span = first(OLD_DATELINE(article_el))
    raw = text_of(span)
    if span is None or not raw or not blocks[0].text.startswith(raw):
        return None, blocks
    place = raw.rstrip(" -–—").strip()
    m = re.match(r"^(.*?)\s*\(([^)]{1,40})\)$", place)
    agency = canonical_agency(m.group(2)) if m else None
    if m:
        place = m.group(1).strip()
    remaining = blocks[0].text[len(raw):].strip()
    return Dateline(raw=raw + " ", place=place or None, agency=agency), [Block("paragraph", remaining), *blocks[1:]]


def _read_unclassed(page: Page, parts: _Parts) -> None:
    """Find by their places what :func:`_scan` finds by class, on a copy of a page whose classes are gone (as a
    web archive stores it): the category line beside the headline in the header's hgroup, the writer (h5) and
    the credit (p) under them, the first time outside the story after the header (the date line), the photos'
    links by their captions, and the sidebar's boxes, the divs of an aside that heads lists (the header's own
    aside holds the date and buttons)."""
    story = parts.jtarticle
    h1 = parts.old_title
    header = next(h1.iterancestors("header"), None) if h1 is not None else None
    around = header.getparent() if header is not None else None
    if h1 is not None and header is not None:
        hgroup = h1.getparent()
        if hgroup is not None and hgroup.tag == "hgroup":
            parts.old_sections = [h for h in hgroup if h.tag == "h3"]
        for child in header:
            if child.tag == "h5" and parts.old_writer is None:
                parts.old_writer = child
            elif child.tag == "p" and parts.old_credit is None:
                parts.old_credit = child
    if parts.old_time is None and around is not None:
        parts.old_time = next((t for t in around.iter("time") if story is None or not _inside(t, story)), None)
    if not parts.fresco:
        parts.fresco = [a for a in page.root.iter("a") if a.get(b"data-fresco-caption") is not None]
    if not parts.sidebar:
        for aside in page.root.iter("aside"):
            if (around is not None and _inside(aside, around)) or (story is not None and _inside(aside, story)):
                continue
            if next(aside.iterdescendants("h2"), None) is not None or any(
                    li.get(b"data-tab-num") is not None for li in aside.iterdescendants("li")):
                parts.sidebar += [box for box in aside if box.tag == "div"]
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its header, photos and "
              "boxes were found by their places and what they hold")


def extract_wp2013(page: Page) -> Article:
    if _CUT_2013.cut_short(page.root, _open_at_cut):  # (takes the cut's sentinel out of the tree)
        raise WholePageNeeded("the pruned page was cut inside the story: parse the whole page")
    parts = _parts(page)
    article_el = parts.jtarticle
    if article_el is None:  # a copy whose ids are gone: the story's container by its place
        article_el = parts.jtarticle = _story_beside(parts, classed=bool(parts.old_sections))
        if article_el is not None and parts.old_sections:
            page.warn("layout", "fallback", "the page has no ids (a sanitiser's copy?): the story is the div beside "
                      "the header holding the most paragraphs")
    if not _is_article(page, article_el, parts.old_title):
        raise NotAnArticleError("a Japan Times page with no article (no #jtarticle, no headline)")
    # the story's container and the category line carry classes on every page of the design: without them
    # the page is a copy whose classes are gone (a web archive's)
    unclassed = article_el is not None and not parts.old_sections and not article_el.get(b"class")
    if unclassed:
        _read_unclassed(page, parts)
    title = page.pick(
        "title",
        ("og:title", lambda: _og_title(page)),
        ("JSON-LD headline", lambda: _ld_title(page)),
        ("header h1", lambda: text_of(parts.old_title) or None),
        ("<title>", lambda: _title_tag(page)),
    )
    section = page.pick(
        "section",
        ("category links", lambda: _last_text(_section_links(parts))),
        ("category line", lambda: (text_of(parts.old_sections[0] if parts.old_sections else None)
                                   .split(" / ")[-1].strip() or None)),
        ("JSON-LD articleSection", lambda: _ld_section(page)),
        required=False,
    )
    time_el = parts.old_time
    date_text = text_of(time_el) or None
    published = page.pick(
        "published",
        ("DC.date.issued", lambda: _safe_date(page, page.meta_value("dc.date.issued"))),
        ("article:published_time", lambda: _safe_date(page, page.meta_value("article:published_time"))),
        ("JSON-LD datePublished", lambda: _safe_date(page, ld_text(page.ld("datePublished")))),
        ("time[datetime]", lambda: _safe_date(page, time_el.get("datetime")) if time_el is not None else None),
        ("printed date", lambda: _date_only(page, date_text)),
    )
    updated = page.pick(
        "updated",
        ("article:modified_time", lambda: _safe_date(page, page.meta_value("article:modified_time"))),
        ("og:updated_time", lambda: _safe_date(page, page.meta_value("og:updated_time"))),
        ("JSON-LD dateModified", lambda: _safe_date(page, ld_text(page.ld("dateModified")))),
        required=False,
    )
    credit = text_of(parts.old_credit) or None
    agency = _agency_of_credit(credit)
    discarded: list[Discarded] = []
    byline = _old_byline(page, parts, credit, agency)
    if agency is None and byline is None:
        meta = _jat_credit(page)
        agency = _agency_of_credit(meta.get("content")) if meta is not None else None

    walker = _Body(page, unclassed=unclassed)
    walked: list[etree._Element] = []
    if article_el is not None:
        walker.walk(article_el)
        walked.append(article_el)
    else:
        page.warn("body", "unknown-layout", "no div#jtarticle")
    blocks = walker.blocks
    if not blocks:
        page.warn("body", "missing", "no paragraphs in div#jtarticle")
    dateline, blocks = _old_dateline(article_el, blocks)
    if agency is None and dateline is not None:
        agency = dateline.agency

    discarded += (walker.discarded + _outside(page, parts, parts.main, walked) + _keywords(page, parts, walked)
                  + _sidebar(page, parts))
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
        images=_figure_images(page, walker.figures, _images(page, parts.fresco)),
        discarded=discarded,
        paywalled=_unable_shown(discarded),
        description=strip_tags(page.meta_value("og:description", "description")),
        date_text=date_text,
        layout="japantimes/wp2013",
        warnings=page.notices,
    )


def _section_links(parts: _Parts) -> list[etree._Element]:
    """``h3.single-post-categories a``, in document order."""
    if len(parts.old_sections) == 1:
        return list(parts.old_sections[0].iterdescendants("a"))
    links: list[etree._Element] = []
    for h3 in parts.old_sections:
        links.extend(a for a in h3.iterdescendants("a") if a not in links)
    return links


def _matches_wp2013(page: Page) -> bool:
    parts = _parts(page)
    return parts.jtarticle is not None or bool(parts.old_sections) or _story_beside(parts) is not None


def _story_beside(parts: _Parts, *, classed: bool = False) -> etree._Element | None:
    """``div#jtarticle`` found by its place, on a copy whose ids are gone: of the divs beside the header that
    holds the headline (``header hgroup h1``), the one with the most paragraphs as children (two or more), if
    it has no class (a page whose classes were renamed is another design: no reading by place) or the page's
    own classes were found (``classed``: only its ids are gone)."""
    h1 = parts.old_title
    header = next(h1.iterancestors("header"), None) if h1 is not None else None
    around = header.getparent() if header is not None else None
    if header is None or around is None:
        return None
    best = fullest(header.itersiblings("div"), least=2)
    return best if best is not None and (classed or not best.get(b"class")) else None


def fingerprint(page: Page) -> bool:
    """Japan Times markup: ``div#jtarticle``, a div whose class names ``jt-article-details`` or
    ``jt_content_ad``, a cXense ``jat-`` meta, the theme's files (one pass, filtered in C)."""
    for el in page.root.iter("div", "meta", "link", "script"):
        tag = el.tag
        if tag == "div":
            cls = el.get("class")
            if el.get("id") == "jtarticle" or (cls and ("jt-article-details" in cls or "jt_content_ad" in cls)):
                return True
        elif tag == "meta":
            if (el.get("name") or "").translate(_LOWER_CXENSPAR).startswith("cxenseparse:jat-"):
                return True
        elif tag == "link":
            if "/themes/jt_theme/" in (el.get("href") or ""):
                return True
        elif "japantimes.co.jp/wp-content/" in (el.get("src") or ""):
            return True
    return False


# -- text copies ------------------------------------------------------------------------------------

_BULLET = re.compile(r"^[•·・*]\s*(.+)$")
_KICKER = re.compile(r"^[A-Z][A-Z&' -]{1,30}(?: / [A-Za-z&' -]{2,40}){1,3}$")
_DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$")
_SIGNATURE = (
    "With your current subscription plan you can comment on stories",
    "Please add japantimes.co.jp and piano.io",
    "In a time of both misinformation and too much information",
    "PHOTO GALLERY (CLICK TO ENLARGE)",
)


# lines of the 2013-2023 page's own chrome that a copy of the whole visible page carries
_PAGE_MARKS = frozenset({"JOIN THE CONVERSATION", "Mail the editor", "Commenting Policy", "Article history",
                         "GET THE BEST OF THE JAPAN TIMES IN FIVE EASY PIECES WITH TAKE 5"})


def text_signature(copy: TextCopy) -> bool:
    if any(ln.startswith(_SIGNATURE) for ln in copy.lines):
        return True
    if len(_PAGE_MARKS.intersection(copy.lines)) >= 2:
        return True
    head = copy.lines[:8]
    return "• SHARE" in head and any(
        (m := _BULLET.match(ln)) is not None and canonical_agency(m.group(1)) for ln in head
    )


def _is_title(line: str, following: str | None) -> bool:
    if _BULLET.match(line) or _boilerplate(line):
        return False
    if following is not None and (_BULLET.match(following) or _DATE_LINE.match(following)):
        return True
    return len(line.split()) <= 25 and not SENTENCE_END.search(line)


_SECTION_PATH = re.compile(r"^[A-Z][A-Za-z&' -]{1,30}(?: / [A-Za-z&' -]{2,40}){1,3}$")
# header lines of the 2013-2023 page between the headline and the story
_BULLETS = frozenset({"-", "•", "・", "*", "–", "·"})  # a list item's marker rendered on its own line
_HEADER_CHROME = frozenset({*_BULLETS, "Article history", "Online:", "Last Modified:", "PRINT", "SHARE", "• SHARE",
                            "Click to enlarge"})
# the first line after the story on a copy of the whole 2013-2023 page
_AFTER_STORY = frozenset({"Twitter", "Mail the editor", "JOIN THE CONVERSATION", "PHOTOS", "KEYWORDS",
                          "GET THE BEST OF THE JAPAN TIMES IN FIVE EASY PIECES WITH TAKE 5"})
_RELATED = frozenset({"RELATED STORIES", "Related stories"})


def _page_start(lines: list[str]) -> int | None:
    """Where the article starts in a copy of the whole page (menus first): the "National / Crime &
    Legal" section path followed by the headline and a credit, a bullet or a date."""
    for k, line in enumerate(lines[:600]):
        if k + 2 < len(lines) and _SECTION_PATH.match(line) and not SENTENCE_END.search(lines[k + 1]):
            after = lines[k + 2]
            if _agency_of_credit(after) or after in _HEADER_CHROME or _DATE_LINE.match(after) or _BULLET.match(after):
                return k
    return None


#: the writer's role printed on the line under the byline ("Staff writer", "STAFF WRITER", "Contributing writer")
_ROLE_LINE = re.compile(r"^(?:staff|contributing|senior|special|chief)\s+(?:writer|correspondent|editor)s?$",
                        re.IGNORECASE)
_LISTEN = re.compile(r"^(?:Listen to this article|\(\d{1,2} min\))$")


def _section_above_headline(lines: list[str], i: int) -> bool:
    """A short section name ("National") on the line above the headline, the byline, credit or date under it."""
    if i + 2 >= len(lines):
        return False
    line, headline, after = lines[i], lines[i + 1], lines[i + 2]
    return (len(line.split()) <= 3 and line[:1].isupper() and not SENTENCE_END.search(line)
            and not SENTENCE_END.search(headline)
            and bool(BY_LINE.match(after) or _DATE_LINE.match(after) or _agency_of_credit(after)))


def _current_start(lines: list[str]) -> int | None:
    """Where the article starts in a copy of the current page: a section path ("Japan / Society") among its
    first lines, the headline, then the byline or the date."""
    for k, line in enumerate(lines[:8]):
        if k + 2 < len(lines) and _SECTION_PATH.match(line) and not SENTENCE_END.search(lines[k + 1]):
            after = lines[k + 2]
            if BY_LINE.match(after) or _DATE_LINE.match(after) or _agency_of_credit(after):
                return k
    return None



def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    images: list[Image] = []
    title = section = date_text = None
    published = updated = None
    agency = None
    byline: Byline | None = None
    start = _page_start(lines) if len(_PAGE_MARKS.intersection(lines)) >= 2 else _current_start(lines)
    if start:  # a copy of the whole page: its menus come first
        discarded.append(Discarded(kind="navigation", text="\n".join(lines[:start])))
        lines = lines[start:]
    i = 0
    if i < len(lines) - 1 and (_KICKER.match(lines[i]) or (start is not None and _SECTION_PATH.match(lines[i]))
                               or _section_above_headline(lines, i)):
        section = lines[i].split(" / ")[-1].strip()
        i += 1
    if i < len(lines) - 1 and _is_title(lines[i], lines[i + 1]):
        title = lines[i]
        i += 1
    # the header: credit and share bullets, the printed date (and, on a whole page, its history box)
    chrome: list[str] = []
    while i < len(lines):
        line = lines[i]
        m = _BULLET.match(line)
        if m and m.group(1).upper() == "SHARE":
            discarded.append(Discarded(kind="share", items=(Item(title=m.group(1)),), text=line))
        elif m and (hit := _agency_of_credit(m.group(1))):
            agency = agency or hit
            discarded.append(Discarded(kind="credit", text=line))
        elif start is not None and agency is None and not chrome and (hit := _agency_of_credit(line)):
            agency = hit  # the credit printed as its own line ("JIJI")
            discarded.append(Discarded(kind="credit", text=line))
        elif byline is None and BY_LINE.match(line) and len(line) <= 150 and (by := parse_byline(line)) is not None \
                and by.authors:
            byline = by  # the current page's "By A and B" under the headline
        elif byline is not None and byline.affiliation is None and _ROLE_LINE.match(line):
            byline = Byline(raw=f"{byline.raw} {line}", authors=byline.authors, affiliation=line)
        elif _LISTEN.match(line):
            chrome.append(line)  # the current page's audio player: "Listen to this article", "(3 min)"
        elif _DATE_LINE.match(line):
            if date_text is None:
                date_text = line
                published = parse_date_only(line)
                notices.append(Notice("published", "low-confidence", f"printed date {line!r} has no time of day"))
            elif chrome and chrome[-1] == "Last Modified:":
                updated = parse_date_only(line)
            chrome.append(line)
        elif (start is not None and line in _HEADER_CHROME) or (line in _BULLETS and title is not None):
            chrome.append(line)
        else:
            break
        i += 1
    if chrome:
        discarded.append(Discarded(kind="share", items=tuple(Item(title=w) for w in chrome if w in ("PRINT", "SHARE")),
                                   text="\n".join(chrome)))

    body_lines: list[str] = []
    rest = lines[i:]
    j = 0
    while j < len(rest):
        line = rest[j]
        if start is not None and (line in _AFTER_STORY or (line in _BULLETS and j + 1 < len(rest)
                                                          and rest[j + 1] in _AFTER_STORY)):
            discarded.append(Discarded(kind="other", text="\n".join(rest[j:])))  # the page after the story
            break
        if line in _BULLETS and j + 1 < len(rest) and rest[j + 1] in SHARE_NETWORKS:
            # the share bar under the story: "-" then "X", "-" then "Facebook" …
            k = j
            while k + 1 < len(rest) and rest[k] in _BULLETS and rest[k + 1] in SHARE_NETWORKS:
                k += 2
            bar = rest[j:k]
            discarded.append(Discarded(kind="share", items=tuple(Item(title=w) for w in bar[1::2]),
                                       text="\n".join(bar)))
            j = k
            continue
        if line in _RELATED:  # the in-body box: "-" bullets, each before a title
            items: list[Item] = []
            box = [line]
            j += 1
            while (j + 1 < len(rest) and rest[j] in _BULLETS and rest[j + 1] not in _BULLETS
                   and rest[j + 1] not in _AFTER_STORY):
                items.append(Item(title=rest[j + 1]))
                box += rest[j : j + 2]
                j += 2
            discarded.append(Discarded(kind="related", heading=line, items=tuple(items), text="\n".join(box)))
            continue
        boiler = _boilerplate(line)
        if boiler is None:
            body_lines.append(line)
            j += 1
            continue
        kind, group_name = boiler
        if group_name == "gallery":
            # the gallery closes the copy: "caption | CREDIT" lines are its photos
            leftovers: list[str] = [line]
            for cap in rest[j + 1:]:
                caption, credit = _split_caption(cap)
                if credit is not None:
                    images.append(image(None, caption, credit))
                else:
                    leftovers.append(cap)
            discarded.append(Discarded(kind=kind, heading=line, text="\n".join(leftovers)))
            break
        heading = line if line == UNABLE_TEXT else None
        group = [line]
        j += 1
        while j < len(rest) and rest[j] != UNABLE_TEXT and (_boilerplate(rest[j]) or ("", ""))[1] == group_name:
            group.append(rest[j])
            j += 1
        discarded.append(Discarded(kind=kind, heading=heading, text="\n".join(group)))

    paywalled = _unable_shown(discarded)
    blocks = [Block("subhead" if n > 0 and is_subhead_line(ln) else "paragraph", ln) for n, ln in enumerate(body_lines)]
    dateline, blocks = cut_dateline(blocks)
    if agency is None and dateline is not None:
        agency = dateline.agency
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    if title is None:
        notices.append(Notice("title", "missing", "the copy begins with the body"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=agency,
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=paywalled,
        date_text=date_text,
        layout="japantimes/text",
        warnings=notices,
    )


# -- cutting the page down before it is parsed ---------------------------------------------------------

#: Marks that, found after the footer, make prune() keep the whole page: structured data and the
#: paywall boxes a script appends at the end of the body (a page saved from a browser holds them); each with
#: where to look it up by memchr (find_bytes): a byte rare in pages, -1 for a plain find
_PRUNE_PROBES = ((b"ld+json", 2), (b"tpModal", 2), (b"piano-recommend", -1), (b"Unable to view", 0))


def prune(data: bytes) -> bytes | None:
    """The 2013-2023 design: ``<head>``, the ``div#wrapper`` opening (it holds a Taboola box) without
    its off-canvas menu, and ``div.main`` (article, sidebar, comments) up to the ``<footer>``; the site
    header, menus and footer are left out. The current design: see :func:`_prune_current`. ``None``
    (parse it all) for other pages."""
    body = data.find(b"<body")
    if body < 0:
        return None
    main = data.find(b'<div class="main"', body)
    if main < 0:
        return _prune_current(data, body)
    end = data.rfind(b"<footer", main)
    if end < 0:
        end = len(data)  # (nothing dropped after the story: no cut to mark)
    for mark, at in _PRUNE_PROBES:
        if (data.find(mark, end) if at < 0 else find_bytes(data, mark, end, at=at)) >= 0:
            return None
    lead = b""
    wrapper = data.rfind(b'<div id="wrapper"', body, main)
    if wrapper >= 0:
        menu = data.find(b'<nav id="menu"', wrapper, main)
        lead = data[wrapper:menu] if menu >= 0 else data[wrapper:main]
    if end == len(data):
        view = memoryview(data)  # one copy of the kept bytes, not one per slice
        return b"".join((view[:body], b"<body>", lead, view[main:]))
    # marked, so that the extractor tells a cut that fell inside the story (a <footer> in it, on a page whose
    # own footer is missing: a download cut short) and has the page read whole
    return _CUT_2013.join(data, body, main, end, lead=lead, note="footer")


#: The mark of a 2013-2023 page whose tail prune() dropped (:class:`TailCut`)
_CUT_2013 = TailCut("japantimes-wp2013")


def _open_at_cut(el: etree._Element) -> bool:
    """Whether an element open where prune() cut the page holds what the extractor reads: any but the page's
    wrapper (the site's footer stands inside it)."""
    return el.get("id") != "wrapper"


#: Bytes rare in a page's tags, rarest first, for find_bytes: a mark is looked up by memchr on the first
#: of them it holds, or by a plain find when it holds none (a find is as cheap as ~20 candidates checked).
_RARE = b"+qkj_w"


def _marks(*marks: str) -> tuple[tuple[bytes, int], ...]:
    """Lower-cased marks, each with the position of its rarest letter (-1: none is rare)."""
    out = []
    for mark in marks:
        low = mark.lower().encode()
        out.append((low, min((low.index(c) for c in _RARE if c in low), key=lambda i: _RARE.index(low[i]),
                             default=-1)))
    return tuple(out)


#: In the parts of a current-design page that _prune_current cuts off, what could change a field when in
#: a tag: structured data (page.meta, page.url, the <title>, JSON-LD), the article's parts _scan takes
#: the first of, the section links, photos, and the boxes _outside reports wherever they are (by class,
#: see _OUTSIDE_CLASS, or id). Looked for in lower case: tag and attribute names are case-insensitive.
_CUR_CUT_RISKS = _marks(
    "<meta", "<title", "canonical", "ld+json",
    "jt-article-details", "title-article", "article-body", "byline", "publish-date", "article-section", "fresco",
    "OUTBRAIN", "article_footer_ad", "jt-related-stories", "jtarticle_related", "newsletter-signup", "note-to-",
    "single-sns-area", "jt-share", *sorted(_OUTSIDE_IDS), "taboola-", "content_footer_menu",
)
#: A box whose class names "subscribe" is reported outside the article only when a class before that
#: one gives it another kind (see _kind): one of these.
_CUR_CUT_KINDS = _marks(*(c for c, kind in CLASS_KINDS.items() if kind != "subscribe"))
_SPACE = frozenset(b" \t\n\r\f>")


def _prune_current(data: bytes, body: int) -> bytes | None:
    """The current design: ``<head>`` and the ``<main>`` that holds ``div.jt-article-details`` (the
    site header, menus and footer around it are most of the page). ``None`` (parse it all) when the
    parts cut off hold anything the extractor reads (see _CUR_CUT_RISKS) or the kept part's divs do
    not close in it (the article would run on past the cut)."""
    details = data.find(b"jt-article-details", body)
    if details < 0:
        return None
    start = data.rfind(b"<main", body, details)
    if start < 0 or data[start + 5] not in _SPACE:  # "<main " or "<main>", not "<mainbar"
        return None
    end = data.find(b"</main", details)
    if end < 0 or data.count(b"<div", start, end) != data.count(b"</div", start, end):
        return None
    # the text cut off matters only as the paywall's "Unable to view this article?" (a heading anywhere)
    if _unable_between(data, body, start) or _unable_between(data, end, len(data)):
        return None
    # the rest of what matters is in tags: look only at those (and short scripts and styles)
    tags = _markup(data, ((body, start), (end, len(data)))).lower()
    if _holds(tags, _CUR_CUT_RISKS) or (_subscribe_div(tags) and _holds(tags, _CUR_CUT_KINDS)):
        return None
    view = memoryview(data)  # one copy of the kept bytes, not one per concatenation
    return b"".join((view[:body], b"<body>", view[start:end]))


def _subscribe_div(tags: bytes) -> bool:
    """Whether "subscribe" is in a ``<div`` tag (or the text after one) of ``tags`` (lower-cased): only a
    div is a box by its class (a site header's "Subscribe" link is not)."""
    pos = 0
    while (i := tags.find(b"subscribe", pos)) >= 0:
        lt = tags.rfind(b"<", 0, i)
        if tags.startswith(b"<div", lt) and (lt + 4 == i or tags[lt + 4] in _SPACE):
            return True
        pos = i + 1
    return False


def _holds(data: bytes, marks: tuple[tuple[bytes, int], ...]) -> bool:
    return any((data.find(mark) if at < 0 else find_bytes(data, mark, at=at)) >= 0 for mark, at in marks)


def _unable_between(data: bytes, lo: int, hi: int) -> bool:
    """Whether ``_UNABLE_BYTES`` matches at a place in ``data[lo:hi]`` (the match may run on past ``hi``)."""
    pos = lo
    while 0 <= (i := find_bytes(data, b"Unable", pos)) < hi:
        if _UNABLE_BYTES.match(data, i):
            return True
        pos = i + 1
    return False


def _markup(data: bytes, spans: tuple[tuple[int, int], ...]) -> bytes:
    """The bytes of ``spans`` of ``data`` (joined by a NUL) without the contents of their scripts and
    styles that hold no ``<`` before their end tag: text only (no tag can be in them), most of a
    page's bytes, for the searches to skip."""
    view = memoryview(data)
    pieces: list[memoryview | bytes] = []
    for lo, hi in spans:
        if pieces:
            pieces.append(b"\0")
        pos = lo
        script = data.find(b"<script", pos, hi)
        style = data.find(b"<style", pos, hi)
        while script >= 0 or style >= 0:
            at, close = (script, b"</script") if style < 0 or 0 <= script < style else (style, b"</style")
            gt = data.find(b">", at, hi)
            if gt < 0:
                break
            lt = data.find(b"<", gt + 1, hi)  # memchr
            if lt > gt + 1 and data.startswith(close, lt):
                pieces.append(view[pos : gt + 1])
                pos = lt
            after = max(pos, gt + 1)
            if script < after:
                script = data.find(b"<script", after, hi)
            if style < after:
                style = data.find(b"<style", after, hi)
        pieces.append(view[pos:hi])
    return b"".join(pieces)


SITE = Site(
    id=SITE_ID,
    name="The Japan Times",
    hosts=("japantimes.co.jp",),
    names=NAMES,
    layouts=(
        Layout("current", _matches_current, extract_current),
        Layout("wp2013", _matches_wp2013, extract_wp2013),
    ),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE", "extract_current", "extract_wp2013", "parse_text", "prune"]
