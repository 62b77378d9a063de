"""Which site a page or a text copy comes from.

HTML: the URL given (unless the page names its own address on another of our sites and carries that
site's markup), then the page's canonical link and og:url, then og:site_name and the title's site-name
suffix, then (for a page that does not name its own address) each site's markup fingerprint. Text: the URL
given, then each site's signature lines.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from . import sites as registry
from .page import Page, is_url
from .sites.base import Site
from .textcopy import TextCopy

# an address in the path (not the query) of another: "/web/20240101000000/https://..."
_EMBEDDED_URL = re.compile(r"^https?://[^/?#]+/[^?#]*?/(https?://[^?#]+.*)$", re.IGNORECASE | re.DOTALL)

# "https://www.example.com/…": a host of plain characters, no user or password, then a port, path,
# query, fragment or the end
_PLAIN_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?=[:/?#]|\Z)")


def site_for_url(url: str | None) -> Site | None:
    """The site module owning ``url``'s host; an archive address that holds the page's own
    (``https://web.archive.org/web/2024/https://www.japantimes.co.jp/...``) is read through."""
    if not url:
        return None
    url = url.strip()
    if url.find("://", 8) >= 0:  # the expression below only matters for an address holding another
        inner = _EMBEDDED_URL.match(url)
        if inner is not None:
            url = inner.group(1)
    plain = _PLAIN_HOST.match(url)
    if plain is not None:  # what urlsplit().hostname gives such an address, at a fifth of its cost
        host: str | None = plain.group(1).lower()
    else:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None
    if not host:
        return None
    return registry.for_host(host)


_SITE_NAME = re.compile(
    rb"""property=["']og:site_name["'][^>]{0,100}?content=["']([^"'<>]{1,100})"""
    rb"""|content=["']([^"'<>]{1,100})["'][^>]{0,100}?property=["']og:site_name""",
    re.IGNORECASE,
)
_HOST = rb"""["']?https?://([A-Za-z0-9.\-]{1,100})"""
_CANONICAL_HOST = re.compile(
    rb"""rel=["']?canonical["']?[^>]{0,300}?href=""" + _HOST
    + rb"""|href=""" + _HOST + rb"""[^>]{0,300}?rel=["']?canonical"""
    + rb"""|property=["']og:url["'][^>]{0,100}?content=""" + _HOST
    + rb"""|content=""" + _HOST + rb"""[^>]{0,300}?property=["']og:url""",
    re.IGNORECASE,
)


def sniff_site(data: bytes) -> Site | None:
    """The site a page's head names as its canonical address, read from the bytes before parsing.

    Only a hint (it lets the site cut the page down before it is parsed); detection proper runs
    on the parsed page.
    """
    end = data.find(b"<body", 0, 300_000)
    if end <= 0:
        end = min(len(data), 65_536)
    # the expression needs "canonical" or "og:url": look only around those (a regex over a 30 KB
    # head costs more than the rest of detection)
    for marker in (b"canonical", b"Canonical", b"og:url"):
        i = data.find(marker, 0, end)
        while i >= 0:
            tag_start = data.rfind(b"<", max(0, i - 420), i)  # only the tag that holds the marker
            tag_end = data.find(b">", i, min(end, i + 420))
            m = _CANONICAL_HOST.search(data, max(tag_start, 0), tag_end + 1 if tag_end > 0 else min(end, i + 420))
            if m:
                host = next(g for g in m.groups() if g)
                return site_for_url("https://" + host.decode("ascii", "replace") + "/")
            i = data.find(marker, i + 1, end)
    # no address: the site's name, as og:site_name or as the title's suffix ("… - Japan Today")
    names: list[str] = []
    i = data.find(b"og:site_name", 0, end)
    if i >= 0:
        m = _SITE_NAME.search(data, max(0, i - 300), min(end, i + 400))
        if m:
            names.append(html.unescape((m.group(1) or m.group(2)).decode("utf-8", "replace")).strip().lower())
    i = data.find(b"<title", 0, end)
    title = ""
    if i >= 0:
        close = data.find(b"</title", i, min(end, i + 2000))
        start = data.find(b">", i, close) + 1
        if 0 < start <= close:
            title = " ".join(html.unescape(data[start:close].decode("utf-8", "replace")).split())
    by_name = registry.named(names[0]) if names else None
    by_title = registry.titled(title) if title else None
    if by_name is None or by_title is None or by_name is by_title:
        return by_name or by_title
    return next(s for s in registry.sites() if s is by_name or s is by_title)  # the earlier one


def detect_html(page: Page) -> Site | None:
    site = site_for_url(page.url_hint)
    if site:
        return _unless_the_page_says_otherwise(page, site)
    declared = False  # the page names its own address
    for cand in (page.canonical, page.meta_value("og:url")):
        site = site_for_url(cand)
        if site:
            return site
        declared = declared or is_url(cand)
    name = page.meta_value("og:site_name")
    site = registry.named(name) if name else None
    if site:
        return site
    title = page.head.title
    site = registry.titled(title) if title else None  # "Headline - The Japan News", "… | The Japan Times"
    if site:
        return site
    if declared:
        # the page says it lives on a host no site module owns: a page from another site, not one of
        # ours without its address (the fingerprints are for those, and cost a tree query each)
        return None
    for s in registry.sites():
        if s.fingerprint is not None and s.fingerprint(page):
            return s
    return None


def _unless_the_page_says_otherwise(page: Page, site: Site) -> Site:
    """The site of ``url=``, unless the page names its own address on another site of ours (canonical link,
    og:url) and carries that site's markup, not this one's: a caller's address gone wrong (a redirect
    followed, a list of addresses out of step with the pages) must not hand the page to the wrong reader.
    The markup tests run only when the two disagree."""
    for declared_url in (page.canonical, page.meta_value("og:url")):
        declared = site_for_url(declared_url)
        if declared is None or declared is site:
            continue
        if declared.fingerprint is not None and declared.fingerprint(page) \
                and not (site.fingerprint is not None and site.fingerprint(page)):
            page.warn("site", "disagree", f"url= is a {site.name} address, but the page names its own on "
                      f"{declared.name} and carries its markup: read as {declared.name}")
            page.url_hint = declared_url  # what the reader takes from the address comes from the page's own
            return declared
        break
    return site


def detect_text(copy: TextCopy) -> Site | None:
    site = site_for_url(copy.url)
    if site:
        return site
    for s in registry.sites():
        if s.text_signature is not None and s.parse_text is not None and s.text_signature(copy):
            return s
    return None
