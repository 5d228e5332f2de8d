"""The demo team: a realistic database built from the files in ``data/demo``.

Dates in those files are "days ago", so the demo always looks like this
week. The database is built in a side file and swapped in at the end: a
failure half way never leaves a half-built demo behind.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from briefing import agenda as agendas
from briefing import db, metrics, team, verbatims, wins
from briefing.resources import data_dir
from briefing.timeutil import today as _today

DEMO_KEY = "demo"


def demo_state(path: Path) -> str | None:
    """``"built"``: a demo as this command left it, free to rebuild;
    ``"changed"``: a demo someone used since (a verbatim added, a briefing
    run), whose data is worth a question; None: not a demo."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (DEMO_KEY,)).fetchone()
            if row is None:
                return None
            return "built" if row[0] == fingerprint(conn) else "changed"
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of every row of every table (the demo's own mark aside): any
    change, even a rename, changes it. Demo files are small; this reads
    them whole in a few milliseconds, and is only asked of a marked demo."""
    import hashlib

    digest = hashlib.sha256()
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
            if table == "settings" and row[0] == DEMO_KEY:
                continue
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def holds_data(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def build(path: Path, *, today: date | None = None) -> dict[str, int]:
    """(Re)build the demo database at ``path``; returns how many rows of each."""
    day0 = today or _today()
    source = data_dir() / "demo"
    tmp = path.with_name(path.name + ".building")
    _remove_db_files(tmp)
    conn = db.connect(tmp)
    conn.backups = False  # a file in the making: its copy would be of half a demo
    try:
        counts = _fill(conn, source, day0)
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (DEMO_KEY, fingerprint(conn)))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    _remove_db_files(path)
    os.replace(tmp, path)
    _remove_db_files(tmp)
    return counts


def _remove_db_files(path: Path) -> None:
    # A stale -wal beside a new main file would be replayed into it.
    for suffix in ("-wal", "-shm", ""):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _load(source: Path, name: str) -> list[dict]:
    with (source / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _fill(conn: sqlite3.Connection, source: Path, day0: date) -> dict[str, int]:
    def ago(days: int) -> str:
        return (day0 - timedelta(days=int(days))).isoformat()

    people = _load(source, "team.json")
    for person in people:
        team.add(
            conn, person["name"], lead=person["role"] == "lead", today=day0 - timedelta(days=person["joined_days_ago"])
        )

    # The demo team has run its stand-up for weeks, on the agenda teams had
    # before the client call (``briefing agenda set`` adds one).
    # Its titles in the language the demo is built in (a new team's own text from then on).
    agendas.save_agenda(conn, agendas.builtin(agendas.CLASSIC_AGENDA))
    _past_briefings(conn, day0)

    quotes = _load(source, "verbatims.json")
    for q in quotes:
        fields = {k: q.get(k) for k in ("text", "client", "company", "channel", "sentiment", "collected_by")}
        new_id = verbatims.add(conn, {**fields, "date": ago(q["days_ago"])})
        if q.get("status", "new") != "new":
            conn.execute("UPDATE verbatims SET status = ? WHERE id = ?", (q["status"], new_id))
        if q.get("status") == "shown":
            _shown(conn, new_id, day0 - timedelta(days=int(q["days_ago"])))

    # Phone numbers, so the client call has someone to ring (a proposal
    # with a number comes first).
    for c in _load(source, "clients.json"):
        conn.execute(
            """UPDATE clients SET phone = ? WHERE name = ?
               AND company_id = (SELECT id FROM companies WHERE name = ?)""",
            (c["phone"], c["name"], c["company"]),
        )

    won = _load(source, "wins.json")
    for w in won:
        fields = {k: w.get(k) for k in ("title", "owner", "client", "story")}
        new_id = wins.add(conn, {**fields, "date": ago(w["days_ago"])})
        if w.get("status") == "presented":
            _told(conn, new_id, w.get("presented_by") or w["owner"], day0 - timedelta(days=int(w["days_ago"])))

    with (source / "metrics.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        metrics.add(
            conn,
            {
                "name": r["name"],
                "value": r["value"],
                "target": r["target"] or None,
                "unit": r["unit"] or None,
                "date": ago(r["days_ago"]),
            },
        )
    return {"team": len(people), "verbatims": len(quotes), "wins": len(won), "metrics": len(rows)}


def _shown(conn: sqlite3.Connection, verbatim_id: int, said: date) -> None:
    """A verbatim marked shown was on the screen at the first briefing held
    after it was said: the history says how many each briefing showed."""
    held = conn.execute(
        "SELECT id, day FROM meetings WHERE outcome = 'finished' AND day > ? ORDER BY day LIMIT 1", (said.isoformat(),)
    ).fetchone()
    if held is not None:
        conn.execute(
            "INSERT INTO meeting_verbatims (meeting_id, verbatim_id, shown_at) VALUES (?, ?, ?)",
            (held["id"], verbatim_id, f"{held['day']}T08:02:00+00:00"),
        )


def _told(conn: sqlite3.Connection, win_id: int, named: str, won: date) -> None:
    """A win told at the first briefing held after it was won, by that
    briefing's presenter (the rotation chose them; the file's name is the
    teller only when no briefing followed), so the history, the trends and
    each person's year agree with the wins' own record."""
    held = conn.execute(
        """SELECT id, day, presenter_id FROM meetings
           WHERE outcome = 'finished' AND day > ? AND win_id IS NULL AND presenter_id IS NOT NULL
           ORDER BY day LIMIT 1""",
        (won.isoformat(),),
    ).fetchone()
    if held is None:
        conn.execute(
            """UPDATE wins SET status = 'presented', presented_at = ?,
               presented_by = (SELECT id FROM collaborators WHERE name = ?) WHERE id = ?""",
            (won.isoformat(), named, win_id),
        )
        return
    conn.execute("UPDATE meetings SET win_id = ? WHERE id = ?", (win_id, held["id"]))
    conn.execute(
        "UPDATE wins SET status = 'presented', presented_at = ?, presented_by = ? WHERE id = ?",
        (held["day"], held["presenter_id"], win_id),
    )


def _past_briefings(conn: sqlite3.Connection, day0: date) -> None:
    """Three weeks of held briefings, so the rotation has a history to explain.

    Run through the real meeting commands at 09:00 on each past working day,
    with a few people away now and then (deterministic, no randomness).
    """
    from datetime import UTC, datetime

    from briefing import meeting

    names = [p.name for p in team.list_team(conn) if not p.is_lead]
    held = 0
    for days_ago in range(21, 0, -1):
        day = day0 - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        t0 = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
        away = [n for i, n in enumerate(names) if (day.toordinal() + i) % 9 == 0]
        meeting.start(conn, now=t0, day=day, absent=away)
        minute = 0
        # Client voice, client win, numbers: the team learns to give the
        # client more of the time (the Trends screen has a story to tell).
        for seconds in (180 + 6 * held + held * 37 % 40, 170 + held * 53 % 50, 400 - 9 * held):
            minute += seconds
            meeting.go(conn, +1, now=t0 + timedelta(seconds=minute))
        meeting.finish(conn, now=t0 + timedelta(seconds=minute + 150 + held * 29 % 60))
        held += 1
