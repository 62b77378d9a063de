"""The same page with its attributes written otherwise (order, quotes, line breaks, white space around "=",
names in capitals) gives the same Article: libxml2 reads them all alike, and so must the byte lookups that
spare the extractors most tree walks."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import jnparse
from jnparse._text import WIDE

from .conftest import CORPUS, FIXTURES
from .stripped import CLASS, CLASS_OR_ID, FIELDS, ID, STRIPS, lists, warned

PAGES = sorted(FIXTURES.glob("*/*.html")) + sorted(CORPUS.glob("*/*.html"))
_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*(/?)>")
_ATTR = re.compile(rb"\s+([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_PLAIN = re.compile(rb"[A-Za-z0-9_:.\-]+")


def respell(data: bytes, how: str) -> bytes:
    """Every start tag of ``data`` with its attributes written ``how``."""

    def tag(m: re.Match[bytes]) -> bytes:
        items = [(a.group(1), a.group(2)) for a in _ATTR.finditer(m.group(2))]
        if how == "reversed":
            items.reverse()
        out = []
        for name, value in items:
            if how == "capitals":
                name = name.upper()
            elif how == "mixed-case":  # one page, both cases ("Class", "ItemProp"): libxml2 reads them alike
                name = name[:1].upper() + name[1:]
            if value is None:
                out.append(b" " + name)
                continue
            inner = value[1:-1] if value[:1] in b"\"'" else value
            if how == "single-quoted" and b"'" not in inner:
                value = b"'" + inner + b"'"
            elif how == "unquoted" and _PLAIN.fullmatch(inner):
                value = inner
            out.append((b"\n  " if how == "line-broken" else b" ") + name + (b" = " if how == "spaced" else b"=")
                       + value)
        return b"<" + m.group(1) + b"".join(out) + (b" /" if m.group(3) else b"") + b">"

    return _TAG.sub(tag, data)


def _read(data: bytes, url: str | None = None) -> object:
    try:
        d = jnparse.parse(data, url=url).to_dict()
    except jnparse.ParseError as e:
        return type(e).__name__
    d.pop("warnings")
    return d


@pytest.mark.parametrize("how", ["reversed", "single-quoted", "unquoted", "line-broken", "spaced", "capitals",
                                 "mixed-case"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_with_its_attributes_written_otherwise(path: Path, how: str) -> None:
    data = path.read_bytes()
    assert _read(respell(data, how)) == _read(data)


def test_respell_rewrites_what_it_says() -> None:
    tag = b"<div class=\"a b\" id='x' hidden>"
    assert respell(tag, "reversed") == b"<div hidden id='x' class=\"a b\">"
    assert respell(tag, "single-quoted") == b"<div class='a b' id='x' hidden>"
    assert respell(tag, "unquoted") == b"<div class=\"a b\" id=x hidden>"
    assert respell(tag, "spaced") == b"<div class = \"a b\" id = 'x' hidden>"
    assert respell(tag, "capitals") == b"<div CLASS=\"a b\" ID='x' HIDDEN>"
    assert respell(tag, "mixed-case") == b"<div Class=\"a b\" Id='x' Hidden>"


_BLOCK = rb"(?:p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|nav|figure|figcaption|table|tr|td|main|form)"
_BETWEEN_BLOCKS = re.compile(rb"(</?" + _BLOCK + rb"\b[^>]*>)\s+(?=<)|(?<=>)\s+(?=</?" + _BLOCK + rb"\b)")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_minified(path: Path) -> None:
    # a minifier drops the white space next to block tags ("…only.</p><p>Subscribe…"): a browser still shows
    # each block on a line of its own, and the texts keep them apart
    data = path.read_bytes()
    assert _read(_BETWEEN_BLOCKS.sub(lambda m: m.group(1) or b"", data)) == _read(data)


_RAW = re.compile(rb"<(script|style|pre|textarea)\b.*?</\1\s*>", re.S | re.I)
_BLOCK_TAG = re.compile(rb"(</?" + _BLOCK + rb"\b[^>]*>)")
_READING_TAG = re.compile(rb"(</?(?:rt|rp|rb)\b[^>]*>)")
_WIDE_RUN = re.compile(f"([{WIDE}]{{6}})(?=[{WIDE}])".encode())
_WIDE_REF = re.compile(rb"&#(?:x([0-9a-fA-F]{4,5})|([0-9]{4,6}));")


def _outside_raw_text(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` with ``change`` made to all but the insides of scripts, styles, ``pre`` and ``textarea``."""
    out, at = [], 0
    for m in _RAW.finditer(data):
        out += [change(data[at:m.start()]), m.group(0)]
        at = m.end()
    return b"".join([*out, change(data[at:])])


def pretty_printed(data: bytes) -> bytes:
    """``data`` as a pretty-printer lays it out: each block tag and each ruby reading on a line of its own."""
    def lay_out(s: bytes) -> bytes:
        return _READING_TAG.sub(rb"\n      \1\n    ", _BLOCK_TAG.sub(rb"\n    \1\n  ", s))

    return _outside_raw_text(data, lay_out)


def _wide_char(m: re.Match[bytes]) -> bytes:
    char = chr(int(m.group(1), 16) if m.group(1) else int(m.group(2)))
    return char.encode() if re.fullmatch(f"[{WIDE}]", char) else m.group(0)


def wrapped(data: bytes) -> bytes:
    """``data`` (UTF-8) with its Japanese text wrapped as an editor wraps it, a line break and an indent after
    every six wide characters in a row (character references to them written as the characters)."""
    def wrap(s: bytes) -> bytes:
        return re.sub(rb">[^<]+<", lambda m: _WIDE_RUN.sub(rb"\1\n    ", _WIDE_REF.sub(_wide_char, m.group(0))), s)

    return _outside_raw_text(data, wrap)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_pretty_printed(path: Path) -> None:
    # white space a browser does not show (around blocks, between a ruby's base and its readings) reads as none
    data = path.read_bytes()
    assert _read(pretty_printed(data)) == _read(data)


def _wraps(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False  # (a page in another encoding: the wrap writes UTF-8)
    return wrapped(data) != data


_WRAPPABLE = [p for p in PAGES if _wraps(p.read_bytes())]


@pytest.mark.parametrize("path", _WRAPPABLE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_with_its_japanese_wrapped(path: Path) -> None:
    # a line break between two wide characters (kana, kanji, their punctuation) is no space: a browser joins the
    # lines (CSS Text 3's segment break rule), so "確保する。" wrapped in the source still reads "確保する。"
    data = path.read_bytes()
    assert _read(wrapped(data)) == _read(data)


def test_some_fixture_pages_carry_japanese_to_wrap() -> None:
    assert [p for p in _WRAPPABLE if FIXTURES in p.parents]


_JAPAN_NEWS_PAGES = [p for p in PAGES if p.parent.name == "japannews"]




def _read_stripped(path: Path, strip: re.Pattern[bytes]) -> tuple[jnparse.Article, jnparse.Article]:
    """The page and its copy stripped by ``strip``, once it is checked that they read alike: every field of
    :data:`FIELDS`, and every list of stories or buttons."""
    data = path.read_bytes()
    whole, bare = jnparse.parse(data), jnparse.parse(strip.sub(b"", data))
    for field in FIELDS:
        assert getattr(bare, field) == getattr(whole, field), field
    assert lists(bare) == lists(whole)
    return whole, bare


@STRIPS
@pytest.mark.parametrize("path", _JAPAN_NEWS_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_japan_news_page_with_its_classes_stripped(path: Path, strip: re.Pattern[bytes]) -> None:
    # as a web archive's copy stores it: no class attribute left (nor any id). The byline and date lines are told
    # by their text, above the story's first paragraph; the lists of stories by their headings ("JN ACCESS
    # RANKING"), the share buttons by their links; without ids, the article block is the div of most paragraphs
    whole, bare = _read_stripped(path, strip)
    assert lists(whole)
    assert ("discarded", "fallback") in warned(bare)
    assert (("layout", "fallback") in warned(bare)) == (strip is CLASS_OR_ID)


_JAPAN_TIMES_PAGES = [p for p in PAGES if p.parent.name == "japantimes"]


@STRIPS
@pytest.mark.parametrize("path", _JAPAN_TIMES_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_japan_times_page_with_its_classes_stripped(path: Path, strip: re.Pattern[bytes]) -> None:
    # both designs: the header's parts, the story and the photos are found by their places; the boxes in and
    # after the story by what they hold (share buttons, "RELATED STORIES", a menu of links, the site's
    # subscribe and commenting notes), the sidebar's by its headings and tabs
    whole, bare = _read_stripped(path, strip)
    notes = [(d.kind, d.text) for d in whole.discarded if d.kind in ("subscribe", "comments") and d.text]
    assert [(d.kind, d.text) for d in bare.discarded if d.kind in ("subscribe", "comments") and d.text] == notes
    assert ("layout", "fallback") in warned(bare)
    assert ("layout", "fallback") not in warned(whole)


_IDS_IN_JSON = {"staff-next-image-ads"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_with_its_ids_stripped_reads_as_the_page(path: Path) -> None:
    # as a sanitiser that keeps classes but not ids leaves a page: what an id marked (the story's container, a
    # data script) is found by its place or what it holds, and the reading says so when it had to
    data = path.read_bytes()
    whole, bare = _read(data), _read(ID.sub(b"", data))
    if isinstance(whole, str):  # no article: none either way
        assert bare == whole
        return
    assert isinstance(whole, dict) and isinstance(bare, dict)
    fields: tuple[str, ...] = (*FIELDS, "discarded")
    if path.stem in _IDS_IN_JSON:
        # the strip reaches into the story's HTML written in the page's JSON (ids of ad slots there), taking
        # words with it: the reading says its body and photos may have lost some
        said = {(w.field, w.code) for w in jnparse.parse(ID.sub(b"", data)).warnings}
        assert {("body", "low-confidence"), ("images", "low-confidence")} <= said
        fields = tuple(f for f in fields if f not in ("body", "images"))
    for field in fields:
        if field == "discarded":
            whole[field] = [d for d in whole[field] if d["items"]]
            bare[field] = [d for d in bare[field] if d["items"]]
        assert bare[field] == whole[field], field


_WAYBACK_TOOLBAR = (
    b'<!-- BEGIN WAYBACK TOOLBAR INSERT --><script src="//archive.org/includes/athena.js"></script>'
    b'<div id="wm-ipp-base" lang="en" style="display:none"><div id="wm-ipp"><div id="wm-logo">'
    b'<a href="/web/">Wayback Machine</a></div><table id="wm-nav"><tr><td><a href="/web/2024/">2024</a></td>'
    b"<td><h2>Captures</h2><p>12 captures</p></td></tr></table></div></div><!-- END WAYBACK TOOLBAR INSERT -->")
_CANONICAL_HOST = re.compile(rb'(?:rel="canonical" href|og:url" content)="https?://([^/"]+)')


def as_archived(data: bytes, stamp: bytes = b"20241014031522") -> bytes:
    """``data`` as the Wayback Machine serves it: its toolbar atop the body, every address of the page
    through the archive ("https://web.archive.org/web/<stamp>/https://…", "/web/<stamp>im_/https://…")."""
    found = _CANONICAL_HOST.search(data)
    host = found.group(1) if found else b"example.com"
    data = re.sub(rb'(href|src|content)="(https?://[^"]+)"', lambda m: m.group(1) + b'="https://web.archive.org/web/'
                  + stamp + (b"im_" if m.group(1) == b"src" else b"") + b"/" + m.group(2) + b'"', data)
    data = re.sub(rb'(href|src)="(/[^/"][^"]*)"',
                  lambda m: m.group(1) + b'="/web/' + stamp + b"/https://" + host + m.group(2) + b'"', data)
    return re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + _WAYBACK_TOOLBAR, data, count=1)


@pytest.mark.parametrize("path", _JAPAN_NEWS_PAGES + _JAPAN_TIMES_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_an_archived_copy_without_its_classes(path: Path) -> None:
    # the share buttons of a copy whose classes are gone are told by their links, which the archive's copy
    # points through the archive ("https://web.archive.org/web/…/https://twitter.com/intent/…")
    data = path.read_bytes()
    whole, bare = _read(data), _read(as_archived(CLASS.sub(b"", data)))
    assert isinstance(whole, dict) and isinstance(bare, dict)
    assert [d for d in bare["discarded"] if d["items"]] == [d for d in whole["discarded"] if d["items"]]
    assert bare["body"] == whole["body"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_from_the_wayback_machine(path: Path) -> None:
    # the Article names the original site's addresses, not the archive's, and the toolbar is no part of it
    data = path.read_bytes()
    assert _read(as_archived(data)) == _read(data)


def test_unarchived_addresses() -> None:
    from jnparse.page import unarchived

    original = "https://www.japantimes.co.jp/news/2020/02/18/national/x/"
    assert unarchived(f"https://web.archive.org/web/20200218093000/{original}") == original
    assert unarchived(f"http://archive.org/web/20200218093000im_/{original}") == original
    assert unarchived(f"/web/2020/{original}") == original
    assert unarchived(original) == original
    assert unarchived("https://example.com/web/2020/notes") == "https://example.com/web/2020/notes"
    assert unarchived(f"https://archive.ph/o/AbCd1/{original}") == original
    assert unarchived(f"http://archive.today/o/x9Z/{original}") == original
    assert unarchived("https://example.com/o/AbCd1/https://example.com/") == "https://example.com/o/AbCd1/https://example.com/"


def as_mhtml(data: bytes, url: str, charset: str | None = None) -> bytes:
    """``data`` saved as one MHTML file, as Chrome's "Save as… single file" writes it: mail headers, the page
    quoted-printable, then a part for an image."""
    import quopri

    boundary = b"----MultipartBoundary--Xq1ZP0w4hN8s----"
    ctype = b"text/html" + (b"; charset=" + charset.encode() if charset else b"")
    return b"\r\n".join([
        b"From: <Saved by Blink>", b"Snapshot-Content-Location: " + url.encode(), b"Subject: A page",
        b"Date: Mon, 14 Oct 2024 03:15:22 -0000", b"MIME-Version: 1.0",
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="' + boundary + b'"', b"",
        b"", b"--" + boundary, b"Content-Type: " + ctype, b"Content-ID: <frame-1@mhtml.blink>",
        b"Content-Transfer-Encoding: quoted-printable", b"Content-Location: " + url.encode(), b"",
        quopri.encodestring(data), b"--" + boundary, b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64", b"Content-Location: https://example.com/a.png", b"",
        b"iVBORw0KGgo=", b"--" + boundary + b"--", b""])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_same_page_saved_as_mhtml(path: Path) -> None:
    data = path.read_bytes()
    charset = "shift_jis" if "cp932" in path.name else None
    # the archive's address is where the page came from: as if parse() were given it
    url = "https://example.com/saved/"
    assert _read(as_mhtml(data, url, charset)) == _read(data, url)


def test_an_mhtml_archive_gives_its_address_and_refuses_when_it_holds_no_page() -> None:
    page = (FIXTURES / "japannews" / "jiji-wire-dateline.html").read_bytes()
    url = "https://japannews.yomiuri.co.jp/politics/politics-government/20250304-243118/"
    a = jnparse.parse(as_mhtml(page.replace(b'rel="canonical"', b'rel="x-canonical"'), url))
    assert a.url == url and a.site == "japannews"
    empty = as_mhtml(page, url).replace(b"Content-Type: text/html", b"Content-Type: text/plain")
    with pytest.raises(jnparse.InputError, match="MHTML"):
        jnparse.parse(empty)


_IMG_SRC = re.compile(rb'(<img\b[^>]*?\ssrc=")https?://[^"]*/([^"/?#]+)(?:[?#][^"]*)?"')


def as_saved(data: bytes) -> bytes:
    """``data`` as a browser saves it with its files ("Save page as… complete"): every image's ``src`` points at
    the copy in the folder beside the page; other addresses stay as they were."""
    return _IMG_SRC.sub(rb'\1./Saved page_files/\2"', data)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_saved_with_its_files(path: Path) -> None:
    data = path.read_bytes()
    saved = as_saved(data)
    whole, copy = _read(data), _read(saved)
    if not isinstance(whole, dict) or not isinstance(copy, dict):
        assert copy == whole
        return
    images, saved_images = whole.pop("images"), copy.pop("images")
    assert copy == whole
    # each image keeps its caption and credit, and its address when the page names it elsewhere (srcset,
    # og:image, JSON-LD); never the page's address joined to the saved folder's
    assert [(i["caption"], i["credit"]) for i in saved_images] == [(i["caption"], i["credit"]) for i in images]
    metadata = b" ".join(re.findall(rb'<meta[^>]*(?:og|twitter):image[^>]*>|<script type="application/ld\+json".*?'
                                    rb"</script>", saved, flags=re.S))
    for before, after in zip(images, saved_images, strict=True):
        assert after["url"] in (before["url"], None)
        if before["url"] and before["url"].encode() in metadata:  # the page names it: it is not lost
            assert after["url"] == before["url"]
    if any(i["url"] is None for i in saved_images) and not any(i["url"] is None for i in images):
        assert ("images", "saved-copy") in {(w.field, w.code) for w in jnparse.parse(saved).warnings}


def test_a_saved_page_reads_its_images_addresses_from_the_metadata() -> None:
    path = CORPUS / "japannews" / "2024-10-13_ishiba-leaders-debate.html"
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    data = path.read_bytes()
    saved = as_saved(data)
    assert b'src="./Saved page_files/scanner-debate.jpg"' in saved
    assert [i.url for i in jnparse.parse(saved).images] == [
        "https://japannews.yomiuri.co.jp/wp-content/uploads/2024/10/scanner-debate.jpg"]
    # without the metadata naming it, the address is unknown: none, and a warning says why
    bare = re.sub(rb"<meta[^>]*(?:og|twitter):image[^>]*>", b"", saved)
    bare = re.sub(rb'<script type="application/ld\+json">.*?</script>', b"", bare, flags=re.S)
    assert b"scanner-debate.jpg" in bare
    assert b"https://japannews.yomiuri.co.jp/wp-content/uploads/2024/10/scanner-debate" not in bare
    a = jnparse.parse(bare)
    assert [i.url for i in a.images] == [None] and a.images[0].caption
    assert ("images", "saved-copy") in {(w.field, w.code) for w in a.warnings}
