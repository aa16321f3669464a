"""Every framework the format allows, by keys as a person would: the wheel, summary, report, export and compare
on 16 areas x 2 series (1-5), 3 areas x 4 series (0-20) and Aspect, at 80x24 and 200x60."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static

from screens.wheel.compare import CompareScreen
from screens.wheel.rating import RatingScreen
from screens.wheel.summary import SummaryScreen
from tests.conftest import rich_text, screen_text
from tui.app import FramewheelApp
from tui.cli.main import main
from tui.context import AppContext
from tui.core.wheels import Assessment

DATA = Path(__file__).resolve().parents[1] / "data"
"""The project's own test frameworks."""

SIZES = [(80, 24), (200, 60)]
"""The smallest supported terminal and a large one."""

FOUR = {"chemical-handling": [12, 18, 15, 11], "equipment": [15, 15, 20, 8], "emergencies": [0, 20, 10, 5]}
"""A whole four-series wheel (now, goal, manager, peers) on the 0-20 scale."""


@pytest.fixture(autouse=True)
def patient_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two typed digits make one number however slowly a loaded test machine delivers them.

    The slider joins a second digit typed within 0.8 s; a busy CI worker can take longer
    between two pilot key presses, which made "1", "0" read as 1 then 0.
    """
    from tui.widgets import rating_slider

    monkeypatch.setattr(rating_slider, "DIGIT_PAUSE", 30.0)


def context_with(tmp_path: Path, name: str | None, framework: str) -> AppContext:
    """A context on a fresh database; the test framework ``name`` is put in the user's framework folder first."""
    if name:
        folder = tmp_path / "config" / "framewheel" / "frameworks"  # XDG_CONFIG_HOME is tmp_path/config (conftest)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / f"{name}.yaml", folder / f"{name}.yaml")
    return AppContext.open(tmp_path / "db.json", framework=framework)


def keys_for(rows: list[list[int]]) -> list[str]:
    """Digit(s) then tab for every slider, row by row (no tab after the last)."""
    keys: list[str] = []
    for row in rows:
        for value in row:
            keys.extend([*str(value), "tab"])
    return keys[:-1]


def slider_rows(text: str, letters: str) -> dict[str, list[tuple[str, str]]]:
    """Each slider row on screen, by the start of its area name: (letter, value shown) per slider."""
    pattern = re.compile(rf"([{letters}]) [━─●·]+ +(\d+|·)")
    rows: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        found = pattern.findall(line)
        if len(found) >= 2:
            rows[line.strip("│ ").split("  ")[0]] = found
    return rows


def summary_of(app: FramewheelApp) -> str:
    """The summary screen's text."""
    return rich_text(app.screen.query_one("#summary-text", Static).content)


@pytest.mark.parametrize("size", SIZES)
async def test_four_series_wheel_by_keys(tmp_path: Path, size: tuple[int, int], capsys: pytest.CaptureFixture[str]) -> None:
    """Four sliders per row fit with their values; headings and letters come from the file; summary and report name them."""
    context = context_with(tmp_path, "four-series", "four-series")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        await pilot.press(*keys_for(list(FOUR.values())))
        await pilot.pause()
        text = screen_text(app)
        assert "12/12 rated" in text
        assert re.search(r"H How I do .*M My goal.*W What my.*P How my", text)
        assert "N now" not in text and "would like" not in text
        rows = slider_rows(text, "HMWP")
        assert rows["Chemical handling"] == [("H", "12"), ("M", "18"), ("W", "15"), ("P", "11")]
        assert rows["Equipment"] == [("H", "15"), ("M", "15"), ("W", "20"), ("P", "8")]
        assert rows["Emergencies"] == [("H", "0"), ("M", "20"), ("W", "10"), ("P", "5")]
        title_row = next(line for line in text.splitlines() if "rated" in line)
        assert "0 Never done it … 20 Could teach it" in title_row  # the focused 5 has no label: the ends
        await pilot.press("shift+tab")  # back to the manager's 10, which has a label
        await pilot.pause()
        assert "10 · Confident" in next(line for line in screen_text(app).splitlines() if "rated" in line)
        assert app.screen.flush_saves()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = summary_of(app)
    stored = context.assessments.list()[0]
    assert stored.ratings["equipment"] == {"now": 15, "goal": 15, "manager": 20, "peers": 8}
    assert "Top strengths (rated above the midpoint)\n" in summary
    assert "The 3 highest in “How I do it now” above 10, the middle of the 0-20 scale" in summary
    assert "   1. Equipment: 15\n   2. Chemical handling: 12\n\n" in summary
    assert "Gaps from How I do it now to My goal this year\n" in summary
    assert "   1. Emergencies: +20 (H 0, M 20)\n   2. Chemical handling: +6 (H 12, M 18)\n" in summary
    assert "   1. Emergencies: +10 (H 0, W 10)\n   2. Equipment: +5 (H 15, W 20)\n" in summary
    assert "Gaps from How I do it now to How my peers see me\n" in summary
    for absent in ("Organisation needs", "Development needs", "Wish above", "would like"):
        assert absent not in summary
    context.close()
    db = str(tmp_path / "db.json")
    assert main(["report", "--db", db, "--latest"]) == 0
    report = capsys.readouterr().out
    assert "Scale: 0 Never done it … 20 Could teach it (also 10 Confident)" in report
    assert "**Gaps from How I do it now to What my manager expects** (largest gap first):" in report
    assert "- Emergencies: 0 → 10 (gap 10)" in report and "Organisation needs" not in report
    assert "P = How my peers see me" in report and "4 = " not in report


async def test_sixteen_areas_at_80x24_scroll_and_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """32 sliders typed at 80x24 (the rows scroll); the hint names the label of the focused value; exports name the series."""
    context = context_with(tmp_path, "sixteen-areas", "sixteen-areas")
    areas = context.framework.areas
    values = [[1 + i % 5, 1 + (i + 2) % 5] for i in range(len(areas))]
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("3", "shift+tab")  # on 1-5 the 3 moves on at once: back to it
        await pilot.pause()
        text = screen_text(app)
        assert "3 · Practitioner" in text
        assert "W Where I am today" in text and "M What my team needs" in text
        # a long title with no `short` is shown by its derived label (whole words, at most 18 cells)
        assert "Reproducible " in text and "Community building " in text and "Teaching, training " in text
        await pilot.press("left", "left", *keys_for(values)[1:])  # down to 1, the first value, then on
        await pilot.pause()
        text = screen_text(app)
        assert "32/32 rated" in text
        assert "3 · Practitioner" in text  # the last slider typed is 3
        assert app.screen.flush_saves()
        await pilot.press("s")
        await pilot.pause()
        summary = summary_of(app)
    # strengths: rated 4 or 5 now (above 3), top three by value in framework order
    top = [a.title for a, v in zip(areas, values) if v[0] == 5][:3]
    assert summary.split("Top strengths (rated above the midpoint)\n")[1].split("\n\n")[0].splitlines()[1:] == [
        f"   {n}. {title}: 5" for n, title in enumerate(top, start=1)]
    assert "Gaps from Where I am today to What my team needs\n" in summary
    assert "Organisation needs" not in summary and "Wish above" not in summary
    context.close()
    db = str(tmp_path / "db.json")
    assert main(["export", "--db", db, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 1 + 16 * 2
    assert rows[1].endswith(",reproducible-research-practice,today,1,,W,Where I am today")
    assert rows[2].endswith(",reproducible-research-practice,needed,3,,M,What my team needs")
    assert main(["export", "--db", db, "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    wheels = exported.get("assessments", [exported]) if isinstance(exported, dict) else exported
    assert wheels[0]["ratings"]["testing"] == {"today": 3, "needed": 5}


@pytest.mark.parametrize("size", SIZES)
async def test_compare_picks_series_by_letter_and_title(tmp_path: Path, size: tuple[int, int]) -> None:
    """Two four-series wheels: the series picker offers H M W P with their titles; the table shows the change."""
    context = context_with(tmp_path, "four-series", "four-series")
    fw = context.framework
    stamp = "2026-03-02T09:30:00+00:00"
    first = context.assessments.add(Assessment(0, fw.id, fw.version, "Before", stamp, stamp,
                                               ratings={"equipment": {"now": 4, "manager": 9}}))
    second = context.assessments.add(Assessment(0, fw.id, fw.version, "After", stamp, stamp,
                                                ratings={"equipment": {"now": 11, "manager": 20}}))
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await app.push_screen(CompareScreen(fw.id, first.id, second.id))
        await pilot.pause()
        picker = app.screen.query_one("#pick-series", Select)
        offered = [str(option[0]) for option in picker._options if option[1] is not Select.BLANK]
        if size[0] < 120:  # shortened with … at 80 columns, whole where there is room
            assert offered == ["H How I do it now", "M My goal this ye…", "W What my manager…", "P How my peers se…"]
        else:
            assert offered[0] == "H How I do it now" and offered[1].startswith("M My goal this year")
            assert not any(text.endswith("…") for text in offered)
        picker.value = "manager"
        await pilot.pause()
        table = app.screen.query_one("#change-table", DataTable)
        assert [str(c) for c in table.get_row_at(1)] == ["Equipment", "9", "20", "+11"]
    context.close()


async def test_aspect_keeps_the_guides_words(tmp_path: Path) -> None:
    """Aspect (the default three series, no levels): N W O, development and organisation needs, the wish part."""
    context = context_with(tmp_path, None, "aspect-core-principles")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*keys_for([[9, 9, 6], [2, 8, 7], [6, 3, 9]]))
        await pilot.pause()
        text = screen_text(app)
        assert "N How confident" in text and "W Where I would" in text and "O Where my organ" in text
        assert app.screen.flush_saves()
        await pilot.press("s")
        await pilot.pause()
        summary = summary_of(app)
    areas = context.framework.areas
    assert f"   1. {areas[0].title} (1): 9\n   2. {areas[2].title} (3): 6\n\n" in summary
    assert "Development needs\nLargest gap first: “Where I would like to be” above now.\n" in summary
    assert f"   1. {areas[1].title} (2): +6 (now 2, would like 8)" in summary
    assert "Organisation needs\n" in summary and "Wish above the organisation's need\n" in summary
    assert f"   1. {areas[0].title} (1): +3 (needs 6, would like 9)" in summary
    context.close()


@pytest.mark.parametrize("size", SIZES)
async def test_five_series_on_21_points_fit(tmp_path: Path, size: tuple[int, int]) -> None:
    """Five sliders in a row on a 0-20 scale: every letter and value is on screen, also at 80 columns."""
    text = (DATA / "four-series.yaml").read_text().replace("id: four-series", "id: five-series") + (
        '  - {id: mentor, title: What my mentor says, letter: "5"}\n')
    path = tmp_path / "five-series.yaml"
    path.write_text(text)
    context = AppContext.open(tmp_path / "db.json", user_dir=tmp_path / "user", framework=str(path))
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*keys_for([[20, 10, 0, 7, 19]]))
        await pilot.pause()
        rows = slider_rows(screen_text(app), "HMWP5")
    assert rows["Chemical handling"] == [("H", "20"), ("M", "10"), ("W", "0"), ("P", "7"), ("5", "19")]
    assert rows["Equipment"] == [("H", "·"), ("M", "·"), ("W", "·"), ("P", "·"), ("5", "·")]
    context.close()
