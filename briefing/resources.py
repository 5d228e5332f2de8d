"""Finding the files in ``data/`` from an editable install or a wheel.

``data/`` holds no code and is never importable. A wheel carries it as
``briefing/_data`` (see ``force-include`` in pyproject.toml); a source
checkout or editable install reads the top-level folder directly.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError
from briefing.i18n import _


def data_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / "demo").is_dir():
            return candidate
    raise BriefingError(_("the demo data files are missing from this installation; reinstall briefing"))
