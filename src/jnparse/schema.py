"""The JSON Schema of ``Article.to_dict()``, generated from the attrs classes of :mod:`jnparse.model`.

:func:`article_schema` walks the fields of :class:`~jnparse.Article` and of the classes it holds and
maps each field's type: ``str`` → string, ``bool`` → boolean, ``datetime`` → an ISO 8601 string with
an offset, ``X | None`` → X or null, ``tuple[X, ...]`` → an array of X, a ``Literal`` → an enum, an
attrs class → a ``$ref`` to its definition. Every field is always present in ``to_dict()``, so every
field is required and no other key is allowed. The same schema ships with the package as
``article.schema.json`` (:func:`shipped_schema`); a test keeps the two equal.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from importlib import resources
from typing import Any

import attrs

from . import model

SCHEMA_FILE = "article.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Fields whose values an attrs validator limits to a fixed set (the validator itself is opaque).
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Discarded", "kind"): model.DISCARD_KINDS,
}

#: ``datetime`` values are written by ``isoformat()`` and always carry an offset (+09:00).
_OFFSET_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$"


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def _type_schema(tp: Any, defs: dict[str, Any], owner: str, name: str) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            inner = _type_schema(rest[0], defs, owner, name)
            if "$ref" in inner:
                return {"anyOf": [inner, {"type": "null"}]}
            nullable = dict(inner)
            t = nullable["type"]
            nullable["type"] = [*t, "null"] if isinstance(t, list) else [t, "null"]
            if "enum" in nullable:
                nullable["enum"] = [*nullable["enum"], None]
            return nullable
        return {"anyOf": [_type_schema(a, defs, owner, name) for a in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs, owner, name)}
        raise TypeError(f"{owner}.{name}: only tuple[X, ...] is supported, not {tp!r}")
    if origin is typing.Literal:
        return {"type": "string", "enum": list(args)}
    if tp is str:
        choices = _CHOICES.get((owner, name))
        return {"type": "string", "enum": list(choices)} if choices else {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time", "pattern": _OFFSET_PATTERN}
    if isinstance(tp, type) and attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"{owner}.{name}: no JSON Schema mapping for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props: dict[str, Any] = {}
    for field in attrs.fields(cls):
        props[field.name] = _type_schema(hints[field.name], defs, cls.__name__, field.name)
    return {
        "type": "object",
        "description": _summary(cls),
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve the name first: the walk may come back to this class
    defs[cls.__name__] = _object_schema(cls, defs)


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`jnparse.Article.to_dict`, built from the model."""
    defs: dict[str, Any] = {}
    top = _object_schema(model.Article, defs)
    return {
        "$schema": DIALECT,
        "title": "jnparse Article",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (``jnparse/article.schema.json``)."""
    text = resources.files("jnparse").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def schema_json() -> str:
    """:func:`article_schema` as the text of the shipped file."""
    return json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = ["SCHEMA_FILE", "article_schema", "schema_json", "shipped_schema"]
