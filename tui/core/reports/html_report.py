"""The 1:1 report as one self-contained HTML file: the header, the wheel and bars as SVG, then the sections.

The sections are the Markdown report's (:func:`~tui.core.reports.one_to_one.report_sections`),
rendered with markdown-it with raw HTML, links and images turned off, so a note can neither
add markup nor point outside the file. The file has no scripts, no web fonts and no network
references (the fonts are the reader's own sans-serif); its ``@media print`` rules keep a
table, a chart or a heading and what follows it from being cut across pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from tui.core.development_plan import Objective
from tui.core.model import Framework
from tui.core.reports.one_to_one import ReportHeader, Section, about_line, report_sections
from tui.core.wheels import Assessment

STYLE = """\
body { font-family: sans-serif; color: #111; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; padding-bottom: 0.15rem; margin-top: 1.6rem; }
.header { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.6rem 0; }
.header dt { font-weight: bold; }
.header dd { margin: 0; }
.about { color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.charts svg.radar { width: 100%; max-width: 46rem; height: auto; }
.bars-chart { width: 100%; }
.bars-chart svg.bars { display: block; width: 100%; height: auto; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.legend svg { vertical-align: middle; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  @page { margin: 15mm; }
  th { background: none; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  svg, figure, tr, li, .header { break-inside: avoid; page-break-inside: avoid; }
  .charts svg.radar { width: 80%; }
}
"""
"""The report's only styles: readable on screen, clean on paper."""


def render_markdown(text: str) -> str:
    """Markdown as HTML with raw HTML escaped and links, images and references kept as plain text."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.disable(["link", "image", "autolink", "reference", "html_inline", "html_block"])
    return md.render(text)


def _legend(framework: Framework, legend: Sequence[tuple[str, str, str, str]]) -> str:
    """The series legend: a line sample, the letter and the title of each."""
    items = []
    for letter, title, colour, dash in legend:
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        sample = (f'<svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true"><line x1="1" y1="6" x2="33" y2="6" '
                  f'stroke="{colour}" stroke-width="2.5"{pattern}/></svg>')
        items.append(f"<li>{sample} <strong>{escape(letter)}</strong> {escape(title)}</li>")
    scale = f'<li class="scale">Scale: {escape(framework.scale.summary())}</li>'
    return f'<ul class="legend">{"".join(items)}{scale}</ul>'


def build_html_report(
    wheel: Assessment,
    framework: Framework,
    objectives: Sequence[Objective] = (),
    extra_sections: Iterable[Section] = (),
    header: ReportHeader | None = None,
) -> str:
    """The 1:1 report of one wheel as one HTML document (the wheel and bars drawn as SVG)."""
    from tui.core import charts
    from tui.core.reports import svg_charts

    header = (header or ReportHeader()).for_wheel(wheel)
    title = f"1:1 report: {wheel.label}"
    data = charts.wheel_data(framework, wheel, full_labels=False)
    body = [f"<h1>{escape(title)}</h1>"]
    if header.items():
        body.append('<dl class="header">' + "".join(f"<dt>{escape(word)}</dt><dd>{escape(value)}</dd>"
                                                   for word, value in header.items()) + "</dl>")
    body.append(f'<p class="about">{escape(about_line(wheel, framework))}</p>')
    body.extend(["<section>", "<h2>The wheel</h2>", _legend(framework, svg_charts.legend_items(data)),
                 '<div class="charts">', svg_charts.radar_svg(data, f"The wheel of {wheel.label}"),
                 svg_charts.bars_svg(data), "</div>", "</section>"])
    for section_title, markdown in report_sections(wheel, framework, objectives, extra_sections):
        body.extend(["<section>", f"<h2>{escape(section_title)}</h2>", render_markdown(markdown), "</section>"])
    return ("<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
