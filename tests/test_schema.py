"""The JSON Schema of ``Article.to_dict()``: generated from the model, shipped, and met by every fixture."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import jnparse
from jnparse import model
from jnparse.cli import main
from jnparse.schema import SCHEMA_FILE, article_schema, schema_json, shipped_schema

from .conftest import ROOT
from .fixture_cases import fixture_cases, run_fixture

VALIDATOR = jsonschema.Draft202012Validator(article_schema())
CASES = fixture_cases()


def test_the_shipped_file_is_the_generated_schema() -> None:
    shipped = ROOT / "src" / "jnparse" / SCHEMA_FILE
    assert shipped.read_text(encoding="utf-8") == schema_json(), (
        "regenerate: python -c 'from jnparse.schema import schema_json; print(schema_json(), end=\"\")' "
        f"> src/jnparse/{SCHEMA_FILE}")
    assert shipped_schema() == article_schema()


def test_the_schema_is_valid_and_follows_the_model() -> None:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == [f.name for f in attrs.fields(jnparse.Article)]
    assert schema["required"] == list(schema["properties"])
    assert set(schema["$defs"]) == {"Block", "Byline", "Dateline", "Discarded", "Image", "Item", "Notice"}
    assert schema["$defs"]["Block"]["properties"]["kind"]["enum"] == list(model.BLOCK_KINDS)
    assert schema["$defs"]["Discarded"]["properties"]["kind"]["enum"] == list(model.DISCARD_KINDS)
    assert schema["properties"]["paywalled"] == {"type": "boolean"}
    assert schema["properties"]["body"] == {"type": "array", "items": {"$ref": "#/$defs/Block"}}


@pytest.mark.parametrize(("path", "expected"), CASES, ids=[f"{p.parent.name}/{p.name}" for p, _ in CASES])
def test_every_fixture_output_meets_the_schema(path: Path, expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    article = run_fixture(path, want)
    errors = sorted(VALIDATOR.iter_errors(article.to_dict()), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def _example() -> dict[str, Any]:
    return jnparse.parse(next(p for p, _ in CASES if p.suffix == ".html").read_bytes()).to_dict()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(published="2024-10-13T17:41:00"), "published"),  # no offset
        (lambda d: d.update(extra=1), ""),  # a key the model does not have
        (lambda d: d["body"].append({"kind": "quote", "text": "x"}), "body"),
        (lambda d: d.update(discarded=[{"kind": "sidebar", "heading": None, "items": [], "text": None}]), "discarded"),
        (lambda d: d.update(paywalled="no"), "paywalled"),
        (lambda d: d.pop("warnings"), ""),
    ],
)
def test_the_schema_rejects_what_the_model_cannot_hold(change: Any, where: str) -> None:
    d = copy.deepcopy(_example())
    assert not list(VALIDATOR.iter_errors(d))
    change(d)
    errors = list(VALIDATOR.iter_errors(d))
    assert errors
    assert {str(e.absolute_path[0]) if e.absolute_path else "" for e in errors} == {where}


def test_the_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == article_schema()
