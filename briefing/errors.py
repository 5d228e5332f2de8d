"""The two kinds of failure a user can meet, mapped to exit codes by the CLI.

``BadInput`` is the user's to fix (exit 2): a field, and what is wrong with
it, in one line. Anything else is ours or the machine's (exit 1).
"""

from __future__ import annotations


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


class NotFound(BadInput):
    """An id or name that does not exist: still the user's input to fix."""
