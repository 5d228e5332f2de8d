"""The command line's root: the group of sub-commands, and the one place
where an exception becomes an exit code and a line on stderr.

The language is chosen before anything is said: :func:`run` from
``$BRIEFING_LANG`` and the system (a usage error in the root's own options
speaks it), then the root's ``--lang``, an eager option, so that
``briefing --lang fr --help`` is French; the root's ``--help`` waits for it
(not eager), so ``briefing --help --lang fr`` is too. A sub-command's help
comes after the root's callback, in the language chosen. The team's
setting needs the database: a command that opens it lets it speak
(common.py); ``--help`` opens none.
"""

from __future__ import annotations

import sqlite3
import sys

import click

from briefing import __version__, i18n
from briefing.cli import click_words
from briefing.cli.common import DB_HELP, LANG_HELP, chosen_db_path
from briefing.cli.speaking import SpeakingGroup, SpeakingPath
from briefing.errors import BriefingError
from briefing.i18n import N_, _

click_words.speak()

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


class LazyGroup(SpeakingGroup):
    """A click group whose sub-commands are imported on first use."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The root's ``--help`` waits for the eager ``--lang``, wherever it stands."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.is_eager = False
        return option

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """A mistake among the root's own options (``briefing --lang fr --bogus``)
        stops click before ``--lang`` is read: then read it here and parse
        again, for the error to be said in the language asked for."""
        try:
            return super().parse_args(ctx, list(args))
        except click.UsageError:
            flag = _lang_flag(args)
            if flag is None or flag == i18n.current():
                raise
            i18n.decide(flag)
            return super().parse_args(ctx, list(args))

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


def _lang_flag(args: list[str]) -> str | None:
    """The known language ``--lang`` names among the root's options, if any."""
    rest = iter(args)
    for arg in rest:
        if arg == "--lang":
            value = next(rest, None)
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg == "--db":
            next(rest, None)
            continue
        elif arg.startswith("-"):
            continue
        else:
            return None  # the sub-command: its options are its own
        return value if value in i18n.LANGUAGES else None
    return None


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Eager: the language is set before ``--help`` or an error speaks."""
    i18n.decide(value)
    return value


ROOT_HELP = N_("""Run a sales team's daily stand-up with the client at its centre.

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
    """)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings=CONTEXT, help=ROOT_HELP)
@click.option("--db", "db_path", type=SpeakingPath(dir_okay=True), default=None, help=DB_HELP)
@click.option(
    "--lang", type=click.Choice(i18n.LANGUAGES), default=None, is_eager=True, callback=_choose_language, help=LANG_HELP
)
@click.version_option(
    __version__,
    prog_name="briefing",
    # Given here, not click's defaults: those are translated when this module is
    # imported, in whatever language is in use then. (The same words in French.)
    message=N_("%(prog)s, version %(version)s"),
    help=N_("Show the version and exit."),
)
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, lang: str | None) -> None:
    # The language is chosen (--lang's callback); a command that opens the
    # database then lets the team's setting speak (common.py), unless
    # --lang or $BRIEFING_LANG did.
    if ctx.invoked_subcommand is None:
        from briefing.cli.app import open_app

        open_app(chosen_db_path(db_path), lang)


def _fail(message: str, code: int) -> None:
    from briefing.cli.output import write

    write(f"briefing: {message}", err=True)
    sys.exit(code)


def run(argv: list[str]) -> None:
    i18n.decide()  # $BRIEFING_LANG, the system: until --lang is read
    try:
        code = cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        if exc.ctx:
            _fail(
                _("{message} (see '{command} --help')").format(
                    message=exc.format_message(), command=exc.ctx.command_path
                ),
                2,
            )
        _fail(exc.format_message(), 2)
    except click.exceptions.Abort:
        _fail(_("aborted, nothing was changed"), 1)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc.exit_code)
    except BriefingError as exc:
        from briefing.cli.words import one_line

        _fail(one_line(exc), exc.exit_code)
    except sqlite3.Error as exc:
        from briefing.cli.words import database_failure

        _fail(database_failure(exc), 1)
    except KeyboardInterrupt:
        _fail(_("interrupted"), 130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
