"""Team profile: aggregates against hand-computed values, the anonymity threshold in every format,
duplicates, naming (all or nothing), bad files, other frameworks, and ``framewheel team``."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.core import team
from tui.core import team_report
from tui.core.frameworks import FrameworkCatalog, load_catalog, load_framework
from tui.core.model import Framework, Scale

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def catalog() -> FrameworkCatalog:
    """The shipped frameworks plus the two test frameworks."""
    found = load_catalog()
    for name in ("four-series.yaml", "sixteen-areas.yaml"):
        framework = load_framework(DATA / name)
        found.frameworks[framework.id] = framework
    return found


def share(framework: Framework, person: str, ratings: dict[str, dict[str, int]], named: bool = False,
          created: str = "2026-11-22T10:15:00+00:00", **extra: Any) -> dict[str, Any]:
    """A share file's document."""
    doc: dict[str, Any] = {"format": "framewheel/assessment@1", "framework": {"id": framework.id, "version": framework.version},
                           "person": person, "label": "For the team", "created": created, "ratings": ratings}
    if named:
        doc["share"] = "named"
    doc.update(extra)
    return doc


def sources(docs: list[Any]) -> list[team.SourceFile]:
    """Documents as input files named ``f0.json``, ``f1.json`` ..."""
    return [team.SourceFile(f"f{i}.json", doc) for i, doc in enumerate(docs)]


def column(framework: Framework, area: str, values: list[int], series: str | None = None) -> list[dict[str, Any]]:
    """One share file per value, each rating only ``area`` in one series (default: the baseline)."""
    series = series or framework.baseline.id
    return [share(framework, f"P{i}", {area: {series: v}}, created=f"2026-11-22T10:{i:02d}:00+00:00")
            for i, v in enumerate(values)]


# --- the statistics -----------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "expected"), [
    ([1, 2, 3, 4, 5, 6, 7, 8], (2.5, 4.5, 6.5)),   # even n: halves [1-4] and [5-8]
    ([7, 1, 4, 2, 6, 3, 5], (2.0, 4.0, 6.0)),      # odd n: the middle 4 is in neither half
    ([5, 5, 9, 5, 5], (5.0, 5.0, 7.0)),            # ties: halves [5, 5] and [5, 9]
    ([0, 2, 4, 6, 10], (1.0, 4.0, 8.0)),
    ([3, 3, 4, 8, 8, 9], (3.0, 6.0, 8.0)),
    ([7], (7.0, 7.0, 7.0)),                        # a single person
    ([2, 9], (2.0, 5.5, 9.0)),
])
def test_quartiles_by_hand(values: list[int], expected: tuple[float, float, float]) -> None:
    """The median of each half, exclusive, as worked out by hand."""
    assert team.quartiles(values) == expected


def test_discuss_threshold_scales() -> None:
    """3 on 0-10, 6 on 0-20, 2 on 1-5 (1.2 rounded up), 1 on a two-point scale."""
    assert [team.discuss_threshold(Scale(lo, hi, {})) for lo, hi in ((0, 10), (0, 20), (1, 5), (0, 1))] == [3, 6, 2, 1]


def test_aggregates_of_one_area(catalog: FrameworkCatalog) -> None:
    """n, median, quartiles, min, max, histogram and the discuss flag of one area; an unrated area stays empty."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    area, other = ahep.areas[0].id, ahep.areas[1].id
    profile = team.build_profile(sources(column(ahep, area, [0, 2, 4, 6, 10])), catalog)
    cell = profile.cell(area, "current")
    assert cell.n == 5 and cell.spread is not None
    assert (cell.spread.median, cell.spread.q1, cell.spread.q3, cell.spread.min, cell.spread.max) == (4, 1, 8, 0, 10)
    assert cell.spread.histogram == (1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1)
    assert cell.discuss  # IQR 7 >= 3
    nobody = profile.cell(other, "current")
    assert nobody.n == 0 and nobody.spread is None and not nobody.discuss
    assert profile.files_used == profile.files_total == 5


def test_gap_is_median_difference(catalog: FrameworkCatalog) -> None:
    """gap = median(series) - median(baseline), per area; none for the baseline itself."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    area = ahep.areas[0].id
    docs = [share(ahep, f"P{i}", {area: {"current": now, "aspiration": wish}}, created=f"2026-11-22T10:{i:02d}:00+00:00")
            for i, (now, wish) in enumerate([(3, 8), (4, 8), (5, 9), (6, 9), (7, 10), (8, 7)])]
    profile = team.build_profile(sources(docs), catalog)
    # current 3 4 5 6 7 8 -> 5.5; aspiration 7 8 8 9 9 10 -> 8.5
    assert profile.cell(area, "aspiration").gap == 3.0
    assert profile.cell(area, "current").gap is None
    assert profile.cell(area, "organisation").spread is None  # nobody rated it
    assert profile.largest_gaps()[0].series_id == "aspiration"
    assert profile.cell(area, "current").discuss  # q1 4, q3 7: an IQR of exactly 3 is flagged


# --- anonymity ----------------------------------------------------------------------------------


def four_people_and_five(catalog: FrameworkCatalog) -> tuple[Framework, team.TeamProfile]:
    """AHEP: five people rate the first area, only four rate the second (one of them a distinctive 1)."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    first, second = ahep.areas[0].id, ahep.areas[1].id
    docs = []
    for i in range(5):
        ratings = {first: {"current": 7, "aspiration": 8}}
        if i < 4:
            ratings[second] = {"current": 1 if i == 0 else 9, "aspiration": 9}
        docs.append(share(ahep, f"Person{i}", ratings, created=f"2026-11-22T10:{i:02d}:00+00:00"))
    return ahep, team.build_profile(sources(docs), catalog)


def test_below_the_threshold_nothing_is_computed(catalog: FrameworkCatalog) -> None:
    """Four people: no median, quartile, min, max, histogram or gap exists in the data."""
    ahep, profile = four_people_and_five(catalog)
    second = ahep.areas[1].id
    for series in ahep.series_ids:
        cell = profile.cell(second, series)
        assert cell.spread is None and cell.gap is None and not cell.discuss
    assert profile.cell(second, "current").n == 4
    assert profile.cell(ahep.areas[0].id, "current").spread is not None


@pytest.mark.parametrize("render", [team_report.to_markdown, team_report.to_csv, team_report.to_json])
def test_threshold_in_every_format(catalog: FrameworkCatalog, render: Any) -> None:
    """No format shows the one person's 1 (their min), nor a median of 9; each says "fewer than 5"."""
    ahep, profile = four_people_and_five(catalog)
    text = render(profile)
    assert "fewer than 5" in text
    second = ahep.areas[1].id
    if render is team_report.to_csv:
        rows = [line for line in text.splitlines() if line.startswith(second + ",")]
        assert rows and all(",1," not in row and ",9," not in row and "fewer than 5" in row for row in rows)
    elif render is team_report.to_json:
        entry = next(a for a in json.loads(text)["areas"] if a["id"] == second)
        for values in entry["series"].values():
            assert set(values) == {"n", "withheld"} and values["withheld"] == "fewer than 5"
    else:
        section = text.split(f"### {ahep.areas[1].title}")[1].split("###")[0]
        assert "fewer than 5" in section and "median" not in section and "1-9" not in section
    for name in ("Person0", "Person1"):
        assert name not in text


def test_min_group_is_checked(catalog: FrameworkCatalog) -> None:
    """The minimum group size is 3 to 10; with 4 the four people's area is shown."""
    for wrong in (2, 11):
        with pytest.raises(ValueError, match="3 to 10"):
            team.build_profile([], catalog, min_group=wrong)
    ahep, profile = four_people_and_five(catalog)
    docs = [share(ahep, f"Person{i}", {ahep.areas[1].id: {"current": v}}, created=f"2026-11-22T10:{i:02d}:00+00:00")
            for i, v in enumerate([1, 9, 9, 9])]
    lower = team.build_profile(sources(docs), catalog, min_group=4)
    assert lower.cell(ahep.areas[1].id, "current").spread == team.Spread(9, 5, 9, 1, 9, (0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0))


def test_names_only_when_every_file_agrees(catalog: FrameworkCatalog) -> None:
    """All files named: the names appear; one file without "share": "named": no names anywhere."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    area = ahep.areas[0].id
    named = [share(ahep, f"Name{i}", {area: {"current": i}}, named=True, created=f"2026-11-22T10:{i:02d}:00+00:00")
             for i in range(5)]
    profile = team.build_profile(sources(named), catalog)
    assert profile.names == tuple(f"Name{i}" for i in range(5))
    assert "Name3" in team_report.to_markdown(profile) and json.loads(team_report.to_json(profile))["names"][3] == "Name3"
    mixed = named[:4] + [share(ahep, "Name4", {area: {"current": 4}}, created="2026-11-22T11:00:00+00:00")]
    profile = team.build_profile(sources(mixed), catalog)
    assert profile.names is None
    for text in (team_report.to_markdown(profile), team_report.to_csv(profile), team_report.to_json(profile)):
        assert "Name" not in text


# --- files --------------------------------------------------------------------------------------


def test_duplicates_are_counted_once(catalog: FrameworkCatalog) -> None:
    """The same wheel twice (same ratings, created, person, label) counts once, and the output says so."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    docs = column(ahep, ahep.areas[0].id, [1, 2, 3, 4, 5])
    profile = team.build_profile(sources(docs + [dict(docs[2])]), catalog)
    assert profile.files_total == 6 and profile.files_used == 5
    assert profile.duplicates == ("f5.json: the same wheel as f2.json, counted once",)
    assert profile.cell(ahep.areas[0].id, "current").n == 5
    assert "Duplicates counted once: 1" in team_report.to_markdown(profile)
    assert json.loads(team_report.to_json(profile))["files"] == {"total": 6, "used": 5, "left_out": 0, "duplicates": 1}


def test_bad_files_are_listed_by_file_and_field(catalog: FrameworkCatalog) -> None:
    """Unknown area, off-scale value, unreadable, another framework or version: listed and left out."""
    ahep = catalog.get("ahep")
    four = catalog.get("four-series")
    assert ahep is not None and four is not None
    area = ahep.areas[0].id
    good = column(ahep, area, [5, 6, 7, 8, 9])
    bad = [
        share(ahep, "X", {"no-such-area": {"current": 3}}),
        share(ahep, "Y", {area: {"current": 11}}),
        share(four, "Z", {"equipment": {"now": 3}}),
        dict(share(ahep, "V", {area: {"current": 3}}), framework={"id": "ahep", "version": "1999"}),
        share(ahep, "W", {area: {"current": 3}}, share="yes"),
    ]
    files = sources(good + bad) + [team.SourceFile("broken.json", error="is not JSON (line 1, column 2: oops)")]
    profile = team.build_profile(files, catalog)
    lines = [str(p) for p in profile.problems]
    assert "f5.json: ratings.no-such-area 'no-such-area' is not a commitment of ahep" in lines
    assert "f6.json: ratings.{}.current 11 is off the scale 0-10".format(area) in lines
    assert "f7.json: framework.id 'four-series' is not the profile's framework 'ahep'" in lines
    assert any(line.startswith("f8.json: framework.version \"1999\"") for line in lines)
    assert any(line.startswith("f9.json: share must be") for line in lines)
    assert "broken.json: is not JSON (line 1, column 2: oops)" in lines
    assert (profile.files_used, profile.files_total, profile.files_left_out) == (5, 11, 6)
    assert profile.cell(area, "current").spread.median == 7  # type: ignore[union-attr]
    assert "Files used: 5 of 11" in team_report.to_markdown(profile)


def test_no_usable_file(catalog: FrameworkCatalog) -> None:
    """Nothing usable: NoProfileError carries each file's problems."""
    with pytest.raises(team.NoProfileError) as caught:
        team.build_profile([team.SourceFile("a.json", [1, 2])], catalog)
    assert [str(p) for p in caught.value.problems] == ["a.json: must be a JSON object"]


def test_framework_choice(catalog: FrameworkCatalog) -> None:
    """Default: the first good file's framework; --framework picks another; an unknown id is refused."""
    ahep, four = catalog.get("ahep"), catalog.get("four-series")
    assert ahep is not None and four is not None
    docs = column(ahep, ahep.areas[0].id, [1, 2, 3]) + column(four, "equipment", [4, 5, 6], "now")
    assert team.build_profile(sources(docs), catalog, min_group=3).framework.id == "ahep"
    chosen = team.build_profile(sources(docs), catalog, "four-series", min_group=3)
    assert chosen.framework.id == "four-series" and chosen.files_used == 3
    with pytest.raises(LookupError, match="no framework with id 'nope'"):
        team.build_profile(sources(docs), catalog, "nope")


# --- other frameworks ---------------------------------------------------------------------------


def test_four_series_on_a_0_to_20_scale(catalog: FrameworkCatalog) -> None:
    """Four series, 0-20: 21-point histogram, three gaps per area, a discuss threshold of 6."""
    four = catalog.get("four-series")
    assert four is not None
    docs = [share(four, f"P{i}", {"equipment": {"now": now, "goal": now + 4, "manager": 20, "peers": 10}},
                  created=f"2026-11-22T10:{i:02d}:00+00:00") for i, now in enumerate([0, 4, 10, 12, 16])]
    profile = team.build_profile(sources(docs), catalog)
    cell = profile.cell("equipment", "now")
    assert cell.spread is not None and len(cell.spread.histogram) == 21
    assert (cell.spread.q1, cell.spread.median, cell.spread.q3) == (2, 10, 14)  # halves [0, 4] and [12, 16]
    assert cell.discuss and profile.discuss_threshold == 6
    assert [profile.cell("equipment", s).gap for s in ("goal", "manager", "peers")] == [4, 10, 0]
    rows = team_report.to_csv(profile).splitlines()
    assert rows[0] == ",".join(team_report.CSV_COLUMNS) and len(rows) == 1 + 3 * 4
    assert "fewer than 5" in team_report.to_markdown(profile)  # the other two skills


def test_sixteen_areas_on_a_1_to_5_scale(catalog: FrameworkCatalog) -> None:
    """Sixteen areas, 1-5: a 5-point histogram starting at 1, threshold 2, and the wheel drawn."""
    sixteen = catalog.get(next(f for f in catalog.frameworks if catalog.frameworks[f].path.endswith("sixteen-areas.yaml")))
    assert sixteen is not None
    series = sixteen.baseline.id
    docs = [share(sixteen, f"P{i}", {a.id: {series: 1 + (i + k) % 5} for k, a in enumerate(sixteen.areas)},
                  created=f"2026-11-22T10:{i:02d}:00+00:00") for i in range(5)]
    profile = team.build_profile(sources(docs), catalog)
    cell = profile.cell(sixteen.areas[0].id, series)
    assert cell.spread is not None and cell.spread.histogram == (1, 1, 1, 1, 1)
    assert (cell.spread.q1, cell.spread.median, cell.spread.q3) == (1.5, 3, 4.5) and cell.discuss
    assert profile.discuss_threshold == 2
    text = team_report.to_markdown(profile)
    assert "The team wheel (medians)" in text and text.count("┃") >= 16


def test_strip_shading() -> None:
    """min..q1 and q3..max light, q1..q3 dark, the median a bar, on a fixed-width track."""
    strip = team_report.strip(team.Spread(5, 2, 8, 0, 10, ()), Scale(0, 10, {}), width=11)
    assert strip == "░░▓▓▓┃▓▓▓░░"
    assert len(team_report.strip(team.Spread(3, 3, 3, 3, 3, ()), Scale(1, 5, {}))) == team_report.TRACK_WIDTH


# --- the command --------------------------------------------------------------------------------


def write_folder(folder: Path, docs: list[dict[str, Any]]) -> None:
    """Each document as ``NN.json`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, doc in enumerate(docs):
        (folder / f"{i:02d}.json").write_text(json.dumps(doc), encoding="utf-8")


def test_cli_folder_to_stdout(catalog: FrameworkCatalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of share files plus a broken one: the profile on stdout, the problem on stderr, exit 0."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    write_folder(tmp_path / "team", column(ahep, ahep.areas[0].id, [2, 4, 6, 8, 10]))
    (tmp_path / "team" / "zz.json").write_text("{", encoding="utf-8")
    (tmp_path / "team" / "notes.txt").write_text("not read", encoding="utf-8")
    assert main(["team", "--format", "csv", str(tmp_path / "team")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("area,series,n,median,q1,q3,min,max,gap,discuss,histogram\n")
    assert f"{ahep.areas[0].id},current,5,6,3,9,2,10,,yes," in captured.out
    assert "zz.json: line 1 column 2: not valid JSON" in captured.err and "5 of 6 file(s) used, 1 left out" in captured.err


def test_cli_output_file_is_private(catalog: FrameworkCatalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o FILE`` writes the report privately (0600); ``--min-group 3`` shows a group of three."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    write_folder(tmp_path / "team", column(ahep, ahep.areas[0].id, [2, 4, 6]))
    out = tmp_path / "team.md"
    assert main(["team", "--min-group", "3", "-o", str(out), str(tmp_path / "team")]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Team profile: AHEP") and "median 4, q1 2, q3 6, 2-6" in text
    assert "Wrote" in capsys.readouterr().err


def test_cli_json_and_failures(catalog: FrameworkCatalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output has the format; no usable file, a missing path or a bad --min-group exit 1."""
    ahep = catalog.get("ahep")
    assert ahep is not None
    write_folder(tmp_path / "team", column(ahep, ahep.areas[0].id, [2, 4, 6, 8, 10]))
    assert main(["team", "--format", "json", str(tmp_path / "team")]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "framewheel/team-profile@1"
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    assert main(["team", str(tmp_path / "bad.json")]) == 1
    err = capsys.readouterr().err
    assert "bad.json: must be a JSON object" in err and "none of the 1 file(s) could be used" in err
    assert main(["team", str(tmp_path / "missing")]) == 1
    assert "neither a file nor a folder" in capsys.readouterr().err
    assert main(["team", "--min-group", "11", str(tmp_path / "team")]) == 1
    assert "3 to 10" in capsys.readouterr().err


class TerminalText(io.StringIO):
    """Standard error that says it is a terminal."""

    def isatty(self) -> bool:
        """A terminal, so the progress bar is shown."""
        return True


def test_progress_bar_only_on_a_terminal(catalog: FrameworkCatalog, tmp_path: Path) -> None:
    """Many files: a Rich progress bar on a terminal's standard error, nothing on a plain stream; the same files read."""
    from tui.cli.team import PROGRESS_FROM, read_all

    ahep = catalog.get("ahep")
    assert ahep is not None
    write_folder(tmp_path / "many", column(ahep, ahep.areas[0].id, list(range(11)) * (PROGRESS_FROM // 11 + 1)))
    files = sorted((tmp_path / "many").glob("*.json"))
    terminal, plain = TerminalText(), io.StringIO()
    assert [s.document for s in read_all(files, terminal)] == [s.document for s in read_all(files, plain)]
    assert plain.getvalue() == "" and "Reading share files" in terminal.getvalue()
