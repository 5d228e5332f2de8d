"""The client call in the meeting, as the lead runs it with the keyboard:
the proposal and why, another one, any client by name, their words typed
(letters that are meeting keys stay letters), kept with one key, the
outcome in one key, and the words on the next client segment's card."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import db as store
from briefing.agenda import DEFAULT_AGENDA, save_agenda
from tests.conftest import DAY, SIZES
from tests.pilot import screen_text, settled, until
from tests.test_meeting_screen import NOW, _meeting_app, started

WORDS = "Ça va mieux depuis lundi, + merci à Karim !"


def calling(path: Path) -> None:
    """The demo team on the new default agenda (a call first). The demo
    proposes two clients: Marc Petit, whose last words were negative, then
    Sophie Marlin, gone quiet (both with a phone number)."""
    with store.opened(path) as conn:
        save_agenda(conn, DEFAULT_AGENDA)
    started(path, 20, base=NOW)


def who(app) -> str:
    return str(app.screen.query_one("#call-who").render())


def calls_made(path: Path) -> list[tuple]:
    with store.opened(path) as conn:
        return [
            tuple(r)
            for r in conn.execute(
                """SELECT c.name, k.outcome, v.text, v.channel, p.name FROM calls k JOIN clients c ON c.id = k.client_id
                   LEFT JOIN verbatims v ON v.id = k.verbatim_id LEFT JOIN collaborators p ON p.id = k.by_id
                   ORDER BY k.id"""
            )
        ]


def story_read(app) -> bool:
    return app.screen.query_one("#call-story").page is not None


async def _proposed(pilot) -> None:
    app = pilot.app
    await until(pilot, lambda: "Marc Petit" in who(app) and story_read(app), "the proposal and their story")
    await settled(pilot)


async def test_a_full_call_from_the_proposal_to_the_next_card(demo_db):
    calling(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _proposed(pilot)
        shown = screen_text(app)
        assert "Last heard 41 days ago, and their last words were negative" in shown
        assert "06 12 34 56 78" in shown and "Called by Claire Dubois" in shown
        # Pass to the next proposal, and back.
        await pilot.press("s")
        await until(pilot, lambda: "Sophie Marlin" in who(app), "the second proposal")
        assert "3 verbatims in the last year, then nothing for 78 days" in screen_text(app)
        # Anyone, by name.
        await pilot.press("slash", *"marc petit", "enter")
        # (Marc is also the first proposal: the reason stays his.)
        await until(pilot, lambda: "Marc Petit" in who(app) and "Last heard 41" in screen_text(app), "the pick")
        # The words: meeting keys (n, p, +, space, f, q) are only letters here.
        await pilot.press("c", *WORDS)
        await until(pilot, lambda: app.screen.query_one("#call-words").text == WORDS, "the words typed")
        state = app.screen.state()
        assert (state.index, state.segment.planned_s, state.state) == (0, 180, "running")
        # Someone else made the call; the words are kept with one key.
        await pilot.press("escape", "b")  # the next of the team after the lead
        await until(pilot, lambda: "Called by Chloé Martin" in screen_text(app), "the caller changed")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "their words are on the next client card" in screen_text(app), "the call kept")
        # Called, Marc leaves the proposals; his reason stays on the band, and
        # his words are told once in his story, with the call.
        await until(pilot, lambda: "“Ça va mieux" in screen_text(app), "the call in their story")
        assert "Last heard 41 days ago" in screen_text(app) and "Chosen by name" not in screen_text(app)
        assert screen_text(app).count("“Ça va mieux") == 1
        assert calls_made(demo_db) == [("Marc Petit", "reached", WORDS, "call", "Chloé Martin")]
        # Another client, no answer: one key.
        await settled(pilot)  # the proposals read again: Marc, called, is left in peace
        await pilot.press("s")
        await until(pilot, lambda: "Sophie Marlin" in who(app), "the next proposal")
        await pilot.press("0")
        await until(pilot, lambda: len(calls_made(demo_db)) == 2, "the second call")
        assert calls_made(demo_db)[1] == ("Sophie Marlin", "no-answer", None, None, "Chloé Martin")
        # The next segment: the client's words on the card.
        await pilot.press("n")
        await until(pilot, lambda: WORDS in screen_text(app), "the words on the next card")
        assert "Marc Petit" in screen_text(app) and "collected by Chloé Martin" in screen_text(app)


async def test_words_from_a_voicemail_are_refused_next_to_the_field(demo_db):
    calling(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _proposed(pilot)
        await pilot.press("c", *"Allô ?", "escape", "v")
        await until(pilot, lambda: "Words come from a client who was reached" in screen_text(app), "the refusal")
        assert calls_made(demo_db) == []
        await pilot.press("slash", *"Nobody", "enter")
        await until(pilot, lambda: "No client called 'Nobody'" in screen_text(app), "no such client")
        # A few letters and → take the name offered.
        pick = app.screen.query_one("#call-pick")
        await until(pilot, lambda: pick.suggester is not None, "the names to complete from")
        await pilot.press("ctrl+u", *"hél")
        await until(pilot, lambda: "Roussel" in screen_text(app), "the name offered")
        await pilot.press("right", "enter")
        await until(pilot, lambda: "Hélène Roussel (Altis Logistique)" in who(app), "the client chosen by name")
        assert "Chosen by name" in screen_text(app)


async def test_the_call_keys_are_the_call_segments_only(demo_db):
    calling(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _proposed(pilot)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.state().index == 1, "the client voice segment")
        await pilot.press("r", "0", "v")
        await settled(pilot)
        assert calls_made(demo_db) == []


@pytest.mark.parametrize("size", SIZES)
def test_call_pane_snapshot(snap_compare, demo_db, size):
    calling(demo_db)
    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=_proposed)


async def test_the_agenda_screen_marks_the_call_segment(demo_db):
    from screens.app import make_app
    from tests.test_agenda_screen import error, open_agenda, stored

    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_agenda(pilot)
        # Numbers is sales time: a call there is refused next to the flag.
        await pilot.press("down", "down", "enter", "tab", "tab", "tab", "tab", "space", "ctrl+s")
        await until(pilot, lambda: error(app), "the refusal shown")
        assert 'a client call is client time: its kind must be "client"' in error(app)
        assert app.screen.query_one("#seg-call").has_focus
        await pilot.press("space", "escape", "up", "up", "enter", "tab", "tab", "tab", "tab", "space", "ctrl+s")
        await until(pilot, lambda: stored(demo_db).call_index == 0, "Client voice stored as the call")
        assert "☎ client call" in screen_text(app)


async def test_the_lead_s_choice_is_kept_with_the_briefing(demo_db):
    """A reopened app (or a viewer) shows the client the lead passed to."""
    calling(demo_db)
    app = _meeting_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _proposed(pilot)
        await pilot.press("s")
        await until(pilot, lambda: "Sophie Marlin" in who(app), "the second proposal")
        await until(pilot, lambda: on_the_line(demo_db) == "Sophie Marlin", "the choice stored")
    again = _meeting_app(demo_db)
    async with again.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Sophie Marlin" in who(again) and story_read(again), "the same call")
        await settled(pilot)
        assert "Sophie Marlin" in who(again) and on_the_line(demo_db) == "Sophie Marlin"
        assert "3 verbatims in the last year" in screen_text(again)


def on_the_line(path: Path) -> str | None:
    with store.opened(path) as conn:
        row = conn.execute(
            "SELECT c.name FROM meetings m JOIN clients c ON c.id = m.call_client_id WHERE m.outcome IS NULL"
        ).fetchone()
    return row[0] if row else None
