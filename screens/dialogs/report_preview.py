"""The 1:1 report shown before it is written: read it, then write it as Markdown or HTML, or change its header.

In presentation mode (F5) the report's text is hidden, since it holds private notes.
Under ``framewheel serve`` the file is sent to the browser (a download) instead of being
written on the server; the caller decides, this dialog only says what was chosen.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Markdown

from screens.base import FramewheelDialog

PreviewChoice = Literal["md", "html", "header"]
"""What the person chose: write the Markdown, write the HTML, or change the header first."""


class ReportPreview(FramewheelDialog[PreviewChoice | None]):
    """The report as it will read; dismisses with the choice, or None when closed (`escape`)."""

    BINDINGS = [
        Binding("m", "choose('md')", "Write Markdown", id="report_preview.markdown",
                tooltip="Write the report as Markdown (for an email)"),
        Binding("h", "choose('html')", "Write HTML", id="report_preview.html",
                tooltip="Write the report as one HTML file with the wheel drawn (opens in a browser, prints to PDF)"),
        Binding("e", "choose('header')", "Edit header", id="report_preview.header",
                tooltip="Change the name, role and meeting date at the top"),
        Binding("escape", "close", "Close", id="report_preview.close", tooltip="Close without writing anything"),
    ]

    def __init__(self, markdown: str, where: str) -> None:
        """The report's Markdown and where a file would go (a folder, or "your browser (a download)")."""
        super().__init__()
        self.markdown = markdown
        self.where = where

    def compose(self) -> ComposeResult:
        """The title, the report, and where a file goes (the keys are in the footer)."""
        with Vertical(id="report-preview", classes="dialog"):
            yield Label("Preview of the 1:1 report", classes="dialog-title")
            yield Label("The report holds your notes and reflections: hidden while presenting (F5 ends presentation "
                        "mode). m and h still write it.", classes="presenting-only")
            with VerticalScroll(id="report-preview-body", classes="private"):
                yield Markdown(self.markdown, id="report-preview-text")
            yield Label(f"Files go to {self.where}; nothing is written until m or h. The HTML draws the wheel "
                        f"and prints to PDF.", id="report-preview-keys", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the report, so the arrow keys and page keys scroll it."""
        self.query_one("#report-preview-body", VerticalScroll).focus()

    def action_choose(self, choice: PreviewChoice) -> None:
        """Close with the choice."""
        self.dismiss(choice)

    def action_close(self) -> None:
        """Close without writing."""
        self.dismiss(None)
