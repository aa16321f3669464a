"""Issue 14 item 12: the dependency floors in ``pyproject.toml`` exclude vulnerable and unusable releases."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def version_tuple(text: str) -> tuple[int, ...]:
    """``"3.20.3"`` as ``(3, 20, 3)``."""
    return tuple(int(part) for part in text.split("."))


def runtime_floors() -> dict[str, tuple[tuple[int, ...], str]]:
    """Each runtime dependency's floor and its comment, from ``[project] dependencies``."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("\ndependencies = [", 1)[1].split("\n]", 1)[0]
    floors = {}
    for line in block.strip().splitlines():
        match = re.fullmatch(r'\s*"([A-Za-z0-9_-]+)>=([0-9.]+)",\s*#\s*(.+)', line)
        assert match, f"not a floor with a comment: {line!r}"
        floors[match.group(1)] = (version_tuple(match.group(2)), match.group(3))
    return floors


def test_floors_exclude_the_filelock_cves() -> None:
    """filelock ≥ 3.20.3 (CVE-2025-68146 fixed in 3.20.1, CVE-2026-22701 in 3.20.3); the floors are the ones verified."""
    floors = runtime_floors()
    assert floors["filelock"][0] >= (3, 20, 3)
    assert "CVE-2025-68146" in floors["filelock"][1] and "CVE-2026-22701" in floors["filelock"][1]
    assert floors["rich"][0] >= (14, 2)  # textual 8.0 requires rich>=14.2.0
    assert floors["orjson"][0] >= (3, 13)  # the version verified against json's indented text (tests/unit/test_save_cost.py)
    assert set(floors) == {"textual", "rich", "tinydb", "pyyaml", "platformdirs", "filelock", "textual-serve",
                           "orjson"}
