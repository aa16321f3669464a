"""A tailored copy of AHEP edited by hand the way an institution would: one area renamed, one added,
one removed and one exemplar changed (shared by the tailoring unit, command-line and screen tests)."""

from __future__ import annotations

from pathlib import Path

from tui.core.tailoring import tailored_text

ROOT = Path(__file__).resolve().parents[2]
AHEP = ROOT / "frameworks" / "ahep.yaml"

OLD_EXEMPLAR = "I seek to understand my own behaviours and impact on others."
NEW_EXEMPLAR = "I seek to understand my own behaviours and their impact on colleagues and students."
ADDED_AREA = """\
  - id: digital-practice
    title: Digital Practice
    description: Using digital tools well and safely.

"""


def edit_copy(text: str) -> str:
    """The institution's hand edits of a tailored AHEP file (rename, add, remove, change an exemplar)."""
    text = text.replace("title: Working Together\n", "title: Working Together Across the College\n", 1)
    text = text.replace(OLD_EXEMPLAR, NEW_EXEMPLAR, 1)
    start = text.index("  # 8. Engaging with the Wider Context")
    end = text.index("# Rate confidence in each commitment")
    return text[:start] + ADDED_AREA + text[end:]


def write_edited_copy(folder: Path, new_id: str = "ahep-college") -> Path:
    """Write an edited tailored copy of AHEP into ``folder`` (made as needed) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = tailored_text(AHEP.read_text(encoding="utf-8"), new_id, "AHEP at Our College", "ahep@2024")
    path = folder / f"{new_id}.yaml"
    path.write_text(edit_copy(text), encoding="utf-8")
    return path
