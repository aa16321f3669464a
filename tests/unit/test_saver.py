"""BackgroundSaver: jobs run in order in one thread, a waiting job is replaced by a newer one of its key."""

from __future__ import annotations

import threading

from tui.storage.saver import BackgroundSaver


def test_jobs_run_in_order_and_report() -> None:
    """Each job runs once, in submission order; results and errors reach the callbacks."""
    done: list[tuple[object, object]] = []
    failed: list[tuple[object, str]] = []
    saver = BackgroundSaver(lambda k, r: done.append((k, r)), lambda k, e: failed.append((k, str(e))))

    def boom() -> None:
        """A failing save."""
        raise ValueError("off the scale")

    saver.submit("a", lambda: 1)
    saver.submit("b", boom)
    saver.submit("c", lambda: 3)
    assert saver.flush(5)
    assert done == [("a", 1), ("c", 3)] and failed == [("b", "off the scale")]
    assert saver.idle
    assert saver.close(5)


def test_a_newer_job_replaces_a_waiting_one_of_the_same_key() -> None:
    """While one job runs, two more for one key leave only the newest to run."""
    gate, started = threading.Event(), threading.Event()
    ran: list[str] = []
    saver = BackgroundSaver()
    saver.submit("x", lambda: (started.set(), gate.wait(5), ran.append("x1")))
    assert started.wait(5)
    saver.submit("x", lambda: ran.append("x2"))
    saver.submit("y", lambda: ran.append("y"))
    saver.submit("x", lambda: ran.append("x3"))
    gate.set()
    assert saver.close(5)
    assert ran == ["x1", "y", "x3"]


def test_settle_waits_for_a_pause_but_flush_does_not() -> None:
    """With a long settle nothing is written until flush, which writes at once."""
    ran: list[int] = []
    saver = BackgroundSaver(settle=30.0)
    for value in range(5):
        saver.submit("cell", lambda v=value: ran.append(v))  # type: ignore[misc]
    assert ran == []
    assert saver.flush(5)
    assert ran == [4]
    assert saver.close(5)
