"""Helpers for the tests of ``briefing serve``: the server as a real process,
its links, its tabs' processes, and the text a tab's terminal received."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

LINK = re.compile(r"^\s+(full|inbox|view)\s+(http\S+)$", re.M)
#: Escape sequences (CSI, OSC, charset and keypad switches), dropped to leave the words on screen.
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")
TIMEOUT = 30.0


def plain(data: bytes) -> str:
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


def wait_for(predicate, seconds: float = TIMEOUT, what: str = "condition") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


class ServerProcess:
    """``briefing --db DB serve --port 0 ARGS...`` in a child process."""

    def __init__(self, db_path: Path, *args: str) -> None:
        env = os.environ | {"PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "--db", str(db_path), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.out = bytearray()
        self.err = bytearray()
        self.readers = [
            threading.Thread(target=_drain, args=(stream, into), daemon=True)
            for stream, into in ((self.process.stdout, self.out), (self.process.stderr, self.err))
        ]
        for reader in self.readers:
            reader.start()
        try:
            wait_for(lambda: b"Ctrl-C" in self.out or self.process.poll() is not None, what="the server's links")
        except AssertionError:
            self.stop()
            raise
        assert self.process.poll() is None, self.err.decode()
        self.links = dict(LINK.findall(self.out.decode()))
        self.base = re.match(r"http://[^/]+", self.links[next(iter(self.links))]).group(0)

    def token(self, mode: str) -> str:
        return self.links[mode].split("token=", 1)[1]

    def tabs(self) -> list[int]:
        """The pids of the tabs' app processes (the server's children)."""
        return children(self.process.pid)

    def stop(self, sig: int = signal.SIGINT, seconds: float = 20) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        for reader in self.readers:
            reader.join(5)  # all it printed is in out and err
        return code


def _drain(stream, into: bytearray) -> None:
    for chunk in iter(lambda: stream.read1(65536), b""):
        into.extend(chunk)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# -- the browser ----------------------------------------------------------------

#: Debian's chromium, run headless as root on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Keeps the words each tab's terminal received in ``window.__screen`` (escape
#: sequences dropped): xterm.js draws on a canvas, so the page has no text to read.
WATCH_THE_TERMINAL = r"""
(() => {
  const Native = window.WebSocket;
  const escapes = /\x1b(\[[0-?]*[ -\/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])/g;
  window.__screen = "";
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      window.__socketAt ??= performance.now();  // ms since the page's navigation began
      const decoder = new TextDecoder();
      // An escape sequence cut in two by a message boundary waits for its end:
      // stripped in halves, its tail would land in the middle of the words.
      const whole = new RegExp("^(?:" + escapes.source + ")");
      let pending = "";
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__firstByteAt ??= performance.now();
          let text = pending + decoder.decode(event.data, {stream: true});
          const cut = text.lastIndexOf("\x1b");
          pending = cut >= 0 && !whole.test(text.slice(cut)) ? text.slice(cut) : "";
          if (pending) text = text.slice(0, cut);
          window.__screen += text.replace(escapes, "");
        }
      });
    }
  }
  window.WebSocket = Watched;
})();
"""


def chromium() -> str | None:
    """Debian's chromium, if installed (``.ci/run`` installs it)."""
    import shutil

    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return None


def watched_context(playwright, width: int, height: int):
    """Debian's chromium, headless, and a context whose pages report what
    their terminal draws (:data:`WATCH_THE_TERMINAL`): the benchmark and the
    pictures open their tabs in it."""
    browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS, headless=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(WATCH_THE_TERMINAL)
    return browser, context


class Tab:
    """A browser page on one of the server's links, read through its terminal's bytes."""

    def __init__(self, page) -> None:
        self.page = page

    def mark(self) -> int:
        return self.page.evaluate("window.__screen.length")

    def shows(self, text: str, since: int = 0, seconds: float = TIMEOUT) -> None:
        """Wait until ``text`` is drawn (after position ``since`` of what was received)."""
        from playwright.sync_api import TimeoutError as Timeout

        try:
            self.page.wait_for_function(
                "([text, since]) => window.__screen.indexOf(text, since) >= 0",
                arg=[text, since],
                timeout=seconds * 1000,
            )
        except Timeout:
            drawn = self.page.evaluate("([since]) => window.__screen.slice(since)", [since])
            raise AssertionError(f"{text!r} never drawn in {seconds:g} s; drawn since: {drawn[-800:]!r}") from None

    def press(self, key: str, shows: str) -> None:
        """Press ``key`` once the screen shows the key before it took effect (Textual hands
        keys to the widget focused when they are read): return once ``shows`` is drawn."""
        mark = self.mark()
        self.page.keyboard.press(key)
        self.shows(shows, mark)

    def type(self, text: str) -> None:
        mark = self.mark()
        self.page.keyboard.type(text)
        self.shows(text, mark)
