"""The meeting screen as the lead drives it, and how it looks (snapshots)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing import db as store
from briefing import demo, presenting, verbatims
from briefing import meeting as meetings
from briefing import summary as summaries
from briefing.team import find_active_id
from screens.app import make_app
from screens.checkin import CheckInScreen
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.meeting import MeetingScreen
from screens.summary import SummaryScreen
from screens.widgets.bigclock import BigClock
from screens.widgets.panes import Pane
from tests.conftest import DAY, SIZES
from tests.pilot import home_drawn, on_top, screen_text, settled, table_shown, until

NOW = datetime(2026, 11, 24, 9, 10, tzinfo=UTC)


def started(path: Path, ago: float, *steps, base: datetime | None = None) -> None:
    """A briefing started ``ago`` seconds before ``base`` (default: really now),
    then ``steps`` as (fn, seconds before base)."""
    base = base or datetime.now(UTC)
    conn = store.connect(path)
    try:
        meetings.start(conn, now=base - timedelta(seconds=ago), day=DAY)
        for fn, when in steps:
            fn(conn, now=base - timedelta(seconds=when))
    finally:
        conn.close()


def shown_pane(app) -> str:
    """The one pane under the clock that the room can see."""
    (pane,) = [p for p in app.screen.query(Pane) if p.display]
    return pane.id


def meeting_drawn(app, in_full: bool = False) -> bool:
    """The meeting on screen: its segment's title, and under the clock the
    segment's pane showing what it is for (``in_full``: a table of numbers
    drawn with every cell in full, what a snapshot shows)."""
    if not on_top(app, MeetingScreen) or not text_of(app, "#segment-title"):
        return False
    shown = [p for p in app.screen.query(Pane) if p.display]
    if len(shown) != 1:
        return False
    pane = shown[0]
    if pane.id == "pane-client":
        return bool(text_of(app, "#quote"))
    if pane.id == "pane-win":
        return bool(text_of(app, "#presenter"))
    if pane.id == "pane-sales":
        numbers = pane.query_one(DataTable)
        return table_shown(app, numbers) if in_full else numbers.row_count > 0
    return pane.is_mounted  # the notes: empty until someone writes


async def _ready(pilot) -> None:
    """The meeting is on screen, drawn, and the app reads or writes nothing more."""
    await until(pilot, lambda: meeting_drawn(pilot.app), "the meeting drawn")
    await settled(pilot)


async def _shown(pilot) -> None:
    """The meeting ready, every number in full: what a snapshot shows."""
    await _ready(pilot)
    await until(pilot, lambda: meeting_drawn(pilot.app, in_full=True), "the meeting drawn in full")


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def gauge_text(app) -> str:
    """The balance gauge's words, as drawn at its width."""
    gauge = app.screen.query_one("#balance")
    return "\n".join("".join(segment.text for segment in line) for line in gauge.lines(gauge.size.width))


def summary_drawn(app) -> bool:
    return on_top(app, SummaryScreen) and bool(text_of(app, "#summary-title"))


# -- Pilot: the key flow ---------------------------------------------------------


async def test_s_on_home_starts_the_briefing_and_the_keys_drive_it(demo_db):
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_drawn(pilot)
        await pilot.press("s")
        await until(
            pilot, lambda: on_top(app, CheckInScreen) and app.screen.query_one(DataTable).row_count, "the check-in list"
        )
        await pilot.press("down", "space")  # check-in: the second person is absent today
        await pilot.press("enter")
        await _ready(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert "Client voice" in text_of(app, "#segment-title")
        assert shown_pane(app) == "pane-client"

        await pilot.press("n")
        await until(pilot, lambda: "Client voice" not in text_of(app, "#segment-title"), "the next segment")
        assert "Client win" in text_of(app, "#segment-title")
        await pilot.press("n")
        await until(pilot, lambda: "Client win" not in text_of(app, "#segment-title"), "the next segment")
        assert "Numbers" in text_of(app, "#segment-title")
        assert shown_pane(app) == "pane-sales"

        await pilot.press("tab")  # the talk drifts back to a client story
        await until(pilot, lambda: text_of(app, "#banner"), "a word on the clock's kind")
        assert "counting CLIENT time" in text_of(app, "#banner")

        await pilot.press("space")
        await until(pilot, lambda: "counting" not in text_of(app, "#banner"), "the clock paused")
        assert "Paused" in text_of(app, "#banner")
        await pilot.press("space")
        await until(pilot, lambda: "Paused" not in text_of(app, "#banner"), "the clock running again")
        assert "Paused" not in text_of(app, "#banner")

        await pilot.press("plus")

        def current_line() -> str:
            return next(line for line in text_of(app, "#agenda").splitlines() if line.startswith("▶"))

        await until(pilot, lambda: current_line().endswith("06:00"), "one more minute on the agenda")
        await settled(pilot)
        conn = store.connect(demo_db)
        state = meetings.current(conn).state()
        conn.close()
        assert state.segment.planned_s == 6 * 60 and state.running_kind.value == "client"

        await pilot.press("f")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        await pilot.press("y")
        await until(pilot, lambda: summary_drawn(app), "the summary")
        await settled(pilot)
        assert "Briefing of 2026-11-24 — finished" in text_of(app, "#summary-title")
        # The client-win segment was paged through in a moment: nobody's turn is used.
        assert "Client win skipped: its segment ran 00:0" in text_of(app, "#summary-win")
    conn = store.connect(demo_db)
    try:
        summary = summaries.load(conn, conn.execute("SELECT max(id) FROM meetings").fetchone()[0])
        assert summary.outcome == "finished"
        assert summary.presenter is None and summary.win is None and summary.win_skipped
        assert len(summary.verbatims_shown) == 1, summary.verbatims_shown  # the one put on screen
    finally:
        conn.close()


async def test_finish_asks_first_and_no_keeps_the_meeting_running(demo_db):
    started(demo_db, 30)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("f")
        await until(pilot, lambda: on_top(app, ConfirmScreen), "the question")
        await pilot.press("n")
        await until(pilot, lambda: not on_top(app, ConfirmScreen), "the question answered")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen)
    conn = store.connect(demo_db)
    assert meetings.current(conn) is not None
    conn.close()


async def test_next_on_the_last_segment_offers_to_finish(demo_db):
    started(demo_db, 30, *[(lambda c, now: meetings.go(c, +1, now=now), 20)] * 3)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert "Focus of the day" in text_of(app, "#segment-title")
        await pilot.press("n")
        await until(pilot, lambda: not on_top(app, MeetingScreen), "the question")
        assert not isinstance(app.screen, MeetingScreen)  # the question, not an error
        await pilot.press("y")
        await until(pilot, lambda: summary_drawn(app), "the summary")
        assert "finished" in text_of(app, "#summary-title")


async def test_quitting_leaves_the_meeting_running_and_reopening_resumes_it(demo_db):
    started(demo_db, 100, (lambda c, now: meetings.go(c, +1, now=now), 40))
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert "Client win" in text_of(app, "#segment-title")
        await pilot.press("q")
    conn = store.connect(demo_db)
    try:
        assert meetings.current(conn).state().state == "running"
    finally:
        conn.close()


@pytest.mark.parametrize(("size", "fitted"), [((80, 24), "-short"), ((120, 40), "-tall"), ((200, 60), "-tall")])
async def test_reopened_mid_story_the_meeting_is_built_for_the_terminal_it_opens_in(demo_db, monkeypatch, size, fitted):
    """Story mode and the size class are there before the first frame: the
    screen is styled once (a class Textual added on its first resize would
    style every widget again, in the launch's first frame)."""
    started(demo_db, 30)
    built: list[set[str]] = []
    first_init = MeetingScreen.__init__

    def remember(self, *args, **kwargs):
        first_init(self, *args, **kwargs)
        built.append(set(self.classes))

    monkeypatch.setattr(MeetingScreen, "__init__", remember)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=size) as pilot:
        await _ready(pilot)
        assert built == [{"-story", fitted}]
        assert set(app.screen.classes) == built[0]


async def test_the_clock_and_the_gauge_are_built_in_the_colours_they_first_show(demo_db, monkeypatch):
    """Reopened on an overrun, paused briefing, the clock is red and dimmed and
    the gauge says its verdict from construction, not from a class set once
    mounted (each such class styles the widget again before the first frame)."""
    from screens.widgets.balance import BalanceGauge

    started(demo_db, 300, (meetings.pause, 10))  # the 4-minute first segment, 50 s over
    built: dict[str, set[str]] = {}
    for widget in (BigClock, BalanceGauge):
        monkeypatch.setattr(widget, "__init__", _remembering(widget.__init__, built))
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        clock, gauge = app.screen.query_one("#clock"), app.screen.query_one("#balance")
        assert {"-overrun", "-paused"} <= set(clock.classes)
        assert "-ok" in gauge.classes  # all of the time so far was the client's
        assert built == {"clock": set(clock.classes), "balance": set(gauge.classes)}


def _remembering(init, built: dict[str, set[str]]):
    def remember(self, *args, **kwargs):
        init(self, *args, **kwargs)
        built[self.id] = set(self.classes)

    return remember


async def test_a_cli_command_shows_on_the_screen_within_a_second(demo_db):
    started(demo_db, 10)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        other = store.connect(demo_db)  # what `briefing meeting next` does
        meetings.go(other, +1)
        other.close()
        # The app notices another process's commit by polling every 0.5 s.
        await until(pilot, lambda: "Client voice" not in text_of(app, "#segment-title"), "the next segment")
        assert "Client win" in text_of(app, "#segment-title")


async def test_verbatims_move_with_the_arrows_and_are_marked_shown(demo_db):
    started(demo_db, 10)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        first = text_of(app, "#quote")
        await pilot.press("down")
        await until(pilot, lambda: "Verbatim 2 of" in screen_text(app), "the second card")
        assert text_of(app, "#quote") != first
        await pilot.press("up")
        await until(pilot, lambda: "Verbatim 1 of" in screen_text(app), "the first card again")
        assert text_of(app, "#quote") == first
        await settled(pilot)  # each card shown is marked in the database, by a worker
    conn = store.connect(demo_db)
    try:
        assert len(meetings.shown_verbatims(conn, meetings.current(conn).id)) == 2
    finally:
        conn.close()


async def test_a_board_read_again_unchanged_redraws_nothing_on_the_wall(demo_db):
    """Every commit to the file makes the meeting read its board again: the
    app's own first look, a card just marked shown (its status moved, not
    its words), a colleague's write elsewhere. When what the room sees did
    not change, no frame goes to the projector: no flicker of a full
    repaint, no layout of the card every time someone adds a verbatim."""
    started(demo_db, 30, base=NOW)
    app = make_app(demo_db, day=DAY, now=NOW, watch=False)  # a fixed time: the clock holds still
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        conn = store.connect(demo_db)
        try:
            assert len(meetings.shown_verbatims(conn, meetings.current(conn).id)) == 1  # marked, on screen
        finally:
            conn.close()
        await until(pilot, lambda: at_rest(app.screen), "the first frames' work done")
        frames = []
        display = app._display
        app._display = lambda screen, update: frames.append(update) or display(screen, update)
        app.generation += 1  # what the watcher does when a commit lands
        await settled(pilot)
        await until(pilot, lambda: at_rest(app.screen), "the read handled")
        assert "Verbatim 1 of" in screen_text(app)
        assert [f for f in frames if f is not None] == []


def at_rest(screen) -> bool:
    """Nothing left for Textual to draw or lay out on ``screen``, and no
    callback waiting for its next frame: a frame now would be a new one."""
    return not (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


async def test_team_notes_are_saved_with_the_briefing(demo_db):
    started(demo_db, 30, *[(lambda c, now: meetings.go(c, +1, now=now), 20)] * 3)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert shown_pane(app) == "pane-team"
        await pilot.press("n")  # typing is not possible before pressing e: n stays a command...
        await until(pilot, lambda: on_top(app, ConfirmScreen), "finish?")
        await pilot.press("n")  # ...here "finish?" on the last segment; no
        await until(pilot, lambda: not on_top(app, ConfirmScreen), "the question answered")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("e")
        await pilot.press(*"Call Altis")
        await pilot.press("escape")
        await settled(pilot)  # the notes are saved by a worker
    conn = store.connect(demo_db)
    try:
        assert meetings.current(conn).notes == "Call Altis"
    finally:
        conn.close()


async def test_notes_a_colleague_saved_while_the_lead_was_in_them_show_once_the_lead_is_out(demo_db):
    """The lead's cursor is never overwritten; once they leave the notes
    without a change, the colleague's words appear at the next read."""
    started(demo_db, 30, *[(lambda c, now: meetings.go(c, +1, now=now), 20)] * 3)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("e")
        conn = store.connect(demo_db)
        try:
            meeting_id = meetings.current(conn).id
            meetings.save_notes(conn, meeting_id, "Relancer Altis jeudi")  # a colleague, elsewhere
            await until(pilot, lambda: app.screen.board.meeting.notes == "Relancer Altis jeudi", "the notes read")
            assert app.screen.query_one("#notes").text == ""  # not under the lead's cursor
            await pilot.press("escape")
            verbatims.add(conn, {"text": "Merci", "client": "Marc Petit", "collected_by": "Sophie", "date": DAY})
        finally:
            conn.close()
        await until(pilot, lambda: app.screen.query_one("#notes").text == "Relancer Altis jeudi", "their notes")
        await settled(pilot)
    conn = store.connect(demo_db)
    try:
        assert meetings.current(conn).notes == "Relancer Altis jeudi"  # never overwritten by the old text
    finally:
        conn.close()


# -- snapshots: running, overrun, below target, at 80x24 and on a projector --------


def _meeting_app(path: Path):
    return make_app(path, day=DAY, watch=False, now=NOW)


def _running(path):
    started(path, 100, base=NOW)


def _overrun(path):
    started(path, 312, base=NOW)


def _below_target(path):
    go = lambda c, now: meetings.go(c, +1, now=now)  # noqa: E731
    started(path, 600, (go, 540), (go, 480), base=NOW)


def _client_win(path):
    started(path, 300, (lambda c, now: meetings.go(c, +1, now=now), 60), base=NOW)


SCENARIOS = {"running": _running, "overrun": _overrun, "below_target": _below_target, "client_win": _client_win}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s != "client_win"])  # that one: test_meeting_room
def test_meeting_screen_snapshot(snap_compare, demo_db, scenario, size):
    SCENARIOS[scenario](demo_db)
    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=_shown)


async def test_the_snapshot_scenarios_show_what_they_claim(demo_db, tmp_path):
    """Guards the snapshots: each scenario really is what its name says."""
    for name, make in SCENARIOS.items():
        path = tmp_path / f"{name}.db"
        demo.build(path, today=DAY)
        make(path)
        app = _meeting_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await _ready(pilot)
            clock = app.screen.query_one("#clock", BigClock)
            balance = gauge_text(app)
            if name == "running":
                assert clock.value == "02:20" and "on target" in balance
            elif name == "overrun":
                assert clock.value == "+01:12" and clock.has_class("-overrun")
            elif name == "client_win":
                assert shown_pane(app) == "pane-win" and text_of(app, "#presenter").endswith(" presents")
                assert clock.value == "02:00"
            else:
                assert "Client share 20% — below the 50% target" in balance


async def test_the_client_win_segment_shows_the_presenter_and_x_passes_the_turn(demo_db):
    # The segment has run 40 s: long enough for the win to count as told.
    started(demo_db, 60, (lambda c, now: meetings.go(c, +1, now=now), 40))
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert shown_pane(app) == "pane-win"
        first = text_of(app, "#presenter")
        assert first.startswith("▶ ") and first.endswith(" presents")
        assert text_of(app, "#reason").startswith("Last presented")  # the name is above, said once
        await pilot.press("x")  # not ready today
        await until(pilot, lambda: text_of(app, "#presenter") != first, "another presenter")
        await settled(pilot)
        second = text_of(app, "#presenter")
        assert second != first
        assert "Keeping their place: " + first.removeprefix("▶ ").removesuffix(" presents") in text_of(app, "#reason")
        await pilot.press("n")  # the segment ends: the presentation is recorded
        await until(pilot, lambda: "Client win" not in text_of(app, "#segment-title"), "the next segment")
        await settled(pilot)
    conn = store.connect(demo_db)
    try:
        row = conn.execute(
            "SELECT p.name FROM meetings m JOIN collaborators p ON p.id = m.presenter_id ORDER BY m.id DESC"
        ).fetchone()
        assert "▶ " + row["name"] + " presents" == second
    finally:
        conn.close()


async def test_a_on_the_client_win_corrects_who_is_in_the_room_and_the_turn_follows(demo_db):
    started(demo_db, 60, (lambda c, now: meetings.go(c, +1, now=now), 40))
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        first = text_of(app, "#presenter")
        await pilot.press("a")
        await until(
            pilot,
            lambda: on_top(app, CheckInScreen) and app.screen.query_one(DataTable).row_count,
            "who is in the room",
        )
        assert "Who is in the room?" in screen_text(app)
        table = app.screen.query_one(DataTable)
        presenter = first.removeprefix("▶ ").removesuffix(" presents")
        row = next(i for i in range(table.row_count) if presenter in str(table.get_row_at(i)[0]))
        table.move_cursor(row=row)
        await pilot.press("space", "enter")  # present -> absent, done
        await until(pilot, lambda: on_top(app, MeetingScreen), "back to the meeting")
        await until(pilot, lambda: text_of(app, "#presenter") not in ("", first), "another presenter")
    conn = store.connect(demo_db)
    try:
        meeting_id = meetings.current(conn).id
        assert presenting.attendance(conn, meeting_id)[find_active_id(conn, presenter, "name")] == "absent"
    finally:
        conn.close()


async def test_reopened_mid_meeting_the_summary_leads_back_to_home(demo_db):
    """Opened straight on the meeting (home not built yet), finishing still ends at home."""
    started(demo_db, 30)
    app = make_app(demo_db, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("f", "y")
        await until(pilot, lambda: summary_drawn(app), "the summary")
        assert "finished" in text_of(app, "#summary-title")
        await pilot.press("escape")
        await until(pilot, lambda: not on_top(app, SummaryScreen), "the summary left")
        assert isinstance(app.screen, HomeScreen)


# -- the summary, as the room sees it at the end ------------------------------------


@pytest.mark.parametrize("size", [*SIZES, pytest.param((120, 40), id="120x40")])
def test_summary_snapshot(snap_compare, demo_db, size):
    go = lambda c, now: meetings.go(c, +1, now=now)  # noqa: E731
    started(demo_db, 900, (go, 660), (go, 470), (go, 180), base=NOW)
    conn = store.connect(demo_db)
    try:
        meeting_id = meetings.current(conn).id
        meetings.save_notes(conn, meeting_id, "Call Altis before noon; Tom pairs with Chloé on the Verdier renewal.")
        for vid in (1, 2):  # heard in the client voice, listed with who collected them
            meetings.mark_shown(conn, meeting_id, vid, NOW - timedelta(seconds=800 - vid))
        presenting.set_attendance(conn, meeting_id, find_active_id(conn, "Karim", "name"), "absent")
        meetings.finish(conn, now=NOW)
    finally:
        conn.close()

    async def open_summary(pilot) -> None:
        app = pilot.app
        await home_drawn(pilot)
        await app.push_screen(SummaryScreen(meeting_id))
        await until(pilot, lambda: summary_drawn(app) and table_shown(app, app.screen.query_one(DataTable)), "it all")
        await settled(pilot)

    assert snap_compare(_meeting_app(demo_db), terminal_size=size, run_before=open_summary)
