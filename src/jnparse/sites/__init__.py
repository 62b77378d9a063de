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


def register(site: Site, *, replace: bool = False) -> None:
    """Add a site extractor (yours or ours). ``replace=True`` lets it take over an existing id.

    Sites registered later are tried after the built-in ones when a page is given without a URL.
    """
    if not isinstance(site, Site):
        raise TypeError(f"register() takes a jnparse.sites.Site, not {type(site).__name__}")
    if site.id in _REGISTRY and not replace:
        raise ValueError(f"a site with id {site.id!r} is registered already (pass replace=True)")
    _REGISTRY[site.id] = site
    _BY_HOST.clear()


def unregister(site_id: str) -> None:
    _REGISTRY.pop(site_id, None)
    _BY_HOST.clear()


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

__all__ = ["BUILTIN", "Layout", "Site", "for_host", "get", "register", "sites", "unregister"]
