"""Loading: bytes or text in, one lxml tree out.

Encoding is decided in this order: a byte-order mark; ISO-2022-JP when its escapes are present;
strict UTF-8 (valid UTF-8 is a far stronger signal than a declaration); the charset the page declares
(``<meta charset>``, ``http-equiv`` or an XML declaration), checked by decoding strictly; then cp932
(Shift_JIS) and EUC-JP, scored against each other.
Mojibake (UTF-8 that was once read as GBK and saved again: ``鈥檚`` for ``’s``) is repaired when the
repair is exact and rejected otherwise. Nothing is ever decoded with ``errors="replace"``.

The parser never touches the network or the file system and never expands entities.
"""

from __future__ import annotations

import codecs
import re
import threading
import zlib

from lxml import etree

from ._text import BLOCK_BREAK, set_text
from .errors import DecodeError, InputError, InputTooLargeError

#: Default limit on the size of one input, in bytes (configurable per call).
DEFAULT_MAX_BYTES = 50_000_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-.]{2,40})""",
    re.IGNORECASE,
)
_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms932": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932", "ms_kanji": "cp932", "x-euc-jp": "euc_jp",
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "utf-8", "ascii": "utf-8",
    "utf8": "utf-8", "unicode": "utf-8",
}
# Japanese text that decodes "successfully" in the wrong codec shows these: half-width katakana and
# private-use or rare symbols. A right guess shows hiragana, katakana and common punctuation.
_GOOD = re.compile(r"[\u3040-\u30ff\u3000-\u303f\uff01-\uff5e]")
_BAD = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\u2460-\u24ff\u0080-\u009f]")


def declared_encoding(head: bytes) -> str | None:
    """The charset a page declares in its first bytes, normalised to a Python codec name."""
    m = _DECLARED.search(head)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore").strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _score(text: str) -> int:
    return len(_GOOD.findall(text)) - 4 * len(_BAD.findall(text))


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes: ``(text, codec used)``. Raises :class:`DecodeError` when no codec fits."""
    if encoding:
        text = _try(data, encoding)
        if text is None:
            raise DecodeError(f"the bytes are not valid {encoding}, the encoding given")
        return text, codecs.lookup(encoding).name
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], codec)
            if text is None:
                raise DecodeError(f"the page starts with a {codec} byte-order mark but is not valid {codec}")
            return text, codec
    if b"\x00" in data[:200] and data[:200].count(b"\x00") > 20:  # UTF-16 without a BOM
        for codec in ("utf-16-le", "utf-16-be"):
            text = _try(data, codec)
            if text is not None and "<" in text[:200]:
                return text, codec
    if b"\x1b" in data and (b"\x1b$" in data or b"\x1b(" in data):
        text = _try(data, "iso2022_jp")
        if text is not None:
            return text, "iso2022_jp"
    # valid UTF-8 is a strong signal whatever the page declares: Shift_JIS or EUC-JP bytes are
    # almost never valid UTF-8, while pages that declare Shift_JIS and are UTF-8 are common
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    declared = declared_encoding(data[:4096])
    if declared and declared != "utf-8":
        text = _try(data, declared)
        if text is not None:
            return text, declared
    candidates = [(c, t) for c in ("cp932", "euc_jp") if (t := _try(data, c)) is not None]
    if len(candidates) == 1:  # Shift_JIS bytes are rarely valid EUC-JP: nothing to weigh
        codec, text = candidates[0]
        return text, codec
    if candidates:
        codec, text = max(candidates, key=lambda ct: _score(ct[1]))
        return text, codec
    what = f"declared {declared} but " if declared else ""
    raise DecodeError(f"the page {what}is not valid UTF-8, Shift_JIS (cp932), EUC-JP or ISO-2022-JP")


def repair_mojibake(text: str) -> str | None:
    """Undo UTF-8-read-as-GBK damage: the repaired text, or ``None`` when there is no such damage.

    Raises :class:`DecodeError` when the damage is there but cannot be undone exactly.
    """
    fixed = _repaired_utf8(text)
    return None if fixed is None else fixed.decode("utf-8")


_ASCII_RUN = 4096


def gb18030(text: str) -> bytes:
    """``text.encode("gb18030")``, a page's ASCII stretches encoded apart: CPython's CJK codecs take an ASCII
    character as slowly as any other (~200 µs for a 60 KB page), and a damaged page is mostly ASCII markup.
    (GB18030 keeps no state between characters: the pieces' encodings, joined, are the whole's.)"""
    if len(text) <= _ASCII_RUN:
        return text.encode("gb18030")
    return b"".join(piece.encode("ascii") if piece.isascii() else piece.encode("gb18030")
                    for piece in (text[i : i + _ASCII_RUN] for i in range(0, len(text), _ASCII_RUN)))


def _repaired_utf8(text: str) -> bytes | None:
    """:func:`repair_mojibake` as the UTF-8 bytes of the repaired text (what the parser takes): the
    damaged text's GBK bytes are those, once checked to be UTF-8."""
    marks = _mojibake_marks(text, enough=3)
    if marks == 0:
        return None
    try:
        fixed = gb18030(text)
        fixed.decode("utf-8")  # exact only when the bytes are UTF-8 throughout
    except (UnicodeEncodeError, UnicodeDecodeError):
        if marks < 3:  # a stray character that is real Chinese text, not damage
            return None
        raise DecodeError(
            "the page is mojibake (UTF-8 once read as GBK, e.g. '鈥檚' for '’s') and cannot be repaired exactly"
        ) from None
    return fixed


# -- UTF-8 once read as windows-1252 or ISO-8859-1 and saved again: "Chinaâ€™s" for "China’s" -------------
# Each byte of the UTF-8 sequence became the character windows-1252 maps it to (as browsers map it: the five
# bytes the code page leaves undefined become the C1 control of the same number). The damage is undone run by
# run: a lead character and its continuation characters, turned back into bytes, decode as one UTF-8
# character; text around them stays as it is (a page damaged in its article and right in its template).

def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


#: each damaged character → the byte it was read from: as windows-1252 reads it, and as ISO-8859-1 does (which
#: reads 0x80-0x9F as the C1 controls: what `requests` gives as `response.text` for a page whose HTTP header
#: names no charset)
_BYTE_OF = {**{chr(b): b for b in range(0x80, 0x100)}, **{_cp1252_char(b): b for b in range(0x80, 0x100)}}
_CONT = "".join(re.escape(c) for c, b in _BYTE_OF.items() if b < 0xC0)
_DOUBLE_UTF8 = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")


def repair_latin_mojibake(text: str) -> str | None:
    """Undo UTF-8-read-as-windows-1252 damage ("â€™" for "’", "Ã©" for "é", "Â " for a no-break space):
    the repaired text, or ``None`` when it holds no such damage (one stray two-character look-alike is
    taken for real text, not damage)."""
    # the damage's lead characters (U+00C2 … U+00F4) are "\xc3…" in UTF-8: one memchr over the encoded text
    # spares the regex (slow over text that is not ASCII) on every undamaged copy
    if text.isascii() or b"\xc3" not in text.encode("utf-8", "surrogatepass"):
        return None
    if "\ufffd" in text:
        # a decode with errors="replace" lost the byte windows-1252 leaves undefined: after "â€" (E2 80) it
        # was 9D, 81, 8D, 8F or 90, and of "”   ‍ ‏ ‐" a story prints the closing quote, all but always
        text = text.replace("â€\ufffd", "â€\x9d")
    if _DOUBLE_UTF8.search(text) is None:
        return None
    repaired = 0
    long_runs = 0

    def undo(m: re.Match[str]) -> str:
        nonlocal repaired, long_runs
        try:
            char = bytes(_BYTE_OF[c] for c in m.group()).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return m.group()
        repaired += 1
        long_runs += len(m.group()) > 2
        return char

    fixed = _DOUBLE_UTF8.sub(undo, text)
    return fixed if long_runs or repaired >= 2 else None


def _mojibake_marks(text: str, *, enough: int) -> int:
    """How many markers of UTF-8 read as GBK ``text`` holds, counted up to ``enough``: 鈥 (which starts
    ’ “ ” – — …) before a CJK or private-use character, 聽 (a no-break space), and 銆 (、。) or 锛 before a
    CJK character. What ``len(re.findall(r"鈥[\u3400-\u9fff\ue000-\uf8ff]|聽|銆[\u3400-\u9fff]|锛[\u3400-\u9fff]",
    text))`` counts, at a small fraction of a regex pass over a long page: the lead characters are found with
    ``str.find``, then read left to right as the regex does (a marker consumes the character after it)."""
    found: list[int] = []
    for lead in _MARK_LEADS:
        i = text.find(lead)
        while i >= 0:
            found.append(i)
            i = text.find(lead, i + 1)
    marks = 0
    free = 0  # the first position no earlier marker consumed
    for i in sorted(found):
        if i < free:
            continue
        if text[i] == "聽":
            free = i + 1
        elif i + 1 < len(text) and ("\u3400" <= text[i + 1] <= "\u9fff"
                                    or (text[i] == "鈥" and "\ue000" <= text[i + 1] <= "\uf8ff")):
            free = i + 2
        else:
            continue
        marks += 1
        if marks >= enough:
            break
    return marks


_MARK_LEADS = ("鈥", "聽", "銆", "锛")


_local = threading.local()


def _parser() -> etree.HTMLParser:
    p: etree.HTMLParser | None = getattr(_local, "parser", None)
    if p is None:
        p = etree.HTMLParser(
            encoding="utf-8",
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            default_doctype=False,
            # no id index: ~12% of the parse; extractors find ids in their own single pass
            collect_ids=False,
        )
        _local.parser = p
    return p


def to_utf8(
    source: str | bytes | bytearray | memoryview,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[bytes, str, bool]:
    """The page as UTF-8 bytes: ``(data, codec it was in, mojibake repaired)``.

    UTF-8 bytes are checked and passed on as they are (no decode and re-encode on the common path).
    """
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise InputTooLargeError(f"the input is {len(source)} bytes, over the limit of {max_bytes}")
        text, codec = decode(source, encoding=encoding)
        data = source if codec == "utf-8" and not source.startswith(codecs.BOM_UTF8) else None
    elif isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLargeError(f"the input is {len(source)} characters, over the limit of {max_bytes}")
        text, codec, data = source, "str", None
    else:
        raise InputError(f"parse() takes the page as str or bytes, not {type(source).__name__}{_how_to_pass(source)}")
    if _BLANK.fullmatch(text):
        raise InputError("the input is empty")
    repaired = _repaired_utf8(text)
    if repaired is not None:
        return repaired, codec, True
    # (only in UTF-8 input: damaged UTF-8 stays valid UTF-8, and is never decoded as Shift_JIS)
    unlatined = repair_latin_mojibake(text) if codec in ("utf-8", "str") else None
    if unlatined is not None:
        return unlatined.encode("utf-8", "surrogatepass"), codec, True
    if data is None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as e:  # lone surrogates in a str
            raise DecodeError(f"the text holds characters that are not valid Unicode: {e.reason}") from None
    return data, codec, False


def _how_to_pass(source: object) -> str:
    """How to hand over what was passed in place of a page's HTML, for the common slips."""
    if isinstance(source, (etree._Element, etree._ElementTree)):
        return ": pass the page's bytes (a tree parsed already is parsed again: etree.tostring(tree) gives them)"
    if hasattr(source, "read"):
        return ": read the file first (f.read())"
    if hasattr(source, "content") and hasattr(source, "status_code"):
        return ": pass the response's bytes (response.content)"
    if hasattr(source, "body") and hasattr(source, "url"):
        return ": pass the response's bytes (response.body), with url=response.url"
    return ""


_BLANK = re.compile(r"\s*")
# libxml2 checks each attribute of a tag against the ones before it: a tag with tens of thousands of
# attributes takes minutes. Such tags are refused before parsing.
MAX_ATTRIBUTES = 2_000
_MAX_ATTRIBUTE_WORK = 4 * MAX_ATTRIBUTES**2  # a page of a few such tags, not of thousands
#: one attribute of a start tag from where the last one ended: separators ("/" too), a name, maybe a value
_ATTRIBUTE = re.compile(rb"""[\s/]*[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_START = re.compile(rb"<[A-Za-z][^\s/>]*")


def check_attributes(data: bytes) -> None:
    """Refuse a page holding a tag with more than ``MAX_ATTRIBUTES`` attributes (:class:`InputError`)."""
    _check_attributes(data)


def _check_attributes(data: bytes) -> None:
    # Such a tag is over twice MAX_ATTRIBUTES bytes long (a name and a separator an attribute, valued or not),
    # so some MAX_ATTRIBUTES-byte stretch of it holds no ">": windows are looked at with memchr (~10 us on
    # 100 KB, a sixth of counting its "="s), and only a tag around a window without ">" is read attribute by
    # attribute. (A tag whose quoted values hold a ">" every few hundred bytes is not caught.)
    step = MAX_ATTRIBUTES
    end = len(data)
    i = lo = 0
    work = 0  # the comparisons libxml2 would make over the tags read so far (a tag's attributes, squared)
    raw: _RawText | None = None
    while i + step <= end:
        if data.find(b">", i, i + step) >= 0:
            i += step
            continue
        for lt in (data.rfind(b"<", lo, i), data.rfind(b"<", i, i + step)):
            if lt >= 0:
                n = _attributes_at(data, lt)
                if n > MAX_ATTRIBUTES or work + n * n > _MAX_ATTRIBUTE_WORK:
                    raw = raw or _RawText(data)
                    if raw.holds(lt):
                        n = 0  # a "<" in a script's text ("i<n" before a long array): no tag for libxml2
                work += n * n
                if n > MAX_ATTRIBUTES:
                    raise InputError(f"a tag with over {MAX_ATTRIBUTES} attributes (the limit) was refused")
                if work > _MAX_ATTRIBUTE_WORK:
                    raise InputError(f"the page's tags hold too many attributes: several with about {n} each")
        gt = data.find(b">", i + step)
        if gt < 0:
            return
        i = lo = gt


# -- the HTML tokenizer's raw text -------------------------------------------------------------------------------
# A "<" in a comment or in the text of a raw-text element opens no tag. Shared with the site modules' cuts
# (sites.base), which read the page's bytes the way libxml2's HTML5 tokenizer (2.14) reads them.

#: elements whose content the tokenizer reads as text up to their end tag (plaintext: to the end)
RAW_TEXT = (b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes")
#: what ends a tag name: the tokenizer's white space (not \v, which Python's \s also takes), "/", ">"
NAME_END = rb"(?=[ \t\n\r\f/>])"
#: where a comment ends ("-->", and "--!>" which the tokenizer also takes)
COMMENT_END = re.compile(rb"--!?>")
#: each raw-text element's end tag, in any letter case
RAW_END_ANY = {name: re.compile(b"</" + name + NAME_END, re.IGNORECASE) for name in RAW_TEXT}
#: what starts a stretch in which "<" opens no tag: a comment, or a raw-text element's start tag
_RAW_OPENER = re.compile(rb"<!--|<(" + b"|".join((*RAW_TEXT, b"plaintext")) + rb")" + NAME_END, re.IGNORECASE)


class _RawText:
    """Whether offsets of a page, asked in increasing order, lie in a comment or a raw-text element's text (a
    script's), where "<" opens no tag: the page read from its start as the HTML tokenizer reads it, closely
    enough to decide a refusal, in one pass over the page however many offsets are asked."""

    __slots__ = ("_after", "_data", "_pos", "_stretch")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0  # where the search for the next opener goes on
        self._stretch: tuple[int, int] | None = None  # the last stretch found: its text's start and end (-1: none)
        self._after = 0  # where the tokenizer is back in data state after it

    def holds(self, at: int) -> bool:
        data = self._data
        while True:
            if self._stretch is not None:
                start, end = self._stretch
                if at < start:
                    return False  # in the opener's own tag
                if end < 0 or at < end:
                    return True
                self._stretch, self._pos = None, self._after
            m = _RAW_OPENER.search(data, self._pos, at)
            if m is None:
                self._pos = max(self._pos, at - 16)  # an opener may start just before ``at``: look there again
                return False
            name = m.group(1)
            if name is None:  # a comment: "<!-->" and "<!--->" end at once, others at "-->" or "--!>"
                if data.startswith((b">", b"->"), m.end()):
                    self._pos = data.find(b">", m.end()) + 1
                    continue
                close = COMMENT_END.search(data, m.end())
                self._stretch = (m.end(), close.start() if close is not None else -1)
                self._after = close.end() if close is not None else len(data)
                continue
            name = name.lower()
            gt = data.find(b">", m.end())
            if name == b"plaintext" or gt < 0:
                self._stretch, self._after = (gt + 1 if gt >= 0 else len(data), -1), len(data)
                continue
            found = RAW_END_ANY[name].search(data, gt + 1)
            self._stretch = (gt + 1, found.start() if found is not None else -1)
            self._after = found.end() if found is not None else len(data)


def _attributes_at(data: bytes, lt: int) -> int:
    """How many attributes the start tag at ``lt`` holds, counted up to one past the limit (0 when no start
    tag is there)."""
    m = _TAG_START.match(data, lt)
    if m is None:
        return 0
    pos = m.end()
    n = 0
    while n <= MAX_ATTRIBUTES:
        a = _ATTRIBUTE.match(data, pos)
        if a is None or a.end() == pos:
            break
        n += 1
        pos = a.end()
    return n


class NotUTF8(Exception):
    """Internal: bytes handed to the parser as UTF-8 were not (the caller decodes them properly)."""


# UTF-8 of characters that mark mojibake (鈥 聽 銆 锛): such pages take the careful path
_MOJIBAKE_BYTES = ("鈥".encode(), "聽".encode(), "銆".encode(), "锛".encode())
_NONBLANK = re.compile(rb"\S")


def _may_be_mojibake(data: bytes) -> bool:
    """True when the bytes hold a mojibake marker (or too many candidates to look at cheaply).

    Three-byte needles are slow to search for (~80 us a needle on 100 KB); their lead bytes are found
    with memchr and the candidates checked one by one."""
    seen = 0
    for lead in (b"\xe9", b"\xe8"):
        i = data.find(lead)
        while i >= 0:
            if data[i : i + 3] in _MOJIBAKE_BYTES:
                return True
            seen += 1
            if seen > 500:  # a page full of CJK text: let the careful path decide
                return True
            i = data.find(lead, i + 1)
    # UTF-8 read as windows-1252: "â€", "Ã", "Â" (rare in an English page undamaged: its accented letters
    # are few); the careful path tells damage from a real "â"
    i = data.find(b"\xc3")
    while i >= 0:
        if data[i + 1 : i + 2] in (b"\xa2", b"\x83", b"\x82"):
            return True
        seen += 1
        if seen > 500:
            return True
        i = data.find(b"\xc3", i + 1)
    return False


def gunzipped(source: object, max_bytes: int) -> object:
    """``source`` itself, or, when it is gzip data (a saved ``.html.gz``, a response body never decoded), the
    page it holds; :class:`InputTooLargeError` past ``max_bytes`` of page (a small file may hold a huge one),
    :class:`DecodeError` when the data is damaged."""
    if not isinstance(source, bytes) or not source.startswith(b"\x1f\x8b"):
        return source
    out = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing
    try:
        page = out.decompress(source, max_bytes + 1)
    except zlib.error as e:
        raise DecodeError(f"the input is gzip data that cannot be read: {e}") from None
    if len(page) > max_bytes:
        raise InputTooLargeError(f"the gzip input holds more than {max_bytes} bytes")
    if not page and not out.eof:  # cut short before a byte of the page (a part is read, and warned truncated)
        raise DecodeError("the input is gzip data cut short or damaged before any of the page")
    return page


def mhtml_page(source: object) -> tuple[bytes, str | None, str | None] | None:
    """The page an MHTML archive holds (a browser's "Save as… single file"): its HTML part's bytes, that
    part's charset and its address (``Content-Location``); ``None`` when ``source`` is no MHTML archive.
    Told from its first lines, at no cost to a page."""
    if isinstance(source, str):
        head = source[:1024]
        if "multipart/related" not in head.lower():
            return None
        data = source.encode("utf-8", "surrogateescape")
    elif isinstance(source, bytes):
        if b"multipart/related" not in source[:1024].lower():
            return None
        data = source
    else:
        return None
    first = data.lstrip()[:20].lower()
    if not first.startswith((b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:", b"snapshot-")):
        return None  # a page that only mentions the type
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
                charset = part.get_content_charset()
                try:
                    codecs.lookup(charset or "")
                except LookupError:  # a charset no codec reads: the page's bytes tell
                    charset = None
                return payload, charset, str(location) if location else None
    raise InputError("the MHTML archive holds no HTML page")


def quick_utf8(source: object, *, encoding: str | None, max_bytes: int) -> bytes | None:
    """Bytes that can go to libxml2 as UTF-8 without being decoded in Python first, or ``None`` when
    the careful path (:func:`to_utf8`) is needed. The parse itself checks they are valid UTF-8
    (:func:`parse_bytes` with ``check_utf8``); decoding 100 KB only to validate it costs ~10% of a parse."""
    if encoding is not None or not isinstance(source, bytes) or len(source) > max_bytes:
        return None
    head = source[:4]
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in source[:200]:
        return None
    if b"\x1b" in source or (not source.isascii() and _may_be_mojibake(source)):
        return None
    if _NONBLANK.search(source) is None:
        return None
    return source


def parse_bytes(data: bytes, *, check_utf8: bool = False, check_attributes: bool = True) -> etree._Element:
    """Parse UTF-8 page bytes into a tree (no network, no entity expansion, comments dropped).

    With ``check_utf8``, raises :class:`NotUTF8` when libxml2 met bytes that are not UTF-8.
    ``check_attributes=False`` when the caller has checked the page these bytes were cut from
    (:func:`check_attributes`).
    """
    if check_attributes:
        _check_attributes(data)
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as e:
        raise InputError(f"the input could not be read as HTML: {e}") from None
    if check_utf8 and len(parser.error_log) and any(
        e.type == etree.ErrorTypes.ERR_INVALID_ENCODING for e in parser.error_log
    ):
        raise NotUTF8
    if root is None:
        raise InputError("the input holds no HTML elements")
    if next(root.iter(*_MENDED), None) is not None:  # (one look for both, in C: most pages hold neither)
        close_void_elements(root)
        drop_ruby_readings(root)
    mark_line_breaks(root)
    return root


#: HTML's empty elements that libxml2's HTML parser does not know (HTML5's): written with no end tag, as HTML allows
#: ("<embed src=…>", "<wbr>"), each holds in its tree what follows it, to its parent's end
VOID_UNKNOWN_TO_LIBXML2 = ("embed", "source", "track", "wbr")


#: What holds a ``<source>`` or a ``<track>``
_MEDIA = frozenset({"picture", "video", "audio"})
#: What the parse mends in the tree: the empty elements libxml2 does not know, and ruby readings
_MENDED = (*VOID_UNKNOWN_TO_LIBXML2, "rt", "rp")


def close_void_elements(root: etree._Element) -> None:
    """Give back to its parent what each of :data:`VOID_UNKNOWN_TO_LIBXML2` holds in the tree: "<div><embed src=x>
    <p>Otters</p></div>" reads as a browser shows it, the paragraph after the embed, not inside it (where a reader
    that reads no text in an embed, or trafilatura, lost the rest of the story). A look for one first, in C: most
    pages hold none."""
    if next(root.iter(*VOID_UNKNOWN_TO_LIBXML2), None) is None:
        return
    for el in list(root.iter(*VOID_UNKNOWN_TO_LIBXML2)):
        if el.text is None and not len(el):
            continue
        parent = el.getparent()
        if el.tag in ("source", "track") and parent is not None and parent.tag in _MEDIA:
            continue  # (what it holds is the picture's or the video's all the same: their end tag closes it)
        text, children, tail = el.text, list(el), el.tail
        el.text = None
        set_text(el, text, tail=True)
        for child in reversed(children):  # (each moves with its tail)
            el.addnext(child)
        last = children[-1] if children else el
        if tail:
            set_text(last, (last.tail or "") + tail, tail=True)


#: The white space of a page's source, which a browser does not show at the ends of a ruby's base
_SOURCE_SPACE = " \t\r\n\f"


def drop_ruby_readings(root: etree._Element) -> None:
    """Remove ruby readings ("目<rt>め</rt>" reads "目"; "東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp>" reads "東京"), in
    C, so that every reader reads a ruby's base alone, as the generic reader always has ("東京とうきょう" is no
    word). A look for one first (~2 µs on a page): most pages hold none.

    The white space a pretty-printed page puts between a ruby's base and its readings (``<ruby>痴漢`` ⏎
    ``<rp>（</rp>`` ⏎ ``<rt>ちかん</rt>``…) goes with them: a browser shows none there, so "(痴漢)" must not
    read "(痴漢 )". Once the readings are gone it is at the ends of the ruby's own text (or of the tails of
    base elements left in it); a look at each ruby's text is cheaper than one at each reading's tail."""
    if next(root.iter("rt", "rp"), None) is None:
        return
    etree.strip_elements(root, "rt", "rp", with_tail=False)
    for node in root.iter("ruby"):
        text = node.text
        if text is not None and (text[0] in _SOURCE_SPACE or text[-1] in _SOURCE_SPACE):
            set_text(node, text.strip(_SOURCE_SPACE) or None)
        if not len(node):
            continue
        for base in node:  # (<rb> elements, rare)
            tail = base.tail
            if tail is not None and (tail[0] in _SOURCE_SPACE or tail[-1] in _SOURCE_SPACE):
                set_text(base, tail.strip(_SOURCE_SPACE) or None, tail=True)


def mark_line_breaks(root: etree._Element, tag: str = "br") -> None:
    """Write a :data:`BLOCK_BREAK` where each ``<br>`` stands, so every reader's text keeps the words on its two
    sides apart ("line one<br>line two" reads "line one line two", not "line oneline two"): lxml's text
    serialiser writes nothing for an element without text. One pass over the tree, in C but for the few
    ``<br>`` a page holds. ``tag``: the line break's name in another vocabulary (trafilatura's ``<lb/>``).

    Two breaks in a row (a blank line between two texts, as a browser shows it) end one paragraph and start
    another, as a text copy of the page shows them. Inside a ``<p>`` the ``<p>`` is split in two there
    (:func:`_split_paragraph`); anywhere else (bare text in a ``<div>``, as older pages write their stories) the
    second becomes an empty ``<div>`` (:data:`PARAGRAPH_BREAK`), which every reader's walk takes for the end of a
    run of text and reads no text in."""
    doubled: list[etree._Element] = []
    for br in root.iter(tag):
        marked = BLOCK_BREAK + (br.tail or "")
        try:
            br.tail = marked
        except ValueError:  # a damaged page's text may hold control characters lxml will not write back
            set_text(br, marked, tail=True)
        before = br.getprevious()
        if before is not None and before.tag == tag and (not before.tail or before.tail.isspace()):
            doubled.append(br)
    for second in reversed(doubled):  # the last first: what each split moves holds no pair still to split
        parent = second.getparent()
        if parent is not None and parent.tag == "p":
            _split_paragraph(second, tag)
        elif parent is not None:
            second.tag = PARAGRAPH_BREAK


#: What the second of two line breaks in a row becomes outside a ``<p>`` (:func:`mark_line_breaks`): an empty
#: block element, which ends a run of bare text in every story walk
PARAGRAPH_BREAK = "div"


def _split_paragraph(second: etree._Element, tag: str) -> None:
    """Split the ``<p>`` whose child ``second`` is the second of two line breaks in a row: what follows the pair
    goes to a new ``<p>`` right after it (its attributes but the id), and the pair goes. Nothing is done when
    the pair stands in another element, or at the paragraph's start or end (no text on one side)."""
    first = second.getprevious()
    paragraph = second.getparent()
    if first is None or first.tag != tag or paragraph is None or paragraph.tag != "p":
        return  # (a break of a pair already split, or a pair in a span, a div, a list item)
    after = (second.tail or "").lstrip()
    if not (after or second.getnext() is not None):
        return
    if not (first.getprevious() is not None or (paragraph.text and not paragraph.text.isspace())):
        return
    rest = paragraph.makeelement("p")
    for name, value in paragraph.attrib.items():
        if name != "id":
            try:  # noqa: SIM105
                rest.set(name, value)
            except ValueError:  # a damaged page's attribute (a control character in its name) lxml will not write
                pass
    set_text(rest, after or None)  # (a control character lxml will not write: a space)
    set_text(rest, paragraph.tail, tail=True)
    for moved in list(second.itersiblings()):
        rest.append(moved)  # (with its tail)
    paragraph.tail = None
    paragraph.remove(second)
    paragraph.remove(first)  # (its tail: the white space between the two)
    paragraph.addnext(rest)


#: Codecs that map byte 0x5C to a backslash (as browsers do) where the page means the yen sign of JIS X 0201,
#: which Japanese fonts draw in its place: a Shift_JIS or EUC-JP page's "¥40,000" decodes as "\40,000".
YEN_CODECS = frozenset({"cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
                        "euc_jisx0213"})
_BACKSLASHED = etree.XPath("//text()[contains(., '\\')] | //meta/@content[contains(., '\\')]")
_YEN_AMOUNT = re.compile(r"\\(?=\s?\d)")


def restore_yen_signs(root: etree._Element) -> None:
    """In a page decoded from Shift_JIS or EUC-JP (:data:`YEN_CODECS`), put back the yen sign where a
    backslash stands before an amount ("\\40,000" → "¥40,000"): in text, in meta tags' content and in
    JSON-LD (where a backslash before a digit is no valid escape), never in scripts or styles."""
    for found in _BACKSLASHED(root):
        if not isinstance(found, etree._ElementUnicodeResult):
            continue
        el = found.getparent()
        if el is None or _YEN_AMOUNT.search(found) is None:
            continue
        fixed = _YEN_AMOUNT.sub("¥", found)
        if found.is_attribute:
            try:  # noqa: SIM105
                el.set("content", fixed)
            except ValueError:  # a value holding control characters, which libxml2 keeps and lxml will not set
                pass
        elif found.is_tail:
            set_text(el, fixed, tail=True)
        elif el.tag not in ("script", "style") or "ld+json" in (el.get("type") or ""):
            set_text(el, fixed)


def load_html(
    source: str | bytes | bytearray | memoryview,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[etree._Element, str, bool, bytes]:
    """Parse a page: ``(root element, codec, repaired_mojibake, the page as UTF-8 bytes)``."""
    data, codec, repaired = to_utf8(source, encoding=encoding, max_bytes=max_bytes)
    return parse_bytes(data), codec, repaired, data


def parse_fragment(markup: str) -> etree._Element | None:
    """An HTML fragment (a JSON document's ``body`` or ``articleBody``) as a ``<div>`` element, parsed
    with the same safe settings as pages; ``None`` when it holds no markup."""
    if not markup or not markup.strip():
        return None
    data = f"<html><body><div>{markup}</div></body></html>".encode("utf-8", "surrogatepass")
    try:
        root = parse_bytes(data)
    except InputError:
        return None
    body = root.find("body")
    return body[0] if body is not None and len(body) else None
