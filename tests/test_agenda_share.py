"""The planned client share, held to the agenda's own target, and agendas as a screen types them.

A plan below its target is accepted (the lead may mean it for a day) but
said, in words, by the CLI and the app alike: both ask the core.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.agenda import (
    DEFAULT_AGENDA,
    Agenda,
    Segment,
    Typed,
    load_agenda,
    planned_share,
    save_typed,
    share_warning,
    typed,
)
from briefing.errors import BadInput, BadSegment
from briefing.kinds import SegmentKind

CLIENT, SALES, TEAM = SegmentKind.CLIENT, SegmentKind.SALES, SegmentKind.TEAM


def plan(*minutes: tuple[SegmentKind, float], target: float = 0.5) -> Agenda:
    return Agenda(tuple(Segment(f"s{i}", kind, round(m * 60)) for i, (kind, m) in enumerate(minutes)), target)


# -- planned_share and its warning: pure -----------------------------------------------


def test_the_planned_share_is_client_over_client_and_sales_time():
    assert planned_share(plan((CLIENT, 4), (SALES, 6), (TEAM, 10))) == pytest.approx(0.4)
    assert planned_share(DEFAULT_AGENDA) == pytest.approx(10 / 15)  # the call is client time


def test_an_agenda_with_neither_client_nor_sales_time_has_no_share_and_no_warning():
    team_only = plan((TEAM, 5))
    assert planned_share(team_only) is None
    assert share_warning(team_only) is None


def test_a_plan_below_its_target_is_said_in_words():
    assert share_warning(plan((CLIENT, 4), (SALES, 6))) == "planned client share 40% is below the target 50%"
    assert share_warning(plan((CLIENT, 5), (SALES, 5))) is None  # on target is not below it
    assert share_warning(plan((CLIENT, 1), (SALES, 9), target=0)) is None


def test_a_share_just_under_the_target_never_reads_as_the_target():
    # 49.9% would round to 50%: "50% is below the target 50%" reads as nonsense.
    warning = share_warning(plan((CLIENT, 4.99), (SALES, 5.01)))
    assert warning == "planned client share 49% is below the target 50%"


# -- typed: what a screen holds ---------------------------------------------------------


def test_a_typed_agenda_takes_minutes_with_decimals_and_a_percent_target():
    agenda = typed([Typed(" Voice ", CLIENT, "2,5", win=True), Typed("Numbers", SALES, "4")], "60")
    assert agenda == Agenda((Segment("Voice", CLIENT, 150, True), Segment("Numbers", SALES, 240)), 0.6)


@pytest.mark.parametrize(
    ("segments", "target", "index", "part", "problem"),
    [
        ([Typed("Voice", CLIENT, "four")], "50", 0, "minutes", "segment 1: minutes: 'four' is not a number"),
        ([Typed("A", CLIENT, "4"), Typed(" ", SALES, "4")], "50", 1, "title", "segment 2: the title must be"),
        ([Typed("A", CLIENT, "4"), Typed("B", SALES, "61")], "50", 1, "minutes", "segment 2: must last between"),
        ([Typed("A", CLIENT, "4", True), Typed("B", SALES, "4", True)], "50", 1, "win", "only one segment"),
    ],
)
def test_a_typed_agenda_names_the_segment_and_the_part_at_fault(segments, target, index, part, problem):
    with pytest.raises(BadSegment) as refused:
        typed(segments, target)
    assert (refused.value.index, refused.value.part) == (index, part)
    assert refused.value.problem.startswith(problem)


def test_a_typed_target_out_of_range_is_refused_on_the_target():
    with pytest.raises(BadInput) as refused:
        typed([Typed("A", CLIENT, "4")], "150")
    assert (refused.value.field, refused.value.problem) == ("target", "the target must be between 0 and 100")


def test_no_segment_at_all_is_refused_with_the_rule():
    with pytest.raises(BadInput, match="1 to 12 segments are needed, found 0"):
        typed([], "50")


def test_a_refused_typed_agenda_stores_nothing(conn):
    with pytest.raises(BadSegment):
        save_typed(conn, [Typed("A", CLIENT, "0.2")], "50")
    assert load_agenda(conn) == DEFAULT_AGENDA


def test_the_screen_keeps_what_it_does_not_edit_the_win_segments_minimum(conn):
    from dataclasses import replace

    from briefing.agenda import save_agenda

    save_agenda(conn, replace(DEFAULT_AGENDA, win_min_s=120))  # set from an agenda file
    save_typed(conn, [Typed("Voice", CLIENT, "5", win=True), Typed("Numbers", SALES, "4")], "55")
    stored = load_agenda(conn)
    assert stored.win_min_s == 120 and stored.target_share == 0.55


# -- the CLI ------------------------------------------------------------------------------


def test_set_warns_on_stderr_when_the_plan_misses_its_target_and_still_saves(cli, tmp_path: Path):
    path = tmp_path / "low.toml"
    path.write_text(
        'target = 50\n[[segment]]\ntitle = "Voice"\nkind = "client"\nminutes = 4\n'
        '[[segment]]\ntitle = "Numbers"\nkind = "sales"\nminutes = 6\n',
        encoding="utf-8",
    )
    result = cli("agenda", "set", str(path))
    assert result.code == 0
    assert "warning: planned client share 40% is below the target 50%\n" in result.err
    assert result.out == ""
    assert [s["planned_s"] for s in cli("agenda", "show", "--json").json()["segments"]] == [240, 360]


def test_set_says_no_warning_when_the_plan_meets_its_target(cli, tmp_path: Path):
    path = tmp_path / "ok.toml"
    path.write_text('[[segment]]\ntitle = "Voice"\nkind = "client"\nminutes = 4\n', encoding="utf-8")
    result = cli("agenda", "set", str(path))
    assert result.code == 0 and "warning" not in result.err
