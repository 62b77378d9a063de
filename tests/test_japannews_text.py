"""The header of a copy of a Japan News page (the lines above its date line): the share buttons ("Post", "Share",
"Post") anchor the headline, and so does a photo's credit line when a copy has no buttons (a reader view, a copy
tool that leaves buttons out): a short headline is not taken for the section label, nor the credit for the
headline."""

from __future__ import annotations

import pytest

import jnparse

from .conftest import FIXTURES

COPY = FIXTURES / "japannews" / "text-copy-from-top.txt"
BUTTONS = ("Post", "Share")


def _header_and_rest(text: str) -> tuple[list[str], str]:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("18:36 JST,"))  # (an en space follows)
    return lines[:at], "\n".join(lines[at:])


@pytest.mark.parametrize("headline", [None, "Childcare Allowance Expanded"])  # (the fixture's; a short one)
def test_a_copy_without_share_buttons_reads_its_header_as_with_them(headline: str | None) -> None:
    header, rest = _header_and_rest(COPY.read_text(encoding="utf-8"))
    if headline is not None:
        header[1] = headline
    with_buttons = jnparse.parse_text("\n".join(header) + "\n" + rest)
    without = jnparse.parse_text("\n".join(line for line in header if line not in BUTTONS) + "\n" + rest)
    assert without.section == with_buttons.section == "Politics & Government"
    assert without.title == with_buttons.title == (headline or header[1])
    assert without.images == with_buttons.images
    assert without.images[0].credit == "The Yomiuri Shimbun"
    assert without.images[0].caption is not None and without.images[0].caption.startswith("Lawmakers from the ruling")
    assert without.byline == with_buttons.byline
    assert without.body == with_buttons.body


@pytest.mark.parametrize("section", [True, False])
def test_a_headline_above_a_photo_credit_is_the_headline(section: bool) -> None:
    _, rest = _header_and_rest(COPY.read_text(encoding="utf-8"))
    top = (["Politics & Government"] if section else []) + ["Childcare Allowance Expanded", "Jiji Press",
                                                            "A minister speaks to reporters in Tokyo on Wednesday."]
    a = jnparse.parse_text("\n".join(top) + "\n" + rest)
    assert (a.section, a.title) == ("Politics & Government" if section else None, "Childcare Allowance Expanded")
    assert [(i.caption, i.credit) for i in a.images] == [
        ("A minister speaks to reporters in Tokyo on Wednesday.", "Jiji Press")]
    assert a.published is not None and a.published.isoformat() == "2025-11-20T18:36:00+09:00"


@pytest.mark.parametrize(("credit", "agency"), [("Jiji Press", "Jiji Press"), ("The Associated Press", "AP"),
                                                 ("AFP-Jiji", "AFP-Jiji")])
def test_a_byline_that_credits_an_agency_alone_names_the_agency(credit: str, agency: str) -> None:
    # a wire story with no dateline whose byline slot credits its agency: the page and its copy name it
    page = (FIXTURES / "japannews" / "staff-byline-photo-subheads.html").read_bytes()
    raw = jnparse.parse(page).byline
    assert raw is not None and raw.authors
    staff = raw.raw.encode()
    assert staff in page
    wire = jnparse.parse(page.replace(staff, credit.encode()))
    assert (wire.byline is not None and wire.byline.authors) == ()
    assert (wire.agency, wire.dateline) == (agency, None)
    header, rest = _header_and_rest(COPY.read_text(encoding="utf-8"))
    copy = jnparse.parse_text("\n".join(header).replace("By Hiroki Matsunaga / Yomiuri Shimbun Staff Writer",
                                                        f"By {credit}") + "\n" + rest)
    assert copy.agency == agency
    assert jnparse.parse(page).agency is None  # (a staff writer's story: no agency)
