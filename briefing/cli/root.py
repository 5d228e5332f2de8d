"""The command line's root: the group of sub-commands, and the one place
where an exception becomes an exit code and a line on stderr."""

from __future__ import annotations

import sqlite3
import sys

import click

from briefing import __version__, i18n
from briefing.cli.common import DB_HELP, LANG_HELP, chosen_db_path
from briefing.errors import BriefingError

#: Sub-command -> "module:attribute", imported only when that command runs:
#: adding a verbatim should not pay for loading the metric or demo code.
COMMANDS = {
    "team": "briefing.cli.team:team",
    "verbatim": "briefing.cli.verbatim:verbatim",
    "win": "briefing.cli.win:win",
    "client": "briefing.cli.client:client",
    "metric": "briefing.cli.metric:metric",
    "agenda": "briefing.cli.agenda:agenda",
    "meeting": "briefing.cli.meeting:meeting",
    "rotation": "briefing.cli.rotation:rotation",
    "history": "briefing.cli.history:history",
    "stats": "briefing.cli.stats:stats",
    "export": "briefing.cli.export:export",
    "demo": "briefing.cli.demo:demo",
    "doctor": "briefing.cli.upkeep:doctor",
    "backup": "briefing.cli.upkeep:backup",
    "restore": "briefing.cli.upkeep:restore",
    "call": "briefing.cli.call:call",
    "serve": "briefing.cli.serve:serve",
    "settings": "briefing.cli.settings:settings",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        import importlib

        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings=CONTEXT)
@click.option("--db", "db_path", type=click.Path(dir_okay=True), default=None, help=DB_HELP)
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None, help=LANG_HELP)
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, lang: str | None) -> None:
    """Run a sales team's daily stand-up with the client at its centre.

    Run without a command to open the app on the shared screen. Before the
    meeting, collaborators add client verbatims and wins from here.

    \b
    Quick start:
      briefing demo                              try it on a demo team
      briefing team add "Inès Moreau"            add a collaborator
      briefing verbatim add "Super réactifs !" --client "Marc Petit" --by Inès
      briefing win add "Renewed Altis" --by Inès --client Altis
      briefing metric add "Sales yesterday" 12400 --target 12000 --unit €
      briefing                                   open the app
      briefing --lang fr                         open it in French
    """
    # Set before anything is said; a command that opens the database then
    # lets the team's setting speak (common.py), unless --lang or $BRIEFING_LANG did.
    i18n.decide(lang)
    if ctx.invoked_subcommand is None:
        from briefing.cli.app import open_app

        open_app(chosen_db_path(db_path), lang)


def _fail(message: str, code: int) -> None:
    from briefing.cli.output import write

    write(f"briefing: {message}", err=True)
    sys.exit(code)


def run(argv: list[str]) -> None:
    try:
        code = cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        _fail(exc.format_message() + hint, 2)
    except click.exceptions.Abort:
        _fail("aborted, nothing was changed", 1)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc.exit_code)
    except BriefingError as exc:
        from briefing.cli.words import one_line

        _fail(one_line(exc), exc.exit_code)
    except sqlite3.Error as exc:
        from briefing.cli.words import database_failure

        _fail(database_failure(exc), 1)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
