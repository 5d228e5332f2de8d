"""click's own words (Usage:, Options:, "Missing argument", "No such command"…)
in the language the app speaks.

click wraps its messages in gettext's classic API (``from gettext import
gettext as _`` in each of its modules). The way its maintainers offer to
translate them (pallets/click#2320) is gettext's process-global text
domain, whose language gettext reads from ``$LANGUAGE``/``$LC_ALL``/``$LANG``
on every call: it would override the language the app chose (``--lang``,
``$BRIEFING_LANG``, the team's setting), look for catalog files on each
message, and change the domain of every other library in the process
(pallets/click#2706 asks for a class-based API instead; click 8 has none).
So :func:`speak` points the names ``_`` and ``ngettext`` in click's modules at
:mod:`briefing.i18n`, once, when the command line starts: in English they
hand the text back, as gettext did, and no catalog is opened; in French
click's messages come from our catalog.

For the catalog to hold them they are listed below, marked for pybabel.
tests/test_cli_french.py compares this list with click's source: a click
release with a new message fails it until the message is added here, or
to :data:`NOT_SHOWN` (what a user of briefing never meets).
"""

from __future__ import annotations

from briefing import i18n
from briefing.i18n import N_

#: The click modules ``import click`` loads that say something (their gettext names are rebound).
MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def speak() -> None:
    """click's modules translate with :mod:`briefing.i18n` from now on (idempotent)."""
    import gettext
    import importlib

    for name in MODULES:
        names = vars(importlib.import_module(name))
        if names.get("_") in (gettext.gettext, i18n._):
            names["_"] = i18n._
        if names.get("ngettext") in (gettext.ngettext, i18n.ngettext):
            names["ngettext"] = i18n.ngettext


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """A marker, as :func:`N_` is for one form: pybabel extracts both forms
    (``ngettext`` is one of its keywords); click translates them when it says them."""
    return singular, plural


WORDS = (
    # click.core
    N_("Aborted!"),
    N_("deprecated"),
    N_("Options"),
    N_("Positional arguments"),
    N_("DeprecationWarning: The command {name!r} is deprecated.{extra_message}"),
    N_("Commands"),
    N_("Missing command."),
    N_("Value must be an iterable."),
    N_("DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}"),
    N_("env var: {var}"),
    N_("default: {default}"),
    N_("(dynamic)"),
    N_("required"),  # click.core says _(extra["required"]): the word itself is not marked there
    # click.decorators
    N_("Do you want to continue?"),
    N_("Confirm the action without prompting."),
    N_("%(prog)s, version %(version)s"),
    N_("Show the version and exit."),
    N_("Show this message and exit."),
    # click.exceptions
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("unknown error"),
    N_("Could not open file {filename!r}: {message}"),
    # click.formatting
    N_("Usage:"),
    # click.parser
    N_("Invalid start character for option ({option})"),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Option {name!r} does not take a value."),
    # click.termui
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("Error: invalid input"),
    N_("Press any key to continue..."),
    # click.types
    N_("Choose from:\n\t{choices}"),
    N_("Choice({choices})"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{value!r} is not a valid UUID."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{name} {filename!r} is not executable."),
)

PLURALS = (
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ngettext("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."),
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ngettext("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."),
    ngettext(
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ),
)

#: click's messages a user of briefing never meets: a programmer's mistakes
#: (raised as TypeError), and features briefing does not use (an editor,
#: shell completion, Windows' console, colours by name, a bar's ETA in days).
NOT_SHOWN = frozenset(
    {
        "d",
        "{editor}: Editing failed",
        "{editor}: Editing failed: {e}",
        "Windows error: {error}",
        "Name '{name}' defined twice",
        "Boolean option {decl!r} cannot use the same flag for true/false.",
        "Could not determine name for option with declarations {decls!r}",
        "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
        "Did you mean to pass '--{name}'?",
        "Arguments take exactly one parameter declaration, got {length}: {decls}.",
        "Shell completion is not supported for Bash versions older than 4.4.",
        "Couldn't detect Bash version, shell completion is not supported.",
        "Unknown color {colour!r}",
        "Unknown standard stream '{name}'",
    }
)
