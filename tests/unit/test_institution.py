"""The institution's view: coverage counts against a hand-made catalogue, the filters, the CSV forms and the store.

The framework is tiny (four behaviours, three levels) so every count can be worked out by hand.
The catalogue, written out once:

- Induction (2027-01-10, HR): One at First, Two at First (one activity serving two areas)
- Coaching (2027-02-10, Network): Two at Second, Three at Second
- Forum (ongoing, Network): One at no particular level
- Strategy (2027-05-01, HR): Three at Third (the Third level covered only once)

Four is served by nothing (an uncovered area). By hand: One 2 activities (First 1, any 1),
Two 2 (First 1, Second 1), Three 2 (Second 1, Third 1), Four none; First in 2 areas, Second
in 2, Third in 1: "3 of 4 behaviours covered; Third level covered in 1 (4 activities)".
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tui.context import AppContext
from tui.core.exchange.institution import (CsvImportError, catalogue_from_csv, catalogue_to_csv, values_from_csv,
                                           values_to_csv)
from tui.core.frameworks import parse_framework
from tui.core.institution import (UNCOVERED, CoverageFilter, DevelopmentActivity, InstitutionError, activities_for,
                                  coverage, demo_catalogue, demo_values)
from tui.core.model import Framework
from tui.core.reports.coverage import coverage_csv, coverage_json, coverage_markdown
from tui.transfer import export_all, import_files

TINY = textwrap.dedent(
    """\
    schema: framewheel/framework@1
    id: tiny
    title: Tiny framework
    version: "1"
    area_name: behaviour
    values:
      - {id: bold, title: Bold}
      - {id: kind, title: Kind}
    levels:
      - {id: first, title: First}
      - {id: second, title: Second}
      - {id: third, title: Third}
    areas:
      - {id: one, code: "1", title: One}
      - {id: two, code: "2", title: Two}
      - {id: three, code: "3", title: Three}
      - {id: four, code: "4", title: Four}
    """
)


@pytest.fixture
def tiny() -> Framework:
    """The four-behaviour framework of these tests."""
    return parse_framework(TINY, "tiny.yaml")


def catalogue() -> list[DevelopmentActivity]:
    """The hand-made catalogue of the module's docstring."""
    return [
        DevelopmentActivity(1, "tiny", "Induction", (("one", "first"), ("two", "first")), "2027-01-10", "HR"),
        DevelopmentActivity(2, "tiny", "Coaching", (("two", "second"), ("three", "second")), "2027-02-10", "Network"),
        DevelopmentActivity(3, "tiny", "Forum", (("one", ""),), "", "Network"),
        DevelopmentActivity(4, "tiny", "Strategy", (("three", "third"),), "2027-05-01", "HR"),
    ]


def test_counts_per_area_and_level_against_the_hand_made_catalogue(tiny: Framework) -> None:
    """Each cell counts the activities serving that area at that level; Four is uncovered; Third covered once."""
    found = coverage(tiny, catalogue())
    rows = {row.area_id: (row.by_level, row.activities) for row in found.areas}
    assert rows["one"] == ({"first": 1, "second": 0, "third": 0, "": 1}, 2)
    assert rows["two"] == ({"first": 1, "second": 1, "third": 0, "": 0}, 2)
    assert rows["three"] == ({"first": 0, "second": 1, "third": 1, "": 0}, 2)
    assert rows["four"] == ({"first": 0, "second": 0, "third": 0, "": 0}, 0)
    assert [a.area_id for a in found.uncovered_areas] == ["four"]
    assert [(lv.level_id, lv.areas, lv.activities) for lv in found.levels] == [
        ("first", 2, 1), ("second", 2, 1), ("third", 1, 1)]
    assert found.headline() == "3 of 4 behaviours covered; Third level covered in 1 (4 activities)"


def test_filters_by_provider_and_by_date(tiny: Framework) -> None:
    """A provider keeps its own activities; a date range keeps the dated ones in it and every ongoing one."""
    by_hr = coverage(tiny, catalogue(), CoverageFilter.checked(provider="hr"))
    assert [a.title for a in by_hr.activities] == ["Induction", "Strategy"]
    assert by_hr.headline() == "3 of 4 behaviours covered; Second level not covered (2 activities of 4, filtered)"
    from_february = coverage(tiny, catalogue(), CoverageFilter.checked("2027-02-01", "2027-04-30"))
    assert [a.title for a in from_february.activities] == ["Coaching", "Forum"]
    assert from_february.headline() == ("3 of 4 behaviours covered; First and Third levels not covered "
                                        "(2 activities of 4, filtered)")
    with pytest.raises(InstitutionError, match="^to: 2027-01-01 is before the start of the range"):
        CoverageFilter.checked("2027-02-01", "2027-01-01")
    with pytest.raises(InstitutionError, match="^from: '1 May' is not a date"):
        CoverageFilter.checked("1 May")


def test_markdown_marks_the_uncovered_area_and_level_with_a_symbol_and_a_letter(tiny: Framework) -> None:
    """The table a lead pastes: counts, "× U" on the uncovered, the gaps listed, areas x activities marks."""
    text = coverage_markdown(coverage(tiny, catalogue(), CoverageFilter.checked(provider="HR")))
    lines = text.splitlines()
    assert "**3 of 4 behaviours covered; Second level not covered (2 activities of 4, filtered)**" in lines
    assert "| Behaviour | First | Second | Third | All |" in lines
    assert "| 1. One | 1 | – | – | 1 |" in lines
    assert f"| 4. Four | – | – | – | {UNCOVERED} |" in lines
    assert f"| **Behaviours covered** | 2 of 4 | {UNCOVERED} | 1 of 4 |   |" in lines
    assert f"- {UNCOVERED} 4. Four" in lines and f"- {UNCOVERED} Second level" in lines
    assert "| Induction | 2027-01-10 | F | F |   |   |" in lines
    assert "| Strategy | 2027-05-01 |   |   | T |   |" in lines


def test_csv_and_json_forms(tiny: Framework) -> None:
    """CSV: one row per area and level column (and "any level"); JSON: counts, uncovered, headline."""
    found = coverage(tiny, catalogue())
    rows = coverage_csv(found).splitlines()
    assert rows[0] == "area,area_title,level,level_title,activities,area_covered"
    assert "one,One,,Any level,1,yes" in rows and "four,Four,third,Third,0,no" in rows
    document = coverage_json(found)
    assert document["format"] == "framewheel/coverage@1"
    assert document["uncovered"] == {"areas": ["four"], "levels": []}
    assert document["areas"][0] == {"id": "one", "title": "One", "activities": 2, "covered": True,
                                    "levels": {"first": 1, "second": 0, "third": 0}, "any_level": 1}


def test_a_framework_without_levels_counts_areas_only(context: AppContext) -> None:
    """Aspect has no levels: one count per principle, the headline names no level."""
    aspect = context.catalog.frameworks["aspect-core-principles"]
    activity = DevelopmentActivity(1, aspect.id, "Reading group", (("integrity", ""), ("social-justice", "")))
    found = coverage(aspect, [activity])
    assert found.headline() == "2 of 6 principles covered (1 activity)"
    assert "| Principle | Activities |" in coverage_markdown(found).splitlines()


def test_activities_for_a_gap_put_the_exact_level_first(tiny: Framework) -> None:
    """An area's activities at the asked level first, then those at any level; other levels left out."""
    assert [a.title for a in activities_for(catalogue(), "one", "first")] == ["Induction", "Forum"]
    assert [a.title for a in activities_for(catalogue(), "one", "second")] == ["Forum"]
    assert [a.title for a in activities_for(catalogue(), "three")] == ["Coaching", "Strategy"]
    assert activities_for(catalogue(), "four") == []


CATALOGUE_CSV = textwrap.dedent(
    """\
    activity,area,level,date,provider,link
    Induction,one,first,2027-01-10,HR,https://example.org/induction
    Induction,2,First,2027-01-10,HR,https://example.org/induction
    Forum,One,,,Network,
    """
)


def test_catalogue_csv_rows_of_one_activity_make_one_activity(tiny: Framework) -> None:
    """Rows with the same activity, date, provider and link are one activity; areas by id, code or title."""
    found = catalogue_from_csv(CATALOGUE_CSV, tiny)
    assert [(a.title, a.serves, a.date, a.provider, a.link) for a in found] == [
        ("Induction", (("one", "first"), ("two", "first")), "2027-01-10", "HR", "https://example.org/induction"),
        ("Forum", (("one", ""),), "", "Network", "")]


def test_catalogue_csv_round_trips(tiny: Framework) -> None:
    """Written to CSV and read back, the catalogue is the same (a formula-like title included)."""
    activities = catalogue() + [DevelopmentActivity(5, "tiny", "=SUM(A1)", (("four", "third"),), "", "@ops")]
    back = catalogue_from_csv(catalogue_to_csv(activities), tiny)
    key = lambda a: (a.title, a.serves, a.date, a.provider, a.link)  # noqa: E731
    assert sorted(map(key, back)) == sorted(map(key, activities))
    assert "'=SUM(A1)" in catalogue_to_csv(activities)


def test_catalogue_csv_refusals_name_line_and_column(tiny: Framework) -> None:
    """Every problem of the file at once, each with its line and column."""
    text = ("activity,area,level,date,provider,link\n"
            "Induction,one,first,2027-01-10,HR,\n"
            "Coaching,five,second,2027-02-30,HR,\n"
            ",one,fourth,,,two words\n")
    with pytest.raises(CsvImportError) as refused:
        catalogue_from_csv(text, tiny)
    assert [str(p) for p in refused.value.problems] == [
        "line 3, column area: 'five' is not a behaviour of tiny (id, code or title)",
        "line 3, column date: '2027-02-30' is not a date (YYYY-MM-DD, e.g. 2026-03-14)",
        "line 4, column activity: is empty; every row names the activity",
        "line 4, column level: 'fourth' is not a level of tiny (first, second, third)",
        "line 4, column link: has spaces in it; a link is one address"]
    with pytest.raises(CsvImportError, match="missing column.s. link"):
        catalogue_from_csv("activity,area,level,date,provider\nA,one,,,\n", tiny)
    with pytest.raises(CsvImportError, match="line 2: has 2 values; expected 6"):
        catalogue_from_csv("activity,area,level,date,provider,link\nA,one\n", tiny)


def test_value_mapping_csv_round_trips_and_refuses_unknown_names(tiny: Framework) -> None:
    """Each value's areas and framework values from its rows; unknown ones refused with line and column."""
    text = "value,area,framework_value,description\nCourage,one,,Speaking up\nCourage,,Bold,\nCare,four,kind,\n"
    values = values_from_csv(text, tiny)
    assert [(v.title, v.areas, v.framework_values, v.description) for v in values] == [
        ("Courage", ("one",), ("bold",), "Speaking up"), ("Care", ("four",), ("kind",), "")]
    back = values_from_csv(values_to_csv(values), tiny)
    assert [(v.title, v.areas, v.framework_values, v.description) for v in back] == [
        (v.title, v.areas, v.framework_values, v.description) for v in values]
    with pytest.raises(CsvImportError) as refused:
        values_from_csv("value,area,framework_value\nCourage,nine,brave\nCare,,\n", tiny)
    assert [str(p) for p in refused.value.problems] == [
        "line 2, column area: 'nine' is not a behaviour of tiny (id, code or title)",
        "line 2, column framework_value: 'brave' is not a value of tiny (bold, kind)",
        "line 3, column area: is empty, and so is framework_value; map the value to a behaviour or a framework value"]


def test_stored_activities_and_values_are_in_the_data_file_and_the_bundle(context: AppContext, db_path: Path,
                                                                           tmp_path: Path) -> None:
    """Made through the repositories, read from the file on disk; exported, then imported into a new file once."""
    ahep = context.framework
    made = context.catalogue.create(ahep, "  Coaching  skills ", [("working-together", "member")], "2027-02-17",
                                    "People Development", "https://example.org/coaching")
    context.institution_values.create(ahep, "Integrity", ["responsible-practice"], ["credible"], "Honest and open")
    on_disk = json.loads(db_path.read_text(encoding="utf-8"))
    assert on_disk["catalogue"][str(made.id)]["title"] == "Coaching skills"
    assert on_disk["catalogue"][str(made.id)]["serves"] == [{"area": "working-together", "level": "member"}]
    assert on_disk["institution_values"]["1"]["framework_values"] == ["credible"]
    with pytest.raises(InstitutionError, match="'senior' is not a level of ahep"):
        context.catalogue.create(ahep, "Bad", [("working-together", "senior")])
    with pytest.raises(InstitutionError, match="is not a date"):
        context.catalogue.create(ahep, "Bad", [("working-together", "")], "tomorrow")
    with pytest.raises(InstitutionError, match="already mapped"):
        context.institution_values.create(ahep, "integrity", ["wider-context"])
    bundle = tmp_path / "all.json"
    bundle.write_text(json.dumps(export_all(context)), encoding="utf-8")
    other = AppContext.open(tmp_path / "other.json", user_dir=tmp_path / "none")
    try:
        first, again = import_files(other, [str(bundle)]), import_files(other, [str(bundle)])
        assert first[0].counts == {"catalogue": 1, "institution_values": 1}
        assert again[0].counts == {} and len(again[0].duplicates) == 2
        copied = other.catalogue.activities("ahep")[0]
        assert (copied.title, copied.serves, copied.date, copied.link) == (
            "Coaching skills", (("working-together", "member"),), "2027-02-17", "https://example.org/coaching")
        assert other.institution_values.values("ahep")[0].areas == ("responsible-practice",)
    finally:
        other.close()


def test_an_activity_naming_an_unknown_framework_or_area_in_a_bundle_is_refused(context: AppContext,
                                                                               tmp_path: Path) -> None:
    """The bundle's catalogue checked whole: field by field, nothing stored."""
    bundle = tmp_path / "bad.json"
    bundle.write_text(json.dumps({"format": "framewheel/export@1", "catalogue": [
        {"format": "framewheel/development-activity@1", "framework": {"id": "nope"}, "name": "A",
         "serves": [{"area": "one", "level": ""}]},
        {"format": "framewheel/development-activity@1", "framework": {"id": "ahep"}, "name": "B",
         "serves": [{"area": "working-together", "level": "senior"}], "date": "soon"}]}), encoding="utf-8")
    outcome = import_files(context, [str(bundle)])[0]
    assert outcome.problems == [
        f'{bundle}: catalogue[0].framework.id: "nope" is not a loaded framework',
        f"{bundle}: catalogue[1].serves[0].level: 'senior' is not a level of ahep "
        "(associate, member, accredited-member, fellow)",
        f"{bundle}: catalogue[1].date: 'soon' is not a date (YYYY-MM-DD, e.g. 2026-03-14)"]
    assert context.catalogue.count() == 0


def test_a_catalogue_csv_given_to_import_is_known_by_its_header(context: AppContext, tmp_path: Path) -> None:
    """``import`` reads a catalogue CSV over the chosen framework; a bad one stores nothing and names line and column."""
    good = tmp_path / "catalogue.csv"
    good.write_text("activity,area,level,date,provider,link\nCoaching,3,Member,2027-02-17,HR,\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("link,provider,date,level,area,activity\n,,,,nowhere,Coaching\n", encoding="utf-8")
    outcomes = import_files(context, [str(good), str(bad)])
    assert outcomes[0].counts == {"catalogue": 1}
    assert outcomes[1].problems == [f"{bad}: line 2, column area: 'nowhere' is not a commitment of ahep "
                                    "(id, code or title)"]
    assert [a.serves for a in context.catalogue.activities("ahep")] == [(("working-together", "member"),)]


def test_the_demo_catalogue_has_a_dozen_labelled_examples_and_a_gap(context: AppContext) -> None:
    """Twelve example activities over AHEP, four example values; one commitment left uncovered to show a gap."""
    ahep = context.framework
    activities, values = demo_catalogue(ahep), demo_values(ahep)
    assert len(activities) == 12 and all(a.example and a.title.startswith("Example: ") for a in activities)
    assert len(values) == 4 and all(v.example for v in values)
    assert coverage(ahep, activities).headline() == "7 of 8 commitments covered; Fellow level covered in 2 (12 activities)"
