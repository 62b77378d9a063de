"""Hostile and broken input (issue 5): whatever jnparse is given, it returns an Article or raises a
jnparse error, in bounded time, and it never drops text silently.

The fast profile runs here; the long campaign is ``python -m tests.fuzz_long`` (see the README).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jnparse
from jnparse.textcopy import TextCopy

from .conftest import CORPUS, FIXTURES
from .page_text import kept_texts
from .stripped import CLASS, CLASS_OR_ID

PAGES = sorted(FIXTURES.glob("*/*.html")) + (sorted(CORPUS.glob("*/*.html")) if CORPUS.exists() else [])
TEXTS = sorted(FIXTURES.glob("*/*.txt")) + (sorted(CORPUS.glob("*/*.txt")) if CORPUS.exists() else [])


def outcome(data: bytes | str, *, text: bool = False) -> jnparse.Article | None:
    """Parse; a jnparse error is an allowed outcome, anything else fails the test."""
    try:
        if text:
            assert isinstance(data, str)
            return jnparse.parse_text(data)
        return jnparse.parse(data)
    except jnparse.ParseError:
        return None




def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random damage of the kinds downloads and scrapers meet."""
    n = len(data)
    op = rng.randrange(9)
    i, j = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
    if op == 0:  # truncated download
        return data[:i]
    if op == 1:  # a piece deleted (tags and attributes with it)
        return data[:i] + data[j:]
    if op == 2:  # a piece duplicated
        return data[:j] + data[i:j] + data[j:]
    if op == 3:  # random bytes spliced in
        return data[:i] + rng.randbytes(rng.randrange(1, 64)) + data[i:]
    if op == 4:  # tags renamed / closing tags dropped
        return data.replace(b"</p>", b"", rng.randrange(1, 20)).replace(b"<div", b"<span", rng.randrange(1, 5))
    if op == 5:  # charset mislabelled
        return data.replace(b"UTF-8", b"Shift_JIS").replace(b"utf-8", b"euc-jp")
    if op == 6:  # attributes shuffled away
        return data.replace(b'class="', b'data-x="', rng.randrange(1, 50))
    if op == 7:  # every class (and maybe every id) stripped, as a web archive stores a page
        return (CLASS_OR_ID if rng.random() < 0.5 else CLASS).sub(b"", data)
    return bytes(reversed(data[i:j])).join((data[:i], data[j:]))  # a piece reversed


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_mutations_give_an_article_or_a_jnparse_error(path: Path) -> None:
    data = path.read_bytes()
    rng = random.Random(path.name)
    for _ in range(25):
        outcome(mutate(data, rng))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_truncated_at_many_points(path: Path) -> None:
    data = path.read_bytes()
    for k in range(1, 16):
        outcome(data[: len(data) * k // 16])


@given(st.data())
@settings(max_examples=60)
def test_fixture_mutations_hypothesis(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(PAGES))
    seed = data.draw(st.integers(0, 2**32))
    page = path.read_bytes()
    rng = random.Random(seed)
    for _ in range(data.draw(st.integers(1, 4))):
        page = mutate(page, rng)
    outcome(page)


def _timed(data: bytes, limit: float) -> None:
    t0 = time.perf_counter()
    outcome(data)
    elapsed = time.perf_counter() - t0
    assert elapsed < limit, f"{elapsed:.1f}s"


def test_size_and_shape_stay_bounded() -> None:
    """Generous bounds (a slow CI machine): these guard against hangs and quadratic blow-ups, not speed."""
    staff = (FIXTURES / "japannews" / "staff-byline-photo-subheads.html").read_bytes()
    _timed(staff[:-200] + b"<p>" + b"word " * 4_000_000 + b"</p></body></html>", 20)  # a 20 MB page
    _timed(b"<html><body>" + b"<div>" * 100_000 + b"<p>x</p>" + b"</div>" * 100_000 + b"</body></html>", 20)
    _timed(b"<html><body><p>" + b"a" * 1_000_000 + b"</p></body></html>", 20)  # a 1 MB line
    _timed(staff.replace(b"</head>", b"<script>var a=1;</script>" * 5000 + b"</head>"), 20)
    _timed(staff.replace(b"</head>", b'<script type="application/ld+json">' + b"[" * 100_000 + b"]" * 100_000
                         + b"</script></head>"), 20)
    _timed(b"<html><body><p " + b" ".join(b'a%d="x"' % i for i in range(100_000)) + b">x</p></body></html>", 20)


@pytest.mark.parametrize(
    "evil",
    [
        "A" * 50_000 + " " + "B, " * 20_000 + "(",
        "TOKYO/" * 30_000 + " - x",
        "By " + "A and " * 50_000 + "/ x",
        "1" * 100_000 + ":32 JST, October 13, 2024",
        "Mar. " + "1" * 100_000,
        "(" * 100_000 + "Kyodo" + ")" * 100_000,
        "-\n" * 100_000,
        "\u3000" * 200_000,
        "日本\n  " * 100_000,  # a line break between wide characters at every other character
        "[1]x " * 50_000 + "\nReferences\n\n 1. https://a.example/",  # a dump's link numbers
        "Text\nReferences\n" + "\n".join(f"{i}. https://a.example/{i}" for i in range(1, 50_000)),
        "JN ACCESS RANKING\n" + "\n".join(f"{i}\nA ranked title" for i in range(1, 30_000)),
        # Markdown's openers with no closers, on a copy that reads as Markdown (each was minutes, once)
        *("# Heading\n[a link](https://x.example/)\n" + line for line in (
            "*a " * 30_000, "_a " * 30_000, "**a " * 20_000, "[" * 100_000, "![a](" * 20_000, "[![a](b)" * 8_000,
            "# " + " " * 100_000 + "x", "> " * 50_000, "\\*" * 50_000)),
    ],
)
def test_pathological_strings_against_every_regular_expression(evil: str) -> None:
    from jnparse.bylines import parse_byline
    from jnparse.datelines import split_dateline
    from jnparse.dates import NeedsReference, parse_jst

    t0 = time.perf_counter()
    split_dateline(evil)
    parse_byline(evil)
    with contextlib.suppress(NeedsReference):
        parse_jst(evil)
    outcome(evil, text=True)
    outcome(f"<html><body><p>{evil}</p></body></html>".encode())
    assert time.perf_counter() - t0 < 20


def test_huge_or_broken_jsonld_is_skipped_with_a_warning() -> None:
    staff = (FIXTURES / "japannews" / "staff-byline-photo-subheads.html").read_bytes()
    page = staff.replace(b"</head>", b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
                         + b'"x" ' + b"</script></head>")
    stripped = page.replace(b"og:title", b"x").replace(b'property="article:published_time"', b"")
    a = jnparse.parse(stripped)
    assert any(w.field == "jsonld" and w.code == "skipped" for w in a.warnings)
    assert a.title  # read from the page's own headline instead


def _norm(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def _places(a: jnparse.Article) -> str:
    return "\n".join(kept_texts(a, description=True))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_copies_lose_no_line(path: Path) -> None:
    """Every non-blank line of a text copy ends up somewhere: a field, the body or a discarded block."""
    text = path.read_text(encoding="utf-8")
    try:
        a = jnparse.parse_text(text, fetched=dt.datetime(2026, 1, 1, tzinfo=jnparse.JST))
    except jnparse.NotAnArticleError:
        return
    blob = _norm(_places(a))
    for line in TextCopy.from_text(text).lines:
        # a line may be split between fields (a kicker and a title, a caption and its credit):
        # each of its pieces must be somewhere
        for piece in re.split(r"[:|/()©=•\[\]]+", line):
            assert _norm(piece) in blob, f"{piece!r} of {line!r} is nowhere in the Article"


@given(st.lists(st.sampled_from([
    "13:11 JST, April 8, 2022", "BRUSSELS (Jiji Press) — Ministers met on Thursday.", "A paragraph of text.",
    "Short subhead", "\"Politics\" POPULAR ARTICLE", "JN ACCESS RANKING", "-", "A ranked title", "- Inline",
    "Add TheJapanNews to your Google News feed.", "By Ann Lee / Yomiuri Shimbun Staff Writer", "Post", "Share",
    "The Yomiuri Shimbun", "Latest Articles", "", "   ",
]), min_size=1, max_size=40))
def test_japannews_text_copies_lose_no_line(lines: list[str]) -> None:
    _assert_every_line_kept("\n".join(lines), "japannews")


_ITEM_MARK = re.compile(r"^(?:・\s*|(?:[•*]|-(?!-)|–)\s+)(?=\S)")


def _assert_every_line_kept(text: str, site: str, *, marks: tuple[str, ...] = ()) -> None:
    """Every line of the copy (but ``marks``, lines that only mark the next one) is in the Article, the
    first paragraph's dateline read off it."""
    try:
        a = jnparse.parse_text(text, site=site)
    except jnparse.ParseError:
        return
    blob = _places(a)
    dateline = a.dateline.raw.strip() if a.dateline else ""
    for line in TextCopy.from_text(text).lines:
        if line in marks:
            continue
        rest = line[len(dateline):].strip() if dateline and line.startswith(dateline) else line
        unmarked = _ITEM_MARK.sub("", rest)  # a list item's marker is no text of the story (as a page's <li>)
        assert rest in blob or unmarked in blob, f"{line!r} is nowhere in the Article"


@given(st.lists(st.sampled_from([
    "Harbor Notes", "-", "News", "Night Ferries Return to the Inland Sea", "By Rie Matsuda", "By Staff",
    "October 2, 2025", "Updated October 4, 2025", "2025-10-02 09:30", "4 min read", "2 hours ago",
    "Operators restored the late sailings after a summer of repairs at the piers.",
    "OKAYAMA (Kyodo) — The last ferry of the day now leaves at 10 p.m.", "A paragraph of the story.",
    "Share on X", "Advertisement", "Read more: Island Buses Add Stops", "Continue reading", "Tags: Ferries",
    "Rie Matsuda", "Related", "You might also like", "Comments", "© 2025 Harbor Notes", "", "   ",
]), min_size=1, max_size=40))
def test_generic_text_copies_lose_no_line(lines: list[str]) -> None:
    """Any arrangement of a page's header, story and surroundings: every line ends up somewhere (a bullet
    on a line of its own marks the next line and holds nothing)."""
    _assert_every_line_kept("\n".join(lines), "generic", marks=("-", "•", "・"))


def test_a_crash_inside_the_body_extractor_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the long fuzz campaign: trafilatura re-parses its own output and can raise
    XMLSyntaxError on damaged pages. That must not escape as a non-jnparse error."""
    import trafilatura
    from lxml import etree

    def broken(*_args: object, **_kwargs: object) -> str:
        raise etree.XMLSyntaxError("error parsing attribute name", 0, 114, 13, "<string>")

    monkeypatch.setattr(trafilatura, "extract", broken)
    page = (FIXTURES / "generic" / "tokyo-blog-jsonld-time.html").read_bytes()
    a = jnparse.parse(page)
    assert a.site == "generic" and a.title
    assert any(w.field == "body" and w.code == "extractor-failed" for w in a.warnings)


def test_a_cut_whose_sentinel_an_open_attribute_value_swallows_is_told() -> None:
    # found by tests.fuzz_long: a quote left open in the part kept holds the rest of the cut, sentinel and
    # all, in one start tag; the cut's start mark is then the tree's last element and names no note
    from jnparse.loading import parse_bytes
    from jnparse.sites.base import TailCut

    cut = TailCut("nikkei")
    data = b"<html><head><title>T</title></head><body><nav>menu</nav><p class='x>kept</p></body></html>"
    body, start = data.index(b"<body"), data.index(b"<p class")
    seen = cut.seen(parse_bytes(cut.join(data, body, start, len(data) - 14, note="server 1")))
    assert seen is not None and seen.note is None  # the end cannot be told: the page is read whole


@pytest.mark.parametrize("page", [
    # Japan Today: the story's articleBody on an element whose name holds a control byte
    (FIXTURES / "japantoday" / "staff-crime-story.html").read_bytes().replace(
        b'<div itemprop="articleBody"', b'<di\x03v itemprop="articleBody"', 1),
    # the generic reader: a byline class and a microdata author on such elements
    b"<html><head><title>T</title></head><body><article><h1>T</h1><sp\x01an class='byline'>By Aiko Tsuchida</sp\x01an>"
    b"<b\x02 itemprop='author'>Aiko Tsuchida</b\x02>" + b"<p>Paragraph of the story with enough words to read.</p>" * 4
    + b"</article></body></html>",
], ids=["japantoday-body", "generic-byline"])
def test_element_names_holding_control_bytes(page: bytes) -> None:
    # libxml2 keeps such a name; lxml will not filter a walk on it: the lookups walk every element instead
    assert b"\x01" in page or b"\x03" in page
    a = jnparse.parse(page)
    assert a.body and all(b.text for b in a.body)
