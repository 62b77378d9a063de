"""Every authored fixture parses to its hand-checked expected JSON, with and without its URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jnparse

from .fixture_cases import compare, fixture_cases, run_fixture

CASES = fixture_cases()


def _id(case: tuple[Path, Path]) -> str:
    return f"{case[0].parent.name}/{case[0].name}"


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_fixture_matches_expected(case: tuple[Path, Path]) -> None:
    path, expected_path = case
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    article = run_fixture(path, expected)
    problems = compare(article.to_dict(), expected)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_fixture_same_without_url(case: tuple[Path, Path]) -> None:
    """Detection from the page itself: leaving out url= changes nothing but what only the URL told."""
    path, expected_path = case
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    with_url = run_fixture(path, expected).to_dict()
    without = run_fixture(path, expected, with_url=False).to_dict()
    if path.suffix == ".txt" or (expected.get("_input") or {}).get("url_needed"):
        # a text copy does not carry its address
        without["url"] = with_url["url"]
    assert without["site"] == with_url["site"]
    for key in ("title", "published", "body", "byline", "dateline", "agency", "images", "paywalled"):
        assert without[key] == with_url[key], key


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_fixture_round_trips(case: tuple[Path, Path]) -> None:
    path, expected_path = case
    article = run_fixture(path, json.loads(expected_path.read_text(encoding="utf-8")))
    assert jnparse.Article.from_dict(article.to_dict()) == article
    assert jnparse.Article.from_json(article.to_json()) == article
