"""JAPAN Forward — japan-forward.com (Sankei Shimbun-affiliated, WordPress with Yoast SEO).

Layout ``wp``: the article DOM is NOT attested (facts LOW). The module reads structured data first
(Yoast's JSON-LD ``@graph``, then ``article:published_time``), then WordPress theme selectors
(``h1.entry-title``, ``div.entry-content``, ``time.entry-date``), and says so with ``low-confidence``
warnings whenever a selector gave a field. The content's paragraphs, subheads, list items, quotations and bare
text are read in place; a table or any other box in it is kept out of the body as ``other``.

Site rules (facts HIGH):

- Bylines read "By NAME, Affiliation" ("By Jason Morgan, Reitaku University"): the person is the
  author, the rest the affiliation. Yoast's JSON-LD author is the CMS account ("Sankei Shimbun",
  "JAPAN Forward") and is used only when it is a person's name and no byline is printed.
- Photo captions end with a credit in parentheses: "(©Sankei by NAME)", "(© Sankei by NAME)",
  "(© Sankei)", "(Inside image ©Sankei by NAME)". Decision: ``Image.credit`` is the credit without the
  © sign and the parentheses — "Sankei by NAME" (the photographer is kept; the organisation is the
  part before " by ") or "Sankei" — and ``Image.caption`` is the caption without it.
- Translated Sankei pieces open with the language switch "このページを 日本語 で読む": it is kept out
  of the body as a ``navigation`` block (its link to the Japanese original as the item).
- Newsletter promos ("Weekly Digest", "The Editor's Picks", "Sports Updates", "Hidden Wonders of
  Japan") are kept out of the body as ``newsletter`` blocks.
- Stored copies may be mojibake (UTF-8 read as GBK); the shared loader repairs them when the repair
  is exact and raises :class:`jnparse.DecodeError` otherwise.

A copy of the page whose classes (and ids) are gone, as a web archive such as archive.today stores it, is
read by the places of its parts: the content is the div of the ``<article>`` beside the header holding the
headline with the most paragraphs, the header's category link, dek, byline and time are found around the
headline, the social box by its "Connect with us" and the lists by their headings ("Related"), with a
``layout``/``fallback`` warning (:func:`_read_unclassed`).

Text copies: "Connect with us" (the social box) → [site menu, "-" items] → category → headline → dek →
[byline] → [printed date] → [photo caption ending "(©Sankei by NAME)"] → [language switch] → paragraphs →
[newsletter promo] → ["Related" list] → [copyright line].
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import takewhile

from lxml import etree

from .._text import box_text, squash, strip_suffix, text_of
from ..bylines import BY_LINE, is_person_name, parse_byline
from ..dates import parse_date_only
from ..errors import WholePageNeeded
from ..model import Article, Block, Byline, Discarded, Image, Item, Notice
from ..page import Page, xpath
from ..structured import ld_names, ld_text, strip_tags
from ..textcopy import SENTENCE_END, TextCopy, is_bullet, is_subhead_line, list_blocks, list_item
from .base import (
    ARTICLE_HEADERS,
    INLINE_TAGS,
    STORY_BLOCKS,
    Layout,
    Site,
    TailCut,
    apart_block,
    cut_dateline,
    cut_to,
    discard,
    find_bytes,
    has_ancestor_below,
    has_class,
    image,
    img_url,
    in_tag,
    is_photo_figure,
    is_share_box,
    link_items,
    text_beyond,
    walk_story,
)

SITE_ID = "japanforward"
NAMES = ("JAPAN Forward", "Japan Forward", "JAPAN FORWARD")

# -- selectors ------------------------------------------------------------------------------------------
# One walk over the tree (:func:`_scan`) finds every container the extractor reads; the tests below
# are those of the class-word XPath tests they replace, ``contains(concat(' ', normalize-space(@class),
# ' '), ' WORD ')``: a word between XML white space. A ``//`` XPath with such a test costs about as
# much as that walk, each time. Only FINGERPRINT (pages that do not name their address) is XPath.
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
FINGERPRINT = xpath(
    "//img[contains(@src, 'japan-forward.com/wp-content/')]"
    " | //link[contains(@href, 'japan-forward.com/wp-content/')]"
    " | //figcaption[contains(., '©Sankei') or contains(., '© Sankei')]"
    f" | //*[{_HAS.format('entry-content')}]//*[contains(., 'このページを')][.//a]"
)
_XML_SPACE = re.compile("[ \t\r\n]+")
_HEADING_TAGS = frozenset({"h2", "h3", "h4"})  # a box's heading


def _words(cls: str) -> list[str]:
    """The class words as XPath's normalize-space splits them (XML white space only, not U+00A0), and
    empty strings (never looked for) where there are two spaces in a row or at the ends."""
    if "\t" in cls or "\n" in cls or "\r" in cls:  # rare: the regex split only then
        return _XML_SPACE.split(cls)
    return cls.split(" ")


_CLASS = b"class"  # lxml encodes a str attribute name on every get()


def _outermost_byline(el: etree._Element) -> bool:
    """``el`` is a .byline or .author not inside another one."""
    if not has_class(el, "byline", "author"):
        return False
    for a in el.iterancestors():
        c = a.get(_CLASS)
        if c and ("byline" in c or "author" in c) and has_class(a, "byline", "author"):
            return False
    return True


class _Parts:
    """What the whole-page selectors found, in document order."""

    __slots__ = ("article", "byline", "category", "content", "dek", "entry_date", "related", "social", "thumb",
                 "title")

    def __init__(self) -> None:
        self.content: etree._Element | None = None  # div.entry-content
        self.article: etree._Element | None = None  # <article>
        self.title: etree._Element | None = None  # h1.entry-title, or an h1 in an <article>
        self.dek: etree._Element | None = None  # .entry-subtitle, .entry-excerpt
        self.category: etree._Element | None = None  # a link in .entry-category or .cat-links
        self.byline: etree._Element | None = None  # .byline or .author (outermost) in .entry-meta
        self.entry_date: str | None = None  # @datetime of time.entry-date or time.published
        self.thumb: etree._Element | None = None  # a figure in .post-thumbnail, or one without a figure
        self.social: list[etree._Element] = []  # .social-box, .connect-with-us
        self.related: list[etree._Element] = []  # .jp-related, .related-posts, .related (outermost)


def _scan(root: etree._Element) -> _Parts:
    parts = _Parts()
    # the one walk over every element: only its class is read (the few tags of note are found by
    # walks filtered in C); `in` tests cost less than a regex search
    marked = [el for el in root.iter() if (c := el.get(_CLASS)) and (
        "entry-" in c or "related" in c or "social-box" in c or "connect-with-us" in c or "cat-links" in c
        or "post-thumbnail" in c or "published" in c)]
    parts.article = next(root.iter("article"), None)
    for h1 in root.iter("h1"):
        if has_class(h1, "entry-title") or next(h1.iterancestors("article"), None) is not None:
            parts.title = h1
            break
    categories: list[etree._Element] = []
    metas: list[etree._Element] = []
    thumbs: list[etree._Element] = []
    for el in marked:
        words = _words(el.get(_CLASS) or "")
        if parts.content is None and el.tag == "div" and "entry-content" in words:
            parts.content = el
        if parts.dek is None and ("entry-subtitle" in words or "entry-excerpt" in words):
            parts.dek = el
        if "entry-category" in words or "cat-links" in words:
            categories.append(el)
        if "entry-meta" in words:
            metas.append(el)
        if parts.entry_date is None and el.tag == "time" and ("entry-date" in words or "published" in words):
            parts.entry_date = el.get("datetime")
        if "post-thumbnail" in words:
            thumbs.append(el)
        if "social-box" in words or "connect-with-us" in words:
            parts.social.append(el)
        if ("jp-related" in words or "related-posts" in words or "related" in words) and not _in_related(el):
            parts.related.append(el)
    parts.thumb = _thumbnail(thumbs)
    parts.category = _first_in(categories, lambda a: a.tag == "a" and (
        a.get("rel") == "category tag" or a.get("href") is not None))
    parts.byline = _first_in(metas, _outermost_byline)
    return parts


def _in_related(el: etree._Element) -> bool:
    """An ancestor of ``el`` is a .related or .related-posts."""
    for a in el.iterancestors():
        c = a.get(_CLASS)
        if c and "related" in c and has_class(a, "related", "related-posts"):
            return True
    return False


def _thumbnail(thumbs: list[etree._Element]) -> etree._Element | None:
    """``(//*[.post-thumbnail]//figure | //*[.post-thumbnail][not(.//figure)])[1]`` from the
    post-thumbnail elements in document order: the first one if it holds no figure, else its first
    figure, unless a post-thumbnail without a figure nested in it comes before that figure (every
    other candidate comes after)."""
    if not thumbs:
        return None
    outer = thumbs[0]
    fig = next(outer.iterdescendants("figure"), None)
    if fig is None:
        return outer
    for d in outer.iterdescendants():
        if d is fig:
            break
        if any(d is t for t in thumbs) and next(d.iterdescendants("figure"), None) is None:
            return d
    return fig


def _first_in(containers: list[etree._Element], test: Callable[[etree._Element], bool]) -> etree._Element | None:
    """The first descendant of any of ``containers`` (in document order) that passes ``test``: the
    first container with such a descendant holds it (a later container is inside it or after it)."""
    for c in containers:
        for d in c.iterdescendants(etree.Element):
            if test(d):
                return d
    return None


def _heading(el: etree._Element) -> etree._Element | None:
    """``(.//h2 | .//h3 | .//h4 | .//*[contains(@class,'title')])[1]``"""
    for d in el.iterdescendants(etree.Element):
        if d.tag in _HEADING_TAGS or "title" in (d.get("class") or ""):
            return d
    return None


def _caption(fig: etree._Element) -> etree._Element | None:
    """``(.//figcaption | .//*[contains(@class,'wp-caption-text')])[1]``"""
    for d in fig.iterdescendants(etree.Element):
        if d.tag == "figcaption" or "wp-caption-text" in (d.get("class") or ""):
            return d
    return None


def _list_links(el: etree._Element) -> list[etree._Element]:
    """``.//li//a[@href] | .//h3/a[@href] | .//h4/a[@href]``"""
    out: list[etree._Element] = []
    for a in el.iterdescendants("a"):
        if a.get("href") is None:
            continue
        parent = a.getparent()
        if (parent is not None and parent.tag in ("h3", "h4")) or has_ancestor_below(a, el, "li"):
            out.append(a)
    return out


_LANG_SWITCH = re.compile(r"^このページを\s*日本語\s*で読む$")
_NEWSLETTERS = ("Weekly Digest", "The Editor's Picks", "The Editor’s Picks", "Sports Updates",
                "Hidden Wonders of Japan")
# "(©Sankei by NAME)", "(© Sankei)", "(Inside image ©Sankei by NAME)", "(© JAPAN Forward)"
_CREDIT = re.compile(r"\s*\((?:[A-Za-z ]{0,20}?\s)?©\s?(?P<credit>[^()]{1,80})\)\s*\.?$")
_AUTHOR_LINE = re.compile(r"^(?:Author|By)\s*[:\s]")
_AUTHOR_PREFIX = re.compile(r"^Author\s*:\s*")
_SIGN_UP_LINE = re.compile(r"^(?:Sign up|Subscribe)\b")
_SIGN_UP = re.compile(r"sign up|subscribe", re.IGNORECASE)


def _credit(caption: str) -> tuple[str | None, str | None]:
    """``(caption without the credit, credit)``:
    "Cherry trees. (©Sankei by A B)" → ("Cherry trees.", "Sankei by A B")."""
    text = squash(caption)
    m = _CREDIT.search(text)
    if not m:
        return text or None, None
    return text[: m.start()].strip() or None, squash(m.group("credit")) or None


def _is_newsletter(el: etree._Element, text: str, cls: str) -> bool:
    """``text`` is the element's :func:`text_of`, ``cls`` its class in lower case (read once per element
    by :func:`_body`)."""
    if "newsletter" in cls or "mc4wp" in cls or "subscribe" in cls:
        return True
    return el.tag == "div" and any(n in text for n in _NEWSLETTERS) and _SIGN_UP.search(text) is not None


def _newsletter_block(el: etree._Element, text: str) -> Discarded:
    head_el = _heading(el)
    heading = text_of(head_el) if head_el is not None else None
    if heading and text.startswith(heading):
        text = text[len(heading):].strip()
    return discard("newsletter", heading or None, (), text or None)


def _lang_block(page: Page, el: etree._Element, text: str) -> Discarded:
    items = tuple(Item(title=t, url=page.absolute(a.get("href"))) for a in el.iter("a") if (t := text_of(a)))
    return discard("navigation", None, items, text)


def _figure(page: Page, fig: etree._Element) -> Image:
    cap_el = _caption(fig)
    if cap_el is None and fig.tag == "figure":
        cap_el = fig  # no caption element: whatever text the figure holds is its caption (never lost)
    caption, credit = _credit(text_of(cap_el)) if cap_el is not None else (None, None)
    return image(img_url(page, next(fig.iterdescendants("img"), None)), caption, credit)


def _date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _body(page: Page, content: etree._Element, *, unclassed: bool = False, whole_article: bool = False,
          ) -> tuple[list[Block], list[Image], list[Discarded], Byline | None]:
    """Blocks, photos, boxes kept out of the body, and a byline printed in the content; ``unclassed``: the page's
    classes are gone, and a box is told by what it holds (:func:`_told_kind`); ``whole_article``: the content is
    the whole article (or page), its story's box not found, and its header (the headline, the byline) is kept apart.

    The content's pieces (:func:`_pieces`) are read in order, the wrappers' (:data:`STORY_WRAPPERS`) in their place:
    paragraphs, subheads (``h2``–``h6``), each list item and each run of bare text are body blocks; a table is
    kept out as ``other`` (a line per row, its cells apart), and so is any other element with text (an ``aside``)."""
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []
    byline: Byline | None = None

    def own_box(el: etree._Element) -> bool:
        """Whether ``el`` is a box this design prints (read below as a piece of kind ``kept``): a newsletter's
        sign-up, the switch to the Japanese page, a photo, share buttons, a "Related" list, an ad, the article's
        header; a paragraph's own tests wait for its text, read once below."""
        tag = el.tag
        if tag in INLINE_TAGS:
            return False
        raw_cls = el.get(_CLASS) or ""
        cls = raw_cls.lower()
        if "newsletter" in cls or "mc4wp" in cls or "subscribe" in cls:
            return True
        if tag in STORY_BLOCKS:
            return False
        if is_photo_figure(el) or (whole_article and tag in ARTICLE_HEADERS):
            return True
        if tag != "div":
            return _LANG_SWITCH.match(text_of(el)) is not None
        if "wp-caption" in raw_cls or any(k in cls for k in ("share", "sharedaddy", "jp-relatedposts", "related")):
            return True
        text = text_of(el)
        return (_LANG_SWITCH.match(text) is not None or _is_newsletter(el, text, cls)
                or (any(k in cls for k in ("ad", "advert", "banner")) and not text.endswith("."))
                or (unclassed and not cls and _told_kind(el) is not None))

    pieces = walk_story(content, content.text, keep_out=own_box, kept=True)
    for i, (kind, el) in enumerate(pieces):
        if isinstance(el, str):  # bare text
            blocks.append(Block("paragraph", el))
            continue
        if kind == "apart":  # a table, an aside, a box its class or id names: kept out, not lost
            if (found := apart_block(page, el)) is not None:
                discarded.append(found)
            continue
        tag = el.tag
        text = text_of(el)
        cls = (el.get(_CLASS) or "").lower()
        if _LANG_SWITCH.match(text) is not None:
            discarded.append(_lang_block(page, el, text))
        elif _is_newsletter(el, text, cls):
            discarded.append(_newsletter_block(el, text))
        elif kind != "kept":  # a paragraph, a list's item or a subhead
            if not text:
                continue
            # a photo credit ("(©Sankei ...)") needs the sign: most paragraphs are passed over on it
            if tag == "p" and len(text) < 200 and "©" in text \
                    and (img := next(el.iterdescendants("img"), None)) is not None and _CREDIT.search(text):
                images.append(_figure(page, el) if _caption(el) is not None else
                              image(img_url(page, img), *_credit(text)))
                continue
            if tag == "p" and byline is None and _AUTHOR_LINE.match(text) and len(text) < 120 \
                    and (not blocks or all(k in ("apart", "kept") for k, _ in pieces[i + 1 :])):
                # (the story's first block, or its last: only boxes follow it)
                byline = parse_byline(_AUTHOR_PREFIX.sub("By ", text))
                if byline is not None:
                    continue
            blocks.append(Block(kind, text))
        elif is_photo_figure(el) or (tag == "div" and "wp-caption" in el.get(_CLASS, "")):
            if text or next(el.iter("img"), None) is not None:  # (an empty figure, a script's to fill: no photo)
                images.append(_figure(page, el))
        elif tag in ARTICLE_HEADERS and whole_article:
            if text:
                discarded.append(discard("other", None, (), box_text(el)))
        elif any(k in cls for k in ("share", "sharedaddy", "jp-relatedposts", "related")):
            box = "share" if "share" in cls else "related"
            items = link_items(page, el)  # (a box with no link: its text, not lost)
            heading = text_of(_heading(el)) or None
            discarded.append(discard(box, heading, items, text_beyond(el, heading, items)) if items
                             else discard(box, None, (), box_text(el)))
        elif any(k in cls for k in ("ad", "advert", "banner")) and not text.endswith("."):
            discarded.append(discard("ad", None, (), box_text(el)))  # (its blocks apart: "Ad textMore ad" no word)
        elif (told := _told_kind(el)) is not None:  # (a page whose classes are gone)
            discarded.append(discard(told, text_of(_heading(el)) or None, link_items(page, el)))
    return blocks, images, discarded, byline


def _section(page: Page, shown: str | None) -> str | None:
    """Yoast lists every category of the post; the one the page shows is the most specific."""
    value = page.ld("articleSection")
    if isinstance(value, list):
        names = [t for v in value if (t := ld_text(v))]
        if shown and shown in names:
            return shown
        return names[0] if names else None
    return ld_text(value)


def extract_wp(page: Page) -> Article:
    root = page.root
    if _CUT.cut_short(root, _read_at_cut):  # (takes the cut's sentinel out of the tree)
        raise WholePageNeeded("the pruned page cut an element the extractor reads: parse the whole page")
    parts = _scan(root)
    # the content carries its class on every page of the theme: without it, an article with no class that holds
    # the headline and a div of paragraphs is a copy whose classes are gone (a web archive's)
    unclassed = parts.content is None and _read_unclassed(page, root, parts)
    content = parts.content
    if content is None:
        page.warn("body", "unknown-layout", "no div.entry-content")
        content = parts.article
        if content is None:
            content = root
    title = page.pick(
        "title",
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := squash(page.meta_value("og:title"))) else None),
        ("h1.entry-title", lambda: text_of(parts.title) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    shown = text_of(parts.category) or None
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: _section(page, shown)),
        ("article:section", lambda: page.meta_value("article:section")),
        ("category link", lambda: shown),
    )
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("time.entry-date", lambda: _date(page, parts.entry_date)),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks, images, discarded, body_byline = _body(page, content, unclassed=unclassed,
                                                   whole_article=content is not parts.content)
    page.warn("body", "low-confidence", "div.entry-content (WordPress theme selector) is not attested for this site")
    thumb = parts.thumb
    if thumb is not None and content is not root and not any(thumb is a for a in content.iterancestors()):
        images.insert(0, _figure(page, thumb))

    byline_el = parts.byline
    byline = parse_byline(text_of(byline_el)) if byline_el is not None else None
    if byline is None:
        byline = body_byline
    if byline is None:
        names = [n for n in ld_names(page.ld("author")) if is_person_name(n)]
        if names:
            page.warn("byline", "fallback", "read from the JSON-LD author")
            byline = Byline(raw=", ".join(names), authors=tuple(names))
    elif byline_el is not None:
        page.warn("byline", "low-confidence", "the entry-meta byline selector is not attested for this site")

    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        page.warn("body", "missing", "no paragraphs in the entry content")
    discarded.extend(discard("share", text_of(_heading(el)) or _first_line(el), link_items(page, el))
                     for el in parts.social)
    discarded.extend(discard("related", text_of(_heading(el)) or None, link_items(page, el, links=_list_links))
                     for el in parts.related if not any(el is a for a in content.iterancestors())
                     and not any(a is content for a in el.iterancestors()))
    dek = text_of(parts.dek) or None
    return Article(
        site=SITE_ID,
        url=page.url,
        title=title,
        section=section,
        published=published,
        updated=updated,
        byline=byline,
        dateline=dateline,
        agency=dateline.agency if dateline else None,
        body=blocks,
        images=images,
        discarded=discarded,
        paywalled=False,
        kicker=None,
        description=dek or strip_tags(page.meta_value("og:description", "description")),
        layout="japanforward/wp",
        warnings=page.notices,
    )


# -- a copy whose classes are gone ------------------------------------------------------------------


def _read_unclassed(page: Page, root: etree._Element, parts: _Parts) -> bool:
    """Whether the page is a copy whose classes are gone (a web archive's): its first ``<article>`` and the
    headline in it have no class, and a div of the article with no class, beside the header that holds the
    headline, holds paragraphs. If so, find by their places what :func:`_scan` finds by class: the content
    (that div, the one with the most paragraphs and subheads), in the header the category (WordPress's
    ``rel="category tag"`` link), the dek (a paragraph right under the headline), the byline (the outermost
    element after the headline printing "By …" and no time) and the time; a figure of the article above the
    content (the post thumbnail); in the page, the social box and the lists of stories
    (:func:`_told_boxes`)."""
    article, h1 = parts.article, parts.title
    if article is None or h1 is None or article.get(_CLASS) or h1.get(_CLASS):
        return False
    header = next((a for a in (h1, *h1.iterancestors()) if a.getparent() is article), None)
    content, most = None, 0
    for box in article.iterchildren("div"):
        count = sum(1 for c in box if c.tag in ("p", "h2", "h3", "h4"))
        if box is not header and not box.get(_CLASS) and count > most:
            content, most = box, count
    if header is None or content is None:
        return False
    parts.content = content
    parts.category = next((a for a in header.iter("a") if "category" in (a.get("rel") or "").split()), None)
    dek = h1.getnext()
    if dek is not None and dek.tag == "p" and BY_LINE.match(text_of(dek)) is None:
        parts.dek = dek
    parts.byline = _byline_after(h1, content)
    parts.entry_date = next((d for t in header.iter("time") if (d := t.get("datetime"))), None)
    above = takewhile(lambda child: child is not content, article)
    parts.thumb = next((fig for child in above for fig in child.iter("figure")), None)
    parts.social, parts.related = _told_boxes(root, content)
    page.warn("layout", "fallback", "the page has no classes (a web archive's copy?): its content, header, social "
              "box and lists were found by their places and what they hold")
    return True


def _byline_after(h1: etree._Element, content: etree._Element) -> etree._Element | None:
    """The byline of a page whose classes are gone: the outermost element after the headline and above the
    content that prints "By …" and no time (the meta line holding both has the byline inside it)."""
    for after in h1.itersiblings():
        if after is content:
            break
        for el in after.iter(etree.Element):
            text = text_of(el)
            if BY_LINE.match(text) and len(text) < 150 and next(el.iter("time"), None) is None:
                return el
    return None


def _told_boxes(root: etree._Element, content: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The social boxes and the lists of stories outside the content of a page whose classes are gone, told by
    their labels: "Connect with us" (:data:`_SOCIAL_LINE`: the label, or the box it heads, holding the links),
    and a heading of :data:`_RELATED_HEADINGS` heading a box of listed links."""
    social: list[etree._Element] = []
    related: list[etree._Element] = []
    for el in root.iter("span", "div", "p", "h2", "h3", "h4"):
        label = squash(el.text)
        if not label:
            continue
        if _SOCIAL_LINE.match(label) is not None:
            box = el if next(el.iter("a"), None) is not None else el.getparent()
            if box is not None and next(box.iter("a"), None) is not None:
                social.append(box)
        elif el.tag in _HEADING_TAGS and label in _RELATED_HEADINGS:
            box = el.getparent()
            if box is not None and not _within(box, content) and not _within(content, box) and _list_links(box):
                related.append(box)
    return social, related


def _within(el: etree._Element, box: etree._Element) -> bool:
    return el is box or any(a is box for a in el.iterancestors())


def _told_kind(el: etree._Element) -> str | None:
    """The kind of a box in the content that no class marks (the page's classes are gone), told by what it
    holds: share buttons (:func:`~.base.is_share_box`), or a list of stories under one of
    :data:`_RELATED_HEADINGS`."""
    if is_share_box(el):
        return "share"
    head = next((c for c in el if isinstance(c.tag, str)), None)
    if head is not None and head.tag in _HEADING_TAGS and text_of(head) in _RELATED_HEADINGS and _list_links(el):
        return "related"
    return None


def _first_line(el: etree._Element) -> str | None:
    for t in el.itertext():
        if t.strip():
            return squash(t)
    return None


#: Bytes one of which FINGERPRINT needs in the page (its files, the Sankei photo credit); the
#: language-switch link needs ``entry-content`` and Japanese text (or character references).
_FINGERPRINT_BYTES = (b"japan-forward.com/wp-content/", b"Sankei")


def fingerprint(page: Page) -> bool:
    source = page.source
    if source is not None and not any(mark in source for mark in _FINGERPRINT_BYTES) and not (
            b"entry-content" in source and (b"\xe3\x81\x93" in source or b"&#" in source)):
        return False  # none of the names the markup needs is in the page: no tree walk
    return bool(FINGERPRINT(page.root))


# -- pruning ---------------------------------------------------------------------------------------
# The menus, banners and footer around the article are most of a page's parse. ``prune`` drops them
# when it can tell from the bytes that nothing there reaches the extractor: it keeps <head> and the
# page from the start tag that holds the first of these marks (so the kept bytes hold every element
# the selectors match, and every element of theirs that an ancestor test reads) to the last
# </article>, or to the end when a mark follows it. Dropping the tail can leave an element open that
# went on past the cut: the pruned page ends with a sentinel element (base.TailCut), and the extractor
# refuses the parse (api.py then parses the whole page) when an element it reads is among the sentinel's
# ancestors.
#
# The marks count only in tags (class words, tag names, a script's type), so long stretches outside every
# tag (the text of scripts and styles: most of a page's chrome) are not searched (see _text_runs), and each
# mark is looked for once in the rest joined (_Markup). A mark is found with memchr on its rarest byte when
# it has one.
_PRUNE_MARKS = (
    b"entry-",  # entry-content, -title, -subtitle, -excerpt, -category, -meta, -date
    b"related",  # related, related-posts, jp-related
    b"social-box", b"connect-with-us", b"cat-links", b"post-thumbnail", b"published", b"byline", b"author",
    b"<article",  # the content's fallback, and the h1 in an <article>
    b"<meta", b"ld+json",  # structured data (structured.scan reads it wherever it is)
)
# marks that count only in an ancestor of an element read, which the dropped tail cannot hold (an
# element open at the tail cut is the sentinel's ancestor, and the extractor checks those)
_ANCESTRAL = (b"byline", b"author")
#: Bytes rare in a page's markup: a mark holding one is found by memchr on it (base.find_bytes), one holding
#: none by a plain find. Lower-case letters are not rare in real pages' tags (menus, addresses, "jquery":
#: hundreds of "y", "k", "w" or "x" on the corpus pages): their false candidates cost more than the find.
_RARE = b"+"


#: a mark, the position of its rarest byte (-1: none is rare) and that byte
_Probed = tuple[bytes, int, bytes]


def _probed(*marks: bytes) -> tuple[_Probed, ...]:
    """Each mark with its rarest byte (by _RARE) and where it stands."""
    out: list[_Probed] = []
    for m in marks:
        at = min((m.index(c) for c in _RARE if c in m), key=lambda i: _RARE.index(m[i]), default=-1)
        out.append((m, at, m[at : at + 1] if at >= 0 else b""))
    return tuple(out)


_FRONT_MARKS = _probed(*_PRUNE_MARKS)
_TAIL_MARKS = _probed(*(m for m in _PRUNE_MARKS if m not in _ANCESTRAL))
_TITLE_MARK = _probed(b"<title")
_LINK_MARK = _probed(b"<link")
# raw text and comments: a "<" inside them is not a tag to cut at. The cut is moved back out of them from
# the first mark, their openers looked for in the bytes searched for marks (no "<" is in a stretch left out)
# rather than by a walk over the whole chrome from <body> (base.TagFinder): a stricter walk would only move
# the cut less often.
_RAW = ((b"<script", b"</script"), (b"<style", b"</style"), (b"<!--", b"-->"))
# an element open at the tail cut that the extractor reads (or reads text from)
_READ_TAGS = frozenset({"article", "h1", "figure", "a", "time"})
_READ_CLASS = re.compile("entry-|related|social-box|connect-with-us|cat-links|post-thumbnail|published|byline|author")
_MIN_PRUNE = 4096  # fewer bytes dropped than this is not worth a second copy of the page
_CUT = TailCut("japanforward")  # the mark of a page whose tail was dropped
_ARTICLE_END = b"</article>"

# -- stretches outside every tag ------------------------------------------------------------------------
# The marks count only in tags (class words, tag names, a script's type): a stretch of bytes that lies
# outside every tag (text, the text of a script or style, a comment) holds none that reaches the extractor,
# and is not searched. Scripts and styles are most of a page's chrome, and each mark looked for costs a pass
# over the bytes searched. A stretch is found by its having no "<" for _MIN_RUN bytes (memchr in windows of
# that size): from its last "<" (not inside a tag: base.in_tag, under its assumption about attribute
# values) to the next, only the tag that "<" opens (if any) can be open, and the stretch starts where that
# tag ends (_TAG, the tokenizer's reading of quoted and plain attribute values); a tag read otherwise (a
# quote in an attribute name, a value the pattern does not take) leaves the stretch searched. A plain value
# is read up to a "/" after its first byte (the rest as more attributes: the same end of the tag) and may hold
# no "=": the pattern then has one way only to match, and a tag not ending before the next "<" fails fast.
_MIN_RUN = 1024  # the window looked through for a "<": a smaller one takes more finds than it saves
_TAG = re.compile(
    rb"</?[A-Za-z][^ \t\n\r\f/<>]*"  # the tag name
    rb"""(?:[ \t\n\r\f/]+[^ \t\n\r\f"'<>/=]+"""  # an attribute's name
    rb"""(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\r\f>"'=][^ \t\n\r\f>"'/=]*))?)*"""  # its value
    rb"[ \t\n\r\f/]*>"
)


def _text_runs(data: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of ``data[lo:hi]`` (``lo``: a "<" in the tokenizer's data state) of at least
    ``_MIN_RUN`` bytes that lie outside every tag, in order."""
    runs: list[tuple[int, int]] = []
    pos = lo + 1
    while pos + _MIN_RUN <= hi:
        lt = data.rfind(b"<", pos, pos + _MIN_RUN)
        if lt >= 0:
            pos = lt + 1
            continue
        last = data.rfind(b"<", lo, pos)  # >= lo: data[lo] is a "<"
        stop = data.find(b"<", pos + _MIN_RUN, hi)
        if stop < 0:
            stop = hi
        pos = stop + 1
        if in_tag(data, lo, last):
            continue
        follows = data[last + 1 : last + 2]
        if follows in (b"!", b"?"):  # a comment, a doctype, a bogus comment: no tag
            start = last + (4 if data.startswith(b"<!--", last) else 2)  # the opener stays searched (_RAW)
        elif follows.isalpha() or follows == b"/":
            tag = _TAG.match(data, last, stop)
            if tag is None:
                continue
            start = tag.end()
        else:  # a "<" that opens nothing is text
            start = last + 1
        if stop - start >= _MIN_RUN:
            runs.append((start, stop))
    return runs


class _Markup:
    """The page's bytes from ``<body`` on without the stretches outside every tag, joined by NUL bytes
    (no mark holds one, so none is found across a join): each mark is looked for once, not once a piece,
    and a page with many scripts has many pieces. Offsets convert between the page and the joined bytes."""

    __slots__ = ("joined", "offsets", "starts", "stops")

    def __init__(self, data: bytes, lo: int, runs: list[tuple[int, int]]) -> None:
        view = memoryview(data)
        pieces: list[memoryview] = []
        self.starts: list[int] = []  # where each piece starts in the page
        self.stops: list[int] = []  # where it ends
        self.offsets: list[int] = []  # where it starts in the joined bytes
        at = 0
        for start, stop in [*runs, (len(data), len(data))]:
            if start > lo:
                pieces.append(view[lo:start])
                self.starts.append(lo)
                self.stops.append(start)
                self.offsets.append(at)
                at += start - lo + 1
            lo = stop
        self.joined = b"\0".join(pieces)

    def to_page(self, i: int) -> int:
        k = bisect_right(self.offsets, i) - 1
        return self.starts[k] + i - self.offsets[k]

    def to_joined(self, i: int) -> int:
        """The joined offset of page offset ``i``, or of the end of the piece before when ``i`` is in a stretch
        left out (no needle with a "<" starts in one)."""
        k = bisect_right(self.starts, i) - 1
        if k < 0:
            return 0
        return self.offsets[k] + min(i, self.stops[k]) - self.starts[k]


_FIRST_CHUNK = 8192


def _first_mark(data: bytes, start: int, marks: tuple[_Probed, ...]) -> int:
    """Where the first of ``marks`` in ``data[start:]`` starts; ``-1`` when none is there.

    Looked for in chunks that double in size: a mark absent from the page costs a pass over the bytes up to
    the first one found (and at most as many again), not over the whole page."""
    lo, size = start, _FIRST_CHUNK
    while lo < len(data):
        hi = min(len(data), lo + size)
        first = hi
        for needle, at, probe in marks:
            stop = first + len(needle) - 1  # a match that starts before the best one so far (or the chunk's end)
            if at < 0:
                i = data.find(needle, lo, stop)
            elif data.find(probe, lo + at, stop) < 0:  # memchr: the usual answer for a mark not there
                continue
            else:
                i = find_bytes(data, needle, lo, stop, at=at)
            if 0 <= i < first:
                first = i
        if first < hi:
            return first
        lo, size = hi, size * 2
    return -1


def prune(data: bytes) -> bytes | None:
    """``<head>`` plus the page from the tag holding the first mark the extractor needs to the last
    ``</article>`` (then a sentinel), or to the end; ``None`` when the marks come too early to save
    anything or the cut cannot be placed with certainty.

    Assumes lower-case tag names (libxml2 reads ``<META>`` as ``meta``; no WordPress theme writes it). A page
    with no class attribute is read whole (:func:`_read_unclassed` looks for its boxes by their labels).
    The caller (api.py) guarantees the page is UTF-8 throughout, in the bytes dropped too.
    """
    body = data.find(b"<body")
    if body < 0:
        return None
    if data.find(b"class=", body) < 0:
        return None  # a copy whose classes are gone: its social box and lists are told by their labels, anywhere
    marks, tail_marks = _FRONT_MARKS, _TAIL_MARKS
    if data.find(b"<title", 0, body) < 0:  # only the first <title> is read
        marks, tail_marks = marks + _TITLE_MARK, tail_marks + _TITLE_MARK
    if data.find(b"canonical", 0, body) < 0:  # only the first canonical link is read
        marks, tail_marks = marks + _LINK_MARK, tail_marks + _LINK_MARK
    markup = _Markup(data, body, _text_runs(data, body, len(data)))
    tags = markup.joined
    first = _first_mark(tags, 0, marks)
    if first < 0:
        return None  # nothing the extractor reads: let the whole page show it
    cut = markup.to_page(tags.rfind(b"<", 0, first))
    for _ in range(4):  # move the cut out of a script, style, comment or tag it falls in
        moved = False
        for opener, closer in _RAW:
            o = tags.rfind(opener, 0, markup.to_joined(cut))
            if o >= 0 and data.find(closer, o := markup.to_page(o), cut) < 0:
                cut, moved = o, True
        if in_tag(data, body, cut):  # a "<" in an attribute value: cut at the tag's own "<" (base.in_tag)
            gt = data.rfind(b">", body, cut)
            cut, moved = data.find(b"<", gt + 1 if gt >= 0 else body, cut), True
        if not moved:
            break
    else:
        return None
    if cut - body < _MIN_PRUNE:
        return None
    end = tags.rfind(_ARTICLE_END)
    if end >= 0 and markup.to_page(end) >= cut:
        end += len(_ARTICLE_END)
        if _first_mark(tags, end, tail_marks) < 0:
            end = markup.to_page(end - 1) + 1
            if len(data) - end >= _MIN_PRUNE:
                return _CUT.join(data, body, cut, end)
    return cut_to(data, body, cut, len(data))


def _read_at_cut(el: etree._Element) -> bool:
    """Whether the extractor reads ``el`` (or text from it): on a page whose tail ``prune`` dropped, such an
    element still open at the cut went on in the dropped bytes."""
    cls = el.get("class")
    return el.tag in _READ_TAGS or (cls is not None and _READ_CLASS.search(cls) is not None)


def _matches_wp(page: Page) -> bool:
    return True


# -- text copies ------------------------------------------------------------------------------------

#: The social box's line: "Connect with us", with the networks' link names when a copy tool joins them on.
_SOCIAL_LINE = re.compile(r"^Connect with us(?:\s+(?:X|Twitter|Facebook|Instagram|YouTube|LinkedIn|Threads))*$")
#: The site footer's copyright line ("© 2024 JAPAN Forward").
_FOOTER_LINE = re.compile(r"^©\s?\d{4}\s+JAPAN Forward\b")
#: Headings of the link lists under the story (their items follow as "-" lines).
_LIST_HEADINGS = {"Related": "related", "Related Articles": "related", "Read more": "read-more"}
#: Headings of the lists of related stories (a box of a page whose classes are gone is told by them)
_RELATED_HEADINGS = frozenset(h for h, kind in _LIST_HEADINGS.items() if kind == "related")


def text_signature(copy: TextCopy) -> bool:
    lines = copy.lines
    if any(_LANG_SWITCH.match(ln) for ln in lines[:40]):
        return True
    if any(ln.endswith(("(©Sankei)", "(© Sankei)")) or "(©Sankei by " in ln or "(© Sankei by " in ln
           for ln in lines[:40]):
        return True
    return bool(lines) and _SOCIAL_LINE.match(lines[0]) is not None and any("JAPAN Forward" in ln for ln in lines)


def _newsletter_heading(line: str) -> bool:
    return any(line.startswith(n) for n in _NEWSLETTERS) or _SIGN_UP_LINE.match(line) is not None



def _menu(lines: list[str]) -> Discarded | None:
    """The site menu a copy prints first: "-" item lines (each "-" then its title, or "- Title"), taken off
    ``lines``; ``None`` when the copy does not open with one."""
    items: list[Item] = []
    raw: list[str] = []
    while lines and (rest := list_item(lines[0])) is not None:
        if not rest and (len(lines) < 2 or is_bullet(lines[1])):
            break
        raw.append(lines.pop(0))
        if not rest:
            rest = lines.pop(0)
            raw.append(rest)
        items.append(Item(title=rest))
    return Discarded(kind="navigation", items=tuple(items), text="\n".join(raw)) if raw else None


def _tail(lines: list[str]) -> list[Discarded]:
    """The footer line and the link lists ("Related", then "-" items) at the end of the copy, taken off
    ``lines``."""
    found: list[Discarded] = []
    while lines and _FOOTER_LINE.match(lines[-1]):
        found.insert(0, Discarded(kind="other", text=lines.pop()))
    at = next((i for i in range(len(lines) - 2, -1, -1)
               if lines[i] in _LIST_HEADINGS and is_bullet(lines[i + 1])), None)
    if at is not None:
        before, blocks, leftovers = list_blocks(lines[at:], _LIST_HEADINGS.get)
        extra = [Discarded(kind="other", text="\n".join(before + leftovers))] if before or leftovers else []
        found[:0] = blocks + extra
        del lines[at:]
    return found


def parse_text(copy: TextCopy) -> Article:
    """See the module docstring for the order; a copy of the whole page adds the site menu ("-" items)
    after the social box, the printed date under the byline ("August 17, 2024": the day, with a
    ``low-confidence`` warning), and the "Related" list and copyright line after the story."""
    lines = list(copy.lines)
    notices: list[Notice] = []
    discarded: list[Discarded] = []
    images: list[Image] = []
    byline = None
    title = section = dek = date_text = None
    published: dt.datetime | None = None
    if lines and _SOCIAL_LINE.match(lines[0]):
        discarded.append(Discarded(kind="share", heading=lines.pop(0)))
    if (menu := _menu(lines)) is not None:
        discarded.append(menu)
    tail = _tail(lines)
    # the header ends at the first caption, language switch, byline or date — or after category, headline, dek
    header_end = next((i for i, ln in enumerate(lines[:8]) if _LANG_SWITCH.match(ln) or _CREDIT.search(ln)
                       or ln.startswith("By ") or parse_date_only(ln) is not None), 3)
    header_end = min(header_end, 3, len(lines))
    header = lines[:header_end]
    rest = lines[header_end:]
    if len(header) >= 3 or (len(header) == 2 and len(header[0].split()) <= 4 and not SENTENCE_END.search(header[0])
                            and SENTENCE_END.search(header[1])):
        section = header.pop(0)
    if header:
        title = header.pop(0)
    if header:
        dek = " ".join(header)
    body_lines: list[str] = []
    in_promo: list[str] = []
    for i, line in enumerate(rest):
        if in_promo:
            in_promo.append(line)
        elif _LANG_SWITCH.match(line):
            discarded.append(Discarded(kind="navigation", items=(Item(title="日本語"),), text=line))
        elif byline is None and line.startswith("By ") and len(line) < 120 and not body_lines:
            byline = parse_byline(line)
        elif date_text is None and not body_lines and (day := parse_date_only(line)) is not None:
            date_text, published = line, day
            notices.append(Notice("published", "low-confidence", f"printed date {line!r} has no time of day"))
        elif _CREDIT.search(line) and len(line) < 400:
            images.append(image(None, *_credit(line)))
        elif body_lines and _newsletter_heading(line) and i >= len(rest) - 6:
            in_promo.append(line)
        else:
            body_lines.append(line)
    if published is None:
        notices.insert(0, Notice("published", "missing", "a JAPAN Forward text copy prints no date"))
    if in_promo:
        discarded.append(Discarded(kind="newsletter", heading=in_promo[0], text="\n".join(in_promo[1:]) or None))
    discarded.extend(tail)
    blocks = [Block("subhead" if is_subhead_line(ln) and i > 0 else "paragraph", ln) for i, ln in enumerate(body_lines)]
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
        published=published,
        date_text=date_text,
        byline=byline,
        dateline=dateline,
        agency=dateline.agency if dateline else None,
        body=blocks,
        images=images,
        discarded=discarded,
        description=dek,
        layout="japanforward/text",
        warnings=notices,
    )


SITE = Site(
    id=SITE_ID,
    name="JAPAN Forward",
    hosts=("japan-forward.com",),
    names=NAMES,
    layouts=(Layout("wp", _matches_wp, extract_wp),),
    fingerprint=fingerprint,
    text_signature=text_signature,
    parse_text=parse_text,
    prune=prune,
)

__all__ = ["SITE"]
