"""Bad input: exit 2, one line on stderr naming the field, nothing written."""

from __future__ import annotations

import pytest

CASES = [
    # (args, field named in the message)
    (["verbatim", "add", "   ", "--client", "Marc"], "TEXT"),
    (["verbatim", "add", "x" * 2001, "--client", "Marc"], "TEXT"),
    (["verbatim", "add", "ok", "--client", ""], "--client"),
    (["verbatim", "add", "ok", "--client", "x" * 81], "--client"),
    (["verbatim", "add", "ok", "--client", "Marc", "--by", "Nobody"], "--by"),
    (["verbatim", "add", "ok", "--client", "Marc", "--channel", "fax"], "--channel"),
    (["verbatim", "add", "ok", "--client", "Marc", "--sentiment", "Positive"], "--sentiment"),
    (["verbatim", "add", "ok", "--client", "Marc", "--date", "2026-02-30"], "--date"),
    (["verbatim", "add", "ok", "--client", "Marc", "--date", "24/11/2026"], "--date"),
    (["verbatim", "add", "bad \udc80 byte", "--client", "Marc"], "TEXT"),
    (["verbatim", "add", "nul \x00 here", "--client", "Marc"], "TEXT"),
    (["verbatim", "add", "ok", "--client", "Ma\x00rc"], "--client"),
    (["verbatim", "add", "ok"], "--client"),
    (["verbatim", "list", "--status", "gone"], "--status"),
    (["verbatim", "list", "--limit", "0"], "--limit"),
    (["metric", "add", "Sales", "nan"], "VALUE"),
    (["metric", "add", "Sales", "inf"], "VALUE"),
    (["metric", "add", "Sales", "-Infinity"], "VALUE"),
    (["metric", "add", "Sales", "lots"], "VALUE"),
    (["metric", "add", "Sales", "12", "--target", "nan"], "--target"),
    (["metric", "add", "Sales", "12", "--date", "2026-02-29"], "--date"),
    (["win", "add", "", "--by", "Inès Moreau"], "TITLE"),
    (["win", "add", "Deal", "--by", "Inès Moreau", "--date", "tomorrow"], "--date"),
    (["team", "add", ""], "NAME"),
    (["team", "add", "x" * 81], "NAME"),
    (["team", "add", "bad\udcff"], "NAME"),
]


def _counts(conn):
    return [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("collaborators", "verbatims", "wins", "metrics")
    ]


@pytest.mark.parametrize(("args", "field"), CASES, ids=[" ".join(a)[:40] for a, _ in CASES])
def test_bad_input_exits_2_with_one_line_naming_the_field(cli, conn, team, args, field):
    before = _counts(conn)
    result = cli(*args)
    assert result.code == 2, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert field in lines[0]
    assert _counts(conn) == before


def test_invalid_utf8_on_stdin_is_refused(cli, conn):
    result = cli("verbatim", "add", "-", "--client", "Marc", stdin=b"caf\xe9 au lait")
    assert result.code == 2 and "TEXT: contains bytes that are not valid UTF-8" in result.err
    assert _counts(conn)[1] == 0


def test_messages_read_naturally(cli, team):
    assert cli("verbatim", "add", "ok", "--client", "Marc", "--date", "2026-02-30").err == (
        "briefing: --date: 2026-02-30 is not a real calendar date\n"
    )
    assert cli("verbatim", "add", "x" * 2001, "--client", "M").err == (
        "briefing: TEXT: is 2001 characters long; the limit is 2000\n"
    )
    assert (
        cli("metric", "add", "Sales", "nan").err
        == "briefing: VALUE: 'nan' is not a number (write it like 12400 or 12.5)\n"
    )


def test_unknown_command_is_a_usage_error(cli):
    result = cli("verbatims", "list")
    assert result.code == 2 and "No such command" in result.err
    assert len(result.err.strip().splitlines()) == 1
