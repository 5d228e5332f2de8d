"""No word a user reads is left out of the catalog.

tests/test_catalog.py checks that every *marked* message (``_()``,
``N_()``, ``ngettext()``) is translated; this one finds the words that were
never marked, which no catalog can know about. It reads the code's syntax
tree and looks where text goes to a person: a widget's label, a key's
help, a notice, a box's title, a field's placeholder, a command's help, a
line echoed by the CLI, the problem an error names. A string literal (or
an f-string) in one of those places, outside ``_()``, is English a French
team would read.

Its reach, honestly: text that travels through a variable first is not
seen here (the French snapshots and tests/test_french_screens.py's
English guard are the check for those), and a few places are text that
is not language (a key's name, a glyph, a style) — those are told apart
by :func:`is_words`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The code a user reads the words of: the screens, the CLI, the core's refusals.
SOURCES = ("screens", "briefing")

#: Calls whose first argument is text on the screen or the terminal.
SHOWN_FIRST = {
    "Static", "Label", "Button", "Text", "Checkbox", "RadioButton", "Tab", "TabPane", "Option",
    "notify", "ConfirmScreen", "update", "echo", "secho", "write", "append", "confirm", "prompt",
    "UsageError", "ClickException", "BriefingError", "NoMeeting", "Abort", "_Problem",
}  # fmt: skip
#: Calls whose arguments are all text (an error's problem, after its field).
ERRORS = {"BadParameter", "BadOptionUsage", "BadArgumentUsage", "ValueError", "UnknownPerson"}
#: ... and those whose first argument is the field at fault (an identifier).
FIELD_FIRST = {"BadInput", "NotFound"}
#: Keyword arguments that are text for a person, in any call.
SHOWN_KEYWORDS = {"help", "prompt", "placeholder", "title", "label", "description", "tooltip", "message", "epilog"}
#: Attributes whose value a person reads.
SHOWN_ATTRIBUTES = {
    "border_title",
    "border_subtitle",
    "title",
    "sub_title",
    "tooltip",
    "placeholder",
    "TITLE",
    "SUB_TITLE",
}
MARKERS = {"_", "N_", "ngettext", "NP_", "pgettext"}
#: Words that are not English: a style, a key's name, a unit, a product's name.
NOT_LANGUAGE = re.compile(
    r"^(bold|dim|italic|reverse|underline|strike|on|not|red|green|yellow|blue|magenta|cyan|white|black|"
    r"ctrl|shift|escape|enter|tab|up|down|left|right|home|end|pageup|pagedown|space|briefing|json|csv|md|"
    r"utf|id|\$\w+|[a-z]+_[a-z_]+)$",
    re.IGNORECASE,
)


#: A query's fragment (``text.append("f.rowid > ?")`` builds SQL, not a sentence).
SQL = re.compile(r"[=<>] \?|\b(SELECT|WHERE|JOIN|LIKE|ESCAPE|rowid)\b|!= '")
#: An option's name (``--title``): the same in every language.
OPTION = re.compile(r"^--?[a-z][a-z-]*$")


def is_words(text: str) -> bool:
    """True when ``text`` has a word a translator would translate."""
    if SQL.search(text) or OPTION.match(text):
        return False
    words = re.findall(r"\$?[A-Za-z_]{2,}", text)
    return any(not NOT_LANGUAGE.match(w) for w in words)


def literal_text(node: ast.AST) -> str | None:
    """The English of a literal (an f-string's fixed parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def shown_text(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of every literal that reaches a person unmarked."""
    for node in ast.walk(tree):
        places: list[ast.AST] = []
        if isinstance(node, ast.Call):
            name = called(node)
            if name in MARKERS:
                continue
            if name in SHOWN_FIRST and node.args:
                places.append(node.args[0])
            if name in ERRORS:
                places.extend(node.args)
            if name in FIELD_FIRST:
                places.extend(node.args[1:])
            if name == "Binding" and len(node.args) >= 3:
                places.append(node.args[2])
            if name == "assemble":
                for arg in node.args:
                    places.append(arg.elts[0] if isinstance(arg, ast.Tuple) and arg.elts else arg)
            places.extend(k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS)
        elif isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Attribute | ast.Name) and _target(t) in SHOWN_ATTRIBUTES for t in node.targets):
                places.append(node.value)
        for place in places:
            text = literal_text(place)
            if text is not None and is_words(text):
                yield place.lineno, text


def _target(node: ast.Attribute | ast.Name) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id


#: Text no user meets, by file and its English: why.
NOT_SHOWN = {
    ("briefing/i18n.py", "unknown language  (known: )"): "a bug's message: every front end checks the code first",
}


def unmarked() -> dict[str, str]:
    found = {}
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            where = str(path.relative_to(ROOT))
            for line, text in shown_text(tree):
                if (where, text) not in NOT_SHOWN:
                    found[f"{where}:{line}"] = text
    return found


def test_the_guard_sees_what_it_is_meant_to_see():
    """An unmarked label, key help, notice, title and refusal are caught;
    the same words marked, a style and a key's name are not."""
    code = """
Static("Who is in the room?")
Binding("s", "start", "Start")
self.notify(f"Saved {n} verbatims")
panel.border_title = "Team"
raise BadInput("text", "is empty")
click.option("--by", help="who collected it")
Text.assemble(("Client win: ", "bold"), name)
Static(_("Who is in the room?"))
Binding("s", "start", N_("Start"))
Text(name, style="bold")
Binding("ctrl+q", "quit", "")
"""
    texts = sorted(text for _line, text in shown_text(ast.parse(code)))
    assert texts == sorted(
        ["Who is in the room?", "Start", "Saved  verbatims", "Team", "is empty", "who collected it", "Client win: "]
    )


def test_every_word_shown_to_a_user_is_marked_for_translation():
    left = unmarked()
    assert not left, "shown without _() or N_() (not in the catalog): " + "".join(
        f"\n  {where}: {text!r}" for where, text in left.items()
    )


@pytest.mark.parametrize(
    "text",
    [
        "bold",
        "ctrl+q",
        "↑↓",
        "%",
        "$EDITOR",
        "12:00",
        "verbatim_id",
        "—",
        "f.rowid > ?",
        "date = ?",
        "--title",
        "v.status != 'archived'",
    ],
)
def test_text_that_is_not_language_is_let_through(text):
    assert not is_words(text)
