"""The exceptions jnparse raises. Every one of them is a :class:`ParseError`."""

from __future__ import annotations


class ParseError(Exception):
    """Base class: the input could not be turned into an Article."""


class InputError(ParseError, TypeError):
    """The argument is not something jnparse can read (wrong type, empty)."""


class DecodeError(ParseError, UnicodeError):
    """The bytes could not be decoded to text without guessing wrong."""


class InputTooLargeError(ParseError):
    """The input is larger than the configured limit."""


class NotAnArticleError(ParseError):
    """The page was read, but it holds no article (a list page, an expired story, an error page).

    ``stated_by_page`` is true when the page says so itself ("The requested article has expired"); no other
    reader is then tried on it, as one is on a page whose site's layout found no story."""

    def __init__(self, *args: object, stated_by_page: bool = False) -> None:
        super().__init__(*args)
        self.stated_by_page = stated_by_page


class WholePageNeeded(NotAnArticleError):
    """A site's extractor, given the page it cut down before parsing, refuses it: the cut may have dropped
    what it reads. The page is parsed whole and read again (the caller never sees this one)."""


class UnsupportedSiteError(ParseError):
    """The site named with ``site=`` is not one jnparse knows."""


class ExtraRequiredError(ParseError):
    """A feature needs an optional extra that is not installed (``pip install jnparse[NAME]``)."""

    def __init__(self, extra: str, purpose: str) -> None:
        self.extra = extra
        super().__init__(f"{purpose} needs the optional extra: pip install 'jnparse[{extra}]'")


__all__ = [
    "DecodeError",
    "ExtraRequiredError",
    "InputError",
    "InputTooLargeError",
    "NotAnArticleError",
    "ParseError",
    "UnsupportedSiteError",
]
