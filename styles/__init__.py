"""The Textual style sheets (.tcss) of framewheel.

``app.tcss`` holds what every screen shares; each activity's screens set
``CSS_PATH = style_path("<activity>.tcss")`` for their own rules.
"""

from __future__ import annotations

from pathlib import Path


def style_path(name: str) -> str:
    """The installed path of one of our style sheets, for ``CSS_PATH`` (beside this module: an installed package is a folder)."""
    return str(Path(__file__).with_name(name))
