"""``briefing serve``: the app in a browser, for collaborators who never open
a terminal, remote attendees and the room's projector.

The server itself is :mod:`briefing.cli.server` (aiohttp and textual-serve,
imported only by this command).
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

import click

from briefing import i18n
from briefing.cli.common import DB_HELP, chosen_db_path
from briefing.cli.speaking import SpeakingPath, command
from briefing.errors import BriefingError
from briefing.i18n import N_, _

MODES = ("full", "inbox", "view")
EVERYWHERE = ("0.0.0.0", "::", "")


@command(
    help=N_("""Serve the app to browsers: each tab runs its own app on the database.

    \b
    Prints one link per mode, each with its own random token: share the
    inbox link with collaborators, open the view link on the room's screen.
    Listens on 127.0.0.1 only unless --host says otherwise; for real
    exposure put it behind a reverse proxy with TLS and a login (README).
    Ctrl-C stops every tab (their pending writes land first) and the server.
    """)
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help=N_("Address to listen on (0.0.0.0: every interface).")
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help=N_("Port to listen on (0: any free one)."),
)
@click.option(
    "--mode",
    "modes",
    type=click.Choice(MODES),
    multiple=True,
    help=N_(
        "Serve this mode (repeat for several; default: all three). full: the whole app, for the lead; "
        "inbox: add and edit verbatims and wins only; view: the running briefing, read-only."
    ),
)
@click.option(
    "--public-url",
    default=None,
    metavar="URL",
    help=N_("The address browsers use when a reverse proxy is in front, e.g. https://example.org/briefing."),
)
@click.option(
    "--max-sessions",
    type=click.IntRange(1, 200),
    default=20,
    show_default=True,
    help=N_("Browser tabs open at once; one more is told the server is full."),
)
@click.option("--db", "db_path", type=SpeakingPath(dir_okay=True), default=None, help=DB_HELP)
def serve(
    host: str, port: int, modes: tuple[str, ...], public_url: str | None, max_sessions: int, db_path: str | None
) -> None:
    import asyncio
    import logging

    from briefing.cli.output import write
    from briefing.cli.server import BriefingServer, Settings
    from briefing.db import opened

    if public_url is not None:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise click.BadParameter(
                _("{url} is not an http:// or https:// address (without ?query or #part)").format(url=repr(public_url)),
                param_hint="'--public-url'",
            )
    # `briefing --lang fr serve`: every tab speaks it (as $BRIEFING_LANG would).
    lang = click.get_current_context().find_root().params.get("lang")
    path = chosen_db_path(db_path)
    with opened(path) as conn:  # a file that is not ours is refused now, in one line, not in every tab
        from briefing.team_settings import team_language

        i18n.decide(lang, team_language(conn))  # what the server says: the team's language too
    if host.strip() in EVERYWHERE:
        write(
            "briefing: "
            + _(
                "warning: listening on every network interface: anyone who can reach this machine and holds "
                "a link can use it, unencrypted. For real exposure put it behind a reverse proxy with TLS and a login "
                "(README, 'In the browser')."
            ),
            err=True,
        )
    logging.basicConfig(level=logging.WARNING, format="briefing serve: %(message)s", stream=sys.stderr)
    settings = Settings(
        path.resolve(), host, port, tuple(dict.fromkeys(modes)) or MODES, public_url, max_sessions, lang
    )
    server = BriefingServer(settings, say=lambda line: write(line))
    try:
        asyncio.run(server.run())
    except OSError as exc:
        raise BriefingError(
            _("cannot listen on {host}:{port} ({reason})").format(host=host, port=port, reason=exc.strerror or exc)
        ) from None
