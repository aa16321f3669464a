"""The team profile's outputs: the Markdown team report, CSV and JSON, the spread strip and the team wheel.

The profile itself (files checked, aggregates, the anonymity threshold) is built by
:mod:`tui.core.team`, its team ranking by :mod:`tui.core.team_ranking`; nothing here computes a
value the profile withheld.

The team ranking, when ranking files were given, appears in each format:

* Markdown: a section "The team ranking" (a table: rank with ``=`` for a shared rank, area, n,
  mean rank, the individual ranks' range and interquartile range, agreement; then Kendall's W)
  and, where the wheels have gaps, "The gaps that matter most to the team".
* CSV: **a second table below the wheel table, after one empty line**, with its own header row
  (:data:`RANKING_CSV_COLUMNS`, one row per area in team order). Two tables in one file keep
  ``framewheel team --format csv`` one output, as for the other formats, and a spreadsheet shows
  them one under the other; a reader of the wheel table stops at the empty line. Kendall's W is
  not in the CSV (it is one figure for the whole team; see the Markdown or JSON).
* JSON: a ``ranking`` object in the ``framewheel/team-profile@1`` document (null without
  ranking files).

Below the minimum group size each says "fewer than N" instead of any value.
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from tui.core import charts
from tui.core.model import Framework, Scale
from tui.core.rankings import rank_label
from tui.core.team import QUARTILE_METHOD, TEAM_PROFILE_FORMAT, Spread, TeamProfile
from tui.core.team_ranking import AGREEMENT_RULE, MEAN_RULE, TeamRanking, agreement_thresholds

TRACK_WIDTH = 21
"""The width of a spread strip in characters (one character per point on a 0-20 scale)."""

REPORT_WIDTH, REPORT_HEIGHT = 72, 30
"""The size of the team wheel drawn in the Markdown report."""


def number(value: float) -> str:
    """A statistic as text: ``6``, ``6.5``, ``-1.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def signed(value: float) -> str:
    """A gap as text with its sign: ``+2``, ``-1.5``, ``0``."""
    return ("+" if value > 0 else "") + number(value)


def _series_title(framework: Framework, series_id: str) -> str:
    """The title of a series of the framework."""
    return next((s.title for s in framework.series if s.id == series_id), series_id)


def _area_title(framework: Framework, area_id: str) -> str:
    """The title of an area of the framework."""
    area = framework.area(area_id)
    return area.title if area else area_id


def strip(cell_spread: Spread, scale: Scale, width: int = TRACK_WIDTH) -> str:
    """A spread strip readable without colour: min..q1 and q3..max ``░``, q1..q3 ``▓``, median ``┃``, ``·`` elsewhere."""
    span = scale.max - scale.min or 1

    def at(value: float) -> int:
        """The character position of a value on the track."""
        return round((value - scale.min) / span * (width - 1))

    track = ["·"] * width
    for i in range(at(cell_spread.min), at(cell_spread.max) + 1):
        track[i] = "░"
    for i in range(at(cell_spread.q1), at(cell_spread.q3) + 1):
        track[i] = "▓"
    track[at(cell_spread.median)] = "┃"
    return "".join(track)


def chart_data(profile: TeamProfile) -> charts.ChartData:
    """The team wheel: one shape per series through its medians (rounded to whole points; withheld: not drawn)."""
    framework = profile.framework
    shapes = []
    for series, style in zip(framework.series, charts.series_styles(framework)):
        values = []
        for area in framework.areas:
            found = profile.cell(area.id, series.id).spread
            values.append(math.floor(found.median + 0.5) if found else None)
        shapes.append(charts.ChartSeries(f"{series.title} (median)", tuple(values), style))
    return charts.ChartData(charts.area_labels(framework), tuple(shapes), framework.scale.min,
                            framework.scale.max, charts.scale_text(framework))


def mean_rank(value: float) -> str:
    """A mean rank as text, to two decimals without trailing zeros: ``2``, ``2.5``, ``2.33``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def files_used_text(profile: TeamProfile) -> str:
    """``Files used: 9 of 10``, with how many wheel and ranking files when ranking files were given."""
    text = f"Files used: {profile.files_used} of {profile.files_total}"
    if profile.ranking is not None:
        text += f" ({profile.wheel_files_used} wheel file(s), {profile.ranking_files_used} ranking file(s))"
    return text


def _summary_lines(profile: TeamProfile) -> list[str]:
    """Files used, left out and duplicates, as lines of text."""
    lines = [files_used_text(profile)]
    if profile.problems:
        lines.append(f"Files left out: {profile.files_left_out}")
    if profile.duplicates:
        lines.append(f"Duplicates counted once: {len(profile.duplicates)}")
    return lines


def to_markdown(profile: TeamProfile) -> str:
    """The team report in Markdown: summary, team wheel, spread per area, discuss, gaps, questions."""
    framework = profile.framework
    withheld = profile.withheld
    out = [f"# Team profile: {framework.title}", "", f"Framework: {framework.title} ({framework.id}, version {framework.version})", ""]
    out += [f"- {line}" for line in _summary_lines(profile)]
    out += [f"- Minimum group size: {profile.min_group} (each {framework.area_name} and series rated by fewer people shows \"{withheld}\", not values)",
            f"- Quartiles: {QUARTILE_METHOD}",
            f"- People: {', '.join(profile.names)}" if profile.names is not None
            else "- People: anonymous (names appear only when every file agreed to be named)", ""]
    if profile.problems or profile.duplicates:
        out += ["## Files left out", ""]
        out += [f"- {problem}" for problem in profile.problems]
        out += [f"- {duplicate}" for duplicate in profile.duplicates]
        out.append("")
    if profile.wheel_files_used:
        out += ["## The team wheel (medians)", "", "```", charts.radar(chart_data(profile), REPORT_WIDTH, REPORT_HEIGHT, colour=False).rstrip("\n"), "```", ""]
        scale = framework.scale
        out += [f"## Spread per {framework.area_name}", "",
                f"Scale {scale.min} to {scale.max}. Strip: ░ min to q1 and q3 to max, ▓ q1 to q3, ┃ median, · outside the range given.", ""]
        for area in framework.areas:
            out += [f"### {area.title}", "", "```"]
            for series in framework.series:
                cell = profile.cell(area.id, series.id)
                title = f"{series.title[:28]:<28}"
                if cell.spread is None:
                    out.append(f"{title} n={cell.n:<3} {withheld}")
                    continue
                s = cell.spread
                gap = f" gap {signed(cell.gap)}" if cell.gap is not None else ""
                out.append(f"{title} n={cell.n:<3} {strip(s, scale)} median {number(s.median)}, "
                           f"q1 {number(s.q1)}, q3 {number(s.q3)}, {s.min}-{s.max}{gap}")
            out += ["```", ""]
        threshold = profile.discuss_threshold
        out += ["## To discuss", "",
                f"{framework.area_words} where the team disagrees most on the baseline series ({framework.baseline.title}): "
                f"an interquartile range of {threshold} or more (3/10 of the scale, rounded up).", ""]
        flagged = profile.discuss()
        out += [f"- {_area_title(framework, c.area_id)}: q1 {number(c.spread.q1)} to q3 {number(c.spread.q3)}"
                for c in flagged if c.spread] or ["- None."]
        out += ["", "## The largest gaps", "", f"median(series) - median({framework.baseline.title}):", ""]
        out += [f"- {_area_title(framework, c.area_id)}, {_series_title(framework, c.series_id)}: {signed(c.gap)}"
                for c in profile.largest_gaps() if c.gap is not None] or ["- None to show."]
    else:
        out += ["No wheel files were used: this profile holds the team ranking only.", ""]
    if profile.ranking is not None:
        if out[-1] != "":
            out.append("")
        out += _ranking_markdown(profile, profile.ranking)
        while out[-1] == "":
            out.pop()
    if framework.team_questions:
        out += ["", "## Questions for the team", ""]
        out += [f"{i}. {question}" for i, question in enumerate(framework.team_questions, 1)]
    return "\n".join(out) + "\n"


def _ranking_markdown(profile: TeamProfile, ranking: TeamRanking) -> list[str]:
    """The sections "The team ranking" and "The gaps that matter most to the team" as lines."""
    framework = profile.framework
    withheld = ranking.withheld
    agree, split = agreement_thresholds(len(framework.areas))
    out = ["## The team ranking", "",
           f"From {ranking.files_used} ranking file(s). Mean rank: the mean of each person's rank of the "
           f"{framework.area_name} (1 is the most important); {MEAN_RULE}. Team order by mean rank: equal means "
           f"share a rank and the next rank is skipped (1, 1, 3); `=` marks a shared rank. Agreement: {AGREEMENT_RULE} "
           f"(with {len(framework.areas)} {framework.area_words.lower()}: agree up to {number(round(agree, 2))}, "
           f"split from {number(round(split, 2))}).", ""]
    if not ranking.shown:
        out += [f"The team ranking is withheld: {withheld} ranking files were used.", ""]
        return out
    out += [f"| Rank | {framework.area_word} | n | Mean rank | Ranks | IQR | Agreement |",
            "|---:|---|---:|---:|---|---:|---|"]
    for entry in ranking.areas:
        title = _area_title(framework, entry.area_id).replace("|", "\\|")
        if entry.spread is None or entry.rank is None:
            out.append(f"| - | {title} | {entry.n} | {withheld} | | | |")
            continue
        s = entry.spread
        out.append(f"| {rank_label(entry.rank, entry.tied)} | {title} | {entry.n} | {mean_rank(s.mean)} | "
                   f"{s.min}-{s.max} | {number(s.iqr)} | {s.agreement} |")
    out.append("")
    if ranking.kendall_w is not None:
        out += [f"Overall agreement (Kendall's W, 0 none to 1 complete): {ranking.kendall_w:.2f}, "
                f"from the {ranking.w_files} ranking(s) that rank every {framework.area_name}.", ""]
    else:
        out += [f"Overall agreement (Kendall's W): not computed ({withheld} rankings rank every {framework.area_name}, "
                "or every one ties them all).", ""]
    if profile.wheel_files_used:
        out += ["## The gaps that matter most to the team", "",
                f"Gaps of {profile.discuss_threshold} points or more (either way) in the {framework.area_words.lower()} "
                f"the team ranks in its top 3:", ""]
        out += [f"- {_area_title(framework, cell.area_id)} (team rank {rank_label(rank, tied)}): "
                f"{_series_title(framework, cell.series_id)} {signed(cell.gap)}"
                for rank, tied, cell in profile.gaps_that_matter() if cell.gap is not None] or ["- None."]
        out.append("")
    return out


CSV_COLUMNS = ("area", "series", "n", "median", "q1", "q3", "min", "max", "gap", "discuss", "histogram")
"""The columns of the team profile's CSV, one row per area and series."""


def to_csv(profile: TeamProfile) -> str:
    """One row per area and series; below the minimum group the value cells say "fewer than N"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    base = profile.framework.baseline.id
    for cell in profile.cells:
        s = cell.spread
        if s is None:
            writer.writerow([cell.area_id, cell.series_id, cell.n] + [profile.withheld] * 8)
            continue
        gap = signed(cell.gap) if cell.gap is not None else ("" if cell.series_id == base else profile.withheld)
        discuss = ("yes" if cell.discuss else "no") if cell.series_id == base else ""
        writer.writerow([cell.area_id, cell.series_id, cell.n, number(s.median), number(s.q1), number(s.q3),
                         s.min, s.max, gap, discuss, " ".join(str(count) for count in s.histogram)])
    if profile.ranking is not None:
        buffer.write("\n")
        _ranking_csv(writer, profile.ranking)
    return buffer.getvalue()


RANKING_CSV_COLUMNS = ("team_rank", "tied", "area", "n", "mean_rank", "min", "q1", "median", "q3", "max", "range", "iqr",
                       "agreement")
"""The columns of the team ranking's table in the CSV (after an empty line), one row per area in team order."""


def _ranking_csv(writer: Any, ranking: TeamRanking) -> None:
    """The team ranking's table: its header, then one row per area (withheld: "fewer than N" in every value)."""
    writer.writerow(RANKING_CSV_COLUMNS)
    for entry in ranking.areas:
        s = entry.spread
        if s is None or entry.rank is None:
            writer.writerow([ranking.withheld, "", entry.area_id, entry.n] + [ranking.withheld] * 9)
            continue
        writer.writerow([entry.rank, "yes" if entry.tied else "no", entry.area_id, entry.n, mean_rank(s.mean), s.min,
                         number(s.q1), number(s.median), number(s.q3), s.max, s.range, number(s.iqr), s.agreement])


def to_document(profile: TeamProfile) -> dict[str, Any]:
    """The team profile as a ``framewheel/team-profile@1`` JSON document."""
    framework = profile.framework
    base = framework.baseline.id
    areas: list[dict[str, Any]] = []
    for area in framework.areas:
        series: dict[str, Any] = {}
        for s in framework.series:
            cell = profile.cell(area.id, s.id)
            entry: dict[str, Any] = {"n": cell.n}
            if cell.spread is None:
                entry["withheld"] = profile.withheld
            else:
                entry.update(median=cell.spread.median, q1=cell.spread.q1, q3=cell.spread.q3, min=cell.spread.min,
                             max=cell.spread.max, histogram=list(cell.spread.histogram))
                if s.id != base:
                    entry["gap"] = cell.gap if cell.gap is not None else profile.withheld
                else:
                    entry["discuss"] = cell.discuss
            series[s.id] = entry
        areas.append({"id": area.id, "title": area.title, "series": series})
    return {
        "format": TEAM_PROFILE_FORMAT,
        "framework": {"id": framework.id, "version": framework.version},
        "scale": {"min": framework.scale.min, "max": framework.scale.max},
        "baseline": base,
        "series": [{"id": s.id, "title": s.title} for s in framework.series],
        "min_group": profile.min_group,
        "quartiles": QUARTILE_METHOD,
        "discuss_iqr": profile.discuss_threshold,
        "files": _files_document(profile),
        "problems": [{"file": p.file, "field": p.field, "message": p.message} for p in profile.problems],
        "duplicates": list(profile.duplicates),
        "names": list(profile.names) if profile.names is not None else None,
        "areas": areas,
        "ranking": ranking_document(profile.ranking) if profile.ranking is not None else None,
    }


def ranking_document(ranking: TeamRanking) -> dict[str, Any]:
    """The team ranking's ``ranking`` object of the team-profile JSON (withheld: no values at all)."""
    framework = ranking.framework
    agree, split = agreement_thresholds(len(framework.areas))
    document: dict[str, Any] = {
        "files": ranking.files_used,
        "min_group": ranking.min_group,
        "tie_rule": "standard competition ranking (1, 1, 3) of the mean ranks",
        "mean_rule": MEAN_RULE,
        "agreement_rule": AGREEMENT_RULE,
        "agreement_iqr": {"agree_up_to": agree, "split_from": split},
    }
    if not ranking.shown:
        document["withheld"] = ranking.withheld
    else:
        document["kendall_w"] = ranking.kendall_w
        document["kendall_w_files"] = ranking.w_files
    areas: list[dict[str, Any]] = []
    for entry in ranking.areas:
        item: dict[str, Any] = {"id": entry.area_id, "title": _area_title(framework, entry.area_id), "n": entry.n}
        s = entry.spread
        if s is None or entry.rank is None:
            item["withheld"] = ranking.withheld
        else:
            item.update(rank=entry.rank, tied=entry.tied, mean_rank=s.mean, min=s.min, q1=s.q1, median=s.median, q3=s.q3,
                        max=s.max, range=s.range, iqr=s.iqr, agreement=s.agreement)
        areas.append(item)
    document["areas"] = areas
    document["groups"] = [list(group) for group in ranking.groups()]
    return document


def _files_document(profile: TeamProfile) -> dict[str, int]:
    """The ``files`` object: total, used, left out, duplicates; with ranking files, the wheels and rankings used."""
    files = {"total": profile.files_total, "used": profile.files_used, "left_out": profile.files_left_out,
             "duplicates": len(profile.duplicates)}
    if profile.ranking is not None:
        files.update(wheels=profile.wheel_files_used, rankings=profile.ranking_files_used)
    return files


def to_json(profile: TeamProfile) -> str:
    """The team profile's JSON text (UTF-8, indented)."""
    return json.dumps(to_document(profile), indent=2, ensure_ascii=False) + "\n"
