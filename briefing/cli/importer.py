"""``briefing verbatim|win|metric import FILE``: records from a CRM or an export.

The command reads the file (bounded: :data:`FILE_LIMIT`), lets the core
check every row (:func:`briefing.importing.check`) and write the good ones
in one transaction, and says on stderr how many were added and how many
were already there. A bar shows the progress of a long file on a terminal.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Any

import click

from briefing.cli.common import db_option
from briefing.errors import BadInput

#: Far above a CRM's yearly export of metrics or verbatims (a year of
#: verbatims is a few MB); beyond it, a file is refused unread.
FILE_LIMIT = 50 * 1024 * 1024
#: A bar for files longer than this many rows (shorter ones take a blink).
PROGRESS_FROM = 2000

NOUNS = {"verbatims": ("verbatim", "verbatims"), "wins": ("win", "wins"), "metrics": ("metric value", "metric values")}


def import_command(group: click.Group, kind: str, example: str) -> None:
    """Add ``import`` to ``group`` for records of ``kind``."""
    from briefing.importing import KINDS

    fields = ", ".join(KINDS[kind].fields)

    @group.command(
        "import",
        help=f"""Add {NOUNS[kind][1]} from FILE (CSV or JSON; '-' reads standard input).

        Every row is checked as 'add' checks it before anything is written:
        one bad row refuses the whole file, naming its line and column
        (--skip-invalid imports the others and lists it). A record already
        there is not added twice. CSV: UTF-8 (with or without a BOM), cells
        separated by ',', ';' or tabs, days as YYYY-MM-DD or DD/MM/YYYY;
        columns named as the fields ({fields}), or mapped with --map. JSON:
        what 'briefing export --format json' or 'briefing {group.name} list --json' writes.
        People must be in the team already: the import creates nobody.

        \b
        Example:
          {example}
        """,
    )
    @click.argument("file", metavar="FILE")
    @click.option(
        "--map",
        "maps",
        multiple=True,
        metavar="FIELD=COLUMN,...",
        help="CSV: which column holds a field (repeat, or separate with commas).",
    )
    @click.option("--dry-run", is_flag=True, help="Check and count, write nothing.")
    @click.option("--skip-invalid", is_flag=True, help="Import the good rows; list the others on stderr.")
    @click.option(
        "--decimal",
        type=click.Choice(["auto", "comma", "point"]),
        default="auto",
        show_default=True,
        help="CSV numbers: auto is a comma when cells are separated by ';'.",
        hidden=kind != "metrics",
    )
    @db_option
    def command(conn: sqlite3.Connection, file: str, maps, dry_run, skip_invalid, decimal) -> None:
        try:
            _run(conn, kind, file, maps, dry_run=dry_run, skip_invalid=skip_invalid, decimal=decimal)
        except BadInput as exc:
            if exc.field != "file":
                raise
            raise BadInput(None, exc.problem) from None  # the message names the file already


def _run(conn: sqlite3.Connection, kind: str, file: str, maps: tuple[str, ...], **options: Any) -> None:
    from briefing.importing import KINDS

    run_import(conn, kind, file, mapping=_mapping(maps, KINDS[kind].columns), **options)


def _mapping(maps: tuple[str, ...], fields: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for part in (p for given in maps for p in given.split(",")):
        name, sep, column = part.partition("=")
        name = name.strip()
        if not sep or not column.strip():
            raise BadInput(None, f"--map: {part!r} is not FIELD=COLUMN")
        if name not in fields:
            raise BadInput(None, f"--map: {name!r} is not a field here ({', '.join(fields)})")
        out[name] = column.strip()
    return out


def read_file(file: str) -> tuple[bytes, str]:
    """The file's bytes (at most :data:`FILE_LIMIT`) and its name for messages."""
    from briefing.files import read_limited

    if file == "-":
        return read_limited(sys.stdin.buffer, FILE_LIMIT, "file", "standard input"), "standard input"
    try:
        with open(file, "rb") as stream:
            return read_limited(stream, FILE_LIMIT, "file", file), file
    except FileNotFoundError:
        raise BadInput("file", f"there is no file {file}") from None
    except IsADirectoryError:
        raise BadInput("file", f"{file} is a folder, not a file") from None
    except OSError as exc:
        raise BadInput("file", f"cannot read {file}: {exc.strerror}") from None


def run_import(conn: sqlite3.Connection, kind: str, file: str, **options: Any) -> None:
    from briefing import importing
    from briefing.cli.output import write
    from briefing.import_rows import MissingColumn, read

    spec = importing.KINDS[kind]
    data, what = read_file(file)
    try:
        raws = read(
            data,
            what,
            spec.columns,
            kind,
            mapping=options["mapping"],
            required=spec.required,
            numbers=spec.numbers,
            decimal=options["decimal"],
        )
    except MissingColumn as exc:
        raise BadInput("file", f"{exc.problem}; name it with --map {exc.wanted}=COLUMN") from None
    with _progress(2 * len(raws)) as step:
        plan = importing.check(conn, spec, raws, skip_invalid=options["skip_invalid"], progress=step)
        done = importing.commit(conn, plan, dry_run=options["dry_run"], progress=step)
    for line in done.rejected:
        write(f"skipped {line}", err=True)
    one, many = NOUNS[kind]
    said = f"{'Would add' if options['dry_run'] else 'Added'} {done.added} {one if done.added == 1 else many}"
    if done.replaced:
        said += f", {'would replace' if options['dry_run'] else 'replaced'} {done.replaced}"
    said += f"; {done.already} already there"
    if done.rejected:
        said += f"; {len(done.rejected)} invalid row{'s' if len(done.rejected) > 1 else ''} skipped (above)"
    write(said + (" (dry run: nothing written)" if options["dry_run"] else ""), err=True)


class _progress:
    """``click.progressbar`` on stderr for a long file on a terminal; else nothing."""

    def __init__(self, length: int) -> None:
        self.bar = None
        if length > 2 * PROGRESS_FROM and sys.stderr.isatty():
            self.bar = click.progressbar(length=length, label="Importing", file=sys.stderr)

    def __enter__(self):
        if self.bar is None:
            return None
        return self.bar.__enter__().update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
