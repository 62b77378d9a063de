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


_SENTENCE = st.text(st.sampled_from("abcdefghij klmnop"), min_size=20, max_size=110).map(
    lambda s: (" ".join(s.split()) or "x").capitalize() + ".")


@given(st.lists(_SENTENCE, min_size=3, max_size=30))
def test_paragraphs_of_whole_sentences_are_never_taken_for_a_wrap(paragraphs: list[str]) -> None:
    # short paragraphs a line each, ending their sentences, the next one in capitals: no wrap shows
    assert wrap_width([squash(p) for p in paragraphs]) is None
