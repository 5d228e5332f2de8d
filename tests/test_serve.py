"""``briefing serve`` over plain HTTP and websockets: who gets in, how much a
browser may ask for, and that no tab's process or lock outlives it.

The server runs in the test's event loop (aiohttp's TestServer) with real
app processes behind it; the Ctrl-C test runs ``briefing serve`` itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from aiohttp import ClientSession, CookieJar, DummyCookieJar, WSMsgType, WSServerHandshakeError, web
from aiohttp.test_utils import TestServer

from briefing.cli.server import COLUMNS, ROWS, BriefingServer, Settings
from tests.serving import ServerProcess, alive, children, plain, wait_for

TIMEOUT = 30.0


async def start(db_path: Path, **kwargs) -> tuple[BriefingServer, TestServer]:
    server = BriefingServer(Settings(db_path, **kwargs), say=lambda line: None)
    test_server = TestServer(server.make_app(), host="127.0.0.1")
    await test_server.start_server()
    return server, test_server


def origin(test_server: TestServer) -> str:
    return f"http://127.0.0.1:{test_server.port}"


async def screen_text(ws, needle: str, seen: bytearray, seconds: float = TIMEOUT) -> str:
    """Read the tab's terminal output until ``needle`` shows among its words."""
    deadline = time.monotonic() + seconds
    while needle not in plain(bytes(seen)):
        left = deadline - time.monotonic()
        assert left > 0, f"{needle!r} never showed; the screen had: {plain(bytes(seen))[-600:]!r}"
        message = await ws.receive(timeout=left)
        assert message.type in (WSMsgType.BINARY, WSMsgType.TEXT), f"the tab closed: {message}"
        if message.type == WSMsgType.BINARY:
            seen.extend(message.data)
    return plain(bytes(seen))


async def type_and_see(ws, seen: bytearray, keys: str, shows: str) -> None:
    """Send ``keys``; return once ``shows`` is drawn after them."""
    mark = len(seen)
    await ws.send_json(["stdin", keys])
    deadline = time.monotonic() + TIMEOUT
    while shows not in plain(bytes(seen[mark:])):
        left = deadline - time.monotonic()
        assert left > 0, f"{shows!r} never showed after {keys!r}"
        message = await ws.receive(timeout=left)
        assert message.type in (WSMsgType.BINARY, WSMsgType.TEXT), f"the tab closed: {message}"
        if message.type == WSMsgType.BINARY:
            seen.extend(message.data)


async def drain(ws) -> None:
    """Read and drop what the tab sends, until its socket closes."""
    with contextlib.suppress(Exception):
        async for _ in ws:
            pass


@pytest.fixture
async def http():
    # unsafe: keep cookies from an IP address (127.0.0.1), as a browser does.
    async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as session:
        yield session


async def test_every_request_needs_the_token_of_its_mode(team, db_path, http):
    server, test_server = await start(db_path)
    base = origin(test_server)
    try:
        for path in ("/", "/inbox/", "/inbox/?token=wrong", "/inbox/static/js/textual.js", "/favicon.ico"):
            async with http.get(base + path, allow_redirects=False) as response:
                assert response.status == 403, path
                assert "needs its token" in await response.text()
        # One mode's token does not open another: the inbox link is no key to the whole app.
        async with http.get(f"{base}/full/?token={server.tokens['inbox']}", allow_redirects=False) as response:
            assert response.status == 403
        async with http.get(f"{base}/inbox/ws?token=nope") as response:
            assert response.status == 403
    finally:
        await test_server.close()


async def test_the_token_is_traded_for_a_cookie_and_leaves_the_address_bar(team, db_path, http):
    server, test_server = await start(db_path)
    base = origin(test_server)
    try:
        async with http.get(f"{base}/inbox/?token={server.tokens['inbox']}", allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "/inbox/"
            cookie = response.cookies["briefing_inbox"]
            assert cookie["httponly"] and cookie["path"] == "/inbox/" and cookie["samesite"] == "Strict"
        async with http.get(f"{base}/inbox/") as response:  # the cookie jar sends it back
            page = await response.text()
            assert response.status == 200
            assert f'data-session-websocket-url="ws://127.0.0.1:{test_server.port}/inbox/ws"' in page
            assert "googleapis" not in page  # nothing fetched from a third party
        async with http.get(f"{base}/inbox/static/js/textual.js") as response:
            assert response.status == 200
        async with http.get(f"{base}/view/") as response:  # the inbox's cookie is not the view's
            assert response.status == 403
    finally:
        await test_server.close()


async def test_a_websocket_from_another_origin_is_refused(team, db_path, http):
    server, test_server = await start(db_path)
    url = f"{origin(test_server)}/view/ws?token={server.tokens['view']}"
    try:
        with pytest.raises(WSServerHandshakeError) as refused:
            await http.ws_connect(url, headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        assert server.sessions == {}
        async with http.ws_connect(url, headers={"Origin": origin(test_server)}) as ws:
            await screen_text(ws, "No briefing is running", bytearray())
    finally:
        await test_server.close()


async def test_the_terminal_a_browser_asks_for_is_bounded(team, db_path, http, monkeypatch):
    sent: list[dict] = []
    from briefing.cli import server as server_module

    real = server_module.Session.send_meta

    async def send_meta(self, data):
        sent.append(data)
        return await real(self, data)

    monkeypatch.setattr(server_module.Session, "send_meta", send_meta)
    server, test_server = await start(db_path)
    url = f"{origin(test_server)}/view/ws?token={server.tokens['view']}&width=100000&height=-3"
    try:
        async with http.ws_connect(url) as ws:
            await screen_text(ws, "No briefing is running", bytearray())
            (session,) = server.sessions
            environ = Path(f"/proc/{session.pid}/environ").read_bytes().split(b"\0")
            assert f"COLUMNS={COLUMNS[1]}".encode() in environ and f"ROWS={ROWS[0]}".encode() in environ
            await ws.send_json(["resize", {"width": 10**12, "height": "many"}])
            await ws.send_json(["resize", {"width": 3, "height": 10**6}])
            await ws.send_json(["ping", "1"])  # answered after the resizes: they were handled
            while (await ws.receive(timeout=TIMEOUT)).type == WSMsgType.BINARY:
                pass
        sizes = [(m["width"], m["height"]) for m in sent if m["type"] == "resize"]
        assert sizes == [(COLUMNS[1], 24), (COLUMNS[0], ROWS[1])]
    finally:
        await test_server.close()


async def test_a_full_server_says_so_and_takes_the_next_tab_once_one_closes(team, db_path, http):
    server, test_server = await start(db_path, max_sessions=1)
    base = origin(test_server)
    token = server.tokens["view"]
    try:
        ws = await http.ws_connect(f"{base}/view/ws?token={token}")
        await screen_text(ws, "No briefing is running", bytearray())
        async with http.get(f"{base}/view/?token={token}") as response:
            assert response.status == 503
            assert "Every seat is taken" in await response.text()
            assert "already runs 1 tabs" in await response.text()
        with pytest.raises(WSServerHandshakeError) as refused:
            await http.ws_connect(f"{base}/view/ws?token={token}")
        assert refused.value.status == 503
        (pid,) = [s.pid for s in server.sessions]
        await ws.close()
        await asyncio.to_thread(wait_for, lambda: not server.sessions and not alive(pid), TIMEOUT, "the tab to end")
        async with http.get(f"{base}/view/?token={token}") as response:
            assert response.status == 200
    finally:
        await test_server.close()


async def test_a_tab_closed_mid_write_leaves_no_process_and_no_lock(team, db_path, http):
    """The form is saving, waiting for a lock someone else holds, when the
    tab closes: the app process ends (asked, then terminated), nothing is
    half-written, and the lock it was waiting for is free for others."""
    server, test_server = await start(db_path)
    url = f"{origin(test_server)}/inbox/ws?token={server.tokens['inbox']}"
    blocker = sqlite3.connect(db_path, isolation_level=None)
    try:
        async with http.ws_connect(url) as ws:
            seen = bytearray()
            # The names, not only the title: Enter before the team is read picks nobody.
            await screen_text(ws, "Inès Moreau", seen)
            await type_and_see(ws, seen, "\r", "Adding as")  # Enter: that's me (the first name)
            await type_and_see(ws, seen, "a", "the client's own words")
            # Each key once the screen shows the one before took effect: Textual
            # hands keys to the widget focused when they are read. A save
            # without a client is refused and focuses the client field.
            await type_and_see(ws, seen, "Never half written", "Never half written")
            await type_and_see(ws, seen, "\x13", "must not be empty")
            await type_and_see(ws, seen, "Marc Petit", "Marc Petit")
            blocker.execute("BEGIN IMMEDIATE")  # a colleague's write holds the lock
            await ws.send_json(["stdin", "\x13"])  # ctrl+s
            await screen_text(ws, "Database busy", seen)  # the save is waiting for the lock
            (session,) = server.sessions
            pid = session.pid
            await drain_closing(ws)
        # The server stops counting the tab once it has reaped its process.
        await asyncio.to_thread(wait_for, lambda: not server.sessions, TIMEOUT, "the tab to end")
        assert not alive(pid)
        blocker.execute("ROLLBACK")
        other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # nobody holds the lock
        other.execute("ROLLBACK")
        assert other.execute("SELECT count(*) FROM verbatims WHERE client = 'Marc Petit'").fetchone() == (0,)
        other.close()
    finally:
        blocker.close()
        await test_server.close()


class Proxy:
    """A reverse proxy that serves the app under ``/team/briefing/``: strips
    the prefix and forwards HTTP and websockets, as nginx would."""

    PREFIX = "/team/briefing"

    def __init__(self) -> None:
        self.target = ""
        self.app = web.Application()
        self.app.router.add_route("GET", self.PREFIX + "/{tail:.*}", self.forward)

    async def forward(self, request: web.Request) -> web.StreamResponse:
        query = f"?{request.query_string}" if request.query_string else ""
        url = f"{self.target}/{request.match_info['tail']}{query}"
        headers = {k: v for k, v in request.headers.items() if k.lower() in ("cookie", "origin")}
        async with ClientSession(cookie_jar=DummyCookieJar()) as client:
            if request.headers.get("Upgrade", "").lower() == "websocket":
                async with client.ws_connect(url, headers=headers) as upstream:
                    downstream = web.WebSocketResponse()
                    await downstream.prepare(request)

                    async def up() -> None:
                        async for message in downstream:
                            await upstream.send_str(message.data)

                    task = asyncio.create_task(up())
                    async for message in upstream:
                        if message.type == WSMsgType.BINARY:
                            await downstream.send_bytes(message.data)
                    task.cancel()
                    return downstream
            async with client.get(url, headers=headers, allow_redirects=False) as response:
                body = await response.read()
                passed = ("location", "set-cookie", "content-type")
                keep = [(k, v) for k, v in response.headers.items() if k.lower() in passed]
                return web.Response(status=response.status, body=body, headers=keep)


async def test_it_works_behind_a_reverse_proxy_under_a_path_prefix(team, db_path, http):
    proxy = Proxy()
    front = TestServer(proxy.app, host="127.0.0.1")
    await front.start_server()
    public = f"http://127.0.0.1:{front.port}{Proxy.PREFIX}"
    server, test_server = await start(db_path, public_url=public)
    proxy.target = origin(test_server)
    try:
        async with http.get(f"{public}/inbox/?token={server.tokens['inbox']}", allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == f"{Proxy.PREFIX}/inbox/"
            assert response.cookies["briefing_inbox"]["path"] == f"{Proxy.PREFIX}/inbox/"
        async with http.get(f"{public}/inbox/") as response:
            page = await response.text()
            assert response.status == 200, page
        static = re.search(r'href="([^"]+)css/xterm.css"', page).group(1)
        websocket = re.search(r'data-session-websocket-url="([^"]+)"', page).group(1)
        assert static == f"{public}/inbox/static/"
        assert websocket == f"ws://127.0.0.1:{front.port}{Proxy.PREFIX}/inbox/ws"
        async with http.get(static + "js/textual.js") as response:
            assert response.status == 200
        async with http.ws_connect(websocket, headers={"Origin": f"http://127.0.0.1:{front.port}"}) as ws:
            await screen_text(ws, "Who is adding", bytearray())
    finally:
        await test_server.close()
        await front.close()


def test_ctrl_c_stops_every_tab_and_the_server(team, db_path):
    served = ServerProcess(db_path)
    try:

        async def two_tabs() -> list[int]:
            async with ClientSession() as http:
                url = f"{served.base}/view/ws?token={served.token('view')}"
                first, second = await http.ws_connect(url), await http.ws_connect(url)
                for ws in (first, second):
                    await screen_text(ws, "No briefing is running", bytearray())
                tabs = served.tabs()
                assert len(tabs) == 2
                code = await asyncio.to_thread(served.stop, signal.SIGINT)
                assert code == 0, served.err.decode()
                return tabs

        tabs = asyncio.run(two_tabs())
        assert "Stopped 2 tabs" in served.out.decode()
        assert not [pid for pid in tabs if alive(pid)]
        assert children(served.process.pid) == []
    finally:
        served.stop()


def test_listening_on_every_interface_warns_and_still_wants_the_token(team, db_path):
    served = ServerProcess(db_path, "--host", "0.0.0.0", "--mode", "inbox")
    try:
        wait_for(lambda: b"warning: listening on every network interface" in served.err, what="the warning")
        assert list(served.links) == ["inbox"]
        port = served.base.rsplit(":", 1)[1]

        async def refused() -> int:
            async with ClientSession() as http, http.get(f"http://127.0.0.1:{port}/inbox/") as response:
                return response.status

        assert asyncio.run(refused()) == 403
    finally:
        assert served.stop() == 0


def test_a_public_url_that_is_no_address_is_refused(cli):
    result = cli("serve", "--public-url", "example.org/briefing")
    assert result.code == 2
    assert result.err.strip().startswith("briefing:")
    assert "not an http:// or https:// address" in result.err


def test_the_browser_id_is_checked_before_it_names_a_setting(conn, team):
    from briefing import browsers
    from briefing.errors import BadInput

    with pytest.raises(BadInput):
        browsers.who(conn, "x'; DROP TABLE settings; --")
    assert browsers.who(conn, "a" * 24) is None
    person = browsers.remember(conn, "a" * 24, 2)
    assert browsers.who(conn, "a" * 24) == person
    assert os.environ.get(browsers.ENV) is None


def test_a_port_in_use_is_one_line_and_exit_1(team, db_path, cli):
    served = ServerProcess(db_path)
    try:
        result = cli("serve", "--port", served.base.rsplit(":", 1)[1])
        assert result.code == 1
        assert result.err.startswith("briefing: cannot listen on 127.0.0.1:") and result.err.count("\n") == 1
    finally:
        assert served.stop() == 0


def test_a_server_killed_outright_takes_its_tabs_with_it(team, db_path):
    """kill -9 gives the server no chance to stop its tabs: they end by themselves."""
    served = ServerProcess(db_path)
    try:

        async def one_tab() -> list[int]:
            async with ClientSession() as http:
                ws = await http.ws_connect(f"{served.base}/view/ws?token={served.token('view')}")
                await screen_text(ws, "No briefing is running", bytearray())
                tabs = served.tabs()
                served.process.kill()
                served.process.wait()
                return tabs

        (tab,) = asyncio.run(one_tab())
        wait_for(lambda: not alive(tab), what="the orphaned tab to end")
    finally:
        served.stop()


async def test_the_language_given_to_the_server_is_every_tab_s(team, db_path, http):
    """`briefing --lang fr serve`: the lead's tab opens in French."""
    server, test_server = await start(db_path, lang="fr")
    try:
        url = f"{origin(test_server)}/full/ws?token={server.tokens['full']}"
        async with http.ws_connect(url) as ws:
            reading = bytearray()
            await screen_text(ws, "Lancer", reading)  # home's "s Start", in French
            assert "Start" not in plain(bytes(reading))
            await drain_closing(ws)
    finally:
        await test_server.close()


async def drain_closing(ws) -> None:
    """Close the tab as a browser does: reading its socket till it closes (a
    test that stopped reading would leave the buffers full while it closes)."""
    reading = asyncio.create_task(drain(ws))
    async with asyncio.timeout(TIMEOUT):
        await ws.close()
    await reading
