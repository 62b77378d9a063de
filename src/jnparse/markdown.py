"""Text copies written as Markdown: what html2text, markdownify, trafilatura's Markdown output and Jina
Reader give for a page. Each line is turned back into the visible text it stands for (a heading's words, a
link's text, a quotation's sentence), so that the site readers, which know a copy's lines, read it as the
copy a browser gives; images, rules and link targets are markup, not text.

Only a text that reads as Markdown is touched: two marks at the least (a ``#`` heading, a ``[link](…)``, an
``![image](…)``, ``**bold**``), or a reader's header (``Title:`` … ``Markdown Content:``). A plain copy's
lines ("-" bullets, a hashtag) are left as they are.
"""

from __future__ import annotations

import re

#: Jina Reader's header: "Title: …", "URL Source: …", "Published Time: …", then "Markdown Content:"
_READER_FIELD = re.compile(r"^(Title|URL Source|Published Time|Description|Warning|Markdown Content):[ \t]*(.*)$")
# Every pattern below runs in time linear in the line (a copy is input like any other): no part of one can
# match the characters that end it ("[" or "]" inside a link's text, "*" inside emphasis), so a line of
# openers with no closer is read once, not once per opener.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]+\S")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_LIST = re.compile(r"^[ \t]*[*+-][ \t]+")
_STRONG = re.compile(r"\*\*([^\s*](?:[^*\n]*[^\s*])?)\*\*|__([^\s_](?:[^_\n]*[^\s_])?)__")
_EMPHASIS = re.compile(r"(?<![\w*])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])"
                       r"|(?<![\w_])_([^\s_](?:[^_\n]*[^\s_])?)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_SHELTER = 0xF0000  # escaped ASCII characters stand as these (a private-use plane) while the marks are read
_ESCAPED_BACK = re.compile("[\U000F0000-\U000F007F]")
#: the marks that tell a Markdown copy
_MARKS = re.compile(r"(?m)^ {0,3}#{1,6}[ \t]+\S|!?\[[^\[\]\n]+\]\((?:https?:|/|\.|#)|\*\*[^\s*][^*\n]*\*\*")


def from_markdown(text: str) -> tuple[str, str | None] | None:
    """``(the copy's visible text, the address a reader's header names)`` when ``text`` reads as Markdown,
    else ``None``."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    start = 0
    for i, line in enumerate(lines[:12]):
        m = _READER_FIELD.match(line.strip())
        if m is None:
            if line.strip():
                break
            continue
        header[m.group(1)] = m.group(2).strip()
        start = i + 1
        if m.group(1) == "Markdown Content":
            break
    is_reader = "Markdown Content" in header and ("Title" in header or "URL Source" in header)
    if not is_reader and len(_MARKS.findall(text, 0, 200_000)) < 2:
        return None
    if is_reader:
        lines = lines[start:]
    else:
        header = {}
    out = [_plain(line) for line in lines]
    title = header.get("Title")
    if title and next((line for line in out if line), None) != title:
        out.insert(0, title)  # the page's title, unless the content opens with it (its headline)
    return "\n".join(out), header.get("URL Source") or None


def _plain(line: str) -> str:
    """One Markdown line as the text it stands for ("" for a line of markup alone)."""
    if _RULE.match(line) or _REF_DEFINITION.match(line):
        return ""
    # an escaped character ("\\*", "\\_", "1\\.") is text: sheltered from the marks' patterns until the end
    line = _ESCAPE.sub(lambda m: chr(_SHELTER + ord(m.group(1))), line)
    quote = _QUOTE.match(line)
    if quote is not None:
        line = line[quote.end():]
    bullet = ""
    listed = _LIST.match(line)
    if listed is not None:
        bullet, line = "• ", line[listed.end():]  # as a browser shows a list item
    heading = _HEADING.match(line)
    if heading is not None:
        line = line[heading.end():].rstrip(" \t")
        closed = line.rstrip("#")  # a closing run of "#"s after a space ("## Title ##")
        if closed != line and (not closed or closed[-1] in " \t"):
            line = closed
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m.group(1) or m.group(2), line)
    line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    line = _CODE.sub(r"\1", line)
    line = _ESCAPED_BACK.sub(lambda m: chr(ord(m.group()) - _SHELTER), line).strip()
    if not line:
        return ""
    return bullet + line
