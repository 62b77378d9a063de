"""``jnparse.register()``: a scraper plugs in its own site module without forking jnparse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import jnparse
from jnparse.page import Page, css, first
from jnparse.sites import Layout, Site, get, unregister
from jnparse.sites.base import body_blocks, cut_dateline

# -- a toy site module, as a scraper would write it: the Hakone Valley Gazette (an invented site) --------

TITLE = css("h1.gz-headline")
PARAS = css("div.gz-story > p")
STAMP = css("time.gz-stamp")


def _headline(page: Page) -> str | None:
    h1 = first(TITLE(page.root))
    return " ".join("".join(h1.itertext()).split()) or None if h1 is not None else None


def _extract(page: Page) -> jnparse.Article:
    title = page.pick("title", ("h1", lambda: _headline(page)), ("og:title", lambda: page.meta_value("og:title")))
    stamp = first(STAMP(page.root))
    published = jnparse.parse_jst(stamp.get("datetime")) if stamp is not None else None
    dateline, blocks = cut_dateline(body_blocks(PARAS(page.root)))
    return jnparse.Article(
        site="hakone-gazette", url=page.url, title=title, published=published, dateline=dateline,
        agency=dateline.agency if dateline else None, body=blocks, layout="hakone-gazette/v1",
        warnings=page.notices,
    )


GAZETTE = Site(
    id="hakone-gazette",
    name="Hakone Valley Gazette",
    hosts=("gazette.hakone-valley.test",),
    names=("Hakone Valley Gazette",),
    layouts=(Layout("v1", lambda page: bool(TITLE(page.root)), _extract),),
)

PAGE = b"""<!doctype html><html><head><meta charset="utf-8">
<meta property="og:site_name" content="Hakone Valley Gazette">
<meta property="og:title" content="Ropeway adds a dawn car for hikers">
<title>Ropeway adds a dawn car for hikers | Hakone Valley Gazette</title></head>
<body><h1 class="gz-headline">Ropeway adds a dawn car for hikers</h1>
<time class="gz-stamp" datetime="2025-04-02T06:10:00+09:00">April 2, 2025</time>
<div class="gz-story"><p>HAKONE (Kyodo) -- The valley ropeway will run a first car at 5:30 a.m. from May.</p>
<p>Operators said early hikers had asked for it for years.</p></div></body></html>"""


@pytest.fixture
def gazette() -> Iterator[Site]:
    jnparse.register(GAZETTE)
    try:
        yield GAZETTE
    finally:
        unregister(GAZETTE.id)


def _check(article: jnparse.Article) -> None:
    assert article.site == "hakone-gazette"
    assert article.title == "Ropeway adds a dawn car for hikers"
    assert article.published is not None and article.published.isoformat() == "2025-04-02T06:10:00+09:00"
    assert article.dateline == jnparse.Dateline(raw="HAKONE (Kyodo) -- ", place="HAKONE", agency="Kyodo")
    assert article.agency == "Kyodo"
    assert article.paragraphs == ("The valley ropeway will run a first car at 5:30 a.m. from May.",
                                  "Operators said early hikers had asked for it for years.")
    assert article.layout == "hakone-gazette/v1"


def test_with_a_url(gazette: Site) -> None:
    article = jnparse.parse(PAGE, url="https://gazette.hakone-valley.test/2025/04/02/ropeway-dawn-car/")
    _check(article)
    assert article.url == "https://gazette.hakone-valley.test/2025/04/02/ropeway-dawn-car/"


def test_without_a_url_by_site_name(gazette: Site) -> None:
    article = jnparse.parse(PAGE)
    _check(article)
    assert article.url is None


def test_by_site_id(gazette: Site) -> None:
    _check(jnparse.parse(PAGE, site="hakone-gazette"))


def test_registered_last_and_listed(gazette: Site) -> None:
    assert jnparse.sites()[-1] is GAZETTE
    with pytest.raises(ValueError, match="registered already"):
        jnparse.register(GAZETTE)
    jnparse.register(GAZETTE, replace=True)
    with pytest.raises(TypeError):
        jnparse.register("hakone-gazette")  # type: ignore[arg-type]


def test_unregistered_it_is_gone() -> None:
    jnparse.register(GAZETTE)
    unregister(GAZETTE.id)
    assert get("hakone-gazette") is None
    with pytest.raises(jnparse.UnsupportedSiteError):
        jnparse.parse(PAGE, site="hakone-gazette")
    assert jnparse.parse(PAGE, url="https://gazette.hakone-valley.test/x/").site != "hakone-gazette"


def test_an_empty_body_is_never_silent(gazette: Site) -> None:
    # the module finds no story paragraphs (its story box was renamed) and says nothing of it: parse() does
    a = jnparse.parse(PAGE.replace(b"gz-story", b"gz-story-v2"), url="https://gazette.hakone-valley.test/a/1")
    assert a.title == "Ropeway adds a dawn car for hikers"
    assert a.body == ()
    assert [(w.field, w.code) for w in a.warnings] == [("body", "missing")]
