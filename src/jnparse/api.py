"""The public entry points: :func:`parse` for HTML pages and :func:`parse_text` for text copies."""

from __future__ import annotations

import contextlib
import datetime as dt
import html as html_module
import json
import os
import re
from typing import Any

import attrs
from lxml import etree

from . import sites as registry
from ._text import strip_suffix, text_of
from .crossrefs import without_pointers
from .dates import NeedsReference, parse_jst
from .detect import detect_html, detect_text, site_for_url, sniff_site
from .errors import (
    ExtraRequiredError,
    InputError,
    NotAnArticleError,
    UnsupportedSiteError,
    WholePageNeeded,
)
from .loading import (
    DEFAULT_MAX_BYTES,
    YEN_CODECS,
    NotUTF8,
    check_attributes,
    gunzipped,
    mhtml_page,
    parse_bytes,
    quick_utf8,
    repair_latin_mojibake,
    repair_mojibake,
    restore_yen_signs,
    to_utf8,
)
from .markdown import from_markdown
from .model import Article, Block, Discarded, Notice
from .page import Page, is_url
from .prompts import without_prompts
from .sites.base import Site
from .structured import types_of
from .textcopy import TextCopy, without_list_markers


def _named_site(site: str | None) -> Site | None:
    if site is None:
        return None
    found = registry.get(site)
    if found is None and site != "generic":
        known = ", ".join(sorted(s.id for s in registry.sites()))
        raise UnsupportedSiteError(f"unknown site {site!r}; known sites: {known}, generic")
    return found


def _check_url(url: str | None) -> None:
    if url is None:
        return
    if not isinstance(url, str):
        raise InputError(f"url= must be a str, not {type(url).__name__}")
    if not is_url(url):
        raise InputError(f"url= is not an absolute http(s) address: {url[:100]!r}")


def _check_reference(fetched: dt.datetime | None) -> None:
    if fetched is not None and (not isinstance(fetched, dt.datetime) or fetched.tzinfo is None):
        raise InputError("fetched= must be an aware datetime (when the page was downloaded)")


def parse(
    html: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    fetched: dt.datetime | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    body: str | bytes | None = None,
) -> Article:
    """Parse the HTML of an article page into an :class:`Article`.

    ``url`` is where the page came from (optional: the page's canonical link is used otherwise);
    ``site`` forces a site id; ``fetched`` is when the page was downloaded (needed for relative times
    such as "2 hours ago"); ``encoding`` overrides encoding detection for bytes; ``body`` is a document
    the site delivers apart from the page (The Japan Times' article-content JSON, Nikkei Asia's
    article-access JSON), read together with the page into one Article.

    A site's own JSON document (NHK World's news JSON) is accepted in place of HTML.

    Raises a :class:`~jnparse.ParseError` subclass, and nothing else, when the input cannot be read
    or holds no article.
    """
    _check_url(url)
    _check_reference(fetched)
    _check_not_a_name(html)
    forced = _named_site(site)
    html = gunzipped(html, max_bytes)  # type: ignore[assignment]
    archive = mhtml_page(html)
    if archive is not None:  # a page saved as one MHTML file: its HTML part, charset and address
        html, charset, location = archive
        encoding = encoding or charset
        url = url or (location if is_url(location) else None)
    from_json = _parse_json_document(html, url=url, fetched=fetched, forced=forced)
    if from_json is not None:
        return from_json
    _check_has_markup(html)
    body_document = _body_text(body)
    quick = quick_utf8(html, encoding=encoding, max_bytes=max_bytes)
    if quick is not None:  # the common case: UTF-8 bytes, checked by the parse itself
        try:
            return _parse_page(quick, "utf-8", False, url, fetched, body_document, forced, site, check_utf8=True)
        except NotUTF8:
            pass
    data, codec, repaired = to_utf8(html, encoding=encoding, max_bytes=max_bytes)
    return _parse_page(data, codec, repaired, url, fetched, body_document, forced, site)


def holds_no_markup(html: object) -> bool:
    """Whether ``html`` is text with no "<" at all: no page's HTML, but a text copy (one memchr: no cost to a
    page). Blank input is not told so here: it is empty, and said to be."""
    if isinstance(html, bytes):
        return b"<" not in html and bool(html.strip())
    if isinstance(html, str):
        return "<" not in html and bool(html.strip())
    return False


def _check_has_markup(html: object) -> None:
    """A text copy passed to ``parse()`` (a common slip) is told so, not read as a page holding no article."""
    if holds_no_markup(html):
        raise InputError("the input holds no HTML markup: for a text copy of a page, use parse_text()")


def _check_not_a_name(html: object) -> None:
    """A page's address or file name passed where its HTML goes (a common slip): say so, not "no article"."""
    if isinstance(html, os.PathLike):
        raise InputError(f"parse() takes the page's HTML, not a path: pass Path({os.fspath(html)!r}).read_bytes()")
    if not isinstance(html, (str, bytes)) or len(html) > 2048:
        return
    text = html.decode("latin-1") if isinstance(html, bytes) else html
    token = text.strip()
    if not token or "<" in token or any(c.isspace() for c in token):
        return
    if token.startswith(("http://", "https://")):
        raise InputError(f"jnparse reads a page's HTML or text, not its address {token[:80]!r}: fetch the page "
                         "first (url= says where it came from)")
    if token.lower().endswith((".html", ".htm", ".mhtml", ".mht", ".html.gz", ".txt")):
        raise InputError(f"jnparse reads a page's HTML or text, not a file name {token[:80]!r}: read the file first")


def _parse_page(
    data: bytes,
    codec: str,
    repaired: bool,
    url: str | None,
    fetched: dt.datetime | None,
    body_document: str | None,
    forced: Site | None,
    site: str | None,
    *,
    check_utf8: bool = False,
) -> Article:
    # the whole page is checked once, whatever part of it is parsed: a pruned parse must refuse what a
    # whole one refuses
    check_attributes(data)
    hint = forced or (None if site == "generic" else (site_for_url(url) or sniff_site(data)))
    if hint is not None and hint.prune is not None:
        if not _utf8_throughout(data, check_utf8):
            raise NotUTF8  # the careful path decodes it: parsing it whole first would be wasted
        # the site knows where its article region starts and ends in the bytes: parse only that
        # (plus <head>); the page chrome around it (menus, modals, footer) is most of libxml2's work
        pruned = hint.prune(data)
        if pruned is not None:
            try:
                article = _extract(parse_bytes(pruned, check_utf8=check_utf8, check_attributes=False), data, url,
                                   fetched, codec, repaired, body_document, forced, site)
            except NotAnArticleError:
                article = None
            # a page detection gives to another site than the one that cut it is read whole
            if article is not None and article.site == hint.id and not _incomplete(article):
                return article
    return _extract(parse_bytes(data, check_utf8=check_utf8, check_attributes=False), data, url, fetched, codec,
                    repaired, body_document, forced, site)


def _utf8_throughout(data: bytes, unchecked: bool) -> bool:
    """Whether bytes taken to be UTF-8 are that in the parts a prune drops too: a page with a stray
    cp932 byte in its menus must take the careful path whether or not its parse is cut."""
    if not unchecked or data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _incomplete(article: Article) -> bool:
    """A pruned parse that lost the article (a changed layout): parse the whole page instead."""
    return not article.body or any(w.code == "unknown-layout" for w in article.warnings)


def _extract(
    root: etree._Element,
    source: bytes,
    url: str | None,
    fetched: dt.datetime | None,
    codec: str,
    repaired: bool,
    body_document: str | None,
    forced: Site | None,
    site: str | None,
) -> Article:
    page = Page(root, url=url, reference=fetched, codec=codec, source=source, body_document=body_document)
    if codec not in ("utf-8", "str"):
        page.warn("encoding", "encoding", f"decoded as {codec}")
        if codec in YEN_CODECS:
            restore_yen_signs(root)
    if repaired:
        page.warn("encoding", "repaired", "mojibake (UTF-8 once read as GBK, windows-1252 or ISO-8859-1) was repaired")
    if _cut_short(source):
        page.warn("body", "truncated", "the page has no closing </html> tag: the download may have been cut short,"
                  " and the body and the blocks after it with it")
    return _checked(_without_pointers(_read(page, forced, site), page), page)


def _read(page: Page, forced: Site | None, site: str | None) -> Article:
    """The Article of the site (or layout) the page is from, as its extractor reads it."""
    from .generic import extract_generic

    target = forced if forced is not None or site == "generic" else detect_html(page)
    if target is None:
        return extract_generic(page)
    before = list(page.notices)
    layout = next((layout for layout in target.layouts if layout.matches(page)), None)
    if layout is None and target.layouts:
        layout = target.layouts[0]
        page.warn("layout", "unknown-layout", f"no {target.name} layout matched; read as {layout.name}")
    if layout is None:
        return extract_generic(page, site_id=target.id)
    unsure = False  # the layout refused the page, and its metadata says neither story nor list
    try:
        article: Article | None = layout.extract(page)
    except WholePageNeeded:
        raise  # a cut page, to be parsed whole
    except NotAnArticleError as e:
        if e.stated_by_page:
            raise  # no other reader on a page that says it holds no story
        if not _metadata_says_article(page):
            if _says_not_article(page) is not None:
                raise  # a section or list page, and its metadata says so
            unsure = True  # a redesign may have dropped og:type with the layout's marks
        article = None
    # (a paywalled story may show no text; but a layout that found no article block at all has no say in it)
    if article is not None and (article.body or (article.paywalled and not _lost_its_place(article))):
        return article
    # no story where the layout looks (a redesign): read the page as any page is read (its structured data,
    # its marked body, trafilatura), under the site's id, and keep that when it finds the story
    notices = list(page.notices)
    page.notices[:] = [*before, Notice("layout", "unknown-layout",
                                       f"the layout of {target.name} found no story; read with the generic reader")]
    try:
        generic: Article | None = extract_generic(page, site_id=target.id)
    except ExtraRequiredError:  # without the generic extra
        generic = None
    # on a page whose metadata says nothing either way, the story must be dated too: a list page's teasers
    # can read as paragraphs, but the page has no date of its own
    if generic is not None and _reads_as_a_story(generic.body) and not (unsure and generic.published is None):
        return generic if article is None else _with_layout_fields(generic, article)
    page.notices[:] = notices
    if article is None:
        raise NotAnArticleError(f"a {target.name} page whose story no reader found")
    return article


def _lost_its_place(article: Article) -> bool:
    """Whether the layout read the page without finding where its story sits (an ``unknown-layout`` warning
    on ``body``: it read the whole page as best it could)."""
    return any(w.field == "body" and w.code == "unknown-layout" for w in article.warnings)


#: what a site's layout reads from a page's header and metadata by its own rules, kept when its reader found no
#: story and the generic reader's is taken: the byline from its printed line (not a CMS uploader's name in
#: the JSON-LD), the section from its label, the times from its meta tags
_LAYOUT_FIELDS = ("title", "section", "published", "updated", "byline", "date_text")


def _with_layout_fields(generic: Article, layout: Article) -> Article:
    """The generic reader's Article, with the fields the site's layout found (its story aside) in place of
    the generic reader's, their warnings the layout's, a paywall either of them saw, and the side blocks
    the layout found (its lists of stories, after the generic reader's boxes)."""
    found: dict[str, Any] = {name: value for name in _LAYOUT_FIELDS if (value := getattr(layout, name)) is not None}
    lists = tuple(d for d in layout.discarded if d.items and d not in generic.discarded)
    if lists:
        found["discarded"] = (*generic.discarded, *lists)
    if not found and not layout.paywalled:
        return generic
    # the warnings on those fields are the layout's (how it read them), not the generic reader's
    kept = [w for w in generic.warnings if w.field not in found]
    kept += [w for w in layout.warnings if w.field in found and w not in kept]
    return attrs.evolve(generic, **found, paywalled=generic.paywalled or layout.paywalled, warnings=tuple(kept))


def _reads_as_a_story(body: tuple[Block, ...]) -> bool:
    """Whether a body the generic reader found on a page its site's layout could not read is a story: two
    paragraphs or more, a couple of hundred characters (not a cookie notice or a one-line teaser)."""
    paragraphs = [b for b in body if b.kind == "paragraph"]
    return len(paragraphs) >= 2 and sum(len(b.text) for b in paragraphs) >= 200


def _metadata_says_article(page: Page) -> bool:
    """Whether the page's metadata calls it an article (``og:type`` article, a JSON-LD article object)."""
    return (page.meta_value("og:type") or "").lower() == "article" or page.ld_article is not None


def _cut_short(source: bytes) -> bool:
    """Whether the page lacks its closing ``</html>`` tag (in any case), as a download cut short does. The
    tag is optional in HTML, but every news page prints it: found from the end, it costs nothing."""
    return (source.rfind(b"</html") < 0 and source.rfind(b"</HTML") < 0
            and b"</html" not in source[-16384:].lower())


def _body_text(body: str | bytes | None) -> str | None:
    if body is None or isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray)):
        try:
            return bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError:
            from .errors import DecodeError

            raise DecodeError("the body document is not UTF-8") from None
    raise InputError(f"body= must be str or bytes, not {type(body).__name__}")


def _parse_json_document(
    source: Any, *, url: str | None, fetched: dt.datetime | None, forced: Site | None
) -> Article | None:
    """A site's JSON document given in place of HTML (NHK World's news JSON), or ``None``."""
    if isinstance(source, (bytes, bytearray)):
        head = bytes(source[:64]).lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head.startswith((b"{", b"[")):
            return None
        try:
            text = bytes(source).decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
    elif isinstance(source, str):
        if not source.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
            return None
        text = source
    else:
        return None
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        raise InputError("the input starts like JSON but is not valid JSON (and is not HTML)") from None
    candidates = [forced] if forced is not None else list(registry.sites())
    for s in candidates:
        if s.parse_json is not None:
            article = s.parse_json(data, url, fetched)
            if article is not None:
                return _checked(_without_pointers(article, None))
    raise NotAnArticleError("the input is a JSON document that no site module reads as an article")


def _without_pointers(article: Article, page: Page | None) -> Article:
    """The Article with the "Read more: …" lines of its body moved to its discarded blocks (see
    :mod:`jnparse.crossrefs`), each with the address its title links to on the page."""
    return without_pointers(article, (lambda title: _link_to(page, title)) if page is not None else None)


def _link_to(page: Page, title: str) -> str | None:
    """The address of the first link on the page whose text is ``title``."""
    for a in page.root.iter("a"):
        href = a.get("href")
        if href and text_of(a) == title:
            return page.absolute(href)
    return None


def _checked(article: Article, page: Page | None = None) -> Article:
    if not article.body and not article.title:
        raise NotAnArticleError(f"the page holds no article text and no headline ({article.site})")
    if not article.body and article.published is None and page is not None and (kind := _says_not_article(page)):
        # a section front, a list of stories, a search page: a title and links, and its metadata says so
        raise NotAnArticleError(f"the page holds no article text and no date, and its metadata calls it a "
                                f"{kind}: a section or list page ({article.site})")
    if not article.body and not any(w.field == "body" for w in article.warnings):
        # whatever the extractor's reason (a paywall says so itself), an empty body is never silent
        return attrs.evolve(article, warnings=(*article.warnings, Notice("body", "missing", "no paragraphs found")))
    return article


#: JSON-LD types of pages that list stories or people (a WebSite node stands on every page, articles too)
_NOT_ARTICLE_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})


def _says_not_article(page: Page) -> str | None:
    """What the page's metadata calls it when that is no article (``og:type`` "website", a JSON-LD
    CollectionPage or list), with no JSON-LD article beside it; ``None`` when it says nothing of the kind.
    A page that says nothing either way is not refused: its reader may have missed the article."""
    if page.ld_article is not None:
        return None
    og_type = (page.meta_value("og:type") or "").lower()
    if og_type and og_type != "article":
        return f"og:type {og_type!r}"
    for obj in page.jsonld:
        found = _NOT_ARTICLE_TYPES.intersection(types_of(obj))
        if found:
            return f"JSON-LD {min(found)}"
    return None


def _with_title_line(article: Article, line: str, headline: str) -> Article:
    """The Article of a copy that started with the page's title line: its headline when the copy gave none,
    and the line itself as a discarded block unless it is the headline with the site's name."""
    if article.title is None:
        # the reader found none in the copy's lines (and said so): the title line gives it
        kept = tuple(w for w in article.warnings if w.field != "title")
        article = attrs.evolve(article, title=headline,
                               warnings=(*kept, Notice("title", "fallback", "read from the copy's title line")))
    if article.title == headline:
        return article
    return attrs.evolve(article, discarded=(Discarded(kind="other", text=line), *article.discarded))


#: the start of an HTML document, which parse_text() is given by mistake (after a BOM or white space)
_HTML_START = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
#: an HTML character reference left in a text copy: named ("&amp;", "&mdash;") or numeric ("&#8217;")
_CHAR_REF = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,9});")


def parse_text(
    text: str,
    *,
    url: str | None = None,
    site: str | None = None,
    fetched: dt.datetime | None = None,
) -> Article:
    """Parse a plain-text copy of an article page (its visible text, one block a line)."""
    if isinstance(text, os.PathLike):
        raise InputError(f"parse_text() takes the copy's text, not a path: pass "
                         f"Path({os.fspath(text)!r}).read_text(encoding='utf-8')")
    if isinstance(text, (bytes, bytearray)):
        raise InputError("parse_text() takes str; decode the bytes first (or use parse() for HTML)")
    if not isinstance(text, str):
        raise InputError(f"parse_text() takes str, not {type(text).__name__}")
    _check_url(url)
    _check_reference(fetched)
    _check_not_a_name(text)
    if _HTML_START.match(text):
        raise InputError("parse_text() takes a copy's visible text, and this is a page's HTML: use parse()")
    forced = _named_site(site)
    # a copy taken from the page's source, its character references left in ("China&#8217;s", "&amp;")
    unescaped = "&" in text and len(_CHAR_REF.findall(text, 0, 20000)) >= 2
    if unescaped:
        text = html_module.unescape(text)
    # a copy saved through the wrong encoding: "Chinaâ€™s" (windows-1252), "China鈥檚" (GBK)
    fixed = repair_mojibake(text) or repair_latin_mojibake(text)
    if fixed is not None:
        text = fixed
    # a copy written as Markdown (html2text, markdownify, a reader service): the text its marks stand for
    markdown = from_markdown(text)
    header: dict[str, str] = {}
    if markdown is not None:
        text, header = markdown
        url = url or (header["url"] if is_url(header.get("url")) else None)
    copy = TextCopy.from_text(text, url=url, reference=fetched)
    if not copy.lines:
        raise InputError("the text is empty")
    # a copy tool that starts with the page's own title ("Headline | The Japan Times"), the tab's name: read
    # without it (it names the site and may give the headline), unless the site's reader takes it for its
    # headline itself (a Mainichi copy prints "Headline - The Mainichi")
    title_line = copy.lines[0]
    titled = registry.titled(title_line) if len(copy.lines) > 1 else None
    if titled is None:
        article = _read_copy(copy, forced)
    else:
        headline = strip_suffix(title_line, titled.names)
        article = _read_copy(attrs.evolve(copy, lines=copy.lines[1:]), forced, titled)
        if article.title not in (None, headline):
            with contextlib.suppress(NotAnArticleError):
                whole = _read_copy(copy, forced, titled)
                if whole.title == headline:
                    article = whole
        article = _with_title_line(article, title_line, headline)
    if fixed is not None:
        note = Notice("encoding", "repaired",
                      "mojibake (UTF-8 once read as GBK, windows-1252 or ISO-8859-1) was repaired")
        article = attrs.evolve(article, warnings=(*article.warnings, note))
    if unescaped:
        note = Notice("encoding", "repaired", "HTML character references (&amp;, &#8217;) in the text were decoded")
        article = attrs.evolve(article, warnings=(*article.warnings, note))
    if markdown is not None:
        article = _with_markdown_header(article, header)
    if copy.unwrapped is not None:
        note = Notice("body", "unwrapped", f"the copy's lines were wrapped at {copy.unwrapped} characters: joined back")
        article = attrs.evolve(article, warnings=(*article.warnings, note))
    if copy.link_numbers:
        note = Notice("encoding", "link-numbers", f"the copy is a terminal browser's dump: the numbers of its "
                      f"{copy.link_numbers} links and the list of their addresses were left out")
        article = attrs.evolve(article, warnings=(*article.warnings, note))
    return article


def _with_markdown_header(article: Article, header: dict[str, str]) -> Article:
    """The Article of a Markdown copy: its header's date when the copy printed none, and the warning."""
    notes = [Notice("encoding", "markdown", "the copy is Markdown: read as the text its marks stand for")]
    if article.published is None and header.get("date"):
        try:
            published = parse_jst(header["date"])
        except NeedsReference:
            published = None
        if published is not None:
            notes.append(Notice("published", "fallback", "read from the Markdown copy's header"))
            kept = tuple(w for w in article.warnings if (w.field, w.code) != ("published", "missing"))
            return attrs.evolve(article, published=published, warnings=(*kept, *notes))
    return attrs.evolve(article, warnings=(*article.warnings, *notes))


def _read_copy(copy: TextCopy, forced: Site | None, titled: Site | None = None) -> Article:
    """The Article the copy's site reads (the generic reader's when no site claims it)."""
    target = forced if forced is not None else detect_text(copy) or titled
    if target is None or target.parse_text is None:
        from .generic import parse_text_generic

        return without_list_markers(without_prompts(_without_pointers(
            parse_text_generic(copy, site_id=target.id if target else "generic"), None)))
    article = without_list_markers(without_prompts(_without_pointers(target.parse_text(copy), None)))
    if not article.body:
        raise NotAnArticleError(f"the text holds no article body ({target.id})")
    return article


__all__ = ["Notice", "parse", "parse_text"]
