"""``briefing export``: minutes a team can paste anywhere, ranges as files.

The minutes are checked as a Markdown reader sees them (parsed with
markdown-it, which Textual already brings): people's text, however hostile,
stays text in its place. CSV is checked as a spreadsheet would read it.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from markdown_it import MarkdownIt

from briefing import db as store
from briefing import history
from briefing import meeting as meetings
from briefing import summary as summaries
from briefing.errors import BadInput
from briefing.tabular import FORMULA_STARTS
from briefing.timeutil import mmss
from tests.conftest import DAY, invoke

#: The hostile briefing is held today: people who join today present from today.
TODAY = date.today()
T0 = datetime(TODAY.year, TODAY.month, TODAY.day, 8, tzinfo=UTC)
HOSTILE = (
    "| a | b |\n# Not a heading\n```\n<script>alert(1)</script>\n- item\n1. one\n> quote\n\\ *bold* [x](y) \x1b[31m"
)


def parsed(text: str) -> list:
    return MarkdownIt("commonmark").enable("table").parse(text)


def headings(tokens) -> list[str]:
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_minutes_of_a_demo_briefing_say_what_the_room_did(demo_db):
    result = invoke(["--db", str(demo_db), "export", "--format", "md", "--date", "2026-11-23"])
    assert result.code == 0, result.err
    md = result.out
    assert headings(parsed(md)) == [
        "Briefing of Monday 23 November 2026",
        "Agenda",
        "Attendance",
        "Client win",
        "Verbatims shown",
        "Numbers",
        "Notes",
    ]
    # The demo's briefings vary in length: the figures are those of that day's summary.
    conn = store.connect(demo_db)
    try:
        held = summaries.load(conn, history.find(conn, date(2026, 11, 23))[0])
    finally:
        conn.close()
    assert f"Client share **{round(held.state.client_share * 100)}%** against a target of 50%" in md
    voice = held.state.segments[0]
    assert f"| 1 | Client voice | client | 4:00 | {mmss(voice.elapsed_s, pad=False)} |" in md
    assert "- Absent: Inès Moreau" in md
    assert "**Mehdi Haddad** presented a fresh client story." in md
    assert "| Sales yesterday | 13450 € | 12000 € | met (+1450 €) |" in md
    assert "| Calls made | 59 calls | 60 calls | ▼ under by 1 calls |" in md


def test_minutes_default_to_the_last_briefing_held(demo_db):
    result = invoke(["--db", str(demo_db), "export", "--format", "md"])
    assert result.code == 0 and result.out.startswith("# Briefing of Monday 23 November 2026\n")


def hostile_briefing(conn, cli) -> int:
    """A briefing whose every typed text tries to break the page: a member's
    name, a verbatim shown, the client win told, the notes."""
    assert cli("team", "add", "Ana | `Ruiz` #1").code == 0
    cli("team", "add", "Claire Dubois", "--lead")
    presenter = cli("rotation", "next", "--json").json()["presenter"]
    cli("win", "add", "<b>Won</b> | ```x```", "--by", presenter, "--client", "# Acme")
    cli("verbatim", "add", "-", "--client", "Evil | Corp", "--company", "`rm -rf`", "--by", "Ana", stdin=HOSTILE)
    m = meetings.start(conn, now=T0, day=TODAY)
    meetings.mark_shown(conn, m.id, 1, T0 + timedelta(seconds=5))
    meetings.go(conn, +1, now=T0 + timedelta(seconds=10))
    meetings.go(conn, +1, now=T0 + timedelta(seconds=50))
    meetings.save_notes(conn, m.id, HOSTILE + "\n\n    indented\n---\n===")
    meetings.finish(conn, now=T0 + timedelta(seconds=60))
    return m.id


def test_hostile_text_never_reshapes_the_minutes(classic_agenda, conn, cli):
    meeting_id = hostile_briefing(conn, cli)
    result = cli("export", "--format", "md", "--id", str(meeting_id))
    assert result.code == 0, result.err
    tokens = parsed(result.out)
    assert headings(tokens) == [f"Briefing of {TODAY:%A %d %B %Y}", *headings(parsed(_skeleton()))]
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_block", "html_inline", "code_inline", "fence", "code_block", "link", "hr"}
    # Tables keep their columns: every row of the agenda has its six cells.
    rows = [i for i, t in enumerate(tokens) if t.type == "tr_open"]
    for i in rows:
        cells = 0
        for t in tokens[i:]:
            if t.type == "tr_close":
                break
            cells += t.type in ("td_open", "th_open")
        assert cells in (6, 4)
    html = MarkdownIt("commonmark").enable("table").render(result.out)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Evil | Corp" in html and "Ana | `Ruiz` #1" in html and "&lt;b&gt;Won&lt;/b&gt; | ```x```" in html
    assert "␛[31m" in html  # the escape character shown, not sent to a terminal
    assert "\x1b" not in result.out


def _skeleton() -> str:
    return "\n".join(f"## {h}" for h in ("Agenda", "Attendance", "Client win", "Verbatims shown", "Numbers", "Notes"))


@pytest.fixture
def quotes(cli, team):
    texts = ['=HYPERLINK("http://x")', "+33 6 12", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "\nLF", "plain"]
    for i, text in enumerate(texts):
        cli("verbatim", "add", f"x{text}", "--client", text, "--by", "Inès", "--date", f"2026-11-{10 + i}")
    cli("metric", "add", "Stock gap", "-12.5", "--target", "0", "--date", "2026-11-10")
    cli("metric", "add", "=cmd", "3", "--unit", "-x", "--date", "2026-11-10")
    return texts


def spreadsheet(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cli, quotes):
    result = cli("export", "--format", "csv", "--kind", "verbatims", "--from", "2026-11-01", "--to", "2026-11-30")
    assert result.code == 0, result.err
    clients = [row["client"] for row in spreadsheet(result.out)]
    for given, cell in zip(quotes, clients, strict=True):
        # The validation trims tabs and newlines at the edges; what is left
        # of a formula start is still neutralised.
        if given.strip().startswith(FORMULA_STARTS):
            assert cell == "'" + given.strip()
        else:
            assert not cell.startswith(FORMULA_STARTS)
    assert all(not row["text"].startswith(FORMULA_STARTS) for row in spreadsheet(result.out))


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_formula_start_gets_a_quote(start):
    from briefing.tabular import dump

    rows = spreadsheet(dump(["text", "value"], [[f"{start}1+1", -12.5]]).decode())
    assert rows == [{"text": f"'{start}1+1", "value": "-12.5"}]


def test_a_negative_number_stays_a_number_and_text_metrics_are_neutralised(cli, quotes):
    result = cli("export", "--format", "csv", "--kind", "metrics", "--date", "2026-11-10")
    rows = {r["name"]: r for r in spreadsheet(result.out)}
    assert rows["Stock gap"]["value"] == "-12.5" and rows["Stock gap"]["target"] == "0"
    assert rows["'=cmd"]["unit"] == "'-x"


def test_excel_csv_has_a_bom_semicolons_and_decimal_commas(cli, quotes, tmp_path):
    out = tmp_path / "m.csv"
    result = cli("export", "--format", "csv", "--kind", "metrics", "--date", "2026-11-10", "--excel", "-o", str(out))
    assert result.code == 0, result.err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname;value;target;unit;date\r\n")
    assert "Stock gap;-12,5;0;;2026-11-10" in data.decode("utf-8-sig")


def test_csv_to_stdout_needs_one_kind_and_a_folder_gets_one_file_per_kind(cli, quotes, tmp_path):
    result = cli("export", "--format", "csv", "--from", "2026-11-01")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "--kind" in result.err and "Traceback" not in result.err
    folder = tmp_path / "november"
    assert cli("export", "--format", "csv", "--from", "2026-11-01", "-o", str(folder)).code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["briefings.csv", "metrics.csv", "verbatims.csv", "wins.csv"]


def test_an_existing_file_is_refused_unless_forced(cli, quotes, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "export.json"
    out.write_text("keep me")
    args = ["export", "--format", "json", "--from", "2026-11-01", "-o", str(out)]
    refused = cli(*args)
    assert refused.code == 2 and refused.err == f"briefing: -o: {out} already exists; --force replaces it\n"
    assert out.read_text() == "keep me"
    assert cli(*args, "--force").code == 0
    assert json.loads(out.read_text())["verbatims"][0]["client"] == '=HYPERLINK("http://x")'
    assert [p.name for p in out.parent.iterdir()] == ["export.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "json"], "--from: say which days to export"),
        (["--format", "json", "--from", "2026-11-30", "--to", "2026-11-01"], "is after the end"),
        (["--format", "json", "--from", "2026-02-30"], "not a real calendar date"),
        (["--format", "md", "--from", "2026-11-01"], "writes one briefing"),
        (["--format", "md", "--id", "999"], "no briefing with id 999"),
        (["--format", "json", "--date", "2026-11-01", "--excel"], "--excel: only for --format csv"),
        (["--format", "pdf"], "'pdf' is not one of"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(cli, team, args, says):
    result = cli("export", *args)
    assert result.code == 2, result.err
    assert says in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err


def test_the_same_range_exports_to_the_same_bytes(demo_db):
    args = ["--db", str(demo_db), "export", "--format", "json", "--from", "2026-11-01", "--to", "2026-11-24"]
    first, second = invoke(args), invoke(args)
    assert first.code == 0 and first.out == second.out
    document = first.json()
    assert list(document) == ["from", "to", "verbatims", "wins", "metrics", "briefings"]
    assert [b["day"] for b in document["briefings"]] == sorted(b["day"] for b in document["briefings"])
    assert document["briefings"][0]["present"]


async def test_e_writes_the_minutes_from_the_history_and_the_summary(demo_db, tmp_path, monkeypatch):
    """Never over a file: the second export of the same day gets ``-2``."""
    from screens.app import make_app
    from screens.summary import SummaryScreen
    from tests.pilot import on_top, until
    from tests.test_history import _history_shown

    folder = tmp_path / "minutes"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_EXPORT_DIR", str(folder))
    app = make_app(demo_db, day=DAY, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _history_shown(pilot)
        await pilot.press("e")
        first = folder / "briefing-2026-11-23.md"
        await until(pilot, lambda: [n.message for n in app._notifications] == [str(first)], "the path said")
        await pilot.press("enter")
        await until(pilot, lambda: on_top(app, SummaryScreen), "the summary")
        await pilot.press("e")
        second = folder / "briefing-2026-11-23-2.md"
        await until(pilot, lambda: str(second) in [n.message for n in app._notifications], "the second path said")
    assert first.read_text(encoding="utf-8").startswith("# Briefing of Monday 23 November 2026\n")
    assert second.read_bytes() == first.read_bytes()


def test_a_written_export_is_readable_as_the_users_other_files_and_a_missing_folder_is_said(cli, tmp_path):
    out = tmp_path / "minutes.md"
    from briefing.files import write_new

    write_new(out, b"# Minutes\n")
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask_now()
    missing = tmp_path / "nowhere" / "minutes.md"
    with pytest.raises(BadInput, match="is not a folder that exists"):
        write_new(missing, b"x")


def _umask_now() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
