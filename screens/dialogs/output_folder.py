"""Choosing the output folder from the command palette: where reports, exports, share files and screenshots go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from screens.dialogs.text_input import TextDialog

if TYPE_CHECKING:
    from tui.app import FramewheelApp


def check_folder(text: str) -> str | None:
    """Why ``text`` cannot be the output folder, or None; a folder not there yet is made on the first write.

    Refused: a NUL character (no folder can be named so), ``~name`` for a user this machine does
    not have, and the path of something that is not a folder.
    """
    text = text.strip()
    if not text:
        return None
    if "\x00" in text:
        return "A folder's name cannot hold a NUL character."
    try:
        folder = Path(text).expanduser()
    except RuntimeError:  # ~name of no user here
        return f"{text.split('/', 1)[0]} is not a user's home folder on this machine"
    if folder.exists() and not folder.is_dir():
        return f"{folder.absolute()} is a file, not a folder"
    return None


def choose_output_folder(app: FramewheelApp) -> None:
    """Ask for the output folder (the current one filled in), keep the answer in the data file and say the folder in full."""
    context = app.context
    overridden = context.output_folder_source == "environment"
    explain = ("Reports, exports, share files and screenshots are written here. Leave it empty for the default, "
               "~/Documents/framewheel.")
    if overridden:
        explain += f" ${context.output_folder_variable} (or --output-dir) is set for this run and comes first."

    def chosen(text: str | None) -> None:
        """Keep the folder and say where files go now."""
        if text is None:
            return
        folder = context.choose_output_folder(text.strip() or None)
        app.notify(f"Files are written to {folder}", title="Output folder", timeout=8)

    app.push_screen(TextDialog("Output folder", str(context.output_folder), "enter keeps it · escape cancels",
                               explain=explain, check=check_folder, strip=True, dialog_id="output-folder-dialog",
                               input_id="output-folder-path", select_on_focus=True, kept_on_quit=False), chosen)
