"""What a page reads as with and without its site's cut, for the tests that compare the two."""

from __future__ import annotations

from hypothesis import strategies as st

import jnparse
from jnparse import api
from jnparse.loading import parse_bytes


def extract(data: bytes, parsed: bytes | None = None) -> jnparse.Article:
    """What the extractor reads from the tree of ``parsed`` (a pruned page; ``data``, the page's bytes, when
    ``None``), with no fallback to the whole page; raises what it raises."""
    return api._extract(parse_bytes(data if parsed is None else parsed), data, None, None, "utf-8", False, None, None,
                        None)


def whole_page_article(data: bytes) -> object:
    """What parse() gives without prune(): the Article's dict, or the error's name."""
    try:
        return extract(data).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__


def cut_page_article(pruned: bytes, data: bytes) -> object:
    """What the page ``data`` cut to ``pruned`` reads as, with no fallback to the whole page: the Article's
    dict, or the error's name."""
    try:
        return extract(data, pruned).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__


def article(data: bytes) -> object:
    """What parse() gives (cut when the site can): the Article's dict, or the error's name."""
    try:
        return jnparse.parse(data).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__


def nested_markup(openers: list[str], leaves: list[str]) -> st.SearchStrategy[str]:
    """Markup built from start tags and leaves, each element closed by its own end tag, nested up to a
    few levels: the pages the property tests of the sites' walks and cuts are built from."""

    def closed(opener: str, inner: list[str]) -> str:
        return opener + "".join(inner) + f"</{opener[1:].split('>')[0].split()[0]}>"

    return st.recursive(
        st.sampled_from(leaves),
        lambda inner: st.tuples(st.sampled_from(openers), st.lists(inner, max_size=4)).map(lambda t: closed(*t)),
        max_leaves=30,
    )
