"""A briefing's minutes in Markdown: what a team pastes into its wiki or mails.

Built from the same summary as the app's summary screen and ``briefing
meeting summary`` (:func:`briefing.summary.load`), plus that day's numbers,
so the three never disagree. Everything people typed goes through
:mod:`briefing.mdtext`: a verbatim holding ``|`` or ``# title`` is quoted,
it never reshapes the page.

They are written in the team's language: headings, labels, the day
("Briefing of Tuesday 24 November 2026" / "Briefing du mardi 24 novembre
2026") and numbers; the English minutes are as they always were. What
people typed (names, quotes, notes, segment and metric names) is never
translated.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing import formats, i18n, metrics, summary
from briefing.db import snapshot
from briefing.i18n import _
from briefing.kinds import kind_word, state_word
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


def _english() -> bool:
    return i18n.current() == i18n.DEFAULT


def _day(day: date) -> str:
    """ "Tuesday 03 November 2026" as the English minutes always wrote it;
    "mardi 3 novembre 2026" in French (:func:`briefing.formats.long_day`)."""
    return f"{day:%A %d %B %Y}" if _english() else formats.long_day(day, year=True)


def _number(value: float, unit: str | None) -> str:
    text = format(value, ".15g") if _english() else formats.number(value)
    return f"{text} {inline(unit)}" if unit else text


def _percent(share: float) -> str:
    return f"{share:.0%}" if _english() else formats.percent(share)


def _names(people: tuple[str, ...]) -> str:
    return ", ".join(inline(n) for n in people) if people else _("nobody")


def _share(s: Summary) -> str:
    state = s.state
    share, target = state.client_share, state.target_share
    if share is None:
        return _("No client or sales time (target {target}).").format(target=_percent(target))
    verdict = _("▼ under the target") if share < target else _("on target")
    return _("Client share **{share}** against a target of {target}: {verdict}.").format(
        share=_percent(share), target=_percent(target), verdict=verdict
    )


def _win(s: Summary) -> str:
    if s.win_skipped:
        ran, least = mmss(s.win_elapsed_s or 0, pad=False), mmss(s.meeting.agenda.win_min_s, pad=False)
        return _(
            "Skipped: its segment ran {ran}, under {least}. Nobody's turn was used and no win was marked told."
        ).format(ran=ran, least=least)
    if not s.presenter:
        return _("Nobody presented a client win.")
    presenter = inline(s.presenter)
    if s.win is None:
        return _("**{presenter}** presented a fresh client story.").format(presenter=presenter)
    win = _("“{title}”").format(title=inline(s.win.title))
    if s.win.client:
        win += f" ({inline(s.win.client)})"
    if s.win.owner != s.presenter:
        win = _("{win}, won by **{owner}**").format(win=win, owner=inline(s.win.owner))
    return _("**{presenter}** presented {win}.").format(presenter=presenter, win=win)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render(m: Minutes) -> str:
    """The minutes as Markdown text, ending with one newline, in the
    current language (what people typed stays as typed)."""
    s, state = m.summary, m.summary.state
    by_kind = " · ".join(f"{kind_word(k)} {mmss(v, pad=False)}" for k, v in state.elapsed_by_kind.items())
    outcome = s.outcome or state.state
    out = [
        "# " + _("Briefing of {date}").format(date=_day(s.meeting.day)),
        "",
        _("{state}, {time} in all ({by_kind}).").format(
            state=state_word(outcome), time=mmss(state.elapsed_s, pad=False), by_kind=by_kind
        ),
        _share(s),
        "",
        "## " + _("Agenda"),
        "",
        _row("#", _("Segment"), _("Kind"), _("Planned"), _("Actual"), _("Difference")),
        "|--:|---|---|--:|--:|--:|",
    ]
    for seg in state.segments:
        out.append(
            f"| {seg.index + 1} | {inline(seg.title)} | {kind_word(seg.kind.value)} | {mmss(seg.planned_s, pad=False)} "
            f"| {mmss(seg.elapsed_s, pad=False)} | {_signed(int(seg.elapsed_s) - seg.planned_s)} |"
        )
    present = s.who("present")
    out += ["", "## " + _("Attendance"), ""]
    out.append("- " + _("Present ({count}): {names}").format(count=len(present), names=_names(present)))
    out.append("- " + _("Absent: {names}").format(names=_names(s.who("absent"))))
    out.append("- " + _("Off: {names}").format(names=_names(s.who("off"))))
    if s.skipped:
        out.append("- " + _("Not ready today: {names}").format(names=_names(s.skipped)))
    out += ["", "## " + _("Client win"), "", _win(s), "", "## " + _("Verbatims shown"), ""]
    if not s.verbatims_shown:
        out.append(_("None."))
    for v in s.verbatims_shown:
        who = inline(v.client) + (f" ({inline(v.company)})" if v.company else "")
        by = _(", collected by {name}").format(name=inline(v.collected_by)) if v.collected_by else ""
        out += [block(v.text, "> "), ">", f"> — {who}{by}", ""]
    if s.verbatims_shown:
        out.pop()
    out += ["", "## " + _("Numbers"), ""]
    if m.numbers:
        out += [_row(_("Metric"), _("Value"), _("Target"), _("Against target")), "|---|--:|--:|---|"]
        for n in m.numbers:
            target = "" if n.target is None else _number(n.target, n.unit)
            gap = ""
            if n.gap is not None:
                if n.gap >= 0:
                    gap = _("met (+{gap})").format(gap=_number(n.gap, n.unit))
                else:
                    gap = _("▼ under by {gap}").format(gap=_number(-n.gap, n.unit))
            out.append(f"| {inline(n.name)} | {_number(n.value, n.unit)} | {target} | {gap} |")
    else:
        out.append(_("No numbers recorded that day."))
    out += ["", "## " + _("Notes"), "", block(s.meeting.notes) if s.meeting.notes.strip() else _("None.")]
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
