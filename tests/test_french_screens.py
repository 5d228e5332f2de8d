"""The screens a French team sees: home, the meeting (client voice and the
client win), and the summary, as snapshots at 80x24 and 200x60; and two
guards that hold without looking at pictures.

The guard against English left on a French screen is honest about its
reach: it knows the English of the catalog (the msgids of these screens'
files), so it catches a message the code shows without ``_()`` around it
(a constant marked ``N_()`` but shown as is, say). A string never marked
at all is not in the catalog: for those, the snapshots, looked at when
they change, are the check. Only phrases of two words or more are looked
for, whole: a single English word may well be in what people typed (a
metric called "Sales yesterday"), which is never translated.
"""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from textual.widgets import DataTable

from briefing import db as store
from briefing import demo, i18n, presenting
from briefing import meeting as meetings
from briefing.team import find_active_id
from screens.app import make_app
from screens.summary import SummaryScreen
from tests.conftest import DAY, SIZES
from tests.pilot import footer_cut, screen_text, settled, table_shown, until
from tests.test_home_screen import home_shown
from tests.test_meeting_screen import NOW, _client_win, _meeting_app, _running, _shown, started, summary_drawn

PO = Path(__file__).resolve().parents[1] / "briefing" / "locale" / "fr" / "LC_MESSAGES" / "briefing.po"
#: The files whose words these screens show.
SHOWN_BY = (
    "screens/home.py",
    "screens/meeting",
    "screens/summary",
    "screens/widgets/",
    "screens/checkin.py",
    "briefing/rotation.py",
    # The desk between briefings (tests/test_french_desk.py looks at it).
    "screens/inbox",
    "screens/verbatim_",
    "screens/win_form.py",
    "screens/client_",
    "screens/clients_screen.py",
    "screens/saving.py",
    "screens/data.py",
    "screens/who_dialog.py",
    "screens/name_dialog.py",
    "screens/commands.py",
    "screens/navigation.py",
    "screens/served.py",
    "screens/view_screen.py",
    "screens/app.py",
    "screens/format.py",
    "briefing/watch.py",
)


@pytest.fixture(scope="session")
def demo_template_fr(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo team built by a French team: its agenda's titles are French
    (a new team's agenda is stored in its language); what people typed in
    the demo data is as they typed it."""
    path = tmp_path_factory.mktemp("demo-fr") / "demo.db"
    before = i18n.current()
    i18n.use("fr")
    try:
        demo.build(path, today=DAY)
    finally:
        i18n.use(before)
    return path


@pytest.fixture
def demo_fr(demo_template_fr: Path, tmp_path: Path, french) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template_fr, path)
    return path


def _finished(path: Path) -> int:
    """A briefing run through to its summary (as tests/test_meeting_screen.py's)."""
    go = lambda c, now: meetings.go(c, +1, now=now)  # noqa: E731
    started(path, 900, (go, 660), (go, 470), (go, 180), base=NOW)
    conn = store.connect(path)
    try:
        meeting_id = meetings.current(conn).id
        meetings.save_notes(conn, meeting_id, "Appeler Altis avant midi ; Tom accompagne Chloé sur Verdier.")
        for vid in (1, 2):
            meetings.mark_shown(conn, meeting_id, vid, NOW - timedelta(seconds=800 - vid))
        presenting.set_attendance(conn, meeting_id, find_active_id(conn, "Karim", "name"), "absent")
        meetings.finish(conn, now=NOW)
        return meeting_id
    finally:
        conn.close()


async def _summary_shown(pilot, meeting_id: int) -> None:
    app = pilot.app
    await until(pilot, lambda: app.screen.query("#home"), "home")
    await settled(pilot)
    await app.push_screen(SummaryScreen(meeting_id))
    await until(pilot, lambda: summary_drawn(app) and table_shown(app, app.screen.query_one(DataTable)), "the summary")
    await settled(pilot)


# -- snapshots ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_home_in_french(snap_compare, demo_fr, size):
    assert snap_compare(make_app(demo_fr, day=DAY, watch=False), terminal_size=size, run_before=home_shown)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("segment", ["client", "win"])
def test_meeting_in_french(snap_compare, demo_fr, segment, size):
    {"client": _running, "win": _client_win}[segment](demo_fr)
    assert snap_compare(_meeting_app(demo_fr), terminal_size=size, run_before=_shown)


@pytest.mark.parametrize("size", SIZES)
def test_summary_in_french(snap_compare, demo_fr, size):
    meeting_id = _finished(demo_fr)

    async def shown(pilot) -> None:
        await _summary_shown(pilot, meeting_id)

    assert snap_compare(_meeting_app(demo_fr), terminal_size=size, run_before=shown)


# -- guards -----------------------------------------------------------------------------


def english_phrases(shown_by: tuple[str, ...] = SHOWN_BY) -> dict[str, str]:
    """English phrase (a msgid's words between placeholders) -> its msgid,
    for the messages of these screens (of the files ``shown_by``) that
    French says differently."""
    with open(PO, "rb") as f:
        cat = read_po(f, locale="fr")
    phrases = {}
    for m in cat:
        if not m.id or not any(loc.startswith(shown_by) for loc, _line in m.locations):
            continue
        msgid = m.id[0] if isinstance(m.id, tuple) else m.id
        french = m.string[0] if isinstance(m.string, tuple) else m.string
        for part in re.split(r"\{\w+\}", msgid):
            part = part.strip(" :·—()▶↑↓.,;")
            if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2 and part not in french:
                phrases[part] = msgid
    return phrases


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_no_english_is_left_on_the_french_screens(demo_template_fr, tmp_path, french, size):
    phrases = english_phrases()
    assert "new verbatims" in phrases and "Client share" in phrases  # the guard knows what to look for
    seen: dict[str, str] = {}
    for name, prepare in (("home", None), ("client", _running), ("win", _client_win), ("summary", _finished)):
        path = tmp_path / f"{name}.db"
        shutil.copy(demo_template_fr, path)
        extra = prepare(path) if prepare else None
        app = _meeting_app(path)
        async with app.run_test(size=size) as pilot:
            if name == "home":
                await home_shown(pilot)
            elif name == "summary":
                await _summary_shown(pilot, extra)
            else:
                await _shown(pilot)
            seen[name] = screen_text(app)
    path = tmp_path / "checkin.db"
    shutil.copy(demo_template_fr, path)
    app = make_app(path, day=DAY, watch=False)
    async with app.run_test(size=size) as pilot:  # s on home: who is in the room
        await home_shown(pilot)
        await pilot.press("s")
        await until(pilot, lambda: "présente" in screen_text(app) and "présent" in screen_text(app), "the check-in")
        await settled(pilot)
        seen["checkin"] = screen_text(app)
        assert "Qui est là aujourd'hui ? Puis Entrée pour lancer." in seen["checkin"]
    left = {(name, phrase) for name, text in seen.items() for phrase in phrases if phrase in text}
    assert not left, f"English on a French screen: {sorted(left)}"


def _call(path: Path) -> None:
    """A new team's agenda, which opens on the client call."""
    from briefing.agenda import default_agenda, save_agenda

    with store.opened(path) as conn:
        save_agenda(conn, default_agenda())
    started(path, 30, base=NOW)


def _call_shown(app) -> bool:
    text = screen_text(app)
    return "☎" in text and "Recherche" not in text and "Appelé par" in text


async def test_the_inbox_keys_are_whole_at_80x24_in_french(demo_fr):
    from screens.inbox import InboxScreen

    app = make_app(demo_fr, day=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_shown(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, InboxScreen) and app.screen.table().row_count, "the inbox")
        await settled(pilot)
        assert footer_cut(app) == [], screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("prepare", [_running, _client_win, _call], ids=["client", "win", "call"])
async def test_french_words_are_never_cut_at_80x24(demo_fr, prepare):
    """The footer's keys, the boxes' titles and the balance's sentence,
    whole on a laptop's terminal."""
    prepare(demo_fr)
    app = _meeting_app(demo_fr)
    async with app.run_test(size=(80, 24)) as pilot:
        if prepare is _call:
            await until(pilot, lambda: _call_shown(app), "the call pane")
            await settled(pilot)
        else:
            await _shown(pilot)
        text = screen_text(app)
        lines = text.splitlines()
        for widget in app.screen.query("*"):
            for title in (widget.border_title, widget.border_subtitle):
                if widget.display and title:
                    assert str(title) in text, f"{title!r} cut"
        assert footer_cut(app) == [], lines[-1]
        sentence = re.compile(r"Part client 100\s%\s— objectif tenu \(≥ 50\s%\)")
        assert any(sentence.search(line) for line in lines), "the balance's sentence is cut"
