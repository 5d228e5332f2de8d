"""Asking before a change that cannot be undone, in the language spoken.

``click.confirm`` asks ``[y/N]`` and understands only y/yes/n/no: a French
user answers "o" (oui). In English this is ``click.confirm`` itself; in
another language the question ends with the language's own ``[o/N]`` and
both its answers and the English ones are understood (a keyboard habit).
Anything else asks again; no answer (Enter, end of input) is no.
"""

from __future__ import annotations

import click

from briefing import i18n
from briefing.i18n import _


def confirm(question: str) -> None:
    """Go on if the user says yes; else :class:`click.Abort` (the root says
    "aborted, nothing was changed")."""
    if i18n.current() == i18n.DEFAULT:
        click.confirm(question, abort=True, err=True)
        return
    # Translators: the answers that mean yes, then no, separated by commas (lower case).
    yes = {"y", "yes", *_("y,yes").split(",")}
    no = {"n", "no", *_("n,no").split(",")}
    while True:
        answer = click.prompt(question, default="", show_default=False, prompt_suffix=_(" [y/N]: "), err=True)
        answer = answer.strip().lower()
        if answer in yes:
            return
        if answer in no or not answer:
            raise click.Abort
        click.echo(_("Error: invalid input"), err=True)
