"""The 1:1 report's "Compared with role X" section, on a hand-built wheel, role and level-finder record."""

from __future__ import annotations

import pytest

from tui.core.finder import CONSISTENTLY, FinderRecord, mark_key
from tui.core.frameworks import load_catalog
from tui.core.model import Framework
from tui.core.reports.roles import role_section
from tui.core.roles import RoleProfile
from tui.core.wheels import Assessment


@pytest.fixture(scope="module")
def ahep() -> Framework:
    """The shipped AHEP framework (eight commitments, four levels)."""
    return load_catalog().frameworks["ahep"]


def wheel() -> Assessment:
    """Now: Working Together 4, Professional Development 5, Wider Context 9; would like: Working Together 7."""
    return Assessment(1, "ahep", "2024", "Before my 1:1", "2026-11-30T10:00:00", "2026-11-30T10:00:00",
                      ratings={"working-together": {"current": 4, "aspiration": 7},
                               "professional-development": {"current": 5},
                               "wider-context": {"current": 9}})


ROLE = RoleProfile(4, "Team leader", "ahep", {
    "professional-development": 5, "responsible-practice": 6, "working-together": 7, "service-excellence": "member",
    "wider-context": 4, "gone-area": 5,
})
"""Met, not rated, short by 3, a level, above by 5, and an area the framework no longer has."""


def record() -> FinderRecord:
    """Every Associate exemplar of Service Excellence consistently, and Member's second one."""
    marks = {mark_key("associate", i): CONSISTENTLY for i in range(3)} | {mark_key("member", 1): CONSISTENTLY}
    return FinderRecord(2, "ahep", "2024", "My level", "2026-11-29", "2026-11-29", marks={"service-excellence": marks})


def test_no_role_no_section(ahep: Framework) -> None:
    """No role chosen for the wheel: no section."""
    assert role_section(None, "", wheel(), ahep) is None


def test_section_has_the_table_headline_strengths_and_unplaced(ahep: Framework) -> None:
    """Rows in gap order (short, not rated, met, above); the headline counts the scale targets only."""
    title, body = role_section(ROLE, "", wheel(), ahep)  # type: ignore[misc]
    assert title == "Compared with role Team leader"
    lines = body.splitlines()
    assert lines[0] == ("Role **Team leader** (made in framewheel), compared with “How confident I feel now”: "
                        "**met 2 of 4 (1 level target: compare with the level finder)**.")
    table = lines[lines.index("| Commitment | Target | Rated | Gap |") + 2:][:4]
    assert table == [
        "| 3. Working Together | 7 | 4 | ▼ 3 below (4 of 7) |",
        "| 2. Demonstrating Responsible Practice and Personal Integrity | 6 | not rated | · not rated (target 6) |",
        "| 1. Empowering Professional Development | 5 | 5 | ✓ met (5) |",
        "| 8. Engaging with the Wider Context | 4 | 9 | ▲ 5 above (9 of 4) |",
    ]
    assert "**To develop for the role:** Working together (3 below (4 of 7))." in lines
    assert "**Strengths for the role:** Wider context (5 above (9 of 4))." in lines
    assert "**Level targets** (no level-finder record yet):" in lines
    assert "- 7. Delivering Service Excellence: expected Member" in lines
    assert "Targets the framework can no longer place (kept in the role): gone-area (5)." in lines


def test_level_targets_with_a_finder_record_give_the_next_exemplars(ahep: Framework) -> None:
    """Associate where Member is expected: one level below, and the Member exemplars not yet consistent."""
    member = ahep.area("service-excellence").exemplars["member"]  # type: ignore[union-attr]
    _, body = role_section(ROLE, "", wheel(), ahep, record())  # type: ignore[misc]
    lines = body.splitlines()
    assert "**Level targets** (from the level finder record “My level”):" in lines
    start = lines.index("- 7. Delivering Service Excellence: ▼ Associate, expected Member (1 level below)")
    assert lines[start + 1:start + 3] == [f"  - next: {member[0]}", f"  - next: {member[2]}"]


def test_series_chosen_and_a_series_gone(ahep: Framework) -> None:
    """The chosen series is compared ("would like": Working Together met); a series the framework lacks falls back to now."""
    _, body = role_section(ROLE, "aspiration", wheel(), ahep)  # type: ignore[misc]
    assert "compared with “Where I would like to be”: **met 1 of 4" in body
    assert "| 3. Working Together | 7 | 7 | ✓ met (7) |" in body
    _, body = role_section(ROLE, "no-such-series", wheel(), ahep)  # type: ignore[misc]
    assert "compared with “How confident I feel now”: **met 2 of 4" in body


def test_a_role_of_level_targets_only(ahep: Framework) -> None:
    """No scale target: met 0 of 0, no table, and the level lines still there."""
    role = RoleProfile(0, "Adviser", "ahep", {"service-excellence": "fellow"}, role_id="adviser")
    _, body = role_section(role, "", wheel(), ahep, record())  # type: ignore[misc]
    assert "Role **Adviser** (in the framework file)" in body
    assert "| Commitment |" not in body
    assert "- 7. Delivering Service Excellence: ▼ Associate, expected Fellow (3 levels below)" in body
