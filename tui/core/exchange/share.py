"""A wheel to share with a team: the ``framewheel/assessment@1`` document with the ratings only.

What leaves the person's machine is decided here, in one place, and shown to them before it is
written (the dialog previews exactly this function's output). By default a share file holds the
format, the framework (id and version), when the wheel was started and the ratings: no label, no
notes, no reflections, no name. Each of those is added only when the person ticks it in; a name or
code only when typed; ``"share": "named"`` only when they also agree to be named, and never
without a name. The wheel's own stored person field is never copied: the name is what is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.model import ASSESSMENT_FORMAT
from tui.core.wheels import Assessment

SHARE_NAMED = "named"
"""The value of ``"share"`` in a share file whose person agreed to be named in the team profile."""


def share_document(wheel: Assessment, *, notes: bool = False, reflections: bool = False, label: bool = False,
                   person: str = "", named: bool = False) -> dict[str, Any]:
    """The share file of ``wheel``: ratings only, plus what is ticked in.

    ``notes``, ``reflections`` and ``label`` add the wheel's notes, reflection answers and
    label (empty ones are left out); ``person`` (stripped) is written only when given;
    ``named`` adds ``"share": "named"`` and needs a person (ValueError otherwise).
    """
    person = person.strip()
    if named and not person:
        raise ValueError("to be named in the team profile, give a name or code")
    document: dict[str, Any] = {
        "format": ASSESSMENT_FORMAT,
        "framework": {"id": wheel.framework_id, "version": wheel.framework_version},
    }
    if person:
        document["person"] = person
    if label and wheel.label.strip():
        document["label"] = wheel.label
    document["created"] = wheel.created
    document["ratings"] = {area: dict(cells) for area, cells in wheel.ratings.items() if cells}
    if notes:
        document["notes"] = {area: text for area, text in wheel.notes.items() if text.strip()}
    if reflections:
        document["reflections"] = {key: text for key, text in wheel.reflections.items() if text.strip()}
    if named:
        document["share"] = SHARE_NAMED
    return document


def share_file_name(wheel: Assessment, today: str) -> str:
    """The suggested name of a share file: ``share-<wheel id>-<YYYY-MM-DD>.json``."""
    return f"share-{wheel.id}-{today}.json"


@dataclass(frozen=True)
class ShareChoice:
    """What the person chose to share, and where to write it (from the share dialog)."""

    path: str
    notes: bool = False
    reflections: bool = False
    label: bool = False
    person: str = ""
    named: bool = False

    def document(self, wheel: Assessment) -> dict[str, Any]:
        """The share file of ``wheel`` with these choices (named only counts with a person)."""
        return share_document(wheel, notes=self.notes, reflections=self.reflections, label=self.label,
                              person=self.person, named=self.named and bool(self.person.strip()))
