"""Team ranking: mean ranks against hand-computed values (ties, even n, one person, an area nobody
ranked), the competition-tie rule on equal means, the agreement labels, Kendall's W, the anonymity
threshold in every output format, duplicates, bad files, rankings beside wheels in one profile,
``framewheel team`` on a folder of both, a standalone ranking import, and the example rankings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.context import AppContext
from tui.core import team, team_ranking, team_report
from tui.core.exchange.rankings import check_ranking
from tui.core.frameworks import FrameworkCatalog, load_catalog, load_framework
from tui.core.model import Framework

DATA = Path(__file__).resolve().parents[1] / "data"

PD, RP, WT, SA, RA, AA, SE, WC = ("professional-development", "responsible-practice", "working-together",
                                  "sustainable-approaches", "results-and-accountability", "agile-and-adaptable",
                                  "service-excellence", "wider-context")
"""The AHEP commitments, in the framework's order."""


@pytest.fixture(scope="module")
def catalog() -> FrameworkCatalog:
    """The shipped frameworks plus the two test frameworks."""
    found = load_catalog()
    for name in ("four-series.yaml", "sixteen-areas.yaml"):
        framework = load_framework(DATA / name)
        found.frameworks[framework.id] = framework
    return found


@pytest.fixture(scope="module")
def ahep(catalog: FrameworkCatalog) -> Framework:
    """The AHEP framework (8 commitments)."""
    framework = catalog.get("ahep")
    assert framework is not None
    return framework


def ranking_doc(framework: Framework, groups: list[list[str]], n: int = 0, **extra: Any) -> dict[str, Any]:
    """A ranking share file's document (``n`` makes its creation time, so its content, unique)."""
    doc: dict[str, Any] = {"format": "framewheel/ranking@1", "framework": {"id": framework.id, "version": framework.version},
                           "name": "Team ranking", "date": "2026-11-24", "created": f"2026-11-24T09:{n:02d}:00+00:00",
                           "groups": groups}
    doc.update(extra)
    return doc


def wheel_doc(framework: Framework, n: int, ratings: dict[str, dict[str, int]], **extra: Any) -> dict[str, Any]:
    """A wheel share file's document."""
    doc: dict[str, Any] = {"format": "framewheel/assessment@1", "framework": {"id": framework.id, "version": framework.version},
                           "created": f"2026-11-22T10:{n:02d}:00+00:00", "ratings": ratings}
    doc.update(extra)
    return doc


def sources(docs: list[Any]) -> list[team.SourceFile]:
    """Documents as input files named ``f0.json``, ``f1.json`` ..."""
    return [team.SourceFile(f"f{i}.json", doc) for i, doc in enumerate(docs)]


REST = [[SA], [RA], [AA], [SE], [WC]]
"""The lower five commitments, one per rank from 4."""


def four_people() -> list[list[list[str]]]:
    """Four complete rankings worked out by hand below (even n, ties inside two of them)."""
    return [
        [[PD], [RP], [WT]] + REST,              # PD 1, RP 2, WT 3, SA 4 ...
        [[RP, PD], [WT]] + REST,                # PD 1=, RP 1=, WT 3
        [[PD], [WT], [RP], [SA, RA], [AA], [SE], [WC]],  # PD 1, WT 2, RP 3, SA 4=, RA 4=, AA 6 ...
        [[RP], [PD], [WT]] + REST,              # RP 1, PD 2, WT 3
    ]


def groups_of(rankings: list[list[list[str]]]) -> list[tuple[tuple[str, ...], ...]]:
    """Lists of lists as ranking groups."""
    return [tuple(tuple(g) for g in r) for r in rankings]


# --- the rules, by hand -------------------------------------------------------------------------


def test_mean_ranks_by_hand_with_ties_and_even_n(ahep: Framework) -> None:
    """PD (1,1,1,2) 1.25; RP (2,1,3,1) 1.75; WT (3,3,2,3) 2.75; SA (4,4,4,4) 4; RA (5,5,4,5) 4.75."""
    result = team_ranking.build_team_ranking(ahep, groups_of(four_people()), min_group=3)
    means = {e.area_id: e.spread.mean for e in result.areas if e.spread}
    assert means == {PD: 1.25, RP: 1.75, WT: 2.75, SA: 4, RA: 4.75, AA: 6, SE: 7, WC: 8}
    assert [(e.area_id, e.rank) for e in result.areas] == [(PD, 1), (RP, 2), (WT, 3), (SA, 4), (RA, 5), (AA, 6), (SE, 7), (WC, 8)]
    pd, rp = result.area(PD).spread, result.area(RP).spread
    assert pd is not None and rp is not None
    # even n: PD 1 1 1 2 -> halves [1, 1] and [1, 2]; RP 1 1 2 3 -> halves [1, 1] and [2, 3]
    assert (pd.q1, pd.median, pd.q3, pd.min, pd.max, pd.range) == (1, 1, 1.5, 1, 2, 1)
    assert (rp.q1, rp.median, rp.q3, rp.range) == (1, 1.5, 2.5, 2)
    assert pd.agreement == "agree" and rp.agreement == "mixed"  # IQR 0.5 <= 1; 1 < 1.5 < 3 (8 areas)


def test_equal_means_share_a_rank_and_the_next_is_skipped(ahep: Framework) -> None:
    """PD 1,2 and RP 2,1 both mean 1.5: both rank 1 (written 1=), WT is 3, not 2; groups() ties them."""
    rankings = groups_of([[[PD], [RP], [WT]] + REST, [[RP], [PD], [WT]] + REST])
    result = team_ranking.build_team_ranking(ahep, rankings, min_group=1)
    assert [(e.area_id, e.rank, e.tied) for e in result.areas[:3]] == [(PD, 1, True), (RP, 1, True), (WT, 3, False)]
    assert result.groups()[:2] == ((PD, RP), (WT,))
    assert team_ranking.competition_ranks([1, 2, 2, 3]) == [1, 2, 2, 4]  # type: ignore[list-item]


def test_a_single_person(ahep: Framework) -> None:
    """One ranking (minimum 1, as the core allows): the team order is that ranking, ties and all; W is 1."""
    one = groups_of([[[WT, SE], [PD]] + [[a] for a in (RP, SA, RA, AA, WC)]])
    result = team_ranking.build_team_ranking(ahep, one, min_group=1)
    assert result.groups()[:2] == ((WT, SE), (PD,))
    assert [e.rank for e in result.areas[:3]] == [1, 1, 3]
    assert result.area(WT).spread.iqr == 0 and result.area(WT).spread.agreement == "agree"  # type: ignore[union-attr]
    assert result.kendall_w == pytest.approx(1.0)  # one person agrees with themselves, ties corrected: 12 * 41.5 / (504 - 6)


def test_an_area_missing_from_a_file_and_an_area_nobody_ranked(ahep: Framework) -> None:
    """A file without WT leaves WT's count at 2 (withheld at minimum 3); nobody ranked SA..WC: n 0, no rank."""
    rankings = groups_of([[[PD], [RP]], [[RP], [PD], [WT]], [[PD], [WT], [RP]]])
    result = team_ranking.build_team_ranking(ahep, rankings, min_group=3)
    assert result.area(PD).spread.mean == pytest.approx(4 / 3)  # type: ignore[union-attr]  # 1, 2, 1
    assert result.area(RP).spread.mean == 2  # type: ignore[union-attr]  # 2, 1, 3
    assert result.area(WT).n == 2 and result.area(WT).spread is None and result.area(WT).rank is None
    assert result.area(WC).n == 0 and result.area(WC).spread is None
    assert [e.area_id for e in result.ranked()] == [PD, RP] and result.groups() == ((PD,), (RP,))
    assert result.kendall_w is None and result.w_files == 0  # no file ranks every commitment


def test_agreement_scales_with_the_number_of_areas() -> None:
    """8 areas: agree up to IQR 1, split from 3; 16 areas: up to 15/7, from 45/7; 4 areas: 0 agrees, 1.5 splits."""
    assert [team_ranking.agreement(iqr, 8) for iqr in (0, 1, 1.5, 2.5, 3, 6)] == ["agree", "agree", "mixed", "mixed", "split", "split"]
    assert [team_ranking.agreement(iqr, 16) for iqr in (2, 2.5, 6, 6.5)] == ["agree", "mixed", "mixed", "split"]
    assert [team_ranking.agreement(iqr, 4) for iqr in (0, 0.5, 1, 1.5)] == ["agree", "mixed", "mixed", "split"]
    assert team_ranking.agreement_thresholds(8) == (1.0, 3.0)


def test_kendall_w(ahep: Framework) -> None:
    """Everyone the same: 1; two exact opposites: 0; ties corrected (three raters tie PD and RP, one splits them)."""
    order = [[a] for a in ahep.area_ids]
    same = team_ranking.build_team_ranking(ahep, groups_of([order] * 5), min_group=5)
    assert same.kendall_w == pytest.approx(1.0) and same.w_files == 5
    opposite = team_ranking.kendall_w(groups_of([order, order[::-1]]), ahep.area_ids)
    assert opposite == pytest.approx(0.0)
    # k = 3 areas, m = 2: (1, 2.5, 2.5) and (1, 2, 3): sums 2, 4.5, 5.5, mean 4, S = 4 + 0.25 + 2.25 = 6.5;
    # W = 12 * 6.5 / (4 * 24 - 2 * 6) = 78 / 84
    tied = team_ranking.kendall_w([((PD,), (RP, WT)), ((PD,), (RP,), (WT,))], (PD, RP, WT))
    assert tied == pytest.approx(78 / 84)


# --- anonymity ----------------------------------------------------------------------------------


def four_ranking_profile(catalog: FrameworkCatalog, ahep: Framework) -> team.TeamProfile:
    """Five wheels and only four rankings (PD's mean rank would be 1.25, RP's 1.75)."""
    wheels = [wheel_doc(ahep, i, {PD: {"current": 5 + i}}) for i in range(5)]
    rankings = [ranking_doc(ahep, r, n) for n, r in enumerate(four_people())]
    return team.build_profile(sources(wheels + rankings), catalog)


def test_below_the_threshold_nothing_is_computed(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """Four ranking files: no mean, rank, spread or W exists in the data; the wheels still show."""
    profile = four_ranking_profile(catalog, ahep)
    ranking = profile.ranking
    assert ranking is not None and not ranking.shown and ranking.files_used == 4
    assert all(e.spread is None and e.rank is None for e in ranking.areas) and ranking.kendall_w is None
    assert ranking.groups() == () and profile.gaps_that_matter() == []
    assert profile.cell(PD, "current").spread is not None
    assert (profile.files_used, profile.wheel_files_used, profile.ranking_files_used) == (9, 5, 4)


@pytest.mark.parametrize("render", [team_report.to_markdown, team_report.to_csv, team_report.to_json])
def test_threshold_in_every_format(catalog: FrameworkCatalog, ahep: Framework, render: Any) -> None:
    """No format shows PD's mean rank 1.25 or RP's 1.75, nor a team rank; each says "fewer than 5"."""
    text = render(four_ranking_profile(catalog, ahep))
    assert "1.25" not in text and "1.75" not in text
    assert "fewer than 5" in text
    if render is team_report.to_csv:
        table = text.split("\n\n")[1].splitlines()
        assert table[0] == ",".join(team_report.RANKING_CSV_COLUMNS)
        assert len(table) == 9 and all(row.startswith("fewer than 5,,") and row.endswith(",fewer than 5") for row in table[1:])
    elif render is team_report.to_json:
        ranking = json.loads(text)["ranking"]
        assert ranking["withheld"] == "fewer than 5" and "kendall_w" not in ranking and ranking["groups"] == []
        assert all(set(area) == {"id", "title", "n", "withheld"} for area in ranking["areas"])
    else:
        section = text.split("## The team ranking")[1]
        assert "The team ranking is withheld: fewer than 5 ranking files were used." in section
        assert "| 1 |" not in section and "Kendall" not in section


@pytest.mark.parametrize("render", [team_report.to_markdown, team_report.to_csv, team_report.to_json])
def test_an_area_ranked_by_too_few_is_withheld_in_every_format(catalog: FrameworkCatalog, ahep: Framework, render: Any) -> None:
    """Five rankings, one of which alone ranks WC (at 1): WC's rank 1 is in no output, the others are."""
    rankings = [[[a] for a in ahep.area_ids if a != WC] for _ in range(4)] + [[[WC]] + [[a] for a in ahep.area_ids if a != WC]]
    docs = [ranking_doc(ahep, r, n) for n, r in enumerate(rankings)]
    profile = team.build_profile(sources(docs), catalog)
    assert profile.ranking is not None and profile.ranking.area(WC).spread is None and profile.ranking.area(WC).n == 1
    assert profile.ranking.area(PD).rank == 1  # 1, 1, 1, 1, 2: mean 1.2
    text = render(profile)
    if render is team_report.to_csv:
        row = next(r for r in text.split("\n\n")[1].splitlines() if f",{WC}," in r)
        assert row == f"fewer than 5,,{WC},1" + ",fewer than 5" * 9
    elif render is team_report.to_json:
        entry = next(a for a in json.loads(text)["ranking"]["areas"] if a["id"] == WC)
        assert entry == {"id": WC, "title": "Engaging with the Wider Context", "n": 1, "withheld": "fewer than 5"}
    else:
        assert "| - | Engaging with the Wider Context | 1 | fewer than 5 | | | |" in text
        assert "| 1 | Empowering Professional Development | 5 | 1.2 |" in text


# --- files --------------------------------------------------------------------------------------


def test_duplicates_are_counted_once(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """The same ranking twice (even with its keys in another order) counts once, and the output says so."""
    docs = [ranking_doc(ahep, r, n) for n, r in enumerate(four_people())] + [ranking_doc(ahep, four_people()[0], 9)]
    again = dict(reversed(list(docs[1].items())))
    profile = team.build_profile(sources(docs + [again]), catalog)
    assert profile.duplicates == ("f5.json: the same ranking as f1.json, counted once",)
    assert profile.ranking is not None and profile.ranking.files_used == 5 and profile.ranking.shown
    assert (profile.files_total, profile.files_used) == (6, 5)
    assert "Duplicates counted once: 1" in team_report.to_markdown(profile)


def test_bad_files_are_listed_by_file_and_field(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """Unknown area, an area twice, another framework or version, a bad share: listed and left out; the rest used."""
    four = catalog.get("four-series")
    assert four is not None
    good = [ranking_doc(ahep, r, n) for n, r in enumerate(four_people() + [four_people()[0]])]
    bad = [
        ranking_doc(ahep, [[PD], ["no-such-area"]], 20),
        ranking_doc(ahep, [[PD], [RP, PD]], 21),
        ranking_doc(four, [[four.areas[0].id]], 22),
        dict(ranking_doc(ahep, [[PD]], 23), framework={"id": "ahep", "version": "1999"}),
        ranking_doc(ahep, [[PD]], 24, share="yes"),
        {"format": "framewheel/ranking@1", "framework": {"id": "ahep", "version": ahep.version}, "groups": "PD first"},
    ]
    profile = team.build_profile(sources(good + bad), catalog)
    lines = [str(p) for p in profile.problems]
    assert "f5.json: groups[1] 'no-such-area' is not an area of AHEP Professional Framework" in lines
    assert "f6.json: groups[1] 'professional-development' is ranked twice" in lines
    assert "f7.json: framework.id 'four-series' is not the profile's framework 'ahep'" in lines
    assert any(line.startswith('f8.json: framework.version "1999" is not the loaded version') for line in lines)
    assert any(line.startswith("f9.json: share must be") for line in lines)
    assert any(line.startswith("f10.json: groups must be a list") for line in lines) and any(l.startswith("f10.json: name") for l in lines)
    assert profile.files_left_out == 6 and profile.ranking is not None and profile.ranking.files_used == 5
    assert profile.ranking.area(PD).spread is not None


def test_framework_from_rankings_when_no_wheel_is_good(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """Only a broken wheel beside the rankings: the framework comes from them; a rankings-only profile works."""
    docs = [{"format": "framewheel/assessment@1", "framework": {"id": "nope"}}]
    docs += [ranking_doc(ahep, r, n) for n, r in enumerate(four_people() + [four_people()[2]])]
    profile = team.build_profile(sources(docs), catalog)
    assert profile.framework.id == "ahep" and profile.wheel_files_used == 0 and profile.ranking_files_used == 5
    text = team_report.to_markdown(profile)
    assert "No wheel files were used" in text and "## The team wheel" not in text
    assert "Files used: 5 of 6 (0 wheel file(s), 5 ranking file(s))" in text
    assert json.loads(team_report.to_json(profile))["files"] == {"total": 6, "used": 5, "left_out": 1, "duplicates": 0,
                                                                  "wheels": 0, "rankings": 5}


def test_no_ranking_files_means_no_ranking(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """Wheels only: ``ranking`` is None, the JSON says null, the CSV has one table and the files have no kinds."""
    profile = team.build_profile(sources([wheel_doc(ahep, i, {PD: {"current": i}}) for i in range(5)]), catalog)
    assert profile.ranking is None
    assert json.loads(team_report.to_json(profile))["ranking"] is None
    assert "\n\n" not in team_report.to_csv(profile) and "team ranking" not in team_report.to_markdown(profile)


def test_rankings_beside_wheels_and_the_gaps_that_matter(catalog: FrameworkCatalog, ahep: Framework) -> None:
    """The team ranks PD first; PD's aspiration gap (+4) is a gap that matters, SE's larger gap (rank 7) is not."""
    wheels = [wheel_doc(ahep, i, {PD: {"current": 4, "aspiration": 8}, SE: {"current": 1, "aspiration": 9}}, person=f"N{i}",
                        share="named") for i in range(5)]
    rankings = [ranking_doc(ahep, r, n, person=f"N{n}", share="named") for n, r in enumerate(four_people() + [four_people()[0]])]
    profile = team.build_profile(sources(wheels + rankings), catalog)
    assert profile.names == tuple(f"N{i}" for i in range(5))  # everyone named: each name once
    found = profile.gaps_that_matter()
    assert [(rank, cell.area_id, cell.series_id, cell.gap) for rank, _, cell in found] == [(1, PD, "aspiration", 4)]
    text = team_report.to_markdown(profile)
    assert "- Empowering Professional Development (team rank 1): Where I would like to be +4" in text
    assert "Files used: 10 of 10 (5 wheel file(s), 5 ranking file(s))" in text
    anonymous = team.build_profile(sources(wheels + rankings[:4] + [ranking_doc(ahep, four_people()[0], 9)]), catalog)
    assert anonymous.names is None  # one ranking file did not agree to be named


def test_the_team_order_becomes_an_ordinary_ranking(context: AppContext, catalog: FrameworkCatalog, ahep: Framework) -> None:
    """"The ranking the room agrees" starts from groups(): stored as a ranking, withheld areas at the bottom."""
    rankings = [[[RP, PD]] + [[a] for a in ahep.area_ids if a not in (PD, RP, WC)] for _ in range(5)]
    profile = team.build_profile(sources([ranking_doc(ahep, r, n) for n, r in enumerate(rankings)]), catalog)
    assert profile.ranking is not None
    agreed = context.rankings.create(context.framework, "Agreed in the room", groups=profile.ranking.groups())
    stored = context.rankings.get(agreed.id)
    assert stored is not None and stored.groups[0] == (PD, RP) and stored.groups[-1] == (WC,)


# --- the command and import ---------------------------------------------------------------------


def test_cli_on_a_folder_of_wheels_and_rankings(ahep: Framework, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`framewheel team FOLDER` with wheels, rankings and a bad ranking: both parts, the counts, the problem."""
    folder = tmp_path / "team"
    folder.mkdir()
    for i in range(5):
        (folder / f"wheel-{i}.json").write_text(json.dumps(wheel_doc(ahep, i, {PD: {"current": 2 * i}})), encoding="utf-8")
    for n, r in enumerate(four_people() + [four_people()[0]]):
        (folder / f"ranking-{n}.json").write_text(json.dumps(ranking_doc(ahep, r, n)), encoding="utf-8")
    (folder / "ranking-bad.json").write_text(json.dumps(ranking_doc(ahep, [[PD, PD]], 30)), encoding="utf-8")
    assert main(["team", "--format", "csv", str(folder)]) == 0
    captured = capsys.readouterr()
    wheel_table, ranking_table = captured.out.split("\n\n")
    assert wheel_table.startswith("area,series,n,median,") and f"{PD},current,5,4,1,7,0,8,,yes," in wheel_table
    assert ranking_table.splitlines()[0] == "team_rank,tied,area,n,mean_rank,min,q1,median,q3,max,range,iqr,agreement"
    assert f"1,no,{PD},5,1.2,1,1,1,1.5,2,1,0.5,agree" in ranking_table  # PD 1 1 1 1 2
    assert "ranking-bad.json: groups[0] 'professional-development' is ranked twice" in captured.err
    assert "10 of 11 file(s) used (5 wheel, 5 ranking), 1 left out" in captured.err
    assert main(["team", str(folder)]) == 0
    markdown = capsys.readouterr().out
    assert "## The team ranking" in markdown and "| 1 | Empowering Professional Development | 5 | 1.2 | 1-2 | 0.5 | agree |" in markdown
    assert main(["team", "--format", "json", str(folder)]) == 0
    ranking = json.loads(capsys.readouterr().out)["ranking"]
    assert ranking["files"] == 5 and ranking["areas"][0]["id"] == PD and ranking["areas"][0]["mean_rank"] == 1.2


def test_import_a_standalone_ranking_file(ahep: Framework, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`framewheel import` takes a ranking file on its own (share "named" and a person accepted, not stored);
    a bad share value or an unknown area is refused naming the field, and nothing is written."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(ranking_doc(ahep, [[WT, SE], [PD]], person="P-07", share="named")), encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", "--db", str(db), str(good)]) == 0
    assert f"{good}: imported 1 ranking" in capsys.readouterr().out
    for name, doc, expected in [
        ("share.json", ranking_doc(ahep, [[PD]], 1, share="yes"), 'share: must be "named"'),
        ("area.json", ranking_doc(ahep, [[PD], ["nowhere"]], 2), "groups[1]: 'nowhere' is not an area"),
    ]:
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        assert main(["import", "--db", str(db), str(path)]) == 1
        assert f"{path}: {expected}" in capsys.readouterr().err
    context = AppContext.open(db, user_dir=tmp_path / "user-frameworks")
    try:
        stored = context.rankings.list()
        assert len(stored) == 1 and stored[0].groups[0] == (WT, SE) and "P-07" not in json.dumps(stored[0].to_record())
    finally:
        context.close()


# --- example data -------------------------------------------------------------------------------


@pytest.mark.parametrize("framework_id", ["ahep", "four-series"])
def test_example_rankings(catalog: FrameworkCatalog, framework_id: str) -> None:
    """The same documents every time; each imports cleanly; none is a duplicate; twelve make a shown team ranking."""
    framework = catalog.get(framework_id)
    assert framework is not None
    docs = team_ranking.example_rankings(framework, 12)
    assert docs == team_ranking.example_rankings(framework, 12) and len(docs) == 12
    for doc in docs:
        problems, ranking = check_ranking(doc, catalog)
        assert problems == [] and ranking is not None
    assert all("person" not in doc and "share" not in doc for doc in docs)
    profile = team.build_profile(sources(docs), catalog)
    assert profile.duplicates == () and profile.ranking is not None and profile.ranking.files_used == 12
    assert len(profile.ranking.ranked()) == len(framework.areas) and profile.ranking.kendall_w is not None
    assert team_ranking.example_rankings(framework, 3) == docs[:3]
