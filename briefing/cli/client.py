"""``briefing client``: the people behind the verbatims and the wins.

A client is named as the team says it ("Hélène Roussel"), with the company
in brackets when two people share the name ("Hélène Roussel (Altis)"), or
by id. Nothing here merges two records unless asked to (``merge``).
"""

from __future__ import annotations

import shlex
import sqlite3
import sys

import click

from briefing.cli import jsonout
from briefing.cli.ask import confirm
from briefing.cli.common import RECORD_ID, db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_listing, write
from briefing.cli.speaking import group
from briefing.cli.words import labels
from briefing.errors import BadInput
from briefing.i18n import N_, _, ngettext


@group(help=N_("Clients as people: who they are, their story with the team."))
def client() -> None:
    pass


def _contact_options(func):
    for decorator in reversed(
        [
            click.option("--phone", help=N_("A number to call them on.")),
            click.option("--email", help=N_("Their email address.")),
            click.option("--notes", help=N_("What the team should know about them.")),
            click.option("--owner", metavar="COLLABORATOR", help=N_("Who in the team looks after them.")),
        ]
    ):
        func = decorator(func)
    return func


@client.command("add", help=N_("Add a client and print their id."))
@click.argument("name")
@click.option("--company", help=N_("Where they work."))
@_contact_options
@db_option
def add(conn: sqlite3.Connection, name: str, company, phone, email, notes, owner) -> None:
    from briefing import client_admin

    fields = {"name": name, "company": company, "phone": phone, "email": email, "notes": notes, "owner": owner}
    write(str(client_admin.add(conn, fields)))


@client.command("list", help=N_("List clients by name, a page at a time."))
@click.option("--search", metavar="TEXT", help=N_("Only names or companies containing TEXT (accents, case ignored)."))
@click.option("--company", help=N_("Only this company's clients."))
@click.option("--limit", type=RECORD_ID, default=50, show_default=True, metavar="N", help=N_("At most N clients."))
@click.option("--offset", type=int, default=0, metavar="N", help=N_("Skip the first N (the next page)."))
@json_option
@reads_db
def list_(conn: sqlite3.Connection, search, company, limit: int, offset: int, as_json: bool) -> None:
    from briefing import client_admin

    if offset < 0:
        raise BadInput("offset", _("must be 0 or more"))
    found = client_admin.list_clients(conn, search=search, company=company, limit=limit, offset=offset)
    emit_listing(
        [jsonout.listed_client(c) for c in found],
        [
            ("id", N_("ID")),
            ("last_heard", N_("LAST HEARD")),
            ("verbatims", N_("VERBATIMS")),
            ("owner", N_("OWNER")),
            ("company", N_("COMPANY")),
            ("name", N_("NAME")),
        ],
        as_json=as_json,
        empty=_("No client matches.") if (search or company) else _("No clients yet: briefing client add --help"),
        optional=("owner", "verbatims"),
    )


@client.command(
    "show",
    help=N_("""A client's details and their story, newest first: what they said
    (and in what mood), the wins, the calls, who in the team each time."""),
)
@click.argument("which", metavar="NAME|ID")
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@reads_db
@labels(which="NAME|ID")
def show(conn: sqlite3.Connection, which: str, as_json: bool) -> None:
    from briefing import clients
    from briefing.db import snapshot

    with snapshot(conn):
        found = clients.resolve(conn, which, "which")
        story = clients.timeline(conn, found.id)
    if as_json:
        emit_json(jsonout.client_story(found, story))
        return
    from briefing.safetext import inert

    write(inert(found.label, single_line=True))
    details = (
        (N_("  phone: {value}"), found.phone),
        (N_("  email: {value}"), found.email),
        (N_("  owner: {value}"), found.owner),
    )
    for line, value in details:
        if value:
            write(inert(_(line).format(value=value), single_line=True))
    if found.notes:
        write(inert(_("  notes: {value}").format(value=found.notes)))
    if not story:
        write("  " + _("Nothing heard from them yet."))
    for m in story:
        write(inert(_moment(m), single_line=True))


def _moment(m) -> str:
    """One line of a client's story: when, what, and who in the team (the
    mood and the outcome as the options spell them: --sentiment, --outcome)."""
    if m.kind == "verbatim":
        what = _("said ({mood}): “{text}”").format(mood=m.sentiment.value if m.sentiment else "", text=m.text)
    elif m.kind == "win":
        what = _("win: {title}").format(title=m.text)
    elif m.text:
        what = _("call, {outcome}: “{text}”").format(outcome=m.outcome, text=m.text)
    else:
        what = _("call, {outcome}").format(outcome=m.outcome)
    by = f"  \u2014 {m.by}" if m.by else ""
    return f"{m.date}  {what}{by}"


@client.command("edit", help=N_("Change a client: only the options given change; '' clears one."))
@click.argument("which", metavar="NAME|ID")
@click.option("--name", help=N_("Their name (their verbatims and wins take it too)."))
@click.option("--company", help=N_("Their company ('' for none)."))
@_contact_options
@db_option
@labels(which="NAME|ID", name="--name")
def edit(conn: sqlite3.Connection, which: str, name, company, phone, email, notes, owner) -> None:
    from briefing import client_admin

    fields = {"name": name, "company": company, "phone": phone, "email": email, "notes": notes, "owner": owner}
    changed = client_admin.edit(conn, which, fields)
    write(_("Client {id} updated: {name}").format(id=changed.id, name=changed.label), err=True)


@client.command(
    "merge",
    help=N_("""OTHER is KEEP: move their verbatims, wins and calls to KEEP, fill
    KEEP's empty phone, email, notes and owner from OTHER, delete OTHER."""),
)
@click.argument("keep", metavar="KEEP")
@click.argument("other", metavar="OTHER")
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask for confirmation."))
@db_option
def merge(conn: sqlite3.Connection, keep: str, other: str, yes: bool) -> None:
    from briefing import client_admin, clients

    kept, gone = clients.resolve(conn, keep, "keep"), clients.resolve(conn, other, "other")
    if not yes:
        if not sys.stdin.isatty():
            raise BadInput(None, _("merging deletes a client record: add --yes to do it without a terminal"))
        confirm(
            _("Merge {other} (id {other_id}) into {keep} (id {keep_id})?").format(
                other=gone.label, other_id=gone.id, keep=kept.label, keep_id=kept.id
            )
        )
    result = client_admin.merge(conn, str(kept.id), str(gone.id))
    write(_("Merged into client {id}: {name}").format(id=result.id, name=result.label), err=True)


def _ref(c) -> str:
    return shlex.quote(c.label)


def settle(f) -> str:
    """The command that settles a doctor's finding (one of them, when several
    could). ``--json`` carries it too, in English (common.py)."""
    if f.kind == "ambiguous-win":
        firms = _(" or ").join(shlex.quote(c.company) for c in f.clients if c.company) or _("the company")
        return _("briefing win edit {id} --client {companies}; or, if they are one person: {merge}").format(
            id=f.win.id, companies=firms, merge="briefing client merge " + " ".join(_ref(c) for c in f.clients[:2])
        )
    if f.kind == "near-clients":
        a, b = f.clients
        return _("{command} (if they are one person)").format(command=f"briefing client merge {_ref(a)} {_ref(b)}")
    if f.kind == "no-company":
        lone, placed = f.clients
        return _("{command} (if they are one person)").format(command=f"briefing client merge {_ref(placed)} {lone.id}")
    first, second = f.companies
    return ngettext(
        "briefing client edit 'NAME ({company})' --company {name} for each of its {count} client",
        "briefing client edit 'NAME ({company})' --company {name} for each of its {count} clients",
        f.moving,
    ).format(company=second, name=shlex.quote(first), count=f.moving)


def describe(f) -> str:
    if f.kind == "ambiguous-win":
        who = _(" or ").join(c.label for c in f.clients)
        return _("Win {id} ({date}, {title}) names {client}: could be {who}").format(
            id=f.win.id, date=f.win.date, title=repr(f.win.title), client=repr(f.win.client), who=who
        )
    if f.kind == "near-clients":
        a, b = f.clients
        return _("{name} (id {id}) and {other} (id {other_id}) may be one person").format(
            name=a.label, id=a.id, other=b.name, other_id=b.id
        )
    if f.kind == "no-company":
        lone, placed = f.clients
        return _("{name} (id {id}, no company) may be {other} (id {other_id})").format(
            name=lone.name, id=lone.id, other=placed.label, other_id=placed.id
        )
    first, second = f.companies
    return _("Companies {first} and {second} may be one").format(first=repr(first), second=repr(second))


@client.command(
    "doctor",
    help=N_("""List what a person must settle about the clients: wins whose name
    fits several people, near names that may be one person, companies with
    near names. Nothing is merged; each line says what would settle it."""),
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON array."))
@reads_db
def doctor(conn: sqlite3.Connection, as_json: bool) -> None:
    from briefing import client_doctor

    found = client_doctor.findings(conn)
    if as_json:
        emit_json([jsonout.client_finding(f, settle(f)) for f in found])
        return
    if not found:
        write(_("Nothing to settle."))
        return
    from briefing.safetext import inert

    for f in found:
        write(inert(describe(f), single_line=True))
        write(inert(_("  settle: {command}").format(command=settle(f)), single_line=True))
    write(_("{count} to settle.").format(count=len(found)), err=True)
