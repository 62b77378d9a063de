"""A ``<br>`` inside a paragraph keeps the words on its two sides apart, in every reader: lxml's text
serialiser writes nothing for it, so "line one<br>line two" read "line oneline two" until the parse marked
each one (:func:`jnparse.loading.mark_line_breaks`).

Every fixture and corpus page is read twice after one round trip through lxml's serialiser: as it is, and
with one space of a body paragraph's text replaced by a ``<br>`` (then by a ``<br>`` and a line break, as a
pretty-printed page writes it). The two readings must be the same."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from lxml import etree, html

import jnparse
from jnparse._text import squash, writable
from jnparse.loading import PARAGRAPH_BREAK, mark_line_breaks, parse_bytes

from .conftest import CORPUS, FIXTURES
from .prune_checks import nested_markup

PAGES = sorted(FIXTURES.glob("*/*.html")) + sorted(CORPUS.glob("*/*.html"))


def _split_at_space(el: etree._Element, words: str) -> bool:
    """Replace the space in the middle of ``words`` by a ``<br>`` where ``words`` stands in ``el``'s own text or
    in one of its children's tails; whether it did."""
    left = words.partition(" ")[0]
    holders: list[tuple[etree._Element | None, str | None]] = [(None, el.text)] + [(c, c.tail) for c in el]
    for after, text in holders:
        if text is None or words not in text:
            continue
        cut = text.index(words) + len(left)
        br = etree.Element("br")
        br.tail = text[cut + 1:]
        if after is None:
            el.text = text[:cut]
            el.insert(0, br)
        else:
            after.tail = text[:cut]
            after.addnext(br)
        return True
    return False


def _with_a_break(data: bytes, url: str | None) -> tuple[bytes, bytes, str] | None:
    """(the page re-serialised, the same with a ``<br>`` in a body paragraph, the words split), or ``None`` when no
    body paragraph has two words in one text node of a ``<p>``."""
    try:
        article = jnparse.parse(data, url=url)
    except jnparse.NotAnArticleError:  # (an expired story's page)
        return None
    root = html.fromstring(data)
    paragraphs = [p for p in root.iter("p") if p.text or len(p)]
    before = html.tostring(root)
    for block in article.body:
        if block.kind != "paragraph":
            continue
        tokens = block.text.split(" ")
        for k in range(len(tokens) // 2, len(tokens) - 1):
            words = f"{tokens[k]} {tokens[k + 1]}"
            if len(words) < 9 or sum(b.text.count(words) for b in article.body) != 1:
                continue  # (words found once in the body: the paragraph they split is told by them)
            for p in paragraphs:  # the paragraph the block was read from (a caption may hold the same words)
                if block.text[:40] in squash(p.text_content()) and _split_at_space(p, words):
                    return before, html.tostring(root), words
    return None


_CASES = []
for _path in PAGES:
    _found = _with_a_break(_path.read_bytes(), None)
    if _found is not None:
        _CASES.append(pytest.param(*_found, id=f"{_path.parent.name}/{_path.stem}"))


def _fields(data: bytes) -> dict[str, object]:
    d = jnparse.parse(data).to_dict()
    d.pop("warnings")
    return d


def _split_where(body: list[dict[str, str]], words: str) -> list[dict[str, str]]:
    """``body`` with the paragraph holding ``words`` made two at its middle space: how a reader whose site
    separates its paragraphs by ``<br>`` (Jiji Press) reads the break."""
    out = []
    for block in body:
        text = block["text"]
        if words in text:
            cut = text.index(words) + len(words.partition(" ")[0])
            out += [{**block, "text": text[:cut]}, {**block, "text": text[cut + 1:]}]
        else:
            out.append(block)
    return out


_BREAKS_PARAGRAPHS = {"jiji"}  # the sites whose readers take a <br> for the end of a paragraph


@pytest.mark.parametrize(("plain", "broken", "words"), _CASES)
def test_a_line_break_in_a_paragraph_keeps_the_words_apart(plain: bytes, broken: bytes, words: str) -> None:
    assert b"<br>" + words.partition(" ")[2].encode()[:4] in broken.replace(b"\n", b"")  # the break landed
    expected = _fields(plain)
    assert any(words in b["text"] for b in expected["body"])  # type: ignore[attr-defined]
    if expected["site"] in _BREAKS_PARAGRAPHS:
        expected["body"] = _split_where(expected["body"], words)  # type: ignore[arg-type]
    assert _fields(broken) == expected
    assert _fields(broken.replace(b"<br>", b"<br>\n")) == expected


@pytest.mark.parametrize("pair", [b"<br><br>", b"<br>\n<br>\n", b"<br/> <br/>"])
@pytest.mark.parametrize(("plain", "broken", "words"), _CASES)
def test_two_line_breaks_in_a_paragraph_make_two_paragraphs(plain: bytes, broken: bytes, words: str,
                                                            pair: bytes) -> None:
    # a blank line inside a <p> (two breaks in a row): a browser shows two paragraphs, and so does a text copy
    expected = _fields(plain)
    if not _by_trafilatura(expected, plain):  # (trafilatura writes the pair as one break: the words kept apart)
        expected["body"] = _split_where(expected["body"], words)  # type: ignore[arg-type]
    inserted = b"<br>" + words.partition(" ")[2].encode()[:4]  # (the page's own breaks stay single)
    assert broken.count(inserted) == 1
    assert _fields(broken.replace(inserted, pair + inserted[4:])) == expected


def _by_trafilatura(fields: dict[str, object], data: bytes) -> bool:
    """Whether the generic reader took the body from trafilatura (the page marks no ``articleBody``)."""
    return fields["site"] == "generic" and b"articleBody" not in data


def test_most_pages_are_tried() -> None:
    # the pages whose story is not in <p> elements (a JSON body, text split by <br> already) are not
    assert len(_CASES) >= 0.7 * len(PAGES)


def test_mark_line_breaks() -> None:
    root = parse_bytes(b"<p>one<br>two<br/>three <br>\n four<br></p>")
    assert squash(etree.tostring(root, method="text", encoding="unicode")) == "one two three four"
    mark_line_breaks(root)  # twice: a break more reads the same
    assert root.findtext(".//p") == "one"


def _paragraphs(markup: bytes) -> list[tuple[dict[str, str], str]]:
    root = parse_bytes(markup)
    return [(dict(p.attrib.items()), squash(etree.tostring(p, method="text", encoding="unicode", with_tail=False)))
            for p in root.iter("p")]


def test_two_line_breaks_split_their_paragraph() -> None:
    assert _paragraphs(b'<p class="txt" id="p1">One <b>two</b><br> <br>three <i>four</i> five</p>tail') == [
        ({"class": "txt", "id": "p1"}, "One two"), ({"class": "txt"}, "three four five")]  # (no id twice)
    # three in a row: one split; a pair at the start or the end of a paragraph splits nothing
    assert _paragraphs(b"<p>a<br><br><br>b<br><br></p><p><br><br>c</p>") == [({}, "a"), ({}, "b"), ({}, "c")]
    assert _paragraphs(b"<p>a<br><br>b<br>c<br><br>d</p>") == [({}, "a"), ({}, "b c"), ({}, "d")]
    # a pair in an element inside the paragraph splits nothing (the paragraph is read whole); in a div (or any
    # other element) its second becomes an empty div: the end of a run of bare text in every reader's walk
    assert _paragraphs(b"<p><span>a<br><br>b</span></p>") == [({}, "a b")]
    div = parse_bytes(b"<div>a<br><br>b</div><p>c</p>").find(".//div")
    assert div is not None
    assert [(el.tag, el.text, squash(el.tail)) for el in div] == [("br", None, ""), (PARAGRAPH_BREAK, None, "b")]
    # a damaged page's attribute lxml will not write (a control character in its name) is left off the new one
    assert _paragraphs(b'<p a\x01b="x" class="c">one<br><br>two</p>') == [
        ({"a\x01b": "x", "class": "c"}, "one"), ({"class": "c"}, "two")]
    # text lxml will not write back (a control character libxml2 kept: a vertical tab pasted from a word processor)
    # after a break or after the paragraph: written with a space for it, never lost (lxml drops the old text as it
    # refuses the new)
    div = parse_bytes(b"<div><p>one<br><br>two\x0bthree</p>tail\x01end</div>").find(".//div")
    assert div is not None
    assert [(p.tag, squash(p.text), squash(p.tail)) for p in div] == [("p", "one", ""), ("p", "two three", "tail end")]
    assert squash(parse_bytes(b"<p>a<br>b\x01c</p>").findtext(".//br")) == ""
    assert squash(etree.tostring(parse_bytes(b"<p>a<br>b\x01c</p>"), method="text", encoding="unicode")) == "a b c"
    # the text after the paragraph stays after it, after the new one
    div = parse_bytes(b"<div><p>a<br><br>b</p>after</div>").find(".//div")
    assert div is not None
    assert [(p.tag, p.text, p.tail) for p in div] == [("p", "a", None), ("p", "b", "after")]


@pytest.mark.parametrize(("page", "document", "words"), [
    ("japantimes/current-paywalled-with-content.html", "japantimes/getArticleContent-641290.json", "town of"),
    ("nikkei/paywalled-with-access.html", "nikkei/paywalled-with-access-body.json", "largest banks"),
])
def test_a_line_break_in_a_body_served_apart_keeps_the_words_apart(page: str, document: str, words: str) -> None:
    # The Japan Times' article-content JSON and Nikkei Asia's article-access JSON hold the story's HTML: it is
    # parsed as a page is, its <br> a break too
    html, body = (FIXTURES / page).read_bytes(), (FIXTURES / document).read_text(encoding="utf-8")
    assert body.count(words) == 1
    plain = jnparse.parse(html, body=body)
    broken = jnparse.parse(html, body=body.replace(words, words.replace(" ", "<br>")))
    assert any(words in b.text for b in plain.body)
    assert broken.body == plain.body


_OPENERS = ["<p>", '<p class="c" id="i">', "<span>", "<div>", "<b>", "<li>", "<td>", "<a href='/x'>"]
_LEAVES = ["<br>", "<br/>", "<br>", " ", "\n", "word", "two words", "東京", "con\x01trol"]


@given(markup=nested_markup(_OPENERS, _LEAVES))
def test_splitting_paragraphs_keeps_every_word(markup: str) -> None:
    # whatever holds the breaks, the split moves text and drops breaks, never loses, doubles or reorders a word
    data = f"<html><body>{markup}</body></html>".encode()
    plain = etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))
    marked = parse_bytes(data)
    words = "".join(writable("".join(plain.itertext())).split())  # (a control character lxml will not write: a space)
    assert "".join(writable("".join(marked.itertext())).split()) == words
    for p in marked.iter("p"):  # no pair left in a paragraph with text on both sides
        for first, second in itertools.pairwise(p):
            if first.tag == second.tag == "br" and (first.tail or "").isspace():
                before = (p.text or "").strip() or first.getprevious() is not None
                after = (second.tail or "").strip() or second.getnext() is not None
                assert not (before and after), etree.tostring(p)
