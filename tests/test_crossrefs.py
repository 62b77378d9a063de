"""In-body "Read more: …" and "Related: …" lines are taken out of the body and kept as discarded blocks."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse
from jnparse.crossrefs import MAX_POINTER_CHARS, pointer, split_pointers
from jnparse.model import Block, Discarded, Item

from .conftest import CORPUS, FIXTURES


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Read more: Ishiba vows to act", ("read-more", "Read more", "Ishiba vows to act")),
        ("READ MORE: Tokyo stocks rise", ("read-more", "READ MORE", "Tokyo stocks rise")),
        ("Read more — Tokyo stocks rise", ("read-more", "Read more", "Tokyo stocks rise")),
        ("Read more» Tokyo stocks rise", ("read-more", "Read more", "Tokyo stocks rise")),
        ("Also read: Rice prices climb", ("read-more", "Also read", "Rice prices climb")),
        ("Related: Rice prices climb again", ("related", "Related", "Rice prices climb again")),
        ("RELATED STORIES | Rice prices climb", ("related", "RELATED STORIES", "Rice prices climb")),
        ("See also: The 2024 election", ("related", "See also", "The 2024 election")),
        ("Related article：Rice prices climb", ("related", "Related article", "Rice prices climb")),  # full-width colon
        ("Read more", ("read-more", "Read more", None)),
        ("Continue reading »", ("read-more", "Continue reading", None)),
        ("Read the full story.", ("read-more", "Read the full story", None)),
    ],
)
def test_pointer_lines_are_recognised(line: str, expected: tuple[str, str, str | None]) -> None:
    assert pointer(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the plan on the ministry's website.",  # a sentence: no separator after the label
        "Related costs rose 3% in the year to March.",
        "See also how the ministry counted the votes.",
        "Readers: send us your questions.",
        "The minister said: Read more books.",
        "Read more: " + "x" * MAX_POINTER_CHARS,  # too long to be a label and a headline
        "",
    ],
)
def test_story_lines_are_not_pointers(line: str) -> None:
    assert pointer(line) is None


_TITLES = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\u2028\u2029"),
    min_size=1, max_size=120,
).map(str.strip).filter(bool)


@given(title=_TITLES, label=st.sampled_from(["Read more", "READ MORE", "Related", "See also", "Related stories"]),
       sep=st.sampled_from([": ", " — ", " | ", " » ", ":"]))
def test_a_label_and_any_title_is_a_pointer_to_that_title(title: str, label: str, sep: str) -> None:
    hit = pointer(f"{label}{sep}{title}")
    assert hit is not None
    assert hit[1] == label
    assert hit[2] == title


@given(st.lists(st.sampled_from(["A story paragraph.", "Read more: Another story", "Related: Third story",
                                 "Subhead"]), min_size=1, max_size=12))
def test_split_keeps_every_line_once_in_order(lines: list[str]) -> None:
    blocks = [Block("subhead" if t == "Subhead" else "paragraph", t) for t in lines]
    split = split_pointers(blocks)
    pointers = [t for t in lines if pointer(t) is not None]
    if not pointers or len(pointers) == len(lines):
        assert split is None  # nothing to take out, or a list of pointers only (left to the extractor)
        return
    assert split is not None
    body, discarded = split
    assert [b.text for b in body] == [t for t in lines if pointer(t) is None]
    assert [d.heading + ": " + d.items[0].title for d in discarded if d.heading] == pointers


def _japannews_page() -> tuple[bytes, str]:
    path = FIXTURES / "japannews" / "staff-byline-photo-subheads.html"
    return path.read_bytes(), path.read_text(encoding="utf-8")


def test_read_more_paragraph_in_a_page_goes_to_discarded_with_its_link() -> None:
    data, text = _japannews_page()
    original = jnparse.parse(data)
    second = original.body[1].text
    at = text.index("<p>" + html.escape(second[:30], quote=False), text.index("p-article-block"))
    line = '<p>Read more: <a href="/society/general-news/20250101-1/">Ferry Service to Remote Island Resumes</a></p>'
    article = jnparse.parse((text[:at] + line + text[at:]).encode())
    assert article.body == original.body
    assert article.discarded[:-1] == original.discarded
    assert article.discarded[-1] == Discarded(
        kind="read-more", heading="Read more",
        items=(Item("Ferry Service to Remote Island Resumes",
                    "https://japannews.yomiuri.co.jp/society/general-news/20250101-1/"),),
        text="Read more: Ferry Service to Remote Island Resumes",
    )


def test_a_pointer_before_the_first_paragraph_leaves_its_dateline_to_be_read() -> None:
    text = (FIXTURES / "japannews" / "jiji-wire-dateline.html").read_text(encoding="utf-8")
    original = jnparse.parse(text.encode())
    at = text.index("<p>TOKYO (Jiji Press)", text.index("p-article-block"))
    article = jnparse.parse((text[:at] + "<p>Related: <a href='/x/'>Earlier story</a></p>" + text[at:]).encode())
    assert article.dateline == original.dateline
    assert article.agency == "Jiji Press"
    assert article.body == original.body


def _text_copies() -> list[tuple[Path, jnparse.Article]]:
    """Every text copy that reads as an article with at least three blocks to put a line between."""
    found = []
    for path in sorted(FIXTURES.glob("*/*.txt")) + sorted(CORPUS.glob("*/*.txt")):
        try:
            article = jnparse.parse_text(path.read_text(encoding="utf-8"))
        except jnparse.ParseError:  # an expired story
            continue
        if len(article.body) >= 3:
            found.append((path, article))
    return found


def test_there_are_text_copies_to_try() -> None:
    assert len(_text_copies()) >= 8


@pytest.mark.parametrize(("path", "original"), _text_copies(), ids=lambda c: getattr(c, "name", ""))
def test_read_more_line_in_a_text_copy_goes_to_discarded(path: Path, original: jnparse.Article) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.strip().startswith(original.body[2].text[:30]))
    article = jnparse.parse_text("\n".join([*lines[:at], "Read more: Ferry Service to Remote Island Resumes",
                                            *lines[at:]]))
    assert article.body == original.body
    added = [d for d in article.discarded if d not in original.discarded]
    pointer = Discarded(kind="read-more", heading="Read more", items=(Item("Ferry Service to Remote Island Resumes"),),
                        text="Read more: Ferry Service to Remote Island Resumes")
    assert added == [pointer]
