"""The web server of ``framewheel serve``: textual-serve with a per-run token in front of it.

textual-serve (aiohttp and xterm.js) runs one framewheel process per browser tab and has no
authentication of its own. :class:`TokenServer` adds it: every request but the static assets
must prove it knows the run's random token, either as ``?token=...`` in the URL or by the cookie
the tokened page sets (the page opens its websocket at a URL without the query string, so the
cookie is how the websocket proves it). Tokens are compared with :func:`hmac.compare_digest`.

This module imports aiohttp and textual-serve, so only ``framewheel serve`` imports it, and late
(the command line starts without them).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

log = logging.getLogger("framewheel.serve")
"""Where the server says what it refused and which tabs came and went."""

TOKEN_PARAMETER = "token"
"""The query parameter that carries the run's token."""

PUBLIC_PREFIX = "/static/"
"""Paths served without the token: textual-serve's own JavaScript, CSS, fonts and images, the same for
every install and holding nothing of the user's. Everything else (``/``, ``/ws``, ``/download/...``,
and any unknown path) needs the token or its cookie."""

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                           "base-uri 'none'; form-action 'none'")
"""What the page may load: only this server (its websocket included). textual-serve's page asks for a web font
from fonts.googleapis.com; this keeps it from contacting anyone else (the terminal falls back to a local
monospace font), and no other site may frame the page."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
"""An aiohttp request handler."""


def cookie_name(port: int) -> str:
    """The token cookie's name for the server on ``port`` (cookies are not kept apart by port, names are)."""
    return f"framewheel_token_{port}"


def tokens_match(given: str | None, token: str) -> bool:
    """Whether ``given`` is the run's token (constant-time; anything missing or not ASCII fails)."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


def same_origin(request: web.Request) -> bool:
    """Whether the request's ``Origin`` header, when it has one, names the host the request was sent to."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == request.host.lower()


class TokenServer(Server):
    """textual-serve's :class:`~textual_serve.server.Server`, refusing (403) any request without the run's token.

    ``sock`` is a listening socket bound by the caller, so the port (``0`` picks a free one) is known,
    and a port already in use is reported, before anything is printed.
    """

    def __init__(self, command: str, sock: socket.socket, token: str, *, title: str = "framewheel",
                 public_host: str | None = None) -> None:
        """Serve ``command`` (one process per browser tab) on ``sock``; ``public_host`` is the host the printed URL names."""
        host, port = sock.getsockname()[:2]
        display_host = public_host or host
        if ":" in display_host:  # an IPv6 address in a URL goes in brackets
            display_host = f"[{display_host}]"
        super().__init__(command, host=host, port=port, title=title, public_url=f"http://{display_host}:{port}")
        self.sock = sock
        self.token = token
        self.cookie = cookie_name(port)

    @property
    def url(self) -> str:
        """The URL to open: the server's address with the run's token."""
        return f"{self.public_url}/?{TOKEN_PARAMETER}={self.token}"

    def initialize_logging(self) -> None:
        """Log framewheel's own events as plain lines on standard error (no access log: URLs carry the token)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("framewheel serve: %(message)s"))
        for name in ("framewheel.serve", "textual-serve"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.INFO)
            logger.propagate = False

    def authorised(self, request: web.Request) -> bool:
        """Whether the request carries the run's token, in the query or in the cookie."""
        return (tokens_match(request.query.get(TOKEN_PARAMETER), self.token)
                or tokens_match(request.cookies.get(self.cookie), self.token))

    @web.middleware
    async def check_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """The middleware: static assets pass; anything else without the token (or cross-origin) gets 403."""
        if request.path.startswith(PUBLIC_PREFIX):
            return await handler(request)
        if not self.authorised(request):
            log.warning("refused %s %s from %s: no valid token", request.method, request.path, request.remote)
            return web.Response(status=403, text="403: this framewheel server needs the link with its token "
                                                 "(printed by framewheel serve).\n")
        if not same_origin(request):
            log.warning("refused %s %s from %s: a page of another site (%s)", request.method, request.path,
                        request.remote, request.headers.get("Origin"))
            return web.Response(status=403, text="403: requests from pages of other sites are refused.\n")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        """textual-serve's application with the token middleware in front of every route."""
        app = await super()._make_app()
        app.middlewares.append(self.check_token)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the command line has already said where the server is (textual-serve prints a banner here)."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page of one tab, with URLs for the host the browser used, and the token cookie for its websocket.

        textual-serve's page names its own ``public_url``; this one names the host in the request, so a
        page reached by another name or address (``--allow-remote``) connects back to the same place.
        """
        base = f"{request.scheme}://{request.host}"
        websocket = ("wss://" if request.scheme == "https" else "ws://") + request.host
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket + str(request.app.router["websocket"].url_for()),
            "config": {"static": {"url": base + PUBLIC_PREFIX}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token is in this page's URL
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab's framewheel process, logged when it starts and ends."""
        log.info("a browser tab connected from %s (websocket): framewheel started for it", request.remote)
        try:
            return await super().handle_websocket(request)
        finally:
            log.info("a browser tab from %s disconnected: its framewheel stopped", request.remote)

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c (SIGINT) or SIGTERM, on the socket given."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except (NotImplementedError, RuntimeError):  # not on this platform, or not the main thread
            pass
        web.run_app(self._make_app(), sock=self.sock, handle_signals=False, loop=loop, access_log=None,
                    print=None)

