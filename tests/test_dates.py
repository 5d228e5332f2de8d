"""Dates as people type them: 'today' and 'yesterday' everywhere, and what
a client said (or won) never dated in the future."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input

from briefing import verbatims
from screens.app import make_app
from screens.verbatim_form import VerbatimFormScreen
from tests.test_forms import count, error_of, open_form, read, save, type_text

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


@pytest.mark.parametrize(("typed", "day"), [("today", TODAY), ("yesterday", TODAY - timedelta(days=1))])
def test_today_and_yesterday_are_dates_on_the_command_line(cli, team, typed, day):
    added = cli("verbatim", "add", "Merci", "--client", "Zoé", "--date", typed)
    assert added.code == 0, added.err
    assert cli("verbatim", "show", added.out.strip(), "--json").json()["date"] == day.isoformat()
    win = cli("win", "add", "Renewal", "--by", "Inès", "--date", typed.upper())
    assert win.code == 0, win.err
    metric = cli("metric", "add", "Calls", "12", "--date", typed)
    assert metric.code == 0 and cli("metric", "list", "--date", typed, "--json").json()[0]["date"] == day.isoformat()


@pytest.mark.parametrize(
    "command",
    [
        ["verbatim", "add", "Merci", "--client", "Zoé", "--date", TOMORROW.isoformat()],
        ["win", "add", "Renewal", "--by", "Inès", "--date", TOMORROW.isoformat()],
    ],
    ids=["verbatim", "win"],
)
def test_what_a_client_said_or_won_is_never_dated_in_the_future(cli, team, command):
    result = cli(*command)
    assert result.code == 2
    said = "what a client said or won has already happened"
    assert result.err == f"briefing: --date: {TOMORROW} is in the future; {said}\n"
    assert cli(command[0], "list", "--json").json() == []


async def test_the_form_takes_yesterday_and_refuses_tomorrow_next_to_the_date(demo_db):
    before = count(demo_db, "verbatims")
    app = make_app(demo_db, watch=False)  # the real today: the form's words are read against it
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_form(pilot, VerbatimFormScreen())
        await type_text(pilot, "Très bon suivi\tZoé")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # company, channel, sentiment, by, date
        date_input = app.screen.query_one("#date", Input)
        assert app.focused is date_input
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, TOMORROW.isoformat())
        await save(pilot)
        assert "is in the future" in error_of(app, "date")
        assert count(demo_db, "verbatims") == before
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "yesterday")
        await save(pilot)
        assert results and isinstance(results[0], int)
    assert read(demo_db, verbatims.get, results[0]).date == TODAY - timedelta(days=1)
