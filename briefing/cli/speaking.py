"""The command line's help in the language spoken.

click evaluates a command's help when the module is imported (decorators,
docstrings), but the language is chosen when the command runs (``--lang``,
``$BRIEFING_LANG``, the team's setting, the system's locale). So the help
stays English in the code, as the msgid (``help=N_("...")``; never a
docstring: pybabel extracts none), and is translated when click *formats*
it: :class:`SpeakingCommand` and :class:`SpeakingGroup` override click's
public formatting methods (``format_help_text``, ``format_options``,
``get_short_help_str``...) to put each text through :func:`briefing.i18n._`.
click's own words (Usage:, Options:, "Show this message and exit.") come
from the same catalog (:mod:`briefing.cli.click_words`).

Every command of the tree is one of these classes: a ``SpeakingGroup``
gives its kind to the commands and groups made with ``group.command()`` /
``group.group()`` (click's ``command_class`` / ``group_class``); a command
made with ``click.command()`` or ``click.group()`` says ``cls=``.
tests/test_cli_french.py walks the tree: a command of another class, or a
help text the catalog lacks, fails it.

One of click's types names itself when it is built: ``click.Path`` ("path",
"file"; in its errors and its metavar). :class:`SpeakingPath` says its name
when it is used instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from briefing.i18n import N_, _

#: The help of click's own ``--help`` (click's msgid).
HELP_OPTION = N_("Show this message and exit.")


class SpeakingFormatter(click.HelpFormatter):
    """A section's heading ("Options:") as the language punctuates it ("Options :")."""

    def write_heading(self, heading: str) -> None:
        said = _("{heading}:").format(heading=heading)
        self.write(" " * self.current_indent + said + "\n")


class SpeakingContext(click.Context):
    formatter_class = SpeakingFormatter


class Speaks:
    """What :class:`SpeakingCommand` and :class:`SpeakingGroup` add to click's
    classes: their texts translated as they are shown (mixed in first)."""

    context_class = SpeakingContext
    help: str | None
    short_help: str | None
    epilog: str | None

    def help_text(self) -> str | None:
        """The help in the current language (a subclass may fill placeholders)."""
        return _(self.help) if self.help else self.help

    @contextmanager
    def _spoken(self) -> Iterator[None]:
        """click's own formatting, run on the translated texts (put back after:
        the command object outlives one language in a test process)."""
        saved = self.help, self.short_help, self.epilog
        self.help = self.help_text()
        self.short_help = _(self.short_help) if self.short_help else self.short_help
        self.epilog = _(self.epilog) if self.epilog else self.epilog
        try:
            yield
        finally:
            self.help, self.short_help, self.epilog = saved

    def get_short_help_str(self, limit: int = 45) -> str:
        with self._spoken():
            return super().get_short_help_str(limit)  # type: ignore[misc]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with self._spoken():
            super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with self._spoken():
            super().format_epilog(ctx, formatter)  # type: ignore[misc]

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]  # type: ignore[attr-defined]
        if any(a.help is not None for a in arguments):
            with formatter.section(_("Positional arguments")):
                formatter.write_dl([spoken_record(a, ctx) or ("", "") for a in arguments])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [spoken_record(p, ctx) for p in self.get_params(ctx) if not isinstance(p, click.Argument)]  # type: ignore[attr-defined]
        shown = [r for r in records if r is not None]
        if shown:
            with formatter.section(_("Options")):
                formatter.write_dl(shown)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click builds ``--help`` once per command, in the language of its first
        use: give it back its msgid, translated when shown like any other."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option


def spoken_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """The parameter's line of help, its own words translated (click adds the
    bracketed ``[default: …; required]`` after them, in its translated words)."""
    record = param.get_help_record(ctx)
    if record is None or not param.help:
        return record
    spec, text = record
    if text.startswith(param.help):
        text = _(param.help) + text[len(param.help) :]
    return spec, text


class SpeakingCommand(Speaks, click.Command):
    """A command whose help speaks the current language."""


class SpeakingGroup(Speaks, click.Group):
    """A group whose help, and its sub-commands' and sub-groups', speak the current language."""

    command_class = SpeakingCommand
    group_class = type  # sub-groups are SpeakingGroups too

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's groups list their commands after their options, from here."""
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)


def group(**attrs: Any) -> Any:
    """``click.group()`` for a top-level command group that speaks."""
    return click.group(cls=SpeakingGroup, **attrs)


def command(name: str | None = None, **attrs: Any) -> Any:
    """``click.command()`` for a top-level command that speaks."""
    return click.command(name, cls=SpeakingCommand, **attrs)


class SpeakingPath(click.Path):
    """``click.Path``, whose name ("file", "directory", "path") click
    translates when the type is built, at import, in whatever language is in
    use then: this one says it in its errors in the language of the moment,
    and in the usage line as the English metavar (FILE, PATH), like every
    other metavar."""

    @property  # type: ignore[override]
    def name(self) -> str:
        return _(self._word())

    @name.setter
    def name(self, value: str) -> None:
        """click.Path.__init__ sets the word it translated: ours is computed."""

    def _word(self) -> str:
        if self.file_okay and not self.dir_okay:
            return N_("file")
        if self.dir_okay and not self.file_okay:
            return N_("directory")
        return N_("path")

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str | None:
        return self._word().upper()
