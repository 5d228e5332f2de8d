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
from briefing.cli.speaking import SpeakingCommand
from briefing.errors import BadInput
from briefing.i18n import N_, _, ngettext

#: Far above a CRM's yearly export of metrics or verbatims (a year of
#: verbatims is a few MB); beyond it, a file is refused unread.
FILE_LIMIT = 50 * 1024 * 1024
#: A bar for files longer than this many rows (shorter ones take a blink).
PROGRESS_FROM = 2000

#: What each kind's import is said to add (the help's {records}).
RECORDS = {"verbatims": N_("verbatims"), "wins": N_("wins"), "metrics": N_("metric values")}

IMPORT_HELP = N_("""Add {records} from FILE (CSV or JSON; '-' reads standard input).

    Every row is checked as 'add' checks it before anything is written:
    one bad row refuses the whole file, naming its line and column
    (--skip-invalid imports the others and lists it). A record already
    there is not added twice. CSV: UTF-8 (with or without a BOM), cells
    separated by ',', ';' or tabs, days as YYYY-MM-DD or DD/MM/YYYY;
    columns named as the fields ({fields}), or mapped with --map. JSON:
    what 'briefing export --format json' or 'briefing {group} list --json' writes.
    People must be in the team already: the import creates nobody.

    \b
    Example:
      {example}
    """)


class ImportCommand(SpeakingCommand):
    """``import``: one help for the three kinds, filled in when it is shown."""

    def __init__(self, *args: Any, kind: str, group_name: str, example: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.group_name, self.example = kind, group_name, example

    def help_text(self) -> str | None:
        from briefing.importing import KINDS

        text = super().help_text() or ""
        fields = ", ".join(KINDS[self.kind].fields)
        return text.format(records=_(RECORDS[self.kind]), fields=fields, group=self.group_name, example=self.example)


def import_command(group: click.Group, kind: str, example: str) -> None:
    """Add ``import`` to ``group`` for records of ``kind``."""

    @group.command("import", cls=ImportCommand, help=IMPORT_HELP, kind=kind, group_name=group.name, example=example)
    @click.argument("file", metavar="FILE")
    @click.option(
        "--map",
        "maps",
        multiple=True,
        metavar="FIELD=COLUMN,...",
        help=N_("CSV: which column holds a field (repeat, or separate with commas)."),
    )
    @click.option("--dry-run", is_flag=True, help=N_("Check and count, write nothing."))
    @click.option("--skip-invalid", is_flag=True, help=N_("Import the good rows; list the others on stderr."))
    @click.option(
        "--decimal",
        type=click.Choice(["auto", "comma", "point"]),
        default="auto",
        show_default=True,
        help=N_("CSV numbers: auto is a comma when cells are separated by ';'."),
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
            raise BadInput(None, _("--map: {part} is not FIELD=COLUMN").format(part=repr(part)))
        if name not in fields:
            raise BadInput(
                None,
                _("--map: {name} is not a field here ({fields})").format(name=repr(name), fields=", ".join(fields)),
            )
        out[name] = column.strip()
    return out


def read_file(file: str) -> tuple[bytes, str]:
    """The file's bytes (at most :data:`FILE_LIMIT`) and its name for messages."""
    from briefing.files import read_limited

    if file == "-":
        stdin = _("standard input")
        return read_limited(sys.stdin.buffer, FILE_LIMIT, "file", stdin), stdin
    try:
        with open(file, "rb") as stream:
            return read_limited(stream, FILE_LIMIT, "file", file), file
    except FileNotFoundError:
        raise BadInput("file", _("there is no file {file}").format(file=file)) from None
    except IsADirectoryError:
        raise BadInput("file", _("{file} is a folder, not a file").format(file=file)) from None
    except OSError as exc:
        raise BadInput("file", _("cannot read {file}: {reason}").format(file=file, reason=exc.strerror)) from None


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
        raise BadInput(
            "file", _("{problem}; name it with --map {field}=COLUMN").format(problem=exc.problem, field=exc.wanted)
        ) from None
    with _progress(2 * len(raws)) as step:
        plan = importing.check(conn, spec, raws, skip_invalid=options["skip_invalid"], progress=step)
        done = importing.commit(conn, plan, dry_run=options["dry_run"], progress=step)
    for line in done.rejected:
        write(_("skipped {row}").format(row=line), err=True)
    write(said(kind, done, dry_run=options["dry_run"]), err=True)


def said(kind: str, done: Any, *, dry_run: bool) -> str:
    """What an import did (or would do): added, replaced, already there, skipped."""
    dry = dry_run
    line = _added(kind, done.added, dry).format(count=done.added)
    if done.replaced:
        replaced = (
            ngettext(", would replace {count}", ", would replace {count}", done.replaced)
            if dry
            else ngettext(", replaced {count}", ", replaced {count}", done.replaced)
        )
        line += replaced.format(count=done.replaced)
    line += _("; {count} already there").format(count=done.already)
    if done.rejected:
        line += ngettext(
            "; {count} invalid row skipped (above)", "; {count} invalid rows skipped (above)", len(done.rejected)
        ).format(count=len(done.rejected))
    return line + (_(" (dry run: nothing written)") if dry else "")


def _added(kind: str, count: int, dry: bool) -> str:
    """How many records of ``kind`` were added (would be, in a dry run)."""
    if kind == "verbatims":
        if dry:
            return ngettext("Would add {count} verbatim", "Would add {count} verbatims", count)
        return ngettext("Added {count} verbatim", "Added {count} verbatims", count)
    if kind == "wins":
        if dry:
            return ngettext("Would add {count} win", "Would add {count} wins", count)
        return ngettext("Added {count} win", "Added {count} wins", count)
    if dry:
        return ngettext("Would add {count} metric value", "Would add {count} metric values", count)
    return ngettext("Added {count} metric value", "Added {count} metric values", count)


class _progress:
    """``click.progressbar`` on stderr for a long file on a terminal; else nothing."""

    def __init__(self, length: int) -> None:
        self.bar = None
        if length > 2 * PROGRESS_FROM and sys.stderr.isatty():
            self.bar = click.progressbar(length=length, label=_("Importing"), file=sys.stderr)

    def __enter__(self):
        if self.bar is None:
            return None
        return self.bar.__enter__().update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
