"""The 1:1 report fit for the meeting: the header, wish above need, no empty sections, and the HTML file with SVG charts."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.unit.test_development_plan import add, rated_wheel
from tui import transfer
from tui.context import AppContext
from tui.core.reports.one_to_one import ReportHeader, meeting_date_problem
from tui.core.reports.svg_charts import RADAR_SIZE, RADIUS

HEADER = ReportHeader("Sam <Lee>", "Research technician", "2027-01-15")


class Elements(HTMLParser):
    """Every start tag of an HTML document with its attributes, and the document's text."""

    def __init__(self) -> None:
        """Nothing read yet."""
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the tag and its attributes."""
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        """Keep the text."""
        self.text.append(data)

    def with_class(self, name: str) -> list[dict[str, str]]:
        """The attributes of every element of this class."""
        return [attrs for _, attrs in self.tags if name in attrs.get("class", "").split()]


def parsed(html: str) -> Elements:
    """The document, parsed."""
    elements = Elements()
    elements.feed(html)
    return elements


def html_report(context: AppContext, header: ReportHeader | None = HEADER) -> str:
    """The HTML report of the context's latest wheel."""
    wheel = context.assessments.latest()
    assert wheel is not None
    return transfer.report_for(context, wheel, report_format="html", header=header)


def test_html_is_one_self_contained_file(context: AppContext) -> None:
    """No scripts, no links or sources outside the file, no web fonts or imports: it opens offline and prints."""
    wheel = rated_wheel(context)
    context.assessments.set_note(wheel.id, "working-together", "<script>alert(1)</script> see [x](https://example.org) ![i](http://e/i.png)")
    html = html_report(context)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    lowered = html.lower()
    assert "<script" not in lowered and "<link" not in lowered and "<iframe" not in lowered and "<img" not in lowered
    assert "@import" not in lowered and "url(" not in lowered and "@font-face" not in lowered
    attributes = [value for _, attrs in parsed(html).tags for name, value in attrs.items() if name in ("href", "src", "xlink:href")]
    assert attributes == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the note is shown as typed, as text
    assert "@media print" in html


def test_svg_numbers_match_the_wheel(context: AppContext) -> None:
    """Each radar vertex and each bar carries the wheel's rating, and each vertex sits at that rating's radius."""
    wheel = rated_wheel(context)
    framework = context.framework
    doc = parsed(html_report(context))
    vertices = doc.with_class("vertex")
    letters = dict(zip((s.id for s in framework.series), framework.series_letters))
    labels = {(f"{a.code} " if a.code else "") + a.label: a for a in framework.areas}
    expected = {(letters[s.id], (f"{a.code} " if a.code else "") + a.label): wheel.rating(a.id, s.id)
                for a in framework.areas for s in framework.series}
    drawn = {(v["data-series"], v["data-area"]): int(v["data-value"]) for v in vertices}
    assert drawn == {key: value for key, value in expected.items() if value is not None}
    assert len(drawn) == 8 + 3 + 3  # the not-rated values are left out, never drawn as 0
    span = framework.scale.max - framework.scale.min
    centre = RADAR_SIZE / 2
    for v in vertices:
        radius = math.hypot(float(v["data-x"]) - centre, float(v["data-y"]) - centre)
        assert radius == pytest.approx(RADIUS * (int(v["data-value"]) - framework.scale.min) / span, abs=0.02)
    assert set(labels) >= {area for _, area in drawn}
    bars = {(b["data-series"], b["data-area"]): b["data-value"] for b in doc.with_class("bar")}
    assert bars == {key: "" if value is None else str(value) for key, value in expected.items()}


def test_vertex_coordinates_are_the_polygon_points(context: AppContext) -> None:
    """The series' polygon passes through its vertices (the shape is drawn from the same numbers)."""
    rated_wheel(context)
    html = html_report(context)
    first = re.search(r'<g class="series" data-series="N"[^>]*>\s*<polygon points="([^"]+)"', html)
    assert first is not None
    points = [tuple(p.split(",")) for p in first.group(1).split()]
    now = [(v["data-x"], v["data-y"]) for v in parsed(html).with_class("vertex") if v["data-series"] == "N"]
    assert points == now and len(now) == 8


def test_header_in_both_forms(context: AppContext) -> None:
    """Name, role and meeting date head the report, escaped in HTML."""
    rated_wheel(context)
    wheel = context.assessments.latest()
    assert wheel is not None
    markdown = transfer.report_for(context, wheel, header=HEADER)
    assert "**Name:** Sam <Lee> · **Role:** Research technician · **Meeting:** 2027-01-15" in markdown.splitlines()
    html = html_report(context)
    assert "<dt>Name</dt><dd>Sam &lt;Lee&gt;</dd><dt>Role</dt><dd>Research technician</dd>" in html
    assert "<dt>Meeting</dt><dd>2027-01-15</dd>" in html


def test_remembered_header_and_chosen_role(context: AppContext) -> None:
    """Without a header given, the remembered one is used; no role given: the role chosen for the wheel."""
    wheel = rated_wheel(context)
    assert "**Name:**" not in transfer.report_for(context, wheel)
    context.set_report_header(ReportHeader("Alex", "", "2027-02-01"))
    assert context.report_header() == ReportHeader("Alex", "", "2027-02-01")
    assert "**Name:** Alex · **Meeting:** 2027-02-01" in transfer.report_for(context, wheel)
    role = context.roles.create(context.framework, "Lab lead", {"working-together": 7})
    context.roles.choose_for_wheel(wheel.id, role)
    assert "**Name:** Alex · **Role:** Lab lead · **Meeting:** 2027-02-01" in transfer.report_for(context, wheel)
    context.set_report_header(ReportHeader("Alex", "Senior technician", "2027-02-01"))
    assert "**Role:** Senior technician" in transfer.report_for(context, wheel)  # a role typed wins


def test_wish_above_need_present_only_when_there_is_one(context: AppContext) -> None:
    """The section lists where the wish is above the organisation's need; with none, there is no section."""
    wheel = rated_wheel(context)  # every wish is at or below the need here
    assert "Wish above the organisation's need" not in transfer.report_for(context, wheel)
    assert "Wish above the organisation&#x27;s need" not in html_report(context)
    wheel = context.assessments.set_rating(wheel.id, context.framework, "service-excellence", "organisation", 4)
    text = transfer.report_for(context, wheel)
    assert "## Wish above the organisation's need" in text
    assert "- Delivering Service Excellence: +5 (needs 4, would like 9)" in text
    assert "<li>Delivering Service Excellence: +5 (needs 4, would like 9)</li>" in html_report(context)


@pytest.mark.parametrize("framework_id", ["aspect-core-principles", "technician-commitment"])
def test_no_reflection_section_without_questions(context: AppContext, framework_id: str) -> None:
    """A framework that asks no reflection questions has no Reflection section (not "none answered yet")."""
    framework = context.choose_framework(framework_id)
    assert not framework.reflection
    wheel = context.assessments.create(framework, "No questions")
    markdown = transfer.report_for(context, wheel)
    assert "## Reflection" not in markdown and "reflection questions" not in markdown
    html = html_report(context, None)
    assert "<h2>Reflection</h2>" not in html
    assert "<h2>Ratings</h2>" in html and "<h2>Open objectives</h2>" in html


def test_objectives_and_tables_rendered(context: AppContext) -> None:
    """The ratings table and the open objectives appear as HTML tables and lists."""
    rated_wheel(context)
    add(context, "Open one", target_date="2027-03-31")
    html = html_report(context)
    assert "<table>" in html and "<td>3. Working Together</td>" in html
    assert "<strong>Open one</strong>" in html


@pytest.mark.parametrize("text", ["2027-13-01", "15/01/2027", "tomorrow", "2027-1-5"])
def test_meeting_date_must_be_a_date(text: str) -> None:
    """Only a real YYYY-MM-DD date is taken as the meeting date."""
    assert meeting_date_problem(text) == f"'{text}' is not a date written YYYY-MM-DD (e.g. 2027-01-15)"
    assert meeting_date_problem("2027-01-15") is None


def test_report_command_html_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel report --format html -o FILE`` writes the HTML file; the Markdown form still works; a bad date is refused."""
    from tui.cli.main import main

    db = tmp_path / "db.json"
    context = AppContext.open(db, user_dir=tmp_path / "none")
    rated_wheel(context)
    context.set_report_header(ReportHeader("Alex Doe", "Technician", "2027-02-01"))
    context.close()
    out = tmp_path / "r.html"
    assert main(["report", "--db", str(db), "--format", "html", "-o", str(out), "--meeting-date", "2027-03-04"]) == 0
    assert capsys.readouterr().err == f"Wrote {out}\n"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html
    assert "<dd>Alex Doe</dd>" in html and "<dd>2027-03-04</dd>" in html
    assert main(["report", "--db", str(db), "--name", "Kim"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# 1:1 report: Before my 1:1\n")
    assert "**Name:** Kim · **Role:** Technician · **Meeting:** 2027-02-01" in text and "```text" in text
    assert main(["report", "--db", str(db), "--meeting-date", "next week"]) == 1
    assert capsys.readouterr().err == ("framewheel: --meeting-date: 'next week' is not a date written YYYY-MM-DD "
                                       "(e.g. 2027-01-15)\n")
    with pytest.raises(SystemExit) as usage:
        main(["report", "--db", str(db), "--format", "pdf"])
    assert usage.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_the_svg_charts_are_loaded_only_for_the_html_report(tmp_path: Path) -> None:
    """A Markdown report does not import the HTML report, its SVG charts or markdown-it; an HTML one does."""
    import subprocess
    import sys

    db = tmp_path / "db.json"
    context = AppContext.open(db, user_dir=tmp_path / "none")
    rated_wheel(context)
    context.close()
    script = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"main(['report', '--db', {str(db)!r}, '--format', sys.argv[1], '-o', {str(tmp_path / 'out')!r}])\n"
        "print(sorted(m for m in ('tui.core.reports.html_report', 'tui.core.reports.svg_charts', 'markdown_it')"
        " if m in sys.modules))\n"
    )
    loaded = {form: subprocess.run([sys.executable, "-c", script, form], capture_output=True, text=True, check=True).stdout
              for form in ("md", "html")}
    assert loaded["md"].strip() == "[]"
    assert loaded["html"].strip() == "['markdown_it', 'tui.core.reports.html_report', 'tui.core.reports.svg_charts']"
