"""The 1:1 report shows the levels derived by the level finder, with the reasons and next steps."""

from __future__ import annotations

from tui.context import AppContext
from tui.transfer import report_for


def test_report_has_derived_levels(context: AppContext) -> None:
    """Marks at Associate and Member in one area give Member there; the next steps name Accredited Member's exemplars."""
    fw = context.framework
    wheel = context.assessments.create(fw, "Before my 1:1")
    context.assessments.set_rating(wheel.id, fw, "working-together", "current", 6)
    record = context.finder.create(fw, "Finding my level")
    for level in ("associate", "member"):
        for index in range(3):
            context.finder.set_mark(record.id, fw, "working-together", level, index, "consistently")
    context.finder.set_mark(record.id, fw, "working-together", "accredited-member", 0, "consistently")
    text = report_for(context, context.assessments.get(wheel.id))
    assert "## Levels from the level finder" in text
    assert "**Best fit:** Member: 1 of 1 marked areas at Member or above" in text
    assert "| 3. Working Together | Member |" in text
    assert "- 3. Working Together, Accredited Member: I work across organisational boundaries" in text
    assert "I enable the development of autonomy" not in text  # already consistent: not a next step


def test_report_without_finder_record_has_no_levels_section(context: AppContext) -> None:
    """No finder record: no levels section (nothing invented)."""
    wheel = context.assessments.create(context.framework, "t")
    assert "Levels from the level finder" not in report_for(context, wheel)


def test_finder_records_round_trip_through_export(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Export all, import into an empty database: the finder record, its marks and notes come back."""
    import json

    from tui.cli.main import main

    source, target, out = tmp_path / "a" / "db.json", tmp_path / "b" / "db.json", tmp_path / "all.json"
    context = AppContext.open(source, user_dir=tmp_path / "none")
    record = context.finder.create(context.framework, "Finding my level")
    context.finder.set_mark(record.id, context.framework, "working-together", "member", 1, "sometimes")
    context.finder.set_note(record.id, context.framework, "working-together", "member", 1, "Led the handover — ✓")
    context.close()
    assert main(["export", "--db", str(source), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["level_finder"][0]["marks"] == {"working-together": {"member/1": "sometimes"}}
    assert main(["import", "--db", str(target), str(out)]) == 0
    again = AppContext.open(target, user_dir=tmp_path / "none")
    copy = again.finder.latest("ahep")
    assert copy.mark("working-together", "member", 1) == "sometimes"
    assert copy.note("working-together", "member", 1) == "Led the handover — ✓"
    again.close()
    document = json.loads(out.read_text(encoding="utf-8"))
    document["level_finder"][0]["marks"]["working-together"]["fellow/7"] = "sometimes"
    out.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(tmp_path / "c" / "db.json"), str(out)]) == 1
    assert "level_finder[0].marks.working-together.fellow/7: is not an exemplar of this area" in capsys.readouterr().err
