"""Making the 1:1 report from the app (`r` on home and on the plan): header once, preview, then write or download.

The first report asks for the header (name, role, meeting date) and remembers it; every
report is then shown before anything is written, and from the preview the person writes
it as Markdown or as one HTML file (or changes the header). In a terminal the file goes to
the output folder and the message gives its full path; under ``framewheel serve`` it is sent
to the browser as a download (``App.deliver_text``), so nothing is left on the server.
"""

from __future__ import annotations

import io
from datetime import date

from screens.base import FramewheelScreen
from tui.core.model import Framework
from tui.core.reports.one_to_one import ReportHeader
from tui.core.wheels import Assessment

MIME_TYPES = {"md": "text/markdown", "html": "text/html"}
"""The download's type for each report form."""

FORM_NAMES = {"md": "Markdown", "html": "HTML"}
"""How each form is named in messages."""


def start_report(screen: FramewheelScreen, framework: Framework) -> None:
    """Begin the report of the framework's latest wheel: ask the header the first time, then preview it."""
    wheel = screen.context.assessments.latest(framework.id)
    if wheel is None:
        screen.notify(f"There is no wheel for {framework.title} yet: the 1:1 report is of your latest wheel (w starts one).", title="No report",
                      severity="warning")
        return
    if screen.context.report_header() is None:
        ask_header(screen, wheel)
    else:
        preview(screen, wheel)


def ask_header(screen: FramewheelScreen, wheel: Assessment) -> None:
    """Ask for the header (starting from the remembered one, or the wheel's role and today), remember it, preview."""
    from screens.dialogs.report_header import ReportHeaderDialog
    from tui.transfer import report_header_for

    remembered = screen.context.report_header()
    start = remembered or report_header_for(screen.context, wheel, ReportHeader(meeting_date=date.today().isoformat()))

    def kept(header: ReportHeader | None) -> None:
        """Remember the header typed (a cancel keeps the old one), then show the report."""
        if header is not None:
            screen.context.set_report_header(header)
        preview(screen, wheel)

    screen.app.push_screen(ReportHeaderDialog(start), kept)


def preview(screen: FramewheelScreen, wheel: Assessment) -> None:
    """Show the report as it will read; write (or send) the form chosen, or change the header."""
    from screens.dialogs.report_preview import PreviewChoice, ReportPreview
    from tui.transfer import report_folder, report_for

    try:
        markdown = report_for(screen.context, wheel)
    except LookupError as error:
        screen.notify(f"The report could not be made: {error}.", title="No report", severity="error")
        return
    where = "your browser (a download)" if screen.app.is_web else str(report_folder())

    def chosen(choice: PreviewChoice | None) -> None:
        """Act on the preview's choice."""
        if choice == "header":
            ask_header(screen, wheel)
        elif choice is not None:
            try:
                text = markdown if choice == "md" else report_for(screen.context, wheel, report_format="html")
            except LookupError as error:  # the framework went away meanwhile: said, nothing written
                screen.notify(f"The report could not be made: {error}.", title="No report", severity="error")
                return
            deliver(screen, wheel, choice, text)

    screen.app.push_screen(ReportPreview(markdown, where), chosen)


def deliver(screen: FramewheelScreen, wheel: Assessment, report_format: str, text: str) -> None:
    """Write the report to the output folder and say its full path; in a browser, send it as a download."""
    from tui.transfer import report_file_name, write_report_file

    form = FORM_NAMES[report_format]
    if screen.app.is_web:
        name = report_file_name(wheel, report_format)
        screen.app.deliver_text(io.StringIO(text), save_filename=name, mime_type=MIME_TYPES[report_format])
        screen.notify(f"1:1 report of '{wheel.label}' ({form}) sent to your browser as {name}", title="Report sent",
                      timeout=8)
        return
    try:
        path = write_report_file(screen.context, wheel, report_format=report_format, text=text)
    except OSError as error:
        screen.notify(f"The report could not be written: {error.strerror or error}.", title="No report", severity="error")
        return
    screen.notify(f"1:1 report of '{wheel.label}' ({form}) written to {path}", title="Report written", timeout=8)
