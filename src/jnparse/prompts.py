"""Page furniture that a text copy prints between or after the paragraphs of a story: the paywall's
prompt ("This article is for subscribers only.", "Subscribe now", "Already a subscriber? Log in") and an
ad slot's label ("Advertisement").

On an HTML page each site's reader knows these by their markup; in a text copy they are lines like any
other, and a site's text reader that does not know one keeps it as a paragraph, as the generic reader's
body extractor does on a page of a site it knows nothing of. :func:`without_prompts` takes such lines out
of the body (a copy's, or the generic reader's), records them as ``subscribe`` and ``ad`` blocks (nothing
lost), and marks the Article ``paywalled`` when a prompt says the story goes on for subscribers only.
"""

from __future__ import annotations

import re

import attrs

from .model import Article, Discarded

#: a prompt that says the rest of the story is for subscribers: the Article is paywalled
_PAYWALL = re.compile(
    r"(?:this|the rest of this|to (?:continue|keep) reading(?: this)?) (?:article|story)"
    r"(?: is)? (?:for|available to|reserved for) (?:paid |premium )?(?:subscribers|members|paid members)"
    r"(?: only)?\.?|to continue reading,? (?:subscribe|sign in|log in).*|subscribe to (?:continue|keep) reading.*",
    re.IGNORECASE,
)
#: the prompt's other lines: its buttons and its log-in offer
_PROMPT = re.compile(
    r"subscribe(?: now| today)?!?|subscribe to .{1,250}|already (?:a subscriber|a member|have an account)\??"
    r"(?:\s*(?:log ?in|sign ?in)\.?)?|(?:log ?in|sign ?in)(?: here)?|subscribe now for .{1,60}",
    re.IGNORECASE,
)
_AD = re.compile(r"(?:advertisement|advertising|sponsored(?: content)?|ad)", re.IGNORECASE)
#: how every line the patterns above take starts
_CANDIDATE = re.compile(r"this |the rest |to (?:continue|keep) |subscribe|advert|sponsored|ad$", re.IGNORECASE)
#: longest line taken for furniture: never a paragraph of the story
_MAX_CHARS = 300


def without_prompts(article: Article) -> Article:
    """``article`` (read from a text copy, or by the generic reader) with paywall prompts and ad labels out of its
    body."""
    kept = []
    moved: list[Discarded] = []
    paywalled = article.paywalled
    for block in article.body:
        text = block.text
        # (the first words tell most paragraphs apart at once: a match at the start fails at a character or two)
        if len(text) <= _MAX_CHARS and (_CANDIDATE.match(text) or (moved and moved[-1].kind == "subscribe")):
            if _PAYWALL.fullmatch(text):
                paywalled = True
                moved.append(Discarded(kind="subscribe", text=text))
                continue
            if moved and moved[-1].kind == "subscribe" and _PROMPT.fullmatch(text):
                moved[-1] = Discarded(kind="subscribe", text=f"{moved[-1].text}\n{text}")
                continue
            if _AD.fullmatch(text):
                moved.append(Discarded(kind="ad", text=text))
                continue
        kept.append(block)
    if not moved:
        return article
    return attrs.evolve(article, body=tuple(kept), discarded=(*article.discarded, *moved), paywalled=paywalled)


__all__ = ["without_prompts"]
