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
    """The page was read, but it holds no article (a list page, an expired story, an error page)."""


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
