"""Wire agencies: every credit spelling seen on the sites, mapped to one canonical name.

``canonical_agency("JIJI") == "Jiji Press"``, ``canonical_agency("© 2024 AFP") == "AFP"``,
``canonical_agency("(Kyodo) ==Kyodo") == "Kyodo"``; anything that is not an agency gives ``None``.
"""

from __future__ import annotations

import re

#: The canonical names, as documented for ``Article.agency``.
AGENCIES: tuple[str, ...] = (
    "Kyodo",
    "Jiji Press",
    "Reuters",
    "AP",
    "AFP",
    "AFP-Jiji",
    "Bloomberg",
    "Xinhua",
    "Yonhap",
    "The Washington Post",
)

# normalised spelling -> canonical name. Keys are lower case, punctuation folded to single spaces
# (see _key); "afp-jiji", "afp=jiji" and "afp - jiji" all fold to "afp jiji".
_SPELLINGS: dict[str, str] = {}
for _canon, _forms in {
    "Kyodo": ("kyodo", "kyodo news", "kyodo news agency", "kyodo news digest"),
    "Jiji Press": ("jiji", "jiji press", "jiji press ltd", "jiji press english news service"),
    "AFP-Jiji": ("afp jiji", "afp via jiji", "afp jiji press"),
    "Reuters": ("reuters", "thomson reuters", "reuters photo", "reuters news agency", "reuters breakingviews",
                "reuters graphics"),
    "AP": ("ap", "associated press", "the associated press", "ap photo", "ap news", "ap photo file"),
    "AFP": ("afp", "agence france presse", "agence france-presse", "afp photo", "afp relaxnews"),
    "Bloomberg": ("bloomberg", "bloomberg news", "bloomberg opinion"),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "Yonhap": ("yonhap", "yonhap news agency", "yonhap news"),
    "The Washington Post": ("the washington post", "washington post"),
}.items():
    for _form in _forms:
        _SPELLINGS[_form] = _canon

#: every word of every spelling: a text holding none of them names no agency (a cheap test before the look-up)
AGENCY_WORDS = frozenset(word for form in _SPELLINGS for word in form.split())

# punctuation folded to spaces; then "(c)", "copyright", "all rights reserved" and years are dropped
_FOLD = str.maketrans(dict.fromkeys('©()[]"\'“”‘’.,;:=/_|•*-', " "))
_DROP = frozenset({"c", "copyright", "all", "rights", "reserved"})


def _key(text: str) -> str:
    words = text.lower().translate(_FOLD).split()
    return " ".join(w for w in words if w not in _DROP and not (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")))


def canonical_agency(text: str | None) -> str | None:
    """The canonical agency a credit names, or ``None`` when it names none.

    Accepts the credit as printed: ``JIJI``, ``KYODO NEWS``, ``(Kyodo)``, ``==Kyodo``, ``© KYODO``,
    ``© 2024 AFP``, ``Associated Press``, ``AFP-Jiji``, ``AFP - Jiji``, ``(AFP=Jiji)``, ``REUTERS``.
    """
    if not text or len(text) > 120:
        return None
    key = _key(text)
    if not key:
        return None
    hit = _SPELLINGS.get(key)
    if hit:
        return hit
    # "(Kyodo) ==Kyodo", "Kyodo Kyodo": the same agency twice
    words = key.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return _SPELLINGS.get(" ".join(words[:half]))
    return None


def agency_in_credit(text: str | None) -> str | None:
    """The agency named at the end of a photo credit such as ``REUTERS/Issei Kato`` or ``Photo: AP``."""
    if not text:
        return None
    hit = canonical_agency(text)
    if hit:
        return hit
    for part in re.split(r"[/|:;]| via ", text):
        hit = canonical_agency(part)
        if hit:
            return hit
    return None


__all__ = ["AGENCIES", "AGENCY_WORDS", "agency_in_credit", "canonical_agency"]
