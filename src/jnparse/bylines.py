"""Bylines: the printed line split into the people and the rest.

``By Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers`` →
authors ``("Takeo Maeda", "Tatsuya Tanoue")``, affiliation ``Yomiuri Shimbun Staff Writers``.
CMS user names (a JSON-LD author such as ``新間``) and placeholders (``No Author``) are never authors.
"""

from __future__ import annotations

import re
import unicodedata

from ._text import squash
from .agencies import AGENCY_WORDS, canonical_agency
from .model import Byline

_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]\s*", re.IGNORECASE)
#: a line that reads as a printed byline ("By Kenji Arata / …"), to ``match``: worth handing to parse_byline
BY_LINE = re.compile(r"\s*By\s+\S", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)", re.IGNORECASE)

#: Words that make a comma- or slash-separated part an affiliation, not a person (two words: apart by white space).
_AFFILIATION_TERMS = (
    "staff", "writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
    "editorial", "contributor", "contributors", "contributing", "columnist", "bureau", "department", "desk", "team",
    "shimbun", "news", "press", "times", "forward", "university", "institute", "professor", "research", "fellow",
    "nikkei", "kyodo", "jiji", "yomiuri", "asahi", "mainichi", "sankei", "nhk", "afp", "reuters", "bloomberg",
    "agency", "service", "foundation", "center", "centre", "society", "association", "council", "ltd", "inc",
    "travel", "magazine", "photographer", "special to", "ap", "associated press", "daily", "weekly", "journal",
    "gazette", "herald", "tribune", "chronicle", "observer",
)
_AFFILIATION_WORDS = re.compile(
    r"\b(?:" + "|".join(term.replace(" ", r"\s+") for term in _AFFILIATION_TERMS) + r")\b", re.IGNORECASE)
_AFFILIATION_SINGLE = frozenset(term for term in _AFFILIATION_TERMS if " " not in term)
_AFFILIATION_FIRST = frozenset(term.split()[0] for term in _AFFILIATION_TERMS if " " in term)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"[0-9]")
_LETTER = re.compile(r"[A-Za-z]")


def _has_affiliation_word(text: str, words: list[str] | None = None) -> bool:
    """``_AFFILIATION_WORDS.search(text)``, told for ASCII text by its words (``words``: the lower-cased text's
    ``\\w+`` words, when the caller has them): the search tries seventy words at every position (~4 µs a
    name), a set look-up costs a tenth of that."""
    if not text.isascii():
        return _AFFILIATION_WORDS.search(text) is not None
    if words is None:
        words = _WORD.findall(text.lower())
    if not _AFFILIATION_SINGLE.isdisjoint(words):
        return True
    return not _AFFILIATION_FIRST.isdisjoint(words) and _AFFILIATION_WORDS.search(text) is not None


_PLACEHOLDERS = frozenset(
    {
        "no author", "noauthor", "author", "admin", "administrator", "staff", "editor", "editors", "webmaster",
        "unknown", "anonymous", "guest", "user", "none", "null", "n/a", "na", "-", "web editor", "wp admin",
        "email the author", "minute read", "read more", "the japan times", "the japan news", "japan today",
        "kyodo news", "jiji press", "nhk", "nikkei asia", "the mainichi", "the asahi shimbun", "japan forward",
        "nippon.com", "sankei shimbun", "yomiuri shimbun", "the yomiuri shimbun",
        # page controls that sit where a byline does (share bars, author boxes)
        "share", "tweet", "post", "follow", "print", "email", "e-mail", "mail", "subscribe", "login", "log in",
        "sign in", "sign up", "comment", "comments", "contact", "bio", "profile", "view profile", "more",
        "about the author", "guest author", "guest writer", "guest contributor",
    }
)


_ARTICLES = frozenset({"the"})  # not "an": An is a given name (An Nguyen)


def _is_latin(c: str) -> bool:
    """A Latin letter: ASCII, Latin-1, Latin Extended-A/B, or Latin Extended Additional (ō, ū, ễ …)."""
    o = ord(c)
    return o < 0x250 or 0x1E00 <= o <= 0x1EFF or (o < 0x2B0 and unicodedata.name(c, "").startswith("LATIN"))


def is_person_name(name: str | None) -> bool:
    """True when ``name`` reads as a person's name on an English-language page.

    Rejects placeholders (``No Author``), organisations, agencies, e-mail addresses, URLs, and CMS user
    names written only in Japanese script (``新間``): the sites print writers' names in Latin letters.
    """
    if not name:
        return False
    n = squash(name)
    if not n or len(n) > 80 or n.lower() in _PLACEHOLDERS:
        return False
    if "@" in n or "://" in n or n.startswith("www."):
        return False
    if n.isascii():  # most names: their words are looked up in sets
        words = _WORD.findall(n.lower())
        if _has_affiliation_word(n, words):
            return False
        # an agency's name holds one of its spellings' words ("_" folds to a space in its look-up, not here)
        if (not AGENCY_WORDS.isdisjoint(words) or "_" in n) and canonical_agency(n) is not None:
            return False
        if _LETTER.search(n) is None or _DIGIT.search(n) is not None:
            return False
    else:
        if canonical_agency(n) is not None or _AFFILIATION_WORDS.search(n):
            return False
        if not any(c.isalpha() for c in n) or any(c.isdigit() for c in n):
            return False
    if not n.isascii() and not all(_is_latin(c) for c in n if c.isalpha()):
        return False  # CJK or other scripts: a CMS account, not a printed byline
    words = n.replace(".", ". ").split()
    if len(words) == 1 and n.islower():
        return False  # "wpadmin", "tanaka_k": a CMS account name, never how a byline prints a writer
    if words[0].lower() in _ARTICLES:
        return False  # "The", "The Editorial Board": an organisation's or a board's name
    return 1 <= len(words) <= 6


def readable_name(name: str) -> str:
    """``TAKAHIRO TAKENOUCHI`` → ``Takahiro Takenouchi``; ``Kyoko HASEGAWA`` → ``Kyoko Hasegawa``.

    Words printed all in capitals are title-cased; mixed-case words are kept as printed.
    """

    def fix(word: str) -> str:
        if word.isupper() and len(word) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
        return word

    return " ".join(fix(w) for w in name.split())


def _split_people(text: str) -> list[str]:
    return [p for p in (squash(x) for x in _AND.split(text)) if p]


#: a name, then its role or organisation with no separator between them, as a copy joins two elements:
#: "Kyoko HASEGAWA Nikkei staff writer", "Jesse Johnson Staff writer", "Mari Yamaguchi AP"
_ROLE_AFTER_NAME = re.compile(
    r"^(.*?)\s*\b((?:Nikkei|Kyodo|Jiji|Asahi|Mainichi|Yomiuri|Sankei|AP|AFP|Reuters|Bloomberg|"
    r"(?i:(?:staff|contributing|senior|chief|special|foreign|guest)\s+\w+|correspondent|columnist|photographer))\b.*)$")


def parse_byline(text: str | None) -> Byline | None:
    """Split a printed byline into authors and affiliation; ``None`` when the line names nobody and nothing.

    Forms read: ``By A / Affiliation``, ``By A/ Staff Writer``, ``By A and B / Affiliation``,
    ``By A, Affiliation``, ``A, B and C``, ``NAME, Nikkei staff writer``, ``By Kyoko HASEGAWA``.
    """
    raw = squash(text)
    if not raw or len(raw) > 300:
        return None
    # a separator left dangling by the date or share links printed on the same line: "By A ·"
    body = _BY.sub("", raw, count=1).strip(" ·•|–—-,")
    affiliation: str | None = None
    if "/" in body:
        names, _, rest = body.partition("/")
        affiliation = squash(rest) or None
    else:
        names = body
        parts = [p.strip() for p in body.split(",")]
        # trailing comma parts that read as an organisation or a role are the affiliation
        tail: list[str] = []
        while len(parts) > 1 and _has_affiliation_word(parts[-1]) and not _looks_like_names(parts[-1]):
            tail.insert(0, parts.pop())
        if tail:
            names = ", ".join(parts)
            affiliation = ", ".join(tail)
        elif len(parts) == 1 and _has_affiliation_word(body) and not is_person_name(body):
            m = _ROLE_AFTER_NAME.match(body)
            if m and m.group(1) and is_person_name(m.group(1)):
                names, affiliation = m.group(1), m.group(2)
            else:
                return Byline(raw=raw, authors=(), affiliation=body)
    authors = tuple(p for p in _split_people(names) if is_person_name(p))
    if not authors and not affiliation:
        return None
    return Byline(raw=raw, authors=authors, affiliation=affiliation)


def _looks_like_names(part: str) -> bool:
    return all(is_person_name(p) for p in _split_people(part))


def credited_agency(byline: Byline | None) -> str | None:
    """The wire agency a byline that names no one credits ("Jiji Press", "The Associated Press"), or ``None``."""
    if byline is None or byline.authors:
        return None
    return canonical_agency(byline.affiliation) or canonical_agency(byline.raw)


__all__ = ["BY_LINE", "credited_agency", "is_person_name", "parse_byline", "readable_name"]
