"""``briefing meeting ...``: driving the briefing's clock from a terminal.

The clock runs on the real time here, so these tests only look at what does
not depend on how many milliseconds a command took: the segment, the state,
the plan, the running kind, the exit codes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from briefing import meeting as core
from briefing.agenda import CLASSIC_AGENDA

#: Written against the agenda teams had before the client call.
pytestmark = pytest.mark.usefixtures("classic_agenda")

DEFAULT = CLASSIC_AGENDA.segments
SEGMENT_FIELDS = {"index", "title", "kind", "planned_s", "elapsed_s", "remaining_s", "overrun_s"}


def status(cli) -> dict:
    result = cli("meeting", "status", "--json")
    assert result.code == 0, result.err
    return result.json()


def ok(cli, *args: str, stdin: str = "") -> None:
    result = cli("meeting", *args, stdin=stdin)
    assert result.code == 0, result.err


def no_meeting(cli) -> bool:
    result = cli("meeting", "status", "--json")
    return result.code == 2 and "no briefing is running" in result.err


def test_status_without_a_briefing_exits_2_with_one_line(cli, conn):
    for args in (("status",), ("status", "--json")):
        result = cli("meeting", *args)
        assert result.code == 2 and result.out == ""
        assert len(result.err.strip().splitlines()) == 1
        assert "no briefing is running" in result.err and "briefing meeting start" in result.err


def test_start_then_status_json_shows_the_first_segment_running(cli):
    ok(cli, "start")
    data = status(cli)
    assert data["state"] == "running" and isinstance(data["id"], int)
    assert data["day"] == date.today().isoformat()
    assert set(data["segment"]) == SEGMENT_FIELDS
    first = DEFAULT[0]
    assert (data["segment"]["index"], data["segment"]["title"], data["segment"]["kind"]) == (
        0,
        first.title,
        first.kind.value,
    )
    assert data["segment"]["planned_s"] == first.planned_s
    assert data["running_kind"] == first.kind.value
    assert set(data["elapsed_by_kind"]) == {"client", "sales", "team"}
    assert data["target_share"] == CLASSIC_AGENDA.target_share
    assert [s["title"] for s in data["segments"]] == [s.title for s in DEFAULT]


def test_start_while_one_is_running_exits_2_and_keeps_it(cli):
    ok(cli, "start")
    first = status(cli)["id"]
    result = cli("meeting", "start", "--again")
    assert result.code == 2 and "already under way" in result.err
    assert status(cli)["id"] == first


# Each command: what to press before it, then what `status --json` reports before and after.
CHANGES = {
    "next": ((), lambda d: d["segment"]["index"], 0, 1),
    "prev": (("next",), lambda d: d["segment"]["index"], 1, 0),
    "pause": ((), lambda d: d["state"], "running", "paused"),
    "resume": (("pause",), lambda d: d["state"], "paused", "running"),
    "switch": ((), lambda d: d["running_kind"], DEFAULT[0].kind.value, "sales"),
    "switch --to team": ((), lambda d: d["running_kind"], DEFAULT[0].kind.value, "team"),
    "plus": ((), lambda d: d["segment"]["planned_s"], DEFAULT[0].planned_s, DEFAULT[0].planned_s + 60),
    "minus": ((), lambda d: d["segment"]["planned_s"], DEFAULT[0].planned_s, DEFAULT[0].planned_s - 60),
}


@pytest.mark.parametrize("command", list(CHANGES))
def test_each_command_changes_what_status_reports(cli, command):
    before_steps, read, before, after = CHANGES[command]
    ok(cli, "start")
    for step in before_steps:
        ok(cli, step)
    assert read(status(cli)) == before
    result = cli("meeting", *command.split())
    assert result.code == 0, result.err
    assert "Segment" in result.err  # the new state, for whoever pressed
    assert read(status(cli)) == after


def test_next_shows_the_next_segments_title_and_runs_its_kind(cli):
    ok(cli, "start")
    ok(cli, "next")
    ok(cli, "next")
    data = status(cli)
    assert data["segment"]["title"] == DEFAULT[2].title
    assert data["running_kind"] == DEFAULT[2].kind.value


def test_prev_on_the_first_segment_and_next_on_the_last_exit_2(cli):
    ok(cli, "start")
    result = cli("meeting", "prev")
    assert result.code == 2 and "first segment" in result.err
    for _ in range(len(DEFAULT) - 1):
        ok(cli, "next")
    result = cli("meeting", "next")
    assert result.code == 2 and "last segment" in result.err
    assert status(cli)["segment"]["index"] == len(DEFAULT) - 1


def test_pause_twice_and_resume_while_running_exit_2(cli):
    ok(cli, "start")
    result = cli("meeting", "resume")
    assert result.code == 2 and "already running" in result.err
    ok(cli, "pause")
    result = cli("meeting", "pause")
    assert result.code == 2 and "already paused" in result.err


def test_finish_without_yes_and_no_answer_aborts_and_the_briefing_runs_on(cli):
    ok(cli, "start")
    result = cli("meeting", "finish")
    assert result.code == 1 and "aborted" in result.err
    assert status(cli)["state"] == "running"


def test_finish_yes_ends_the_briefing(cli):
    ok(cli, "start")
    result = cli("meeting", "finish", "--yes")
    assert result.code == 0 and "finished" in result.err
    assert no_meeting(cli)


def test_finish_answered_yes_ends_the_briefing(cli):
    ok(cli, "start")
    ok(cli, "finish", stdin="y\n")
    assert no_meeting(cli)


def test_abandon_yes_ends_the_briefing_without_counting_it(cli):
    ok(cli, "start")
    result = cli("meeting", "abandon", "--yes")
    assert result.code == 0 and "abandoned" in result.err
    assert no_meeting(cli)
    ok(cli, "start")  # no question asked: the abandoned one was not today's briefing
    assert status(cli)["state"] == "running"


def test_finish_or_abandon_without_a_briefing_exit_2_without_asking(cli):
    for command in ("finish", "abandon"):
        result = cli("meeting", command)
        assert result.code == 2 and "no briefing is running" in result.err
        assert "?" not in result.err


def test_a_second_start_the_same_day_asks_first(cli):
    ok(cli, "start")
    first = status(cli)["id"]
    ok(cli, "finish", "--yes")
    refused = cli("meeting", "start")
    assert refused.code == 1 and "already had its briefing today" in refused.err
    assert no_meeting(cli)
    ok(cli, "start", "--again")
    second = status(cli)["id"]
    assert second != first
    ok(cli, "finish", "--yes")
    ok(cli, "start", stdin="y\n")
    assert status(cli)["id"] not in (first, second)


def test_human_status_names_the_segment_and_the_client_share(cli, conn):
    # Started 2 minutes ago, the talk drifted to sales 30 seconds ago: 90 s client, 30 s sales.
    now = datetime.now(UTC)
    core.start(conn, now=now - timedelta(seconds=120))
    core.switch(conn, to="sales", now=now - timedelta(seconds=30))
    result = cli("meeting", "status")
    assert result.code == 0, result.err
    assert DEFAULT[0].title in result.out
    assert f"client share {90 / 120:.0%}" in result.out
    assert f"target {CLASSIC_AGENDA.target_share:.0%}" in result.out
    assert "running: sales" in result.out


def test_minus_below_the_agendas_minimum_exits_2_in_one_line(cli, conn):
    ok(cli, "start")
    ok(cli, "next")  # the client win: 3:00
    ok(cli, "minus")
    ok(cli, "minus")
    result = cli("meeting", "minus")
    assert result.code == 2 and result.out == ""
    assert result.err == ("briefing: this segment is planned for 1:00; it cannot be planned for less than 30 seconds\n")
    assert status(cli)["segment"]["planned_s"] == 60


def test_no_briefing_and_no_such_record_name_the_database_looked_in(cli, conn, db_path):
    """The usual cause is another file (BRIEFING_DB, --db): the message says which."""
    where = str(db_path.resolve())
    result = cli("meeting", "next")
    assert result.code == 2
    assert result.err == f"briefing: no briefing is running in {where}; start one with 'briefing meeting start'\n"
    missing = cli("verbatim", "show", "99")
    assert missing.code == 2 and missing.err.startswith("briefing: ID: no verbatim with id 99")
    assert f"(looked in {where})" in missing.err
    nobody = cli("meeting", "start", "--absent", "Nobody")
    assert nobody.code == 2 and f"(looked in {where})" in nobody.err and nobody.err.count("\n") == 1
