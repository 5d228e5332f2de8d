"""The failures a user can meet, and how a front end tells them apart.

``BadInput`` is the user's to fix (the CLI exits 2): ``field`` is the name
of the thing at fault as the core knows it (a model field such as
``collected_by``, or ``id``, ``date``, ``database``), and ``problem`` says
what is wrong in words that stand on their own. The core never speaks a
front end's language: no ``--by``, no shell command to run next. Each
front end turns the field into its own label (the CLI's ``--by``, the
form's "Collected by") and may add its own way out, keyed on the error's
class (``NoMeeting``: the CLI suggests ``briefing meeting start``).

Anything else is ours or the machine's (exit 1).

``problem`` is in the user's language: it is translated where it is
raised (``_()``), the language being chosen before any command runs; a
``--json`` command speaks English (``briefing.cli.common``). ``field``
never is: it is an identifier each front end maps to its own label.
"""

from __future__ import annotations

from briefing.i18n import _


class BriefingError(Exception):
    """A failure we expected and can explain in one line (exit 1)."""

    exit_code = 1


class BadInput(BriefingError):
    """Input the user can correct: names the field so they know where to look."""

    exit_code = 2

    def __init__(self, field: str | None, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


class BadRow(BadInput):
    """One of several records written together is refused, and so are the
    others: ``index`` (0-based) says which, ``field`` and ``problem`` are the
    record's own refusal, so a screen puts it next to that row's field."""

    def __init__(self, index: int, error: BadInput) -> None:
        super().__init__(error.field, error.problem)
        self.index = index


class BadSegment(BadInput):
    """One segment of an agenda breaks a rule: ``index`` (0-based) says which,
    ``part`` what of it (``title``, ``minutes``, ``win``), so a screen can mark
    the row and the field at fault. The field stays ``agenda`` for the CLI.
    ``detail`` is the problem without the segment's number ("segment 2:"),
    for a message that names the segment its own way (an agenda file's line)."""

    def __init__(self, index: int, part: str, problem: str, detail: str | None = None) -> None:
        super().__init__("agenda", problem)
        self.index = index
        self.part = part
        self.detail = problem if detail is None else detail


class NotFound(BadInput):
    """An id or name that does not exist: still the user's input to fix."""


class NearClient(BadInput):
    """A client name the team has not met, but near one it has (a typo, an
    initial): ``existing`` is how the known one is named, so a front end
    can offer it; adding them anyway is the caller's explicit choice."""

    def __init__(self, field: str, typed: str, existing: str, *, name: str = "", company: str | None = None) -> None:
        super().__init__(
            field,
            _("{typed} is not a client yet, but {existing} is").format(typed=repr(typed), existing=repr(existing)),
        )
        self.typed = typed
        self.existing = existing
        #: What to type to mean the known one: their name (and company, for
        #: a verbatim), so a form can fill its fields with it.
        self.name = name or existing
        self.company = company


class ClientExists(BadInput):
    """A rename or a move that would make two records of one person."""

    def __init__(self, field: str, existing: str) -> None:
        super().__init__(field, _("{existing} is already a client").format(existing=repr(existing)))
        self.existing = existing


class UnknownPerson(NotFound):
    """A name that fits nobody in the team."""


class NoMeeting(BadInput):
    """A meeting command while no briefing is under way."""

    def __init__(self) -> None:
        super().__init__(None, _("no briefing is running"))


class AlreadyHadOneToday(BadInput):
    """Starting a second briefing on the same day needs a yes from the lead."""

    def __init__(self) -> None:
        super().__init__(None, _("the team already had its briefing today"))


class LastSegment(BadInput):
    """ "Next" on the last segment: what is left is to finish."""

    def __init__(self) -> None:
        super().__init__(None, _("this is the last segment"))


class NothingToChange(BadInput):
    """An edit that names no field to change."""

    def __init__(self) -> None:
        super().__init__(None, _("nothing to change"))


class AgendaUnreadable(BriefingError):
    """The team's stored agenda is damaged; resetting it is the way out."""


class DatabaseDamaged(BriefingError):
    """The file is corrupt: nothing more is written to it until it is mended."""
