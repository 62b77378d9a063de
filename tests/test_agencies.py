from __future__ import annotations

import pytest

from jnparse.agencies import AGENCIES, agency_in_credit, canonical_agency


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("JIJI", "Jiji Press"), ("Jiji Press", "Jiji Press"), ("(© Jiji)", "Jiji Press"),
        ("KYODO NEWS", "Kyodo"), ("(Kyodo)", "Kyodo"), ("==Kyodo", "Kyodo"), ("© KYODO", "Kyodo"),
        ("(Kyodo) ==Kyodo", "Kyodo"), ("© 2024 AFP", "AFP"), ("AFP-Jiji", "AFP-Jiji"), ("AFP - Jiji", "AFP-Jiji"),
        ("(AFP=Jiji)", "AFP-Jiji"), ("REUTERS", "Reuters"), ("© Thomson Reuters 2024.", "Reuters"),
        ("Associated Press", "AP"), ("AP Photo", "AP"), ("Bloomberg", "Bloomberg"), ("Xinhua", "Xinhua"),
        ("Yonhap News Agency", "Yonhap"), ("Washington Post", "The Washington Post"),
        ("Reuters Breakingviews", "Reuters"), ("AP Photo/File", "AP"),
    ],
)
def test_credits(credit: str, agency: str) -> None:
    assert canonical_agency(credit) == agency
    assert agency in AGENCIES


@pytest.mark.parametrize("credit", ["The Yomiuri Shimbun", "Japan Today", "© Japan Today", "No Author", "", "APPLE"])
def test_not_agencies(credit: str) -> None:
    assert canonical_agency(credit) is None


def test_photo_credits() -> None:
    assert agency_in_credit("REUTERS/Issei Kato") == "Reuters"
    assert agency_in_credit("Photo: Reuters") == "Reuters"
    assert agency_in_credit("Yomiuri Shimbun file photo") is None
