"""The layering the architecture promises, checked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
