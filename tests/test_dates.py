from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jnparse.dates import FORMATS, JST, NeedsReference, format_jst, from_epoch, parse_date_only, parse_iso, parse_jst


def jst(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=JST)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("13:11 JST, April 8, 2022", jst(2022, 4, 8, 13, 11)),
        ("17:41 JST,\u2002October 13, 2024", jst(2024, 10, 13, 17, 41)),
        ("17:41 JST,&ensp;October 13, 2024".replace("&ensp;", "\u2002"), jst(2024, 10, 13, 17, 41)),
        ("9:05 JST, Sept. 1, 2023", jst(2023, 9, 1, 9, 5)),
        ("2024-10-13T17:41:00+09:00", jst(2024, 10, 13, 17, 41)),
        ("2024-10-13T17:41:47+09:00", jst(2024, 10, 13, 17, 41, 47)),
        ("2024-10-13T08:41:00Z", jst(2024, 10, 13, 17, 41)),
        ("2024-10-13T04:41:00-04:00", jst(2024, 10, 13, 17, 41)),
        ("2025-01-14T21:17:27+0900", jst(2025, 1, 14, 21, 17, 27)),
        ("2018-03-19 18:40", jst(2018, 3, 19, 18, 40)),
        ("2025-01-14 21:17:27", jst(2025, 1, 14, 21, 17, 27)),
        ("May 21, 2025 at 18:51 JST", jst(2025, 5, 21, 18, 51)),
        ("August 22, 2025 10:01 JST", jst(2025, 8, 22, 10, 1)),
        ("KYODO NEWS - Apr 8, 2022 - 13:11 | All, World", jst(2022, 4, 8, 13, 11)),
        ("27 May 2022 10:01 JST", jst(2022, 5, 27, 10, 1)),
        ("2026/04/22-14:30", jst(2026, 4, 22, 14, 30)),
        ("Feb 18, 2020", jst(2020, 2, 18)),
        ("1700000000000", dt.datetime(2023, 11, 15, 7, 13, 20, tzinfo=JST)),
    ],
)
def test_printed_and_structured_forms(text: str, want: dt.datetime) -> None:
    got = parse_jst(text)
    assert got == want
    assert got is not None and got.utcoffset() == dt.timedelta(hours=9)


def test_year_less_and_relative_forms_need_a_reference() -> None:
    with pytest.raises(NeedsReference):
        parse_jst("Mar. 18 04:01 pm JST")
    with pytest.raises(NeedsReference):
        parse_jst("Today 06:40 pm JST")
    ref = jst(2024, 3, 19, 20, 0)
    assert parse_jst("Mar. 18 04:01 pm JST", reference=ref) == jst(2024, 3, 18, 16, 1)
    assert parse_jst("Today 06:40 pm JST", reference=ref) == jst(2024, 3, 19, 18, 40)
    assert parse_jst("Yesterday 11:15 pm JST", reference=ref) == jst(2024, 3, 18, 23, 15)
    assert parse_jst("KYODO NEWS - 2 hours ago - 18:02 | All", reference=ref) == jst(2024, 3, 19, 18, 2)
    # a year-less date after the fetch time belongs to the year before
    assert parse_jst("Dec. 31 11:00 pm JST", reference=jst(2025, 1, 2, 9, 0)) == jst(2024, 12, 31, 23, 0)


@pytest.mark.parametrize("spaced", ["2020-02-08 11:00", "2020-02-08  11:00", "2020-02-08\t11:00",
                                    "2020-02-08 \n 11:00"])
def test_iso_date_and_time_apart_by_any_white_space(spaced: str) -> None:
    # a datetime attribute whose space a template doubled, or wrapped onto a new line
    assert parse_iso(spaced) == parse_jst(spaced) == dt.datetime(2020, 2, 8, 11, 0, tzinfo=JST)


def test_not_a_time() -> None:
    assert parse_jst("") is None
    assert parse_jst(None) is None
    assert parse_jst("Prime Minister Shigeru Ishiba said") is None
    assert parse_iso("2024-13-45") is None
    assert parse_date_only("Smarch 3, 2020") is None
    assert from_epoch(1700000000) == from_epoch(1700000000000)


_instants = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=JST)
)


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
@given(value=_instants)
def test_every_format_round_trips(fmt: str, value: dt.datetime) -> None:
    """Writing a time in a site's printed form and reading it back gives the same minute, in +09:00."""
    text = format_jst(value, fmt)
    reference = value + dt.timedelta(minutes=30)
    got = parse_jst(text, reference=reference)
    assert got == value, text
    assert got is not None and got.utcoffset() == dt.timedelta(hours=9)


@given(st.datetimes(timezones=st.timezones()))
def test_iso_with_any_offset_lands_in_japan_time(value: dt.datetime) -> None:
    text = value.isoformat()
    got = parse_jst(text)
    assert got is not None and got.utcoffset() == dt.timedelta(hours=9)
    assert got == dt.datetime.fromisoformat(text)  # the instant the string names (zone gaps make value ambiguous)


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    try:
        got = parse_jst(text, reference=jst(2024, 1, 1, 12, 0))
    except NeedsReference:  # pragma: no cover - the reference is given
        raise
    assert got is None or got.utcoffset() == dt.timedelta(hours=9)


@pytest.mark.parametrize(
    ("text", "jst"),
    [("Sun, 13 Oct 2024 08:41:47 GMT", (2024, 10, 13, 17, 41, 47)),  # RFC 2822: feeds, HTTP headers
     ("13 Oct 2024 08:41 +0000", (2024, 10, 13, 17, 41, 0)),
     ("Sun, 13 Oct 2024 17:41:47 +0900", (2024, 10, 13, 17, 41, 47)),
     ("Oct 13, 2024 5:41PM EDT", (2024, 10, 14, 6, 41, 0)),  # a wire's US time: the next morning in Tokyo
     ("October 13, 2024 08:41 UTC", (2024, 10, 13, 17, 41, 0)),
     ("13 October 2024 09:41 (BST)", (2024, 10, 13, 17, 41, 0))],
)
def test_a_time_in_another_zone_is_read_in_japan_time(text: str, jst: tuple[int, ...]) -> None:
    assert parse_jst(text) == dt.datetime(*jst, tzinfo=JST)
