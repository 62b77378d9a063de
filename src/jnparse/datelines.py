"""Datelines: the place (and agency) a story opens with, cut from its first paragraph.

Every dash style the sites print is read: ``BRUSSELS (Jiji Press) — ``, ``TOKYO (Kyodo) -- ``,
``KOBE – ``, ``FUKUSHIMA--``, ``Tokyo, Jan. 21 (Jiji Press)--``, ``SEOUL, April 8 (Yonhap) -- ``,
``KAHRAMANMARAS/ANTAKYA, Turkey, Feb 8 (Reuters) – ``, ``SHIZUOKA, Japan - ``, ``(Bloomberg) -- ``.
"""

from __future__ import annotations

import re

from .agencies import canonical_agency
from .model import Dateline

# a long dash with or without spaces; a single hyphen only with a space on each side
_DASH = r"(?:\s?(?:--|—|–|―|－)\s?|\s[-‐]\s)"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|"
    r"August|September|October|November|December)\.?"
)
# A place: words in capitals or title case, with / . ' ’ - and spaces; further parts after commas
# ("SHIZUOKA, Japan", "Mito, Ibaraki Pref.", "KAHRAMANMARAS/ANTAKYA, Turkey"). Bounded lengths keep
# the expression linear on hostile input.
_WORD = r"[A-Z](?:[A-Za-z.'’]|-(?=[A-Za-z])){0,30}"
_PART = rf"{_WORD}(?:[ /]{_WORD}){{0,5}}"
_PLACE = rf"{_PART}(?:, (?!{_MONTH} \d){_PART}){{0,3}}"
_UPPER_WORD = r"[A-Z](?:[A-Z.'’]|-(?=[A-Z])){1,30}"
_UPPER_PART = rf"{_UPPER_WORD}(?:[ /]{_UPPER_WORD}){{0,5}}"
_UPPER_PLACE = rf"{_UPPER_PART}(?:, {_PART}){{0,3}}"

# "PLACE[, Mon D] (Agency) —"
_WITH_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE})?,?\s?(?:(?P<date>{_MONTH}\s\d{{1,2}})\s?)?"
    rf"\((?P<agency>[A-Za-z][A-Za-z .&=/\-]{{1,40}})\){_DASH}"
)
# "PLACE —" with the first word in capitals (own-staff datelines carry no agency)
_PLAIN = re.compile(rf"^(?P<place>{_UPPER_PLACE}){_DASH}(?=\S)")
# "Place (Jiji Press)" has been seen with no date; title-case places need an agency to be trusted.

_NOT_PLACES = frozenset({
    "UPDATE", "EXCLUSIVE", "BREAKING NEWS", "EDITORIAL", "PHOTO", "VIDEO", "FOCUS", "ANALYSIS", "INTERVIEW",
    "OPINION", "NOTE", "CORRECTION", "LDP", "CDPJ", "DPP", "JIP", "BOJ", "NHK", "TEPCO", "JR", "US", "U.S.", "UK",
    "U.K.", "EU", "UN", "U.N.", "NATO", "ASEAN", "IMF", "WHO", "SDF", "GDP", "PM", "AI", "IT", "CEO", "JAPAN NEWS",
})
_STARTS_SENTENCE = re.compile(r"[A-Z0-9\"“‘'(\[¥$€£]")


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Cut a dateline off the start of ``paragraph``: ``(Dateline | None, rest of the paragraph)``.

    ``Dateline.raw`` is the exact text cut, trailing dash and space included, so
    ``dateline.raw + rest == paragraph``.
    """
    head = paragraph[:200]
    m = _WITH_AGENCY.match(head)
    if m:
        agency_text = m.group("agency")
        agency = canonical_agency(agency_text)
        place = (m.group("place") or "").strip().rstrip(",").strip()
        if agency is not None or (place and place.split()[0].isupper()):
            raw = m.group(0)
            rest = paragraph[len(raw) :]
            if rest.strip():
                return Dateline(raw=raw, place=place or None, agency=agency), rest
    m = _PLAIN.match(head)
    if m:
        place = m.group("place").strip()
        raw = m.group(0)
        rest = paragraph[len(raw) :]
        if place not in _NOT_PLACES and _STARTS_SENTENCE.match(rest):
            return Dateline(raw=raw, place=place, agency=None), rest
    return None, paragraph


__all__ = ["split_dateline"]
