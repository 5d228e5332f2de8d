"""Migration 7 on databases made before clients existed.

An old database is made by applying migrations 1 to 6 only, then filled
with rows as the old code wrote them (names typed, no links); opening it
normally runs migration 7, which must link every verbatim and every win
it can, accent- and case-blind within a company, and leave alone a win
whose name fits two people.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from briefing import client_links, clients
from briefing import db as store
from briefing.schema import migrations

NOW = "2026-11-01T08:00:00Z"


def old_database(path: Path) -> sqlite3.Connection:
    """A briefing file at schema 6, as the version before clients left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="m007_clients")
    conn.execute(f"PRAGMA application_id = {store.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 6")
    assert "clients" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    return conn


def add_verbatim(conn: sqlite3.Connection, client: str, company: str | None, text: str = "ok") -> None:
    conn.execute(
        """INSERT INTO verbatims (text, client, company, channel, sentiment, date, created_at)
           VALUES (?, ?, ?, 'call', 'neutral', '2026-10-01', ?)""",
        (text, client, company, NOW),
    )


def add_win(conn: sqlite3.Connection, client: str | None, title: str = "won") -> int:
    return conn.execute(
        "INSERT INTO wins (title, owner_id, client, date, created_at) VALUES (?, 1, ?, '2026-10-02', ?)",
        (title, client, NOW),
    ).lastrowid


def test_tricky_names_link_to_the_right_people(tmp_path):
    path = tmp_path / "old.db"
    old = old_database(path)
    old.execute("INSERT INTO collaborators (name, joined_on, created_at) VALUES ('Inès', '2026-01-01', ?)", (NOW,))
    add_verbatim(old, "Hélène Roussel", "Altis Logistique")
    add_verbatim(old, "helene  ROUSSEL ", "altis logistique")  # case, accents, spaces: the same person
    add_verbatim(old, "Hélène Roussel", "Altis Logistique")
    add_verbatim(old, "Marc Petit", "Petit & Fils")
    add_verbatim(old, "Marc Petit", "Transports Nord")  # same name, another company: another person
    add_verbatim(old, "Zoé Martin", None)
    company_win = add_win(old, "ALTIS logistique")
    person_win = add_win(old, "helene roussel")
    two_people_win = add_win(old, "Marc Petit")
    new_company_win = add_win(old, "Brightwell Foods")
    bare_win = add_win(old, None)
    old.close()

    conn = store.connect(path)  # opening it normally runs migration 7
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    people = {(r["name"], r["company"]) for r in conn.execute(clients.SELECT)}
    assert people == {
        ("Hélène Roussel", "Altis Logistique"),  # the careful spelling, used most
        ("Marc Petit", "Petit & Fils"),
        ("Marc Petit", "Transports Nord"),
        ("Zoé Martin", None),
    }
    assert conn.execute("SELECT count(*) FROM verbatims WHERE client_id IS NULL").fetchone()[0] == 0
    helene = clients.resolve(conn, "Hélène Roussel")
    assert conn.execute("SELECT count(*) FROM verbatims WHERE client_id = ?", (helene.id,)).fetchone()[0] == 3
    # the names as typed stay as typed
    assert conn.execute("SELECT client FROM verbatims WHERE id = 2").fetchone()[0] == "helene  ROUSSEL "

    def links(win_id: int) -> tuple[int | None, int | None]:
        return tuple(conn.execute("SELECT company_id, client_id FROM wins WHERE id = ?", (win_id,)).fetchone())

    assert links(company_win) == (helene.company_id, None)
    assert links(person_win) == (helene.company_id, helene.id)
    assert links(two_people_win) == (None, None)  # left for client doctor
    brightwell = conn.execute("SELECT id FROM companies WHERE key = 'brightwell foods'").fetchone()[0]
    assert links(new_company_win) == (brightwell, None)
    assert links(bare_win) == (None, None)

    from briefing.client_doctor import findings

    ambiguous = [f for f in findings(conn) if f.kind == "ambiguous-win"]
    assert [f.win.id for f in ambiguous] == [two_people_win]
    assert {c.company for c in ambiguous[0].clients} == {"Petit & Fils", "Transports Nord"}
    conn.close()


def test_the_demo_made_with_the_old_schema_comes_out_as_the_demo(demo_db, tmp_path):
    """The demo's verbatims and wins copied into a schema-6 file come out of
    the migration linked exactly as the current code links them as it adds."""
    path = tmp_path / "old-demo.db"
    old = old_database(path)
    old.execute("ATTACH DATABASE ? AS demo", (str(demo_db),))
    old.execute("INSERT INTO collaborators SELECT * FROM demo.collaborators")
    old.execute(
        """INSERT INTO verbatims (id, text, client, company, channel, sentiment, collected_by, date, status,
                                  created_at, updated_at)
           SELECT id, text, client, company, channel, sentiment, collected_by, date, status, created_at, updated_at
           FROM demo.verbatims"""
    )
    old.execute(
        """INSERT INTO wins (id, title, owner_id, client, story, date, status, presented_by, presented_at, created_at)
           SELECT id, title, owner_id, client, story, date, status, presented_by, presented_at, created_at
           FROM demo.wins"""
    )
    old.execute("DETACH DATABASE demo")
    old.close()

    migrated, reference = store.connect(path), store.connect(demo_db)

    def verbatim_links(conn):
        return {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                """SELECT v.id, c.name, f.name FROM verbatims v JOIN clients c ON c.id = v.client_id
                   LEFT JOIN companies f ON f.id = c.company_id"""
            )
        }

    def win_links(conn):
        return {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                """SELECT w.id, f.name, c.name FROM wins w LEFT JOIN companies f ON f.id = w.company_id
                   LEFT JOIN clients c ON c.id = w.client_id"""
            )
        }

    total = migrated.execute("SELECT count(*) FROM verbatims").fetchone()[0]
    assert len(verbatim_links(migrated)) == total  # every verbatim linked
    assert verbatim_links(migrated) == verbatim_links(reference)
    assert migrated.execute("SELECT count(*) FROM clients").fetchone()[0] == 29
    assert win_links(migrated) == win_links(reference)
    # every demo win names its company, and is linked to it
    for win_id, (company, _person) in win_links(migrated).items():
        typed = migrated.execute("SELECT client FROM wins WHERE id = ?", (win_id,)).fetchone()[0]
        if typed:
            assert company is not None and client_links.key(company) == client_links.key(typed), typed
    migrated.close()
    reference.close()
