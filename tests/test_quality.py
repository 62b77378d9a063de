"""The package type-checks under mypy --strict and passes ruff."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT


def _tool(name: str) -> list[str]:
    exe = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return [exe]


def test_mypy_strict() -> None:
    run = subprocess.run([*_tool("mypy"), "--strict", "src/jnparse"], cwd=ROOT, capture_output=True, text=True,
                         check=False, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff() -> None:
    run = subprocess.run([*_tool("ruff"), "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True,
                         check=False, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_py_typed_is_shipped() -> None:
    assert (ROOT / "src" / "jnparse" / "py.typed").exists()


def test_bundled_example_is_the_checked_fixture() -> None:
    """The example `jnparse --example` prints is the staff fixture whose expected JSON was checked by
    hand; the copy in the package must not drift from it."""
    example = ROOT / "src" / "jnparse" / "examples" / "japannews-staff.html"
    fixture = ROOT / "fixtures" / "japannews" / "staff-byline-photo-subheads.html"
    assert example.read_bytes() == fixture.read_bytes()
