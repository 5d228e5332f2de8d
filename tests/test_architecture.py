"""The layering the architecture promises, checked."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import briefing


def test_the_core_never_imports_textual():
    # __main__ runs the CLI on import, so it is the one module left out.
    modules = sorted(
        m.name for m in pkgutil.walk_packages(briefing.__path__, "briefing.") if m.name != "briefing.__main__"
    )
    assert "briefing.cli.verbatim" in modules  # the walk found the sub-packages
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "leaks = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaks))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core pulled in Textual: {result.stdout}"


def test_adding_a_verbatim_does_not_load_sqlite_utils_once_migrated(tmp_path):
    """The fast path: a current schema is recognised from PRAGMA user_version."""
    path = tmp_path / "b.db"
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"try: main(['--db', {str(path)!r}, 'verbatim', 'add', 'x', '--client', 'y'])\n"
        "except SystemExit as e: assert e.code == 0, e.code\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.split()[-1] == "True"  # creating the schema needs it
    assert second.stdout.split()[-1] == "False"


def test_opening_the_app_and_the_meeting_does_not_load_pydantic():
    """Validation is for writes; the screens the room watches start faster without it."""
    code = (
        "import sys\n"
        "import screens.app, screens.meeting, briefing.board, briefing.readiness\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# -- the boundary between the screens and the core, read from the source --------------

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA|BEGIN|COMMIT)\b")


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_no_screen_touches_sqlite_or_writes_sql():
    """Screens reach the database through screens/data.py, which runs core
    functions; only the core knows there is SQL behind them."""
    offences = []
    for path in _python_files("screens"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
                offences.append(f"{path.name}:{node.lineno} imports sqlite3")
            if isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
                offences.append(f"{path.name}:{node.lineno} imports from sqlite3")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript"):
                offences.append(f"{path.name}:{node.lineno} calls .{node.attr}")
        offences += [
            f"{path.name}:{line} holds SQL: {text[:40]!r}" for line, text in _strings(tree) if SQL.search(text)
        ]
    assert offences == []


def test_the_core_speaks_fields_not_flags():
    """Flags and shell commands are the CLI's words (briefing/cli/); the core's
    messages are shown by the app too, to people who never typed a flag."""
    flag = re.compile(r"(^|[\s(`'\"])--[a-z]")
    shell = re.compile(r"'briefing [a-z]")
    offences = []
    for path in _python_files("briefing"):
        if "cli" in path.relative_to(ROOT / "briefing").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if flag.search(node.value) or shell.search(node.value):
                    offences.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert offences == []


def test_no_module_reaches_for_another_modules_private_names():
    """``from x import _name`` couples two modules through what one of them
    meant to keep to itself (ruff's SLF001 covers ``x._name``). ``_`` alone
    is gettext's public name for "translate" (briefing/i18n.py), not a private one."""
    offences = []
    for folder in ("briefing", "screens"):
        for path in _python_files(folder):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("briefing", "screens"):
                    private = [
                        a.name
                        for a in node.names
                        if a.name.startswith("_") and not a.name.endswith("__") and a.name != "_"
                    ]
                    if private:
                        offences.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {private} from {node.module}")
    assert offences == []
