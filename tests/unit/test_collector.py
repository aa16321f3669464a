"""The cycle collector paused for the interface's start: paused, then frozen and resumed, only when it was paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tui import collector


@pytest.fixture
def running_collector() -> Iterator[None]:
    """The collector running and nothing frozen before the test, and as it was after it."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    collector.resume_after_start()
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def test_pausing_stops_the_collector_until_resumed(running_collector: None) -> None:
    """Paused for the start, the collector does not run; resumed, it runs and what was alive is frozen."""
    collector.pause_for_start()
    assert not gc.isenabled() and collector.paused_for_start()
    before = gc.get_freeze_count()
    alive = [[] for _ in range(1000)]  # objects made during the start
    collector.resume_after_start()
    assert gc.isenabled() and not collector.paused_for_start()
    assert gc.get_freeze_count() >= before + len(alive)


def test_resuming_without_a_pause_changes_nothing(running_collector: None) -> None:
    """An app run another way (the tests') leaves the collector as it found it: nothing frozen."""
    before = gc.get_freeze_count()
    collector.resume_after_start()
    assert gc.isenabled() and gc.get_freeze_count() == before


def test_a_collector_already_off_is_left_off(running_collector: None) -> None:
    """A program that turned the collector off itself does not find it turned on by the interface."""
    gc.disable()
    collector.pause_for_start()
    collector.resume_after_start()
    assert not gc.isenabled()
    gc.enable()

