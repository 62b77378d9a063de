"""Links read as a browser resolves them (``a.href``): spaces and characters beyond ASCII in a link's path, query and
fragment percent-encoded as UTF-8, tabs and line breaks inside it dropped, its scheme and an ASCII host as written, a
host beyond ASCII in IDNA's ASCII form."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse
from jnparse.loading import parse_bytes
from jnparse.page import Page, browser_url

from .conftest import FIXTURES


@pytest.mark.parametrize(("href", "expected"), [
    ("https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e"),  # (most links: as written)
    ("https://www.reddit.com/submit?url=https://example.com/x/&title=Otters Return",
     "https://www.reddit.com/submit?url=https://example.com/x/&title=Otters%20Return"),
    ("https://example.com/share?text=Japan’s Otters", "https://example.com/share?text=Japan%E2%80%99s%20Otters"),
    ("https://example.com/news/\u65e5\u672c", "https://example.com/news/%E6%97%A5%E6%9C%AC"),
    ("https://example.com/a\n/b\tc", "https://example.com/a/bc"),
    ("https://example.com/a%20b c", "https://example.com/a%20b%20c"),  # (an escape made already stays one)
    ("/otters/kelp forest/", "/otters/kelp%20forest/"),
    ("//example.com/a b", "//example.com/a%20b"),
    ("https://EXAMPLE.com/a b", "https://EXAMPLE.com/a%20b"),  # (an ASCII host as written)
    ("https://例え.jp/a b", "https://xn--r8jz45g.jp/a%20b"),  # (a host beyond ASCII in IDNA's ASCII form)
    ("//Bücher.DE:8080/über", "//xn--bcher-kva.de:8080/%C3%BCber"),
    ("https://日本。jp/", "https://xn--wgv71a.jp/"),  # (an ideographic full stop parts labels, as a dot does)
    ("https://josé:pw@example.com/", "https://jos%C3%A9:pw@example.com/"),
    ("https://a..例/", "https://a..例/"),  # (no IDNA form: as written, a host no browser reaches either)
])
def test_a_link_reads_as_a_browser_resolves_it(href: str, expected: str) -> None:
    assert browser_url(href) == expected


@given(st.text())
def test_a_resolved_link_holds_no_space_and_resolves_to_itself(href: str) -> None:
    url = browser_url(href)
    assert browser_url(url) == url
    path = url.split("//", 1)[-1].partition("/")[2]
    assert " " not in path and "\n" not in url and "\t" not in url
    assert path.isascii()


def test_links_of_a_page_with_spaces_in_them_are_encoded() -> None:
    page = Page(parse_bytes(b"<html><body><a href='x'>x</a></body></html>"), url="https://example.com/news/")
    assert page.absolute(" kelp forest?q=a b ") == "https://example.com/news/kelp%20forest?q=a%20b"
    assert page.absolute("https://example.com/a b") == "https://example.com/a%20b"
    assert page.absolute("javascript: void(0)") is None


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("japannews/*.html")), ids=lambda p: p.stem)
def test_a_page_written_out_again_by_lxml_gives_the_same_links(path: Path) -> None:
    # lxml's serialiser percent-encodes the spaces and the characters beyond ASCII in every href, as a browser
    # reads them: the page and its copy list the same share buttons
    from lxml import html

    data = path.read_bytes()
    copy = html.tostring(html.document_fromstring(data), encoding="utf-8")
    links = [i.url for d in jnparse.parse(data).discarded for i in d.items]
    assert any("%20" in (u or "") for u in links)
    assert links == [i.url for d in jnparse.parse(copy).discarded for i in d.items]


@pytest.mark.parametrize(("srcset", "largest"), [
    ("/a-300.jpg 300w, /a-1024.jpg 1024w, /a-768.jpg 768w", "/a-1024.jpg"),
    ("/a.jpg, /a@2x.jpg 2x", "/a@2x.jpg"),
    ("/a.jpg 1x,/a@2x.jpg 2x", "/a@2x.jpg"),  # (a comma after a descriptor ends a candidate)
    ("data:image/gif;base64,R0lGOD,AAA 1w, /real.jpg 10w", "/real.jpg"),  # (a placeholder is no picture)
    ("/only.jpg", "/only.jpg"),
    ("  ", None),
])
def test_a_srcset_gives_its_largest_picture(srcset: str, largest: str | None) -> None:
    from jnparse.sites.base import srcset_largest

    assert srcset_largest(srcset) == largest


def test_a_photo_given_by_srcset_alone_is_its_largest() -> None:
    page = (FIXTURES / "japannews" / "staff-byline-photo-subheads.html").read_bytes()
    photo = jnparse.parse(page).images[0]
    assert photo.url is not None and photo.url.endswith(".jpg")
    src = f'src="{photo.url}"'.encode()
    assert src in page
    small = photo.url[: -len(".jpg")] + "-300x200.jpg"
    by_srcset = page.replace(src, f'srcset="{small} 300w, {photo.url} 1024w"'.encode(), 1)
    assert jnparse.parse(by_srcset).images[0] == photo
