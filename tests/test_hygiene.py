"""Architecture rules, checked in fresh interpreters so that nothing else has imported Textual first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE = [
    "tui.model", "tui.frameworks", "tui.framework_cache", "tui.records", "tui.schema_checks", "tui.storage", "tui.safefile",
    "tui.datafile", "tui.paths", "tui.settings", "tui.assessments", "tui.analysis", "tui.context", "tui.crashlog", "tui.demo", "tui.cli", "tui.cli_frameworks",
    "tui.rankings", "tui.ranking_report", "tui.ranking_exchange",
    "tui.development_plan", "tui.reports", "tui.exchange", "tui.cli_exchange",
    "tui.search", "tui.finder", "tui.finder_report",
    "tui.charts", "tui.saver",
    "tui.action_plans", "tui.board_editor", "tui.plan_exchange", "tui.action_plan_demo", "tui.action_plan_exchange", "tui.plugins",
]
"""Modules that must work without Textual (the core and the screenless commands)."""


def imported_by(module: str) -> set[str]:
    """The top-level packages in sys.modules after importing ``module`` in a new interpreter."""
    code = f"import json, sys, {module}; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def test_core_never_imports_textual() -> None:
    """No core module pulls in Textual."""
    for module in CORE:
        assert "textual" not in imported_by(module), module


def test_only_storage_imports_tinydb() -> None:
    """TinyDB is imported by tui/storage.py alone; no other source file names it in an import."""
    offenders = []
    for path in [*ROOT.glob("tui/**/*.py"), *ROOT.glob("screens/**/*.py")]:
        if path.name == "storage.py" and path.parent.name == "tui":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(("import tinydb", "from tinydb")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    assert "tinydb" not in imported_by("tui.frameworks")


def test_styles_use_theme_variables_not_colour_literals() -> None:
    """The style sheets name theme variables, never hex colours."""
    import re

    for sheet in ROOT.glob("styles/*.tcss"):
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", sheet.read_text(encoding="utf-8")), sheet.name


def test_every_binding_has_description_and_id() -> None:
    """Every Binding in the app and screens has a description and an id."""
    import re

    for path in [*ROOT.glob("tui/**/*.py"), *ROOT.glob("screens/**/*.py")]:
        for match in re.finditer(r"Binding\((.*?)\)(?:,|\n|$)", path.read_text(encoding="utf-8")):
            args = match.group(1)
            assert "id=" in args, f"{path.name}: {args}"
            positional = [part.strip() for part in args.split(",")]
            assert len(positional) >= 3 and positional[2].startswith(('"', "'")), f"{path.name}: {args}"
