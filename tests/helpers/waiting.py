"""Waiting in Pilot tests for what a person would wait for: a screen, a widget, a sentence."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


async def wait_until(pilot: Any, done: Callable[[], object], seconds: float = 10.0, what: str = "") -> None:
    """Pause until ``done()`` is true, or fail after ``seconds`` saying ``what`` was awaited.

    A single ``pilot.pause()`` is enough on an idle machine but not under load (the whole suite in
    parallel); waiting for the thing itself keeps a test about behaviour, not timing.
    """
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, f"timed out waiting for {what or 'the screen'}"
        await pilot.pause(0.05)
