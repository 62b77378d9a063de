"""Fetch an article page with requests or httpx and parse it.

    python examples/fetch.py URL [--httpx]

Give jnparse the bytes (``response.content``), not ``response.text``: jnparse finds the encoding
itself, and Japanese pages declare theirs in ways HTTP libraries often guess wrong. Give it the URL
the page came from and the time it was fetched (for relative times such as "2 hours ago").
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from email.utils import parsedate_to_datetime

import jnparse

HEADERS = {"User-Agent": "jnparse-example/0.1 (+https://example.invalid/contact)"}


def fetched_at(date_header: str | None) -> dt.datetime:
    """The server's Date header as an aware datetime, else now."""
    if date_header:
        try:
            return parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            pass
    return dt.datetime.now(dt.timezone.utc)


def fetch_with_requests(url: str, *, timeout: float = 30.0) -> jnparse.Article:
    import requests

    with requests.Session() as session:
        response = session.get(url, headers=HEADERS, timeout=timeout)
        response.raise_for_status()
        return jnparse.parse(response.content, url=response.url,
                             fetched=fetched_at(response.headers.get("Date")))


def fetch_with_httpx(url: str, *, timeout: float = 30.0) -> jnparse.Article:
    import httpx

    with httpx.Client(headers=HEADERS, timeout=timeout, follow_redirects=True) as client:
        response = client.get(url)
        response.raise_for_status()
        return jnparse.parse(response.content, url=str(response.url),
                             fetched=fetched_at(response.headers.get("Date")))


async def fetch_many_with_httpx(urls: list[str], *, timeout: float = 30.0) -> list[jnparse.Article | BaseException]:
    """Fetch concurrently with httpx's async client; parse each page as it arrives."""
    import asyncio

    import httpx

    async with httpx.AsyncClient(headers=HEADERS, timeout=timeout, follow_redirects=True) as client:
        async def one(url: str) -> jnparse.Article:
            response = await client.get(url)
            response.raise_for_status()
            return jnparse.parse(response.content, url=str(response.url),
                                 fetched=fetched_at(response.headers.get("Date")))

        return list(await asyncio.gather(*(one(u) for u in urls), return_exceptions=True))


if __name__ == "__main__":
    fetch = fetch_with_httpx if "--httpx" in sys.argv else fetch_with_requests
    article = fetch(sys.argv[1])
    print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
