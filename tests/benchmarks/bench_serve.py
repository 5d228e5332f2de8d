"""``briefing serve``: opening the inbox in a browser, memory per tab, 20 tabs on one meeting.

Three figures, each against the same app run in a terminal in the same run:

1. **Open to usable inbox.** Headless Chromium (Debian's, via Playwright)
   opens the inbox link of a browser that already said who it is; the
   clock runs from ``page.goto`` to the moment the terminal has received
   the inbox's loaded header ("Inbox · 42 verbatims", drawn once its first
   read is shown). Reference: ``python -m screens.served inbox DB`` in a
   pseudo-terminal (80x24, the browser's page is sized to about the same),
   from fork to the same header in its output. 2 warm-up rounds, then
   :data:`ROUNDS` alternating rounds; medians.
2. **Memory per connected tab.** :data:`TABS` view tabs on a running
   briefing (websocket clients reading every frame, as a browser does):
   the proportional set size (PSS, shared pages split between sharers) of
   each tab's app process, plus the server's own growth divided among the
   tabs. Reference: the PSS of the same view app in a terminal.
3. **20 tabs on one meeting.** The same :data:`TABS` tabs for
   :data:`SECONDS` s: CPU of the server and all its tab processes (user +
   system from /proc, as a percentage of one core) and their total PSS.
   Reference: one view app in a terminal on the same meeting for the same
   time; the ratio is the CPU per tab against it. With the tabs open, the
   time from ``briefing meeting next`` (or prev) returning to the new
   segment drawn in a tab, against the same in the terminal app (medians
   of 6): the "within a second" promise.

    python tests/benchmarks/run.py serve     # BENCH_SERVE_SECONDS=10 for a quick trial
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from machine import machine as _machine  # noqa: E402  (tests/benchmarks, on sys.path via run.py)

from tests.serving import (  # noqa: E402
    ServerProcess,
    Tab,
    alive,
    children,
    chromium,
    plain,
    wait_for,
    watched_context,
)
from tests.terminal import run_in_a_terminal  # noqa: E402

ROUNDS = 7
TABS = 20
SECONDS = float(os.environ.get("BENCH_SERVE_SECONDS", "30"))
BROWSER = "benchmark-browser-0001"
LOADED = "Inbox · "
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def follow_times(briefing: list[str], seen, rounds: int = 6) -> float:
    """Median seconds from ``briefing meeting next`` (or prev) returning to the
    new segment's number drawn in ``seen()`` (the bytes a screen received)."""
    times = []
    for i in range(rounds):
        step, shown = ("next", "2/4") if i % 2 == 0 else ("prev", "1/4")
        mark = len(seen())
        subprocess.run([*briefing, "meeting", step], check=True, capture_output=True)
        start = time.perf_counter()
        wait_for(lambda s=shown, m=mark: s in plain(bytes(seen()[m:])), what=f"{shown} after {step}")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def terminal_open(db: Path, mode: str, needle: str) -> tuple[float, int, int, bytearray]:
    """Fork the app in a pseudo-terminal; seconds until ``needle`` is drawn."""
    os.environ["BRIEFING_BROWSER"] = BROWSER
    start = time.perf_counter()
    pid, fd, output = run_in_a_terminal(["-m", "screens.served", mode, str(db)])
    wait_for(lambda: needle in plain(bytes(output)), what=f"{needle!r} in the terminal")
    return time.perf_counter() - start, pid, fd, output


def terminal_close(pid: int, fd: int) -> None:
    import signal

    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def browser_open(context, base: str) -> tuple[float, float, float]:
    """Seconds to the loaded inbox; and, in the page's own clock (from its
    navigation), when the websocket was opened and its first byte came."""
    page = context.new_page()
    tab = Tab(page)
    start = time.perf_counter()
    page.goto(f"{base}/inbox/")
    tab.shows(LOADED)
    elapsed = time.perf_counter() - start
    socket_at, first_at = page.evaluate("[window.__socketAt, window.__firstByteAt]")
    page.close()
    return elapsed, socket_at / 1000, first_at / 1000


def open_times(db: Path, served: ServerProcess) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, context = watched_context(p, 800, 480)
        # This browser says once who it is, as a collaborator does the first time.
        first = Tab(context.new_page())
        first.page.goto(served.links["inbox"])
        first.shows("Who is adding")
        first.shows("Inès Moreau")  # the names read: Enter before them picks nobody
        first.page.locator(".xterm-helper-textarea").focus()
        first.press("Enter", "Adding as")
        first.page.close()
        wait_for(lambda: not served.tabs(), what="the first tab to end")
        cookie = next(c for c in context.cookies() if c["name"] == "briefing_browser")
        global BROWSER
        BROWSER = cookie["value"]  # the terminal reference opens as the same person: no question either
        ours, reference, sockets, firsts = [], [], [], []
        for round_ in range(2 + ROUNDS):
            seconds, socket_at, first_at = browser_open(context, served.base)
            wait_for(lambda: not served.tabs(), what="the tab to end")
            term, pid, fd, _ = terminal_open(db, "inbox", LOADED)
            terminal_close(pid, fd)
            if round_ >= 2:
                ours.append(seconds)
                reference.append(term)
                sockets.append(socket_at)
                firsts.append(first_at)
        browser.close()
    return {
        "browser_ms": 1000 * statistics.median(ours),
        "terminal_ms": 1000 * statistics.median(reference),
        "socket_opened_ms": 1000 * statistics.median(sockets),
        "first_byte_ms": 1000 * statistics.median(firsts),
    }


async def connect_tabs(served: ServerProcess, count: int):
    from aiohttp import ClientSession

    http = ClientSession()
    url = f"{served.base}/view/ws?token={served.token('view')}&width=80&height=24"  # the terminal reference's size
    sockets = [await http.ws_connect(url) for _ in range(count)]
    frames = [0] * count
    first = bytearray()  # what the first tab received, to see it follow the lead

    async def read(i: int, ws) -> None:
        async for message in ws:
            if isinstance(message.data, bytes):
                frames[i] += len(message.data)
                if i == 0:
                    first.extend(message.data)

    readers = [asyncio.create_task(read(i, ws)) for i, ws in enumerate(sockets)]
    return http, sockets, readers, frames, first


def twenty_tabs(db: Path, served: ServerProcess, briefing: list[str]) -> dict:
    # Reference: one view app in a terminal on the same meeting.
    _, pid, fd, output = terminal_open(db, "view", "1/4")
    before, start = cpu_seconds(pid), time.perf_counter()
    time.sleep(SECONDS)
    reference_cpu = 100 * (cpu_seconds(pid) - before) / (time.perf_counter() - start)
    reference_pss = pss_mib(pid)
    reference_follow = follow_times(briefing, lambda: output)
    terminal_close(pid, fd)

    server_pid = served.process.pid
    server_idle = rss_mib(server_pid)

    async def run() -> dict:
        http, sockets, readers, frames, first = await connect_tabs(served, TABS)
        await asyncio.to_thread(wait_for, lambda: len(served.tabs()) == TABS and all(frames), 60, "every tab drawn")
        # Every tab up: let start-up settle, then measure.
        await asyncio.sleep(3)
        pids = [server_pid, *children(server_pid)]
        before, start = sum(map(cpu_seconds, pids)), time.perf_counter()
        await asyncio.sleep(SECONDS)
        total_cpu = 100 * (sum(map(cpu_seconds, pids)) - before) / (time.perf_counter() - start)
        tab_pss = [pss_mib(pid) for pid in children(server_pid)]
        server_pss, server_rss = pss_mib(server_pid), rss_mib(server_pid)
        follow = await asyncio.to_thread(follow_times, briefing, lambda: first)
        for ws in sockets:
            await ws.close()
        for task in readers:
            task.cancel()
        await http.close()
        await asyncio.to_thread(wait_for, lambda: not served.tabs(), 60, "every tab to end")
        return {
            "tabs": len(tab_pss),
            "cpu_total_pct": total_cpu,
            "cpu_per_tab_pct": total_cpu / TABS,
            "tab_pss_mib": statistics.mean(tab_pss),
            "server_growth_mib": server_rss - server_idle,
            "follow_ms": 1000 * follow,
            "total_pss_mib": server_pss + sum(tab_pss),
        }

    figures = asyncio.run(run())
    figures["per_tab_mib"] = figures["tab_pss_mib"] + figures["server_growth_mib"] / TABS
    figures |= {
        "reference_cpu_pct": reference_cpu,
        "reference_pss_mib": reference_pss,
        "reference_follow_ms": 1000 * reference_follow,
    }
    return figures


def main() -> dict:
    if chromium() is None:
        print("no chromium: apt-get install -y chromium")
        return {}
    print(_machine(tabs=TABS, seconds=SECONDS, rounds=ROUNDS))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        briefing = [sys.executable, "-m", "briefing", "--db", str(db)]
        subprocess.run([*briefing, "demo", "--yes", "--no-open"], check=True, capture_output=True)
        served = ServerProcess(db, "--max-sessions", str(TABS))
        try:
            opened = open_times(db, served)
            subprocess.run([*briefing, "meeting", "start"], check=True, capture_output=True)
            tabs = twenty_tabs(db, served, briefing)
        finally:
            served.stop()
            assert not [pid for pid in children(served.process.pid) if alive(pid)]
    open_ratio = opened["browser_ms"] / opened["terminal_ms"]
    mem_ratio = tabs["per_tab_mib"] / tabs["reference_pss_mib"]
    cpu_ratio = tabs["cpu_per_tab_pct"] / tabs["reference_cpu_pct"] if tabs["reference_cpu_pct"] else float("nan")
    print(
        f"open to usable inbox: browser {opened['browser_ms']:.0f} ms, terminal {opened['terminal_ms']:.0f} ms "
        f"-> {open_ratio:.2f}x (in the page: websocket opened at {opened['socket_opened_ms']:.0f} ms, "
        f"first byte at {opened['first_byte_ms']:.0f} ms)"
    )
    print(
        f"memory per tab: {tabs['per_tab_mib']:.1f} MiB (app PSS {tabs['tab_pss_mib']:.1f} + server "
        f"RSS {tabs['server_growth_mib']:.1f}/{TABS}), terminal app {tabs['reference_pss_mib']:.1f} MiB "
        f"-> {mem_ratio:.2f}x"
    )
    print(
        f"{TABS} tabs on one meeting, {SECONDS:.0f} s: CPU {tabs['cpu_total_pct']:.1f} % of a core in all "
        f"({tabs['cpu_per_tab_pct']:.2f} % per tab), memory {tabs['total_pss_mib']:.0f} MiB; one terminal app "
        f"{tabs['reference_cpu_pct']:.2f} % -> {cpu_ratio:.2f}x per tab"
    )
    print(
        f"following 'meeting next' with {TABS} tabs open: {tabs['follow_ms']:.0f} ms in a tab, "
        f"{tabs['reference_follow_ms']:.0f} ms in a terminal -> {tabs['follow_ms'] / tabs['reference_follow_ms']:.2f}x"
    )
    return {
        "name": "serve: open to usable inbox, browser vs terminal",
        "ratio": open_ratio,
        "met": open_ratio <= 2.0,
        "memory_ratio": mem_ratio,
        "cpu_ratio_per_tab": cpu_ratio,
        **opened,
        **tabs,
    }
