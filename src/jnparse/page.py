"""The page being parsed: its tree, its structured data (read lazily, once) and its warnings."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree

from . import structured
from .model import Notice

T = TypeVar("T")


def is_url(value: str | None) -> bool:
    """An absolute http(s) address that the standard library can take apart (no stray brackets)."""
    if not value or not value.startswith(("http://", "https://")) or len(value) > 4000:
        return False
    try:
        return bool(urlsplit(value).hostname)
    except ValueError:  # "Invalid IPv6 URL" and friends
        return False


#: the most a section label runs to ("Politics & Government", "National / Crime & Legal", "Asia Pacific")
MAX_LABEL_CHARS = 60
MAX_LABEL_WORDS = 8


def is_label(text: str) -> bool:
    """Whether ``text`` is short enough to be a section label: a page's markup gone wrong (an element left
    open inside the label) can make the label's element hold the headline and the story."""
    return len(text) <= MAX_LABEL_CHARS and len(text.split()) <= MAX_LABEL_WORDS


#: an address of the Wayback Machine (absolute, or as its pages link: "/web/…"), holding the original one
_WAYBACK = re.compile(r"^(?:https?://(?:web\.)?archive\.org)?/web/\d{1,14}(?:[a-z]{2}_)?/+(https?://.+)$",
                      re.IGNORECASE | re.DOTALL)


#: an address of archive.today (archive.ph and its other names) for a link out of an archived page, holding
#: the original one ("https://archive.ph/o/AbCd1/https://…")
_ARCHIVE_TODAY = re.compile(r"^https?://archive\.(?:ph|is|today|li|vn|fo|md)/o/[A-Za-z0-9]+/+(https?://.+)$",
                            re.IGNORECASE | re.DOTALL)


def unarchived(url: str) -> str:
    """``url``, or the address a Wayback Machine address holds ("https://web.archive.org/web/2024…/https://…")
    or an archive.today link does ("https://archive.ph/o/AbCd1/https://…"): an archived page's links and
    canonical address are the original site's."""
    m = _WAYBACK.match(url) or _ARCHIVE_TODAY.match(url)
    return m.group(1) if m is not None else url


#: A URL's scheme and host ("https://example.com", "//example.com"), written as they are
_URL_ORIGIN = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*")
#: A run of what a browser percent-encodes in a link beyond a space: characters beyond printable ASCII
_URL_ESCAPED = re.compile(r"[^\x21-\x7e]+")


def _escaped(found: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in found.group().encode("utf-8", "surrogatepass"))


def browser_url(url: str) -> str:
    """``url`` as a browser resolves a link to it (what ``a.href`` gives): tabs and line breaks inside it dropped,
    and the spaces and the characters beyond ASCII of its path, query and fragment percent-encoded as UTF-8
    ("…&title=Japan’s Robots" reads "…&title=Japan%E2%80%99s%20Robots"); its scheme and an ASCII host as written, a
    host beyond ASCII in IDNA's ASCII form (:func:`_ascii_origin`)."""
    if url.isascii() and url.isprintable() and " " not in url:
        return url  # (most links: three scans in C)
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    origin = _URL_ORIGIN.match(url)
    start = origin.end() if origin is not None else 0
    rest = url[start:].replace(" ", "%20")  # (the common case, a title in a share button's query: in C)
    if not (rest.isascii() and rest.isprintable()):
        rest = _URL_ESCAPED.sub(_escaped, rest)
    head = url[:start]
    if not head.isascii():
        head = _ascii_origin(head)
    return head + rest


def _ascii_origin(origin: str) -> str:
    """A link's scheme and authority with its host beyond ASCII written as a browser sends it, in IDNA's ASCII form
    ("//例え.jp" reads "//xn--r8jz45g.jp", lower case), and a user's name or password beyond ASCII percent-encoded.
    A host IDNA cannot encode (an empty or overlong label) stays as written: no browser reaches it either."""
    scheme, _, authority = origin.rpartition("//")
    user, at, host_port = authority.rpartition("@")
    host, colon, port = host_port.partition(":")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii").lower()
    if not user.isascii():
        user = _URL_ESCAPED.sub(_escaped, user)
    return f"{scheme}//{user}{at}{host}{colon}{port}"


def unarchived_link(href: str) -> str:
    """:func:`unarchived` for a page's links, each asked: two substring tests first (an archive's link-out
    addresses write "/web/" and "/o/" as such), the patterns only for the few that hold one."""
    return unarchived(href) if "/web/" in href or "/o/" in href else href


#: fields whose text a source may give although it cannot be that field (a label swollen by broken markup)
_PLAUSIBLE: dict[str, Callable[[str], bool]] = {"section": is_label}


class Page:
    """One parsed HTML page. Extractors read it; it parses nothing twice."""

    __slots__ = ("_base", "_head", "_jsonld", "_ld_article", "_origin", "_url", "body_document", "codec", "memo",
                 "notices", "reference", "root", "source", "url_hint")

    def __init__(
        self,
        root: etree._Element,
        *,
        url: str | None = None,
        reference: dt.datetime | None = None,
        codec: str = "utf-8",
        source: bytes | None = None,
        body_document: str | None = None,
    ) -> None:
        self.root = root
        #: the page as UTF-8 bytes, for tools that want to read it themselves (never re-parsed here)
        self.source = source
        #: a document the site delivers apart from the page (an article-body JSON), if the caller gave one
        self.body_document = body_document
        self.url_hint = url
        self.reference = reference
        self.codec = codec
        self.notices: list[Notice] = []
        #: per-page results a site module computes once and shares between its layout checks and its
        #: extractor (one pass over the tree), keyed by the module's name
        self.memo: dict[str, Any] = {}
        self._head: structured.HeadData | None = None
        self._jsonld: list[dict[str, Any]] | None = None
        self._ld_article: dict[str, Any] | bool | None = False
        self._url: str | bool | None = False
        self._base: str | bool | None = False
        self._origin: str | None = None

    # -- warnings --------------------------------------------------------------------------------
    def warn(self, field: str, code: str, detail: str = "") -> None:
        n = Notice(field=field, code=code, detail=detail)
        if n not in self.notices:
            self.notices.append(n)

    # -- structured data ---------------------------------------------------------------------------
    @property
    def head(self) -> structured.HeadData:
        """Meta tags, canonical link, title and JSON-LD texts, from one pass over the tree."""
        if self._head is None:
            self._head = structured.scan(self.root)
        return self._head

    @property
    def meta(self) -> dict[str, str]:
        return self.head.meta

    def meta_value(self, *keys: str) -> str | None:
        m = self.meta
        for k in keys:
            v = m.get(k)
            if v and v.strip():
                return v.strip()
        return None

    @property
    def jsonld(self) -> list[dict[str, Any]]:
        if self._jsonld is None:
            objs, problems = structured.parse_jsonld(self.head.ld_texts)
            for p in problems:
                self.warn("jsonld", "skipped", p)
            self._jsonld = objs
        return self._jsonld

    @property
    def ld_article(self) -> dict[str, Any] | None:
        if self._ld_article is False:
            self._ld_article = structured.article_object(self.jsonld)
        return self._ld_article if isinstance(self._ld_article, dict) else None

    def ld(self, key: str) -> Any:
        art = self.ld_article
        return art.get(key) if art else None

    @property
    def canonical(self) -> str | None:
        return self.head.canonical

    @property
    def url(self) -> str | None:
        """The article's address: the canonical link, og:url, then the URL the caller gave."""
        if self._url is False:
            found = self.url_hint if is_url(self.url_hint) else None
            for cand in (self.canonical, self.meta_value("og:url"), self.url_hint):
                if is_url(cand):
                    found = cand
                    break
            self._url = unarchived(found) if found is not None else None
        return self._url if isinstance(self._url, str) else None

    @property
    def base_url(self) -> str | None:
        """The address the page's relative links are read against: its ``<base href>`` (itself read against the
        page's address), else the page's address."""
        if self._base is False:
            base = self.url
            declared = self.head.base
            if declared:
                try:
                    joined: str | None = urljoin(base, declared) if base else declared
                except ValueError:
                    joined = None
                if joined is not None and is_url(joined):
                    base = unarchived(joined)
            self._base = base
        return self._base if isinstance(self._base, str) else None

    def absolute(self, href: str | None) -> str | None:
        """The address a link leads to, as a browser resolves it (:func:`browser_url`), or ``None`` for a link
        to no page (a script, inline data, a fragment of this page, an e-mail address)."""
        if not href:
            return None
        href = href.strip()
        if not (href.isascii() and href.isprintable()) or " " in href:  # (browser_url's test, without its call)
            href = browser_url(href)
        href = unarchived_link(href)  # a page saved by the Wayback Machine or archive.today links through it
        if href.startswith(("https://", "http://")):
            return href
        if not href or href.startswith(("javascript:", "data:", "#", "mailto:")):
            return None
        base = self.base_url
        if not base:  # (an address without a scheme, "//host/path", is read as https, as a browser on https reads it)
            return "https:" + href if href.startswith("//") and len(href) > 2 and href[2] != "/" else href
        if (href.startswith("/") and not href.startswith("//") and "/." not in href and "\\" not in href
                and "?" not in href and "#" not in href):
            # a root-relative path: scheme and host of the page, then the path (what urljoin gives)
            if self._origin is None:
                parts = urlsplit(base)
                self._origin = f"{parts.scheme}://{parts.netloc}"
            return self._origin + href
        try:
            return urljoin(base, href)
        except ValueError:
            return href

    def date(self, field: str, text: str | None) -> dt.datetime | None:
        """A printed or structured time in Japan time; a relative one without ``fetched=`` adds a
        ``relative-time`` warning on ``field`` and gives ``None``."""
        from .dates import NeedsReference, parse_jst

        try:
            return parse_jst(text, reference=self.reference)
        except NeedsReference:
            self.warn(field, "relative-time", f"{(text or '')[:60]!r} needs the fetch time: pass fetched=")
            return None

    # -- finding elements by what their start tags hold ------------------------------------------------
    def tags_with(self, needle: bytes) -> tuple[str, ...] | None:
        """The names of the elements whose start tag may hold ``needle`` (an attribute name or value),
        read off the page's bytes: ``root.iter(*names)`` then visits only those elements, filtered in
        C. A whole-tree XPath with an attribute test costs ~10x that walk.

        ``()`` when the bytes do not hold ``needle`` at all; ``None`` when that cannot be told (no
        bytes, or too many occurrences): the caller then queries the tree as a whole.
        """
        key = "tags_with:" + needle.decode("latin-1")
        if key in self.memo:
            return self.memo[key]  # type: ignore[no-any-return]
        result = _tags_with(self.searchable_source(), needle)
        self.memo[key] = result
        return result

    def searchable_source(self) -> bytes | None:
        """The page's bytes when names can be looked for in them; ``None`` when a numeric character
        reference in them may spell a name's letter (``class="&#98;yline"`` is "byline" to the parser, and
        no byte search finds it): lookups then ask the tree."""
        searchable = self.memo.get("searchable")
        if searchable is None:  # one look a page (each lookup asks): a find, and the regex only past a "&#"
            source = self.source
            searchable = source is None or not _name_char_ref_in(source)
            self.memo["searchable"] = searchable
        return self.source if searchable else None

    def marked(self, attr: str, word: str) -> list[etree._Element]:
        """The elements whose ``attr`` (``itemprop``, ``rel``) holds ``word`` among its words, in page order
        (a list the caller must not change)."""
        return self.attribute_words(attr).get(word, [])

    def attribute_words(self, attr: str) -> dict[str, list[etree._Element]]:
        """Each word of ``attr``'s values on the page → the elements carrying it, in page order: one query of
        the tree a page and attribute (``//*/@itemprop``, ~55 µs on a page of 1,000 elements, in C), exact
        whatever the bytes spell (character references, capitals). Reading the names off the bytes first
        and walking the tags they name cost more: a byte search for the attribute, another for references
        that may spell a word (1,600 on a WordPress page), and a walk for each word asked."""
        key = "words:" + attr
        words: dict[str, list[etree._Element]] | None = self.memo.get(key)
        if words is None:
            words = {}
            for value in _attribute_values(attr)(self.root):
                el = value.getparent()
                for word in value.split():
                    found = words.setdefault(word, [])
                    if not found or found[-1] is not el:
                        found.append(el)
            self.memo[key] = words
        return words

    def elements_with(self, test: Callable[[etree._Element], bool], whole_tree: etree.XPath, *,
                      needles: tuple[bytes, ...] = (), attrs: tuple[tuple[str, str], ...] = (),
                      tags: tuple[str, ...] = ()) -> list[etree._Element]:
        """The elements passing ``test``, in page order, among ``tags`` and those whose start tags may
        hold one of ``needles``, or that carry one of ``attrs`` (attribute, word: :meth:`marked`): a walk
        filtered in C, instead of ``whole_tree``, the equivalent whole-tree XPath with an attribute test
        (~10x slower), which is used when the bytes cannot tell."""
        names: set[str] = set(tags)
        for needle in needles:
            names_found = self.tags_with(needle)
            if names_found is None:
                return [e for e in whole_tree(self.root) if isinstance(e, etree._Element)]
            names.update(names_found)
        for attr, word in attrs:
            carrying = tag_names(self.marked(attr, word))
            if carrying is None:
                return [e for e in whole_tree(self.root) if isinstance(e, etree._Element)]
            names.update(carrying)
        if not names:
            return []
        return [el for el in self.root.iter(*names) if test(el)]

    # -- choosing among sources ----------------------------------------------------------------------
    def pick(self, field: str, *sources: tuple[str, Callable[[], T | None]], required: bool = True) -> T | None:
        """The first source that gives a value (empty strings and empty collections count as none).
        A later source than the first adds a ``fallback`` warning; no value at all adds a ``missing``
        one (when ``required``)."""
        for i, (name, get) in enumerate(sources):
            value = get()
            if value is not None and not (isinstance(value, (str, list, tuple, dict)) and len(value) == 0):
                plausible = _PLAUSIBLE.get(field)
                if plausible is not None and isinstance(value, str) and not plausible(value):
                    self.warn(field, "implausible", f"{name} gave {value[:40]!r}…, which cannot be the {field}")
                    continue
                if i > 0:
                    self.warn(field, "fallback", f"read from {name}")
                return value
        if required:
            self.warn(field, "missing", "no source on the page gave it")
        return None


_TAG_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]{0,30})[\s/>]")
#: a numeric character reference to a character of the ASCII range from "-" (45) to "z" (122): letters,
#: digits and the punctuation of class names and attribute words, with a few characters more. The lookahead
#: first passes over the references of four digits and more (a page's curly quotes, or its Japanese written
#: as references: 1,600 on a WordPress page) in fewer steps than the alternatives take to fail: half the search
_NAME_CHAR_REF = re.compile(rb"&#(?![1-9][0-9]{3})(?:0*(?:4[5-9]|[5-9][0-9]|1[01][0-9]|12[0-2])(?![0-9])|"
                            rb"[xX]0*(?:2[d-fD-F]|[3-6][0-9a-fA-F]|7[0-9aA])(?![0-9a-fA-F]))")


def _tags_with(source: bytes | None, needle: bytes, limit: int = 1000) -> tuple[str, ...] | None:
    if source is None:
        return None
    names: set[str] = set()
    i = source.find(needle)
    for _ in range(limit):
        if i < 0:
            return tuple(sorted(names))
        lt = source.rfind(b"<", max(0, i - 2000), i)
        m = _TAG_NAME.match(source, lt) if lt >= 0 else None
        if m is None:
            return None  # the needle sits beyond a start tag we can read: ask the tree
        names.add(m.group(1).decode("ascii").lower())
        i = source.find(needle, i + len(needle))
    return None


def _name_char_ref_in(source: bytes) -> bool:
    """Whether ``source`` holds a :data:`_NAME_CHAR_REF`. (One regex search over the page, ~85 µs on a
    WordPress page holding 1,600 references: every other way measured, finds per reference or flattening the
    digits first, cost more.)"""
    return b"&#" in source and _NAME_CHAR_REF.search(source) is not None


#: a tag name ``iter()`` can filter on: libxml2 keeps whatever a damaged page writes as a name ("<di\x03v>"),
#: and lxml refuses a name holding a control character
_PLAIN_TAG = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


def tag_names(found: Iterable[etree._Element]) -> set[str] | None:
    """The names of the elements ``found``, for ``root.iter(*names)``; ``None`` when one is no name ``iter()``
    can take (the caller then walks every element, or asks the whole tree)."""
    names: set[str] = set()
    for el in found:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if _PLAIN_TAG.fullmatch(tag) is None:
            return None
        names.add(tag)
    return names


_ATTRIBUTE_VALUES: dict[str, etree.XPath] = {}


def _attribute_values(attr: str) -> etree.XPath:
    """The query for every value of ``attr`` on a page (each knows its element), compiled once per attribute."""
    found = _ATTRIBUTE_VALUES.get(attr)
    if found is None:
        found = _ATTRIBUTE_VALUES[attr] = etree.XPath(f"//*/@{attr}")  # (a fifth faster than "//@")
    return found


def xpath(expr: str) -> etree.XPath:
    """A compiled XPath (compile at import time, call per page)."""
    return etree.XPath(expr)


def css(selector: str) -> etree.XPath:
    """A CSS selector compiled to XPath once, at import time."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector, translator="html")


def elements(result: Any) -> list[etree._Element]:
    """The elements of an XPath result (ignoring strings and numbers)."""
    if isinstance(result, list):
        return [e for e in result if isinstance(e, etree._Element)]
    return []


def first(result: Any) -> etree._Element | None:
    els = elements(result)
    return els[0] if els else None


def strings(result: Any) -> list[str]:
    if isinstance(result, list):
        return [str(s) for s in result if isinstance(s, (str, bytes))]
    if isinstance(result, str):
        return [result]
    return []
