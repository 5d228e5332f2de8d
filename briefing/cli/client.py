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
from briefing.cli.common import RECORD_ID, db_option, json_option, reads_db
from briefing.cli.output import emit_json, emit_listing, write
from briefing.cli.words import labels
from briefing.errors import BadInput

NAME_HELP = "The client: a name, 'Name (Company)' when two share it, or an id."


@click.group()
def client() -> None:
    """Clients as people: who they are, their story with the team."""


def _contact_options(func):
    for decorator in reversed(
        [
            click.option("--phone", help="A number to call them on."),
            click.option("--email", help="Their email address."),
            click.option("--notes", help="What the team should know about them."),
            click.option("--owner", metavar="COLLABORATOR", help="Who in the team looks after them."),
        ]
    ):
        func = decorator(func)
    return func


@client.command("add")
@click.argument("name")
@click.option("--company", help="Where they work.")
@_contact_options
@db_option
def add(conn: sqlite3.Connection, name: str, company, phone, email, notes, owner) -> None:
    """Add a client and print their id."""
    from briefing import client_admin

    fields = {"name": name, "company": company, "phone": phone, "email": email, "notes": notes, "owner": owner}
    write(str(client_admin.add(conn, fields)))


@client.command("list")
@click.option("--search", metavar="TEXT", help="Only names or companies containing TEXT (accents, case ignored).")
@click.option("--company", help="Only this company's clients.")
@click.option("--limit", type=RECORD_ID, default=50, show_default=True, metavar="N", help="At most N clients.")
@click.option("--offset", type=int, default=0, metavar="N", help="Skip the first N (the next page).")
@json_option
@reads_db
def list_(conn: sqlite3.Connection, search, company, limit: int, offset: int, as_json: bool) -> None:
    """List clients by name, a page at a time."""
    from briefing import client_admin

    if offset < 0:
        raise BadInput("offset", "must be 0 or more")
    found = client_admin.list_clients(conn, search=search, company=company, limit=limit, offset=offset)
    emit_listing(
        [jsonout.listed_client(c) for c in found],
        [
            ("id", "ID"),
            ("last_heard", "LAST HEARD"),
            ("verbatims", "VERBATIMS"),
            ("owner", "OWNER"),
            ("company", "COMPANY"),
            ("name", "NAME"),
        ],
        as_json=as_json,
        empty="No client matches." if (search or company) else "No clients yet: briefing client add --help",
        optional=("owner", "verbatims"),
    )


@client.command("show")
@click.argument("which", metavar="NAME|ID")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@reads_db
@labels(which="NAME|ID")
def show(conn: sqlite3.Connection, which: str, as_json: bool) -> None:
    """A client's details and their story, newest first: what they said
    (and in what mood), the wins, the calls, who in the team each time."""
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
    for label, value in (("phone", found.phone), ("email", found.email), ("owner", found.owner)):
        if value:
            write(inert(f"  {label}: {value}", single_line=True))
    if found.notes:
        write(inert(f"  notes: {found.notes}"))
    if not story:
        write("  Nothing heard from them yet.")
    for m in story:
        what = {
            "verbatim": f"said ({m.sentiment.value if m.sentiment else ''}): \u201c{m.text}\u201d",
            "win": f"win: {m.text}",
            "call": f"call, {m.outcome}" + (f": \u201c{m.text}\u201d" if m.text else ""),
        }[m.kind]
        by = f"  \u2014 {m.by}" if m.by else ""
        write(inert(f"{m.date}  {what}{by}", single_line=True))


@client.command("edit")
@click.argument("which", metavar="NAME|ID")
@click.option("--name", help="Their name (their verbatims and wins take it too).")
@click.option("--company", help="Their company ('' for none).")
@_contact_options
@db_option
@labels(which="NAME|ID", name="--name")
def edit(conn: sqlite3.Connection, which: str, name, company, phone, email, notes, owner) -> None:
    """Change a client: only the options given change; '' clears one."""
    from briefing import client_admin

    fields = {"name": name, "company": company, "phone": phone, "email": email, "notes": notes, "owner": owner}
    changed = client_admin.edit(conn, which, fields)
    write(f"Client {changed.id} updated: {changed.label}", err=True)


@client.command("merge")
@click.argument("keep", metavar="KEEP")
@click.argument("other", metavar="OTHER")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@db_option
def merge(conn: sqlite3.Connection, keep: str, other: str, yes: bool) -> None:
    """OTHER is KEEP: move their verbatims, wins and calls to KEEP, fill
    KEEP's empty phone, email, notes and owner from OTHER, delete OTHER."""
    from briefing import client_admin, clients

    kept, gone = clients.resolve(conn, keep, "keep"), clients.resolve(conn, other, "other")
    if not yes:
        if not sys.stdin.isatty():
            raise BadInput(None, "merging deletes a client record: add --yes to do it without a terminal")
        click.confirm(f"Merge {gone.label} (id {gone.id}) into {kept.label} (id {kept.id})?", abort=True, err=True)
    result = client_admin.merge(conn, str(kept.id), str(gone.id))
    write(f"Merged into client {result.id}: {result.label}", err=True)


def _ref(c) -> str:
    return shlex.quote(c.label)


def settle(f) -> str:
    """The command that settles a doctor's finding (one of them, when several could)."""
    if f.kind == "ambiguous-win":
        firms = " or ".join(shlex.quote(c.company) for c in f.clients if c.company) or "the company"
        return f"briefing win edit {f.win.id} --client {firms}; or, if they are one person: briefing client merge " + (
            " ".join(_ref(c) for c in f.clients[:2])
        )
    if f.kind == "near-clients":
        a, b = f.clients
        return f"briefing client merge {_ref(a)} {_ref(b)} (if they are one person)"
    if f.kind == "no-company":
        lone, placed = f.clients
        return f"briefing client merge {_ref(placed)} {lone.id} (if they are one person)"
    first, second = f.companies
    return f"briefing client edit 'NAME ({second})' --company {shlex.quote(first)} for each of its {f.moving} clients"


def describe(f) -> str:
    if f.kind == "ambiguous-win":
        who = " or ".join(c.label for c in f.clients)
        return f"Win {f.win.id} ({f.win.date}, {f.win.title!r}) names {f.win.client!r}: could be {who}"
    if f.kind == "near-clients":
        a, b = f.clients
        return f"{a.label} (id {a.id}) and {b.name} (id {b.id}) may be one person"
    if f.kind == "no-company":
        lone, placed = f.clients
        return f"{lone.name} (id {lone.id}, no company) may be {placed.label} (id {placed.id})"
    first, second = f.companies
    return f"Companies {first!r} and {second!r} may be one"


@client.command("doctor")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@reads_db
def doctor(conn: sqlite3.Connection, as_json: bool) -> None:
    """List what a person must settle about the clients: wins whose name
    fits several people, near names that may be one person, companies with
    near names. Nothing is merged; each line says what would settle it."""
    from briefing import client_doctor

    found = client_doctor.findings(conn)
    if as_json:
        emit_json([jsonout.client_finding(f, settle(f)) for f in found])
        return
    if not found:
        write("Nothing to settle.")
        return
    from briefing.safetext import inert

    for f in found:
        write(inert(describe(f), single_line=True))
        write(inert(f"  settle: {settle(f)}", single_line=True))
    write(f"{len(found)} to settle.", err=True)
