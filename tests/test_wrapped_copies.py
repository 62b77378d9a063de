"""Hard-wrapped text copies (a terminal browser's dump, an e-mail, a text editor's fill): the lines are
joined back into the paragraphs they were broken from, and a copy that was not wrapped is left alone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse
from jnparse._text import squash
from jnparse.textcopy import TextCopy, unwrap, wrap_width

from .conftest import CORPUS, FIXTURES
from .page_text import without_warnings

COPIES = sorted(FIXTURES.glob("*/*.txt")) + sorted(CORPUS.glob("*/*.txt"))


def _wrapped(text: str, width: int) -> str:
    """``text`` as a wrapping tool prints it: each line filled to ``width``, a blank line between paragraphs."""
    return "\n\n".join("\n".join(textwrap.wrap(line, width)) for line in text.splitlines() if line.strip())


@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_copy_as_printed_is_not_unwrapped(path: Path) -> None:
    assert TextCopy.from_text(path.read_text(encoding="utf-8")).unwrapped is None


@pytest.mark.parametrize("width", [60, 72])
@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_wrapped_copy_reads_as_the_copy(path: Path, width: int) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        plain = jnparse.parse_text(text)
    except jnparse.NotAnArticleError:
        with pytest.raises(jnparse.NotAnArticleError):
            jnparse.parse_text(_wrapped(text, width))
        return
    wrapped = jnparse.parse_text(_wrapped(text, width))
    assert without_warnings(wrapped) == without_warnings(plain)
    assert ("body", "unwrapped") in {(w.field, w.code) for w in wrapped.warnings}


def test_a_break_at_a_hyphen_and_between_paragraphs() -> None:
    lines = ["The ministers met in Brussels to talk about security in the Indo-",
             "Pacific region and about the war.", "",
             "They also agreed to meet again in the autumn in Tokyo, officials",
             "said on Thursday.",
             "A second paragraph starts here without a blank line before it."]
    assert unwrap(lines, 66) == [
        "The ministers met in Brussels to talk about security in the Indo-Pacific region and about the war.", "",
        "They also agreed to meet again in the autumn in Tokyo, officials said on Thursday.",
        "A second paragraph starts here without a blank line before it."]


def test_a_break_inside_japanese_leaves_no_space() -> None:
    lines = ["The account gave a list of steps to take, starting with the line 現場を写真や動画で抑える。その時に落ち",
             "着いて行動して犯人を確保する方法です。 And then it went on in English for a good long while after, as",
             "the author said."]
    assert unwrap(lines, 84) == [
        "The account gave a list of steps to take, starting with the line 現場を写真や動画で抑える。その時に落ち着いて"
        "行動して犯人を確保する方法です。 And then it went on in English for a good long while after, as the author"
        " said."]


def as_lynx_dump(text: str) -> str:
    """``text`` as ``lynx -dump`` prints its page: the page's <link> tags as a "#[1]" line, each link's number
    before its text (a list item's, one in some paragraphs), lines wrapped at 76 columns and indented, and the
    numbered addresses at the end. (The list markers stay the copy's own: other markers are another test's.)"""
    out = ["   #[1]The site's feed", ""]
    count = 1
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line in ("-", "•") and i < len(lines):  # a list item's marker (as the copy prints it), then its link
            count += 1
            out += [f"     {line}", textwrap.fill(f"[{count}]{lines[i]}", 76, initial_indent="     ",
                                                   subsequent_indent="     ")]
            i += 1
            if i < len(lines) and lines[i] not in ("-", "•"):
                out.append("")  # the list ends: a blank line before what follows it
            continue
        words = line.split()
        if len(words) >= 6 and count % 2:  # a link inside a paragraph
            count += 1
            words[2] = f"[{count}]{words[2]}"
        out += [textwrap.fill(" ".join(words), 76, initial_indent="   ", subsequent_indent="   "), ""]
    return "\n".join([*out, "References", "", *(f"  {n:>3}. https://example.com/{n}" for n in range(1, count + 1))])


@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_terminal_browsers_dump_reads_as_the_copy(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    dump = as_lynx_dump(text)
    try:
        plain = jnparse.parse_text(text)
    except jnparse.NotAnArticleError:
        with pytest.raises(jnparse.NotAnArticleError):
            jnparse.parse_text(dump)
        return
    dumped = jnparse.parse_text(dump)
    assert without_warnings(dumped) == without_warnings(plain)
    assert ("encoding", "link-numbers") in {(w.field, w.code) for w in dumped.warnings}


def test_a_dumps_link_numbers_go_and_other_brackets_stay() -> None:
    copy = TextCopy.from_text("#[1]Feed\nThe [2]minister said [3] things [17] and [IMG] more.\n* [3]A story\n"
                              "References\n\n 1. https://a.example/\n 2. https://b.example/\n"
                              "Hidden links:\n 3. https://c.example/")
    assert copy.lines == ("The minister said things [17] and more.", "* A story")
    assert copy.link_numbers == 3
    # a copy whose "References" heading has the page's own text under it is left as it is
    own = TextCopy.from_text("Body [1] text.\nReferences\n1. Smith, J. (2020). A book.\n")
    assert own.lines == ("Body [1] text.", "References", "1. Smith, J. (2020). A book.") and own.link_numbers == 0


def test_a_numbered_list_is_a_list() -> None:
    from jnparse.textcopy import list_blocks

    def kind(line: str) -> str | None:
        return "ranking" if line == "Ranking" else None

    def titles(lines: list[str]) -> list[list[str]]:
        return [[i.title for i in b.items] for b in list_blocks(lines, kind)[1]]

    assert titles(["Ranking", "1", "First story", "2", "Second story"]) == [["First story", "Second story"]]
    assert titles(["Ranking", "1. First story", "2. Second story", "(3)", "Third story"]) == [
        ["First story", "Second story", "Third story"]]
    # numbers that do not run 1, 2, 3 … are no list's: a title that starts with a number stays whole
    assert titles(["Ranking", "5 Things to Know About Ferries", "10 Best Ferry Rides in Japan"]) == [
        ["5 Things to Know About Ferries", "10 Best Ferry Rides in Japan"]]
    assert titles(["Ranking", "1", "First story", "3", "Third story"])[0] == ["First story"]


_SENTENCE = st.text(st.sampled_from("abcdefghij klmnop"), min_size=20, max_size=110).map(
    lambda s: (" ".join(s.split()) or "x").capitalize() + ".")


@given(st.lists(_SENTENCE, min_size=3, max_size=30))
def test_paragraphs_of_whole_sentences_are_never_taken_for_a_wrap(paragraphs: list[str]) -> None:
    # short paragraphs a line each, ending their sentences, the next one in capitals: no wrap shows
    assert wrap_width([squash(p) for p in paragraphs]) is None
