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
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
#: a line of "="s: the underline of a heading (setext) when it stands right under a line of text
_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
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


_FRONT_FIELD = re.compile(r"^([A-Za-z][\w-]{0,30}):(?:[ \t]+(.*))?$")


def from_markdown(text: str) -> tuple[str, dict[str, str]] | None:
    """``(the copy's visible text, its header)`` when ``text`` reads as Markdown, else ``None``. A header is
    a reader service's (``Title:`` … ``Markdown Content:``) or YAML front matter (``---`` / ``title: …`` /
    ``url: …`` / ``date: …`` / ``---``, as trafilatura writes its metadata); of it, ``title``, ``url`` and
    ``date`` are kept (``{}`` without one). The title stands as the copy's first line."""
    lines = text.split("\n")
    header, start = _reader_header(lines)
    if header is None:
        header, start = _front_matter(lines)
    if header is None and (("](" not in text and "**" not in text and "# " not in text)
                           or len(_MARKS.findall(text, 0, 200_000)) < 2):
        return None  # (the substring tests spare a plain copy the pattern's pass)
    header = header or {}
    out = [_plain(line, lines[i - 1] if i > start else "") for i, line in enumerate(lines[start:], start)]
    title = header.get("title")
    if title and next((line for line in out if line), None) != title:
        out.insert(0, title)  # the page's title, unless the content opens with it (its headline)
    return "\n".join(out), {k: v for k, v in header.items() if v}


def _reader_header(lines: list[str]) -> tuple[dict[str, str] | None, int]:
    """A reader service's header (Jina Reader: ``Title:``, ``URL Source:``, …, ``Markdown Content:``) as
    ``({"title": …, "url": …}, the line after it)``; ``(None, 0)`` when the text has none."""
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[:12]):
        m = _READER_FIELD.match(line.strip())
        if m is None:
            if line.strip():
                return None, 0
            continue
        fields[m.group(1)] = m.group(2).strip()
        if m.group(1) == "Markdown Content":
            if "Title" not in fields and "URL Source" not in fields:
                return None, 0
            return {"title": fields.get("Title", ""), "url": fields.get("URL Source", ""),
                    "date": fields.get("Published Time", "")}, i + 1
    return None, 0


def _front_matter(lines: list[str]) -> tuple[dict[str, str] | None, int]:
    """YAML front matter ("---", then ``key: value`` lines, then "---") as ``({"title": …, "url": …}, the
    line after it)``; ``(None, 0)`` when the text opens with none."""
    if not lines or lines[0].strip() != "---":
        return None, 0
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:60], start=1):
        if line.strip() in ("---", "..."):
            if not fields:
                return None, 0
            return {key: fields.get(key, "") for key in ("title", "url", "date")}, i + 1
        m = _FRONT_FIELD.match(line.strip())
        if m is None:
            if line.strip():
                return None, 0
            continue
        value = (m.group(2) or "").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[m.group(1).lower()] = value
    return None, 0


def _plain(line: str, above: str = "") -> str:
    """One Markdown line as the text it stands for ("" for a line of markup alone); ``above``: the line before
    it (a line of "="s under text is a heading's underline, anywhere else text)."""
    if _RULE.match(line) or _REF_DEFINITION.match(line) or _TABLE_RULE.match(line) or (
            above.strip() and _UNDERLINE.match(line)):
        return ""
    # an escaped character ("\\*", "\\_", "1\\.") is text: sheltered from the marks' patterns until the end (on
    # a line that holds a character of the shelter's plane itself, unescaped at the end without that shelter)
    sheltered = _ESCAPED_BACK.search(line) is None
    if sheltered:
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
    stripped = line.strip()
    if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":  # a table's row: its cells, apart
        line = " ".join(cell.strip() for cell in stripped[1:-1].split("|") if cell.strip())
    if sheltered:
        line = _ESCAPED_BACK.sub(lambda m: chr(ord(m.group()) - _SHELTER), line).strip()
    else:
        line = _ESCAPE.sub(r"\1", line).strip()
    if not line:
        return ""
    return bullet + line
