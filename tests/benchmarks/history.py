"""Ten years of a fifty-person team, generated in seconds.

A team that runs briefing every morning builds years of history; every
screen and command must stay as fast on it as on the demo. This builds
that history deterministically (the same bytes for the same seed and
day), by bulk inserts into the real schema (migrated by ``briefing.db``),
with the search index filled by the schema's own triggers:

* 50 people (a lead, 49 members), joined over the first years;
* 3,650 daily briefings, held and finished: start, three ``goto``s,
  finish; attendance for everyone active, a few away each day; the
  presenter and the win told, as the rotation would record them;
* 100,000 verbatims (the last two weeks' still new), 10,000 wins, four
  metrics a day;
* the clients those name (a third with a phone number), two calls a day.

    python tests/benchmarks/history.py OUT.db     # about 30 s, 70 MB
"""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from briefing.client_links import link_existing

YEARS = 10
PEOPLE = 50
VERBATIMS = 100_000
WINS = 10_000
METRICS = ("Calls", "Meetings booked", "Pipeline", "Sales yesterday")
CHANNELS = ("call", "email", "visit", "survey", "chat", "social", "other")
SENTIMENTS = ("positive", "neutral", "negative")
COMPANY_KINDS = ("SA", "SAS", "Logistique", "Transports", "Conseil")
WORDS = (
    "livraison rapide merci équipe délai prix qualité suivi réactivité contrat renouvellement "
    "support problème résolu commande facture partenaire confiance service conseil attente "
    "delivery quick thanks team price quality follow-up renewal issue solved order invoice"
).split()


def build(path: Path, *, today: date | None = None, seed: int = 20261130, years: int = YEARS) -> dict[str, int]:
    """Write the history to ``path`` (which must not exist); returns row counts.

    ``years``: fewer than ten keeps the same team and the same rates (a
    tenth of the verbatims and wins a year): a benchmark can show that a
    screen costs the same on one year as on ten."""
    n_verbatims, n_wins = VERBATIMS * years // YEARS, WINS * years // YEARS
    from briefing import agenda as agendas
    from briefing.db import connect

    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    today = today or date.today()
    first = today - timedelta(days=365 * years)
    conn = connect(path)
    conn.backups = False
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")

    stamp = datetime(first.year, first.month, first.day, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    joined = [first + timedelta(days=(0 if i < 10 else rng.randrange(0, 365 * min(3, years)))) for i in range(PEOPLE)]
    conn.executemany(
        "INSERT INTO collaborators (id, name, role, active, joined_on, active_since, created_at)"
        " VALUES (?, ?, ?, 1, ?, ?, ?)",
        [
            (i + 1, f"{rng.choice(FIRST)} {rng.choice(LAST)} {i + 1}", "lead" if i == 0 else "member", d, d, stamp)
            for i, d in enumerate(d.isoformat() for d in joined)
        ],
    )

    days = [first + timedelta(days=n) for n in range(365 * years)]
    vocabulary, weights = _vocabulary(rng)
    # Verbatims: spread over the years, the last fortnight still new.
    verbatim_rows = []
    for vid in range(1, n_verbatims + 1):
        day = days[(vid - 1) * len(days) // n_verbatims]
        text = " ".join(rng.choices(vocabulary, cum_weights=weights, k=rng.randint(6, 40))).capitalize() + "."
        status = "new" if day > today - timedelta(days=14) else ("archived" if vid % 7 == 0 else "shown")
        verbatim_rows.append(
            (
                vid,
                text,
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                f"{rng.choice(LAST)} {rng.choice(COMPANY_KINDS)}",
                rng.choice(CHANNELS),
                rng.choice(SENTIMENTS),
                rng.randint(2, PEOPLE),
                day.isoformat(),
                status,
                stamp,
            )
        )
    conn.executemany(
        "INSERT INTO verbatims (id, text, client, company, channel, sentiment, collected_by, date, status,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        verbatim_rows,
    )

    # Wins: their owners; presented at a briefing after they were won, but
    # the last few weeks' still pending.
    win_days = [days[(w - 1) * len(days) // n_wins] for w in range(1, n_wins + 1)]
    pending_from = today - timedelta(days=21)
    conn.executemany(
        "INSERT INTO wins (id, title, owner_id, client, story, date, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                w,
                f"Won {rng.choice(LAST)} ({rng.choice(WORDS)})",
                rng.randint(2, PEOPLE),
                f"{rng.choice(LAST)} {rng.choice(COMPANY_KINDS)}",
                " ".join(rng.choice(WORDS) for _ in range(20)),
                d.isoformat(),
                "pending",
                stamp,
            )
            for w, d in enumerate(win_days, 1)
        ],
    )

    # Clients and companies, as the migration that brought them in links them.
    link_existing(conn)
    # A third of them with a phone number; two client calls a day, one in
    # three reaching the client (what the call segment proposes from).
    conn.execute("UPDATE clients SET phone = printf('06 %08d', id) WHERE id % 3 = 0")
    client_count = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    conn.executemany(
        "INSERT INTO calls (client_id, day, outcome, by_id, at) VALUES (?, ?, ?, ?, ?)",
        [
            (rng.randint(1, client_count), d.isoformat(), ("reached", "voicemail", "no-answer")[n % 3], 1, stamp)
            for d in days
            for n in range(2)
        ],
    )

    conn.executemany(
        "INSERT INTO metrics (name, date, value, target, unit, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (name, d.isoformat(), float(rng.randint(50, 20_000)), 10_000.0, "€" if "Sales" in name else None, stamp)
            for d in days
            for name in METRICS
        ],
    )

    agenda_json = json.dumps(agendas.to_json(agendas.CLASSIC_AGENDA))
    pending = sorted(range(1, n_wins + 1), key=lambda w: win_days[w - 1])
    next_win = 0
    events, attendance, shown, presented = [], [], [], []
    meetings = []
    for mid, day in enumerate(days, 1):
        t0 = datetime(day.year, day.month, day.day, 8, 30, tzinfo=UTC)
        at = [t0 + timedelta(seconds=s) for s in (0, 200, 390, 720, 900)]
        iso = [t.strftime("%Y-%m-%dT%H:%M:%S.%fZ") for t in at]
        active = [p for p in range(1, PEOPLE + 1) if joined[p - 1] <= day]
        away = {p for p in active if (mid + p) % 13 == 0}
        members = [p for p in active if p != 1 and p not in away]
        presenter = members[mid % len(members)] if members else None
        win_id = None
        if presenter and next_win < len(pending) and win_days[pending[next_win] - 1] < day <= pending_from:
            win_id = pending[next_win]
            next_win += 1
            presented.append((presenter, iso[2], win_id))
        meetings.append((mid, day.isoformat(), agenda_json, iso[0], "finished", iso[4], "", presenter, win_id))
        events += [
            (mid, 1, "start", None, iso[0]),
            (mid, 2, "goto", "1", iso[1]),
            (mid, 3, "goto", "2", iso[2]),
            (mid, 4, "goto", "3", iso[3]),
            (mid, 5, "finish", None, iso[4]),
        ]
        attendance += [(mid, p, "absent" if p in away else "present") for p in active]
        first_vid = (mid - 1) * n_verbatims // len(days) + 1
        shown += [(mid, v, iso[0]) for v in range(first_vid, first_vid + 5) if v <= n_verbatims]
    conn.executemany(
        "INSERT INTO meetings (id, day, agenda, created_at, outcome, ended_at, notes, presenter_id, win_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meetings,
    )
    conn.executemany("INSERT INTO meeting_events (meeting_id, seq, type, arg, at) VALUES (?, ?, ?, ?, ?)", events)
    conn.executemany(
        "INSERT INTO meeting_attendance (meeting_id, collaborator_id, status) VALUES (?, ?, ?)", attendance
    )
    conn.executemany("INSERT INTO meeting_verbatims (meeting_id, verbatim_id, shown_at) VALUES (?, ?, ?)", shown)
    conn.executemany("UPDATE wins SET status = 'presented', presented_by = ?, presented_at = ? WHERE id = ?", presented)
    # More wins than briefings: the older ones were told by their owners
    # elsewhere (a team meeting, a newsletter); only the last weeks' wait.
    conn.execute(
        "UPDATE wins SET status = 'presented', presented_by = owner_id, presented_at = date"
        " WHERE status = 'pending' AND date <= ?",
        (pending_from.isoformat(),),
    )
    # A team ten years old runs on the agenda it had before the client call
    # (migration 8 pins it for existing teams), as the demo does: the two
    # databases are then measured on the same screen.
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (agendas.SETTING_KEY, agenda_json))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("collaborators", "verbatims", "wins", "metrics", "meetings", "meeting_events", "meeting_attendance")
    }
    conn.close()
    return counts


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words as people use them: a few very common, most rare (Zipf's law over
    3,000 words), the real words above spread from common to rare, so a
    search for one of them matches from a quarter of the verbatims to a few."""
    syllables = "ba ce di fo gu la me ni po ru sa te vi zo que tion ment eur ance".split()
    made = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)}
    words = sorted(made - set(WORDS))[:3000]
    rng.shuffle(words)
    for place, word in enumerate(WORDS):
        words.insert(int(20 * 2 ** (place / 5)), word)  # ranks 20, 22, 26, 30 ... up to ~5000
    total, cumulative = 0.0, []
    for rank in range(len(words)):
        total += 1 / (rank + 1)
        cumulative.append(total)
    return words, cumulative


FIRST = (
    "Inès Karim Claire Tom Sophie Marc Hélène Zoé Lucas Amina Paul Chloé Nadia Hugo Léa Omar Julie Théo Sarah Yanis"
).split()
LAST = (
    "Moreau Benali Dubois Becker Laurent Petit Roussel Martin Bernard Girard Faure Lefèvre Garnier Chevalier Morel"
).split()


if __name__ == "__main__":
    import time

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "history.db")
    t0 = time.perf_counter()
    print(build(out), f"{time.perf_counter() - t0:.1f} s", f"{out.stat().st_size / 1e6:.0f} MB")
