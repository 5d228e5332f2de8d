"""Importing records from a file: every row checked before any is written.

Why it works this way:

* **All or nothing.** Each row goes through the same model as ``add``
  (:func:`briefing.validation.validate`) and its people are found in the
  team, all before the first write; a bad row refuses the whole file,
  naming its line and column (:class:`BadRecord`), unless the caller asks
  to skip the bad rows and hear about them. The good rows are then written
  in one transaction: a failure half way leaves nothing behind.
* **Twice is once.** A record already in the database is not added again:
  a verbatim is the same one if it has the same day, client and words; a
  win if it has the same day, owner and title; a metric value is one per
  name and day (importing it again replaces it, and a value that is the
  same counts as already there). Only the file's days are read to know.
* **History stays history.** A file written by an export carries each
  record's status, instants and id; they are kept, so an export imported
  into a new database exports again to the same bytes. An id already used
  in the database is not taken over: the record gets a new one.
* **People must exist.** A verbatim's collector, a win's owner and
  presenter are found in the team (accent- and case-blind, as ``add``
  does); someone who has left is still found, since the record is from
  when they were there. Nobody is created: the team comes first.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing import client_links, metrics, team
from briefing.db import snapshot, write
from briefing.errors import BadInput
from briefing.i18n import _
from briefing.import_rows import Raw
from briefing.kinds import VerbatimStatus, WinStatus
from briefing.records import Metric
from briefing.timeutil import today, utc_now_iso
from briefing.validation import validate

__all__ = ["KINDS", "BadRecord", "Kind", "Outcome", "Plan", "check", "commit"]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Kind:
    name: str
    model: str
    #: The model's fields, then what an export adds (status, instants, id).
    fields: tuple[str, ...]
    extras: tuple[str, ...]
    required: tuple[str, ...]
    numbers: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.fields + self.extras


KINDS = {
    "verbatims": Kind(
        "verbatims",
        "VerbatimIn",
        ("text", "client", "company", "channel", "sentiment", "collected_by", "date"),
        ("id", "status", "created_at", "updated_at"),
        ("text", "client"),
    ),
    "wins": Kind(
        "wins",
        "WinIn",
        ("title", "owner", "client", "story", "date"),
        ("id", "status", "presented_by", "presented_at", "created_at"),
        ("title", "owner"),
    ),
    "metrics": Kind(
        "metrics", "MetricIn", ("name", "value", "target", "unit", "date"), (), ("name", "value"), ("value", "target")
    ),
}


class BadRecord(BadInput):
    """A row refused: ``where`` (``metrics.csv line 8``), then the column
    as the file names it and the problem."""

    def __init__(self, where: str, column: str | None, problem: str) -> None:
        if column:
            text = _("{where} ({column}): {problem}").format(where=where, column=column, problem=problem)
        else:
            text = _("{where}: {problem}").format(where=where, problem=problem)
        super().__init__(None, text)
        self.where = where


@dataclass
class Plan:
    kind: Kind
    #: Checked records, ready to write: column -> stored value.
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: Rows left out (``skip_invalid``), each as one line.
    rejected: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    added: int
    already: int
    replaced: int
    rejected: tuple[str, ...]


#: A stored instant (UTC ISO text); older records may hold just the day.
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z)?")


def check(
    conn: sqlite3.Connection,
    kind: Kind,
    raws: list[Raw],
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> Plan:
    """Validate every record; the first bad one raises :class:`BadRecord`,
    or with ``skip_invalid`` is listed in :attr:`Plan.rejected`."""
    people = _People(conn)
    plan = Plan(kind)
    for raw in raws:
        try:
            plan.rows.append(_checked(kind, raw, people))
        except BadRecord as exc:
            if not skip_invalid:
                raise
            plan.rejected.append(str(exc))
        if progress:
            progress(1)
    return plan


def _checked(kind: Kind, raw: Raw, people: _People) -> dict[str, Any]:
    data = {k: v for k, v in raw.values.items() if k in kind.fields and v is not None}
    data.setdefault("date", today())
    try:
        fields = validate(kind.model, data)
    except BadInput as exc:
        empty = exc.field in kind.fields and raw.values.get(exc.field) is None
        raise BadRecord(
            raw.where, raw.columns.get(exc.field or ""), _("must not be empty") if empty else exc.problem
        ) from None
    row = {k: (v.isoformat() if k == "date" else getattr(v, "value", v)) for k, v in fields.items()}
    try:
        for name in ("collected_by", "owner"):
            if row.get(name) is not None:
                row[name] = people.find(row[name], name)
        if "presented_by" in kind.extras:
            given = raw.values.get("presented_by")
            row["presented_by"] = people.find(str(given), "presented_by") if given else None
        _extras(kind, raw.values, row)
    except BadInput as exc:
        raise BadRecord(raw.where, raw.columns.get(exc.field or ""), exc.problem) from None
    return row


def _extras(kind: Kind, values: dict[str, Any], row: dict[str, Any]) -> None:
    """What an export adds to a record, checked: status, instants, id."""
    if "status" in kind.extras:
        statuses = VerbatimStatus if kind.name == "verbatims" else WinStatus
        status = values.get("status") or ("new" if kind.name == "verbatims" else "pending")
        if status not in {s.value for s in statuses}:
            choices = ", ".join(s.value for s in statuses)
            raise BadInput("status", _("{value} is not one of {choices}").format(value=repr(status), choices=choices))
        row["status"] = status
    for name in ("created_at", "updated_at", "presented_at"):
        if name in kind.extras:
            given = values.get(name)
            if given is not None and not (isinstance(given, str) and _INSTANT.fullmatch(given)):
                raise BadInput(
                    name, _("{value} is not an instant like 2026-11-24T08:30:00.000000Z").format(value=repr(given))
                )
            row[name] = given
    if "id" in kind.extras:
        given = values.get("id")
        if isinstance(given, str) and given.strip().isdigit():
            given = int(given)
        if given is not None and not (isinstance(given, int) and 0 < given < 2**63):
            raise BadInput("id", _("{value} is not a record id").format(value=repr(given)))
        row["id"] = given


class _People:
    """The team, read once: a name finds anyone by full name (someone who
    left included), or an active person by first name, as ``add`` does."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.everyone = team.list_team(conn)

    def find(self, name: str, field: str) -> int:
        wanted = team.fold(name)
        exact = [p for p in self.everyone if team.fold(p.name) == wanted]
        if exact:
            return exact[0].id
        partial = [p for p in self.everyone if p.active and wanted and team.fold(p.name).startswith(wanted + " ")]
        if len(partial) == 1:
            return partial[0].id
        if partial:
            names = _(" or ").join(p.name for p in partial)
            raise BadInput(field, _("{name} could be {names}: give the full name").format(name=repr(name), names=names))
        raise BadInput(field, _("nobody named {name} in the team").format(name=repr(name)))


def commit(conn: sqlite3.Connection, plan: Plan, *, dry_run: bool = False, progress: Progress | None = None) -> Outcome:
    """Write the plan's rows in one transaction (``dry_run``: count only,
    in a read transaction) and say what was added and what was there."""
    if plan.kind.name == "metrics":
        counts = _metrics(conn, plan.rows, dry_run)
        if progress:
            progress(len(plan.rows))
    else:
        with snapshot(conn) if dry_run else write(conn):
            counts = _records(conn, plan, dry_run, progress)
    return Outcome(*counts, tuple(plan.rejected))


def _records(conn: sqlite3.Connection, plan: Plan, dry_run: bool, progress: Progress | None) -> tuple[int, int, int]:
    table, identity = (
        ("verbatims", ("date", "client", "text"))
        if plan.kind.name == "verbatims"
        else ("wins", ("date", "owner_id", "title"))
    )
    rows = [_stored(plan.kind.name, r) for r in plan.rows]
    seen: set[tuple[Any, ...]] = set()
    if rows:
        days = (min(r["date"] for r in rows), max(r["date"] for r in rows))
        sql = f"SELECT {', '.join(identity)} FROM {table} WHERE date BETWEEN ? AND ?"
        seen = {tuple(r) for r in conn.execute(sql, days)}
    added = already = 0
    for row in rows:
        key = tuple(row[k] for k in identity)
        if key in seen:
            already += 1
        else:
            seen.add(key)
            added += 1
            if not dry_run:
                _insert(conn, table, row)
        if progress:
            progress(1)
    return added, already, 0


def _stored(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A checked row as the table's columns."""
    out = dict(row)
    out["created_at"] = row.get("created_at") or utc_now_iso()
    if kind == "wins":
        out["owner_id"] = out.pop("owner")
        if out["status"] == "pending":
            out["presented_by"] = out["presented_at"] = None
    return out


_COLUMNS = {
    "verbatims": (
        "text",
        "client",
        "company",
        "channel",
        "sentiment",
        "collected_by",
        "date",
        "status",
        "created_at",
        "updated_at",
    ),
    "wins": ("title", "owner_id", "client", "story", "date", "status", "presented_by", "presented_at", "created_at"),
}


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    """One row, linked to its client (and a win to its company) as
    :mod:`briefing.client_links` does: an import asks nothing, names near a
    known client's are left for ``client doctor`` to list."""
    columns = list(_COLUMNS[table])
    row = dict(row)
    if table == "verbatims":
        row["client_id"] = client_links.link_client(conn, row["client"], row.get("company"))
        columns.append("client_id")
    else:
        row["company_id"], row["client_id"] = client_links.link_win(conn, row.get("client"))
        columns += ["company_id", "client_id"]
    wanted = row.get("id")
    if wanted is not None and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone() is None:
        columns.insert(0, "id")
    marks = ", ".join("?" * len(columns))
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", [row.get(c) for c in columns])


def _metrics(conn: sqlite3.Connection, rows: list[dict[str, Any]], dry_run: bool) -> tuple[int, int, int]:
    """Through :func:`briefing.metrics.add_many` (one transaction, the
    metric's own upsert), then counted by what each value replaced. A dry
    run works out the same from what is stored, writing nothing."""
    if not dry_run:
        pairs = metrics.add_many(conn, rows) if rows else []
    else:
        with snapshot(conn):
            held = {(m.name.casefold(), m.date.isoformat()): m for m in _existing(conn, rows)}
        pairs = []
        for r in rows:
            key = (r["name"].casefold(), r["date"])
            old = held.get(key)
            target = r["target"] if r["target"] is not None or old is None else old.target
            unit = r["unit"] if r["unit"] is not None or old is None else old.unit
            held[key] = new = Metric(r["name"], r["value"], target, unit, date.fromisoformat(r["date"]))
            pairs.append((new, old))
    added = sum(old is None for _, old in pairs)
    already = sum(
        old is not None and (old.value, old.target, old.unit) == (new.value, new.target, new.unit) for new, old in pairs
    )
    return added, already, len(pairs) - added - already


def _existing(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[metrics.Metric]:
    if not rows:
        return []
    days = (min(r["date"] for r in rows), max(r["date"] for r in rows))
    return [Metric.from_row(r) for r in conn.execute("SELECT * FROM metrics WHERE date BETWEEN ? AND ?", days)]
