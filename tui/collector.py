"""Python's cycle collector, paused while the interface starts and resumed once the home screen is complete.

Starting the interface allocates some hundred thousand objects (Textual's modules, the
framework, the widgets, their styles). Each allocation counts towards the cycle collector's
next pass, and its full passes walk every one of them: about a third of the time from the
first layout to the first drawing of the home screen went to them (31-56 ms of a first
layout measured at 15-21 ms without). Almost nothing made during the start is a cycle to be
freed, so the collector is paused for the start (:func:`pause_for_start`, called by the
command line before the interface is imported), and on resuming (:func:`resume_after_start`)
what is alive then is frozen (``gc.freeze``): those objects last as long as the program, and
later passes no longer walk them, so they do not hold up a key either.

Garbage cycles made during the start (there are few) are frozen too, and never freed: a
little memory, against a start that does not wait for the collector.

Only a start that paused the collector resumes it: an app run another way (the tests'
``run_test``) leaves the collector as it found it.
"""

from __future__ import annotations

import gc

_paused = False
"""True from :func:`pause_for_start` until :func:`resume_after_start`."""


def pause_for_start() -> None:
    """Pause the cycle collector for the start of the interface (it was running, else nothing is done)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_after_start() -> None:
    """Freeze what the start made and resume the collector, when :func:`pause_for_start` paused it (else nothing)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused_for_start() -> bool:
    """Whether the collector is paused for the start now."""
    return _paused
