"""Render an HTML page as a plain-text copy the way copy tools do: one line per block element, a "-"
line for each list item, scripts, styles, comments and hidden modals left out. Used to build text
copies of fixture and corpus pages at test time; with the checks the tests run on such copies (every
piece of a line kept somewhere, two readings alike but their warnings)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from lxml import etree
from lxml import html as lxml_html

import jnparse

_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figure", "figcaption",
                    "header", "footer", "section", "article", "main", "nav", "aside", "br", "tr", "table",
                    "blockquote", "dd", "dt", "time"})
_HIDDEN = "//script | //style | //noscript | //template | //*[@id='tpModal'] | //*[@id='consentModal']"


def render(page: bytes) -> str:
    from jnparse.loading import decode

    text, _codec = decode(page)
    root = lxml_html.document_fromstring(text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    for c in root.xpath("//comment()"):
        parent = c.getparent()
        if parent is not None:
            parent.remove(c)
    for bad in root.xpath(_HIDDEN):
        bad.drop_tree()
    out: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        t = " ".join("".join(cur).split())
        if t:
            out.append(t)
        cur.clear()

    stack: list[tuple[etree._Element, bool]] = [(root.find("body"), False)]
    while stack:
        el, done = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if done:
            if tag in _BLOCK:
                flush()
            if el.tail:
                cur.append(el.tail)
            continue
        if tag in _BLOCK:
            flush()
        if tag == "li":
            out.append("-")
        if el.text:
            cur.append(el.text)
        stack.append((el, True))
        stack.extend((c, False) for c in reversed(el))
    flush()
    return "\n".join(out)


def kept_texts(a: jnparse.Article, *, description: bool = False) -> list[str]:
    """Every text an Article keeps, in a fixed order: its fields (the description too when asked), body,
    images and discarded blocks. Where each line of a copy must be found."""
    parts = [a.title or "", a.section or "", a.kicker or ""]
    parts += [a.description or ""] if description else []
    parts += [a.date_text or "", a.byline.raw if a.byline else "", a.dateline.raw if a.dateline else ""]
    parts += [b.text for b in a.body]
    for im in a.images:
        parts += [im.caption or "", im.credit or ""]
    for d in a.discarded:
        parts += [d.heading or "", d.text or "", *(i.title for i in d.items)]
    return parts


def assert_every_piece_kept(text: str, copy: jnparse.Article, separators: str = r"[:|/()©=]+",
                            clean: Callable[[str], str] = str.strip) -> None:
    """Each piece of each line of ``text`` (split at ``separators``; a line's dateline taken off first) is
    somewhere in what ``copy``, the Article read from it, keeps."""
    blob = " ".join(" ".join(kept_texts(copy)).split())
    dateline = copy.dateline.raw.strip() if copy.dateline else ""
    for line in text.split("\n"):
        rest = line[len(dateline):] if dateline and line.startswith(dateline) else line
        for piece in re.split(separators, rest):
            assert " ".join(clean(piece).split()) in blob, f"{piece!r} of {line!r} is nowhere in the Article"


def page_and_copy(html: bytes, *, fetched: dt.datetime | None = None
                  ) -> tuple[jnparse.Article, str, jnparse.Article]:
    """The page read from ``html``, its rendered copy, and that copy read under the page's address (both read
    against ``fetched``)."""
    page = jnparse.parse(html, fetched=fetched)
    text = render(html)
    return page, text, jnparse.parse_text(text, url=page.url, fetched=fetched)


def assert_reads_alike(copy: jnparse.Article, page: jnparse.Article, *fields: str) -> None:
    """The copy gives the page's ``fields`` and the page's authors."""
    assert {f: getattr(copy, f) for f in fields} == {f: getattr(page, f) for f in fields}
    assert (copy.byline.authors if copy.byline else ()) == (page.byline.authors if page.byline else ())


def without_warnings(a: jnparse.Article) -> dict[str, object]:
    """``a.to_dict()`` but its warnings: the fields two readings of one page should share."""
    d = a.to_dict()
    d.pop("warnings")
    return d
