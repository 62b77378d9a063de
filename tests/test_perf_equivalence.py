"""The fast paths give what the plain code they replace gives."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jnparse import prompts
from jnparse.loading import parse_bytes
from jnparse.sites import japantimes
from jnparse.sites.base import find_bytes, prune_between

# a small alphabet, so that needles occur, recur and overlap
_BYTES = st.binary(max_size=60).map(lambda b: bytes(b"aU+ <"[x % 5] for x in b))


@settings(max_examples=500)
@given(data=_BYTES, needle=_BYTES.filter(bool), start=st.integers(0, 70), at=st.integers(-1, 10),
       limit=st.integers(0, 4))
def test_find_bytes_is_bytes_find(data: bytes, needle: bytes, start: int, at: int, limit: int) -> None:
    at = at % len(needle) if at >= 0 else -1  # -1: no rare byte given
    assert find_bytes(data, needle, start, at=at, limit=limit) == data.find(needle, start)


@settings(max_examples=300)
@given(data=st.lists(st.sampled_from([b"U", b"Unable", b" ", b"\n", b"to", b"view", b"x"]), max_size=80).map(b"".join))
def test_unable_gate_is_the_regex(data: bytes) -> None:
    assert japantimes._has_unable(data) == bool(re.search(rb"Unable\s+to\s+view", data))


def _old_prune(data: bytes) -> bytes | None:
    body = data.find(b"<body")
    if body < 0:
        return None
    main = data.find(b'<div class="main"', body)
    if main < 0:
        return None
    end = data.rfind(b"<footer", main)
    if end < 0:
        end = len(data)
    if any(data.find(mark, end) >= 0 for mark, _at in japantimes._PRUNE_PROBES):  # (each by a plain find)
        return None
    lead = b""
    wrapper = data.rfind(b'<div id="wrapper"', body, main)
    if wrapper >= 0:
        menu = data.find(b'<nav id="menu"', wrapper, main)
        lead = data[wrapper:menu] if menu >= 0 else data[wrapper:main]
    if end == len(data):
        return data[:body] + b"<body>" + lead + data[main:]
    # a cut before the footer is marked, for the extractor to tell one that fell inside the story
    return japantimes._CUT_2013.join(data, body, main, end, lead=lead, note="footer")


_PIECES = [b"<head></head>", b"<body>", b'<div id="wrapper">', b'<nav id="menu">', b'<div class="main">', b"<p>x</p>",
           b"<footer>", b"ld+json", b"tpModal", b"piano-recommend", b"Unable to view", b"U", b"M", b"+"]


@settings(max_examples=500)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=14))
def test_prune_is_the_plain_slicing(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert japantimes.prune(data) == _old_prune(data)
    got = prune_between(data, (b'<div class="main"',), (b"<footer",))
    body = data.find(b"<body")
    start = data.find(b'<div class="main"', body) if body >= 0 else -1
    if body < 0 or start < 0:
        assert got is None
    else:
        end = data.rfind(b"<footer", start)
        assert got == data[:body] + b"<body>" + (data[start:end] if end > start else data[start:])


_PAGE = b"""<html><head><title>t</title></head><body><div class="main"><article role="main">
<div id="jtarticle" class="x"><p>One.</p></div><div class="jt-related-stories other">r</div>
<div class="subscribe-box byline">s</div><div id="taboola-below" class="">t</div>
<div class="jt-article-details article-body">d</div><div class="article-body">b</div>
</article><aside class="sidebar"><div class="bl_sideDiv">side</div></aside></div></body></html>"""


def test_scan_same_with_a_warm_class_cache() -> None:
    def summary() -> tuple[object, ...]:
        parts = japantimes._scan(parse_bytes(_PAGE))
        return (
            [(e.get("id"), e.get("class")) for e in parts.outside],
            [e.get("class") for e in parts.sidebar],
            *(None if e is None else e.get("class") for e in (parts.cur_details, parts.cur_body, parts.cur_byline,
                                                              parts.jtarticle)),
        )

    japantimes._DIV_CLASSES.clear()
    cold = summary()
    assert japantimes._DIV_CLASSES  # filled by the first pass
    assert summary() == cold
    assert cold == (
        [(None, "jt-related-stories other"), (None, "subscribe-box byline"), ("taboola-below", "")],
        ["bl_sideDiv"],
        "jt-article-details article-body", "article-body", "subscribe-box byline", "x",
    )


# addresses built from the pieces that decide how urlsplit reads a host
_URL_PIECES = st.lists(st.sampled_from([
    "https://", "http://", "HTTP://", "ftp://", "//", "www.", "japantimes", "co", ".", "jp", "JP", "-", ":8080", ":",
    "@", "user", "/", "?q=1", "#f", "[::1]", "\t", " ", "%20", "https://web.archive.org/web/2024/", "x",
]), max_size=10).map("".join)


@settings(max_examples=500)
@given(url=_URL_PIECES)
def test_site_for_url_fast_host_is_urlsplit(url: str) -> None:
    from urllib.parse import urlsplit

    from jnparse import detect
    from jnparse.sites import for_host

    def plain(u: str) -> object:  # the code before the fast path
        u = u.strip()
        inner = detect._EMBEDDED_URL.match(u)
        if inner is not None:
            u = inner.group(1)
        try:
            host = urlsplit(u).hostname
        except ValueError:
            return None
        return for_host(host) if host else None

    assert detect.site_for_url(url) == plain(url)


@settings(max_examples=300)
@given(title=st.lists(st.sampled_from(["Headline", " - ", " | ", " ｜ ", "The Japan Times", "Japan Today", "NHK",
                                        "The Japan News", "Kyodo News", "x", " "]), max_size=6).map("".join))
def test_title_table_is_endswith_per_site(title: str) -> None:
    from jnparse.sites import TITLE_SEPARATORS, sites, titled

    expected = next((s for s in sites() if title.endswith(
        tuple(sep + n for n in s.names for sep in TITLE_SEPARATORS))), None)
    assert titled(title) is expected


_MOJIBAKE = re.compile(r"鈥[\u3400-\u9fff\ue000-\uf8ff]|聽|銆[\u3400-\u9fff]|锛[\u3400-\u9fff]")


@settings(max_examples=500)
@given(text=st.lists(st.sampled_from(["鈥", "聽", "銆", "锛", "檚", "\ue001", "a", "’", "一", "\u33ff"]), max_size=12)
       .map("".join), enough=st.integers(1, 5))
def test_mojibake_marks_is_the_regex_count(text: str, enough: int) -> None:
    from jnparse.loading import _mojibake_marks

    assert _mojibake_marks(text, enough=enough) == min(len(_MOJIBAKE.findall(text)), enough)


def _segment_breaks_transformed(text: str) -> str:
    """CSS Text 3's segment break transformation, written out: each run of spaces and tabs holding a line break
    goes when a wide character (or a zero-width space) stands on both sides (on either side), and stays
    otherwise (a space once squashed)."""
    from jnparse._text import WIDE

    wide = re.compile(f"[{WIDE}]")

    def run(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if "\u200b" in (before, after) or (before and after and wide.match(before) and wide.match(after)):
            return ""
        return m.group(0)

    return re.sub(r"[ \t]*[\r\n][ \t\r\n]*", run, text)


@settings(max_examples=2000)
@given(text=st.one_of(
    st.text(),
    st.lists(st.sampled_from(["a", "Tokyo", " ", "  ", "\n", "\t", "\xa0", "\u3000", "\u200b", "\ufeff", "\u2028",
                              "\xad", "\x1c", "\x85", "\u202f", "é", "東京", "’", "\r\n", "。", "（", "한", "ｶ",
                              "\n  "]),
             max_size=12).map("".join),
))
def test_squash_fast_path_is_the_split_join(text: str) -> None:
    from jnparse._text import _ZERO_WIDTH, squash

    assert squash(text) == " ".join(_ZERO_WIDTH.sub("", _segment_breaks_transformed(text)).split())


def test_a_line_break_between_japanese_characters_is_no_space() -> None:
    from jnparse._text import squash

    assert squash("犯人を\n    確保する。") == "犯人を確保する。"
    assert squash("東京\r\n（とうきょう）") == "東京（とうきょう）"
    assert squash("Chikan (痴漢\n) in Tokyo\nand 大阪 \n Osaka") == "Chikan (痴漢 ) in Tokyo and 大阪 Osaka"
    assert squash("서울\n부산") == "서울 부산"  # Hangul is spaced by words: the break stays a space
    assert squash("東京 大阪") == "東京 大阪"  # a space the page writes is a space
    assert squash("zero\u200b\nwidth") == "zerowidth"
    assert squash("inter\xadnational co\xadoperation") == "international cooperation"  # soft hyphens (&shy;)


def test_the_wide_characters_are_those_of_east_asian_width_f_w_or_h_but_hangul() -> None:
    """Checked over every code point of this Python's Unicode: the class holds no other character, and holds
    every kana, CJK ideograph, CJK symbol and fullwidth or halfwidth form."""
    import sys
    import unicodedata

    from jnparse._text import WIDE

    wide = re.compile(f"[{WIDE}]")
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    held = [c for c in chars if wide.match(c)]
    assert [c for c in held if unicodedata.east_asian_width(c) not in "FWH" or "HANGUL" in unicodedata.name(c, "")
            ] == []
    japanese = [c for c in chars if unicodedata.name(c, "").startswith(("HIRAGANA", "KATAKANA", "CJK UNIFIED",
                                                                         "CJK COMPATIBILITY IDEOGRAPH", "IDEOGRAPHIC",
                                                                         "FULLWIDTH", "HALFWIDTH KATAKANA"))]
    assert len(japanese) > 90_000
    assert [c for c in japanese if not wide.match(c) and unicodedata.east_asian_width(c) in "FWH"] == []


def test_no_printable_character_but_the_space_is_white_space_or_zero_width() -> None:
    """What squash's fast path rests on, checked over every code point of this Python's Unicode."""
    import sys

    from jnparse._text import _ZERO_WIDTH

    printable_space = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and c != " "
                       and (not c.split() or _ZERO_WIDTH.match(c))]
    assert printable_space == []


_TOKENS = ["<p>", "</p>", "<!--", "-->", "<!-- c -->", "<!-->", "<SCRIPT>", "</script>", "</SCRIPT >",
           "<script>a<!--<script>", "<Title>", "</TITLE>", "<textarea>", "</Textarea>", "<plaintext>", "<H2>",
           "<meta x>", "<Article>", "<article>", "<figure>", "</BODY>", "</html>", "<p title='a>b'>", "<xmp>",
           "</xmp>", "<style>", "</Style>", "<h6>", "<articles>", "text ", "<", ">", "\n"]


@given(st.lists(st.sampled_from(_TOKENS), max_size=14).map("".join))
@settings(max_examples=300)
def test_tag_finder_in_any_case_reads_the_bytes_as_lower_cased(markup: str) -> None:
    """TagFinder(any_case=True) on a page's own bytes finds what TagFinder finds on them lower-cased."""
    from jnparse.sites.base import TagFinder

    data = markup.encode()
    for names in ((b"h2", b"meta", b"figure", b"article", b"/body", b"/html"), ()):
        assert TagFinder(*names, any_case=True).find(data, 0, len(data)) == \
            TagFinder(*names).find(data.lower(), 0, len(data))


_NAME_PIECES = st.sampled_from([
    "Takeo", "Maeda", "and", "/", "Yomiuri", "Shimbun", "Staff", "Writers", "writer!", "staff_writer", "Special",
    "To", "special\tto", "Associated", "Press", "AP", "A.P.", "Kyodo", "kyodo_news", "Ōe", "ſtaff", "Daily", "©",
    "2024", "___", "x", "-", ",", " ", "  ",
])


@settings(max_examples=500)
@given(pieces=st.lists(_NAME_PIECES, max_size=8), extra=st.text(max_size=6))
def test_affiliation_words_by_set_are_the_regex(pieces: list[str], extra: str) -> None:
    from jnparse import bylines

    text = " ".join(pieces) + extra
    assert bylines._has_affiliation_word(text) == (bylines._AFFILIATION_WORDS.search(text) is not None)


@settings(max_examples=500)
@given(pieces=st.lists(st.sampled_from(["Oct 13, 2024", "5:41 PM", "EDT", "(GMT)", "gmt", " ", "\t", "(AEDT)",
                                        "UTC)", "x", "JST", "(", ")", "CEST"]), min_size=1, max_size=6))
def test_a_zone_is_found_at_the_end_of_a_time_whatever_its_length(pieces: list[str]) -> None:
    from jnparse import dates

    text = " ".join(pieces).strip()
    whole = dates._OTHER_ZONE.search(text)
    try:
        expected = dates.parse_jst(text[: whole.start()]) if whole is not None and whole.start() > 0 else None
    except dates.NeedsReference:
        return
    if expected is not None and whole is not None:  # read in its zone, then in Japan time
        offset = dates._ZONE_MINUTES[whole.group(1).upper()]
        got = dates.parse_jst(text)
        assert got is not None and got.utcoffset() == dates.JST.utcoffset(None)
        assert got == expected.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))


@settings(max_examples=1000)
@given(number=st.integers(0, 200_000), zeros=st.integers(0, 3), hexa=st.booleans(),
       end=st.sampled_from([";", "", "x", "9"]))
def test_the_name_character_reference_check_is_the_plain_one(number: int, zeros: int, hexa: bool, end: str) -> None:
    # the check's lookahead passes over long references; what it finds must be what the plain pattern finds:
    # a reference to a character from "-" to "z", however many zeros lead it
    from jnparse.page import _name_char_ref_in

    digits = "0" * zeros + (format(number, "x") if hexa else str(number))
    text = f"a &#{'x' if hexa else ''}{digits}{end} b".encode()
    plain = re.search(rb"&#(?:[xX]0*([0-9a-fA-F]+)(?![0-9a-fA-F])|0*([0-9]+)(?![0-9]))", text)
    assert plain is not None
    read = int(plain.group(1), 16) if plain.group(1) else int(plain.group(2))
    assert _name_char_ref_in(text) == (45 <= read <= 122)


@settings(max_examples=300)
@given(pieces=st.lists(st.sampled_from(["<div class=\"x\">", "鈥檚", "聽", " text ", "銆", "\n", "a" * 3000,
                                        "中文" * 700, "\u20ac", "é"]), max_size=12))
def test_the_gb18030_encoding_in_pieces_is_the_whole_encoding(pieces: list[str]) -> None:
    from jnparse.loading import gb18030

    text = "".join(pieces)
    assert gb18030(text) == text.encode("gb18030")


@settings(max_examples=500)
@given(st.one_of(st.from_regex(prompts._PAYWALL, fullmatch=True), st.from_regex(prompts._AD, fullmatch=True)))
def test_every_prompt_line_passes_the_quick_look_at_its_start(line: str) -> None:
    """without_prompts tries its patterns only on lines _CANDIDATE lets through: it must let every one through."""
    assert prompts._CANDIDATE.match(line)
