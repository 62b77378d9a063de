"""The site registry: every site module's :class:`~jnparse.sites.base.Site`, in detection order.

Each built-in site is one module in this package that defines ``SITE``; the modules are found here
by themselves. Adding a site means adding its module and its fixtures; nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import Layout, Site


def _builtin_names() -> tuple[str, ...]:
    """The site modules of this package (every module but ``base``), by name."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base"))


#: Built-in site modules, in the order their fingerprints are tried on pages given without a URL
#: (alphabetical: each fingerprint is specific to its site, so the order does not decide anything).
BUILTIN: tuple[str, ...] = _builtin_names()

_REGISTRY: dict[str, Site] = {}
#: host -> the site owning it (or None), filled as hosts are met; emptied when the registry changes
_BY_HOST: dict[str, Site | None] = {}
#: what pages name their site by, built when first needed; emptied when the registry changes
_NAMED: dict[str, Site] | None = None
#: a title's site-name suffix (separator and name) -> (registry position, site), and the suffixes' lengths
_SUFFIXES: tuple[dict[str, tuple[int, Site]], tuple[int, ...]] | None = None
#: what separates a headline from the site's name in a page title
TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " ｜ ")


def _changed() -> None:
    global _NAMED, _SUFFIXES
    _BY_HOST.clear()
    _NAMED = _SUFFIXES = None


def register(site: Site, *, replace: bool = False) -> None:
    """Add a site extractor (yours or ours). ``replace=True`` lets it take over an existing id.

    Sites registered later are tried after the built-in ones when a page is given without a URL.
    """
    if not isinstance(site, Site):
        raise TypeError(f"register() takes a jnparse.sites.Site, not {type(site).__name__}")
    if site.id in _REGISTRY and not replace:
        raise ValueError(f"a site with id {site.id!r} is registered already (pass replace=True)")
    _REGISTRY[site.id] = site
    _changed()


def unregister(site_id: str) -> None:
    _REGISTRY.pop(site_id, None)
    _changed()


def for_host(host: str) -> Site | None:
    """The registered site owning ``host`` (``www.japantimes.co.jp``), remembered per host."""
    try:
        return _BY_HOST[host]
    except KeyError:
        pass
    found = next((s for s in _REGISTRY.values() if s.owns_host(host)), None)
    if len(_BY_HOST) < 4096:  # a crawl over many hosts must not grow this without bound
        _BY_HOST[host] = found
    return found


def named(name: str) -> Site | None:
    """The first registered site (in registry order) one of whose names is ``name``, in any case
    (an ``og:site_name``)."""
    global _NAMED
    if _NAMED is None:
        table: dict[str, Site] = {}
        for site in _REGISTRY.values():
            for n in site.names:
                table.setdefault(n.lower(), site)
        _NAMED = table
    return _NAMED.get(name.strip().lower())


def titled(title: str) -> Site | None:
    """The first registered site (in registry order) whose name ends ``title`` after a separator
    (``"Headline | The Japan Times"``)."""
    global _SUFFIXES
    if _SUFFIXES is None:
        table: dict[str, tuple[int, Site]] = {}
        for position, site in enumerate(_REGISTRY.values()):
            for n in site.names:
                for sep in TITLE_SEPARATORS:
                    table.setdefault(sep + n, (position, site))
        _SUFFIXES = table, tuple(sorted({len(k) for k in table}))
    table, lengths = _SUFFIXES
    # one lookup per suffix length (a few tens), not an endswith per site and name
    hits = [hit for n in lengths if n <= len(title) and (hit := table.get(title[-n:])) is not None]
    return min(hits, key=lambda hit: hit[0])[1] if hits else None


def sites() -> tuple[Site, ...]:
    return tuple(_REGISTRY.values())


def get(site_id: str) -> Site | None:
    return _REGISTRY.get(site_id)


def _load_builtin() -> None:
    for name in BUILTIN:
        module = importlib.import_module(f"{__name__}.{name}")
        site = getattr(module, "SITE", None)
        if isinstance(site, Site):
            register(site)


_load_builtin()

__all__ = ["BUILTIN", "Layout", "Site", "for_host", "get", "named", "register", "sites", "titled", "unregister"]
