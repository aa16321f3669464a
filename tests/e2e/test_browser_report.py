"""Under ``framewheel serve`` the 1:1 report reaches the browser as a download (``App.deliver_text``), not a server file.

Headless chromium opens the tokened URL, `x` asks for the report's header (`enter` keeps the
suggestion), the preview opens, and `h` sends the HTML file: it lands in the browser's download
folder, whole, and nothing is written in the server's output folder.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.e2e.test_browser import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS, DRAWN_TIMEOUT, press, settled_screenshot, wait_for
from tests.helpers.serve_process import Served, free_port, serving

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """``framewheel serve --demo`` with its output folder in tmp_path (so a file written there would show)."""
    monkeypatch.setenv("FRAMEWHEEL_OUTPUT_DIR", str(tmp_path / "server-output"))
    yield from serving(["serve", "--demo", "--port", str(free_port())], tmp_path)


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """The browser's download folder."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path) -> Iterator[webdriver.Chrome]:
    """Headless chromium that saves downloads into ``downloads`` without asking."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(DRAWN_TIMEOUT)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()


def changed_screenshot(driver: webdriver.Chrome, unlike: bytes, what: str) -> bytes:
    """A screenshot once the page differs from ``unlike``, taken a second later (the header dialog's cursor
    blinks, so the page never settles while it is open)."""
    wait_for(lambda: driver.get_screenshot_as_png() != unlike, what)
    time.sleep(1.0)
    return driver.get_screenshot_as_png()


def test_the_report_is_downloaded_by_the_browser(served: Served, browser: webdriver.Chrome, downloads: Path,
                                                 tmp_path: Path) -> None:
    """r, enter (the header), h: the HTML report arrives in the browser's downloads; the server writes no file."""
    browser.get(served.url)
    wait_for(lambda: "-first-byte" in (browser.find_element(By.TAG_NAME, "body").get_attribute("class") or ""),
             "the first bytes of framewheel's screen in the page")
    keyboard = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    browser.execute_script("arguments[0].focus();", keyboard)
    home = settled_screenshot(browser, None, "the home screen to be drawn")
    (tmp_path / "home.png").write_bytes(home)
    press(browser, "x")
    header = changed_screenshot(browser, home, "the report's header dialog")
    (tmp_path / "header.png").write_bytes(header)
    press(browser, Keys.ENTER)
    preview = settled_screenshot(browser, header, "the report's preview")
    (tmp_path / "preview.png").write_bytes(preview)
    press(browser, "h")
    wait_for(lambda: [p for p in downloads.glob("report-*.html")], "the HTML report in the browser's downloads")
    [report] = downloads.glob("report-*.html")
    wait_for(lambda: report.read_text(encoding="utf-8").rstrip().endswith("</html>"), "the whole file")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<svg viewBox=' in text
    assert not (tmp_path / "server-output").exists()
