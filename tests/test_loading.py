from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jnparse
from jnparse.loading import (
    YEN_CODECS,
    declared_encoding,
    decode,
    load_html,
    repair_latin_mojibake,
    repair_mojibake,
    restore_yen_signs,
)

PAGE = "<html><head>{meta}<title>t</title></head><body><p>日本語の「テキスト」です。It’s “fine”.</p></body></html>"
TEXT = "日本語の「テキスト」です。It’s “fine”."


def _body_text(data: bytes | str) -> str:
    root, _codec, _rep, _src = load_html(data)
    return "".join(root.find("body").itertext())


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PAGE.format(meta="").encode("utf-8"), "utf-8"),
        (PAGE.format(meta="").encode("utf-16"), "utf-16-le"),
        (PAGE.format(meta='<meta charset="utf-8">').replace("’", "'").replace("“", '"').replace("”", '"')
         .encode("cp932"), "cp932"),  # declares UTF-8 but is Shift_JIS
        (PAGE.format(meta="").replace("’", "'").replace("“", '"').replace("”", '"').encode("cp932"), "cp932"),
        (PAGE.format(meta="").replace("’", "'").replace("“", '"').replace("”", '"').encode("euc_jp"), "euc_jp"),
        (PAGE.format(meta="").replace("’", "'").replace("“", '"').replace("”", '"').encode("iso2022_jp"),
         "iso2022_jp"),
    ],
)
def test_encodings_decode_right(data: bytes, codec: str) -> None:
    text, used = decode(data)
    assert used == codec
    assert "日本語の「テキスト」です。" in text
    assert "日本語の「テキスト」です。" in _body_text(data)


def test_declared_charset_is_read() -> None:
    assert declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">') == "cp932"
    assert declared_encoding(b'<meta charset="EUC-JP">') == "euc_jp"
    assert declared_encoding(b"<p>no charset</p>") is None


def test_undecodable_bytes_raise_decode_error() -> None:
    with pytest.raises(jnparse.DecodeError):
        decode(b"<p>\xff\xfe\xfd\x80\x81\x82\x83</p>" * 3 + b"\xf0\x28\x8c\x28")


CLEAN = "Tokyo’s mayor’s office said.\u00a0Japan’s plan"


def test_mojibake_is_repaired_exactly_or_rejected() -> None:
    damaged = CLEAN.encode("utf-8").decode("gb18030")
    assert damaged == "Tokyo鈥檚 mayor鈥檚 office said.聽Japan鈥檚 plan"
    assert repair_mojibake(damaged) == CLEAN
    assert repair_mojibake(CLEAN) is None
    broken = damaged + " ½ €" * 3  # damage beside characters that a GBK round trip cannot give back
    with pytest.raises(jnparse.DecodeError):
        repair_mojibake(broken)
    page = f"<html><body><p>{damaged}</p></body></html>".encode()
    assert _body_text(page) == CLEAN


def test_size_limit_and_wrong_types() -> None:
    with pytest.raises(jnparse.InputTooLargeError):
        load_html(b"<p>x</p>" * 100, max_bytes=50)
    with pytest.raises(jnparse.InputError):
        load_html(b"   \n  ")
    with pytest.raises(jnparse.InputError):
        jnparse.parse(12345)  # type: ignore[arg-type]
    with pytest.raises(jnparse.InputError):
        jnparse.parse_text(b"bytes")  # type: ignore[arg-type]


def test_no_entity_expansion_and_no_network(tmp_path: object) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p>'
        '<p><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;</p></body></html>'
    )
    text = _body_text(laughs.encode())
    assert "lollol" not in text
    assert "root:" not in text


_YEN_PAGE = (
    '<html><head><meta property="og:title" content="Ferry fares rise to ¥1,200">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise to ¥1,200"}</script>'
    '<script>var amount = /\\d+/; var path = "C:\\\\2024";</script></head>'
    "<body><article><h1>Ferry fares rise to ¥1,200</h1>"
    "<p>The operator said the fare, now ¥ 1,000, will rise to <b>¥1,200</b> in April.</p>"
    "<p>A folder named a\\b stays as it is.</p><p>The word for fare is 運賃.</p></article></body></html>"
)


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp"])
def test_yen_sign_of_a_shift_jis_page_is_read_as_yen(codec: str) -> None:
    # Python's shift_jis and euc_jp write "¥" as byte 0x5C (JIS X 0201), which decodes as a backslash (cp932
    # has no "¥" to write: the corpus tests cover its pages)
    data = _YEN_PAGE.encode(codec, "xmlcharrefreplace")
    assert b"\\1,200" in data
    root, used, _, _ = load_html(data)
    assert used in YEN_CODECS
    restore_yen_signs(root)
    assert root.findtext(".//h1") == "Ferry fares rise to ¥1,200"
    p = root.find(".//p")
    assert p is not None
    assert "".join(p.itertext()) == "The operator said the fare, now ¥ 1,000, will rise to ¥1,200 in April."
    assert root.findall(".//p")[1].text == "A folder named a\\b stays as it is."
    meta = root.find(".//meta")
    assert meta is not None and meta.get("content") == "Ferry fares rise to ¥1,200"
    scripts = root.findall(".//script")
    assert '"headline": "Ferry fares rise to ¥1,200"' in (scripts[0].text or "")
    assert scripts[1].text == 'var amount = /\\d+/; var path = "C:\\\\2024";'  # scripts are left alone


def test_an_ascii_page_is_utf8_and_keeps_its_backslashes() -> None:
    # nothing tells 0x5C-for-yen in an all-ASCII page: it is read as UTF-8, backslash and all
    root, used, _, _ = load_html(b"<html><body><p>worth \\40,000</p></body></html>")
    assert used == "utf-8"
    assert root.findtext(".//p") == "worth \\40,000"


def test_yen_sign_reaches_the_article() -> None:
    a = jnparse.parse(_YEN_PAGE.encode("shift_jis"), site="generic")
    assert a.title == "Ferry fares rise to ¥1,200"
    assert ("encoding", "encoding") in {(w.field, w.code) for w in a.warnings}


def test_yen_sign_in_text_with_control_characters_is_left_as_it_is() -> None:
    # libxml2 keeps a control character in text; lxml will not set such text, so that node keeps its backslash
    page = "<html><body><p>worth \\40,000 \x01 in cash</p><p>fare ¥1,200</p><p>運賃</p></body></html>"
    a = jnparse.parse(page.encode("shift_jis"), site="generic")
    assert ("encoding", "encoding") in {(w.field, w.code) for w in a.warnings}


def as_windows_1252(text: str) -> str:
    """``text``'s UTF-8 bytes read as windows-1252, as a browser reads them (its five undefined bytes as the C1
    controls of the same number): the damage of a page or copy saved through the wrong encoding."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [("Chinaâ€™s view", "China’s view"), ("â€œQuoteâ€\x9d â€” end", "“Quote” — end"), ("Ã©tÃ© Â¥40,000", "été ¥40,000"),
     ("17:41 JST,â€‚October 13", "17:41 JST,\u2002October 13"), ("Chinaâ\x80\x99s â\x80\x9cviewâ\x80\x9d",
     "China’s “view”")],
)
def test_utf8_read_as_windows_1252_is_repaired(damaged: str, fixed: str) -> None:
    assert repair_latin_mojibake(damaged) == fixed


def test_a_closing_quote_lost_to_a_replacing_decode_is_restored() -> None:
    # text.encode().decode("cp1252", errors="replace"): the ” (E2 80 9D) loses its last byte, which windows-1252
    # leaves undefined; of the five characters it could have been, a story prints ” all but always
    damaged = "“Quote” and China’s".encode().decode("cp1252", errors="replace")
    assert damaged == "â€œQuoteâ€\ufffd and Chinaâ€™s"
    assert repair_latin_mojibake(damaged) == "“Quote” and China’s"
    assert repair_latin_mojibake("a lone \ufffd in real text") is None


@pytest.mark.parametrize("text", ["pâté and naïve", "Â£5", "café", "plain text", "€ and ™ symbols", "Ã  la carte"])
def test_real_accented_text_is_no_damage(text: str) -> None:
    assert repair_latin_mojibake(text) is None


@given(st.text(st.sampled_from("abc XYZ’“”—–…¥éü€™\u00a0\u2002、。日本"), min_size=1, max_size=60),
       st.sampled_from(["windows-1252", "iso-8859-1"]))
def test_windows_1252_damage_is_undone_exactly(text: str, read_as: str) -> None:
    # ISO-8859-1: what `requests` gives as `response.text` when the HTTP header names no charset (the bytes
    # 0x80-0x9F as C1 controls, "â\x80\x99" for "’")
    damaged = as_windows_1252(text) if read_as == "windows-1252" else text.encode("utf-8").decode("latin-1")
    wide = sum(1 for c in text if ord(c) >= 0x800)  # three UTF-8 bytes or more: never a real pair of characters
    pairs = sum(1 for c in text if 0x80 <= ord(c) < 0x800)
    if wide or pairs >= 2:
        assert repair_latin_mojibake(damaged) == text
    else:  # ASCII, or one two-byte character: "Ã©" alone is taken for real text
        assert repair_latin_mojibake(damaged) is None


def test_a_gzip_page_is_read_and_a_gzip_bomb_refused() -> None:
    import gzip

    from .conftest import FIXTURES

    page = (FIXTURES / "japannews" / "jiji-wire-dateline.html").read_bytes()
    assert jnparse.parse(gzip.compress(page)) == jnparse.parse(page)
    with pytest.raises(jnparse.InputTooLargeError):
        jnparse.parse(gzip.compress(b"<p>" + b" " * 3_000_000), max_bytes=1_000_000)  # 3 MB from ~3 KB
    with pytest.raises(jnparse.DecodeError, match="gzip"):
        jnparse.parse(gzip.compress(page)[:40] + b"\x00" * 40)


@pytest.mark.parametrize(("markup", "expected"), [
    # an embed written with no end tag (as HTML allows) held the rest of its parent in libxml2's tree
    (b"<div><p>Otters.</p><embed src='/x.swf'><p>Seals.</p>Gulls.</div>",
     b'<div><p>Otters.</p><embed src="/x.swf"/><p>Seals.</p>Gulls.</div>'),
    (b"<div>Otters<wbr>nap well.</div>", b"<div>Otters<wbr/>nap well.</div>"),
    (b"<div><source src=a><track src=b>Otters.</div>", b'<div><source src="a"/><track src="b"/>Otters.</div>'),
    # (in a picture or a video, what a source holds is theirs all the same: left as it is)
    (b"<div><video><source src=a>No video.</video>After.</div>",
     b'<div><video><source src="a">No video.</source></video>After.</div>'),
    (b"<div>Otters <embed src=x></embed> nap.</div>", b'<div>Otters <embed src="x"/> nap.</div>'),  # (closed: as is)
])
def test_html5_empty_elements_hold_nothing(markup: bytes, expected: bytes) -> None:
    from lxml import etree

    from jnparse.loading import parse_bytes

    div = parse_bytes(b"<html><body>" + markup + b"</body></html>").find("body/div")
    assert div is not None
    assert etree.tostring(div, encoding="utf-8") == expected
