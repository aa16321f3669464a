"""``framewheel serve`` for real: a server process on a loopback port, spoken to over HTTP and websocket.

Proves the token is the lock: the page, the websocket and the download route refuse a request without
it (403); the tokened page sets the HttpOnly, SameSite=Strict cookie; a websocket carrying that cookie
starts a framewheel whose screen comes back as output; a page of another site is refused even with it.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Iterator

import aiohttp
import pytest

from tests.helpers.serve_process import Served, serving


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One ``framewheel serve --demo --port 0`` for the module (0: the server picks a free port and prints it)."""
    yield from serving(["serve", "--demo", "--port", "0"], tmp_path_factory.mktemp("serve"))


async def get(url: str, cookies: dict[str, str] | None = None) -> aiohttp.ClientResponse:
    """GET ``url`` (body read), with no cookie jar of its own but ``cookies``."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        async with session.get(url, cookies=cookies, allow_redirects=False) as response:
            await response.read()
            return response


def test_it_listens_on_loopback_and_prints_the_tokened_url(served: Served) -> None:
    """The URL printed is http://127.0.0.1:PORT/?token=..., with a long random token, and says how to stop."""
    assert served.url == f"http://127.0.0.1:{served.port}/?token={served.token}"
    assert len(served.token) >= 32
    out = "".join(served.stdout)
    assert "&fontsize=24" in out
    assert "Each browser tab runs framewheel as" in out and "ctrl+c" in out


def test_the_page_needs_the_token(served: Served) -> None:
    """/ without a token, with a wrong one, and other paths are 403; the right token is 200 and sets the cookie."""
    async def check() -> None:
        """The requests, in one event loop."""
        assert (await get(f"{served.base}/")).status == 403
        assert (await get(f"{served.base}/?token=wrong")).status == 403
        assert (await get(f"{served.base}/?token={served.token}x")).status == 403
        assert (await get(f"{served.base}/?token=\u00e9t\u00e9")).status == 403  # not ASCII: refused, no error
        assert (await get(f"{served.base}/nowhere")).status == 403
        assert (await get(f"{served.base}/", cookies={f"framewheel_token_{served.port}": "wrong"})).status == 403
        page = await get(f"{served.url}&fontsize=24")
        assert page.status == 200
        body = await page.text()
        assert 'data-font-size="24"' in body
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in body
        cookie = page.headers["Set-Cookie"]
        assert cookie.startswith(f"framewheel_token_{served.port}={served.token};")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        policy = page.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert (await get(f"{served.base}/", cookies={f"framewheel_token_{served.port}": served.token})).status == 200

    asyncio.run(check())


def test_static_assets_need_no_token(served: Served) -> None:
    """textual-serve's own script is served without the token (it is the same for everyone, nothing private)."""
    async def check() -> None:
        """One request."""
        response = await get(f"{served.base}/static/js/textual.js")
        assert response.status == 200

    asyncio.run(check())


def test_the_download_route_needs_the_token(served: Served) -> None:
    """/download/KEY without the token is 403 (with it, an unknown key is 404: the route itself is reached)."""
    async def check() -> None:
        """The requests."""
        assert (await get(f"{served.base}/download/some-key")).status == 403
        assert (await get(f"{served.base}/download/some-key?token=nope")).status == 403
        assert (await get(f"{served.base}/download/some-key?token={served.token}")).status == 404

    asyncio.run(check())


def test_the_websocket_needs_the_cookie(served: Served) -> None:
    """The websocket handshake without the cookie, with a wrong one, or from another site's page is refused with 403."""
    async def handshake_status(headers: dict[str, str]) -> int:
        """The status of a refused websocket handshake with these headers."""
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
            try:
                async with session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=80&height=24", headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    cookie = f"framewheel_token_{served.port}"
    assert asyncio.run(handshake_status({})) == 403
    assert asyncio.run(handshake_status({"Cookie": f"{cookie}=wrong"})) == 403
    assert asyncio.run(handshake_status({"Cookie": f"{cookie}={served.token}", "Origin": "http://evil.example"})) == 403


async def tab_output(served: Served, until: bytes = b"framewheel", timeout: float = 30) -> tuple[int, bytes]:
    """Connect as the page does (cookie, own origin), say the terminal's size, and gather output until ``until`` shows."""
    headers = {"Cookie": f"framewheel_token_{served.port}={served.token}", "Origin": served.base}
    received = b""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        async with session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=100&height=30",
                                      headers=headers) as websocket:
            status = 101
            await websocket.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            deadline = time.monotonic() + timeout
            while until not in received.lower() and time.monotonic() < deadline:
                try:
                    message = await websocket.receive(timeout=max(0.1, deadline - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
    return status, received


def wait_for_output(served: Served, text: str, timeout: float = 10) -> str:
    """Everything the server printed, once ``text`` is among it (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    while text not in served.output() and time.monotonic() < deadline:
        time.sleep(0.1)
    return served.output()


def test_the_websocket_with_the_cookie_runs_framewheel(served: Served) -> None:
    """With the cookie (and this server's own origin) the handshake is 101, framewheel starts, and its screen arrives."""
    status, received = asyncio.run(tab_output(served, until=b"demo:"))
    assert status == 101
    assert b"framewheel" in received.lower(), received[-2000:]
    assert b"demo:" in received.lower()  # --demo reached the tab: the header says it runs on example data
    log = wait_for_output(served, "disconnected")
    assert "a browser tab connected from 127.0.0.1 (websocket)" in log
    assert "disconnected: its framewheel stopped" in log


def test_a_tab_runs_on_the_data_file_given(tmp_path: Path) -> None:
    """serve --db with a relative path: the tab's framewheel creates and uses that file (its absolute path)."""
    (tmp_path / "work").mkdir()
    server = Served(["--db", "class.json", "serve", "--port", "0", "--no-present"], tmp_path / "work")
    try:
        assert f"on the data file {tmp_path / 'work' / 'class.json'}." in "".join(server.stdout)
        status, received = asyncio.run(tab_output(server))
        assert status == 101 and b"framewheel" in received.lower(), server.output()
        assert b"demo" not in received.lower()
        deadline = time.monotonic() + 10
        while not (tmp_path / "work" / "class.json").is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (tmp_path / "work" / "class.json").is_file()
    finally:
        server.stop()


def test_refusals_are_logged_without_the_token(served: Served) -> None:
    """Refused requests are logged on standard error; no log line carries the token (there is no access log)."""
    asyncio.run(get(f"{served.base}/?token=wrong"))
    deadline = time.monotonic() + 5
    while "refused GET /" not in "".join(served.stderr) and time.monotonic() < deadline:
        time.sleep(0.05)
    stderr = "".join(served.stderr)
    assert "refused GET / from 127.0.0.1: no valid token" in stderr
    assert served.token not in stderr


def test_ctrl_c_stops_it_cleanly(tmp_path: Path) -> None:
    """ctrl+c (SIGINT) ends serve with status 0, a last line, and no traceback."""
    server = Served(["serve", "--demo", "--port", "0", "--no-present"], tmp_path)
    status = server.stop()
    assert status == 0, server.output()
    assert "framewheel serve: stopped" in "".join(server.stdout)
    assert "Traceback" not in server.output()
