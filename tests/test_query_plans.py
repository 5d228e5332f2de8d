"""What a screen shows as a window costs the window, not the years.

Every statement the hot paths run (home, the meeting's board, the inbox's
first page and its searches, the rotation, a meeting command) is read back
through EXPLAIN QUERY PLAN: none may scan a table that grows with the
history. The team (a few dozen people) may be scanned; a search index is
read through its own MATCH.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing import (
    calls,
    client_admin,
    client_hint,
    client_near,
    client_page,
    demo,
    exporting,
    history,
    importing,
    inbox,
    meeting,
    minutes,
    person_year,
    presenting,
    verbatims,
    win_stories,
)
from briefing import db as store
from briefing.board import load_board
from briefing.import_rows import Raw
from briefing.readiness import readiness
from tests.conftest import DAY

#: Tables whose rows grow every day.
GROWING = {
    "clients",
    "calls",
    "verbatims",
    "wins",
    "metrics",
    "meetings",
    "meeting_events",
    "meeting_attendance",
    "meeting_verbatims",
}

HOT = {
    "home": lambda c: readiness(c, DAY),
    "meeting board": lambda c: load_board(c, DAY),
    "inbox": lambda c: inbox.find(c, inbox.Query()),
    "inbox search": lambda c: inbox.find(c, inbox.Query(search="livraison")),
    "inbox new only": lambda c: inbox.find(c, inbox.Query(status="new")),
    "inbox by someone": lambda c: inbox.find(c, inbox.Query(by="Inès Moreau")),
    "inbox next page": lambda c: inbox.page(c, inbox.Query(), "verbatims", 100),
    "rotation": lambda c: presenting.next_presentation(c, DAY, meeting.current_id(c)),
    "verbatim list --search": lambda c: verbatims.list_verbatims(c, search="merci", limit=20),
    "meeting next": lambda c: meeting.go(c, +1),
    "history": lambda c: history.page(c),
    "history next page": lambda c: history.page(c, after=("2026-11-20", 10)),
    "history of a month": lambda c: history.between(c, "2026-11-01", "2026-11-30", None),
    "a person's year": lambda c: person_year.load(c, 2, DAY),
    "export of a month": lambda c: exporting.read(c, date(2026, 11, 1), date(2026, 11, 30)),
    "minutes of a briefing": lambda c: minutes.load(c, history.page(c, limit=1)[0].id),
    "import: what is already there": lambda c: _import_dry_run(c),
    "whom to call today": lambda c: calls.proposals(c, DAY),
    "a call logged with words": lambda c: calls.log(c, "Hélène Roussel", "reached", None, "Ça va", None, DAY),
    "a client's page": lambda c: client_page.page_of(c, verbatim_id=1),
    "a win's client page": lambda c: client_page.page_of(c, win_id=1),
    "clients list": lambda c: client_admin.list_clients(c),
    "clients list of a company": lambda c: client_admin.list_clients(c, company="Altis Logistique"),
    "clients search": lambda c: client_admin.list_clients(c, search="rou"),
    "wins of the week under the numbers": lambda c: win_stories.recent(c, DAY),
    "a near client name": lambda c: client_near.near_client(c, "Helene Rousel", "Altis Logistique"),
    "a near win client": lambda c: client_near.near_for_win(c, "Altis Logistiqe"),
    "a verbatim form's client hint": lambda c: client_hint.for_verbatim(c, "helene roussel", "Altis Logistique"),
    "a win form's client hint (company)": lambda c: client_hint.for_win(c, "altis logistique"),
    "a win form's client hint (person)": lambda c: client_hint.for_win(c, "Hélène Roussel"),
}


def _import_dry_run(conn) -> None:
    for kind, values in (
        ("verbatims", {"text": "Merci", "client": "Léa", "date": "2026-11-20"}),
        ("wins", {"title": "Altis", "owner": "Inès Moreau", "date": "2026-11-20"}),
        ("metrics", {"name": "Calls", "value": "3", "date": "2026-11-20"}),
    ):
        plan = importing.check(conn, importing.KINDS[kind], [Raw("row 1", values, {})])
        importing.commit(conn, plan, dry_run=True)


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "demo.db"
    demo.build(path, today=DAY)
    with store.opened(path) as conn:
        meeting.start(conn, again=True, day=DAY)
    return path


def full_scans(conn, statements: list[str]) -> list[str]:
    found = []
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            continue
        for *_, detail in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            words = detail.split()
            if words[0] == "SCAN" and words[1] in GROWING and "USING" not in detail:
                found.append(f"{detail}  <-  {' '.join(sql.split())[:120]}")
    return found


@pytest.mark.parametrize("path", list(HOT))
def test_no_hot_path_scans_a_table_that_grows_with_the_history(running, path):
    with store.opened(running) as conn:
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        HOT[path](conn)
        conn.set_trace_callback(None)
        assert statements, "the path ran no statement: the test would prove nothing"
        assert full_scans(conn, statements) == []


def test_the_check_sees_a_full_scan_when_there_is_one(running):
    with store.opened(running) as conn:
        assert full_scans(conn, ["SELECT * FROM verbatims WHERE text LIKE '%a%'"])
