"""The published JSON of every record: one place, because scripts read it.

Field names and shapes are an interface (``tests/test_json_interface.py``
pins them); the records behind them may change, these functions absorb it.
Days are ISO dates, instants the stored UTC ISO text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.timeutil import iso

if TYPE_CHECKING:  # only read here: `briefing verbatim list` need not load the meeting's code
    from briefing.agenda import Agenda
    from briefing.calls import Call, Proposals
    from briefing.client_admin import ListedClient
    from briefing.client_doctor import Finding
    from briefing.clients import Client, Moment
    from briefing.clock import MeetingState, SegmentState
    from briefing.history import PastBriefing
    from briefing.meeting import Meeting
    from briefing.presenting import Presentation
    from briefing.records import Metric, Person, RotationEntry, Verbatim, Win
    from briefing.stats import Stats
    from briefing.summary import Summary

Json = dict[str, Any]


def person(p: Person) -> Json:
    return {"id": p.id, "name": p.name, "role": p.role.value, "active": p.active, "joined_on": p.joined_on.isoformat()}


def verbatim(v: Verbatim) -> Json:
    return {
        "id": v.id,
        "text": v.text,
        "client": v.client,
        "company": v.company,
        "channel": v.channel.value,
        "sentiment": v.sentiment.value,
        "collected_by": v.collected_by,
        "date": v.date.isoformat(),
        "status": v.status.value,
        "created_at": v.created_at,
        "updated_at": v.updated_at,
    }


def win(w: Win) -> Json:
    return {
        "id": w.id,
        "title": w.title,
        "owner": w.owner,
        "client": w.client,
        "story": w.story,
        "date": w.date.isoformat(),
        "status": w.status.value,
        "presented_by": w.presented_by,
        "presented_at": w.presented_at,
        "created_at": w.created_at,
    }


def metric(m: Metric) -> Json:
    return {"name": m.name, "value": m.value, "target": m.target, "unit": m.unit, "date": m.date.isoformat()}


def agenda(a: Agenda) -> Json:
    """The team's setting stores this same JSON (``briefing.agenda.to_json``)."""
    from briefing.agenda import to_json

    return to_json(a)


def presentation(p: Presentation) -> Json:
    w = p.win
    return {
        "presenter": p.choice.presenter.name if p.choice.presenter else None,
        "reason": p.choice.reason,
        "queue": [q.name for q in p.choice.queue],
        "win": {"id": w.id, "title": w.title, "owner": w.owner, "client": w.client} if w else None,
        "recorded": p.recorded,
    }


def rotation_entry(e: RotationEntry) -> Json:
    return {
        "date": e.day.isoformat(),
        "presenter": e.presenter,
        "win": {"title": e.win_title, "owner": e.win_owner} if e.win_title else None,
        "skipped": list(e.skipped),
    }


def meeting_state(m: Meeting, state: MeetingState) -> Json:
    share = state.client_share
    return {
        "id": m.id,
        "day": m.day.isoformat(),
        "state": state.state,
        "auto_paused": state.auto_paused,
        "segment": _segment(state.segment),
        "running_kind": state.running_kind.value,
        "elapsed_by_kind": {k: round(v, 3) for k, v in state.elapsed_by_kind.items()},
        "elapsed_s": round(state.elapsed_s, 3),
        "client_share": None if share is None else round(share, 4),
        "target_share": state.target_share,
        "segments": [_segment(s) | {"status": s.status} for s in state.segments],
        "started_at": iso(state.started_at) if state.started_at else None,
        "ended_at": iso(state.ended_at) if state.ended_at else None,
    }


def summary(s: Summary) -> Json:
    """A briefing once over (or so far): its time, who was there, what was shown."""
    state, w = s.state, s.win
    share = state.client_share
    return {
        "id": s.meeting.id,
        "day": s.meeting.day.isoformat(),
        "outcome": s.outcome,
        "elapsed_s": round(state.elapsed_s, 3),
        "elapsed_by_kind": {k: round(v, 3) for k, v in state.elapsed_by_kind.items()},
        "client_share": None if share is None else round(share, 4),
        "target_share": state.target_share,
        "segments": [_segment(seg) for seg in state.segments],
        "presenter": s.presenter,
        "win": {"id": w.id, "title": w.title, "owner": w.owner, "client": w.client} if w else None,
        "win_skipped": s.win_skipped,
        "skipped": list(s.skipped),
        "present": list(s.who("present")),
        "absent": list(s.who("absent")),
        "off": list(s.who("off")),
        "verbatims_shown": [verbatim(v) for v in s.verbatims_shown],
        "notes": s.meeting.notes,
    }


def _segment(seg: SegmentState) -> Json:
    return {
        "index": seg.index,
        "title": seg.title,
        "kind": seg.kind.value,
        "planned_s": round(seg.planned_s, 3),
        "elapsed_s": round(seg.elapsed_s, 3),
        "remaining_s": round(seg.remaining_s, 3),
        "overrun_s": round(seg.overrun_s, 3),
    }


def past_briefing(b: PastBriefing) -> Json:
    """One line of the history: a held briefing at a glance."""
    share = b.client_share
    return {
        "id": b.id,
        "day": b.day.isoformat(),
        "duration_s": round(b.duration_s, 3),
        "client_share": None if share is None else round(share, 4),
        "target_share": b.target_share,
        "under_target": b.under_target,
        "presenter": b.presenter,
        "win": None if b.win_title is None else {"title": b.win_title, "owner": b.win_owner},
        "verbatims_shown": b.verbatims_shown,
    }


def stats(s: Stats) -> Json:
    """``briefing stats --json`` (the README documents each field). Shares
    are 0..1 with 4 decimals, null where a briefing had no client nor sales
    time; weeks are their Monday; minutes have 2 decimals."""

    def ratio(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    return {
        "today": s.today.isoformat(),
        "weeks": s.weeks,
        "from": s.start.isoformat(),
        "headline": s.headline,
        "briefings": [
            {"id": b.meeting_id, "day": b.day.isoformat(), "client_share": ratio(b.share), "target_share": b.target}
            for b in s.shares
        ],
        "by_week": [
            {
                "week": w.week.isoformat(),
                "briefings": w.briefings,
                "client_share": ratio(w.share),
                "minutes": w.minutes,
                "verbatims": w.verbatims,
            }
            for w in s.by_week
        ],
        "wins": [{"name": t.name, "owned": t.owned, "presented": t.presented} for t in s.wins],
        "overruns": [
            {"segment": o.segment, "held": o.held, "overran": o.overran, "overrun_s": o.overrun_s} for o in s.overruns
        ],
    }


def call_proposals(p: Proposals) -> Json:
    return {
        "day": p.day.isoformat(),
        "quiet_days": p.quiet_days,
        "caller": p.caller,
        "suggestions": [
            {
                "client_id": s.client_id,
                "client": s.label,
                "phone": s.phone,
                "rule": s.rule,
                "reason": s.reason,
                "days": s.days,
                "win_id": s.win_id,
            }
            for s in p.suggestions
        ],
    }


def call(c: Call) -> Json:
    return {
        "id": c.id,
        "client_id": c.client_id,
        "client": c.client,
        "day": c.day.isoformat(),
        "outcome": c.outcome.value,
        "by": c.by,
        "meeting_id": c.meeting_id,
        "verbatim_id": c.verbatim_id,
    }


def client(c: Client) -> Json:
    return {
        "id": c.id,
        "name": c.name,
        "company": c.company,
        "phone": c.phone,
        "email": c.email,
        "notes": c.notes,
        "owner": c.owner,
        "created_at": c.created_at,
    }


def listed_client(item: ListedClient) -> Json:
    return client(item.client) | {"verbatims": item.verbatims, "last_heard": item.last_heard}


def moment(m: Moment) -> Json:
    return {
        "kind": m.kind,
        "id": m.id,
        "date": m.date.isoformat(),
        "text": m.text,
        "by": m.by,
        "sentiment": m.sentiment.value if m.sentiment else None,
        "outcome": m.outcome,
    }


def client_story(c: Client, moments: list[Moment]) -> Json:
    return client(c) | {"timeline": [moment(m) for m in moments]}


def client_finding(f: Finding, settle: str) -> Json:
    w = f.win
    return {
        "kind": f.kind,
        "clients": [{"id": c.id, "name": c.name, "company": c.company} for c in f.clients],
        "win": {"id": w.id, "title": w.title, "client": w.client, "date": w.date} if w else None,
        "companies": list(f.companies),
        "settle": settle,
    }
