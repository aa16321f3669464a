"""The wheel charts as text, without Textual: markers, letters, labels, not rated, NO_COLOR and the palette."""

from __future__ import annotations

import pytest

from tui.core import charts
from tui.core.wheels import Assessment
from tui.core.frameworks import load_catalog
from tui.core.model import Framework


@pytest.fixture(scope="module")
def ahep() -> Framework:
    """The shipped AHEP framework."""
    return load_catalog().frameworks["ahep"]


def wheel(framework: Framework, ratings: dict[str, dict[str, int]]) -> Assessment:
    """A wheel with these ratings."""
    return Assessment(1, framework.id, framework.version, "Test", "2026-01-01", "2026-01-01", ratings=ratings)


def full_wheel(framework: Framework) -> Assessment:
    """Every area rated in every series."""
    return wheel(framework, {a.id: {"current": 3 + i % 4, "aspiration": 8, "organisation": 6} for i, a in enumerate(framework.areas)})


def test_radar_has_every_label_letter_marker_and_legend(ahep: Framework) -> None:
    """Each area's label, each series' letter at every vertex and its line marker, and the legend are drawn."""
    ratings = {a.id: {"current": 2 + i % 4, "aspiration": 10, "organisation": 7} for i, a in enumerate(ahep.areas)}
    text = charts.radar(charts.wheel_data(ahep, wheel(ahep, ratings)), 120, 40, colour=False)
    labels = [f"{area.code} {area.label}" for area in ahep.areas]
    for label in labels:
        assert label in text
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("N • "))
    body, legend = "\n".join(lines[:start]), "\n".join(lines[start:])
    for label in labels:
        body = body.replace(label, "")
    for letter, marker in (("N", "•"), ("W", "+"), ("O", "x")):
        assert body.count(letter) == len(ahep.areas), letter
        assert body.count(marker) > len(ahep.areas), marker
    assert "N • How confident I feel now (mean 3.5)" in legend
    assert "W + Where I would like to be (mean 10.0)" in legend
    assert "O x Where my organisation needs me to be (mean 7.0)" in legend


TERMINAL = charts.Palette(series=(6, 2, 5, 3, 4), rings=8, labels=7)
"""A palette of the terminal's own colours: cyan, green, magenta, yellow, blue; grey rings, white labels."""


def test_radar_is_plain_without_colour_and_coloured_with_it(ahep: Framework, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR gives text with no escape codes; with colour, the palette's series colours are there."""
    data = charts.wheel_data(ahep, full_wheel(ahep))
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in charts.radar(data, 80, 24, palette=TERMINAL)
    assert "\x1b" not in charts.bars(data, 80, palette=TERMINAL)
    monkeypatch.delenv("NO_COLOR")
    coloured = charts.radar(data, 80, 24, palette=TERMINAL)
    chart_part = coloured.split("N •")[0]
    assert "\x1b[36m" in chart_part  # N's shape in cyan, above the legend
    assert "\x1b[36mN •" in coloured  # the legend letter in the same colour
    assert "\x1b[32mW +" in coloured and "\x1b[35mO x" in coloured


def test_colours_come_from_the_palette_given(ahep: Framework) -> None:
    """A theme's colours (red, green, blue values) reach the chart; with no palette it is plain."""
    data = charts.wheel_data(ahep, full_wheel(ahep))
    themed = charts.Palette(series=((1, 120, 212), (255, 166, 43), (235, 64, 52)), rings=(80, 80, 80), labels=(224, 224, 224))
    radar = charts.radar(data, 80, 24, colour=True, palette=themed)
    assert "\x1b[38;2;1;120;212mN •" in radar and "\x1b[38;2;235;64;52mO x" in radar
    assert "38;5;6m" not in radar and "\x1b[36m" not in radar
    bars = charts.bars(data, 80, colour=True, palette=themed)
    assert "\x1b[38;2;255;166;43mW +" in bars
    assert "\x1b" not in charts.radar(data, 80, 24, colour=True)
    compare = charts.legend(charts.compare_data(ahep, full_wheel(ahep), full_wheel(ahep), "current"), 80, TERMINAL)[0]
    assert compare.startswith("\x1b[33mA +") and "\x1b[36mB •" in compare  # earlier in the fourth colour, later in the first


def test_not_rated_is_not_zero(ahep: Framework) -> None:
    """A series with nothing rated says so; a 0 is drawn as 0 and a missing value as ·."""
    areas = ahep.areas
    data = charts.wheel_data(ahep, wheel(ahep, {areas[0].id: {"current": 0}, areas[1].id: {"current": 5}}))
    radar = charts.radar(data, 90, 26, colour=False)
    assert "W + Where I would like to be (not rated)" in radar
    assert "N • How confident I feel now (mean 2.5)" in radar
    lines = charts.bars(data, 90, colour=False).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1 Prof. development"))
    assert lines[first].split()[-2:] == ["N", "0"]
    assert lines[first + 1].split() == ["W", "·", "not", "rated"]


def test_bars_one_bar_per_area_and_series_longer_for_higher_values(ahep: Framework) -> None:
    """Bars are grouped by area, one per series, with letter, marker and value; higher is longer."""
    areas = ahep.areas
    data = charts.wheel_data(ahep, wheel(ahep, {areas[0].id: {"current": 2, "aspiration": 9, "organisation": 5}}))
    lines = charts.bars(data, 80, colour=False).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1 Prof. development"))
    now, wish, need = lines[first], lines[first + 1], lines[first + 2]
    assert now.rstrip().endswith(" 2") and wish.rstrip().endswith(" 9") and need.rstrip().endswith(" 5")
    assert now.count("•") < need.count("x") < wish.count("+")
    assert sum(1 for line in lines if line[:1].isdigit()) == len(areas)
    assert charts.bars_height(data) == 8 * 4


def test_compare_chart_draws_two_wheels_with_their_own_letters(ahep: Framework) -> None:
    """Comparing draws A and B with their labels in the legend."""
    older = wheel(ahep, {a.id: {"current": 3} for a in ahep.areas})
    newer = wheel(ahep, {a.id: {"current": 7} for a in ahep.areas})
    newer = Assessment(2, "ahep", "2024", "Later", "2026-06-01", "2026-06-01", ratings=newer.ratings)
    text = charts.radar(charts.compare_data(ahep, older, newer, "current"), 90, 26, colour=False)
    assert "A + Test (mean 3.0)" in text and "B • Later (mean 7.0)" in text


def test_small_and_large_sizes_fit(ahep: Framework) -> None:
    """The radar never draws wider or taller than asked."""
    data = charts.wheel_data(ahep, full_wheel(ahep))
    for width, height in ((60, 16), (78, 20), (150, 44)):
        lines = charts.radar(data, width, height, colour=False).splitlines()
        assert len(lines) <= height
        assert max(len(line) for line in lines) <= width


class ThemeStub:
    """Stands in for the app: a theme's CSS variables, as Textual's App gives them."""

    def __init__(self, variables: dict[str, str]) -> None:
        """A theme with these variables."""
        self.variables = variables

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables."""
        return self.variables


def test_palette_is_read_from_the_theme() -> None:
    """A theme that sets the chart variables colours the chart; one that does not gets the terminal's colours."""
    from tui.widgets.theme_colours import chart_palette, series_style

    assert chart_palette(ThemeStub({"primary": "#0178D4"})) == TERMINAL
    themed = chart_palette(ThemeStub({"series-1": "#ff0000", "series-3": "ansi_bright_cyan", "chart-labels": "rgb(1, 2, 3)"}))
    assert themed.series[:3] == ((255, 0, 0), 2, 14) and themed.labels == (1, 2, 3) and themed.rings == 8
    assert series_style(ThemeStub({"series-1": "#ff0000"}), charts.style_for(0)) == "#ff0000"
    assert series_style(ThemeStub({}), charts.style_for(1)) == "color(2)"
    assert chart_palette(ThemeStub({"series-2": "not a colour"})).series[1] == 2  # a slip in a theme falls back


def test_a_crowded_wheel_numbers_its_spokes_and_keys_the_names() -> None:
    """Sixteen spokes with no codes: numbers on the wheel and a key of the names below, none run together."""
    from pathlib import Path

    from tui.core.frameworks import parse_framework

    data = Path(__file__).resolve().parents[1] / "data" / "sixteen-areas.yaml"
    fw = parse_framework(data.read_text(encoding="utf-8"), str(data))
    w = Assessment(1, fw.id, fw.version, "x", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00",
                   ratings={a.id: {"today": 2, "needed": 4} for a in fw.areas})
    text = charts.radar(charts.wheel_data(fw, w), 72, 30, colour=False)
    assert "1 Reproducible   2 Software design   3 Testing" in text
    assert "16 Technical" in text
    assert "Software design" not in text.split("1 Reproducible")[0]  # above the key only numbers mark the spokes
    assert all(len(line) <= 72 for line in text.splitlines())


def test_a_legend_entry_wider_than_the_width_wraps_at_spaces(ahep: Framework) -> None:
    """One entry too wide for the width has lines of its own, wrapped at spaces and indented by 4: "(2 targets)" stays whole."""
    title = "Departmental Research Operations Lead With Extra Responsibilities"
    targets = {ahep.areas[0].id: 5, ahep.areas[1].id: 7}
    data = charts.with_role(charts.wheel_data(ahep, full_wheel(ahep)), ahep, title, targets)
    lines = charts.legend(data, 60)
    assert all(len(line) <= 60 for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("R # "))
    entry = lines[start:start + 2]
    assert entry[1].startswith("    ") and not entry[1].startswith("     ")
    assert " ".join(" ".join(entry).split()) == f"R # {title} (2 targets)"
    assert "(2 targets)" in entry[1]
    assert lines[start - 1] == "O x Where my organisation needs me to be (mean 6.0)"  # the entry before keeps its line
    assert lines[start + 2] == charts.MERGE_TEXT and lines[start + 3].startswith("Scale ")
    at_72 = charts.legend(data, 72)  # "... Responsibilities (2" would fit in 72: the count goes to the next line whole
    assert f"R # {title}" in at_72 and "    (2 targets)" in at_72


def plot_and_legend(text: str, first_legend: str) -> tuple[list[str], list[str]]:
    """The radar's plot lines and its legend lines (the legend starts at the line beginning with ``first_legend``)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first_legend))
    return lines[:start], lines[start:]


def test_overlapping_shapes_show_a_merge_mark_and_the_legend_explains_it(ahep: Framework) -> None:
    """W and O equal everywhere share every cell: the merge mark is drawn and no letter is lost at a shared vertex."""
    ratings = {a.id: {"current": 2 + i % 3, "aspiration": 7, "organisation": 7} for i, a in enumerate(ahep.areas)}
    text = charts.radar(charts.wheel_data(ahep, wheel(ahep, ratings)), 76, 20, colour=False)
    plot, legend = plot_and_legend(text, "N • ")
    body = "\n".join(plot)
    assert charts.MERGE_MARK in body
    assert any(charts.MERGE_TEXT in line for line in legend)
    assert body.count("WO") + body.count(charts.MERGE_MARK) >= len(ahep.areas)  # both letters side by side, or the mark
    separate = charts.radar(charts.wheel_data(ahep, full_wheel(ahep)), 200, 60, colour=False)
    assert "WO" not in separate  # apart shapes: no joined letters


def test_no_merge_mark_where_shapes_do_not_meet(ahep: Framework) -> None:
    """One rated series alone never shows the merge mark (it marks two shapes, not a shape crossing itself)."""
    ratings = {a.id: {"current": 3 + i % 4} for i, a in enumerate(ahep.areas)}
    plot, _legend = plot_and_legend(charts.radar(charts.wheel_data(ahep, wheel(ahep, ratings)), 76, 20, colour=False), "N • ")
    assert charts.MERGE_MARK not in "\n".join(plot)


def test_ring_values_are_written_on_the_radar(ahep: Framework) -> None:
    """The two rings' values (5 and 10 on 0-10) are on the chart itself, not only in the legend."""
    for width, height in ((76, 20), (98, 26), (198, 56)):
        plot, legend = plot_and_legend(charts.radar(charts.wheel_data(ahep, full_wheel(ahep)), width, height, colour=False), "N • ")
        words = " ".join(plot).replace("·", " ").split()
        assert "10" in words and "5" in words, (width, height)
        assert any("rings at 5 and 10" in line for line in legend)


def every_framework() -> list[Framework]:
    """The shipped frameworks, the test ones, and Technician Commitment with two series and long labels."""
    from dataclasses import replace
    from pathlib import Path

    from tui.core.frameworks import parse_framework

    shipped = list(load_catalog().frameworks.values())
    folder = Path(__file__).resolve().parents[1] / "data"
    tests = [parse_framework((folder / name).read_text(encoding="utf-8"), name) for name in ("four-series.yaml", "sixteen-areas.yaml")]
    tc = load_catalog().frameworks["technician-commitment"]
    long = replace(tc, id="long", series=tc.series[:2],
                   areas=tuple(replace(a, short=f"{a.label} with a long label") for a in tc.areas))
    return [*shipped, *tests, long]


@pytest.mark.parametrize("size", [(76, 20), (98, 26), (198, 56)])
def test_every_spoke_label_is_whole_and_apart(size: tuple[int, int]) -> None:
    """Each spoke's label (or code) is written whole, with a blank or the line's end on both sides."""
    import random
    import re

    for fw in every_framework():
        pick = random.Random(fw.id)
        ratings = {a.id: {s.id: pick.randint(fw.scale.min, fw.scale.max) for s in fw.series} for a in fw.areas}
        data = charts.wheel_data(fw, wheel(fw, ratings))
        text = charts.radar(data, *size, colour=False)
        lines = text.splitlines()
        assert len(lines) <= size[1] and max(len(line) for line in lines) <= size[0]
        plot = "\n".join(lines[:next(i for i, line in enumerate(lines) if " • " in line and line[1:4] == " • ")])
        key = "\n".join(lines)
        for label in data.labels:
            code = label.split(" ", 1)[0] if re.search(rf"(^| ){re.escape(label.split(' ', 1)[0])} [A-Z]", key[len(plot):]) else None
            shown = label if label in plot else code
            assert shown is not None and re.search(rf"(^|\s){re.escape(shown)}(\s|$)", plot, re.M), (fw.id, size, label)


def test_the_horizontal_spoke_and_its_labels_stay_on_one_row() -> None:
    """Eight areas: the right (3rd) and left (7th) labels are on the centre row at every size (sin(pi) is not quite 0)."""
    labels = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")
    data = charts.ChartData(labels, (charts.ChartSeries("now", (5,) * 8, charts.SERIES_STYLES[0]),))
    checked = 0
    for width in range(40, 140, 9):
        for height in range(14, 50, 3):
            lines = charts.radar(data, width, height, colour=False).splitlines()
            right = [row for row, line in enumerate(lines) if "Charlie" in line]
            left = [row for row, line in enumerate(lines) if "Golf" in line]
            if right and left:
                checked += 1
                assert right == left, (width, height)
    assert checked > 40  # names (not codes) at most sizes
