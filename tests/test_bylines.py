from __future__ import annotations

import pytest

from jnparse.bylines import is_person_name, parse_byline, readable_name


@pytest.mark.parametrize(
    ("raw", "authors", "affiliation"),
    [
        ("By Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers", ("Takeo Maeda", "Tatsuya Tanoue"),
         "Yomiuri Shimbun Staff Writers"),
        ("By Aiko Mori / Yomiuri Shimbun Correspondent", ("Aiko Mori",), "Yomiuri Shimbun Correspondent"),
        ("By TAKAHIRO TAKENOUCHI/ Staff Writer", ("TAKAHIRO TAKENOUCHI",), "Staff Writer"),
        ("By Jason Morgan, Reitaku University", ("Jason Morgan",), "Reitaku University"),
        ("Ken Sato and Mia Lee, Nikkei staff writers", ("Ken Sato", "Mia Lee"), "Nikkei staff writers"),
        ("NAOYA YOSHINO", ("NAOYA YOSHINO",), None),
        ("By Kyoko HASEGAWA", ("Kyoko HASEGAWA",), None),
        ("By Anna Smith, Bob Jones and Carl Wu", ("Anna Smith", "Bob Jones", "Carl Wu"), None),
        ("By Sankei Shimbun", (), "Sankei Shimbun"),
    ],
)
def test_bylines(raw: str, authors: tuple[str, ...], affiliation: str | None) -> None:
    b = parse_byline(raw)
    assert b is not None
    assert b.raw == raw
    assert b.authors == authors
    assert b.affiliation == affiliation


@pytest.mark.parametrize("name", ["No Author", "新間", "admin", "Email The Author", "5 min read", "The Japan Times",
                                  "KYODO NEWS", "editor@example.com", "", "Share", "Tweet", "Follow", "Print",
                                  "Guest Author", "About the author", "View profile", "wpadmin", "tanaka_k"])
def test_never_authors(name: str) -> None:
    assert not is_person_name(name)
    b = parse_byline(name)
    assert b is None or name not in b.authors


def test_readable_names() -> None:
    assert readable_name("TAKAHIRO TAKENOUCHI") == "Takahiro Takenouchi"
    assert readable_name("Kyoko HASEGAWA") == "Kyoko Hasegawa"
    assert readable_name("J.R. SMITH-JONES") == "J.R. Smith-Jones"


@pytest.mark.parametrize("name", ["Taro Yamada", "Aiko", "TARO YAMADA", "Ōtani Shōhei", "J. Smith", "Mary O'Neil"])
def test_names_that_are_people(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize("line", ["The Yomiuri Shimbun", "By The Yomiuri Shimbun", "The Editorial Board"])
def test_an_organisation_is_no_writer(line: str) -> None:
    b = parse_byline(line)
    assert b is not None and b.authors == () and b.affiliation == line.removeprefix("By ")


def test_a_given_name_that_is_also_a_word() -> None:
    b = parse_byline("By An Nguyen / Special to The Japan News")
    assert b is not None and b.authors == ("An Nguyen",)


@pytest.mark.parametrize(
    ("line", "author", "affiliation"),
    [("By Jesse Kenwood Staff writer", "Jesse Kenwood", "Staff writer"),
     ("By Erin Holloway contributing writer", "Erin Holloway", "contributing writer"),
     ("By Mari Sugiyama AP", "Mari Sugiyama", "AP"),
     ("Kyoko HASEGAWA Nikkei staff writer", "Kyoko HASEGAWA", "Nikkei staff writer")],
)
def test_a_role_printed_right_after_the_name(line: str, author: str, affiliation: str) -> None:
    # a copy joins the name's element and the role's element with no separator between them
    b = parse_byline(line)
    assert b is not None and b.authors == (author,) and b.affiliation == affiliation
