"""The files ``briefing export`` writes for a range of days: one JSON
document, or one CSV table per kind of record.

Records have the shapes of the ``--json`` listings (:mod:`briefing.cli.jsonout`),
so a script that reads ``briefing verbatim list --json`` reads an export,
and ``briefing verbatim import`` reads both. A CSV table's columns are the
same names in the same order; a briefing, which nests lists, is flattened
to one row (names joined with ``; ``, the verbatims shown as their ids).
Nothing in them depends on when they were written (no timestamp): the same
range exports to the same bytes, so two exports can be compared with diff.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.cli import jsonout
from briefing.exporting import Period
from briefing.safetext import json_inert
from briefing.tabular import dump

Json = dict[str, Any]


def records(period: Period, kind: str) -> list[Json]:
    """One kind of the period's records, as their ``--json`` shapes."""
    if kind == "verbatims":
        return [jsonout.verbatim(v) for v in period.verbatims]
    if kind == "wins":
        return [jsonout.win(w) for w in period.wins]
    if kind == "metrics":
        return [jsonout.metric(m) for m in period.metrics]
    return [jsonout.summary(s) for s in period.briefings]


def json_document(period: Period, kinds: tuple[str, ...]) -> bytes:
    """One object, one record a line: a diff of two exports shows the
    records that changed, and each line is encoded by json's C encoder
    (an indented dump goes through its pure-Python one, 5x slower on a
    year of records)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    parts = [f'  "from": "{period.start.isoformat()}"', f'  "to": "{period.end.isoformat()}"']
    for kind in kinds:
        lines = ",\n".join(f"    {dumps(r)}" for r in records(period, kind))
        parts.append(f'  "{kind}": [\n{lines}\n  ]' if lines else f'  "{kind}": []')
    return (json_inert("{\n" + ",\n".join(parts) + "\n}") + "\n").encode("utf-8")


BRIEFING_COLUMNS = (
    "id",
    "day",
    "outcome",
    "elapsed_s",
    "client_s",
    "sales_s",
    "team_s",
    "client_share",
    "target_share",
    "presenter",
    "win_id",
    "win_title",
    "win_owner",
    "win_client",
    "win_skipped",
    "not_ready",
    "present",
    "absent",
    "off",
    "verbatims_shown",
    "notes",
)


def _briefing_row(b: Json) -> list[Any]:
    win = b["win"] or {}
    flat = b | {f"{k}_s": v for k, v in b["elapsed_by_kind"].items()}
    flat |= {f"win_{k}": win.get(k) for k in ("id", "title", "owner", "client")}
    flat |= {k: "; ".join(b[k]) for k in ("present", "absent", "off")}
    flat["not_ready"] = "; ".join(b["skipped"])
    flat["verbatims_shown"] = " ".join(str(v["id"]) for v in b["verbatims_shown"])
    return [flat.get(c) for c in BRIEFING_COLUMNS]


def csv_table(period: Period, kind: str, *, excel: bool = False) -> bytes:
    rows = records(period, kind)
    if kind == "briefings":
        return dump(BRIEFING_COLUMNS, [_briefing_row(b) for b in rows], excel=excel)
    header = list(rows[0]) if rows else list(_EMPTY_HEADERS[kind])
    return dump(header, [[r[c] for c in header] for r in rows], excel=excel)


#: The columns of a table with no rows (the same as the JSON shapes' keys).
_EMPTY_HEADERS = {
    "verbatims": (
        "id",
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
    "wins": ("id", "title", "owner", "client", "story", "date", "status", "presented_by", "presented_at", "created_at"),
    "metrics": ("name", "value", "target", "unit", "date"),
}
