"""The ``jnparse`` command.

``jnparse parse PATH|-`` (or just ``jnparse PATH|-``)
    Parse one page (or a text copy with ``--text``) and print its Article as JSON.
``jnparse batch INPUT... [--jobs N] [-o OUT.jsonl]``
    Parse files, directories, globs and WARC files into JSON Lines, one line per page.
``jnparse check INPUT...``
    Per site, which fields came from fallbacks or went missing: the early warning of a layout change.
``jnparse schema``
    Print the JSON Schema of an Article's JSON.

Exit status: 0 on success, 1 when the input holds no article or cannot be read (a one-line error
on standard error; for ``batch``, when any page gave an error record), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import IO

from . import __version__
from .api import holds_no_markup, parse, parse_text
from .batch import TEXT_SUFFIXES, Options, Outcome, Progress, Tally, batch, iter_tasks, run
from .errors import ParseError

COMMANDS = ("parse", "batch", "check", "schema")


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


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be 1 or more")
    return n


def _common(ap: argparse.ArgumentParser, *, one_page: bool) -> None:
    text_help = ("the input is a plain-text copy of a page (default: a .txt or .md file, or input without markup)"
                 if one_page else "every input file is a plain-text copy (default: by suffix, .txt and .md files are)")
    ap.add_argument("--text", action="store_true", help=text_help)
    ap.add_argument("--url", help="the address the page came from" + ("" if one_page else " (same for every page)"))
    ap.add_argument("--site", help="force a site id (japannews, japantimes, ...)")
    ap.add_argument("--fetched", type=_fetched, help="when the page was downloaded (for relative times)")


def build_parser() -> argparse.ArgumentParser:
    """``jnparse PATH|-``: today's one-page command, also reachable as ``jnparse parse``."""
    ap = argparse.ArgumentParser(
        prog="jnparse",
        description="Parse a Japanese English-language news page.",
        epilog="Other commands: 'jnparse batch INPUT...' (JSON Lines over files, directories, globs, WARC files), "
               "'jnparse check INPUT...' (fallback and missing fields per site), 'jnparse schema'. "
               "See 'jnparse COMMAND --help'.",
    )
    ap.add_argument("path", nargs="?", help="an HTML file (or a text copy with --text); '-' reads standard input")
    _common(ap, one_page=True)
    ap.add_argument("--compact", action="store_true", help="one line of JSON")
    ap.add_argument("--example", action="store_true", help="parse the bundled example page")
    ap.add_argument("--version", action="version", version=f"jnparse {__version__}")
    return ap


def _batch_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="jnparse batch",
        description="Parse many pages into JSON Lines: one object per page (the Article plus \"source\"), "
                    "or an error record {\"source\", \"error\", \"message\"} for a page that could not be parsed.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files, directories (searched for *.html, *.htm, *.mhtml, *.mht, *.txt, *.warc, "
                         "*.warc.gz), globs, WARC files (pip install 'jnparse[warc]')")
    ap.add_argument("-j", "--jobs", type=_jobs, default=1, help="worker processes (default 1)")
    ap.add_argument("-o", "--output", metavar="OUT.jsonl", help="write here instead of standard output")
    _common(ap, one_page=False)
    return ap


def _check_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="jnparse check",
        description="Parse pages and report, per site, which fields came from fallbacks or went missing.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs, WARC files")
    ap.add_argument("-j", "--jobs", type=_jobs, default=1, help="worker processes (default 1)")
    _common(ap, one_page=False)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        command, rest = args_list[0], args_list[1:]
        if command == "batch":
            return _batch(rest)
        if command == "check":
            return _check(rest)
        if command == "schema":
            return _schema(rest)
        return _parse(rest)
    return _parse(args_list)


# -- parse ---------------------------------------------------------------------------------------------

def _parse(argv: list[str]) -> int:
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
    # a text copy is told by its name, or by holding no markup at all (a copy piped in on standard input)
    as_text = args.text or (name != "example" and (name.lower().endswith(TEXT_SUFFIXES) or holds_no_markup(data)))
    try:
        if as_text:
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


# -- batch ----------------------------------------------------------------------------------------------

def _options(args: argparse.Namespace) -> Options:
    return Options(text=True if args.text else None, url=args.url, site=args.site, fetched=args.fetched)


def _batch(argv: list[str]) -> int:
    args = _batch_parser().parse_args(argv)
    options = _options(args)
    out: IO[str]
    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as e:
            print(f"jnparse: {args.output}: {e.strerror or e}", file=sys.stderr)
            return 1
    else:
        out = sys.stdout
    try:
        tally = batch(args.inputs, out, options=options, jobs=args.jobs)
    except KeyboardInterrupt:
        print("jnparse batch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`jnparse batch ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(tally.summary("batch"), file=sys.stderr)
    return 0 if tally.errors == 0 else 1


# -- check ----------------------------------------------------------------------------------------------

def _check(argv: list[str]) -> int:
    args = _check_parser().parse_args(argv)
    options = _options(args)
    pages: collections.Counter[str] = collections.Counter()
    errors: collections.Counter[str] = collections.Counter()
    notices: dict[str, collections.Counter[tuple[str, str]]] = collections.defaultdict(collections.Counter)
    tally = Tally()
    progress = Progress(sys.stderr, tally)

    def add(o: Outcome) -> None:
        tally.add(o)
        if not o.ok:
            errors[o.error or "error"] += 1
            return
        site = o.site or "?"
        pages[site] += 1
        # a field counts once per page and code, however often it was warned about
        for key in set(o.notices):
            notices[site][key] += 1

    try:
        for outcome in run(iter_tasks(args.inputs, options), jobs=args.jobs):
            add(outcome)
            progress.update()
    finally:
        progress.close()
    sys.stdout.write(check_table(pages, notices, errors))
    print(tally.summary("check"), file=sys.stderr)
    return 0


def check_table(
    pages: collections.Counter[str],
    notices: dict[str, collections.Counter[tuple[str, str]]],
    errors: collections.Counter[str],
) -> str:
    """The ``jnparse check`` report: one row per (site, field, code), most frequent first."""
    rows: list[tuple[str, str, str, str, str]] = [("site", "pages", "field", "code", "pages with it")]
    for site in sorted(pages):
        n = pages[site]
        found = sorted(notices.get(site, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        if not found:
            rows.append((site, str(n), "-", "clean", "-"))
        for i, ((field, code), count) in enumerate(found):
            rows.append((site if i == 0 else "", str(n) if i == 0 else "", field, code,
                         f"{count} ({100 * count / n:.0f}%)"))
    for kind, count in sorted(errors.items()):
        rows.append(("(error)", str(count), "-", kind, "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


# -- schema ---------------------------------------------------------------------------------------------

def _schema(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="jnparse schema", description="Print the JSON Schema of Article.to_dict().")
    ap.parse_args(argv)
    from .schema import article_schema

    sys.stdout.write(json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
