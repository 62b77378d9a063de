"""The pre-2022 Japan News site (the-japan-news.com): its own layout beside the 2022 one."""

from __future__ import annotations

import jnparse

PAGE = b"""<html><head><title id="metaTitle">The Japan News - Breaking News from Japan by The Yomiuri Shimbun</title>
<meta name="keywords" content="The Daily Yomiuri, Japan, news"></head><body><div id="content">
<h1>Harbor ferries resume after long repairs</h1>
<p>The ferries between the two islands resumed service on Tuesday after a six-month repair, the operator said
in a statement that was released to reporters in the morning.</p>
<p>Passengers lined up before dawn to board the first boat, which left the pier at 6 a.m. under clear skies
and calm seas, according to the port office.</p></div></body></html>"""


def test_legacy_page_is_japannews_with_a_warning() -> None:
    a = jnparse.parse(PAGE, url="http://the-japan-news.com/news/article/0000512345")
    assert a.site == "japannews"
    assert a.layout == "japannews/lepus"
    assert a.title == "Harbor ferries resume after long repairs"
    assert a.body[-1].text.startswith("Passengers lined up before dawn")
    assert any(w.field == "layout" and w.code == "low-confidence" for w in a.warnings)
    assert not any(w.field == "site" for w in a.warnings)


def test_legacy_layout_is_picked_from_the_head_when_the_site_is_named() -> None:
    a = jnparse.parse(PAGE, site="japannews")
    assert a.layout == "japannews/lepus"
