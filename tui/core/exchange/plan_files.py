"""An action plan as a Markdown progress/RAG report and as CSV, and a plan read back from CSV.

CSV columns: ``section,milestone,rag,comment,owner,focus`` (a header row first).
A cell that could start a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, CR) is
written with a ``'`` in front, and the ``'`` is taken off again on import (``csv_cells``).
``rag`` is red, amber, green (or R, A, G) or empty for not rated; ``focus`` is
years such as ``2021 2022``. An import is checked whole before anything is
stored, and each problem names its line and column. No Textual here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from tui.core.action_plans import (
    RATING_TITLES,
    RATINGS,
    ActionPlan,
    FocusError,
    PlanItem,
    PlanSection,
    badge,
    format_focus,
    normalise_rating,
    outside_period_text,
    parse_focus,
)
from tui.core.csv_cells import safe_row
from tui.core.csv_rows import CsvImportError, CsvProblem, read_rows

CSV_COLUMNS = ("section", "milestone", "rag", "comment", "owner", "focus")
"""The columns of a plan's CSV form, in order."""

MAX_IMPORT_BYTES = 5_000_000
"""A CSV larger than this is refused (it cannot be a plan someone typed)."""


ImportProblem = CsvProblem
"""One thing wrong in a plan's CSV (the same as any CSV's problem)."""


class PlanImportError(CsvImportError):
    """A plan CSV that cannot be imported; ``problems`` lists every one, and nothing was stored."""


def plan_to_csv(plan: ActionPlan) -> str:
    """The plan's items as CSV text, one row per item, with the header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for section in plan.sections:
        for item in section.items:
            writer.writerow(safe_row([section.title, item.milestone, item.rag, item.comment, item.owner,
                                      format_focus(item.focus)]))
    return out.getvalue()


@dataclass(frozen=True)
class PlanRow:
    """One data row of a plan CSV: the line it starts on, its section, its item, and its empty cells.

    ``blank`` names the cells among rag, comment, owner and focus that the row leaves empty,
    so that an update can keep what the stored plan has there (see :mod:`tui.core.plan_update`).
    An explicit "not rated" (``-``, ``none``) in the rag column is not blank.
    """

    line: int
    section: str
    item: PlanItem
    blank: frozenset[str] = frozenset()


UPDATE_FIELDS = ("rag", "comment", "owner", "focus")
"""The cells an update may leave empty to keep the stored value."""


def plan_rows_from_csv(text: str) -> list[PlanRow]:
    """Every data row of a plan CSV, in file order; raise PlanImportError listing every problem."""
    try:
        rows, problems = read_rows(text, CSV_COLUMNS, max_bytes=MAX_IMPORT_BYTES)
    except CsvImportError as error:
        raise PlanImportError(error.problems) from None
    found: list[PlanRow] = []
    for start, cells in rows:
        item = _row_item(cells, start, problems)
        if item is not None:
            blank = frozenset(name for name in UPDATE_FIELDS if not cells[name].strip())
            found.append(PlanRow(start, cells["section"].strip(), item, blank))
    if not problems and not found:
        problems.append(ImportProblem(1, "", "the file has a header but no items"))
    if problems:
        raise PlanImportError(sorted(problems, key=lambda problem: problem.line))
    return found


def plan_from_rows(rows: list[PlanRow], project: str = "Imported plan") -> ActionPlan:
    """A new plan (id 0, not stored) of these rows: sections in the order they first appear."""
    sections: dict[str, list[PlanItem]] = {}
    for row in rows:
        sections.setdefault(row.section, []).append(row.item)
    return ActionPlan(id=0, project=project, sections=tuple(PlanSection(t, tuple(items)) for t, items in sections.items()))


def plan_from_csv(text: str, project: str = "Imported plan") -> ActionPlan:
    """A plan (id 0, not stored) from CSV text; raise PlanImportError listing every problem."""
    return plan_from_rows(plan_rows_from_csv(text), project)


def read_plan_file(path: Path) -> tuple[ActionPlan | None, list[ImportProblem]]:
    """The plan (id 0, not stored, named after the file) in the CSV file at ``path``, checked whole.

    Returns ``(plan, [])``, or ``(None, problems)`` listing everything wrong with the content.
    A file that cannot be read at all raises OSError, or UnicodeDecodeError when it is not UTF-8.
    """
    rows, problems = read_plan_rows(path)
    return (plan_from_rows(rows, project=path.stem), []) if rows is not None else (None, problems)


def read_plan_rows(path: Path) -> tuple[list[PlanRow] | None, list[ImportProblem]]:
    """The rows of the plan CSV file at ``path``, checked whole: ``(rows, [])`` or ``(None, problems)``.

    A file that cannot be read at all raises OSError, or UnicodeDecodeError when it is not UTF-8.
    """
    with open(path, "rb") as handle:
        data = handle.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        return None, [ImportProblem(1, "", f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB")]
    text = data.decode("utf-8")
    try:
        return plan_rows_from_csv(text), []
    except PlanImportError as error:
        return None, error.problems


def is_plan_csv(head: str) -> bool:
    """True when the first line of ``head`` names exactly the plan CSV's columns (any order and case)."""
    first = head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""
    names = [cell.strip().lower() for cell in next(csv.reader([first]), [])]
    return sorted(names) == sorted(CSV_COLUMNS)


def _row_item(cells: dict[str, str], line: int, problems: list[ImportProblem]) -> PlanItem | None:
    """One item from a row's cells, or None after adding its problems."""
    before = len(problems)
    if not cells["section"].strip():
        problems.append(ImportProblem(line, "section", "is empty; every item belongs to a section"))
    if not cells["milestone"].strip():
        problems.append(ImportProblem(line, "milestone", "is empty; every item needs a milestone"))
    rag = normalise_rating(cells["rag"])
    if rag is None:
        problems.append(ImportProblem(line, "rag", f"'{cells['rag']}' is not red, amber, green (R, A, G) or empty"))
    focus: tuple[int, ...] = ()
    try:
        focus = parse_focus(cells["focus"])
    except FocusError as error:
        problems.append(ImportProblem(line, "focus", str(error)))
    if len(problems) > before:
        return None
    return PlanItem(cells["milestone"].strip(), rag or "", cells["comment"].strip(), cells["owner"].strip(), focus)


def _cell(text: str) -> str:
    """Text made safe for one Markdown table cell (pipes escaped, lines joined)."""
    return " ".join(text.replace("|", "\\|").split()) or " "


def plan_to_markdown(plan: ActionPlan) -> str:
    """The plan as the seed's progress/RAG report (Appendix A), to paste into a submission.

    The header table (project, author, date, period covering, overall status), the counts, then
    the red milestones with their explanations first ("Please provide an explanation for those
    categorised as red"), then every milestone by theme in one table of milestone description,
    RAG rating and comments (owner and focus columns only when the plan uses them), a theme's
    name as a bold row as in the seed. Focus years outside the plan's period are flagged.
    """
    counts, total = plan.counts(), plan.item_count()
    lines = ["# Progress / RAG report", ""]
    if plan.example:
        lines += ["> Example data: the ratings are an example, not an assessment.", ""]
    header = [("Project", plan.project), ("Author", plan.author), ("Date", plan.date),
              ("Period covering", plan.period()), ("Overall project status", plan.status)]
    lines += ["| | |", "|---|---|"] + [f"| **{name}** | {_cell(value)} |" for name, value in header] + [""]
    share = f"{plan.green_share():.0%}" if total else "n/a"
    noun = "milestone" if total == 1 else "milestones"
    lines += [f"**{total} {noun}:** " + " · ".join(f"{badge(r)} {RATING_TITLES[r]} {counts[r]}" for r in RATINGS)
              + f"; green: {share}", ""]
    unexplained = plan.unexplained_reds()
    if unexplained:
        lines += [f"**{len(unexplained)} red milestone(s) have no explanation yet.**", ""]
    outside = plan.outside_period()
    if outside:
        lines += [f"**⚠ {len(outside)} milestone(s) have focus years outside the plan's period ({plan.period()}).**", ""]
    lines += _reds_markdown(plan)
    lines += _milestones_markdown(plan)
    if outside:
        lines += ["## Focus years outside the period", ""]
        lines += [f"- ⚠ {_cell(item.milestone)} ({_cell(plan.sections[s].title)}): "
                  f"{outside_period_text(plan.years_outside_period(item), plan)}" for s, _, item in outside]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _reds_markdown(plan: ActionPlan) -> list[str]:
    """The red milestones, each with its theme and explanation (or that none is given yet)."""
    reds = [(plan.sections[s].title, item) for s, _, item in plan.items() if item.rag == "red"]
    lines = ["## Red milestones and their explanations", ""]
    if not reds:
        return lines + ["No milestone is red.", ""]
    lines += ["| Theme | Milestone description | Explanation |", "|---|---|---|"]
    for title, item in reds:
        explanation = _cell(item.comment) if item.comment.strip() else "**No explanation given yet.**"
        lines.append(f"| {_cell(title)} | {_cell(item.milestone)} | {explanation} |")
    return lines + [""]


def _milestones_markdown(plan: ActionPlan) -> list[str]:
    """Every milestone by theme: one table, a bold row naming each theme, as in the seed's Appendix A."""
    entries = [item for _, _, item in plan.items()]
    owners, focus = any(item.owner for item in entries), any(item.focus for item in entries)
    columns = ["Milestone description", "RAG rating", "Comments"] + ["Owner"] * owners + ["Focus"] * focus
    lines = ["## Milestones by theme", ""]
    if not plan.sections:
        return lines + ["No milestones.", ""]
    lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    blank = " |" * (len(columns) - 1)
    for section in plan.sections:
        lines.append(f"| **{_cell(section.title)}** |{blank}")
        if not section.items:
            lines.append(f"| *No milestones yet.* |{blank}")
        for item in section.items:
            cells = [_cell(item.milestone), f"{badge(item.rag)} {RATING_TITLES[item.rag]}", _cell(item.comment)]
            if owners:
                cells.append(_cell(item.owner))
            if focus:
                years = plan.years_outside_period(item)
                mark = f" (⚠ {', '.join(str(y) for y in years)} outside the period)" if years else ""
                cells.append(_cell(format_focus(item.focus)) + mark)
            lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]
