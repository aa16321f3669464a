"""A team's share files for the team room's tests: the demo team plus three files that must be left out."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.model import Framework
from tui.core.team_profiles import demo_share_documents

BAD_FILES = ("old-version.json", "off-scale.json", "not-json.json")
"""The files left out: another framework version, a value off the scale, not JSON."""


def write_team(folder: Path, framework: Framework, *, bad: bool = True) -> Path:
    """Write the demo team's 9 share files (8 wheels and a duplicate) and, with ``bad``, 3 files to leave out."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = demo_share_documents(framework)
    for name, document in documents:
        (folder / name).write_text(json.dumps(document), encoding="utf-8")
    if bad:
        old = json.loads(json.dumps(documents[0][1]))
        old["framework"]["version"] = "1999"
        (folder / BAD_FILES[0]).write_text(json.dumps(old), encoding="utf-8")
        off = json.loads(json.dumps(documents[1][1]))
        off["created"] = "2026-11-03T09:00:00+00:00"
        off["ratings"][framework.areas[0].id][framework.series[0].id] = framework.scale.max + 1
        (folder / BAD_FILES[1]).write_text(json.dumps(off), encoding="utf-8")
        (folder / BAD_FILES[2]).write_text("{not json", encoding="utf-8")
    return folder
