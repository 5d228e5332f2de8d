"""Running the real app in a pseudo-terminal, for tests that must see the
bytes a terminal would receive (escape sequences, a kill -9)."""

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


def wait_for(predicate, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def stop(pid: int, fd: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
