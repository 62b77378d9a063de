"""Japan time: every date and time format the sites print, read into aware datetimes.

A time printed with no zone on a Japanese site is Japan time: ``parse_jst`` gives it ``+09:00``.
Each printed format is a row of :data:`FORMATS` with a reader and a writer, so the tests can
check that writing a datetime and reading it back gives the same minute.

Relative forms ("Today 06:40 pm JST", "2 hours ago - 20:13") and forms without a year
("Mar. 18 04:01 pm JST") need a reference time: the moment the page was fetched.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable
from typing import Final

import attrs

JST: Final = dt.timezone(dt.timedelta(hours=9), "JST")

MONTHS: Final[dict[str, int]] = {}
for _i, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    start=1,
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December")
_ABBR = tuple(m[:3] for m in _FULL)
# AP style: Jan. Feb. Aug. Sept. Oct. Nov. Dec. with a period; March-July spelled out
_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_SP = r"[\s\u2002\u2003\u00a0]+"  # en/em/no-break spaces are printed too
_Z = r"(?:JST|Japan\s+Standard\s+Time|\(JST\))"


def _month(name: str) -> int:
    m = MONTHS.get(name.lower().rstrip("."))
    if m is None:
        raise ValueError(f"not a month: {name!r}")
    return m


def _hour12(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    pm = ampm.lower().startswith("p")  # "pm", "p.m."
    if not 1 <= hour <= 12:
        raise ValueError(f"hour {hour} with {ampm}")
    return (hour % 12) + (12 if pm else 0)


def to_jst(value: dt.datetime) -> dt.datetime:
    """Attach Japan time to a naive datetime, convert an aware one to Japan time."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=JST)
    return value.astimezone(JST)


def from_epoch(value: float | int | str) -> dt.datetime:
    """Epoch seconds or milliseconds (NHK's ``updated_at``, Nikkei's ``createdDate``) in Japan time."""
    v = float(value)
    if v > 1e11:  # milliseconds
        v /= 1000.0
    return dt.datetime.fromtimestamp(v, JST)


_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:(?:T|\s+)(?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<f>\d{1,9}))?)?"
    r"\s*(?P<z>Z|[+-]\d\d:?\d\d)?)?$"
)


def parse_iso(text: str) -> dt.datetime | None:
    """ISO 8601 with or without an offset (``2024-10-13T17:41:00+09:00``, ``2018-03-19 18:40``)."""
    t = text.strip()
    m = _ISO.match(t)
    if not m:
        if len(t) < 40 and t[:4].isdigit() and t[4:5] == "-":
            try:  # rarer forms: offsets with seconds, as Python itself writes them
                return to_jst(dt.datetime.fromisoformat(t))
            except ValueError:
                return None
        return None
    g = m.groupdict()
    try:
        tz: dt.tzinfo = JST
        z = g["z"]
        if z == "Z":
            tz = dt.timezone.utc
        elif z:
            sign = -1 if z[0] == "-" else 1
            hh, mm = int(z[1:3]), int(z[-2:])
            tz = JST if (sign, hh, mm) == (1, 9, 0) else dt.timezone(sign * dt.timedelta(hours=hh, minutes=mm))
        micro = int((g["f"] or "0")[:6].ljust(6, "0"))
        value = dt.datetime(int(g["y"]), int(g["mo"]), int(g["d"]), int(g["h"] or 0), int(g["mi"] or 0),
                            int(g["s"] or 0), micro, tzinfo=tz)
    except (ValueError, OverflowError):
        return None
    return value if tz is JST else value.astimezone(JST)


@attrs.frozen
class DateFormat:
    """One printed form: a regular expression that reads it and a function that writes it."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[dict[str, str], dt.datetime | None], dt.datetime]
    write: Callable[[dt.datetime], str]
    needs_reference: bool = False
    example: str = ""


def _ymdhm(g: dict[str, str], hour: int | None = None) -> dt.datetime:
    h = int(g["h"]) if hour is None else hour
    return dt.datetime(int(g["y"]), _month(g["mon"]), int(g["d"]), h, int(g["mi"]), tzinfo=JST)


def _no_year(g: dict[str, str], ref: dt.datetime | None) -> dt.datetime:
    if ref is None:
        raise LookupError("needs a reference time")
    ref = to_jst(ref)
    hour = _hour12(int(g["h"]), g.get("ampm"))
    month, day = _month(g["mon"]), int(g["d"])
    cand = dt.datetime(ref.year, month, day, hour, int(g["mi"]), tzinfo=JST)
    if cand > ref + dt.timedelta(days=1):  # "Dec. 31" read in early January
        cand = cand.replace(year=ref.year - 1)
    return cand


def _relative(g: dict[str, str], ref: dt.datetime | None) -> dt.datetime:
    if ref is None:
        raise LookupError("needs a reference time")
    ref = to_jst(ref)
    hour = _hour12(int(g["h"]), g.get("ampm"))
    minute = int(g["mi"])
    word = (g.get("rel") or "").lower()
    if word == "yesterday":
        target = ref - dt.timedelta(days=1)
    elif g.get("n"):
        n, unit = int(g["n"]), g["unit"].lower()
        target = ref - {"min": dt.timedelta(minutes=n), "hou": dt.timedelta(hours=n),
                        "day": dt.timedelta(days=n)}[unit[:3]]
    else:
        target = ref
    # the printed clock time is exact; the relative words only say which day: take the nearest
    base = dt.datetime(target.year, target.month, target.day, hour, minute, tzinfo=JST)
    candidates = (base - dt.timedelta(days=1), base, base + dt.timedelta(days=1))
    return min(candidates, key=lambda c: abs(c - target))


def _w_jn(d: dt.datetime) -> str:
    return f"{d:%H:%M} JST,\u2002{_FULL[d.month - 1]} {d.day}, {d.year}"


FORMATS: tuple[DateFormat, ...] = (
    DateFormat(
        "japannews",  # 17:41 JST, October 13, 2024 (en space after the comma)
        re.compile(rf"(?P<h>\d{{1,2}}):(?P<mi>\d\d)\s*{_Z},?{_SP}{_MON}\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})"),
        lambda g, _r: _ymdhm(g),
        _w_jn,
        example="17:41 JST,\u2002October 13, 2024",
    ),
    DateFormat(
        "asahi",  # May 21, 2025 at 18:51 JST
        re.compile(
            rf"{_MON}\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}}),?\s+at\s+(?P<h>\d{{1,2}}):(?P<mi>\d\d)"
            rf"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*{_Z})?",
            re.IGNORECASE,
        ),
        lambda g, _r: _ymdhm(g, _hour12(int(g["h"]), g.get("ampm"))),
        lambda d: f"{_FULL[d.month - 1]} {d.day}, {d.year} at {d:%H:%M} JST",
        example="May 21, 2025 at 18:51 JST",
    ),
    DateFormat(
        "kyodo",  # KYODO NEWS - Apr 8, 2022 - 13:11
        re.compile(rf"{_MON}\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})\s+[-–—]\s+(?P<h>\d{{1,2}}):(?P<mi>\d\d)"),
        lambda g, _r: _ymdhm(g),
        lambda d: f"{_ABBR[d.month - 1]} {d.day}, {d.year} - {d:%H:%M}",
        example="Apr 8, 2022 - 13:11",
    ),
    DateFormat(
        "month-day-year-time",  # August 22, 2025 10:01 JST (Nikkei Asia); also 12-hour forms
        re.compile(
            rf"{_MON}\s+(?P<d>\d{{1,2}}),?\s*(?P<y>\d{{4}}),?\s+(?P<h>\d{{1,2}}):(?P<mi>\d\d)"
            rf"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*{_Z})?",
            re.IGNORECASE,
        ),
        lambda g, _r: _ymdhm(g, _hour12(int(g["h"]), g.get("ampm"))),
        lambda d: f"{_FULL[d.month - 1]} {d.day}, {d.year} {d:%H:%M} JST",
        example="August 22, 2025 10:01 JST",
    ),
    DateFormat(
        "day-month-year-time",  # 27 May 2022 10:01 JST
        re.compile(rf"(?P<d>\d{{1,2}})\s+{_MON},?\s+(?P<y>\d{{4}}),?\s+(?P<h>\d{{1,2}}):(?P<mi>\d\d)(?:\s*{_Z})?"),
        lambda g, _r: _ymdhm(g),
        lambda d: f"{d.day} {_FULL[d.month - 1]} {d.year} {d:%H:%M} JST",
        example="27 May 2022 10:01 JST",
    ),
    DateFormat(
        "slash",  # 2026/04/22-14:30 (Jiji, LOW), 2026/04/22 14:30
        re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})[-\s]+(?P<h>\d{1,2}):(?P<mi>\d\d)"),
        lambda g, _r: dt.datetime(int(g["y"]), int(g["m"]), int(g["d"]), int(g["h"]), int(g["mi"]), tzinfo=JST),
        lambda d: f"{d:%Y/%m/%d-%H:%M}",
        example="2026/04/22-14:30",
    ),
    DateFormat(
        "japantoday",  # Mar. 18 04:01 pm JST (no year)
        re.compile(
            rf"{_MON}\s+(?P<d>\d{{1,2}})\s+(?P<h>\d{{1,2}}):(?P<mi>\d\d)\s*(?P<ampm>[ap]m)(?:\s*{_Z})?",
            re.IGNORECASE,
        ),
        _no_year,
        lambda d: f"{_AP[d.month - 1]} {d.day} {d:%I:%M} {'am' if d.hour < 12 else 'pm'} JST",
        needs_reference=True,
        example="Mar. 18 04:01 pm JST",
    ),
    DateFormat(
        "relative",  # Today 06:40 pm JST; 2 hours ago - 20:13
        re.compile(
            r"(?:(?P<rel>today|yesterday)|(?P<n>\d{1,3})\s+(?P<unit>minutes?|mins?|hours?|days?)\s+ago)"
            r"[\s\-–—]*(?P<h>\d{1,2}):(?P<mi>\d\d)(?:\s*(?P<ampm>[ap]m))?(?:\s*JST)?",
            re.IGNORECASE,
        ),
        _relative,
        lambda d: f"Today {d:%I:%M} {'am' if d.hour < 12 else 'pm'} JST",
        needs_reference=True,
        example="Today 06:40 pm JST",
    ),
)

_DATE_ONLY = (
    re.compile(rf"^{_MON}\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})$"),  # Feb 18, 2020 / October 7, 2019
    re.compile(rf"^(?P<d>\d{{1,2}})\s+{_MON}\s+(?P<y>\d{{4}})$"),  # 27 May 2022
)


def parse_date_only(text: str) -> dt.datetime | None:
    """A printed date without a time (``Feb 18, 2020``), as midnight Japan time."""
    t = " ".join(text.split())
    for rx in _DATE_ONLY:
        m = rx.match(t)
        if m:
            try:
                return dt.datetime(int(m["y"]), _month(m["mon"]), int(m["d"]), tzinfo=JST)
            except ValueError:
                return None
    return None


class NeedsReference(LookupError):
    """The printed time is relative or has no year and no reference time was given."""


#: an RFC 2822 date ("Sun, 13 Oct 2024 08:41:47 GMT", "13 Oct 2024 08:41 +0000")
_RFC2822 = re.compile(r"^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d\d(?::\d\d)?\s+"
                      r"(?:[+-]\d{4}|[A-Z]{1,4})$")
#: zones other than Japan's that a printed time may name, by their offset in minutes (CST and IST are left out:
#: China's or the US Central, India's or Ireland's, no page tells)
_ZONE_MINUTES = {"GMT": 0, "UTC": 0, "UT": 0, "EST": -300, "EDT": -240, "MST": -420, "MDT": -360, "PST": -480,
                 "PDT": -420, "BST": 60, "CET": 60, "CEST": 120, "KST": 540, "HKT": 480, "SGT": 480,
                 "AEST": 600, "AEDT": 660}
#: how far from a time's end its zone may start: the longest name, in parentheses, after some white space
_ZONE_TAIL = max(map(len, _ZONE_MINUTES)) + 8
_OTHER_ZONE = re.compile(r"\s*\(?\b(" + "|".join(_ZONE_MINUTES) + r")\)?\s*$", re.IGNORECASE)


def parse_jst(text: str | None, *, reference: dt.datetime | None = None) -> dt.datetime | None:
    """Read a printed or structured time into an aware datetime in Japan time.

    Returns ``None`` when ``text`` holds no time jnparse knows. Raises :class:`NeedsReference` when it
    holds a relative or year-less time and ``reference`` (when the page was fetched) is missing.
    """
    if not text:
        return None
    t = text.strip()
    if len(t) > 300:
        t = t[:300]
    iso = parse_iso(t)
    if iso is not None:
        return iso
    if t.isdigit() and 9 <= len(t) <= 13:
        return from_epoch(t)
    if _RFC2822.match(t):  # "Sun, 13 Oct 2024 08:41:47 GMT" (feeds, HTTP headers, some meta tags)
        try:
            value = email.utils.parsedate_to_datetime(t)
        except (TypeError, ValueError, IndexError):
            value = None
        if value is not None:
            return value.replace(tzinfo=JST) if value.tzinfo is None else value.astimezone(JST)
    # the zone ends the text: only a text ending in a letter or ")" may name one, and only its tail is searched
    # (the pattern's leading white space would be tried at every position of the text: ~8 us a date)
    zone = _OTHER_ZONE.search(t, max(0, len(t) - _ZONE_TAIL)) if t[-1:].isalpha() or t[-1:] == ")" else None
    if zone is not None and zone.start() > 0:  # "Oct 13, 2024 5:41 PM EDT": read the time, then its zone
        local = parse_jst(t[: zone.start()], reference=reference)
        if local is None:
            return None
        offset = dt.timezone(dt.timedelta(minutes=_ZONE_MINUTES[zone.group(1).upper()]))
        return local.replace(tzinfo=offset).astimezone(JST)
    pending: NeedsReference | None = None
    for fmt in FORMATS:
        m = fmt.pattern.search(t)
        if not m:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        try:
            return fmt.build(groups, reference)
        except LookupError:
            pending = NeedsReference(f"{t!r} is relative or has no year: pass the time the page was fetched")
        except ValueError:
            continue
    if pending is not None:
        raise pending
    return parse_date_only(t)


def format_jst(value: dt.datetime, name: str) -> str:
    """Write ``value`` in the printed form called ``name`` (a row of :data:`FORMATS`)."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt.write(to_jst(value))
    raise KeyError(name)


__all__ = [
    "FORMATS",
    "JST",
    "DateFormat",
    "NeedsReference",
    "format_jst",
    "from_epoch",
    "parse_date_only",
    "parse_iso",
    "parse_jst",
    "to_jst",
]
