"""Text copies written as Markdown (html2text, markdownify, a reader service) read as the plain copies they
stand for."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import jnparse
from jnparse.markdown import from_markdown

from .conftest import CORPUS, FIXTURES

COPIES = sorted(FIXTURES.glob("*/*.txt")) + sorted(CORPUS.glob("*/*.txt"))
_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(#|>|[-+](?= ))|^(\d+)(?=\. )")


def as_markdown(text: str) -> str:
    """A plain copy as an HTML-to-Markdown tool writes the page: paragraphs apart by a blank line, list items
    as ``* [title](address)``, short title-like lines as headings, Markdown's own characters escaped."""
    lines = [ln for ln in (x.strip() for x in text.replace("\r\n", "\n").split("\n")) if ln]
    out: list[str] = []
    n = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        item = None
        if line in ("-", "•") and i + 1 < len(lines):
            item, i = lines[i + 1], i + 2
        elif re.match(r"^[-•] \S", line):
            item, i = line[2:], i + 1
        else:
            i += 1
        if item is not None:
            n += 1
            title = _SPECIAL.sub(r"\\\1", item)
            out.append(f"* [{title}](https://news.example/story/{n}/)")
            continue
        escaped = _escape_start(_SPECIAL.sub(r"\\\1", line))
        heading = len(line) <= 60 and not line.endswith((".", ",", ";", ":")) and not line[:1].isdigit()
        out.append(("### " if heading else "") + escaped)
    return "\n\n".join(out) + "\n"


def _escape_start(line: str) -> str:
    """A line's opening escaped where Markdown would read a mark: "\\# x", "\\- x", "1\\. x"."""
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\", line)


def _fields(a: jnparse.Article) -> dict[str, Any]:
    d = a.to_dict()
    return {
        "site": d["site"], "title": d["title"], "published": d["published"], "byline": d["byline"],
        "dateline": d["dateline"], "agency": d["agency"], "body": d["body"], "paywalled": d["paywalled"],
        "discarded": [(b["kind"], b["heading"], [i["title"] for i in b["items"]]) for b in d["discarded"]],
    }


@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_markdown_copy_reads_as_the_plain_copy(path: Path) -> None:
    import datetime as dt

    text = path.read_text(encoding="utf-8")
    fetched = dt.datetime(2025, 6, 1, 12, 0, tzinfo=jnparse.JST)  # (copies that print no year)
    try:
        plain = _fields(jnparse.parse_text(text, fetched=fetched))
    except jnparse.ParseError as e:
        with pytest.raises(type(e)):
            jnparse.parse_text(as_markdown(text), fetched=fetched)
        return
    markdown = as_markdown(text)
    assert markdown != text and from_markdown(markdown) is not None
    a = jnparse.parse_text(markdown, fetched=fetched)
    assert _fields(a) == plain
    assert ("encoding", "markdown") in {(w.field, w.code) for w in a.warnings}


def test_a_reader_services_header_gives_the_title_and_the_address() -> None:
    body = ("# Harbor ferries resume after the storm\n\nFUKUOKA (Kyodo) -- The ferries ran again on Monday after "
            "three days of storms kept every boat in port.\n\nCrews checked the piers at dawn and the first "
            "sailing left on time with forty passengers.\n")
    text = ("Title: Harbor ferries resume after the storm\nURL Source: https://news.example/ferries/\n"
            "Published Time: 2025-03-03T09:00:00+09:00\n\nMarkdown Content:\n" + body)
    a = jnparse.parse_text(text)
    assert a.title == "Harbor ferries resume after the storm"
    assert a.url == "https://news.example/ferries/"
    assert a.agency == "Kyodo" and a.paragraphs[0].startswith("The ferries ran again on Monday")
    assert not any("URL Source" in b.text or "Markdown Content" in b.text for b in a.body)


@pytest.mark.parametrize(("line", "plain"), [
    ("## Tokyo *reopens* its **night** buses ##", "Tokyo reopens its night buses"),
    ("> A quoted line with a [link](https://x.example/a_(b)) in it", "A quoted line with a link in it"),
    ("* [Story title](https://x.example/s \"its title\")", "• Story title"),
    ("[![photo](https://x.example/p.jpg)](https://x.example/p)", ""),
    ("![A crowd at the station](https://x.example/c.jpg)", ""),
    ("1\\. The first point, about \\*stars\\* and snake\\_case", "1. The first point, about *stars* and snake_case"),
    ("The `ferry_service` runs on _weekdays_ only", "The ferry_service runs on weekdays only"),
    ("a_b_c and 2*3*4 stay as they are", "a_b_c and 2*3*4 stay as they are"),
    ("| Station | Riders |", "Station Riders"), ("|---|:---:|", ""), ("| --- | --- |", ""),
    ("| Hakata \\| Gion | 1,200 |", "Hakata | Gion 1,200"),
    ("---", ""), ("* * *", ""), ("[1]: https://x.example/ref", ""), ("See [the report][1].", "See the report."),
])
def test_markdown_lines(line: str, plain: str) -> None:
    got = from_markdown(f"# Heading\n\n[a link](https://x.example/)\n\n{line}\n")
    assert got is not None and got[0].split("\n")[-2] == plain


@pytest.mark.parametrize("text", [
    "Night buses return\n#Fukuoka\n-\nRelated story\nThe buses ran again on Monday.",
    "Night buses return\nSee [the notice](https://x.example/) at the depot.\nThe buses ran again on Monday.",
])
def test_a_plain_copy_with_one_mark_is_no_markdown(text: str) -> None:
    assert from_markdown(text) is None


def test_front_matter_gives_the_title_the_address_and_a_date_the_copy_does_not_print() -> None:
    # as trafilatura writes its Markdown: the page's metadata as YAML, then the story
    text = ("---\ntitle: \"Harbor ferries resume after the storm | The Japan Times\"\nauthor: No Author\n"
            "url: https://www.japantimes.co.jp/news/2025/03/03/national/harbor-ferries/\ndate: \"2025-03-03\"\n"
            "tags: ['ferries', 'storms']\n---\n"
            "FUKUOKA – The ferries ran again on Monday after three days of storms kept every boat in port.\n\n"
            "Crews checked the piers at dawn and the **first** sailing left on time with forty passengers.\n")
    a = jnparse.parse_text(text)
    assert (a.site, a.title) == ("japantimes", "Harbor ferries resume after the storm")
    assert a.url == "https://www.japantimes.co.jp/news/2025/03/03/national/harbor-ferries/"
    assert a.published is not None and a.published.isoformat() == "2025-03-03T00:00:00+09:00"
    codes = {(w.field, w.code) for w in a.warnings}
    assert {("published", "fallback"), ("title", "fallback"), ("encoding", "markdown")} <= codes
    assert ("title", "missing") not in codes
    assert a.paragraphs[-1] == ("Crews checked the piers at dawn and the first sailing left on time with forty "
                                "passengers.")
    assert not any(b.text.startswith(("title:", "url:", "tags:", "---")) for b in a.body)


def test_a_rule_atop_a_plain_copy_is_no_front_matter() -> None:
    text = "---\nNight buses return to Hakata\nThe buses ran again on Monday: riders welcomed them.\n"
    assert from_markdown(text) is None


_TEXT_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\n\r")


@given(st.text(_TEXT_CHARS, min_size=1, max_size=80).map(lambda t: " ".join(t.split())).filter(bool))
@example("1. A numbered line")
@example("- a dash, + a plus, > a quote, # a hash: each at a line's start")
@example("# hashtag")
@example("> quoted")
@example("=")  # a line of "="s under no text is text, not a heading's underline
@example("\U000f0000 \\* private")  # a character of the plane escapes are sheltered in while the marks are read
@example("![not an image](x) and [not a link](y) with `ticks` and *stars* and _underscores_")
def test_escaped_text_comes_back_as_it_was(line: str) -> None:
    # what an HTML-to-Markdown tool escapes, undone: a paragraph's text, and a list item's link text
    escaped = _escape_start(_SPECIAL.sub(r"\\\1", line))
    title = _SPECIAL.sub(r"\\\1", line)
    got = from_markdown(f"# Heading\n\n[a link](https://x.example/)\n\n{escaped}\n\n* [{title}](https://x.example/item/)\n")
    assert got is not None
    assert got[0].split("\n")[-4:-1] == [line, "", "• " + line]
