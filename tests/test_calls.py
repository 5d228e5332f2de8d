"""A call logged as the team makes it, the proposals read from a database,
the call segment in the agenda, and the agendas of teams old and new."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefing import calls, verbatims
from briefing import db as store
from briefing.agenda import CLASSIC_AGENDA, DEFAULT_AGENDA, load_agenda
from briefing.errors import BadInput
from briefing.timeutil import today

TODAY = today()


def said(conn, text: str, client: str, company: str | None, days_ago: int, sentiment="neutral") -> int:
    day = (TODAY - timedelta(days=days_ago)).isoformat()
    return verbatims.add(
        conn, {"text": text, "client": client, "company": company, "sentiment": sentiment, "date": day}
    )


@pytest.fixture
def clients(conn, cli, team):
    said(conn, "Encore un retard de livraison.", "Marc Petit", "Petit & Fils Transports", 41, "negative")
    said(conn, "Merci pour la réactivité.", "Hélène Roussel", "Altis Logistique", 3, "positive")
    conn.execute("UPDATE clients SET phone = '06 12 34 56 78' WHERE name = 'Marc Petit'")
    return conn


def counts(conn) -> tuple[int, int]:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("calls", "verbatims"))


# -- logging a call ------------------------------------------------------------------


def test_a_reached_call_keeps_the_words_as_a_verbatim_of_that_client_by_the_caller(clients):
    made = calls.log(clients, "marc petit", "reached", "Inès", "Tout va mieux depuis lundi.")
    v = verbatims.get(clients, made.verbatim_id)
    assert (v.text, v.client, v.company, v.channel, v.collected_by, v.date, v.status) == (
        "Tout va mieux depuis lundi.",
        "Marc Petit",
        "Petit & Fils Transports",
        "call",
        "Inès Moreau",
        TODAY,
        "new",
    )
    row = clients.execute("SELECT client_id, outcome, verbatim_id, day FROM calls WHERE id = ?", (made.id,)).fetchone()
    linked = clients.execute("SELECT client_id FROM verbatims WHERE id = ?", (made.verbatim_id,)).fetchone()[0]
    assert tuple(row) == (made.client_id, "reached", made.verbatim_id, TODAY.isoformat()) and linked == made.client_id
    assert made.by == "Inès Moreau" and made.client == "Marc Petit (Petit & Fils Transports)"


def test_the_caller_is_the_lead_unless_someone_else_is_named(clients):
    assert calls.log(clients, "Marc Petit", "voicemail").by == "Claire Dubois"
    assert calls.log(clients, "Marc Petit", "no-answer", by="Karim").by == "Karim Benali"


def test_a_call_without_words_stores_no_verbatim(clients):
    before = counts(clients)
    made = calls.log(clients, "Marc Petit", "no-answer")
    assert made.verbatim_id is None and counts(clients) == (before[0] + 1, before[1])


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("Marc Petit", "hung-up"), "outcome"),
        (("Nobody Known", "reached"), "client"),
        (("Marc Petit", "reached", "Zorro"), "by"),
        (("Marc Petit", "voicemail", None, "Words from a voicemail?"), "text"),
        (("Marc Petit", "reached", None, "bad \x00 byte"), "text"),
    ],
)
def test_a_refused_call_writes_nothing(clients, args, field):
    before = counts(clients)
    with pytest.raises(BadInput) as refused:
        calls.log(clients, *args)
    assert refused.value.field == field and counts(clients) == before


def test_the_call_and_its_words_are_one_transaction(clients):
    """A failure writing the call takes the verbatim back with it."""
    clients.execute("CREATE TEMP TRIGGER no_calls BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'disk'); END")
    before = counts(clients)
    with pytest.raises(sqlite3.IntegrityError):
        calls.log(clients, "Marc Petit", "reached", None, "Lost words")
    assert counts(clients) == before


# -- the proposals, from the database ---------------------------------------------------


def test_the_proposal_names_the_client_and_why_then_leaves_them_in_peace_once_called(clients):
    found = calls.proposals(clients)
    assert [s.reason for s in found.suggestions] == [
        "Marc Petit (Petit & Fils Transports): last heard 41 days ago, and their last words were negative"
    ]
    assert found.suggestions[0].phone == "06 12 34 56 78" and found.caller == "Claire Dubois"
    calls.log(clients, "Marc Petit", "voicemail")
    assert calls.suggestions(clients) == []
    calls.set_quiet_days(clients, 0)
    assert [s.label for s in calls.suggestions(clients)] == ["Marc Petit (Petit & Fils Transports)"]


def test_a_recent_win_with_a_company_nobody_has_heard_from_since(clients, cli):
    said(clients, "Bon contact.", "Paul Verdier", "Verdier SA", 20)
    day = (TODAY - timedelta(days=6)).isoformat()
    assert (
        cli("win", "add", "Renewed Verdier for 3 years", "--by", "Tom", "--client", "Verdier SA", "--date", day).code
        == 0
    )
    reasons = [s.reason for s in calls.suggestions(clients)]
    assert reasons[1] == (
        "Paul Verdier (Verdier SA): a win 6 days ago (“Renewed Verdier for 3 years”), "
        "and nobody has asked them how it is going since"
    )


def test_the_lead_s_choice_follows_a_merged_client_and_needs_a_briefing(clients, cli):
    from briefing import client_admin, meeting

    assert cli("meeting", "start").code == 0
    running = meeting.current_id(clients)
    said(clients, "Doublon.", "Paul Durand", "Petit & Fils Transports", 2)
    twin = clients.execute("SELECT id FROM clients WHERE name = 'Paul Durand'").fetchone()[0]
    assert calls.choose(clients, running, twin).name == "Paul Durand"
    client_admin.merge(clients, "Marc Petit (Petit & Fils Transports)", "Paul Durand (Petit & Fils Transports)")
    on_line = "SELECT c.name FROM meetings m JOIN clients c ON c.id = m.call_client_id WHERE m.id = ?"
    assert clients.execute(on_line, (running,)).fetchone()[0] == "Marc Petit"
    with pytest.raises(BadInput, match="no briefing"):
        calls.choose(clients, running + 1, twin - 1)


def test_the_quiet_days_are_a_setting_with_bounds(conn):
    assert calls.quiet_days(conn) == 30
    assert calls.set_quiet_days(conn, 45) == 45 and calls.quiet_days(conn) == 45
    for wrong in (-1, 366, 2.5, True):
        with pytest.raises(BadInput):
            calls.set_quiet_days(conn, wrong)


# -- the CLI ------------------------------------------------------------------------------


def test_call_suggest_says_who_why_and_the_number(clients, cli):
    result = cli("call", "suggest")
    assert result.code == 0 and result.out.splitlines() == [
        "1. Marc Petit (Petit & Fils Transports): last heard 41 days ago, and their last words were negative",
        "  ☎ 06 12 34 56 78",
    ]
    data = cli("call", "suggest", "--json").json()
    assert data["suggestions"][0]["rule"] == "negative" and data["quiet_days"] == 30


def test_call_log_prints_the_id_and_says_what_was_kept(clients, cli):
    result = cli("call", "log", "Marc Petit", "--outcome", "reached", "--by", "Tom", "Ça va mieux.")
    assert result.code == 0 and result.out.strip().isdigit()
    assert (
        result.err
        == "Call to Marc Petit (Petit & Fils Transports) by Tom Becker: reached, their words kept as verbatim 3\n"
    )
    listed = cli("verbatim", "list", "--json").json()
    assert listed[0]["text"] == "Ça va mieux." and listed[0]["channel"] == "call"
    assert "No client stands out today" in cli("call", "suggest").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Zed", "--outcome", "reached"), "briefing: CLIENT: no client called 'Zed'"),
        (("Marc Petit", "--outcome", "voicemail", "words"), "briefing: TEXT: words come from a client who was reached"),
        (("Marc Petit", "--outcome", "reached", "--by", "Zorro"), "briefing: --by: nobody named 'Zorro'"),
        (("Marc Petit", "--outcome", "reached", "--date", "2026-02-30"), "briefing: --date: 2026-02-30 is not a real"),
        (("Marc Petit", "--outcome", "maybe"), "briefing: Invalid value for '--outcome'"),
    ],
)
def test_call_log_refuses_in_one_line_with_exit_2(clients, cli, args, message):
    result = cli("call", "log", *args)
    assert result.code == 2 and result.err.startswith(message) and result.err.count("\n") == 1
    assert counts(clients)[0] == 0


def test_call_quiet_days_shows_and_sets(cli):
    assert cli("call", "quiet-days").out == "30\n"
    assert cli("call", "quiet-days", "45").code == 0 and cli("call", "quiet-days").out == "45\n"
    assert cli("call", "quiet-days", "400").code == 2


# -- the call segment in the agenda ---------------------------------------------------------

SEGMENT = '[[segment]]\ntitle = "{title}"\nkind = "{kind}"\nminutes = 3\n{extra}\n'


def agenda(*segments: tuple[str, str, str]) -> str:
    return "".join(SEGMENT.format(title=t, kind=k, extra=e) for t, k, e in segments)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            agenda(("Call", "client", "call = true\nwin = true")),
            'line 5: segment 1 ("Call"): a segment is the client call or the client win, not both',
        ),
        (
            agenda(("Voice", "client", ""), ("Call", "sales", "call = true")),
            'line 10: segment 2 ("Call"): a client call is client time: its kind must be "client"',
        ),
        (
            agenda(("Call", "client", "call = true"), ("Again", "client", "call = true")),
            'line 10: segment 2 ("Again"): only one segment is the client call',
        ),
        (agenda(("Call", "client", 'call = "yes"')), 'line 5: segment 1 ("Call"): call must be true or false'),
    ],
    ids=["call and win", "call in sales time", "two calls", "call not a boolean"],
)
def test_a_wrong_call_segment_is_refused_naming_its_line(cli, tmp_path, text, message):
    path = tmp_path / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("agenda", "set", str(path))
    assert result.code == 2 and message in result.err, result.err


def test_agenda_show_mentions_the_call_when_there_is_none(cli, tmp_path):
    path = tmp_path / "agenda.toml"
    path.write_text(agenda(("Voice", "client", ""), ("Numbers", "sales", "")), encoding="utf-8")
    assert cli("agenda", "set", str(path)).code == 0
    assert "No client call: add call = true to a client segment" in cli("agenda", "show").out


def back_to_version_7(conn) -> None:
    """The database as the version before migration 8 left it."""
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_pin_the_agenda_of_existing_teams'")
    conn.execute("DROP INDEX calls_verbatim")
    conn.execute("PRAGMA user_version = 7")


def test_a_new_team_opens_on_a_client_call_an_existing_one_keeps_its_agenda(tmp_path: Path):
    new = tmp_path / "new.db"
    with store.opened(new) as conn:
        assert load_agenda(conn) == DEFAULT_AGENDA and DEFAULT_AGENDA.call_index == 0
    old = tmp_path / "old.db"
    with store.opened(old) as conn:  # a team from before migration 8: data, no stored agenda
        said(conn, "Déjà là.", "Léa", None, 2)
        conn.execute("DELETE FROM settings")
        back_to_version_7(conn)
    with store.opened(old) as conn:
        assert load_agenda(conn) == CLASSIC_AGENDA
        stored = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'agenda'").fetchone()[0])
        assert stored["segments"][0]["title"] == "Client voice"


def test_an_empty_database_from_before_is_a_new_team(tmp_path: Path):
    path = tmp_path / "empty.db"
    with store.opened(path) as conn:
        back_to_version_7(conn)
    with store.opened(path) as conn:
        assert load_agenda(conn) == DEFAULT_AGENDA


def test_the_demo_team_keeps_the_classic_agenda(demo_db):
    with store.opened(demo_db) as conn:
        assert load_agenda(conn) == CLASSIC_AGENDA


def test_days_are_iso(clients):
    assert calls.log(clients, "Marc Petit", "reached", day=date(2026, 1, 5)).day == date(2026, 1, 5)
