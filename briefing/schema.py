"""The schema, as sqlite-utils migrations.

Tables are written in SQL so they carry CHECK and FOREIGN KEY constraints
(the database refuses what the models would refuse, should a bug slip by);
sqlite-utils handles the migration bookkeeping and the FTS5 index with its
triggers. Never edit a migration that has shipped: add a new one and bump
``briefing.db.SCHEMA_VERSION``.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("briefing")

#: Accent- and case-insensitive: "reactivite" finds "Réactivité".
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE collaborators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'lead')),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            joined_on TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX collaborators_name ON collaborators (name COLLATE NOCASE)")
    db.execute(
        """
        CREATE TABLE verbatims (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
            client TEXT NOT NULL,
            company TEXT,
            channel TEXT NOT NULL CHECK (channel IN
                ('call', 'email', 'visit', 'survey', 'chat', 'social', 'other')),
            sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
            collected_by INTEGER REFERENCES collaborators (id),
            date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'shown', 'archived')),
            created_at TEXT NOT NULL,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX verbatims_status_date ON verbatims (status, date)")
    db["verbatims"].enable_fts(
        ["text", "client", "company"], fts_version="FTS5", create_triggers=True, tokenize=FTS_TOKENIZE
    )
    db.execute(
        """
        CREATE TABLE wins (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            owner_id INTEGER NOT NULL REFERENCES collaborators (id),
            client TEXT,
            story TEXT,
            date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'presented')),
            presented_by INTEGER REFERENCES collaborators (id),
            presented_at TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX wins_status_date ON wins (status, date)")
    db.execute(
        """
        CREATE TABLE metrics (
            name TEXT NOT NULL COLLATE NOCASE,
            date TEXT NOT NULL,
            value REAL NOT NULL,
            target REAL,
            unit TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (name, date)
        )"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Apply what is pending; the caller holds the write transaction."""
    db = Database(conn)
    known = {m.name for m in migrations._migrations}  # noqa: SLF001 - no public accessor
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        from briefing.errors import BadInput
        from briefing.i18n import _

        raise BadInput("database", _("it was made by a newer version of briefing; upgrade to use it"))
    migrations.apply(db)


@migrations()
def m002_meetings(db: Database) -> None:
    """Briefings as append-only event logs (see briefing.clock)."""
    db.execute(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            agenda TEXT NOT NULL,
            created_at TEXT NOT NULL,
            outcome TEXT CHECK (outcome IN ('finished', 'abandoned')),
            ended_at TEXT,
            notes TEXT NOT NULL DEFAULT '',
            summary TEXT
        )"""
    )
    db.execute("CREATE INDEX meetings_day ON meetings (day)")
    db.execute(
        """
        CREATE TABLE meeting_events (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            seq INTEGER NOT NULL,
            type TEXT NOT NULL CHECK (type IN
                ('start', 'pause', 'resume', 'goto', 'switch', 'adjust', 'finish', 'abandon')),
            arg TEXT,
            at TEXT NOT NULL,
            UNIQUE (meeting_id, seq)
        )"""
    )
    db.execute(
        """
        CREATE TABLE meeting_verbatims (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            verbatim_id INTEGER NOT NULL REFERENCES verbatims (id),
            shown_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, verbatim_id)
        )"""
    )


@migrations()
def m003_rotation(db: Database) -> None:
    """Who was in the room, who presented which win, who said "not ready"."""
    db.execute("ALTER TABLE collaborators ADD COLUMN active_since TEXT")
    db.execute("UPDATE collaborators SET active_since = joined_on")
    db.execute(
        """
        CREATE TABLE meeting_attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            collaborator_id INTEGER NOT NULL REFERENCES collaborators (id),
            status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'off')),
            PRIMARY KEY (meeting_id, collaborator_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE meeting_skips (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            collaborator_id INTEGER NOT NULL REFERENCES collaborators (id),
            at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, collaborator_id)
        )"""
    )
    db.execute("ALTER TABLE meetings ADD COLUMN presenter_id INTEGER REFERENCES collaborators (id)")
    db.execute("ALTER TABLE meetings ADD COLUMN win_id INTEGER REFERENCES wins (id)")
    db.execute("ALTER TABLE meetings ADD COLUMN picked_win_id INTEGER REFERENCES wins (id)")


@migrations()
def m004_indexes_for_years_of_history(db: Database) -> None:
    """Indexes the hot reads use, so a screen that shows a window of the
    history costs the window, not the years (tests/test_query_plans.py)."""
    # The briefing under way (outcome IS NULL) and the held ones in order,
    # with what the rotation reads, straight from the index.
    db.execute("CREATE INDEX meetings_outcome ON meetings (outcome, id, day, presenter_id)")
    # Today's numbers.
    db.execute("CREATE INDEX metrics_date ON metrics (date, name)")
    # Lists newest first, with or without a status, in index order.
    db.execute("DROP INDEX verbatims_status_date")
    db.execute("CREATE INDEX verbatims_status_date ON verbatims (status, date, id)")
    db.execute("CREATE INDEX verbatims_date ON verbatims (date, id)")
    db.execute("DROP INDEX wins_status_date")
    db.execute("CREATE INDEX wins_status_date ON wins (status, date, id)")
    db.execute("CREATE INDEX wins_date ON wins (date, id)")


@migrations()
def m005_wins_search(db: Database) -> None:
    """Wins searched like verbatims, by an index: title, client, story and
    the owner's name (kept current when someone is renamed)."""
    db.execute(f"""CREATE VIRTUAL TABLE wins_fts USING FTS5 (title, client, story, owner, tokenize='{FTS_TOKENIZE}')""")
    owner = "(SELECT name FROM collaborators WHERE id = new.owner_id)"
    db.execute(
        f"""CREATE TRIGGER wins_fts_ai AFTER INSERT ON wins BEGIN
              INSERT INTO wins_fts (rowid, title, client, story, owner)
              VALUES (new.id, new.title, new.client, new.story, {owner});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER wins_fts_au AFTER UPDATE OF title, client, story, owner_id ON wins BEGIN
              DELETE FROM wins_fts WHERE rowid = old.id;
              INSERT INTO wins_fts (rowid, title, client, story, owner)
              VALUES (new.id, new.title, new.client, new.story, {owner});
            END"""
    )
    db.execute("CREATE TRIGGER wins_fts_ad AFTER DELETE ON wins BEGIN DELETE FROM wins_fts WHERE rowid = old.id; END")
    db.execute(
        """CREATE TRIGGER wins_fts_owner_renamed AFTER UPDATE OF name ON collaborators BEGIN
              UPDATE wins_fts SET owner = new.name WHERE rowid IN (SELECT id FROM wins WHERE owner_id = new.id);
            END"""
    )
    db.execute(
        """INSERT INTO wins_fts (rowid, title, client, story, owner)
           SELECT w.id, w.title, w.client, w.story, c.name FROM wins w JOIN collaborators c ON c.id = w.owner_id"""
    )


@migrations()
def m006_held_briefings_by_day(db: Database) -> None:
    """The history newest first by day, a page at a time from a cursor, in
    index order (briefing.history): no sort of the years for one page."""
    db.execute("CREATE INDEX meetings_held ON meetings (outcome, day)")


@migrations()
def m007_clients(db: Database) -> None:
    """Clients as people at companies, and the calls the team makes to them.

    Verbatims and wins keep the names as typed and point at the client (and
    a win at the company) by id; the existing rows are linked here, accent-
    and case-blind within a company, asking nothing (briefing.client_links).
    """
    db.execute(
        """
        CREATE TABLE companies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE clients (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            company_id INTEGER REFERENCES companies (id),
            phone TEXT,
            email TEXT,
            notes TEXT NOT NULL DEFAULT '',
            owner_id INTEGER REFERENCES collaborators (id),
            created_at TEXT NOT NULL,
            updated_at TEXT
        )"""
    )
    # One client per name within a company (or among those without one).
    db.execute("CREATE UNIQUE INDEX clients_identity ON clients (ifnull(company_id, 0), key)")
    db.execute("CREATE INDEX clients_key ON clients (key)")
    db.execute("ALTER TABLE verbatims ADD COLUMN client_id INTEGER REFERENCES clients (id)")
    db.execute("CREATE INDEX verbatims_client ON verbatims (client_id, date, id)")
    db.execute("ALTER TABLE wins ADD COLUMN company_id INTEGER REFERENCES companies (id)")
    db.execute("ALTER TABLE wins ADD COLUMN client_id INTEGER REFERENCES clients (id)")
    db.execute("CREATE INDEX wins_company ON wins (company_id, date, id)")
    db.execute("CREATE INDEX wins_client ON wins (client_id, date, id)")
    db.execute(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients (id),
            day TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'voicemail', 'no-answer')),
            by_id INTEGER REFERENCES collaborators (id),
            meeting_id INTEGER REFERENCES meetings (id),
            verbatim_id INTEGER REFERENCES verbatims (id),
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX calls_client ON calls (client_id, day)")
    db.execute("CREATE INDEX calls_day ON calls (day)")
    # The index is refreshed when the words change, not when a status or a
    # link does: marking a verbatim shown, or linking years of them here,
    # no longer rewrites its index entry.
    db.execute("DROP TRIGGER verbatims_au")
    db.execute(
        """CREATE TRIGGER "verbatims_au" AFTER UPDATE OF text, client, company ON "verbatims" BEGIN
  INSERT INTO "verbatims_fts" ("verbatims_fts", rowid, "text", "client", "company")
    VALUES('delete', old.rowid, old."text", old."client", old."company");
  INSERT INTO "verbatims_fts" (rowid, "text", "client", "company")
    VALUES (new.rowid, new."text", new."client", new."company");
END"""
    )
    from briefing.client_links import link_existing

    link_existing(db.conn)


@migrations()
def m008_pin_the_agenda_of_existing_teams(db: Database) -> None:
    """The default agenda gained a client call at the start; a team that
    already ran on the old default (nothing stored) keeps it, stored here.
    A database with nothing in it yet is a new team: it gets the new default.

    Also: calls by the verbatim they kept, so writing or removing a
    verbatim never has SQLite look through every call for one pointing at it."""
    import json

    db.execute("CREATE INDEX calls_verbatim ON calls (verbatim_id)")

    from briefing.agenda import CLASSIC_AGENDA, SETTING_KEY, to_json

    used = db.execute(
        """SELECT EXISTS (SELECT 1 FROM collaborators) OR EXISTS (SELECT 1 FROM meetings)
           OR EXISTS (SELECT 1 FROM verbatims) OR EXISTS (SELECT 1 FROM wins) OR EXISTS (SELECT 1 FROM metrics)"""
    ).fetchone()[0]
    if used:
        db.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
            (SETTING_KEY, json.dumps(to_json(CLASSIC_AGENDA), ensure_ascii=False)),
        )


@migrations()
def m009_the_client_on_the_line(db: Database) -> None:
    """The client the lead chose to call in this briefing: stored with the
    briefing, so a read-only view (``briefing serve --mode view``) shows the
    same person, and a reopened app the same call. Cleared when that client
    is merged away."""
    db.execute("ALTER TABLE meetings ADD COLUMN call_client_id INTEGER REFERENCES clients(id) ON DELETE SET NULL")
