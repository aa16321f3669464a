"""Every stored record's shape is checked field by field (issue 14, item 3)."""

from __future__ import annotations

from typing import Any

import pytest

from tui.core.record_shapes import record_name, record_problem
from tui.storage.datafile import damaged_records, without_records


@pytest.mark.parametrize(("table", "record", "expected"), [
    ("assessments", {"ratings": "x"}, "field 'ratings': expected an object, found text \"x\""),
    ("assessments", {"ratings": {"a": {"current": "7"}}}, "field 'ratings.a.current': expected a whole number or null, found text \"7\""),
    ("assessments", {"ratings": {"a": {"current": True}}}, "field 'ratings.a.current': expected a whole number or null, found true or false"),
    ("assessments", {"notes": ["n"]}, "field 'notes': expected an object, found a list"),
    ("finder", {"marks": {"a": "consistently"}}, "field 'marks.a': expected an object, found text \"consistently\""),
    ("rankings", {"groups": [["a"], "b"]}, "field 'groups[2]': expected a list, found text \"b\""),
    ("objectives", {"position": "1"}, "field 'position': expected a whole number, found text \"1\""),
    ("action_plans", {"sections": [{"title": "S", "items": [{"milestone": 3}]}]},
     "field 'sections[1].items[1].milestone': expected text, found a whole number"),
    ("action_plans", {"sections": {"title": "S"}}, "field 'sections': expected a list, found an object"),
    ("team_profiles", {"names": "Ann"}, "field 'names': expected a list, found text \"Ann\""),
    ("team_profiles", {"files": {"total": 1.5}}, "field 'files.total': expected a whole number, found a number"),
    ("workshops", {"steps": [{"kind": 1}]}, "field 'steps[1].kind': expected text, found a whole number"),
    ("catalogue", {"serves": [{"area": "a", "level": None}]}, "field 'serves[1].level': expected text, found null"),
    ("institution_values", {"areas": "a"}, "field 'areas': expected a list, found text \"a\""),
])
def test_a_wrong_field_is_named_with_what_was_expected(table: str, record: dict[str, Any], expected: str) -> None:
    """The message names the field (with its path) and both kinds."""
    assert record_problem(table, record) == expected


@pytest.mark.parametrize(("table", "record"), [
    ("assessments", {}),
    ("assessments", {"ratings": {"a": {"current": 3, "aspiration": None}}, "label": "x", "unknown": [1]}),
    ("team_profiles", {"names": None, "ratings": [{"a": {"current": 1}}], "rankings": [[["a", "b"], ["c"]]]}),
    ("action_plans", {"sections": [{"title": "S", "items": [{"milestone": "m", "comment": None, "focus": [2026]}]}]}),
    ("workshops", {"team_profile_id": None, "steps": [{"kind": "team-wheel"}]}),
    ("catalogue", {"title": "t", "serves": [{"area": "a", "level": ""}], "date": "", "example": True}),
    ("_settings", {"key": "anything", "value": {"at": "all"}}),
])
def test_records_of_the_right_shape_pass(table: str, record: dict[str, Any]) -> None:
    """Missing fields, unknown fields, nulls where allowed and unshaped tables are all accepted."""
    assert record_problem(table, record) is None


def test_a_control_character_in_a_key_is_shown_visibly() -> None:
    """A key with ESC in it is named without the raw character."""
    problem = record_problem("assessments", {"ratings": {"\x1b]2;x\x07": "bad"}})
    assert problem is not None and "\x1b" not in problem and "\x07" not in problem


def test_damaged_records_are_found_and_only_they_taken_out() -> None:
    """Every table is checked; what is taken out is exactly the damaged records."""
    data = {"_meta": {"1": {"schema_version": 1}}, "assessments": {"1": {}, "2": {"ratings": 3}},
            "rankings": {"4": {"groups": "x"}}, "_settings": {"1": {"key": "k", "value": 1}}}
    found = damaged_records(data)
    assert [(t, k) for t, k, _ in found] == [("assessments", "2"), ("rankings", "4")]
    assert found[0][2].startswith("wheel 2: field 'ratings'")
    rest = without_records(data, found)
    assert rest == {"_meta": data["_meta"], "assessments": {"1": {}}, "rankings": {}, "_settings": data["_settings"]}


def test_records_are_named_as_people_call_them() -> None:
    """Known tables have nouns; others are named by table."""
    assert record_name("objectives", "3") == "plan objective 3"
    assert record_name("roles_of_tomorrow", "1") == "record 1 of table 'roles_of_tomorrow'"


@pytest.mark.parametrize("table", [
    {"1": {"a": 1}, "x": {"a": 2}},          # a key that is not a record id
    {"1": {"a": 1}, "١": {"a": 2}},          # Arabic-Indic digit one: a digit, but not ASCII
    {"1": {"a": 1}, "": {"a": 2}},           # no key at all
    {"1": {"a": 1}, "2": [1, 2]},            # a record that is not an object
    {"1": "text"},
])
def test_a_table_that_is_not_an_object_of_records_makes_the_file_unreadable(table: dict[str, Any]) -> None:
    """Parsing refuses a table whose keys are not ASCII ids or whose records are not objects, naming the table."""
    import json as json_module

    from tui.storage.datafile import _decode, _Unreadable

    raw = json_module.dumps({"_meta": {"1": {"schema_version": 1}}, "things": table}).encode()
    with pytest.raises(_Unreadable, match="its table 'things' is not an object of records"):
        _decode(raw)
    assert _decode(json_module.dumps({"things": {"1": {"a": 1}, "20": {}}}).encode()) == {"things": {"1": {"a": 1}, "20": {}}}
