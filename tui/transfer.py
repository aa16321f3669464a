"""What the activities do together: the "all data" export and import, and the 1:1 report.

Each reads the run's :class:`~tui.activities.ActivityRegistry` (``context.activities``)
and reaches records only through the activities' repositories. Import reads and checks
every file before anything is written; a file with any problem, or one already imported,
adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.exchange import BUNDLE_FORMAT, read_json_file
from tui.core.timestamps import timestamp_problems
from tui.core.reports.one_to_one import ReportHeader, WheelText, build_report, slug
from tui.core.wheels import now_iso

if TYPE_CHECKING:
    from tui.activities import Exchange
    from tui.context import AppContext
    from tui.core.wheels import Assessment


def export_all(context: AppContext) -> dict[str, Any]:
    """Every activity's records as one ``framewheel/export@1`` bundle, each list in its activity's order."""
    document: dict[str, Any] = {"format": BUNDLE_FORMAT, "exported": now_iso()}
    for part in context.activities.exchanges():
        if part.documents is not None:
            document[part.section.name] = part.documents(context)
        else:
            document[part.section.name] = [part.section.document(record) for record in part.stored(context)]
    return document


@dataclass
class FileOutcome:
    """What importing one file found, and what it would store."""

    path: str
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Said about items imported all the same (a wheel of another framework version)."""
    counts: dict[str, int] = field(default_factory=dict)
    records: list[tuple[Exchange, list[Any]]] = field(default_factory=list)
    """The new records to store, section by section (stored only if every file is fine)."""

    @property
    def importable(self) -> bool:
        """True when the file has no problems (its new items can be written)."""
        return not self.problems


def section_nouns(context: AppContext) -> dict[str, Any]:
    """Each bundle section by name (to say "2 wheels, 1 ranking")."""
    return {part.section.name: part.section for part in context.activities.exchanges()}


MAX_PROBLEMS_SHOWN = 50
"""How many problems of one file are listed; the rest are counted in one line."""


def check_file(context: AppContext, path: str, seen: set[str]) -> FileOutcome:
    """Read and check one exchange file against what is stored; nothing is written."""
    outcome = FileOutcome(path)
    parts = context.activities.exchanges()
    if _plan_csv(context, path, outcome, seen):
        return _shortened(path, outcome)
    from_csv = _institution_csv(context, path, outcome)
    if from_csv is not None:
        name, documents = from_csv
        work = [(part, documents, "") for part in parts if part.section.name == name]
        return _check_sections(context, path, outcome, seen, work)
    if outcome.problems:
        return _shortened(path, outcome)
    doc, why = read_json_file(path)
    if why is not None:
        outcome.problems.append(f"{path}: {why}")
        return outcome
    if isinstance(doc, dict) and doc.get("format") == BUNDLE_FORMAT:
        names = {part.section.name for part in parts}
        outcome.problems.extend(f"{path}: {k}: is not a section of {BUNDLE_FORMAT}" for k in doc if k not in names | {"format", "exported"})
        outcome.problems.extend(f"{path}: {f}: {m}" for f, m in timestamp_problems(doc, ("exported",)))
        work = [(part, doc.get(part.section.name, []), part.section.name + "[{}].") for part in parts]
    else:
        # A single record on its own: a wheel, a ranking, or any section that declares a standalone format.
        found_format = doc.get("format") if isinstance(doc, dict) else None
        alone = [part for part in parts if part.section.standalone_format and part.section.standalone_format == found_format]
        if not alone:
            found = json.dumps(found_format) if isinstance(doc, dict) else "no format"
            known = [part.section.standalone_format for part in parts if part.section.standalone_format]
            outcome.problems.append(f"{path}: format: {found} is not {', '.join(known)} or {BUNDLE_FORMAT}")
            return outcome
        work = [(alone[0], [doc], "")]
    return _check_sections(context, path, outcome, seen, work)


def _check_sections(context: AppContext, path: str, outcome: FileOutcome, seen: set[str],
                    work: list[tuple[Exchange, Any, str]]) -> FileOutcome:
    """Check each section's items of one file (its problems, duplicates and new records added to ``outcome``)."""
    for part, items, prefix in work:
        if not isinstance(items, list):
            outcome.problems.append(f"{path}: {part.section.name}: must be a list")
            continue
        checked = part.section.check(items, prefix, seen, part.compared(context), context.catalog)
        outcome.problems.extend(f"{path}: {f}: {m}" if f else f"{path}: {m}" for f, m in checked.problems)
        outcome.duplicates.extend(f"{path}: {d}" for d in checked.duplicates)
        outcome.notices.extend(f"{path}: {n}" for n in checked.notices)
        if checked.records:
            outcome.records.append((part, checked.records))
            outcome.counts[part.section.name] = checked.count
    return _shortened(path, outcome)


def _shortened(path: str, outcome: FileOutcome) -> FileOutcome:
    """The outcome with at most MAX_PROBLEMS_SHOWN problems listed and the rest counted."""
    if len(outcome.problems) > MAX_PROBLEMS_SHOWN:
        more = len(outcome.problems) - MAX_PROBLEMS_SHOWN
        outcome.problems[MAX_PROBLEMS_SHOWN:] = [f"{path}: ... and {more:,} more problems (the first {MAX_PROBLEMS_SHOWN} are listed)"]
    return outcome


CSV_HEAD_BYTES = 4096
"""How much of a file is read to tell a catalogue or value mapping CSV by its header."""


def _institution_csv(context: AppContext, path: str, outcome: FileOutcome) -> tuple[str, list[Any]] | None:
    """A catalogue or value mapping CSV's (section name, documents) over the chosen framework, or None.

    None too when the file is not such a CSV (then it is read as JSON), or when it is one with
    problems: those are added to ``outcome``, each with its line and column.
    """
    from tui.core.exchange.institution import MAX_CSV_BYTES, CsvImportError, csv_documents, is_catalogue_csv, is_values_csv

    try:
        with open(path, "rb") as handle:
            head = handle.read(CSV_HEAD_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return None  # the JSON reader says what is wrong with the file
    if not (is_catalogue_csv(head) or is_values_csv(head)):
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CSV_BYTES + 1)
        text = data.decode("utf-8")
    except OSError as error:
        outcome.problems.append(f"{path}: cannot be read ({error.strerror or error})")
        return None
    except UnicodeDecodeError as error:
        outcome.problems.append(f"{path}: is not UTF-8 text (byte {error.start + 1})")
        return None
    try:
        found = csv_documents(text, context.framework)
    except CsvImportError as error:
        outcome.problems.extend(f"{path}: {problem}" for problem in error.problems)
        return None
    if found is not None:
        what = "development activity catalogue" if is_catalogue_csv(head) else "value mapping"
        outcome.notices.append(f"{path}: read as a {what} (CSV) for the framework '{context.framework.id}'")
    return found


def _plan_csv(context: AppContext, path: str, outcome: FileOutcome, seen: set[str]) -> bool:
    """True when ``path`` is an action plan's CSV (told by its header): read whole as a new plan named after the file.

    Its problems, or the new plan to store, are added to ``outcome``. A plan of that name already
    stored (or made by an earlier file of this run) is refused, pointing to ``--plan``.
    """
    from tui.core.action_plans import KIND
    from tui.core.exchange.plan_files import is_plan_csv, plan_from_rows
    from tui.core.plan_update import match_key, plans_named
    from tui.plan_import import read_plan_csv

    try:
        with open(path, "rb") as handle:
            head = handle.read(CSV_HEAD_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return False  # the JSON reader says what is wrong with the file
    if not is_plan_csv(head):
        return False
    rows, problems = read_plan_csv(path)
    outcome.problems.extend(problems)
    if rows is None:
        return True
    name = Path(path).stem
    key = f"{KIND} csv:{match_key(name)}"
    if plans_named(context.action_plans.list(), name) or key in seen:
        outcome.problems.append(f"{path}: an action plan named '{name}' already exists, so this file was not imported "
                                f"as a new one; to update that plan from it: framewheel import --plan '{name}' {path}")
        return True
    seen.add(key)
    parts = [part for part in context.activities.exchanges() if part.section.name == "action_plans"]
    outcome.records.append((parts[0], [replace(plan_from_rows(rows, name), status="Imported")]))
    outcome.counts["action_plans"] = 1
    outcome.notices.append(f"{path}: read as an action plan (CSV): a new plan '{name}' of {len(rows)} item(s)")
    return True


def import_files(context: AppContext, paths: list[str]) -> list[FileOutcome]:
    """Check every file first, then store the new items of each file without problems.

    The check against the stored records and the writes are one step under the data
    file's inter-process lock (re-entrant, so each store's own locking nests), so two
    imports of one file started together store it once: the second sees the first's records.
    """
    with context.db.locked():
        seen: set[str] = set()
        outcomes = []
        for path in paths:
            local = set(seen)
            outcome = check_file(context, path, local)
            if outcome.importable:
                seen = local
            outcomes.append(outcome)
        for outcome in outcomes:
            if outcome.importable:
                for part, records in outcome.records:
                    part.store(context, records)
            else:
                outcome.counts = {}
                outcome.notices = []
    return outcomes


REPORT_FORMATS = ("md", "html")
"""The 1:1 report's forms: Markdown (for an email) and one self-contained HTML file (for a browser and print)."""


def report_header_for(context: AppContext, wheel: Assessment, header: ReportHeader | None = None) -> ReportHeader:
    """The header to print: ``header``, else the remembered one; the role chosen for the wheel when no role is given."""
    header = header if header is not None else (context.report_header() or ReportHeader())
    framework = context.catalog.get(wheel.framework_id)
    if not header.role.strip() and framework is not None and context.activities.get("roles") is not None:
        chosen = context.roles.chosen_for_wheel(framework, wheel.id)
        if chosen is not None:
            header = replace(header, role=chosen[0].name)
    return header


def report_for(context: AppContext, wheel: Assessment, wheel_text: WheelText | None = None, *,
               report_format: str = "md", header: ReportHeader | None = None) -> str:
    """The 1:1 report of a stored wheel with its open objectives and every activity's section (Markdown or HTML)."""
    framework = context.catalog.get(wheel.framework_id)
    if framework is None:
        raise LookupError(f"the wheel's framework '{wheel.framework_id}' is not loaded "
                          "(give its file before the command: framewheel --framework FILE ...)")
    objectives = context.development_plan.open_objectives(framework.id)
    extra = [section for source in context.activities.report_sources() if (section := source(context, wheel, framework))]
    header = report_header_for(context, wheel, header)
    if report_format == "html":
        from tui.core.reports.html_report import build_html_report

        return build_html_report(wheel, framework, objectives, extra, header)
    return build_report(wheel, framework, objectives, extra, wheel_text, header)


def report_folder() -> Path:
    """The folder the app writes reports to (the output folder)."""
    from tui.storage.output import output_dir

    return output_dir()


def report_file_name(wheel: Assessment, report_format: str = "md") -> str:
    """The report's file name: ``report-ID-LABEL.md`` (or ``.html``)."""
    return f"report-{wheel.id}-{slug(wheel.label)}.{report_format}"


def write_report_file(context: AppContext, wheel: Assessment, folder: Path | None = None, *,
                      report_format: str = "md", text: str | None = None) -> Path:
    """Write the wheel's report (private, atomically) into the output folder; return its path.

    ``text`` is the report already made (the one previewed); without it the report is made now.
    """
    from tui.storage.output import write_output

    text = report_for(context, wheel, report_format=report_format) if text is None else text
    return write_output(report_file_name(wheel, report_format), text.encode("utf-8"), folder)
