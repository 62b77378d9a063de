"""The typed result: a frozen :class:`Article` and its parts.

Every class here is a frozen, slotted attrs class: hashable, comparable, immutable. Collections are
tuples. ``Article.to_dict()`` gives plain JSON types in the shape documented in ``docs/model.md``
and ``Article.from_dict()`` reads that shape back, so ``Article.from_dict(a.to_dict()) == a``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal, cast

import attrs

BlockKind = Literal["paragraph", "subhead"]
BLOCK_KINDS: tuple[str, ...] = ("paragraph", "subhead")

#: The kinds a discarded block can have.
DISCARD_KINDS: tuple[str, ...] = (
    "ranking",
    "popular",
    "latest",
    "related",
    "read-more",
    "ad",
    "promo",
    "share",
    "subscribe",
    "comments",
    "newsletter",
    "credit",
    "navigation",
    "other",
)


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise TypeError("expected a sequence, not a string")
    return tuple(value)


def _aware(_inst: object, attr: attrs.Attribute[Any], value: dt.datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{attr.name} must be an aware datetime, got naive {value!r}")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_inst: object, attr: attrs.Attribute[Any], value: str) -> None:
        if value not in choices:
            raise ValueError(f"{attr.name} must be one of {choices}, got {value!r}")

    return check


@attrs.frozen
class Byline:
    """The printed byline, split: ``By A and B / Yomiuri Shimbun Staff Writers``."""

    raw: str
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "authors": list(self.authors), "affiliation": self.affiliation}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Byline:
        return cls(raw=d["raw"], authors=tuple(d.get("authors") or ()), affiliation=d.get("affiliation"))


@attrs.frozen
class Dateline:
    """The opening of a story: ``BRUSSELS (Jiji Press) — `` → place ``BRUSSELS``, agency ``Jiji Press``."""

    raw: str
    place: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "place": self.place, "agency": self.agency}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Dateline:
        return cls(raw=d["raw"], place=d.get("place"), agency=d.get("agency"))


@attrs.frozen
class Block:
    """One piece of the body in reading order: a paragraph or a subhead."""

    kind: BlockKind = attrs.field(validator=_one_of(BLOCK_KINDS))
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Block:
        return cls(kind=cast(BlockKind, d["kind"]), text=d["text"])


@attrs.frozen
class Image:
    """A photo of the story with its caption and its credit (``The Yomiuri Shimbun``, ``Reuters``)."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "caption": self.caption, "credit": self.credit}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Image:
        return cls(url=d.get("url"), caption=d.get("caption"), credit=d.get("credit"))


@attrs.frozen
class Item:
    """One entry of a list the parser kept out of the body (a ranking, a related story)."""

    title: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Item:
        return cls(title=d["title"], url=d.get("url"))


@attrs.frozen
class Discarded:
    """A block recognised on the page and kept out of the body, so that nothing is lost silently.

    ``kind`` is one of :data:`DISCARD_KINDS`; ``heading`` the block's own heading when it has one;
    ``items`` its entries; ``text`` its other text (a promo line, a credit line), if any.
    """

    kind: str = attrs.field(validator=_one_of(DISCARD_KINDS))
    heading: str | None = None
    items: tuple[Item, ...] = attrs.field(default=(), converter=_tuple)
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "heading": self.heading,
            "items": [i.to_dict() for i in self.items],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Discarded:
        return cls(
            kind=d["kind"],
            heading=d.get("heading"),
            items=tuple(Item.from_dict(i) for i in d.get("items") or ()),
            text=d.get("text"),
        )


@attrs.frozen
class Notice:
    """A machine-readable warning: which field, what happened (``code``), and a human sentence.

    Codes: ``fallback`` (the field came from a less reliable source than the site's first choice),
    ``missing`` (the field could not be found), ``disagree`` (two sources gave different values),
    ``unknown-layout`` (the page did not match a known layout), ``low-confidence`` (the site rule
    behind the field is not well attested), ``relative-time`` (a printed time is relative and no
    fetch time was given), ``encoding`` (the bytes were decoded with a fallback codec), ``repaired``
    (mojibake was repaired), ``skipped`` (a broken JSON-LD block was skipped), ``implausible`` (a source
    gave a value that cannot be the field, such as a section label of a paragraph's length), ``generic`` (read by
    the generic reader), ``not-ajw`` (an asahi.com page outside AJW), ``extractor-failed`` (the
    generic body extractor raised), ``saved-copy`` (a saved page's image with no address of its own),
    ``markdown`` (a Markdown copy read as the text it stands for). See ``docs/errors.md``.
    """

    field: str
    code: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "detail": self.detail}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Notice:
        return cls(field=d["field"], code=d["code"], detail=d.get("detail", ""))

    def __str__(self) -> str:
        return f"{self.field}: {self.code}" + (f" ({self.detail})" if self.detail else "")


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


@attrs.frozen
class Article:
    """One parsed article page.

    Times are aware datetimes; on every Japanese site they are in Japan time (+09:00).
    ``agency`` is the canonical name of the wire agency credited with the story (``None`` for
    the site's own staff). ``discarded`` lists every block recognised and kept out of the body.
    ``warnings`` says which fields came from a fallback or are missing.
    """

    site: str
    url: str | None = None
    title: str | None = None
    section: str | None = None
    published: dt.datetime | None = attrs.field(default=None, validator=_aware)
    updated: dt.datetime | None = attrs.field(default=None, validator=_aware)
    byline: Byline | None = None
    dateline: Dateline | None = None
    agency: str | None = None
    body: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)
    images: tuple[Image, ...] = attrs.field(default=(), converter=_tuple)
    discarded: tuple[Discarded, ...] = attrs.field(default=(), converter=_tuple)
    paywalled: bool = False
    kicker: str | None = None
    description: str | None = None
    date_text: str | None = None
    layout: str | None = None
    warnings: tuple[Notice, ...] = attrs.field(default=(), converter=_tuple)

    # -- convenience -----------------------------------------------------------------------------
    @property
    def authors(self) -> tuple[str, ...]:
        """The people in the byline (empty when there is none)."""
        return self.byline.authors if self.byline else ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every body paragraph, subheads left out."""
        return tuple(b.text for b in self.body if b.kind == "paragraph")

    @property
    def text(self) -> str:
        """The body as plain text, one block a line."""
        return "\n".join(b.text for b in self.body)

    # -- serialisation ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types, in the documented shape."""
        return {
            "site": self.site,
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "byline": self.byline.to_dict() if self.byline else None,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "agency": self.agency,
            "body": [b.to_dict() for b in self.body],
            "images": [i.to_dict() for i in self.images],
            "discarded": [d.to_dict() for d in self.discarded],
            "paywalled": self.paywalled,
            "kicker": self.kicker,
            "description": self.description,
            "date_text": self.date_text,
            "layout": self.layout,
            "warnings": [w.to_dict() for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        """Read back what :meth:`to_dict` wrote."""
        byline = d.get("byline")
        dateline = d.get("dateline")
        return cls(
            site=d["site"],
            url=d.get("url"),
            title=d.get("title"),
            section=d.get("section"),
            published=_from_iso(d.get("published")),
            updated=_from_iso(d.get("updated")),
            byline=Byline.from_dict(byline) if byline else None,
            dateline=Dateline.from_dict(dateline) if dateline else None,
            agency=d.get("agency"),
            body=tuple(Block.from_dict(b) for b in d.get("body") or ()),
            images=tuple(Image.from_dict(i) for i in d.get("images") or ()),
            discarded=tuple(Discarded.from_dict(x) for x in d.get("discarded") or ()),
            paywalled=bool(d.get("paywalled", False)),
            kicker=d.get("kicker"),
            description=d.get("description"),
            date_text=d.get("date_text"),
            layout=d.get("layout"),
            warnings=tuple(Notice.from_dict(w) for w in d.get("warnings") or ()),
        )

    def to_json(self, *, indent: int | None = 2) -> str:
        """The :meth:`to_dict` shape as a JSON string (UTF-8 text, not escaped to ASCII)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))


__all__ = [
    "BLOCK_KINDS",
    "DISCARD_KINDS",
    "Article",
    "Block",
    "BlockKind",
    "Byline",
    "Dateline",
    "Discarded",
    "Image",
    "Item",
    "Notice",
]
