"""The Textual style sheets (.tcss) of framewheel.

``app.tcss`` holds what every screen shares; each activity's screens set
``CSS_PATH = style_path("<activity>.tcss")`` for their own rules.
"""

from __future__ import annotations

from importlib import resources


def style_path(name: str) -> str:
    """The installed path of one of our style sheets, for ``CSS_PATH``."""
    return str(resources.files(__name__) / name)
