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

Text copies: menus, the category label ("lifestyle") right above the headline (the section), the
headline, the date line (no year, or "Today": reading it needs ``fetched=``), the comment count, the lead
photo's caption ending in its credit ("AFP/Ren SATO", kept as an image) and the byline in either order,
the story, then the credit lines and the blocks above.

An expired wire story keeps its URL but shows "The requested article has expired, and is no longer
available. …": it raises :class:`jnparse.NotAnArticleError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import secrets
from urllib.parse import urlsplit

from lxml import etree

from .._text import block_text, box_text, squash, strip_suffix, text_of
from ..agencies import canonical_agency
from ..bylines import parse_byline
from ..dates import NeedsReference, parse_jst
from ..errors import NotAnArticleError
from ..loading import COMMENT_END, RAW_TEXT
from ..model import Article, Block, BlockKind, Byline, Discarded, Image, Item, Notice
from ..page import Page, first, tag_names, xpath
from ..structured import ld_text, strip_tags
from ..textcopy import TextCopy
from .base import (
    STORY_BLOCKS,
    Layout,
    Site,
    TagFinder,
    TailCut,
    Unsure,
    cut_dateline,
    discard,
    dropped_holds,
    find_bytes,
    image,
    img_url,
    in_tag,
    is_photo_figure,
    is_text_figure,
    kept_apart,
    link_items,
    story_blocks,
    walk_story,
)

SITE_ID = "japantoday"
NAMES = ("Japan Today", "JapanToday")
EXPIRED = "The requested article has expired"
EXPIRED_MESSAGE = "Japan Today: the requested article has expired and is no longer available"

# -- selectors, compiled once ------------------------------------------------------------------------
# The whole-tree queries below state the rules; ``_scan`` finds the same elements in one pass over the
# few tags that can match (filtered in C, chosen from the page's bytes). A whole-tree XPath with an
# attribute or text test costs ~10x such a walk, each time: they are run only when the bytes cannot tell.
ARTICLE_BODY = xpath("//*[@itemprop='articleBody']")
H1 = xpath("//h1")
CATEGORY = xpath(
    "//article//a[contains(@href, '/category/')][not(ancestor::*[@itemprop='articleBody'])]"
    "[following::h1 or ancestor::header]"
)
#: CATEGORY inside one ``article`` element
_CATEGORY_IN = xpath(
    ".//a[contains(@href, '/category/')][not(ancestor::*[@itemprop='articleBody'])][following::h1 or ancestor::header]"
)
TIME_PUBLISHED = xpath("//time[@itemprop='datePublished']")
TIME_MODIFIED = xpath("//time[@itemprop='dateModified']/@datetime")
AUTHOR = xpath(
    "//*[@itemprop='author'][not(ancestor::*[@itemprop='articleBody'])]"
    " | //article//*[contains(@class, 'byline') or contains(@class, 'author')]"
    "[not(ancestor::*[@itemprop='articleBody'])][not(ancestor::*[@id='comments'])]"
    "[starts-with(normalize-space(), 'By ')]"
)
#: AUTHOR's second part inside one ``article`` element
_BYLINE_IN = xpath(
    ".//*[contains(@class, 'byline') or contains(@class, 'author')][not(ancestor::*[@itemprop='articleBody'])]"
    "[not(ancestor::*[@id='comments'])][starts-with(normalize-space(), 'By ')]"
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
_TAG_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]{0,30})[\s/>]")
_ITEMPROPS = ("articleBody", "datePublished", "dateModified", "author", "commentCount")
_HEADING_TAGS = ("h2", "h3", "h4", "h5")
#: elements whose content the parser does not read as markup: a "<div" inside them is not a tag, so
#: the byte test of ``_first_text_with`` cannot name them
_RAW_TEXT_TAGS = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
                  "plaintext")


class _Parts:
    """What the extractor reads, found in one pass over the tree (``_scan``)."""

    __slots__ = ("articles", "authors", "bodies", "comment_counts", "figures", "h1", "headings", "modified",
                 "published")

    def __init__(self) -> None:
        self.bodies: list[etree._Element] = []  # [itemprop=articleBody], page order
        self.published: etree._Element | None = None  # the first time[itemprop=datePublished]
        self.modified: str | None = None  # @datetime of the first time[itemprop=dateModified] that has one
        self.comment_counts: list[etree._Element] = []  # [itemprop=commentCount]
        self.authors: list[etree._Element] = []  # [itemprop=author]
        self.h1: etree._Element | None = None
        self.headings: list[etree._Element] = []  # h2-h5, page order
        self.articles: list[etree._Element] = []
        self.figures: list[etree._Element] = []


def _prop_tags(page: Page) -> set[str] | None:
    """The names of the tags carrying an ``itemprop`` the extractor reads (asked of the tree: exact however
    the bytes spell the attribute); ``None`` when one is no name a walk can filter on (a damaged page's)."""
    words = page.attribute_words("itemprop")
    return tag_names(el for prop in _ITEMPROPS for el in words.get(prop, ()))


def _tree_ranges(page: Page) -> tuple[tuple[int, int], ...] | None:
    """The stretches of ``page.source`` the tree was parsed from: on a page prune() cut, its head and the
    part kept (the start mark says where they lie); the whole page otherwise. ``None`` without bytes.
    The byte-guided lookups read only these: what lies in the bytes cut off is not in the tree."""
    key = SITE_ID + ":ranges"
    if key not in page.memo:
        page.memo[key] = _read_ranges(page)
    found: tuple[tuple[int, int], ...] | None = page.memo[key]
    return found


def _read_ranges(page: Page) -> tuple[tuple[int, int], ...] | None:
    source = page.source
    if source is None:
        return None
    root = page.root
    body = root[-1] if len(root) else None  # <body> closes <html> (find() goes through ElementPath)
    if body is None or body.tag != "body":
        body = root.find("body")
    mark = body[0] if body is not None and len(body) else None
    if mark is not None and mark.tag == "input" and mark.get("name") == _CUT_MARK:
        cut = _mark_offsets(mark, len(source))
        # the kept part starts with the article tag: a mark from another page's cut would not fit these bytes
        if cut is not None and source.startswith(b"<article", cut[1]):
            head_end, start, end = cut
            return ((0, head_end), (start, len(source) if end < 0 else end))
    return ((0, len(source)),)


def _scan(page: Page) -> _Parts:
    parts = _Parts()
    prop_tags = _prop_tags(page)
    # a name no walk can filter on: every element is visited (the same answer, a longer walk)
    walk = page.root.iter() if prop_tags is None else page.root.iter(
        "article", "figure", "h1", *_HEADING_TAGS, "time", *prop_tags)
    for el in walk:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "h1":
            if parts.h1 is None:
                parts.h1 = el
        elif tag in _HEADING_TAGS:
            parts.headings.append(el)
        elif tag == "article":
            parts.articles.append(el)
        elif tag == "figure":
            parts.figures.append(el)
        prop = el.get("itemprop")
        if prop is None:
            continue
        if prop == "articleBody":
            parts.bodies.append(el)
        elif prop == "commentCount":
            parts.comment_counts.append(el)
        elif prop == "author":
            parts.authors.append(el)
        elif tag == "time":
            if prop == "datePublished":
                if parts.published is None:
                    parts.published = el
            elif prop == "dateModified" and parts.modified is None:
                parts.modified = el.get("datetime")
    return parts


def _scanned(page: Page) -> _Parts:
    parts = page.memo.get(SITE_ID)
    if not isinstance(parts, _Parts):
        parts = page.memo[SITE_ID] = _scan(page)
    return parts


def _in_body(el: etree._Element, parts: _Parts) -> bool:
    """``ancestor::*[@itemprop='articleBody']``."""
    if not parts.bodies:
        return False
    bodies = parts.bodies
    return any(a in bodies for a in el.iterancestors())


def _first_text(el: etree._Element) -> str | None:
    """XPath's ``text()`` as a string: the element's first text child (which may follow a child element
    or a comment)."""
    if el.text is not None:
        return el.text
    for child in el:
        if child.tail is not None:
            return child.tail
    return None


def _tags_before(source: bytes, needle: bytes, at: int, ranges: tuple[tuple[int, int], ...],
                 limit: int = 200) -> tuple[str, ...] | None:
    """The names of the start tags right before each ``needle`` in ``ranges`` of the bytes: the elements
    whose text may start with it. ``None`` when one cannot be read (the needle follows an end tag or a
    comment, or comes too often). Found with memchr on ``needle[at]`` (see ``find_bytes``): a plain
    ``find`` reads the whole page at a few bytes a cycle when the needle is absent."""
    names: set[str] = set()
    for lo, hi in ranges:
        i = find_bytes(source, needle, lo, hi, at=at)
        while i >= 0:
            limit -= 1
            if limit < 0:
                return None
            lt = source.rfind(b"<", max(lo, i - 2000), i)
            m = _TAG_NAME.match(source, lt) if lt >= 0 else None
            if m is None:
                return None
            names.add(m.group(1).decode("ascii").lower())
            i = find_bytes(source, needle, i + len(needle), hi, at=at)
    return tuple(names)


def _first_text_with(page: Page, needle: str, at: int, whole_tree: etree.XPath) -> etree._Element | None:
    """The first element whose first text child holds ``needle`` (``whole_tree``'s answer): the bytes
    name the tags whose content starts with it, and only those are visited. ``needle[at]`` is a byte
    rare in pages."""
    source, ranges = page.source, _tree_ranges(page)
    tags = _tags_before(source, needle.encode(), at, ranges) if source is not None and ranges is not None else None
    if tags is None:
        return first(whole_tree(page.root))
    if not tags:
        return None
    for el in page.root.iter(*tags, *_RAW_TEXT_TAGS):
        text = _first_text(el)
        if text is not None and needle in text:
            return el
    return None


def _doc_key(el: etree._Element) -> tuple[int, ...]:
    """The element's place in page order (the child indexes from the root down)."""
    path: list[int] = []
    node, parent = el, el.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    path.reverse()
    return tuple(path)


def _author(parts: _Parts) -> etree._Element | None:
    """AUTHOR: an ``itemprop=author`` outside the body, or a byline inside an ``article``, whichever
    comes first."""
    found = [el for el in parts.authors if not _in_body(el, parts)][:1]
    for art in parts.articles:
        hit = first(_BYLINE_IN(art))
        if hit is not None:
            found.append(hit)
            break  # a later article's bylines come after this one's (a nested one's are in it)
    if len(found) > 1:
        found.sort(key=_doc_key)
    return found[0] if found else None


def _category(parts: _Parts) -> etree._Element | None:
    """CATEGORY: the first match inside the first ``article`` that has one (an earlier article's
    matches come first in page order, a nested article's are its parent's too)."""
    for art in parts.articles:
        hit = first(_CATEGORY_IN(art))
        if hit is not None:
            return hit
    return None


#: the elements of the story whose text is one block: a paragraph, a list's item or a definition a paragraph, a
#: heading a subhead (the headline stands outside the story: an h1 inside it is a subhead too)
_STORY_BLOCKS: dict[str, BlockKind] = {**STORY_BLOCKS, "h1": "subhead"}


def _story(body: etree._Element, counts: list[etree._Element]) -> tuple[list[Block], list[etree._Element]]:
    """The story in ``body``, in reading order (:func:`walk_story`), and the tables and boxes in it (no paragraphs:
    the caller discards them, read last as ``table_text`` marks a table's cells in the tree). A figure is a photo:
    _images reads it (its paragraphs are its caption; one left open above the article holds the body itself,
    and no caption); a comment count (``counts``) is read by _side_blocks."""

    def keep_out(el: etree._Element) -> bool:
        return is_photo_figure(el) or (bool(counts) and el in counts)

    return story_blocks(walk_story(body, body.text, keep_out=keep_out, blocks=_STORY_BLOCKS))


def _comment_counts(parts: _Parts) -> list[etree._Element]:
    """COMMENT_COUNT: the parents of the comment counts outside the comments and the headings, in page
    order."""
    out: list[etree._Element] = []
    for el in parts.comment_counts:
        keep = True
        for a in el.iterancestors():
            if a.get("id") == "comments" or a.tag in _HEADING_TAGS:
                keep = False
                break
        parent = el.getparent()
        if keep and parent is not None and parent not in out:
            out.append(parent)
    if len(out) > 1:
        out.sort(key=_doc_key)  # a parent holding another comes before it, whatever the counts' order
    return out


# -- printed text --------------------------------------------------------------------------------------
CREDIT_LINE = re.compile(r"^(?:©|\(c\)\s|Copyright\b)", re.IGNORECASE)
VOTE_LINE = re.compile(r"^-?\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)$")
COMMENTS_LINE = re.compile(r"^(\d+)\s+Comments?$")
_TIME = r"(?:Today|Yesterday|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+\d{1,2}:\d\d\s*[ap]m\s+JST"
DATE_LINE = re.compile(rf"^(?P<time>{_TIME})(?:\s+(?P<comments>\d+\s+Comments?))?$")
_PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”)])\s+)(?P<credit>Photo:\s*\S[^.]{0,60}|\(?(?:AP Photo|[A-Z]{2,}(?: [A-Z]{2,})?)/[^/]{2,60}?\)?)$"
)


@functools.lru_cache(maxsize=256)  # the same few headings on every page
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


@functools.lru_cache(maxsize=256)  # the same few credit lines close most stories
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


def _expired(text: str) -> NotAnArticleError:
    return NotAnArticleError(f"{EXPIRED_MESSAGE} (the page says: {text[:160]!r})", stated_by_page=True)


def _date(page: Page, field: str, text: str | None) -> dt.datetime | None:
    if not text:
        return None  # what page.date gives for no text, without its call
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


def _byline(page: Page, parts: _Parts, blocks: list[Block]) -> tuple[Byline | None, list[Block]]:
    el = _author(parts)
    if el is not None:
        found = parse_byline(text_of(el))
        if found is not None:
            return found, blocks
    if blocks and blocks[0].kind == "paragraph" and blocks[0].text.startswith("By ") and len(blocks[0].text) <= 80:
        found = parse_byline(blocks[0].text)
        if found is not None and found.authors:
            return found, blocks[1:]
    return None, blocks


def _images(page: Page, parts: _Parts) -> list[Image]:
    out: list[Image] = []
    for fig in parts.figures:
        if is_text_figure(fig) or not any(a.tag == "article" for a in fig.iterancestors()):
            continue  # (a figure setting a quotation or a table apart is the story's: _story reads it)
        cap_el = next(fig.iter("figcaption"), None)
        # (no figcaption: whatever text the box holds is its caption, never lost)
        caption, credit = split_photo_credit(text_of(cap_el) if cap_el is not None else box_text(fig))
        url = img_url(page, next(fig.iter("img"), None))
        if url or caption:
            out.append(image(url, caption, credit))
    return out


def _side_blocks(page: Page, parts: _Parts, counts: list[etree._Element]) -> list[Discarded]:
    out: list[Discarded] = []
    for el in counts:  # (:func:`_comment_counts`)
        out.append(discard("comments", None, (), box_text(el)))
    taken: set[etree._Element] = set()
    # the headings inside a body, walked in C (not each heading's ancestors)
    in_body = {h for body in parts.bodies for h in body.iterdescendants(*_HEADING_TAGS)}
    for h in parts.headings:
        if h in in_body:
            continue
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
    gone = _first_text_with(page, EXPIRED, 6, EXPIRED_NODE)
    if gone is not None:
        raise _expired(text_of(gone))
    parts = _scanned(page)
    if _cut_containers(page.root, parts):
        # api.py reads the whole page when it sees this warning
        page.warn("layout", "unknown-layout", "a block's container was cut off with the page header")
    body_el = parts.bodies[0] if parts.bodies else None
    title = page.pick(
        "title",
        ("og:title", lambda: strip_suffix(squash(page.meta_value("og:title")), NAMES) or None),
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("h1", lambda: text_of(parts.h1) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    section = page.pick(
        "section",
        ("category label", lambda: text_of(_category(parts)) or None),
        ("JSON-LD articleSection", lambda: ld_text(page.ld("articleSection"))),
        ("article:section", lambda: page.meta_value("article:section")),
        ("URL category", lambda: _section_from_url(page)),
    )
    time_el = parts.published
    date_text = text_of(time_el) or None
    published = page.pick(
        "published",
        ("time@datetime", lambda: _date(page, "published", time_el.get("datetime") if time_el is not None else None)),
        ("JSON-LD datePublished", lambda: _date(page, "published", ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, "published", page.meta_value("article:published_time"))),
        ("printed time", lambda: _date(page, "published", date_text)),
    )
    updated = page.pick(
        "updated",
        ("time dateModified", lambda: _date(page, "updated", parts.modified)),
        ("JSON-LD dateModified", lambda: _date(page, "updated", ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, "updated", page.meta_value("article:modified_time"))),
        required=False,
    )
    counts = _comment_counts(parts)
    blocks, tables = _story(body_el, counts) if body_el is not None else ([], [])
    if body_el is None:
        page.warn("body", "missing", "no [itemprop=articleBody]")
    discarded: list[Discarded] = []
    credits: list[str] = []
    while blocks and CREDIT_LINE.match(blocks[-1].text) and len(blocks[-1].text) <= 300:
        credits.insert(0, blocks.pop().text)
    site_line = _first_text_with(page, "GPlusMedia", 0, SITE_LINE)
    site_text = text_of(site_line)
    if site_text and site_text not in credits:
        credits.append(site_text)
    agency = next((a for c in credits if (a := credit_agency(c))), None)
    discarded.extend(discard("credit", None, (), c) for c in credits)
    byline, blocks = _byline(page, parts, blocks)
    dateline, blocks = cut_dateline(blocks)
    if agency is None and dateline is not None:
        agency = dateline.agency
    discarded.extend(_side_blocks(page, parts, counts))
    images = _images(page, parts)
    # the story's tables and boxes, read last (table_text marks their cells in the tree)
    discarded.extend(kept_apart(page, tables))
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
        images=images,
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


# -- cutting the page down before it is parsed ---------------------------------------------------------
# The site header and menus before the first <article> are most of a page's elements, and hold nothing
# the extractor reads. After the article come the comments and the side column (read: side blocks, comment
# counts), then the footer chrome: link lists and scripts that hold nothing read either. The page is cut to
# <head> and the article on; and, when the bytes after the last block that closes what is read (an aside,
# section, footer or article end tag) hold no mark of anything read, to that end tag. Marks in a cut part
# that could change a field make prune() keep that part.

#: put where the page was cut, before the article (an element nothing reads: the parser drops comments):
#: the extractor checks that no block it reads lost part of its container. Its value says where the page
#: was cut (``"<body> <article> <end or -1>"``, offsets in the page's bytes): the extractor's byte-guided
#: lookups read only the bytes kept. Its name holds a per-process random part: a page cannot carry a mark
#: that the extractor would take for its own.
_CUT_MARK = "jnparse-cut-" + secrets.token_hex(8)
#: marks a page whose end was cut (base.TailCut): the extractor checks that the cut fell between tags, not
#: in a comment or raw text, and that no element it reads was open there (none was cut short)
_TAIL = TailCut(SITE_ID)
#: in the part cut off before the article: a heading (side blocks, the h1 fallback title), a meta tag, a
#: figure (one left open there holds the article: its paragraphs are in a figure, not the body), the end of
#: the body or the document (the whole read puts the article after the body), an article in capitals (the
#: cut is at the first one in small letters); read in any letter case, as the tokenizer reads the page's own
#: bytes (a lower-cased copy of the header would cost more than the walk), comments and raw text skipped. A
#: <header> is counted open and closed: one left open holds the article in the whole read (CATEGORY reads
#: ``ancestor::header``).
_CHROME_TAGS = TagFinder(b"h1", b"h2", b"h3", b"h4", b"h5", b"meta", b"figure", b"article", b"/body", b"/html",
                         b"header", b"/header", any_case=True)
#: the head's comments and raw text, for where its <body> tag stands
_HEAD_STATE = TagFinder(any_case=True)


#: the marks besides these tags: bare, or with a byte rare in pages to find them by memchr
#: (base.dropped_holds): microdata, the canonical link (page.url), JSON-LD, the site line
_CUT_RISKS = (b"itemprop", b"canonical", (b"ld+json", 2), (b"GPlusMedia", 0))
_EXPIRED_BYTES = EXPIRED.encode()
#: end tags after which the end may be cut: the comments' section, the side column, the footer with the
#: site line, the article
_BLOCK_ENDS = re.compile(rb"</(?:aside|section|footer|article)>")
#: tags read page-wide, in any case, in the part cut off the end: headings (side blocks; an <h1> is also the title
#: fallback and CATEGORY's ``following::h1``), an article (category, byline, figures), what Page.head
#: reads (``<meta>``, ``<link>``: the canonical address, and ``<title>`` when the head has none). One
#: pattern: the regex engine reads the bytes once, where a find per tag would read them each.
_TAIL_TAGS = re.compile(rb"<(?:h[1-5]|meta|article|link)", re.IGNORECASE)
_TAIL_TAGS_TITLE = re.compile(rb"<(?:h[1-5]|meta|article|link|title)", re.IGNORECASE)
#: the other marks in the part cut off the end (the expired notice is looked for page-wide)
_TAIL_RISKS = (b"itemprop", (b"ld+json", 2), (b"GPlusMedia", 0))


def prune(data: bytes) -> bytes | None:
    """``<head>`` and the page from its first ``<article>`` on (to the end of the last block that holds
    what is read, when nothing read follows it); ``None`` (parse it all) when there is no article, when
    the part before it holds anything the extractor reads, and for an expired story (its error would be
    raised twice)."""
    body = data.find(b"<body")
    if body < 0 or find_bytes(data, _EXPIRED_BYTES, at=6) >= 0:
        return None
    # the body's tag outside comments, raw text and tags of the head; then the first tag the extractor
    # reads in the body (read as the tokenizer reads it: an unclosed <textarea> holds the rest of the page)
    if _HEAD_STATE.find(data, 0, body) != -1:
        return None
    start = _first_read_tag(data, body)
    if start is None or not data.startswith(b"<article", start):
        return None  # none, or a heading or other tag read before the first article (or "<ARTICLE")
    if data[start + 8 : start + 9] not in _TAG_NAME_END or _in_quoted_value(data, start):
        return None  # "<articles>", or an attribute value left open before the article holds it
    if dropped_holds(data, ((body, start),), _CUT_RISKS) or _comments_start(data, body, start):
        return None
    head_title = data.find(b"<title", 0, body) >= 0
    if not head_title and data.find(b"<title", body, start) >= 0:
        return None  # the page's first <title> (its head has none)
    end = _tail_cut(data, start, head_title)
    if not _kept_reads_alike(data[start:] if end < 0 else data[start:end]):
        return None
    mark = b'<input type="hidden" name="%s" value="%d %d %d">' % (_CUT_MARK.encode(), body, start, end)
    if end >= 0:
        return _TAIL.join(data, body, start, end, lead=mark)  # the start mark stays the body's first element
    view = memoryview(data)  # one copy of the kept bytes, not one per concatenation
    return b"".join((view[:body], b"<body>", mark, view[start:]))


def _first_read_tag(data: bytes, body: int) -> int | None:
    """The offset of the first of _CHROME_TAGS but the header's in the body; ``None`` when there is none, when
    the walk cannot tell, or when a <header> is left open before it."""
    headers = 0
    try:
        for name, lt, _gt, _end in _CHROME_TAGS.iter(data, body, len(data)):
            if name == b"header":
                headers += 1
            elif name == b"/header":
                headers = max(0, headers - 1)
            else:
                return None if headers else lt
    except Unsure:
        return None
    return None


_ID_END = b"\"' \t\n\r\f"


def _comments_start(data: bytes, lo: int, hi: int) -> bool:
    """Whether an element whose id starts with "comments" may start in ``data[lo:hi]``: one left open before
    the article holds the article in the whole read, where the byline and the comment counts are read only
    outside ``id=comments``. A superset (any attribute whose name ends in "id"), in one find over the bytes."""
    i = data.find(b"comments", lo, hi)
    while i >= 0:
        before = data[max(lo, i - 12) : i].rstrip(_ID_END)
        if before.endswith(b"=") and before[:-1].rstrip(_ID_END).lower().endswith(b"id"):
            return True
        i = data.find(b"comments", i + 8, hi)
    return False


# -- the cut's effect on the parse of the part kept ------------------------------------------------------
# The whole page's parse reaches the article with the elements the header left open above it (the page's
# containers, and whatever the header left unclosed); the cut one with none (the mark is a void element
# under <body>). libxml2 builds the part kept alike in both as long as no token in it reaches below the
# elements the part kept opened: an end tag that none of those matches is searched for in the elements
# above them, and in the whole page closes what it finds there (with every element the part kept still has
# open: an <aside> left open before a stray </div> ends there, and holds the rest of the page in the cut
# one). Such an end tag when nothing the part kept opened is open, or one that an element still open above
# it blocks (libxml2's end-tag priorities), changes only the elements above the article, which the
# extractor checks (_cut_containers). A start tag closes (libxml2's auto-close table) only the innermost
# open element, and again, the elements above the part kept only when the part kept has none open.
# ``_kept_reads_alike`` walks the part kept the way the parser reads it and refuses the cut when a token
# reaches below. Its tables are libxml2's (2.14's legacy tree builder, read off its behaviour).

_TAG_NAME_END = (b" ", b"\t", b"\n", b"\r", b"\f", b">", b"/")
#: the elements that hold no content (libxml2's empty elements): never open
_VOID = frozenset({b"area", b"base", b"basefont", b"br", b"col", b"embed", b"frame", b"hr", b"img", b"input",
                   b"isindex", b"keygen", b"link", b"meta", b"param", b"source", b"track", b"wbr"})
_HEADING_CLOSERS = frozenset({b"fieldset", b"form", b"li", b"p", b"table"})
#: libxml2's auto-close table: the open element (key) that a start tag of one of the names closes
_CLOSED_BY: dict[bytes, frozenset[bytes]] = {
    b"a": frozenset({b"a", b"fieldset", b"table", b"td", b"th"}),
    b"address": frozenset({b"dd", b"dl", b"dt", b"form", b"li", b"ul"}),
    b"b": frozenset({b"center", b"p", b"td", b"th"}),
    b"big": frozenset({b"p"}),
    b"caption": frozenset({b"col", b"colgroup", b"tbody", b"tfoot", b"thead", b"tr"}),
    b"colgroup": frozenset({b"colgroup", b"tbody", b"tfoot", b"thead", b"tr"}),
    b"dd": frozenset({b"dt"}),
    b"dir": frozenset({b"dd", b"dl", b"dt", b"form", b"ul"}),
    b"dl": frozenset({b"form", b"li"}),
    b"dt": frozenset({b"dd", b"dl"}),
    b"font": frozenset({b"center", b"td", b"th"}),
    b"form": frozenset({b"form"}),
    b"h1": _HEADING_CLOSERS, b"h2": _HEADING_CLOSERS, b"h3": _HEADING_CLOSERS, b"h4": _HEADING_CLOSERS,
    b"h5": _HEADING_CLOSERS, b"h6": _HEADING_CLOSERS,
    b"i": frozenset({b"center", b"p", b"td", b"th"}),
    b"legend": frozenset({b"fieldset"}),
    b"li": frozenset({b"li"}),
    b"menu": frozenset({b"dd", b"dl", b"dt", b"form", b"ul"}),
    b"ol": frozenset({b"form"}),
    b"option": frozenset({b"optgroup", b"option"}),
    b"p": frozenset({b"address", b"blockquote", b"caption", b"center", b"col", b"colgroup", b"dd", b"dir", b"div",
                     b"dl", b"dt", b"fieldset", b"form", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"hr", b"li",
                     b"menu", b"ol", b"p", b"pre", b"table", b"tbody", b"td", b"tfoot", b"th", b"title", b"tr",
                     b"ul", b"xmp"}),
    b"pre": frozenset({b"dd", b"dl", b"dt", b"fieldset", b"form", b"li", b"table", b"ul"}),
    b"s": frozenset({b"p"}),
    b"small": frozenset({b"p"}),
    b"span": frozenset({b"td", b"th"}),
    b"strike": frozenset({b"p"}),
    b"tbody": frozenset({b"tbody", b"tfoot"}),
    b"td": frozenset({b"tbody", b"td", b"tfoot", b"th", b"tr"}),
    b"tfoot": frozenset({b"tbody"}),
    b"th": frozenset({b"tbody", b"td", b"tfoot", b"th", b"tr"}),
    b"thead": frozenset({b"tbody", b"tfoot"}),
    b"tr": frozenset({b"tbody", b"tfoot", b"tr"}),
    b"tt": frozenset({b"p"}),
    b"u": frozenset({b"p", b"td", b"th"}),
    b"ul": frozenset({b"address", b"form", b"menu", b"pre"}),
}
_NOTHING: frozenset[bytes] = frozenset()
#: libxml2's end-tag priorities (100 for the rest): an end tag does not close an element of a higher one
_PRIORITY = {b"div": 150, b"td": 160, b"th": 160, b"tr": 170, b"thead": 180, b"tbody": 180, b"tfoot": 180,
             b"table": 190, b"head": 200, b"body": 200, b"html": 220}
_RAW_ENDS = {name: re.compile(b"</" + name + rb"[\t\n\f\r />]") for name in RAW_TEXT}
#: a token of the HTML tokenizer that starts with "<", in lower-cased bytes outside comments and raw text:
#: an end tag (its name: 1), a start tag (its name: 2, the white space and slashes before its ">": 3;
#: quoted attribute values read whole, so a ">" in one does not end the tag), or a bogus comment ("<!x",
#: "<?", "</" and no letter: to the next ">"). Possessive: a tag left open at the end fails without
#: backtracking (the tokenizer then drops it, in both parses).
_ATTRS = (rb"(?:[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r /=>]*+"  # white space or "/", a name
          rb"(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >]*+))?+)*+")  # "=", a value
_TOKEN = re.compile(
    rb"<(?:/([a-z][^\t\n\f\r />]*+)" + _ATTRS + rb"[\t\n\f\r /]*+>|([a-z][^\t\n\f\r />]*+)" + _ATTRS
    + rb"([\t\n\f\r /]*+)>|[!?][^>]*+>|/[^a-z>][^>]*+>|/>)"
)
#: where the tokens stop following one another: a comment (1), a raw-text element (2), and the start tags
#: libxml2 merges into the document's own (2). (The lookahead turns most tags away with one test.)
_BREAKS = re.compile(
    rb"<(?=[!sthxinpb])(?:(!--)|(" + b"|".join(RAW_TEXT) + rb"|plaintext|html|body|head)[\t\n\f\r />])"
)


def _in_quoted_value(data: bytes, at: int) -> bool:
    """Whether offset ``at`` may lie in a quoted attribute value left open before it: a value runs to the
    next quote of its kind, so only the last ``"`` and the last ``'`` before ``at`` can have opened one,
    and a value's quote follows its "=" (white space between)."""
    for quote in (b'"', b"'"):
        q = data.rfind(quote, 0, at)
        if q > 0 and data[max(0, q - 40) : q].rstrip(b" \t\n\r\f").endswith(b"="):
            return True
    return False


def _kept_reads_alike(kept: bytes) -> bool:
    """Whether libxml2 builds the part kept (``kept``, from the article's start tag) the same below the
    elements open above it whatever those are (see the comment above): ``False`` when an end tag in it may
    reach them while an element it opened is open, or when it cannot be told. The tags between comments
    and raw-text elements are read by one ``findall`` each (in C: most pages have none in the part kept)."""
    low = kept.lower()
    open_: list[bytes] = []  # the elements the part kept opened and that are still open, innermost last
    pos = 0
    while True:
        brk = _BREAKS.search(low, pos)
        stop = len(low) if brk is None else brk.start()
        if not _tags_read_alike(_TOKEN.findall(low, pos, stop), open_):
            return False
        if brk is None:
            return True  # (a tag left open at the end is dropped, in both parses)
        if in_tag(low, pos, stop):
            return False  # the "<" may be in a tag (an attribute value): cannot be told
        if brk.group(1) is not None:  # a comment, to its end ("<!-->" and "<!--->" end where they start)
            if low.startswith((b">", b"->"), stop + 4):
                pos = low.find(b">", stop + 4) + 1
                continue
            close = COMMENT_END.search(low, stop + 4)
            if close is None:
                return True  # the rest of the page is the comment's, in both parses
            pos = close.end()
            continue
        name = brk.group(2)
        tag = _TOKEN.match(low, stop)
        if name in (b"html", b"body", b"head") or (tag is not None and tag.group(3).endswith(b"/")):
            return False  # merged into the document's own, or a self-closing raw-text tag: not worth reading
        if tag is None:
            return True  # the tag is left open to the end: dropped, in both parses
        _close_for(name, open_)
        if name == b"plaintext":
            return True  # the rest of the page is text, in both parses
        end = _RAW_ENDS[name].search(low, tag.end())
        if end is None:
            return True  # the rest of the page is the element's text, in both parses
        if name == b"script":
            escaped = low.find(b"<!--", tag.end(), end.start())
            if escaped >= 0 and low.find(b"<script", escaped, end.start()) >= 0:
                return False  # the escaped states: its first end tag may not end it
        pos = low.find(b">", end.end() - 1) + 1
        if pos <= 0:
            return True  # its end tag is left open: the rest is in it, in both parses


def _close_for(name: bytes, open_: list[bytes]) -> None:
    """The elements a start tag of ``name`` closes (libxml2's auto-close: the innermost, while it is one
    the tag closes)."""
    while open_ and name in _CLOSED_BY.get(open_[-1], _NOTHING):
        open_.pop()


def _tags_read_alike(tags: list[tuple[bytes, bytes, bytes]], open_: list[bytes]) -> bool:
    """``_kept_reads_alike`` over a run of tags (``_TOKEN``'s groups), ``open_`` updated. (Names bound to
    locals: the loop runs once a tag.)"""
    push, pop, closed_by, void = open_.append, open_.pop, _CLOSED_BY, _VOID
    for end_name, name, before_gt in tags:
        if end_name:
            if open_ and open_[-1] == end_name:  # (most end tags)
                pop()
            elif end_name in open_:
                i = len(open_) - 1 - open_[::-1].index(end_name)
                priority = _PRIORITY.get(end_name, 100)
                if all(_PRIORITY.get(el, 100) <= priority for el in open_[i + 1 :]):
                    del open_[i:]
                # (else an element open above it blocks it: ignored in both parses)
            elif end_name in (b"body", b"html"):
                open_.clear()  # closes all that is open, in both parses (nothing blocks it)
            elif open_ and all(_PRIORITY.get(el, 100) <= _PRIORITY.get(end_name, 100) for el in open_):
                return False  # it may close what the part kept has open, in the whole page only
            # (else it may close elements above the part kept only, or it is blocked in both parses)
        elif name:
            if open_ and name in closed_by.get(open_[-1], _NOTHING):
                _close_for(name, open_)
            if name not in void and not before_gt.endswith(b"/"):  # "<span/>" closes where it opens
                push(name)
    return True


def _tail_cut(data: bytes, start: int, head_title: bool) -> int:
    """Where the page may be cut at its end: after the last of ``_BLOCK_ENDS`` when the bytes after it
    hold no mark of anything read; ``-1`` to keep the page to its end. (The end tag found may lie in a
    comment or script: TailCut's sentinel is then not an element of the tree, and the extractor refuses it.)"""
    end = -1
    for m in _BLOCK_ENDS.finditer(data, start):  # one pass (four rfind() calls each read the footer)
        end = m.end()
    if end < 0 or end == len(data):
        return -1
    tags = _TAIL_TAGS if head_title else _TAIL_TAGS_TITLE
    if tags.search(data, end) is not None or dropped_holds(data, ((end, len(data)),), _TAIL_RISKS):
        return -1
    return end


def _cut_containers(root: etree._Element, parts: _Parts) -> bool:
    """On a pruned page, a side block or comment count whose container was open where the page was cut
    (the container lost what came before the article), or an element read that was open where the end
    was cut (it lost its end), or an end cut that did not fall between tags: the whole page must be read
    instead."""
    end_cut = False
    for art in parts.articles:
        mark = art.getprevious()
        if mark is not None and mark.tag == "input" and mark.get("name") == _CUT_MARK:
            cut = set(mark.iterancestors())
            if any(el.getparent() in cut for el in (*parts.headings, *parts.comment_counts)):
                return True
            offsets = _mark_offsets(mark, None)
            end_cut = offsets is not None and offsets[2] >= 0
            break
    return _end_cut_short(root, parts, end_cut)


def _mark_offsets(mark: etree._Element, size: int | None) -> tuple[int, int, int] | None:
    """The offsets the start mark's value gives (where the body tag, the article and the end cut are;
    the end -1 when the page was kept to its end), ``None`` when they do not fit a page of ``size`` bytes."""
    try:
        body, start, end = map(int, (mark.get("value") or "").split(" "))
    except ValueError:  # not three numbers
        return None
    if not 0 <= body <= start or (end != -1 and end <= start) or (size is not None and max(start, end) > size):
        return None
    return body, start, end


def _end_cut_short(root: etree._Element, parts: _Parts, end_cut: bool) -> bool:
    """Whether the end cut lost part of what is read (base.TailCut): the cut did not fall between tags, or
    an element read (or a side block's or comment count's container, or an element whose text holds the
    site line) was open where the end was cut. ``end_cut``: the start mark says the end was cut."""
    seen = _TAIL.seen(root)  # (takes the sentinel out of the tree)
    if seen is None:
        # no end cut; or one that fell in text on a page whose head bytes opened the body, which then lost
        # the cut's mark (libxml2 drops a second <body>'s attributes): only the start mark tells
        return end_cut
    if seen.note is None:
        return True  # the end tag cut after was in a comment or raw text: the sentinel is text
    if not seen.open:
        return False
    read: set[etree._Element] = {*parts.articles, *parts.bodies, *parts.figures, *parts.headings,
                                 *parts.comment_counts, *parts.authors}
    for el in (*parts.headings, *parts.comment_counts):
        parent = el.getparent()
        if parent is not None:
            read.add(parent)
    for one in (parts.h1, parts.published):
        if one is not None:
            read.add(one)
    return any(a in read or "GPlusMedia" in (_first_text(a) or "") for a in seen.open)


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
    # the category label stands right above the headline; lines above it are the site's menus
    section = head.pop() if head else None
    if head:
        discarded.append(Discarded(kind="navigation", text="\n".join(head)))
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
    # the lead photo's caption (it ends in its credit, "AFP/Ren SATO", "Photo: KYODO") and the byline,
    # in either order, ahead of the story
    byline = None
    images: list[Image] = []
    while len(rest) > 1:
        if byline is None and rest[0].startswith("By ") and len(rest[0]) <= 80:
            byline = parse_byline(rest.pop(0))
            continue
        caption, credit = split_photo_credit(rest[0])
        if credit is None or _ends_body(rest[0]):
            break
        rest.pop(0)
        images.append(image(None, caption or None, credit))
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
        images=images,
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
    prune=prune,
)

__all__ = ["SITE", "block_kind", "credit_agency", "parse_text", "prune", "split_photo_credit"]
