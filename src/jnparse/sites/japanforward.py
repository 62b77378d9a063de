"""JAPAN Forward — japan-forward.com (Sankei Shimbun-affiliated, WordPress with Yoast SEO).

Layout ``wp``: the article DOM is NOT attested (facts LOW). The module reads structured data first
(Yoast's JSON-LD ``@graph``, then ``article:published_time``), then WordPress theme selectors
(``h1.entry-title``, ``div.entry-content``, ``time.entry-date``), and says so with ``low-confidence``
warnings whenever a selector gave a field.

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

Text copies: "Connect with us" (the social box) → category → headline → dek → [byline] → [photo
caption ending "(©Sankei by NAME)"] → [language switch] → paragraphs → [newsletter promo].
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from .._text import squash, strip_suffix, text_of
from ..bylines import is_person_name, parse_byline
from ..model import Article, Block, Byline, Discarded, Image, Item, Notice
from ..page import Page, elements, first, strings, xpath
from ..structured import ld_names, ld_text, strip_tags
from ..textcopy import TextCopy
from .base import Layout, Site, cut_dateline, discard, image, img_url, link_items

SITE_ID = "japanforward"
NAMES = ("JAPAN Forward", "Japan Forward", "JAPAN FORWARD")

# -- selectors, compiled once ------------------------------------------------------------------------
_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
CONTENT = xpath(f"//div[{_HAS.format('entry-content')}]")
ARTICLE = xpath("//article")
TITLE = xpath(f"//h1[{_HAS.format('entry-title')}] | //article//h1")
DEK = xpath(f"//*[{_HAS.format('entry-subtitle')} or {_HAS.format('entry-excerpt')}]")
CATEGORY = xpath(f"//*[{_HAS.format('entry-category')} or {_HAS.format('cat-links')}]//a[@rel='category tag' or @href]")
BYLINE = xpath(
    f"//*[{_HAS.format('entry-meta')}]//*[{_HAS.format('byline')} or {_HAS.format('author')}]"
    f"[not(ancestor::*[{_HAS.format('byline')} or {_HAS.format('author')}])]"
)
ENTRY_DATE = xpath(f"//time[{_HAS.format('entry-date')} or {_HAS.format('published')}][@datetime]/@datetime")
# the body: the content's own paragraphs and subheads, and those of plain wrappers
BODY_NODES = xpath(
    "./p | ./h2 | ./h3 | ./h4 | ./blockquote | ./ul | ./ol | ./figure | ./div"
)
FIG_IMG = xpath(".//img")
FIG_CAPTION = xpath(".//figcaption | .//*[contains(@class,'wp-caption-text')]")
THUMBNAIL = xpath(
    f"//*[{_HAS.format('post-thumbnail')}]//figure | //*[{_HAS.format('post-thumbnail')}][not(.//figure)]"
)
HEADING = xpath("(.//h2 | .//h3 | .//h4 | .//*[contains(@class,'title')])[1]")
LIST_LINKS = xpath(".//li//a[@href] | .//h3/a[@href] | .//h4/a[@href]")
SOCIAL = xpath(f"//*[{_HAS.format('social-box')} or {_HAS.format('connect-with-us')}]")
RELATED = xpath(
    f"//*[{_HAS.format('jp-related')} or {_HAS.format('related-posts')} or {_HAS.format('related')}]"
    f"[not(ancestor::*[{_HAS.format('related')} or {_HAS.format('related-posts')}])]"
)
FINGERPRINT = xpath(
    "//img[contains(@src, 'japan-forward.com/wp-content/')]"
    " | //link[contains(@href, 'japan-forward.com/wp-content/')]"
    " | //figcaption[contains(., '©Sankei') or contains(., '© Sankei')]"
    f" | //*[{_HAS.format('entry-content')}]//*[contains(., 'このページを')][.//a]"
)

_LANG_SWITCH = re.compile(r"^このページを\s*日本語\s*で読む$")
_NEWSLETTERS = ("Weekly Digest", "The Editor's Picks", "The Editor’s Picks", "Sports Updates",
                "Hidden Wonders of Japan")
_NEWSLETTER_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(n) for n in _NEWSLETTERS) + r")\b|\bnewsletter\b|^(?:Sign up|Subscribe)\b",
    re.IGNORECASE,
)
# "(©Sankei by NAME)", "(© Sankei)", "(Inside image ©Sankei by NAME)", "(© JAPAN Forward)"
_CREDIT = re.compile(r"\s*\((?:[A-Za-z ]{0,20}?\s)?©\s?(?P<credit>[^()]{1,80})\)\s*\.?$")
_AUTHOR_LINE = re.compile(r"^(?:Author|By)\s*[:\s]")
_AUTHOR_PREFIX = re.compile(r"^Author\s*:\s*")
_SIGN_UP_LINE = re.compile(r"^(?:Sign up|Subscribe)\b")
_SIGN_UP = re.compile(r"sign up|subscribe", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)…]$")


def _credit(caption: str) -> tuple[str | None, str | None]:
    """``(caption without the credit, credit)``:
    "Cherry trees. (©Sankei by A B)" → ("Cherry trees.", "Sankei by A B")."""
    text = squash(caption)
    m = _CREDIT.search(text)
    if not m:
        return text or None, None
    return text[: m.start()].strip() or None, squash(m.group("credit")) or None


def _is_lang_switch(el: etree._Element) -> bool:
    return _LANG_SWITCH.match(text_of(el)) is not None


def _is_newsletter(el: etree._Element) -> bool:
    cls = (el.get("class") or "").lower()
    if "newsletter" in cls or "mc4wp" in cls or "subscribe" in cls:
        return True
    text = text_of(el)
    return el.tag == "div" and any(n in text for n in _NEWSLETTERS) and _SIGN_UP.search(text) is not None


def _newsletter_block(el: etree._Element) -> Discarded:
    head_el = first(HEADING(el))
    heading = text_of(head_el) if head_el is not None else None
    text = text_of(el)
    if heading and text.startswith(heading):
        text = text[len(heading):].strip()
    return discard("newsletter", heading or None, (), text or None)


def _lang_block(page: Page, el: etree._Element) -> Discarded:
    items = tuple(Item(title=t, url=page.absolute(a.get("href"))) for a in el.iter("a") if (t := text_of(a)))
    return discard("navigation", None, items, text_of(el))


def _figure(page: Page, fig: etree._Element) -> Image:
    cap_el = first(FIG_CAPTION(fig))
    caption, credit = _credit(text_of(cap_el)) if cap_el is not None else (None, None)
    return image(img_url(page, first(FIG_IMG(fig))), caption, credit)


def _date(page: Page, text: str | None) -> dt.datetime | None:
    return page.date("published", text)


def _body(page: Page, content: etree._Element) -> tuple[list[Block], list[Image], list[Discarded], Byline | None]:
    blocks: list[Block] = []
    images: list[Image] = []
    discarded: list[Discarded] = []
    byline: Byline | None = None
    stack = list(reversed(elements(BODY_NODES(content))))
    while stack:
        el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if _is_lang_switch(el):
            discarded.append(_lang_block(page, el))
        elif _is_newsletter(el):
            discarded.append(_newsletter_block(el))
        elif tag == "figure" or (tag == "div" and "wp-caption" in (el.get("class") or "")):
            images.append(_figure(page, el))
        elif tag == "div":
            cls = (el.get("class") or "").lower()
            if any(k in cls for k in ("share", "sharedaddy", "jp-relatedposts", "related")):
                discarded.append(discard("share" if "share" in cls else "related",
                                         text_of(first(HEADING(el))) or None, link_items(page, el)))
            elif any(k in cls for k in ("ad", "advert", "banner")) and not text_of(el).endswith("."):
                discarded.append(discard("ad", None, (), text_of(el)))
            else:  # a plain wrapper: read its children in order
                stack.extend(reversed(elements(BODY_NODES(el))))
        elif tag in ("ul", "ol"):
            blocks.extend(Block("paragraph", t) for li in el.iter("li") if (t := text_of(li)))
        else:
            text = text_of(el)
            if not text:
                continue
            if tag == "p" and el.find(".//img") is not None and len(text) < 200 and _CREDIT.search(text):
                images.append(_figure(page, el) if FIG_CAPTION(el) else
                              image(img_url(page, first(FIG_IMG(el))), *_credit(text)))
                continue
            if tag == "p" and byline is None and _AUTHOR_LINE.match(text) and len(text) < 120 \
                    and (not blocks or len(stack) <= 1):
                byline = parse_byline(_AUTHOR_PREFIX.sub("By ", text))
                if byline is not None:
                    continue
            blocks.append(Block("subhead" if tag in ("h2", "h3", "h4") else "paragraph", text))
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
    content = first(CONTENT(root))
    if content is None:
        page.warn("body", "unknown-layout", "no div.entry-content")
        content = first(ARTICLE(root))
        if content is None:
            content = root
    title = page.pick(
        "title",
        ("JSON-LD headline", lambda: ld_text(page.ld("headline"))),
        ("og:title", lambda: strip_suffix(t, NAMES) if (t := squash(page.meta_value("og:title"))) else None),
        ("h1.entry-title", lambda: text_of(first(TITLE(root))) or None),
        ("<title>", lambda: strip_suffix(t, NAMES) if (t := page.head.title) else None),
    )
    shown = text_of(first(CATEGORY(root))) or None
    section = page.pick(
        "section",
        ("JSON-LD articleSection", lambda: _section(page, shown)),
        ("article:section", lambda: page.meta_value("article:section")),
        ("category link", lambda: shown),
    )
    entry_dates = strings(ENTRY_DATE(root))
    published = page.pick(
        "published",
        ("JSON-LD datePublished", lambda: _date(page, ld_text(page.ld("datePublished")))),
        ("article:published_time", lambda: _date(page, page.meta_value("article:published_time"))),
        ("time.entry-date", lambda: _date(page, entry_dates[0] if entry_dates else None)),
    )
    updated = page.pick(
        "updated",
        ("JSON-LD dateModified", lambda: _date(page, ld_text(page.ld("dateModified")))),
        ("article:modified_time", lambda: _date(page, page.meta_value("article:modified_time"))),
        required=False,
    )
    blocks, images, discarded, body_byline = _body(page, content)
    page.warn("body", "low-confidence", "div.entry-content (WordPress theme selector) is not attested for this site")
    thumb = first(THUMBNAIL(root))
    if thumb is not None and content is not root and not any(thumb is a for a in content.iterancestors()):
        images.insert(0, _figure(page, thumb))

    byline_el = first(BYLINE(root))
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
    discarded.extend(discard("share", text_of(first(HEADING(el))) or _first_line(el), link_items(page, el))
                     for el in elements(SOCIAL(root)))
    discarded.extend(discard("related", text_of(first(HEADING(el))) or None, link_items(page, el, links=LIST_LINKS))
                     for el in elements(RELATED(root)) if not any(el is a for a in content.iterancestors())
                     and not any(a is content for a in el.iterancestors()))
    dek = text_of(first(DEK(root))) or None
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


def _matches_wp(page: Page) -> bool:
    return True


# -- text copies ------------------------------------------------------------------------------------

def text_signature(copy: TextCopy) -> bool:
    lines = copy.lines
    if any(_LANG_SWITCH.match(ln) for ln in lines[:40]):
        return True
    if any(ln.endswith(("(©Sankei)", "(© Sankei)")) or "(©Sankei by " in ln or "(© Sankei by " in ln
           for ln in lines[:40]):
        return True
    return bool(lines) and lines[0] == "Connect with us" and any("JAPAN Forward" in ln for ln in lines)


def _newsletter_heading(line: str) -> bool:
    return any(line.startswith(n) for n in _NEWSLETTERS) or _SIGN_UP_LINE.match(line) is not None


def _is_subhead(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and not _SENTENCE_END.search(line) and line[0].isupper() and len(line) <= 80


def parse_text(copy: TextCopy) -> Article:
    lines = list(copy.lines)
    notices = [Notice("published", "missing", "a JAPAN Forward text copy prints no date")]
    discarded: list[Discarded] = []
    images: list[Image] = []
    byline = None
    title = section = dek = None
    if lines and lines[0] == "Connect with us":
        discarded.append(Discarded(kind="share", heading=lines.pop(0)))
    # the header ends at the first caption, language switch or byline — or after category, headline, dek
    header_end = next((i for i, ln in enumerate(lines[:8]) if _LANG_SWITCH.match(ln) or _CREDIT.search(ln)
                       or ln.startswith("By ")), 3)
    header_end = min(header_end, 3, len(lines))
    header = lines[:header_end]
    rest = lines[header_end:]
    if len(header) >= 3 or (len(header) == 2 and len(header[0].split()) <= 4 and not _SENTENCE_END.search(header[0])
                            and _SENTENCE_END.search(header[1])):
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
        elif _CREDIT.search(line) and len(line) < 400:
            images.append(image(None, *_credit(line)))
        elif body_lines and _newsletter_heading(line) and i >= len(rest) - 6:
            in_promo.append(line)
        else:
            body_lines.append(line)
    if in_promo:
        discarded.append(Discarded(kind="newsletter", heading=in_promo[0], text="\n".join(in_promo[1:]) or None))
    blocks = [Block("subhead" if _is_subhead(ln) and i > 0 else "paragraph", ln) for i, ln in enumerate(body_lines)]
    dateline, blocks = cut_dateline(blocks)
    if not blocks:
        notices.append(Notice("body", "missing", "no body lines"))
    return Article(
        site=SITE_ID,
        url=copy.url,
        title=title,
        section=section,
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
)

__all__ = ["SITE"]
