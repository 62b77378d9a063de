"""Finding the authored fixtures and comparing an Article with a hand-checked expected JSON.

A fixture is ``fixtures/<site>/<stem>.<html|txt|json>`` beside ``<stem>.expected.json``. The expected
file holds the fields to check (any key of ``Article.to_dict()``) and may hold ``_input``:
``{"url": …, "fetched": ISO time, "site": …, "mode": "html" | "text" | "nhk-json"}`` — how to call
the parser. ``discarded`` is compared as (kind, heading, items); a block's ``text`` only when the
expected block names it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jnparse

from .conftest import FIXTURES

INPUT_SUFFIXES = (".html", ".htm", ".txt", ".json")


def fixture_cases() -> list[tuple[Path, Path]]:
    cases = []
    for expected in sorted(FIXTURES.glob("*/*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        inputs = [p for p in expected.parent.glob(stem + ".*") if p.suffix in INPUT_SUFFIXES and p != expected
                  and not p.name.endswith(".expected.json")]
        if len(inputs) != 1:
            raise AssertionError(f"{expected}: expected one input file beside it, found {inputs}")
        cases.append((inputs[0], expected))
    return cases


def run_fixture(path: Path, expected: dict[str, Any], *, with_url: bool = True) -> jnparse.Article:
    spec = expected.get("_input") or {}
    mode = spec.get("mode") or ("text" if path.suffix == ".txt" else "html")
    kwargs: dict[str, Any] = {}
    if with_url and spec.get("url"):
        kwargs["url"] = spec["url"]
    if spec.get("fetched"):
        kwargs["fetched"] = dt.datetime.fromisoformat(spec["fetched"])
    if spec.get("site"):
        kwargs["site"] = spec["site"]
    if mode == "text":
        return jnparse.parse_text(path.read_text(encoding="utf-8"), **kwargs)
    extra = spec.get("extra") or {}
    for key, rel in extra.items():  # documents delivered beside the page (an article-body JSON)
        kwargs[key] = (path.parent / rel).read_bytes()
    return jnparse.parse(path.read_bytes(), **kwargs)


def _ws(v: Any) -> Any:
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, list):
        return [_ws(x) for x in v]
    if isinstance(v, dict):
        return {k: _ws(x) for k, x in v.items()}
    return v


def compare(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every difference between the Article's dict and the expected fields, as readable lines."""
    problems: list[str] = []
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        have = got.get(key)
        if key in ("published", "updated"):
            if want is None or have is None:
                if want != have:
                    problems.append(f"{key}: expected {want!r}, got {have!r}")
                continue
            w, h = dt.datetime.fromisoformat(want), dt.datetime.fromisoformat(have)
            if h.utcoffset() != w.utcoffset() or h != w:
                problems.append(f"{key}: expected {want}, got {have}")
            continue
        if key == "discarded":
            def shape(blocks: list[dict[str, Any]], keep_text: list[bool]) -> list[Any]:
                return [
                    {"kind": b.get("kind"), "heading": _ws(b.get("heading")), "items": _ws(b.get("items") or []),
                     **({"text": _ws(b.get("text"))} if kt else {})}
                    for b, kt in zip(blocks, keep_text, strict=False)
                ]
            keep = ["text" in b for b in want]
            w_shape = shape(want, keep)
            h_shape = shape(have or [], keep + [False] * max(0, len(have or []) - len(keep)))
            if w_shape != h_shape:
                problems.append(f"discarded: expected\n  {json.dumps(w_shape, ensure_ascii=False)}\n"
                                f"got\n  {json.dumps(h_shape, ensure_ascii=False)}")
            continue
        if _ws(have) != _ws(want):
            if key == "body" and isinstance(want, list) and isinstance(have, list):
                for i, (w, h) in enumerate(zip(want, have, strict=False)):
                    if _ws(w) != _ws(h):
                        problems.append(f"body[{i}]: expected {w!r}, got {h!r}")
                        break
                if len(want) != len(have):
                    problems.append(f"body: expected {len(want)} blocks, got {len(have)}")
            else:
                problems.append(f"{key}: expected {want!r}, got {have!r}")
    return problems
