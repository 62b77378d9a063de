"""A Scrapy spider that parses article pages with jnparse and yields Article dicts.

    scrapy runspider examples/scrapy_spider.py -a urls=https://...,https://... -O articles.jsonl

Each item is ``Article.to_dict()`` plus ``"source"`` (the URL fetched); a page jnparse cannot read
gives ``{"source", "error", "message"}`` instead, like ``jnparse batch``. To crawl a site, follow its
section pages' links in ``parse`` (respect robots.txt and the site's terms) and send article pages to
``parse_article``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any

import scrapy
from scrapy.http import Response

import jnparse


def _fetched(response: Response) -> dt.datetime:
    date = response.headers.get(b"Date")
    if date:
        try:
            return parsedate_to_datetime(date.decode("latin-1"))
        except (TypeError, ValueError):
            pass
    return dt.datetime.now(dt.timezone.utc)


class ArticleSpider(scrapy.Spider):
    name = "jnparse-articles"
    custom_settings = {"ROBOTSTXT_OBEY": True, "AUTOTHROTTLE_ENABLED": True}  # noqa: RUF012 - as Scrapy declares it

    def __init__(self, urls: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_urls = [u.strip() for u in urls.split(",") if u.strip()]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield from self.parse_article(response)

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        url = response.url if response.url.startswith(("http://", "https://")) else None
        try:
            article = jnparse.parse(response.body, url=url, fetched=_fetched(response))
        except jnparse.ParseError as e:
            yield {"source": response.url, "error": type(e).__name__, "message": str(e)}
            return
        yield {"source": response.url, **article.to_dict()}
