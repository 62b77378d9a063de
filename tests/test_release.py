"""Release hygiene: the sdist and wheel build, pass twine's checks, and ship what the library needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_build_and_twine_check(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                           capture_output=True, text=True, check=False, timeout=600)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheels = list(out.glob("jnparse-*.whl"))
    sdists = list(out.glob("jnparse-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    for needed in ("jnparse/py.typed", "jnparse/article.schema.json", "jnparse/examples/japannews-staff.html",
                   "jnparse/sites/japannews.py"):
        assert needed in names, needed
    twine = shutil.which("twine", path=str(Path(sys.executable).parent)) or shutil.which("twine")
    assert twine is not None, "twine is not installed: pip install -e '.[test]'"
    check = subprocess.run([twine, "check", "--strict", *map(str, out.iterdir())], capture_output=True, text=True,
                           check=False, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
