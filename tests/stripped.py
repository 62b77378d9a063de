"""Pages as web archives and sanitisers leave them, for the tests that read a page so changed beside the page
itself: every class attribute stripped, every id, both; or every class (and id) renamed, as a redesign does."""

from __future__ import annotations

import re

import pytest

import jnparse

CLASS = re.compile(rb"""\sclass=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
ID = re.compile(rb"""\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
CLASS_OR_ID = re.compile(rb"""\s(?:class|id)=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
#: a test run on a page with its classes stripped, and with its classes and ids stripped
STRIPS = pytest.mark.parametrize("strip", [CLASS, CLASS_OR_ID], ids=["classes", "classes-and-ids"])
#: the fields a stripped page must read as the page does
FIELDS = ("site", "title", "section", "published", "updated", "byline", "dateline", "agency", "body", "images",
          "paywalled")
_NAMED = {True: re.compile(rb"""(class|id)=("[^"]*"|'[^']*')"""), False: re.compile(rb"""(class)=("[^"]*"|'[^']*')""")}


def renamed(data: bytes, *, ids: bool = True) -> bytes:
    """The page after a redesign that renamed every class (and id) word ("v2-…"), the markup's structure kept."""
    return _NAMED[ids].sub(
        lambda m: m.group(1) + b'="' + b" ".join(b"v2-" + w for w in m.group(2)[1:-1].split()) + b'"', data)


def lists(article: jnparse.Article) -> list[tuple[str, str | None, tuple[jnparse.Item, ...]]]:
    """The discarded blocks that list stories or buttons: kind, heading and items."""
    return [(d.kind, d.heading, d.items) for d in article.discarded if d.items]


def warned(article: jnparse.Article) -> set[tuple[str, str]]:
    """The (field, code) of each warning."""
    return {(w.field, w.code) for w in article.warnings}
