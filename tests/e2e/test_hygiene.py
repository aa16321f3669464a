"""Architecture rules of DESIGN.md, checked by tools and by walking the packages (no hand-kept lists).

- the whole of ``tui.core`` (and the screenless storage and command-line layers) loads no Textual
  and no TinyDB, in a fresh interpreter where nothing else has imported them first;
- the import-linter contracts in ``pyproject.toml`` are kept (``lint-imports``);
- styles and Python code name theme variables, not colour literals (outside the theme module);
- every key binding of every screen, widget and app class has a description and an id.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from rich.color import ANSI_COLOR_NAMES

ROOT = Path(__file__).resolve().parents[2]

THEME_MODULE = ROOT / "tui" / "widgets" / "theme_colours.py"
"""The one module allowed to write colour values (the defaults of the chart theme variables)."""

WALK_AND_REPORT = """
import importlib, json, pkgutil, sys
found = []
for root in sys.argv[1:]:
    package = importlib.import_module(root)
    found.append(root)
    for info in pkgutil.walk_packages(package.__path__, root + ".", onerror=lambda name: sys.exit(f"cannot import {name}")):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue
        importlib.import_module(info.name)
        found.append(info.name)
print(json.dumps({"walked": found, "loaded": sorted(sys.modules)}))
"""
"""Imports every module of the packages named on the command line; prints what was walked and loaded."""


def walk_in_fresh_interpreter(*packages: str) -> tuple[list[str], set[str]]:
    """Import every module of ``packages`` in a new interpreter: the modules walked, and the top-level packages loaded."""
    result = subprocess.run(
        [sys.executable, "-c", WALK_AND_REPORT, *packages], cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return report["walked"], {name.split(".")[0] for name in report["loaded"]}


def test_the_whole_core_loads_neither_textual_nor_tinydb() -> None:
    """Importing every module of tui.core loads no Textual and no TinyDB module."""
    walked, loaded = walk_in_fresh_interpreter("tui.core")
    assert {"tui.core.charts", "tui.core.model", "tui.core.frameworks"} <= set(walked)  # the walk went through the core
    assert "textual" not in loaded
    assert "tinydb" not in loaded


def test_storage_and_the_command_line_load_no_textual() -> None:
    """The screenless layers (storage and every subcommand module) work without Textual."""
    walked, loaded = walk_in_fresh_interpreter("tui.storage", "tui.cli")
    assert {"tui.storage.database", "tui.cli.main"} <= set(walked)
    assert "textual" not in loaded


def test_import_contracts_are_kept() -> None:
    """Every import-linter contract of pyproject.toml is kept (the layer rules, no cycles)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    assert lint_imports.is_file(), f"{lint_imports} is missing: install the test extras ('.[test]')"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", result.stdout), result.stdout


HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
FUNCTIONAL = re.compile(r"\b(?:rgb|rgba|hsl|hsla)\(", re.IGNORECASE)
COLOUR_WORDS = set(ANSI_COLOR_NAMES) | {f"ansi_{name}" for name in ANSI_COLOR_NAMES} | {
    "ansi_bright_black", "ansi_bright_red", "ansi_bright_green", "ansi_bright_yellow", "ansi_bright_blue",
    "ansi_bright_magenta", "ansi_bright_cyan", "ansi_bright_white", "orange", "purple", "pink", "gray", "grey",
    "brown", "navy", "teal", "olive", "maroon", "lime", "aqua", "fuchsia", "silver", "gold",
}
"""Colour names Rich and Textual understand (the 256 terminal names, ansi_*, and common CSS names)."""


def colour_literals(value: str) -> list[str]:
    """The colour literals in a style value or style string (hex, rgb()/hsl(), colour names)."""
    found = HEX.findall(value) + FUNCTIONAL.findall(value)
    found += [word for word in re.split(r"[\s,]+", value.lower()) if word in COLOUR_WORDS]
    return found


def css_colour_literals(css: str) -> list[str]:
    """Colour literals in the values of a style sheet's declarations (selectors such as ``#add`` are not values)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    found = []
    for prop, value in re.findall(r"([a-z-]+)\s*:\s*([^;{}]+);", css):
        found += [f"{prop}: {hit}" for hit in colour_literals(value)]
    return found


def test_colour_literals_are_caught() -> None:
    """The checks below find what they look for (so an empty result means something)."""
    assert css_colour_literals("#add { color: #ff0000; background: red 50%; border: tall rgb(1,2,3); }") == [
        "color: #ff0000", "background: red", "border: rgb(",
    ]
    assert css_colour_literals("#add:focus { color: $primary; text-style: bold; }") == []
    assert python_colour_literals('t.append("x", style="bold cyan")\nText("y", "white on red")\nS = "[green]ok[/]"')
    assert python_colour_literals('t.append("x", style=f"bold {colour}")\nText("y", "dim")\nq("#add")') == []


def test_styles_use_theme_variables_not_colour_literals() -> None:
    """The style sheets name theme variables, never colour values."""
    sheets = sorted(ROOT.glob("styles/*.tcss"))
    assert sheets
    offenders = {sheet.name: hits for sheet in sheets if (hits := css_colour_literals(sheet.read_text(encoding="utf-8")))}
    assert offenders == {}


STYLE_KEYWORDS = {"style", "color", "colour", "bgcolor", "background", "fg", "bg"}
"""Keyword arguments whose strings are Rich styles or colours."""

STYLE_CALLS = {"Text": 1, "append": 1, "stylize": 0, "parse": 0, "Style": 0, "Segment": 1, "Color": 0}
"""Calls whose positional argument (at this index) is a style or colour string."""

MARKUP = re.compile(r"\[/?([a-z_0-9 #]+)\]")
"""Rich console markup such as ``[bold red]``."""


def _strings(node: ast.AST) -> list[str]:
    """The literal text of a string constant or the constant parts of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    return []


def python_colour_literals(source: str) -> list[str]:
    """Colour literals in Python source: style strings of Rich calls, markup, DEFAULT_CSS/CSS values."""
    found: list[str] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = [kw.value for kw in node.keywords if kw.arg in STYLE_KEYWORDS]
            if name in STYLE_CALLS and len(node.args) > STYLE_CALLS[name]:
                args.append(node.args[STYLE_CALLS[name]])
            for arg in args:
                for text in _strings(arg):
                    found += colour_literals(text)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in {"DEFAULT_CSS", "CSS"} for t in node.targets):
            for text in _strings(node.value):
                found += css_colour_literals(text)
        for text in _strings(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else []:
            for tag in MARKUP.findall(text):
                found += colour_literals(tag)
    return found


def test_python_uses_theme_colours_not_colour_literals() -> None:
    """No Rich style, markup or DEFAULT_CSS in tui/ or screens/ names a colour, except in the theme module."""
    files = [path for path in [*ROOT.glob("tui/**/*.py"), *ROOT.glob("screens/**/*.py")] if path != THEME_MODULE]
    assert THEME_MODULE.is_file() and len(files) > 20
    offenders = {
        str(path.relative_to(ROOT)): hits for path in files if (hits := python_colour_literals(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def _all_modules(*packages: str) -> list[ModuleType]:
    """Every module of these packages, imported (``__main__`` modules are not run)."""
    modules = []
    for root in packages:
        package = importlib.import_module(root)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, root + ".", onerror=lambda name: pytest.fail(f"cannot import {name}")):
            if info.name.rsplit(".", 1)[-1] != "__main__":
                modules.append(importlib.import_module(info.name))
    return modules


def test_every_binding_has_description_and_id() -> None:
    """Every binding declared by a Screen, Widget or App class of tui/ and screens/ has a description and an id."""
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode

    classes = {
        cls for module in _all_modules("tui", "screens") for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, (DOMNode, App)) and cls.__module__.startswith(("tui", "screens"))
    }
    declaring = [cls for cls in classes if "BINDINGS" in vars(cls)]
    assert len(declaring) > 20  # the walk found the app, the screens and the widgets
    problems = []
    for cls in sorted(declaring, key=lambda c: f"{c.__module__}.{c.__qualname__}"):
        for binding in vars(cls)["BINDINGS"]:
            where = f"{cls.__module__}.{cls.__qualname__}: {binding!r}"
            if not isinstance(binding, Binding):
                problems.append(f"{where} is not a Binding (so it has no id)")
                continue
            if not binding.description.strip():
                problems.append(f"{where} has no description")
            if not binding.id:
                problems.append(f"{where} has no id")
    assert problems == []


def test_the_interface_starts_without_the_charts_or_the_team_report() -> None:
    """The modules loaded before the home screen draws (command line, app, home) leave the charts and the team report unloaded."""
    code = ("import json, sys, tui.cli.main, tui.app, screens.home; "
            "print(json.dumps(sorted(m for m in ('plotext', 'tui.core.charts', 'tui.core.team_report') "
            "if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []
