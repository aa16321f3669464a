"""Architecture rules, checked in fresh interpreters so that nothing else has imported Textual first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CORE = [
    "tui.core.model", "tui.core.frameworks", "tui.core.framework_cache", "tui.storage.repositories.base", "tui.core.schema_checks", "tui.storage.database", "tui.storage.safefile",
    "tui.storage.datafile", "tui.storage.paths", "tui.storage.settings", "tui.core.wheels", "tui.core.analysis", "tui.context", "tui.storage.crashlog", "tui.core.demo", "tui.cli.main", "tui.cli.frameworks",
    "tui.core.rankings", "tui.core.reports.ranking", "tui.core.exchange.rankings",
    "tui.core.development_plan", "tui.core.reports.one_to_one", "tui.core.exchange.wheels", "tui.cli.exchange",
    "tui.core.search", "tui.core.finder", "tui.core.reports.finder",
    "tui.core.charts", "tui.storage.saver", "tui.storage.output", "tui.storage.repositories.wheels", "tui.storage.repositories.rankings",
    "tui.storage.repositories.finder", "tui.storage.repositories.development_plan", "tui.storage.repositories.action_plans",
    "tui.core.action_plans", "tui.core.board_editor", "tui.core.exchange.plan_files", "tui.core.action_plan_demo", "tui.core.exchange.action_plans", "tui.plugins",
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
        if path.parent.name == "storage" and path.parent.parent.name == "tui":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(("import tinydb", "from tinydb")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    assert "tinydb" not in imported_by("tui.core.frameworks")


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
