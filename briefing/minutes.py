"""A briefing's minutes in Markdown: what a team pastes into its wiki or mails.

Built from the same summary as the app's summary screen and ``briefing
meeting summary`` (:func:`briefing.summary.load`), plus that day's numbers,
so the three never disagree. Everything people typed goes through
:mod:`briefing.mdtext`: a verbatim holding ``|`` or ``# title`` is quoted,
it never reshapes the page.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing import metrics, summary
from briefing.db import snapshot
from briefing.mdtext import block, inline
from briefing.records import Metric
from briefing.summary import Summary
from briefing.timeutil import mmss

__all__ = ["EXPORT_DIR_ENV", "Minutes", "default_folder", "filename", "load", "render", "save"]

#: Where the app writes minutes, if set (tests, or a team's shared folder).
EXPORT_DIR_ENV = "BRIEFING_EXPORT_DIR"


@dataclass(frozen=True)
class Minutes:
    summary: Summary
    #: That day's metric values, by name.
    numbers: list[Metric]


def load(conn: sqlite3.Connection, meeting_id: int) -> Minutes:
    with snapshot(conn):
        found = summary.load(conn, meeting_id)
        return Minutes(found, metrics.on_day(conn, found.meeting.day))


def _signed(seconds: float) -> str:
    return ("+" if seconds >= 0 else "−") + mmss(abs(seconds), pad=False)


def _number(value: float, unit: str | None) -> str:
    text = format(value, ".15g")
    return f"{text} {inline(unit)}" if unit else text


def _names(people: tuple[str, ...]) -> str:
    return ", ".join(inline(n) for n in people) if people else "nobody"


def _share(s: Summary) -> str:
    state = s.state
    share, target = state.client_share, state.target_share
    if share is None:
        return f"No client or sales time (target {target:.0%})."
    verdict = "▼ under the target" if share < target else "on target"
    return f"Client share **{share:.0%}** against a target of {target:.0%}: {verdict}."


def _win(s: Summary) -> str:
    if s.win_skipped:
        ran, least = mmss(s.win_elapsed_s or 0, pad=False), mmss(s.meeting.agenda.win_min_s, pad=False)
        return f"Skipped: its segment ran {ran}, under {least}. Nobody's turn was used and no win was marked told."
    if not s.presenter:
        return "Nobody presented a client win."
    line = f"**{inline(s.presenter)}** presented "
    if s.win is None:
        return line + "a fresh client story."
    line += f"“{inline(s.win.title)}”"
    if s.win.client:
        line += f" ({inline(s.win.client)})"
    if s.win.owner != s.presenter:
        line += f", won by **{inline(s.win.owner)}**"
    return line + "."


def render(m: Minutes) -> str:
    """The minutes as Markdown text, ending with one newline."""
    s, state = m.summary, m.summary.state
    by_kind = " · ".join(f"{k} {mmss(v, pad=False)}" for k, v in state.elapsed_by_kind.items())
    out = [
        f"# Briefing of {s.meeting.day:%A %d %B %Y}",
        "",
        f"{s.outcome or state.state}, {mmss(state.elapsed_s, pad=False)} in all ({by_kind}).",
        _share(s),
        "",
        "## Agenda",
        "",
        "| # | Segment | Kind | Planned | Actual | Difference |",
        "|--:|---|---|--:|--:|--:|",
    ]
    for seg in state.segments:
        out.append(
            f"| {seg.index + 1} | {inline(seg.title)} | {seg.kind.value} | {mmss(seg.planned_s, pad=False)} "
            f"| {mmss(seg.elapsed_s, pad=False)} | {_signed(int(seg.elapsed_s) - seg.planned_s)} |"
        )
    present = s.who("present")
    out += ["", "## Attendance", "", f"- Present ({len(present)}): {_names(present)}"]
    out += [f"- Absent: {_names(s.who('absent'))}", f"- Off: {_names(s.who('off'))}"]
    if s.skipped:
        out.append(f"- Not ready today: {_names(s.skipped)}")
    out += ["", "## Client win", "", _win(s), "", "## Verbatims shown", ""]
    if not s.verbatims_shown:
        out.append("None.")
    for v in s.verbatims_shown:
        who = inline(v.client) + (f" ({inline(v.company)})" if v.company else "")
        by = f", collected by {inline(v.collected_by)}" if v.collected_by else ""
        out += [block(v.text, "> "), ">", f"> — {who}{by}", ""]
    if s.verbatims_shown:
        out.pop()
    out += ["", "## Numbers", ""]
    if m.numbers:
        out += ["| Metric | Value | Target | Against target |", "|---|--:|--:|---|"]
        for n in m.numbers:
            target = "" if n.target is None else _number(n.target, n.unit)
            gap = ""
            if n.gap is not None:
                gap = f"met (+{_number(n.gap, n.unit)})" if n.gap >= 0 else f"▼ under by {_number(-n.gap, n.unit)}"
            out.append(f"| {inline(n.name)} | {_number(n.value, n.unit)} | {target} | {gap} |")
    else:
        out.append("No numbers recorded that day.")
    out += ["", "## Notes", "", block(s.meeting.notes) if s.meeting.notes.strip() else "None."]
    return "\n".join(out) + "\n"


def filename(day: date) -> str:
    return f"briefing-{day.isoformat()}"


def default_folder() -> Path:
    """Where the app puts minutes: ``$BRIEFING_EXPORT_DIR``, else the user's
    Documents folder (where people look for a file they saved), else home.
    Not the database's folder: by default it is a hidden data folder."""
    env = os.environ.get(EXPORT_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


def save(conn: sqlite3.Connection, meeting_id: int, folder: Path | None = None) -> Path:
    """Write the minutes of one briefing to a new file, ``briefing-DAY.md``
    (``-2``, ``-3``... if taken: never over a file); returns its path."""
    from briefing.files import write_unique

    minutes = load(conn, meeting_id)
    folder = folder or default_folder()
    return write_unique(folder, filename(minutes.summary.meeting.day), ".md", render(minutes).encode("utf-8"))
