"""``jnparse PATH|-``: parse a page (or a text copy with ``--text``) and print its Article as JSON.

Exit status: 0 on success, 1 when the input holds no article or cannot be read (a one-line error
on standard error), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from . import __version__
from .api import parse, parse_text
from .errors import ParseError


def _example() -> bytes:
    return resources.files("jnparse").joinpath("examples/japannews-staff.html").read_bytes()


def _fetched(value: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from None
    if t.tzinfo is None:
        raise argparse.ArgumentTypeError("--fetched needs an offset, e.g. 2024-10-13T20:00+09:00")
    return t


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="jnparse", description="Parse a Japanese English-language news page.")
    ap.add_argument("path", nargs="?", help="an HTML file (or a text copy with --text); '-' reads standard input")
    ap.add_argument("--text", action="store_true", help="the input is a plain-text copy of a page")
    ap.add_argument("--url", help="the address the page came from")
    ap.add_argument("--site", help="force a site id (japannews, japantimes, ...)")
    ap.add_argument("--fetched", type=_fetched, help="when the page was downloaded (for relative times)")
    ap.add_argument("--compact", action="store_true", help="one line of JSON")
    ap.add_argument("--example", action="store_true", help="parse the bundled example page")
    ap.add_argument("--version", action="version", version=f"jnparse {__version__}")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.example:
        data: bytes = _example()
        name = "example"
    elif args.path is None:
        build_parser().print_usage(sys.stderr)
        print("jnparse: error: give a PATH, '-' or --example", file=sys.stderr)
        return 2
    elif args.path == "-":
        data, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            data, name = Path(args.path).read_bytes(), args.path
        except OSError as e:
            print(f"jnparse: {args.path}: {e.strerror or e}", file=sys.stderr)
            return 1
    try:
        if args.text:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                print(f"jnparse: {name}: the text copy is not UTF-8", file=sys.stderr)
                return 1
            article = parse_text(text, url=args.url, site=args.site, fetched=args.fetched)
        else:
            article = parse(data, url=args.url, site=args.site, fetched=args.fetched)
    except ParseError as e:
        print(f"jnparse: {name}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    out = json.dumps(article.to_dict(), ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
