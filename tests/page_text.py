"""Render an HTML page as a plain-text copy the way copy tools do: one line per block element, a "-"
line for each list item, scripts, styles, comments and hidden modals left out. Used to build text
copies of fixture and corpus pages at test time."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

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
