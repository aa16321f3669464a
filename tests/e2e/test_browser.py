"""``framewheel serve`` in a real browser: headless chromium opens the tokened URL and drives the interface.

Proves the whole path a workshop uses: the page loads with the token, its websocket gets in with the
cookie, framewheel draws its home screen in xterm.js, and a key pressed in the browser reaches the
app (``l`` opens Levels, and the picture changes). Screenshots are kept under the test's tmp_path.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.helpers.serve_process import Served, free_port, serving

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,800"]
"""Headless, quiet, and nothing fetched but the page."""

DRAWN_TIMEOUT = 30.0
"""Seconds the interface has to appear (and to change after a key)."""

if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
    pytest.skip("no browser: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium import webdriver  # noqa: E402  (only once there is a browser to drive)
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """``framewheel serve --demo --port P`` on a free loopback port P."""
    yield from serving(["serve", "--demo", "--port", str(free_port())], tmp_path)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """Headless chromium through chromedriver, with a profile of its own in tmp_path."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(DRAWN_TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = DRAWN_TIMEOUT) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


SETTLED_SHOTS = 4
"""How many screenshots in a row (0.3 s apart) must be alike for the page to count as drawn."""


def settled_screenshot(driver: webdriver.Chrome, unlike: bytes | None, what: str) -> bytes:
    """A screenshot once the page stops changing (alike for about a second), different from ``unlike`` if given."""
    shots = [driver.get_screenshot_as_png()]

    def settled() -> bool:
        """Whether the last screenshots match, and differ from ``unlike``."""
        time.sleep(0.3)
        shots.append(driver.get_screenshot_as_png())
        last = shots[-SETTLED_SHOTS:]
        return len(last) == SETTLED_SHOTS and len(set(last)) == 1 and last[0] != unlike

    wait_for(settled, what)
    return shots[-1]


def press(driver: webdriver.Chrome, key: str) -> None:
    """Type ``key`` into whatever has the focus (xterm.js's helper textarea), as a person's keyboard does.

    Sent to the focused element rather than to the textarea itself: newer chromium builds call the
    textarea (kept at zero size by xterm.js) "not interactable" when a key is sent to it directly.
    """
    ActionChains(driver).send_keys(key).perform()


def test_the_interface_draws_and_takes_keys_in_chromium(served: Served, browser: webdriver.Chrome, tmp_path: Path) -> None:
    """The tokened URL draws framewheel's home screen; 'l' typed in the page opens Levels, escape leaves it, and
    'l' again draws the very same Levels screen.

    The server logs the tab's websocket, and refuses nothing the page asks for.
    """
    browser.get("about:blank")
    blank = browser.get_screenshot_as_png()
    browser.get(served.url)
    wait_for(lambda: "-first-byte" in (browser.find_element(By.TAG_NAME, "body").get_attribute("class") or ""),
             "the first bytes of framewheel's screen in the page")
    keyboard = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")  # where xterm.js takes keys
    browser.execute_script("arguments[0].focus();", keyboard)  # as a click would, without clicking on the app
    home = settled_screenshot(browser, blank, "the home screen to be drawn")
    (tmp_path / "home.png").write_bytes(home)
    assert len(home) > 4 * len(blank), "the home screen looks blank"
    assert browser.get_cookie(f"framewheel_token_{served.port}") is not None  # the page set its cookie

    press(browser, "l")
    levels = settled_screenshot(browser, home, "the Levels screen after pressing l")
    (tmp_path / "levels.png").write_bytes(levels)
    press(browser, Keys.ESCAPE)
    back = settled_screenshot(browser, levels, "the home screen again after escape")
    (tmp_path / "home-again.png").write_bytes(back)
    press(browser, "l")
    again = settled_screenshot(browser, back, "the Levels screen after pressing l again")
    assert again == levels  # the same Levels screen: the change was the key, not the home screen still drawing

    console = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert [line for line in console if not ("googleapis" in line or "favicon.ico" in line)] == [], console
    # (the page's web font is blocked by the server's content security policy, and there is no favicon)
    assert "a browser tab connected from 127.0.0.1 (websocket)" in served.output()
    assert "refused" not in served.output()  # the page, its websocket and its assets all got in
