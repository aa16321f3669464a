"""What areas are called in the plural, on screens and in reports, for any framework's area name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.frameworks import parse_framework
from tui.core.model import plural_noun


@pytest.mark.parametrize(("noun", "plural"), [
    ("commitment", "commitments"), ("principle", "principles"), ("theme", "themes"), ("behaviour", "behaviours"),
    ("capability", "capabilities"), ("Capability", "Capabilities"), ("key", "keys"), ("process", "processes"),
    ("approach", "approaches"), ("box", "boxes"),
])
def test_plural_of_an_area_name(noun: str, plural: str) -> None:
    """Consonant + y takes -ies, sibilants take -es, the rest -s."""
    assert plural_noun(noun) == plural


def test_a_framework_says_capabilities_not_capabilitys() -> None:
    """The sixteen-areas test framework calls its areas capabilities, in lower case and in headings."""
    data = Path(__file__).resolve().parents[1] / "data" / "sixteen-areas.yaml"
    framework = parse_framework(data.read_text(encoding="utf-8"), str(data))
    assert (framework.area_plural, framework.area_words) == ("capabilities", "Capabilities")
