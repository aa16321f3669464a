"""Saving off the interface's thread, in order: a small serial job queue that coalesces by key.

The rating screen draws a change first and hands the save to a :class:`BackgroundSaver`, so
the disk (a lock, an atomic write and two fsyncs) never delays the next key. Jobs run one at a
time in submission order; a job submitted for a key that is still waiting replaces the waiting
one (the newest value of one rating is the one that counts), so a burst of keys is one write.
With ``settle`` > 0 the worker waits until no job has been submitted for that long (a key held
down, fast typing) before writing; ``flush`` and ``close`` skip the wait.
Nothing here imports Textual.
"""

from __future__ import annotations

import threading
import weakref
import time
from typing import Callable, Hashable

Done = Callable[[Hashable, object], None]
"""Called (in the saver's thread) with the key and the job's result."""

Failed = Callable[[Hashable, Exception], None]
"""Called (in the saver's thread) with the key and the exception a job raised."""


LIVE_SAVERS: weakref.WeakSet[BackgroundSaver] = weakref.WeakSet()
"""Every saver not yet garbage-collected, so a forced exit can flush them all."""


def flush_all(timeout: float = 5.0) -> bool:
    """Run every waiting save of every live saver; False if one did not finish in time."""
    return all([saver.flush(timeout) for saver in list(LIVE_SAVERS)])


class BackgroundSaver:
    """Runs save jobs one at a time in a worker thread; ``flush`` waits until all are done."""

    def __init__(self, on_done: Done | None = None, on_error: Failed | None = None, settle: float = 0.0) -> None:
        """Callbacks for each finished or failed job (called in the worker thread); ``settle`` in seconds."""
        self._settle = settle
        self._last_submit = 0.0
        self._hurry = 0
        self._on_done = on_done
        self._on_error = on_error
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._busy = False
        self._closing = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        LIVE_SAVERS.add(self)

    def submit(self, key: Hashable, job: Callable[[], object]) -> None:
        """Queue ``job``; a waiting job with the same key is replaced (and moves to the end)."""
        with self._cond:
            if self._closing:
                raise RuntimeError("the saver is closed")
            self._pending.pop(key, None)
            self._pending[key] = job
            self._last_submit = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="framewheel-saver", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        """The worker: take the oldest waiting job, run it, report, repeat until closed."""
        while True:
            with self._cond:
                while not self._pending and not self._closing:
                    self._cond.wait()
                if not self._pending:
                    return
                while not self._hurry and not self._closing:
                    remaining = self._last_submit + self._settle - time.monotonic()
                    if remaining <= 0:
                        break
                    self._cond.wait(remaining)
                key = next(iter(self._pending))
                job = self._pending.pop(key)
                self._busy = True
            try:
                result = job()
            except Exception as error:  # reported to the screen, which tells the person
                if self._on_error is not None:
                    self._on_error(key, error)
            else:
                if self._on_done is not None:
                    self._on_done(key, result)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    @property
    def idle(self) -> bool:
        """True when nothing is waiting or running."""
        with self._cond:
            return not self._pending and not self._busy

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted job has run; False if that took longer than ``timeout``."""
        with self._cond:
            self._hurry += 1
            self._cond.notify_all()
            try:
                return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)
            finally:
                self._hurry -= 1

    def close(self, timeout: float = 10.0) -> bool:
        """Run what is waiting, then stop the worker; False if it did not finish in time."""
        done = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return done
