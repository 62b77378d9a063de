from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jnparse import JST, Article, Block, Byline, Dateline, Discarded, Image, Item, Notice
from jnparse.model import DISCARD_KINDS

_text = st.text(min_size=1, max_size=40)
_opt = st.none() | _text
_aware = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2080, 1, 1)).map(
    lambda d: d.replace(tzinfo=JST)
)
articles = st.builds(
    Article,
    site=st.sampled_from(["japannews", "japantimes", "generic"]),
    url=_opt,
    title=_opt,
    section=_opt,
    published=st.none() | _aware,
    updated=st.none() | _aware,
    byline=st.none() | st.builds(Byline, raw=_text, authors=st.lists(_text, max_size=3), affiliation=_opt),
    dateline=st.none() | st.builds(Dateline, raw=_text, place=_opt, agency=_opt),
    agency=_opt,
    body=st.lists(st.builds(Block, kind=st.sampled_from(["paragraph", "subhead"]), text=_text), max_size=5),
    images=st.lists(st.builds(Image, url=_opt, caption=_opt, credit=_opt), max_size=3),
    discarded=st.lists(
        st.builds(Discarded, kind=st.sampled_from(DISCARD_KINDS), heading=_opt,
                  items=st.lists(st.builds(Item, title=_text, url=_opt), max_size=3), text=_opt),
        max_size=3,
    ),
    paywalled=st.booleans(),
    warnings=st.lists(st.builds(Notice, field=_text, code=_text, detail=st.text(max_size=20)), max_size=2),
)


@given(articles)
def test_from_dict_to_dict_round_trips(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article


def test_frozen_and_typed() -> None:
    a = Article(site="japannews", body=[Block("paragraph", "x")])
    assert isinstance(a.body, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "y"  # type: ignore[misc]
    with pytest.raises(ValueError, match="aware"):
        Article(site="japannews", published=dt.datetime(2024, 1, 1))
    with pytest.raises(ValueError):
        Block("caption", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Discarded(kind="sidebar")
    assert hash(a) == hash(Article(site="japannews", body=(Block("paragraph", "x"),)))


def test_to_dict_shape() -> None:
    a = Article(site="japannews", published=dt.datetime(2024, 10, 13, 17, 41, tzinfo=JST),
                byline=Byline("By A / X", ("A",), "X"))
    d = a.to_dict()
    assert d["published"] == "2024-10-13T17:41:00+09:00"
    assert d["byline"] == {"raw": "By A / X", "authors": ["A"], "affiliation": "X"}
    assert {"site", "url", "title", "section", "published", "updated", "byline", "dateline", "agency", "body",
            "images", "discarded", "paywalled", "warnings"} <= set(d)
    assert a.authors == ("A",)
