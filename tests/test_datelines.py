from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jnparse.datelines import split_dateline


@pytest.mark.parametrize(
    ("para", "raw", "place", "agency"),
    [
        ("BRUSSELS (Jiji Press) — The ministers met.", "BRUSSELS (Jiji Press) — ", "BRUSSELS", "Jiji Press"),
        ("TOKYO (Kyodo) -- The court ruled.", "TOKYO (Kyodo) -- ", "TOKYO", "Kyodo"),
        ("KOBE – A total of 12 boxes.", "KOBE – ", "KOBE", None),
        ("FUKUSHIMA--The plant operator said.", "FUKUSHIMA--", "FUKUSHIMA", None),
        ("Tokyo, Jan. 21 (Jiji Press)--The cabinet decided.", "Tokyo, Jan. 21 (Jiji Press)--", "Tokyo", "Jiji Press"),
        ("SEOUL, April 8 (Yonhap) -- North Korea fired.", "SEOUL, April 8 (Yonhap) -- ", "SEOUL", "Yonhap"),
        ("KAHRAMANMARAS/ANTAKYA, Turkey, Feb 8 (Reuters) – Rescuers dug.",
         "KAHRAMANMARAS/ANTAKYA, Turkey, Feb 8 (Reuters) – ", "KAHRAMANMARAS/ANTAKYA, Turkey", "Reuters"),
        ("SHIZUOKA, Japan - A fire broke out.", "SHIZUOKA, Japan - ", "SHIZUOKA, Japan", None),
        ("BERLIN/WASHINGTON - Talks resumed.", "BERLIN/WASHINGTON - ", "BERLIN/WASHINGTON", None),
        ("Mito, Ibaraki Pref., Sept. 3 (Jiji Press)--A dam.", "Mito, Ibaraki Pref., Sept. 3 (Jiji Press)--",
         "Mito, Ibaraki Pref.", "Jiji Press"),
        ("Wakayama (Jiji Press)—The town of.", "Wakayama (Jiji Press)—", "Wakayama", "Jiji Press"),
        ("ICHINOSEKI, Iwate Prefecture--A man.", "ICHINOSEKI, Iwate Prefecture--", "ICHINOSEKI, Iwate Prefecture",
         None),
        ("TOKYO (AP) — Officials said.", "TOKYO (AP) — ", "TOKYO", "AP"),
        ("(Bloomberg) -- Stocks fell.", "(Bloomberg) -- ", None, "Bloomberg"),
        ("BEIJING, April 8 (Xinhua) -- China said.", "BEIJING, April 8 (Xinhua) -- ", "BEIJING", "Xinhua"),
    ],
)
def test_dash_zoo(para: str, raw: str, place: str | None, agency: str | None) -> None:
    dateline, rest = split_dateline(para)
    assert dateline is not None
    assert (dateline.raw, dateline.place, dateline.agency) == (raw, place, agency)
    assert dateline.raw + rest == para


@pytest.mark.parametrize(
    "para",
    [
        "Prime Minister Shigeru Ishiba demonstrated his commitment.",
        "The LDP - which lost seats - met.",
        "LDP - the party said.",
        "U.S. - Japan ties are strong.",
        "TOKYO-BASED firms grew.",
        "“We will win,” he said — loudly.",
        "2024 - a year of change.",
        "",
    ],
)
def test_not_datelines(para: str) -> None:
    dateline, rest = split_dateline(para)
    assert dateline is None
    assert rest == para


@given(st.text(max_size=400))
def test_split_is_lossless(para: str) -> None:
    dateline, rest = split_dateline(para)
    assert (dateline.raw if dateline else "") + rest == para
