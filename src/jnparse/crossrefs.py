"""In-body pointers to other stories: a "Read more: …" or "Related: …" line between the paragraphs.

Editors drop such lines into the text of a story to send readers elsewhere; every general extractor
keeps them as a paragraph of the story (``../shared/docs/anchors.md``). They are not the story's
words: :func:`split_pointers` takes them out of the body and records each as a discarded block
(``read-more`` or ``related``) with the story it points to, so nothing is lost.

A line is a pointer when it is short and either starts with one
of the labels below followed by a separator and a title (``Read more: Ishiba vows …``,
``RELATED — …``, ``See also » …``), or is one of the labels alone (``Read more``, ``Continue
reading``). A sentence that merely begins with those words ("Read more about the plan on the
ministry's site.") has no separator and stays in the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from .datelines import split_dateline
from .model import Article, Block, Discarded, Item

#: Longest line taken for a pointer: a label and a headline, never a paragraph of the story.
MAX_POINTER_CHARS = 250

# label → the discarded kind it is recorded as
_LABELS: dict[str, str] = {
    "read more": "read-more",
    "read also": "read-more",
    "also read": "read-more",
    "read next": "read-more",
    "see also": "related",
    "related": "related",
    "related article": "related",
    "related articles": "related",
    "related story": "related",
    "related stories": "related",
    "related news": "related",
    "related coverage": "related",
    "related link": "related",
    "related links": "related",
}
#: Lines that are a label alone: a link to the rest of the story or to more of the same.
_BARE: dict[str, str] = {
    "read more": "read-more",
    "read more here": "read-more",
    "continue reading": "read-more",
    "read the full story": "read-more",
    "read the full article": "read-more",
    "read the full story here": "read-more",
}
_LABEL = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _LABELS), key=len, reverse=True))
_POINTER = re.compile(
    rf"(?P<label>{_LABEL})\s*(?:[:：|»–—]|>>|-\s)\s*(?P<title>\S.*)",  # a full-width colon too
    re.IGNORECASE | re.DOTALL,
)
_BARE_LINE = re.compile(r"(?P<label>[A-Za-z ]+?)\.?\s*(?:[»›>]+|\.\.\.|…)?", re.IGNORECASE)
# every label's first word, to pass over a paragraph of the story with one test in C
_FIRST_WORDS = tuple(sorted({k.split()[0] for k in (*_LABELS, *_BARE)}))
_LONGEST_BARE = max(map(len, _BARE)) + 4


def pointer(text: str) -> tuple[str, str, str | None] | None:
    """``(kind, label as printed, title)`` when ``text`` is a pointer line (``title`` is ``None`` for a
    label alone), else ``None``."""
    if len(text) > MAX_POINTER_CHARS or not text[:12].lower().startswith(_FIRST_WORDS):
        return None
    m = _POINTER.fullmatch(text)
    if m is not None:
        label = m.group("label")
        return _LABELS[" ".join(label.lower().split())], label, m.group("title").strip()
    bare = _BARE_LINE.fullmatch(text) if len(text) <= _LONGEST_BARE else None
    if bare is not None:
        label = bare.group("label").strip()
        kind = _BARE.get(" ".join(label.lower().split()))
        if kind is not None:
            return kind, label, None
    return None


def split_pointers(
    blocks: Sequence[Block], link: Callable[[str], str | None] | None = None
) -> tuple[list[Block], list[Discarded]] | None:
    """The body without its pointer lines, and a discarded block for each (its text the line as printed);
    ``None`` when it holds none
    (the common case: the caller keeps what it has). ``link`` gives the address a title links to on
    the page, when the page is HTML."""
    # subheads too: a text copy cannot tell a short line without a full stop from a subhead
    found = [(i, hit) for i, b in enumerate(blocks) if (hit := pointer(b.text)) is not None]
    if not found:
        return None
    # a story made only of such lines is a list page or a stub: leave it for the extractor's own checks
    if len(found) == len(blocks):
        return None
    drop = {i for i, _ in found}
    discarded = []
    for i, (kind, label, title) in found:
        shown = title if title is not None else label
        # the link is on the title, or on the whole line
        url = (link(shown) or link(blocks[i].text)) if link is not None else None
        discarded.append(Discarded(kind=kind, heading=label if title is not None else None,
                                   items=(Item(title=shown, url=url),), text=blocks[i].text))
    return [b for i, b in enumerate(blocks) if i not in drop], discarded


def without_pointers(article: Article, link: Callable[[str], str | None] | None = None) -> Article:
    """``article`` with the pointer lines of its body moved to its discarded blocks. When a pointer stood
    before the first paragraph, the dateline that paragraph opens with is read now (the extractor
    looked for it in the pointer)."""
    split = split_pointers(article.body, link)
    if split is None:
        return article
    body, pointers = split
    dateline, agency = article.dateline, article.agency
    if dateline is None and pointer(article.body[0].text) is not None and body and body[0].kind == "paragraph":
        dateline, rest = split_dateline(body[0].text)
        if dateline is not None:
            body[0] = Block("paragraph", rest.strip())
            agency = agency or dateline.agency
    return attrs.evolve(article, body=body, discarded=(*article.discarded, *pointers), dateline=dateline,
                        agency=agency)
