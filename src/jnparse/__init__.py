"""jnparse: article pages of Japan's English-language news sites, parsed into typed Articles.

>>> import jnparse
>>> article = jnparse.parse(html_bytes, url="https://japannews.yomiuri.co.jp/...")  # doctest: +SKIP
>>> article.published.isoformat()                                                 # doctest: +SKIP
'2024-10-13T17:41:00+09:00'
"""

from __future__ import annotations

from ._version import __version__
from .agencies import AGENCIES, canonical_agency
from .api import parse, parse_text
from .bylines import parse_byline
from .datelines import split_dateline
from .dates import JST, parse_jst
from .errors import (
    DecodeError,
    ExtraRequiredError,
    InputError,
    InputTooLargeError,
    NotAnArticleError,
    ParseError,
    UnsupportedSiteError,
)
from .model import Article, Block, Byline, Dateline, Discarded, Image, Item, Notice
from .sites import register, sites, unregister

__all__ = [
    "AGENCIES",
    "JST",
    "Article",
    "Block",
    "Byline",
    "Dateline",
    "DecodeError",
    "Discarded",
    "ExtraRequiredError",
    "Image",
    "InputError",
    "InputTooLargeError",
    "Item",
    "NotAnArticleError",
    "Notice",
    "ParseError",
    "UnsupportedSiteError",
    "__version__",
    "canonical_agency",
    "parse",
    "parse_byline",
    "parse_jst",
    "parse_text",
    "register",
    "sites",
    "split_dateline",
    "unregister",
]
