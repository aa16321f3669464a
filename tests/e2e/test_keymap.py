"""The one key map (tui/keymap.py): every binding of every screen, dialog and widget, the app's and the home
screen's activity keys mean what the map says, or are a listed exception; no exception is left over; the README's
key map is the one the data makes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import screens
import tui.widgets
from textual.binding import Binding
from textual.dom import DOMNode
from tui.activities import ACTIVITIES
from tui.app import FramewheelApp
from tui.keymap import EXCEPTIONS, check_binding, readme_section

README = Path(__file__).resolve().parents[2] / "README.md"
"""The project's README."""


def classes_with_bindings() -> list[type[DOMNode]]:
    """Every screen, dialog and widget class defined in screens/ and tui/widgets/, and the app."""
    found: list[type[DOMNode]] = [FramewheelApp]
    for package in (screens, tui.widgets):
        for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(module_info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__ and cls not in found:
                    found.append(cls)
    return found


def every_binding() -> list[tuple[str, str, str]]:
    """(class name, key, action) of every binding, the home screen's activity keys included."""
    bindings: list[tuple[str, str, str]] = []
    for cls in classes_with_bindings():
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                bindings += [(cls.__name__, key.strip(), binding.action) for key in binding.key.split(",")]
    bindings += [("HomeScreen", launcher.key, f"launch('{launcher.name}')") for launcher in ACTIVITIES.launchers()]
    return bindings


def test_the_walk_finds_the_screens() -> None:
    """The walk reads the screens it must (so a broken walk cannot pass by reading nothing)."""
    names = {name for name, _, _ in every_binding()}
    assert {"HomeScreen", "RatingScreen", "BoardScreen", "HistoryScreen", "ConfirmDialog", "RowTable",
            "FramewheelApp"} <= names
    assert len(every_binding()) > 200


def test_every_binding_keeps_the_map() -> None:
    """No key means something else than the map says, except where an exception is listed."""
    problems = [problem for screen, key, action in every_binding()
                if (problem := check_binding(screen, key, action)) is not None]
    assert problems == []


def test_no_exception_is_left_over() -> None:
    """Each listed exception is still bound somewhere (the map does not keep exceptions for keys that changed)."""
    bound = every_binding()
    unused = [exception for exception in EXCEPTIONS
              if not any(key == exception.key and screen in exception.screens for screen, key, _ in bound)]
    assert unused == []


def test_a_binding_against_the_map_is_caught() -> None:
    """The check fails a key given another meaning, and one the map does not know."""
    assert check_binding("HistoryScreen", "r", "app.quit") is not None
    assert "not in the key map" in (check_binding("HistoryScreen", "z", "zoom") or "")
    assert check_binding("HistoryScreen", "r", "rename") is None
    assert check_binding("BoardScreen", "r", "rate('red')") is None
    assert check_binding("HistoryScreen", "r", "rate('red')") is not None  # the exception is the board's only


def test_readme_has_the_key_map() -> None:
    """The README's key map is exactly the one tui/keymap.py makes (`python -m tui.keymap`)."""
    assert readme_section() in README.read_text(encoding="utf-8")
