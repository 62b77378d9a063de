from __future__ import annotations

import pytest

import jnparse
from jnparse.loading import declared_encoding, decode, load_html, repair_mojibake

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
