"""Nothing lost in HTML (issue 5): every paragraph inside a site's article container ends up in the
body, in a discarded block, in a caption, or in a field (byline, date line, dateline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import jnparse
import jnparse.loading
from jnparse._text import text_of

from .conftest import CORPUS, FIXTURES

#: Where each site keeps its story (the containers its extractor reads).
CONTAINERS = {
    "japannews": "//div[@id='p-article-block']",
    "japantimes": "//div[@id='jtarticle'] | //div[contains(@class,'article-body')]",
    "kyodo": "//div[contains(@class,'article-body')]",
    "mainichi": "//section[@id='articledetail-body']",
    "asahi": "//div[contains(@class,'ArticleText')]",
    "jiji": "//div[p[contains(@class,'full-article-txt')]]",
    "japantoday": "//div[@itemprop='articleBody']",
    "japanforward": "//div[contains(@class,'entry-content')]",
    "nippon": "//div[@class='editArea']",
}

PAGES = [p for p in sorted(FIXTURES.glob("*/*.html")) if p.parent.name in CONTAINERS]
if CORPUS.exists():
    PAGES += [p for p in sorted(CORPUS.glob("*/*.html")) if p.parent.name in CONTAINERS]


def _norm(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def _places(a: jnparse.Article) -> str:
    parts = [a.title or "", a.date_text or "", a.byline.raw if a.byline else "", a.dateline.raw if a.dateline else ""]
    parts += [b.text for b in a.body]
    for im in a.images:
        parts += [im.caption or "", im.credit or "", f"{im.credit or ''}{im.caption or ''}"]
    for d in a.discarded:
        parts += [d.heading or "", d.text or "", *(i.title for i in d.items)]
    return _norm("\n".join(parts))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_paragraph_in_the_article_container_is_kept(path: Path) -> None:
    data = path.read_bytes()
    try:
        article = jnparse.parse(data)
    except jnparse.NotAnArticleError:
        return
    utf8, _codec, _repaired = jnparse.loading.to_utf8(data)
    root = etree.fromstring(utf8, etree.HTMLParser(encoding="utf-8"))
    blob = _places(article)
    containers = root.xpath(CONTAINERS[path.parent.name])
    paragraphs = [p for c in containers for p in c.iter("p", "h2", "h3", "li", "figcaption")]
    for p in paragraphs:
        t = _norm(text_of(p))
        if not t or t in blob:
            continue
        # a paragraph may be split: its links kept as items ("[Read More]"), the rest in the body
        links = [_norm(text_of(a)) for a in p.iter("a")]
        rest = t
        for link in links:
            rest = rest.replace(link, "", 1)
        pieces = [x for x in (rest, *links) if x]
        assert all(x in blob for x in pieces), f"{text_of(p)[:100]!r} is neither in the body nor in a discarded block"
