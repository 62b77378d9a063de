"""Structured data on a page: meta tags, OpenGraph, the canonical link and JSON-LD.

Read once per page, lazily (see :class:`jnparse.page.Page`). JSON-LD is bounded: a script larger
than :data:`MAX_JSONLD_BYTES`, nested deeper than :data:`MAX_JSONLD_DEPTH` or not valid JSON is
skipped, and the caller is told so it can add a warning.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from ._text import squash

MAX_JSONLD_BYTES = 1_000_000
MAX_JSONLD_DEPTH = 40

ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "socialmediaposting", "techarticle",
        "liveblogposting",
    }
)


class HeadData:
    """What one pass over a page's ``meta``, ``link``, ``title``, ``script`` and ``base`` elements finds."""

    __slots__ = ("base", "canonical", "ld_texts", "meta", "title")

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        #: the first ``<base href>``: the address the page's relative links are read against
        self.base: str | None = None
        self.title: str | None = None
        self.ld_texts: list[str] = []


#: the attributes naming a meta tag's value (bytes: lxml encodes a str name on every get())
_META_KEYS = (b"property", b"name", b"itemprop", b"http-equiv")


def scan(root: etree._Element) -> HeadData:
    """One pass (filtered in C) over the elements that carry structured data, wherever the parser
    put them: a stray element in ``<head>`` makes libxml2 move the rest of the head into the body."""
    out = HeadData()
    meta = out.meta
    for el in root.iter("meta", "link", "title", "script", "base"):
        tag = el.tag
        if tag == "meta":
            content = el.get(b"content")
            if content is None:
                continue
            for attr in _META_KEYS:
                key = el.get(attr)
                if key:
                    meta.setdefault(key.strip().lower(), content)
        elif tag == "link":
            if out.canonical is None and (el.get(b"rel") or "").strip().lower() == "canonical":
                href = (el.get(b"href") or "").strip()
                if href:
                    out.canonical = href
        elif tag == "title":
            if out.title is None:  # (its text is raw text: no element can be in it, but keep the general case)
                out.title = squash(el.text if len(el) == 0 else "".join(el.itertext())) or None
        elif tag == "base":
            if out.base is None:
                href = (el.get(b"href") or "").strip()
                if href:
                    out.base = href
        else:  # a script: most are code, whose type (if any) does not say "json"
            kind = el.get(b"type")
            if kind is not None and "json" in kind.lower() and kind.strip().lower() == "application/ld+json" \
                    and el.text:
                out.ld_texts.append(el.text)
    return out


def _depth(value: Any, limit: int) -> bool:
    """True when ``value`` nests no deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        v, d = stack.pop()
        if d > limit:
            return False
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return True


def parse_jsonld(texts: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """JSON-LD script texts to objects (bounded; invalid or oversized blocks skipped and reported)."""
    objects: list[dict[str, Any]] = []
    problems: list[str] = []
    for raw in texts:
        if not raw.strip():
            continue
        if len(raw) > MAX_JSONLD_BYTES:
            problems.append(f"a JSON-LD block of {len(raw)} characters was skipped (limit {MAX_JSONLD_BYTES})")
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"))
        except RecursionError:
            problems.append("a JSON-LD block nested too deeply was skipped")
            continue
        except ValueError:
            try:  # some CMSs leave control characters in strings
                data = json.loads(raw.strip().rstrip(";"), strict=False)
            except (ValueError, RecursionError):
                problems.append("a JSON-LD block that is not valid JSON was skipped")
                continue
        # a block with fewer brackets than the limit cannot nest deeper than it: no walk needed
        if raw.count("{") + raw.count("[") > MAX_JSONLD_DEPTH and not _depth(data, MAX_JSONLD_DEPTH):
            problems.append("a JSON-LD block nested too deeply was skipped")
            continue
        objects.extend(_flatten(data))
    return objects, problems


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        d = stack.pop(0)
        if isinstance(d, list):
            stack[0:0] = d
        elif isinstance(d, dict):
            graph = d.get("@graph")
            if isinstance(graph, list):
                stack[0:0] = graph
            if "@type" in d:
                yield d


def types_of(obj: Mapping[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first JSON-LD object whose ``@type`` is an article type."""
    for obj in objects:
        if types_of(obj) & ARTICLE_TYPES:
            return obj
    return None


def ld_text(value: Any) -> str | None:
    """A JSON-LD string value, HTML entities decoded and white space squashed (``&amp;`` → ``&``)."""
    if isinstance(value, str):
        s = squash(html.unescape(value))
        return s or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return ld_text(value[0])
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value") or value.get("url"))
    return None


def ld_names(value: Any) -> list[str]:
    """Names from a JSON-LD ``author``: a string, an object, or a list of either."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:50]:
        name = ld_text(item.get("name")) if isinstance(item, dict) else ld_text(item)
        if name:
            out.append(name)
    return out


def ld_url(value: Any) -> str | None:
    """A URL from a JSON-LD ``image``/``url`` value (string, ImageObject or list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return ld_url(value[0])
    if isinstance(value, dict):
        return ld_url(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


_TAG = re.compile(r"<[^<>]{0,1000}>")


def strip_tags(text: str | None) -> str | None:
    """Text of an attribute that holds markup (og:description on The Japan News starts with ``<p>``)."""
    if not text:
        return None
    if "<" in text:
        text = _TAG.sub(" ", text)
    return squash(html.unescape(text)) or None
