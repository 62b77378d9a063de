"""What a page reads as with and without its site's cut, for the tests that compare the two."""

from __future__ import annotations

import jnparse
from jnparse import api
from jnparse.loading import parse_bytes


def whole_page_article(data: bytes) -> object:
    """What parse() gives without prune(): the Article's dict, or the error's name."""
    try:
        return api._extract(parse_bytes(data), data, None, None, "utf-8", False, None, None, None).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__


def article(data: bytes) -> object:
    """What parse() gives (cut when the site can): the Article's dict, or the error's name."""
    try:
        return jnparse.parse(data).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__
