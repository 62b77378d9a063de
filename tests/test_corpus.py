"""The shared real-page corpus (../shared), when it is there: the scorer passes, and variants of the
pages (stripped metadata, Shift_JIS without a charset, a wire dateline, a truncated download, text
copies with odd line ends and spaces) give the same fields as the originals."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from typing import Any

import pytest

import jnparse

from .conftest import CORPUS, SHARED
from .test_wrapped_copies import as_lynx_dump

pytestmark = pytest.mark.skipif(not (CORPUS / "cases.json").exists(), reason="../shared/corpus is not here")

JN = "japannews/2024-10-13_ishiba-leaders-debate.html"
JT = "japantimes/2020-02-18_6000-surgical-masks-stolen.html"
GP = "other/2020-02-08_gaijinpot-blog-tweet-of-the-week-67-chikan.html"
TEXT = "japannews/2022-04-08_hayashi-blinken-brussels.txt"


def test_scorer_passes() -> None:
    run = subprocess.run([sys.executable, str(SHARED / "tools" / "score"), "--json"], capture_output=True,
                         text=True, timeout=300, check=False)
    result = json.loads(run.stdout)
    failed = [f"{c['case']} {c['field']}: {c['why']}" for c in result["checks"] if not c["ok"]]
    assert not failed, "\n".join(failed)


def _fields(a: jnparse.Article) -> dict[str, Any]:
    d = a.to_dict()
    return {
        "site": d["site"], "title": d["title"], "section": d["section"],
        "published": d["published"][:16] if d["published"] else None,
        "authors": d["byline"]["authors"] if d["byline"] else [],
        "dateline": d["dateline"], "agency": d["agency"], "body": d["body"],
        "images": d["images"], "paywalled": d["paywalled"],
        "discarded": [(b["kind"], b["heading"], len(b["items"])) for b in d["discarded"]],
    }


def _strip_metadata(html: str) -> str:
    html = re.sub(r"<meta\b[^>]*>", "", html, flags=re.I)
    html = re.sub(r"<script[^>]*ld\+json[^>]*>.*?</script>", "", html, flags=re.I | re.S)
    html = re.sub(r"<link[^>]*rel=[\"']?canonical[^>]*>", "", html, flags=re.I)
    return re.sub(r"<title>.*?</title>", "", html, flags=re.I | re.S)


@pytest.mark.parametrize("name", [JN, JT])
def test_stripped_metadata_gives_the_same_fields(name: str) -> None:
    html = (CORPUS / name).read_text(encoding="utf-8")
    original = _fields(jnparse.parse(html.encode()))
    stripped = jnparse.parse(_strip_metadata(html).encode())
    got = _fields(stripped)
    assert got == original
    assert stripped.warnings  # the fallbacks are reported


@pytest.mark.parametrize("codec", ["cp932", "shift_jis", "euc_jp", "iso2022_jp"])
@pytest.mark.parametrize("name", [JN, JT])
def test_shift_jis_without_charset_gives_the_same_fields(name: str, codec: str) -> None:
    # Python's shift_jis and euc_jp write the Japan Times page's "¥40,000" with byte 0x5C (JIS X 0201)
    html = (CORPUS / name).read_text(encoding="utf-8")
    original = _fields(jnparse.parse(html.encode()))
    plain = re.sub(r"<meta[^>]*charset[^>]*>", "", html, flags=re.I)
    data = plain.encode(codec, "xmlcharrefreplace")
    assert b"charset" not in data.lower()[:3000]
    assert _fields(jnparse.parse(data)) == original


def test_wire_dateline_is_cut_into_its_field() -> None:
    html = (CORPUS / JN).read_text(encoding="utf-8")
    first_para = "<p>Prime Minister Shigeru Ishiba demonstrated"
    start = html.index("p-article-block")  # og:description holds the same paragraph, markup and all
    assert first_para in html[start:]
    wired = html[:start] + html[start:].replace(
        first_para, "<p>TOKYO (Jiji Press) — Prime Minister Shigeru Ishiba demonstrated", 1)
    original = jnparse.parse(html.encode())
    a = jnparse.parse(wired.encode())
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.agency, a.dateline.raw) == ("TOKYO", "Jiji Press", "TOKYO (Jiji Press) — ")
    assert a.agency == "Jiji Press"
    assert a.body == original.body


@pytest.mark.parametrize("name", [JN, JT])
def test_truncated_download_keeps_the_article(name: str) -> None:
    data = (CORPUS / name).read_bytes()
    original = _fields(jnparse.parse(data))
    marker = b"bloc_3" if name == JN else b"KEYWORDS"  # after the sidebars / after the photo gallery
    cut = data[: data.index(marker)]
    article = jnparse.parse(cut)
    got = _fields(article)
    for key in ("site", "title", "section", "published", "authors", "dateline", "agency", "body", "images"):
        assert got[key] == original[key], key
    assert ("body", "truncated") in {(w.field, w.code) for w in article.warnings}  # the cut is told
    assert not any(w.code == "truncated" for w in jnparse.parse(data).warnings)


def numbered_lists(text: str, mark: str) -> str:
    """``text`` with each list's "-" markers written as its items' numbers ("1", "2" …; ``mark`` spells one), as
    a copy tool writes a ranking."""
    out: list[str] = []
    number = 0
    after_marker = False
    for line in text.split("\n"):
        if line == "-":
            number += 1
            out.append(mark.format(number))
            after_marker = True
            continue
        if not after_marker:
            number = 0  # a line that is no item's title: the list ended
        after_marker = False
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: "\n".join("  " + ln + " \t" for ln in t.split("\n")),
        lambda t: t.replace("\n", "\n\n"),
        lambda t: t.replace(" ", "\u00a0").replace("JST,\u00a0", "JST,\u2002"),
        lambda t: "\ufeff" + t,
        lambda t: "\n\n".join("\n".join(textwrap.wrap(ln, 72)) for ln in t.split("\n") if ln.strip()),
        lambda t: "\n\n".join("\n".join(textwrap.wrap(ln, 60)) for ln in t.split("\n") if ln.strip()),
        lambda t: re.sub(r"(?m)^-\n", "", t),  # a copy tool that prints no list markers
        lambda t: re.sub(r"(?m)^-$", "•", t),
        lambda t: numbered_lists(t, "{}"),
        lambda t: numbered_lists(t, "{}."),
        as_lynx_dump,
    ],
    ids=["crlf", "cr", "padded", "blank-lines", "nbsp", "bom", "wrapped-72", "wrapped-60", "no-list-markers",
         "dot-list-markers", "numbered", "numbered-dot", "lynx-dump"],
)
def test_text_copy_variants_give_the_same_fields(mangle: Any) -> None:
    text = (CORPUS / TEXT).read_text(encoding="utf-8")
    original = _fields(jnparse.parse_text(text))
    assert _fields(jnparse.parse_text(mangle(text))) == original


def test_text_copy_loses_no_line() -> None:
    text = (CORPUS / TEXT).read_text(encoding="utf-8")
    a = jnparse.parse_text(text)
    places = [a.date_text or "", *(b.text for b in a.body), a.dateline.raw if a.dateline else ""]
    for d in a.discarded:
        places += [d.heading or "", d.text or "", *(i.title for i in d.items)]
    blob = "\n".join(places)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            assert line in blob or line.replace(a.dateline.raw if a.dateline else "", "").strip() in blob, line


@pytest.mark.parametrize("name", [JN, JT])
def test_a_page_saved_through_windows_1252_gives_the_same_fields(name: str) -> None:
    # its UTF-8 read as windows-1252 and saved as UTF-8 again: "Chinaâ€™s" for "China’s" throughout
    from .test_loading import as_windows_1252

    html = (CORPUS / name).read_text(encoding="utf-8")
    a = jnparse.parse(as_windows_1252(html).encode("utf-8"))
    assert _fields(a) == _fields(jnparse.parse(html.encode()))
    assert ("encoding", "repaired") in {(w.field, w.code) for w in a.warnings}


def test_the_blog_page_without_body_markup_or_trafilatura_reads_the_same_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # a plain `pip install jnparse`: the element holding the most paragraph text is the story
    data = (CORPUS / GP).read_bytes()
    marked = _fields(jnparse.parse(data))
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    a = jnparse.parse(data.replace(b'itemprop="articleBody"', b""))
    assert _fields(a)["body"] == marked["body"]
    assert ("body", "fallback") in {(w.field, w.code) for w in a.warnings}


@pytest.mark.parametrize("name", [JN, JT, GP])
def test_a_page_read_as_iso_8859_1_gives_the_same_fields(name: str) -> None:
    # `requests` decodes a page whose HTTP header names no charset as ISO-8859-1: `response.text` passed on
    html = (CORPUS / name).read_bytes()
    text = html.decode("latin-1")
    a = jnparse.parse(text)
    assert _fields(a) == _fields(jnparse.parse(html))
    if not html.isascii():
        assert ("encoding", "repaired") in {(w.field, w.code) for w in a.warnings}


def test_a_text_copy_read_as_iso_8859_1_gives_the_same_fields() -> None:
    data = (CORPUS / TEXT).read_bytes()
    assert _fields(jnparse.parse_text(data.decode("latin-1"))) == _fields(jnparse.parse_text(data.decode()))


def test_a_text_copy_saved_through_windows_1252_gives_the_same_fields() -> None:
    from .test_loading import as_windows_1252

    text = (CORPUS / TEXT).read_text(encoding="utf-8")
    assert _fields(jnparse.parse_text(as_windows_1252(text))) == _fields(jnparse.parse_text(text))


def test_a_text_copy_with_its_character_references_left_in_gives_the_same_fields() -> None:
    # taken from the page's source: "China&#8217;s", "&mdash;", "&amp;"
    text = (CORPUS / TEXT).read_text(encoding="utf-8")
    escaped = (text.replace("&", "&amp;").replace("’", "&#8217;").replace("“", "&#8220;").replace("”", "&#8221;")
               .replace("—", "&mdash;"))
    assert escaped != text
    a = jnparse.parse_text(escaped)
    assert _fields(a) == _fields(jnparse.parse_text(text))
    assert ("encoding", "repaired") in {(w.field, w.code) for w in a.warnings}
