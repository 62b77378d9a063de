"""Paywall prompts and ad labels printed in a text copy's story go out of the body (prompts.py)."""

from __future__ import annotations

import pytest

import jnparse

from .conftest import FIXTURES
from .page_text import render

STORY = ("TOKYO (Jiji Press) — The harbor ferry ran again on Monday after three days of storms kept every boat "
         "in port.\nCrews checked the piers at dawn and the first sailing left on time with forty passengers aboard.\n")


@pytest.mark.parametrize(
    "prompt",
    [["This article is for subscribers only.", "Subscribe to The Japan News to read the rest of this premium "
      "article.", "SUBSCRIBE", "Already a subscriber? LOGIN"],
     ["The rest of this article is for paid members.", "Subscribe now"],
     ["To continue reading, subscribe for unlimited access."]],
    ids=["japannews", "mainichi", "generic"],
)
def test_a_paywall_prompt_under_the_preview_is_no_body(prompt: list[str]) -> None:
    a = jnparse.parse_text("Ferries Resume After the Storm\n" + STORY + "\n".join(prompt), site="generic")
    assert [b.text[:20] for b in a.body] == ["The harbor ferry ran", "Crews checked the pi"]
    assert a.paywalled
    assert [d.text for d in a.discarded if d.kind == "subscribe"] == ["\n".join(prompt)]


def test_an_ad_label_between_paragraphs_is_no_body_and_a_sentence_about_subscribers_stays() -> None:
    lines = STORY.splitlines()
    copy = "\n".join(["Ferries Resume After the Storm", lines[0], "Advertisement", lines[1],
                      "The operator said subscribers to its pass would ride free for a week."])
    a = jnparse.parse_text(copy, site="generic")
    assert [d.text for d in a.discarded if d.kind == "ad"] == ["Advertisement"]
    assert a.body[-1].text.startswith("The operator said subscribers") and not a.paywalled


@pytest.mark.parametrize("name", ["japannews/premium-paywalled", "mainichi/paywalled"])
def test_a_copy_of_a_paywalled_page_reads_as_the_page(name: str) -> None:
    html = (FIXTURES / f"{name}.html").read_bytes()
    page = jnparse.parse(html)
    copy = jnparse.parse_text(render(html), url=page.url)
    assert [b.text for b in copy.body] == [b.text for b in page.body]
    assert copy.paywalled and page.paywalled
