"""Screenshots of ``briefing serve`` in each mode, for the README
(docs/pictures/serve-*.png), taken in headless Chromium on a demo database.

    .venv/bin/python tests/benchmarks/pictures_serve.py [OUT_DIR]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.serving import ServerProcess, Tab, watched_context  # noqa: E402


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        briefing = [sys.executable, "-m", "briefing", "--db", str(db)]
        subprocess.run([*briefing, "demo", "--yes", "--no-open"], check=True, capture_output=True)
        served = ServerProcess(db)
        try:
            with sync_playwright() as p:
                browser, context = watched_context(p, 1280, 720)

                full = Tab(context.new_page())
                full.page.goto(served.links["full"])
                full.shows("today's briefing")
                full.shows("Client win:")
                full.page.screenshot(path=out / "serve-full.png")

                inbox = Tab(context.new_page())
                inbox.page.goto(served.links["inbox"])
                inbox.shows("Who is adding")
                inbox.shows("verbatims")
                inbox.page.screenshot(path=out / "serve-inbox-who.png")
                inbox.page.locator(".xterm-helper-textarea").focus()
                inbox.press("Enter", "Adding as Chloé Martin")
                inbox.press("a", "the client's own words")
                inbox.type("On a reçu la livraison en avance, merci à toute l'équipe !")
                inbox.page.screenshot(path=out / "serve-inbox-form.png")

                view = Tab(context.new_page())
                view.page.goto(served.links["view"])
                view.shows("Latest verbatims")
                view.page.screenshot(path=out / "serve-view-waiting.png")
                mark = view.mark()
                subprocess.run([*briefing, "meeting", "start"], check=True, capture_output=True)
                view.shows("1/4", mark)
                view.shows("collected by", mark)
                view.page.wait_for_timeout(1500)  # a second of the clock running, for the picture
                view.page.screenshot(path=out / "serve-view-meeting.png")
                browser.close()
        finally:
            served.stop()
    for png in sorted(out.glob("serve-*.png")):
        print(png)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "pictures")
