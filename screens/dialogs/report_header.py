"""The 1:1 report's header: the name, role and meeting date printed at its top (asked once, remembered).

Asked the first time a report is made, then changed from the report's preview (`e`). The
role is offered from the role chosen for the wheel when there is one; any text may be typed.
The date must be a real ``YYYY-MM-DD`` date (or left empty); a wrong one is said in the dialog.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from screens.base import FramewheelDialog
from tui.core.reports.one_to_one import ReportHeader, meeting_date_problem
from tui.widgets.typed_text import TypedInput


KEYS_HINT = "tab: next field · enter keeps it · escape cancels"
"""The dialog's last line (replaced by the problem when the date is wrong)."""


class ReportHeaderDialog(FramewheelDialog[ReportHeader | None]):
    """Dismisses with the header typed (`enter` or `ctrl+s`), or None when cancelled (`escape`)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="report_header.cancel", tooltip="Close without changing the header"),
        Binding("ctrl+s", "keep", "Keep", id="report_header.keep", tooltip="Keep the header for this and later reports"),
    ]

    def __init__(self, header: ReportHeader) -> None:
        """Start from ``header`` (the remembered one, or a suggestion)."""
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        """The three fields, the problem line and the keys."""
        with Vertical(id="report-header-dialog", classes="dialog"):
            yield Label("The report's header", classes="dialog-title")
            yield Label("At the top of the 1:1 report; remembered.")
            yield Label("Your name")
            yield TypedInput(self.header.name, placeholder="e.g. Sam Lee", id="report-name")
            yield Label("Role")
            yield TypedInput(self.header.role, placeholder="e.g. Research technician", id="report-role")
            yield Label("Meeting date (YYYY-MM-DD, may be empty)")
            yield TypedInput(self.header.meeting_date, placeholder="2027-01-15", id="report-date")
            yield Static(KEYS_HINT, id="report-header-hint", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#report-name", Input).focus()

    def _typed(self, field_id: str) -> str:
        """The text of one field, without surrounding spaces."""
        return self.query_one(f"#{field_id}", Input).value.strip()

    @on(Input.Submitted)
    def action_keep(self) -> None:
        """Keep the header, unless the date is not a date (then say so and stay)."""
        date = self._typed("report-date")
        if date and (problem := meeting_date_problem(date)):
            self.query_one("#report-header-hint", Static).update(f"Meeting date: {problem}.")
            self.query_one("#report-date", Input).focus()
            return
        self.dismiss(ReportHeader(self._typed("report-name"), self._typed("report-role"), date))

    def action_cancel(self) -> None:
        """Close without a header."""
        self.dismiss(None)
