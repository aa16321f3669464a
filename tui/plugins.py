"""Activities that add themselves to the "all data" export and import and to the 1:1 report.

They are loaded the first time an export, an import or a report needs them, so
that starting the interface does not pay for modules it may never use.
"""

from __future__ import annotations

import importlib

PLUGIN_MODULES: tuple[str, ...] = ("tui.core.exchange.rankings", "tui.core.reports.finder", "tui.core.exchange.action_plans")
"""Modules with a ``register()`` function that adds their sections."""

_loaded: list[str] = []


def load() -> None:
    """Import every plugin module once and let it register its sections."""
    for name in PLUGIN_MODULES:
        if name not in _loaded:
            importlib.import_module(name).register()
            _loaded.append(name)
