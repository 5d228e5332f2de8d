"""Running the real app in a pseudo-terminal, for tests that must see the
bytes a terminal would receive (escape sequences, a kill -9).

When may a test type? Textual's Linux driver (``start_application_mode``)
puts the terminal in raw mode, starts the thread that reads the keys, and
only then writes its first requests, bracketed paste on among them
(:data:`READING_KEYS`). A byte typed earlier is not lost on Linux (the line
discipline keeps it when raw mode comes), but the terminal, still in cooked
mode, echoes it into the output the test inspects. And a key is only acted
on once the screen that binds it has its data: wait for that screen's text
as well (e.g. ``b"Verbatim 1 of"``), then send each key once.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import sys
import termios
import threading
import time

#: Written by the driver once the terminal is raw and the input thread runs.
READING_KEYS = b"\x1b[?2004h"
#: Bounds a wait that fails; one that succeeds returns as soon as its bytes are there.
TIMEOUT = 15.0


def run_in_a_terminal(args: list[str]) -> tuple[int, int, bytearray]:
    """A child process in a pseudo-terminal, every byte it writes kept."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes the app
        env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        os.execvpe(sys.executable, [sys.executable, *args], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    output = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    return pid, fd, output


def wait_for(predicate, seconds: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def written(output: bytearray, *needles: bytes, seconds: float = TIMEOUT) -> None:
    """Wait until the app has written every one of ``needles``; fail showing its last bytes."""
    if not wait_for(lambda: all(needle in output for needle in needles), seconds):
        missing = [needle for needle in needles if needle not in output]
        raise AssertionError(f"never written in {seconds:g} s: {missing}; last bytes: {bytes(output[-2000:])!r}")


def stop(pid: int, fd: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
