"""Content checks of the shipped framework files.

``frameworks/ahep.yaml`` must hold the whole AHEP Professional Framework: the 4 member
levels with their descriptors, the 4 values, the 8 commitments, and the 96 exemplar statements,
each under the right commitment and level. Values, level descriptors and exemplars are checked
in full against the source document itself: the AHEP guide in the shared seeds folder beside the
repository (``<repo>/../shared/seeds/000_563b6ef9430f5260.txt``, see ``seeds/README.md``), whose
exemplar tables are tab-separated rows with columns Associate, Member, Accredited Member, Fellow.
The slips of the source are checked to be corrected. The other shipped files get lighter checks
(shape, no personal contact details).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
FRAMEWORKS = REPO / "frameworks"
SEEDS = REPO.parent / "shared" / "seeds"
"""The source documents: ``shared/seeds`` beside the repository (also in CI, where shared/ is copied beside the clone)."""
AHEP_GUIDE = SEEDS / "000_563b6ef9430f5260.txt"
"""*Using the AHEP Professional Framework: A Practical Guide to Success*, as text."""

LEVEL_IDS = ["associate", "member", "accredited-member", "fellow"]
LEVEL_TITLES = ["Associate", "Member", "Accredited Member", "Fellow"]
SHORT_MAX = 18

REFLECTION = [
    "How comfortable did you feel completing the activity?",
    "How often do you take the time to reflect on your role and your performance in this way?",
    "Were there any surprises?",
    "What are the implications if there are areas where your aspirations are above the "
    "organisational need for your role?",
    "Where does your interest lie, and what are the implications for your role, your team and "
    "your career?",
    "What information sources are you using to make your assessment?",
    "Is your assessment based on facts or assumptions?",
    "Would you be happy to share your completed wheel activity? If so, with whom?",
]


def normalise(text: str) -> str:
    """Collapse runs of whitespace and drop a space before punctuation ("Goals ." -> "Goals.")."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([.,;:!?])", r"\1", text)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with the same key twice."""


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> Any:
    """Build a mapping, failing on a duplicate key."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)


def load(name: str) -> dict[str, Any]:
    """Load a shipped framework file with the safe loader."""
    with (FRAMEWORKS / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), f"{name} is not a mapping"
    return data


def guide_section(start: str, end: str) -> list[str]:
    """The lines of the AHEP guide from the heading line ``start`` up to the heading line ``end``.

    The contents page names the same headings (followed by a tab and a page number), so the
    headings are matched as whole lines.
    """
    assert AHEP_GUIDE.is_file(), f"the source document is missing: {AHEP_GUIDE} (see seeds/README.md)"
    lines = AHEP_GUIDE.read_text(encoding="utf-8").splitlines()
    first = lines.index(start)
    return lines[first + 1:lines.index(end, first)]


def guide_values() -> dict[str, str]:
    """The guide's values: title -> its description (the line after the title, which starts "We ")."""
    lines = [line.strip() for line in AHEP_GUIDE.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if "These are the values of AHEP" in line)
    end = lines.index("8 Professional Commitments", start)
    text = [line for line in lines[start + 1:end] if line]
    return {title: line for title, line in zip(text, text[1:]) if line.startswith("We ") and not title.startswith("We ")}


def guide_level_descriptors() -> list[list[str]]:
    """The guide's member-level descriptors: 4 blocks of 5 bullets, in level order (the names were lost)."""
    bullets = [normalise(line[2:]) for line in guide_section("Exploring the Member Levels", "Exploring the Framework") if line.startswith("- ")]
    return [bullets[i:i + 5] for i in range(0, len(bullets), 5)]


def parse_exemplar_tables() -> dict[str, list[list[str]]]:
    """Parse the guide's exemplar tables: commitment title -> columns (one list per level) of rows.

    A table starts after a heading such as
    ``1. Empowering Professional Development; encompassing Leadership`` (the number may be on
    a line of its own), then a header row of the four level names, then rows of four
    tab-separated statements.
    """
    tables: dict[str, list[list[str]]] = {}
    current: str | None = None
    for line in guide_section("Exploring the Framework", "Using the Framework: For your own personal and professional development"):
        heading = re.match(r"^(?:\d\.\s*)?(.+?); encompassing (.+)$", line.strip())
        if heading:
            current = normalise(heading.group(1))
            tables[current] = [[] for _ in LEVEL_IDS]
            continue
        cells = line.split("\t")
        if len(cells) != len(LEVEL_IDS):
            continue
        if [normalise(c) for c in cells] == LEVEL_TITLES:
            continue
        assert current is not None, f"table row before any heading: {line!r}"
        for column, cell in zip(tables[current], cells):
            column.append(normalise(cell))
    return tables


@pytest.fixture(scope="module")
def ahep() -> dict[str, Any]:
    """The AHEP framework file, loaded."""
    return load("ahep.yaml")


def test_reference_tables_are_complete() -> None:
    """The guide holds 8 exemplar tables of 3 rows x 4 levels, 4 values and 4 x 5 level descriptors."""
    tables = parse_exemplar_tables()
    assert len(tables) == 8
    for title, columns in tables.items():
        assert [len(c) for c in columns] == [3, 3, 3, 3], title
    assert list(guide_values()) == ["Credible", "Inclusive", "Personable", "Collaborative"]
    assert [len(block) for block in guide_level_descriptors()] == [5, 5, 5, 5]


def test_header(ahep: dict[str, Any]) -> None:
    """The file names its format, id, edition and source."""
    assert ahep["schema"] == "framewheel/framework@1"
    assert ahep["id"] == "ahep"
    assert ahep["title"] == "AHEP Professional Framework"
    assert ahep["version"] == "2024"
    assert ahep["area_name"] == "commitment"
    assert ahep["source"] == "Using the AHEP Professional Framework: A Practical Guide to Success"


def test_no_duplicate_keys() -> None:
    """No shipped file repeats a key in a mapping (safe_load would hide it)."""
    for path in sorted(FRAMEWORKS.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506


def test_values(ahep: dict[str, Any]) -> None:
    """The four AHEP values, each with the guide's description word for word."""
    assert [v["id"] for v in ahep["values"]] == [
        "credible", "inclusive", "personable", "collaborative"
    ]
    assert {v["title"]: normalise(v["description"]) for v in ahep["values"]} == {
        title: normalise(text) for title, text in guide_values().items()
    }


def test_levels(ahep: dict[str, Any]) -> None:
    """Associate, Member, Accredited Member, Fellow, in order, each with the guide's 5 descriptors in full."""
    levels = ahep["levels"]
    assert [lv["id"] for lv in levels] == LEVEL_IDS
    assert [lv["title"] for lv in levels] == LEVEL_TITLES
    for level, descriptors in zip(levels, guide_level_descriptors(), strict=True):
        assert [normalise(b) for b in level["summary"]] == descriptors, level["id"]


def test_areas_shape(ahep: dict[str, Any]) -> None:
    """8 commitments, coded 1-8, each with 3 exemplars at each of the 4 levels."""
    areas = ahep["areas"]
    assert len(areas) == 8
    assert [a["code"] for a in areas] == [str(n) for n in range(1, 9)]
    assert len({a["id"] for a in areas}) == 8
    for area in areas:
        assert set(area["exemplars"]) == set(LEVEL_IDS), area["id"]
        for level_id in LEVEL_IDS:
            assert len(area["exemplars"][level_id]) == 3, (area["id"], level_id)
    assert [a["encompasses"] for a in areas] == [
        "Leadership",
        "Equity, Diversity and Inclusion",
        "Communication",
        "Digital Capability",
        "Information Governance",
        "Embracing and Driving Change",
        "Stakeholder Perspectives",
        "Sharing Best Practice",
    ]


def test_every_exemplar_in_its_table_and_column(ahep: dict[str, Any]) -> None:
    """Each of the 96 statements is in its commitment's table, in its level's column."""
    tables = parse_exemplar_tables()
    seen: list[str] = []
    for area in ahep["areas"]:
        title = normalise(area["title"])
        assert title in tables, f"no reference table for {title!r}"
        columns = tables[title]
        for index, level_id in enumerate(LEVEL_IDS):
            for statement in area["exemplars"][level_id]:
                text = normalise(statement)
                assert text in columns[index], (
                    f"{area['id']}/{level_id}: not in the {LEVEL_TITLES[index]} column of "
                    f"{title!r}: {statement!r}"
                )
                seen.append(text)
            assert [normalise(s) for s in area["exemplars"][level_id]] == columns[index]
    assert len(seen) == 96
    assert len(set(seen)) == 96


def test_source_spellings_kept(ahep: dict[str, Any]) -> None:
    """The guide's own wording is kept word for word."""
    every = [s for a in ahep["areas"] for lv in LEVEL_IDS for s in a["exemplars"][lv]]
    joined = "\n".join(every)
    for phrase in ("longterm", "ecofriendly", "I practice energy efficiency"):
        assert phrase in joined


def test_commitment_descriptions(ahep: dict[str, Any]) -> None:
    """Descriptors come from the commitments page, without bold markers.

    Appendix 2 of the guide prints commitment 7's descriptor under commitment 5; the file
    must carry commitment 5's own descriptor.
    """
    areas = ahep["areas"]
    assert areas[4]["title"] == "Focusing on Results and Taking Accountability"
    assert areas[4]["description"].startswith("Consistently working towards agreed objectives")
    assert areas[6]["description"].startswith("Ensuring a high-quality, professional service")
    for area in areas:
        assert "**" not in area["description"], area["id"]
        assert area["encompasses"] in area["description"], area["id"]


def test_short_labels(ahep: dict[str, Any]) -> None:
    """Every wheel label fits in 18 characters, in every shipped file."""
    for path in sorted(FRAMEWORKS.glob("*.yaml")):
        data = load(path.name)
        for area in data["areas"]:
            if "short" in area:
                assert len(area["short"]) <= SHORT_MAX, (path.name, area["short"])


def test_scale_and_series(ahep: dict[str, Any]) -> None:
    """0 (not at all confident) to 10 (extremely confident), three shapes."""
    assert ahep["scale"] == {
        "min": 0,
        "max": 10,
        "labels": {0: "Not at all confident", 10: "Extremely confident"},
    }
    assert [s["id"] for s in ahep["series"]] == ["current", "aspiration", "organisation"]


def test_reflection_questions(ahep: dict[str, Any]) -> None:
    """The 8 questions for self-reflection after the wheel activity."""
    assert ahep["reflection"] == REFLECTION


def test_guidance(ahep: dict[str, Any]) -> None:
    """The three lists of hints and tips, as titled Markdown sections."""
    guidance = ahep["guidance"]
    assert len(guidance) == 3
    for section in guidance:
        assert section["title"] and section["body"].startswith("- ")
        assert "**" in section["body"]


def test_no_nine() -> None:
    """The framework has eight commitments: nothing in the file says "nine"."""
    text = (FRAMEWORKS / "ahep.yaml").read_text(encoding="utf-8")
    assert not re.search(r"\bnine\b", text, re.IGNORECASE)


def test_aspect_shape() -> None:
    """The Aspect core principles: 6 principles, no levels."""
    aspect = load("aspect.yaml")
    assert aspect["id"] == "aspect-core-principles"
    assert aspect["area_name"] == "principle"
    assert len(aspect["areas"]) == 6
    assert not aspect.get("levels")
    for area in aspect["areas"]:
        assert "exemplars" not in area


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ()-]{6,}\d")


def test_technician_commitment_has_no_contact_details() -> None:
    """The Technician Commitment file names no one's email address or phone number."""
    text = (FRAMEWORKS / "technician-commitment.yaml").read_text(encoding="utf-8")
    assert not EMAIL.search(text)
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        assert len(digits) < 10, f"looks like a phone number: {match.group()!r}"
    data = load("technician-commitment.yaml")
    assert data["area_name"] == "theme"
    assert [a["title"] for a in data["areas"]] == [
        "Visibility", "Recognition", "Career Development", "Sustainability"
    ]
    assert not data.get("levels")
