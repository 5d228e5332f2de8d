"""``briefing export``: a briefing's minutes, or a range of days as files.

Data goes to standard output unless ``-o`` names where; a file is written
whole or not at all, and an existing one is only replaced with ``--force``
(:mod:`briefing.files`).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from briefing.cli.common import RECORD_ID, reads_db
from briefing.cli.speaking import command
from briefing.cli.words import labels
from briefing.errors import BadInput, NotFound
from briefing.exporting import KINDS
from briefing.i18n import N_, _


@command(
    help=N_("""Export a briefing's minutes, or the records of a range of days.

    \b
    --format md     the minutes of ONE briefing, in Markdown: agenda planned
                    vs actual, client share, attendance, the client win and
                    whose it is, the verbatims shown, that day's numbers,
                    the notes. --id ID or --date DATE [default: the last held].
    --format json   one document with a list per kind (verbatims, wins,
                    metrics, briefings), as the --json listings print them;
                    'briefing verbatim|win|metric import' read it back.
    --format csv    one table per kind. To standard output only one kind
                    (--kind); with several, -o names a folder, which gets
                    verbatims.csv, wins.csv, metrics.csv, briefings.csv.
    csv and json need the days: --date DATE, or --from DATE [--to DATE].

    \b
    Examples:
      briefing export --format md -o minutes.md
      briefing export --format json --from 2026-01-01 --to 2026-12-31 -o 2026.json
      briefing export --format csv --from 2026-11-01 --excel -o november/
      briefing export --format csv --kind metrics --date yesterday
    """)
)
@click.option(
    "--format", "fmt", type=click.Choice(["md", "csv", "json"]), required=True, help=N_("What to write (see above).")
)
@click.option("--id", "meeting_id", type=RECORD_ID, help=N_("md: the briefing with this id."))
@click.option("--date", "day", metavar="DATE", help=N_("md: the briefing held that day; csv, json: that one day."))
@click.option("--from", "start", metavar="DATE", help=N_("csv, json: from this day (YYYY-MM-DD, today, yesterday)."))
@click.option("--to", "end", metavar="DATE", help=N_("csv, json: up to this day, included [default: today]."))
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(KINDS),
    multiple=True,
    help=N_("csv, json: only this kind of record (repeat for several) [default: all four]."),
)
@click.option("--excel", is_flag=True, help=N_("csv: UTF-8 with a BOM, ';' between cells, decimal commas."))
@click.option("-o", "--output", metavar="FILE|DIR", help=N_("Write there instead of standard output."))
@click.option("--force", is_flag=True, help=N_("Replace a file that is already there."))
@reads_db
@labels(start="--from", end="--to", output="-o", kinds="--kind", excel="--excel", id="--id")
def export(conn: sqlite3.Connection, fmt: str, meeting_id, day, start, end, kinds, excel, output, force) -> None:
    if excel and fmt != "csv":
        raise BadInput("excel", _("only for --format csv"))
    if fmt == "md":
        if start or end or kinds:
            raise BadInput(
                "start" if start or end else "kinds", _("--format md writes one briefing: give --id or --date")
            )
        _minutes(conn, meeting_id, day, output, force)
        return
    if meeting_id is not None:
        raise BadInput("id", _("picks one briefing's minutes (--format md); give days for csv or json"))
    from briefing import exporting

    first, last = exporting.span(start, end, day)
    chosen = tuple(k for k in KINDS if k in kinds) if kinds else KINDS
    if fmt == "csv" and output is None and len(chosen) != 1:
        raise BadInput(
            "output", _("CSV on standard output holds one kind of record: give --kind, or -o DIR for a file per kind")
        )
    period = exporting.read(conn, first, last, chosen)
    from briefing.cli import export_formats as formats

    if fmt == "json":
        data = formats.json_document(period, chosen)
        _emit(data, output, f"briefing-{first}-to-{last}.json", force)
    elif output is None:
        _emit(formats.csv_table(period, chosen[0], excel=excel), None, "", force)
    elif len(chosen) == 1:
        _emit(formats.csv_table(period, chosen[0], excel=excel), output, f"{chosen[0]}.csv", force)
    else:
        _folder({f"{k}.csv": formats.csv_table(period, k, excel=excel) for k in chosen}, Path(output), force)


def _minutes(conn: sqlite3.Connection, meeting_id: int | None, day: str | None, output: str | None, force: bool):
    from briefing import history, minutes

    if meeting_id is not None and day is not None:
        raise BadInput("id", _("give an id or a date, not both"))
    if day is not None:
        meeting_id = history.resolve(conn, day)
    elif meeting_id is None:
        last = history.page(conn, limit=1)
        if not last:
            raise NotFound("which", _("no briefing has been held yet"))
        meeting_id = last[0].id
    found = minutes.load(conn, meeting_id)
    _emit(minutes.render(found).encode("utf-8"), output, minutes.filename(found.summary.meeting.day) + ".md", force)


def _emit(data: bytes, output: str | None, name_in_folder: str, force: bool) -> None:
    """To standard output, or to ``output`` (a file, or a folder that gets
    ``name_in_folder``), said on stderr."""
    from briefing.cli.output import write

    if output is None:
        if sys.stdout.isatty():  # a terminal shows text: people's control characters stay inert
            from briefing.safetext import inert

            data = inert(data.decode("utf-8")).encode("utf-8")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    if path.is_dir():
        path = path / name_in_folder
    _write(path, data, force)
    write(_("Wrote {path}").format(path=path), err=True)


def _folder(files: dict[str, bytes], folder: Path, force: bool) -> None:
    """Several files into ``folder`` (made if missing); none is written if
    one of them would replace a file without ``--force``."""
    from briefing.cli.output import write

    if folder.exists() and not folder.is_dir():
        raise BadInput(
            "output",
            _("{folder} is a file: several kinds of record go to a folder (or give one --kind)").format(folder=folder),
        )
    if not force:
        taken = [name for name in files if (folder / name).exists()]
        if taken:
            raise BadInput("output", _("{path} already exists; --force replaces it").format(path=folder / taken[0]))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BadInput(
            "output", _("cannot make the folder {folder}: {reason}").format(folder=folder, reason=exc.strerror)
        ) from None
    for name, data in files.items():
        _write(folder / name, data, force)
    write(_("Wrote {files} in {folder}").format(files=", ".join(files), folder=folder), err=True)


def _write(path: Path, data: bytes, force: bool) -> None:
    from briefing.files import write_new

    if path.exists() and not force:
        raise BadInput("output", _("{path} already exists; --force replaces it").format(path=path))
    try:
        write_new(path, data, replace=force)
    except FileExistsError:
        raise BadInput("output", _("{path} already exists; --force replaces it").format(path=path)) from None
    except OSError as exc:
        raise BadInput("output", _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from None
