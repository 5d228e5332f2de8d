"""The add / edit forms, driven from the keyboard as a collaborator would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select, TextArea

from briefing import db as store
from briefing import team, verbatims, wins
from briefing.errors import BadInput
from screens.app import make_app
from screens.confirm import ConfirmScreen
from screens.saving import BUSY, STAYED_BUSY
from screens.verbatim_form import VerbatimFormScreen
from screens.win_form import WinFormScreen
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, settled, until

HOSTILE = "[@click=app.quit]x[/]"


def read(path: Path, fn, *args, **kwargs):
    conn = store.connect(path)
    try:
        return fn(conn, *args, **kwargs)
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    return read(path, lambda conn: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@contextmanager
def writing_elsewhere(path: Path) -> Iterator[None]:
    """Another process holding the write lock, as a long ``briefing`` import would."""
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


async def open_form(pilot, screen) -> list:
    """Open ``screen`` over home once it is up, wait for the form to have read
    what it needs (the team, the record); returns where its result lands."""
    results: list = []
    await home_drawn(pilot)
    await pilot.app.push_screen(screen, results.append)
    await until(pilot, lambda: pilot.app.screen is screen, "the form on top")
    await settled(pilot)
    return results


async def type_text(pilot, text: str) -> None:
    """Types ``text`` key by key; a newline is Enter, a tab moves to the next field."""
    await pilot.press(*[{"\n": "enter", "\t": "tab"}.get(ch, ch) for ch in text])


async def save(pilot) -> None:
    """Ctrl+S, and the save has run its course: saved, refused or failed."""
    await pilot.press("ctrl+s")
    await settled(pilot)


def error_of(app, wid: str) -> str | None:
    label = app.screen.query_one(f"#{wid}-error", Label)
    return str(label.render()) if label.has_class("-shown") and label.display else None


def recorded_notes(app) -> list[str]:
    notes: list[str] = []
    real = app.notify

    def notify(message, **kwargs):
        notes.append(message)
        real(message, **kwargs)

    app.notify = notify
    return notes


async def test_a_verbatim_added_with_the_keyboard_alone_is_stored_and_found(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = recorded_notes(app)
        results = await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, "Ils ont répondu en dix minutes,\nun vrai partenaire\tZoé Martin\tAcme Logistique")
        await pilot.press("tab", "enter", "home", "enter")  # channel: the first, call
        await pilot.press("tab", "enter", "home", "enter")  # sentiment: positive
        await pilot.press("tab", "enter", "down", "down", "down", "down", "enter")  # collected by: 4th of the team
        await save(pilot)
        assert results and isinstance(results[0], int)
        assert "Verbatim saved" in notes
    saved = read(demo_db, verbatims.get, results[0])
    fourth = read(demo_db, team.list_team, include_inactive=False)[3].name
    found = read(demo_db, verbatims.list_verbatims, search="partenaire")
    assert saved.text == "Ils ont répondu en dix minutes,\nun vrai partenaire"
    assert (saved.client, saved.company) == ("Zoé Martin", "Acme Logistique")
    assert (saved.channel, saved.sentiment, saved.date) == ("call", "positive", DAY)
    assert saved.collected_by == fourth
    assert [v.id for v in found] == [results[0]]


async def test_an_empty_quote_is_refused_next_to_the_quote_and_nothing_typed_is_lost(demo_db):
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, "\tZoé\tAcme")  # the quote left empty
        await save(pilot)
        assert isinstance(app.screen, VerbatimFormScreen)
        assert error_of(app, "text") == "must not be empty"
        assert error_of(app, "client") is None
        assert app.screen.query_one("#text").has_class("-invalid")
        assert app.focused is app.screen.query_one("#text")
        assert app.screen.query_one("#client", Input).value == "Zoé"
        assert app.screen.query_one("#company", Input).value == "Acme"
        await type_text(pilot, "Merci")  # typing in the field clears its error
        assert error_of(app, "text") is None
    assert count(demo_db, "verbatims") == before


async def test_an_impossible_date_is_refused_next_to_the_date(demo_db):
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, "Très bon suivi\tZoé")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # company, channel, sentiment, by, date
        assert app.focused is app.screen.query_one("#date")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "2026-02-30")
        await save(pilot)
        assert "not a real calendar date" in error_of(app, "date")
        assert app.focused is app.screen.query_one("#date")
        assert app.screen.query_one("#date", Input).value == "2026-02-30"
        assert app.screen.query_one("#text", TextArea).text == "Très bon suivi"
    assert count(demo_db, "verbatims") == before


async def test_edit_loads_the_verbatim_and_saves_only_what_changed(demo_db):
    original = next(v for v in read(demo_db, verbatims.list_verbatims) if v.collected_by)
    read(demo_db, team.remove, original.collected_by)  # only a changed collector must be active
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen(original.id))
        assert app.screen.query_one("#text", TextArea).text == original.text
        assert app.screen.query_one("#by", Select).value == original.collected_by
        await pilot.press("tab", "end")
        await type_text(pilot, " (DG)")
        await save(pilot)
        assert results == [original.id]
    saved = read(demo_db, verbatims.get, original.id)
    assert saved.client == original.client + " (DG)"
    kept = ("text", "company", "collected_by", "date")
    assert [getattr(saved, k) for k in kept] == [getattr(original, k) for k in kept] and saved.updated_at


async def test_emptying_an_optional_field_on_edit_removes_it(demo_db):
    original = next(v for v in read(demo_db, verbatims.list_verbatims) if v.company)
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen(original.id))
        app.screen.query_one("#company", Input).focus()
        await pilot.press("end", *["backspace"] * (len(original.company) + 2))
        await save(pilot)
        assert results == [original.id]  # saved and closed: no error next to the field
    saved = read(demo_db, verbatims.get, original.id)
    assert saved.company is None and saved.text == original.text


async def test_escape_asks_before_discarding_and_no_keeps_the_form(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, "À moitié écrit")
        await pilot.press("escape")
        await until(pilot, lambda: not on_top(app, VerbatimFormScreen), "a question")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await until(pilot, lambda: not on_top(app, ConfirmScreen), "the question answered")
        assert isinstance(app.screen, VerbatimFormScreen)
        assert app.screen.query_one("#text", TextArea).text == "À moitié écrit"
        await pilot.press("escape")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        await pilot.press("y")
        await until(pilot, lambda: results, "the form closed")
        assert results == [None]
        untouched = await open_form(pilot, WinFormScreen())
        await pilot.press("escape")  # nothing typed: nothing to lose, no question
        await until(pilot, lambda: untouched, "the form closed")
        assert untouched == [None]


async def test_the_win_form_credits_the_chosen_collaborator(demo_db):
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, WinFormScreen())
        await type_text(pilot, "Contrat renouvelé sur 3 ans")
        await save(pilot)  # nobody chosen yet: the credit must go somewhere
        assert error_of(app, "by") == "choose someone from the list"
        assert app.focused is app.screen.query_one("#by") and not results
        await pilot.press("enter", "down", "down", "enter")  # won by: the 2nd of the team
        await type_text(pilot, "\tTransports Girard\t\tIl a rappelé le client\navant l'échéance")
        await save(pilot)
        assert results and isinstance(results[0], int)
    saved = read(demo_db, wins.get, results[0])
    second = read(demo_db, team.list_team, include_inactive=False)[1].name
    assert (saved.title, saved.owner, saved.client) == (
        "Contrat renouvelé sur 3 ans",
        second,
        "Transports Girard",
    )
    assert saved.story == "Il a rappelé le client\navant l'échéance"
    assert saved.status == "pending" and saved.date == DAY


def fill_verbatim(app, text: str, client: str) -> None:
    app.screen.query_one("#text", TextArea).load_text(text)
    app.screen.query_one("#client", Input).value = client


async def test_a_busy_database_is_reported_and_the_save_lands_once_it_frees(demo_db):
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = recorded_notes(app)
        results = await open_form(pilot, VerbatimFormScreen())
        fill_verbatim(app, "Patient malgré l'attente", "Zoé")
        with writing_elsewhere(demo_db):
            await pilot.press("ctrl+s")
            # Told after BUSY_AFTER (1 s) of waiting; the lock is held far longer than that.
            await until(pilot, lambda: notes, "a word to the user")
            assert BUSY in notes and not results
            assert app.screen.query_one("#hint").has_class("-busy")
        await settled(pilot)
        assert results and "Verbatim saved" in notes
    assert count(demo_db, "verbatims") == before + 1


async def test_a_database_that_stays_busy_saves_nothing_and_keeps_the_form(demo_db, monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)  # the bounded wait, shortened
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = recorded_notes(app)
        results = await open_form(pilot, VerbatimFormScreen())
        fill_verbatim(app, "Patient malgré l'attente", "Zoé")
        with writing_elsewhere(demo_db):
            await save(pilot)
        assert STAYED_BUSY in notes and not results
        assert isinstance(app.screen, VerbatimFormScreen)
        assert app.screen.query_one("#text", TextArea).text == "Patient malgré l'attente"
        assert not app.screen.saving  # a second Ctrl+S is possible
    assert count(demo_db, "verbatims") == before


async def test_hostile_text_is_stored_exactly_and_never_acts(demo_db):
    read(demo_db, team.add, HOSTILE)
    place = [p.name for p in read(demo_db, team.list_team, include_inactive=False)].index(HOSTILE)
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, f"[/] {HOSTILE}\t{HOSTILE}")
        await pilot.press("tab", "tab", "tab", "tab", "enter", *["down"] * (place + 1), "enter")  # by: the hostile name
        assert HOSTILE in str(app.screen.query_one("#by SelectCurrent #label").render())
        await save(pilot)
        assert app.is_running and results
    saved = read(demo_db, verbatims.get, results[0])
    assert (saved.text, saved.client, saved.collected_by) == ("[/] " + HOSTILE, HOSTILE, HOSTILE)


async def test_win_edit_moves_the_credit_and_keeps_the_rest(demo_db):
    win = read(demo_db, wins.list_wins)[0]
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, WinFormScreen(win.id))
        assert app.screen.query_one("#title", Input).value == win.title
        await pilot.press("tab", "enter", "home", "down", "enter")  # won by: the first of the team
        await save(pilot)
        assert results == [win.id]
    first = read(demo_db, team.list_team)[0].name
    saved = read(demo_db, wins.get, win.id)
    assert (saved.owner, saved.title, saved.story) == (first, win.title, win.story)
    read(demo_db, team.remove, first)
    with pytest.raises(BadInput, match="has left the team"):  # credit only goes to the team
        read(demo_db, wins.edit, win.id, {"owner": first})
    with pytest.raises(BadInput, match="nothing to change"):
        read(demo_db, wins.edit, win.id, {})


# -- how the forms look -------------------------------------------------------------


def _showing(screen_factory, *keys: str, refused: str = ""):
    """Open the form, loaded; type ``keys``; if ``refused``, wait for the error next to that field."""

    async def run_before(pilot) -> None:
        await open_form(pilot, screen_factory())
        await pilot.press(*keys)
        if refused:
            await until(pilot, lambda: error_of(pilot.app, refused), f"the error next to {refused}")
        await settled(pilot)

    return run_before


FORMS = {
    "verbatim-empty": _showing(VerbatimFormScreen),
    "win-empty": _showing(WinFormScreen),
    "verbatim-refused": _showing(VerbatimFormScreen, *"Merci", "ctrl+s", refused="client"),  # no client
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("form", list(FORMS))
def test_form_snapshot(snap_compare, demo_db, form, size):
    assert snap_compare(make_app(demo_db, day=DAY, watch=False), terminal_size=size, run_before=FORMS[form])
