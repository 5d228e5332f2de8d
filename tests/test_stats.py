"""The figures the briefing remembers, on a database small enough to check by hand.

The team: Claire (lead), Inès, Karim, Tom. Today is Tuesday 24 November
2026; two weeks asked for: Monday 16 to Tuesday 24 November. The default
agenda: Client voice 4 min (client), Client win 3 (client), Numbers 5
(sales), Focus of the day 3 (team).

=========  ==========================================  ======  =====  =====
day        seconds per segment                          client  sales  share
=========  ==========================================  ======  =====  =====
Thu 5 Nov  120, 60, 420, then finished (before)        180     420    30 %
Tue 17     240, 180, 300, 180; Inès tells her win       420     300    58 %
Mon 23     300 (+60), 180, 270, 240 (+60); Karim, none  480     270    64 %
Tue 24     abandoned: not a briefing held               -       -      -
=========  ==========================================  ======  =====  =====

The last 2 weeks: 900 client / 1,170 s = 61 %; the 2 before: 30 %.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import agenda, team, verbatims, wins
from briefing import db as store
from briefing.stats import Period, headline, load, percent, share, week_of, week_starts
from tests.conftest import DAY
from tests.test_query_plans import GROWING, full_scans

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

AGENDA = json.dumps(agenda.to_json(agenda.CLASSIC_AGENDA))


def hold(conn, day: str, seconds: list[int], *, presenter=None, win=None, outcome="finished") -> None:
    """A briefing as the meeting stores it: start, one goto per segment left, the end."""
    t0 = datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)
    ids = {p.name.split()[0]: p.id for p in team.list_team(conn)}
    mid = conn.execute(
        "INSERT INTO meetings (day, agenda, created_at, outcome, presenter_id, win_id) VALUES (?, ?, ?, ?, ?, ?)",
        (day, AGENDA, t0.isoformat(), outcome, ids.get(presenter), win),
    ).lastrowid
    events, at = [("start", None, t0)], t0
    for i, s in enumerate(seconds):
        at += timedelta(seconds=s)
        events.append(("goto", str(i + 1), at))
    events[-1] = ("finish" if outcome == "finished" else "abandon", None, at)  # the last one ends it
    conn.executemany(
        "INSERT INTO meeting_events (meeting_id, seq, type, arg, at) VALUES (?, ?, ?, ?, ?)",
        [(mid, n, kind, arg, when.isoformat()) for n, (kind, arg, when) in enumerate(events)],
    )
    conn.commit()


@pytest.fixture
def small(conn):
    team.add(conn, "Claire Dubois", lead=True, today=date(2026, 1, 5))
    for name in ("Inès Moreau", "Karim Benali", "Tom Becker"):
        team.add(conn, name, today=date(2026, 1, 5))
    w1 = wins.add(conn, {"title": "Renewed Altis", "owner": "Inès", "date": "2026-11-16"})
    wins.add(conn, {"title": "Saved Verdier", "owner": "Tom", "date": "2026-11-20"})
    wins.add(conn, {"title": "Old one", "owner": "Tom", "date": "2026-11-01"})
    for day, mood in [
        ("2026-11-15", "positive"),  # the Sunday before the window
        ("2026-11-16", "positive"),
        ("2026-11-22", "negative"),  # Sunday: still the week of the 16th
        ("2026-11-23", "positive"),
        ("2026-11-23", "positive"),
    ]:
        verbatims.add(conn, {"text": "Quote", "client": "C", "sentiment": mood, "date": day})
    hold(conn, "2026-11-05", [120, 60, 420])
    hold(conn, "2026-11-17", [240, 180, 300, 180], presenter="Inès", win=w1)
    hold(conn, "2026-11-23", [300, 180, 270, 240], presenter="Karim")
    hold(conn, "2026-11-24", [100, 50], outcome="abandoned")
    return conn


def test_the_figures_of_two_weeks_are_the_ones_counted_by_hand(small):
    stats = load(small, DAY, weeks=2)
    assert stats.start == date(2026, 11, 16)
    assert [(s.day, round(s.share, 4), s.target) for s in stats.shares] == [
        (date(2026, 11, 17), 0.5833, 0.5),
        (date(2026, 11, 23), 0.64, 0.5),
    ]
    assert [(w.week, w.briefings, w.minutes) for w in stats.by_week] == [
        (date(2026, 11, 16), 1, {"client": 7.0, "sales": 5.0, "team": 3.0}),
        (date(2026, 11, 23), 1, {"client": 8.0, "sales": 4.5, "team": 4.0}),
    ]
    assert [w.verbatims for w in stats.by_week] == [
        {"positive": 1, "neutral": 0, "negative": 1},
        {"positive": 2, "neutral": 0, "negative": 0},
    ]
    # The lead owns and told nothing: left out. Karim told no win: 0 presented.
    assert [(t.name, t.owned, t.presented) for t in stats.wins] == [
        ("Inès Moreau", 1, 1),
        ("Karim Benali", 0, 0),
        ("Tom Becker", 1, 0),
    ]
    assert [(o.segment, o.held, o.overran, o.overrun_s) for o in stats.overruns] == [
        ("Client voice", 2, 1, 60.0),
        ("Focus of the day", 2, 1, 60.0),
        ("Client win", 2, 0, 0.0),
        ("Numbers", 2, 0, 0.0),
    ]
    assert stats.headline == (
        "Client share 61% over the last 2 weeks (up from 30% in the 2 before); "
        "1 of 3 collaborators presented a win in that time."
    )


def test_twelve_weeks_hold_every_week_even_empty_ones(small):
    stats = load(small, DAY)
    assert len(stats.by_week) == 12 and stats.by_week[0].week == date(2026, 9, 7)
    assert [s.day.day for s in stats.shares] == [5, 17, 23]
    assert sum(w.briefings for w in stats.by_week) == 3
    # Four weeks (2 to 24 Nov) against the four before (nothing held then).
    assert stats.headline.startswith("Client share 52% over the last 4 weeks (nothing to compare with before)")


def test_an_empty_database_says_so_in_words(conn):
    stats = load(conn, DAY)
    assert stats.held == 0 and stats.wins == () and stats.overruns == ()
    assert stats.headline == (
        "No briefing was finished in the last 4 weeks: the trends fill in as the team holds briefings."
    )


def test_weeks_out_of_bounds_are_refused(conn):
    from briefing.errors import BadInput

    for weeks in (0, 521):
        with pytest.raises(BadInput):
            load(conn, DAY, weeks)


# -- the headline's wording ----------------------------------------------------------


@pytest.mark.parametrize(
    ("recent", "before", "weeks", "presented", "members", "expected"),
    [
        (Period(0, 0, 0), Period(0, 0, 0), 4, 0, 0, "No briefing was finished in the last 4 weeks: the trends"),
        (Period(0, 0, 0), Period(3, 1, 1), 4, 0, 5, "No briefing was finished in the last 4 weeks (3 in the 4 before)"),
        (Period(0, 0, 0), Period(1, 1, 1), 1, 0, 5, "No briefing was finished this week (one the week before)."),
        (Period(2, 54, 46), Period(0, 0, 0), 4, 6, 7, "Client share 54% over the last 4 weeks (nothing to compare"),
        (Period(2, 54, 46), Period(4, 38, 62), 4, 6, 7, "Client share 54% over the last 4 weeks (up from 38% in the 4"),
        (Period(2, 30, 70), Period(4, 38, 62), 1, 0, 7, "Client share 30% this week (down from 38% the week before)"),
        (Period(2, 50, 50), Period(4, 501, 499), 4, 1, 1, "Client share 50% over the last 4 weeks (as in the 4"),
        (Period(1, 0, 0), Period(0, 0, 0), 4, 0, 3, "No client or sales time was counted in the last 4 weeks; 0 of 3"),
    ],
)
def test_the_headline_reads_right_in_each_case(recent, before, weeks, presented, members, expected):
    assert headline(recent, before, weeks, presented, members).startswith(expected)


def test_the_headline_counts_collaborators_in_the_singular_and_plural():
    one, seven = (headline(Period(1, 6, 4), Period(0, 0, 0), 4, n, members) for n, members in ((1, 1), (6, 7)))
    assert one.endswith("; 1 of 1 collaborator presented a win in that time.")
    assert seven.endswith("; 6 of 7 collaborators presented a win in that time.")
    assert ";" not in headline(Period(1, 6, 4), Period(0, 0, 0), 4, 0, 0)


# -- the pure rules, for any input ----------------------------------------------------

days = st.dates(min_value=date(2000, 1, 3), max_value=date(2100, 1, 1))
seconds = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(days, st.integers(min_value=1, max_value=520))
def test_the_weeks_are_consecutive_mondays_ending_with_todays(today, weeks):
    mondays = week_starts(today, weeks)
    assert len(mondays) == weeks and all(m.weekday() == 0 for m in mondays)
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(mondays))
    assert mondays[-1] <= today < mondays[-1] + timedelta(days=7)


@given(days, st.integers(min_value=0, max_value=400))
def test_every_day_of_the_window_falls_in_exactly_one_of_its_weeks(today, back):
    day = today - timedelta(days=back)
    mondays = week_starts(today, back // 7 + 2)
    assert mondays.count(week_of(day)) == 1


@given(st.lists(st.tuples(seconds, seconds), min_size=1, max_size=20))
def test_a_periods_share_lies_between_its_briefings_shares(parts):
    shares = [s for s in (share(c, x) for c, x in parts) if s is not None]
    whole = Period(len(parts), sum(c for c, _ in parts), sum(x for _, x in parts)).share
    assert (whole is None) == (not shares)
    if shares:
        assert min(shares) - 1e-9 <= whole <= max(shares) + 1e-9


@given(
    st.tuples(st.integers(0, 30), seconds, seconds),
    st.tuples(st.integers(0, 30), seconds, seconds),
    st.integers(1, 4),
    st.integers(0, 50),
)
def test_the_headline_goes_up_or_down_as_the_percentages_it_prints(recent, before, weeks, members):
    text = headline(Period(*recent), Period(*before), weeks, min(members, 3), members)
    assert text.endswith(".") and "\n" not in text
    now, then = Period(*recent), Period(*before)
    if now.briefings and now.share is not None and then.briefings and then.share is not None:
        if percent(now.share) > percent(then.share):
            assert f"up from {percent(then.share)}%" in text
        elif percent(now.share) < percent(then.share):
            assert f"down from {percent(then.share)}%" in text
        else:
            assert "(as " in text


# -- reading the window only ----------------------------------------------------------


def test_stats_read_the_window_by_its_indexes_never_the_whole_history(demo_db):
    with store.opened(demo_db) as conn:
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        load(conn, DAY, 520)
        conn.set_trace_callback(None)
        assert full_scans(conn, statements) == []
        plans = [
            detail
            for sql in statements
            if sql.lstrip().upper().startswith("SELECT")
            for *_, detail in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        ]
    touched = [p for p in plans if p.split()[1] in GROWING]
    assert touched, "the window was never read"
    for plan in touched:  # by the day, the date, or a briefing's own id: a range, not the years
        assert any(key in plan for key in ("day>", "date>", "meeting_id=")), plan


# -- briefing stats -------------------------------------------------------------------


@pytest.fixture
def on_day(monkeypatch):
    """The CLI reads today's date: pin it to the fixture's Tuesday."""
    monkeypatch.setattr("briefing.stats._today", lambda: DAY)


def test_stats_prints_the_headline_then_tables_a_person_can_check(small, cli, on_day):
    result = cli("stats", "--weeks", "2")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Client share 61% over the last 2 weeks (up from 30% in the 2 before)")
    assert "Briefings since Mon 16 Nov 2026: client share against the agenda's target" in lines
    shares = [line.split() for line in lines if line.startswith("2026-11-1") or line.startswith("2026-11-2")]
    assert ["2026-11-17", "58%", "50%"] in shares and ["2026-11-23", "64%", "50%"] in shares
    assert ["2026-11-16", "1", "58%", "7.0", "5.0", "3.0", "1", "0", "1"] in shares
    assert ["2026-11-23", "1", "64%", "8.0", "4.5", "4.0", "2", "0", "0"] in shares
    assert any(line.split() == ["Inès", "Moreau", "1", "1"] for line in lines)
    assert any(line.split() == ["Client", "voice", "2", "1", "1.0"] for line in lines)


def test_stats_json_is_one_object_with_the_same_figures(small, cli, on_day):
    data = cli("stats", "--weeks", "2", "--json").json()
    assert data["from"] == "2026-11-16" and data["weeks"] == 2
    assert [(b["day"], b["client_share"]) for b in data["briefings"]] == [("2026-11-17", 0.5833), ("2026-11-23", 0.64)]
    assert data["by_week"][1]["minutes"] == {"client": 8.0, "sales": 4.5, "team": 4.0}
    assert data["wins"][0] == {"name": "Inès Moreau", "owned": 1, "presented": 1}
    assert data["headline"].startswith("Client share 61%")


def test_stats_on_an_empty_team_says_so_and_succeeds(cli, on_day, conn):
    result = cli("stats")
    assert result.code == 0
    assert result.out.startswith("No briefing was finished in the last 4 weeks")
    assert "No briefing was finished in these weeks." in result.err


@pytest.mark.parametrize("weeks", ["0", "521", "-3", "abc", "99999999999999999999999"])
def test_stats_refuses_a_bad_number_of_weeks_in_one_line(cli, conn, weeks):
    result = cli("stats", "--weeks", weeks)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "--weeks" in result.err


def test_stats_on_a_missing_file_creates_nothing(cli, tmp_path):
    missing = tmp_path / "nope.db"
    result = cli("--db", str(missing), "stats", db=False)
    assert result.code != 0 and not missing.exists()
