"""The web server behind ``briefing serve``: one app process per browser tab,
with textual-serve's process protocol, behind a token, an Origin check,
bounds on the terminal size and a cap on the tabs.

Why not textual-serve's own ``Server``: it serves one command to anyone who
can reach the port, starts each tab through a shell, and leaves its
processes to the operating system when stopped. Here each tab's process is
started without a shell, in its own session (a Ctrl-C in the server's
terminal reaches the server only, which then asks every tab's app to quit,
so a pending write still lands), and one that does not quit in
:data:`STOP_GRACE_S` is terminated, then killed: no process and no SQLite
lock outlive their tab. The page, the static files and the process
protocol (:class:`textual_serve.app_service.AppService`) are textual-serve's.

Access: each mode has its own random token (``secrets.token_urlsafe``),
printed in a ready-to-open link. The first visit trades it for a cookie
scoped to that mode's path and redirects to the link without it, so the
token is not left in the address bar of a projector. Every request without
a valid token gets 403, and so does a websocket opened from another page's
Origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from briefing import browsers, i18n
from briefing.cli import serve_pages
from briefing.i18n import N_, _, ngettext

MODES = ("full", "inbox", "view")
WHAT = {
    "full": N_("the whole app, for the lead"),
    "inbox": N_("collaborators add and edit verbatims and wins"),
    "view": N_("the room's screen and remote attendees, read-only"),
}
TITLES = {"full": N_("briefing"), "inbox": N_("briefing · inbox"), "view": N_("briefing · the room")}
#: The terminal a browser may ask for, in cells (a projector at a tiny font
#: is ~300 x 90); beyond, the request is clamped, never refused.
COLUMNS = (20, 400)
ROWS = (8, 150)
#: A websocket message from the browser: keys typed, a paste, a resize.
MAX_MESSAGE = 64 * 1024
#: After the tab is gone: time for the app to quit by itself (a pending
#: write waiting for the lock gets this long), then to die on SIGTERM.
STOP_GRACE_S = 5.0
KILL_GRACE_S = 2.0
BROWSER_COOKIE = "briefing_browser"
BROWSER_COOKIE_DAYS = 400
STATIC = Path(textual_serve.__file__).resolve().parent / "static"
LOCAL = {"127.0.0.1", "localhost", "::1"}

log = logging.getLogger("briefing.serve")


def clamp(value: object, bounds: tuple[int, int], default: int) -> int:
    """A size the browser sent, as a number inside ``bounds``."""
    try:
        number = int(str(value)[:6])
    except ValueError:
        return default
    return max(bounds[0], min(bounds[1], number))


@dataclass(frozen=True)
class Settings:
    db_path: Path
    host: str = "127.0.0.1"
    port: int = 8000
    modes: tuple[str, ...] = MODES
    public_url: str | None = None
    max_sessions: int = 20
    #: The language every tab speaks (``--lang``); None: the tab decides as the app does.
    lang: str | None = None


def _prctl():
    """libc's prctl, looked up in the server (never between fork and exec,
    where loading a library could wait on a lock another thread held)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        return ctypes.CDLL(None, use_errno=True).prctl
    return None


PRCTL = _prctl()


def _die_with_the_server() -> None:
    """In the tab's process, before it runs: a SIGTERM when the server dies,
    however it dies (kill -9 included), so no tab outlives it. Textual's web
    driver does not quit when its standard input closes. Linux only; elsewhere
    a no-op."""
    if PRCTL is not None:
        PRCTL(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Session(AppService):
    """One tab's app process: started without a shell, in its own session,
    with the tab's environment; stopped for sure."""

    def __init__(self, argv: list[str], env: dict[str, str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.env = env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return super()._build_environment(width=width, height=height) | self.env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
            preexec_fn=_die_with_the_server,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def stop(self) -> None:
        """Ask the app to quit (it finishes its writes); terminate it after
        :data:`STOP_GRACE_S`, kill it after :data:`KILL_GRACE_S` more. Every
        caller (the tab's handler, the server stopping) waits for the same
        stop, which no cancellation interrupts."""
        if self.stopped is None:
            self.stopped = asyncio.ensure_future(self._stop())
        await asyncio.shield(self.stopped)

    stopped: asyncio.Future[None] | None = None
    #: Called once the process is gone (the server stops counting the tab).
    gone: Callable[[], None] = staticmethod(lambda: None)

    async def _stop(self) -> None:
        try:
            await self._end_process()
        finally:
            self.gone()

    async def _end_process(self) -> None:
        task, process = self._task, self._process
        if task is None or process is None:
            return
        # A few bytes on a pipe; an app that stopped reading must not hold the stop.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.send_meta({"type": "quit"}), KILL_GRACE_S)
        for signal_after, grace in ((process.terminate, STOP_GRACE_S), (process.kill, KILL_GRACE_S)):
            try:
                await asyncio.wait_for(asyncio.shield(process.wait()), grace)
                break
            except TimeoutError:
                log.warning("tab process %s did not quit; sending %s", process.pid, signal_after.__name__)
                with contextlib.suppress(ProcessLookupError):
                    signal_after()
        await process.wait()  # SIGKILL cannot be refused
        # Its output ends with the process; relaying the last of it to a tab
        # that no longer reads must not hold the stop either.
        try:
            await asyncio.wait_for(asyncio.shield(task), KILL_GRACE_S)
        except TimeoutError:
            task.cancel()
        self._task = None


class BriefingServer:
    def __init__(self, settings: Settings, *, say: Callable[[str], None] = print) -> None:
        self.settings = settings
        self.say = say
        self.tokens = {mode: secrets.token_urlsafe(24) for mode in settings.modes}
        self.sessions: dict[Session, web.WebSocketResponse] = {}
        self.starting = 0  # tabs counted against the cap before their process is up
        self.downloads = DownloadManager()
        public = urlsplit(settings.public_url or "")
        self.public_origin = f"{public.scheme}://{public.netloc}" if settings.public_url else None
        self.prefix = public.path.rstrip("/")
        self.secure = public.scheme == "https"
        self.stopping = asyncio.Event()

    # -- the web application ---------------------------------------------------

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard], client_max_size=MAX_MESSAGE)
        for mode in self.settings.modes:
            app.router.add_get(f"/{mode}/", partial(self.index, mode))
            app.router.add_get(f"/{mode}/ws", partial(self.websocket, mode))
            app.router.add_static(f"/{mode}/static", STATIC)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Every request names a mode and carries its token (query or cookie)."""
        mode = request.path.lstrip("/").split("/", 1)[0]
        token = self.tokens.get(mode)
        given = request.query.get("token") or request.cookies.get(self.cookie(mode), "")
        if token is None or not secrets.compare_digest(given.encode(), token.encode()):
            return self.page(403, serve_pages.forbidden())
        return await handler(request)

    def cookie(self, mode: str) -> str:
        return f"briefing_{mode}"

    def page(self, status: int, html: str) -> web.Response:
        return web.Response(status=status, text=html, content_type="text/html", headers={"Cache-Control": "no-store"})

    def base(self, request: web.Request) -> str:
        """Where the browser reaches us: the public URL, else what it asked for."""
        return (
            self.settings.public_url.rstrip("/") if self.settings.public_url else f"{request.scheme}://{request.host}"
        )

    def full(self) -> bool:
        return len(self.sessions) + self.starting >= self.settings.max_sessions

    async def index(self, mode: str, request: web.Request) -> web.StreamResponse:
        path = f"{self.prefix}/{mode}/"
        if "token" in request.query:
            # Trade the token for a cookie and leave the address bar clean.
            response = web.HTTPSeeOther(path)
            response.set_cookie(
                self.cookie(mode), self.tokens[mode], path=path, httponly=True, samesite="Strict", secure=self.secure
            )
            raise response
        if self.full():
            return self.page(503, serve_pages.full(self.settings.max_sessions))
        base = self.base(request)
        scheme, rest = base.split(":", 1)
        html = serve_pages.terminal(
            title=_(TITLES[mode]),
            static=f"{base}/{mode}/static/",
            websocket=f"{'wss' if scheme == 'https' else 'ws'}:{rest}/{mode}/ws",
            font_size=clamp(request.query.get("fontsize", "16"), (8, 48), 16),
        )
        response = self.page(200, html)
        if mode == "inbox" and not browsers.SHAPE.fullmatch(request.cookies.get(BROWSER_COOKIE, "")):
            response.set_cookie(
                BROWSER_COOKIE,
                secrets.token_urlsafe(18),
                path=f"{self.prefix}/",
                max_age=BROWSER_COOKIE_DAYS * 86400,
                httponly=True,
                samesite="Strict",
                secure=self.secure,
            )
        return response

    def origin_allowed(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser; the token was checked
        allowed = {f"http://{request.host}", f"https://{request.host}", self.public_origin}
        return origin in allowed

    async def websocket(self, mode: str, request: web.Request) -> web.StreamResponse:
        if not self.origin_allowed(request):
            return self.page(403, serve_pages.refused())
        if self.full() or self.stopping.is_set():
            return self.page(503, serve_pages.full(self.settings.max_sessions))
        width = clamp(request.query.get("width", "80"), COLUMNS, 80)
        height = clamp(request.query.get("height", "24"), ROWS, 24)
        env = {} if self.settings.lang is None else {i18n.ENV: self.settings.lang}
        browser = request.cookies.get(BROWSER_COOKIE, "")
        if mode == "inbox" and browsers.SHAPE.fullmatch(browser):
            env[browsers.ENV] = browser
        socket_ = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        self.starting += 1  # counted against the cap from now on
        session: Session | None = None
        try:
            await socket_.prepare(request)
            session = Session(
                [sys.executable, "-m", "screens.served", mode, str(self.settings.db_path)],
                env,
                write_bytes=socket_.send_bytes,
                write_str=socket_.send_str,
                close=socket_.close,
                download_manager=self.downloads,
            )
            self.sessions[session] = socket_
            session.gone = partial(self.sessions.pop, session, None)
            self.starting -= 1
            await session.start(width, height)
            await self.relay(socket_, session)
        except asyncio.CancelledError:
            pass
        finally:
            if session is None:
                self.starting -= 1
            else:
                await session.stop()  # counted against the cap until its process is gone
            await socket_.close()
        return socket_

    async def relay(self, socket_: web.WebSocketResponse, session: Session) -> None:
        """The browser's messages to the app: keys, sizes (clamped), focus."""
        async for message in socket_:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and rest and isinstance(rest[0], str):
                await session.send_bytes(rest[0].encode("utf-8", "replace"))
            elif kind == "resize" and rest and isinstance(rest[0], dict):
                size = rest[0]
                await session.set_terminal_size(
                    clamp(size.get("width"), COLUMNS, 80), clamp(size.get("height"), ROWS, 24)
                )
            elif kind == "ping" and rest:
                await socket_.send_json(["pong", str(rest[0])[:32]])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    async def on_shutdown(self, app: web.Application) -> None:
        await self.stop_all()

    async def stop_all(self) -> int:
        """Every tab's app asked to quit (then made to), every socket closed."""
        self.stopping.set()
        sessions = list(self.sessions.items())
        await asyncio.gather(*(session.stop() for session, _socket in sessions))
        await asyncio.gather(*(socket_.close(code=1001, message=b"server stopped") for _session, socket_ in sessions))
        return len(sessions)

    # -- running ---------------------------------------------------------------

    def links(self, port: int) -> dict[str, str]:
        if self.settings.public_url:
            base = self.settings.public_url.rstrip("/")
        else:
            host = self.settings.host
            if host in ("0.0.0.0", "::", ""):
                host = socket.gethostname()
            if ":" in host:
                host = f"[{host}]"
            base = f"http://{host}:{port}"
        return {mode: f"{base}/{mode}/?token={token}" for mode, token in self.tokens.items()}

    async def run(self) -> None:
        runner = web.AppRunner(self.make_app(), access_log=None, handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.settings.host, self.settings.port)
            await site.start()
            port = runner.addresses[0][1]
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self.stopping.set)
            self.say(
                _(
                    "Serving {path} on port {port}, up to {count} tabs at once. "
                    "Open a link (each is its own key; share only the one a person needs):"
                ).format(path=self.settings.db_path, port=port, count=self.settings.max_sessions)
            )
            width = max(map(len, self.tokens))
            for mode, link in self.links(port).items():
                self.say(f"  {mode:<{width}}  {link}\n  {'':<{width}}  ({_(WHAT[mode])})")
            self.say(_("Press Ctrl-C to stop every tab and the server."))
            await self.stopping.wait()
            count = await self.stop_all()
            self.say(
                ngettext(
                    "Stopped {count} tab; the server is down.", "Stopped {count} tabs; the server is down.", count
                ).format(count=count)
            )
        finally:
            await runner.cleanup()
