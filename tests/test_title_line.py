"""Text copies that start with the page's title line, as a copy tool or a saved tab prints it ("Headline |
The Japan Times"): the line names the site and gives the headline, and the copy reads as it does without."""

from __future__ import annotations

from pathlib import Path

import pytest

import jnparse
from jnparse.sites import get

from .conftest import CORPUS, FIXTURES
from .page_text import without_warnings

COPIES = [p for p in sorted(FIXTURES.glob("*/*.txt")) if get(p.parent.name) is not None]


@pytest.mark.parametrize("separator", [" | ", " - "])
@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_title_line_above_the_copy_changes_nothing(path: Path, separator: str) -> None:
    text = path.read_text(encoding="utf-8")
    site = get(path.parent.name)
    assert site is not None
    try:
        plain = jnparse.parse_text(text)
    except jnparse.NotAnArticleError:  # an expired story: refused with the line too
        with pytest.raises(jnparse.NotAnArticleError):
            jnparse.parse_text(f"Ferries Resume After Three Days in Port{separator}{site.names[0]}\n{text}")
        return
    headline = plain.title or "Ferries Resume After Three Days in Port"  # a copy that starts below the headline
    titled = jnparse.parse_text(f"{headline}{separator}{site.names[0]}\n{text}")
    assert without_warnings(titled) == {**without_warnings(plain), "title": headline}


def test_a_copy_without_its_headline_takes_it_from_the_title_line() -> None:
    path = CORPUS / "japannews" / "2022-04-08_hayashi-blinken-brussels.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    text = path.read_text(encoding="utf-8")
    assert jnparse.parse_text(text).title is None  # the copy starts at the date line
    a = jnparse.parse_text("Japan, U.S. Foreign Ministers Meet in Brussels - The Japan News\n" + text)
    assert a.site == "japannews"
    assert a.title == "Japan, U.S. Foreign Ministers Meet in Brussels"
    assert [d.text for d in a.discarded if d.kind == "other" and d.text and "Brussels" in d.text] == []


def test_a_title_line_names_the_site_of_a_copy_that_does_not() -> None:
    copy = ("Harbor ferries resume | The Japan Times\nHarbor ferries resume after the storm\n"
            "KOBE – Ferries between Kobe and the islands ran again on Monday after three days in port.\n"
            "Operators said the evening timetable would return by the weekend.")
    a = jnparse.parse_text(copy)
    assert a.site == "japantimes"
    assert "Ferries between Kobe" in " ".join(b.text for b in a.body)
