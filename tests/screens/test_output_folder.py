"""One output folder for everything the app writes: chosen by `--output-dir`, `$FRAMEWHEEL_OUTPUT_DIR` or the
app's setting (kept in the data file), else ~/Documents/framewheel; the screenshot, the 1:1 report, a board's
export and the catalogue's land there, and each notice names the file's full path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screens.boards.action_plans import ActionPlansScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from textual.widgets import Input
from tui.app import FramewheelApp
from tui.cli.main import main
from tui.core.reports.one_to_one import ReportHeader
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far."""
    return " | ".join(n.message for n in app._notifications)


def test_environment_variable_names_the_folder(context: AppContext, tmp_path: Path) -> None:
    """The tests' $FRAMEWHEEL_OUTPUT_DIR is the output folder, and it is given in full."""
    assert context.output_folder == tmp_path / "output"
    assert context.output_folder_source == "environment"


def test_setting_is_kept_in_the_data_file(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the variable, the folder chosen in the app is used, and again when the data file is opened next time."""
    monkeypatch.delenv("FRAMEWHEEL_OUTPUT_DIR")
    monkeypatch.chdir(tmp_path)
    first = AppContext.open(db_path, user_dir=tmp_path / "none")
    assert first.output_folder_source == "default" and first.output_folder.name == "framewheel"
    assert first.choose_output_folder("chosen") == tmp_path / "chosen"  # a relative folder is kept in full
    first.close()
    again = AppContext.open(db_path, user_dir=tmp_path / "none")
    assert again.output_folder == tmp_path / "chosen" and again.output_folder_source == "setting"
    assert again.choose_output_folder(None).name == "framewheel"  # empty: the default again
    again.close()


def test_variable_comes_before_the_setting(db_path: Path, tmp_path: Path) -> None:
    """$FRAMEWHEEL_OUTPUT_DIR wins over the setting (it is how --output-dir reaches the interface)."""
    context = AppContext.open(db_path, user_dir=tmp_path / "none")
    context.choose_output_folder(str(tmp_path / "chosen"))
    assert context.output_folder == tmp_path / "output"
    context.close()


def test_output_dir_option_sets_the_variable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`framewheel --output-dir FOLDER COMMAND` makes FOLDER (in full) the output folder of the run."""
    assert main(["--output-dir", str(tmp_path / "elsewhere"), "frameworks", "list"]) == 0
    assert os.environ["FRAMEWHEEL_OUTPUT_DIR"] == str(tmp_path / "elsewhere")


@pytest.mark.parametrize("size", SIZES)
async def test_each_write_lands_in_the_folder_and_names_it(tmp_path: Path, size: tuple[int, int]) -> None:
    """F12, the 1:1 report (`x`), a board's Markdown export (`m`) and the catalogue (`x`) go to the output folder; each notice has the full path."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    context.set_report_header(ReportHeader("Sam", "", ""))  # asked once: the report goes straight to its preview
    folder = tmp_path / "output"
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        shots = list(folder.glob("screen-home-*.svg"))
        assert len(shots) == 1 and str(shots[0]) in notices(app)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("m")  # the preview's Markdown
        await pilot.pause()
        reports = list(folder.glob("report-*.md"))
        assert len(reports) == 1 and str(reports[0]) in notices(app)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ActionPlansScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await wait_until(pilot, lambda: app.screen.query("#path-input"), what="the export's path dialog")
        assert app.screen.query_one("#path-input", Input).value.startswith(str(folder))  # suggested in the output folder
        await pilot.press("enter")
        await wait_until(pilot, lambda: list(folder.glob("*-rag-report.md")), what="the board's export")
        exported = list(folder.glob("*-rag-report.md"))
        assert len(exported) == 1 and str(exported[0]) in notices(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        catalogue = sorted(folder.glob("catalogue-*"))
        assert [p.suffix for p in catalogue] == [".csv", ".md"]
        assert all(str(p) in notices(app) for p in catalogue)
    context.close()


async def test_output_folder_command_keeps_the_folder(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The palette's "Output folder" dialog keeps a typed folder and says it in full; a file is refused with a message."""
    monkeypatch.delenv("FRAMEWHEEL_OUTPUT_DIR")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    context = AppContext.open(db_path, user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_choose_output_folder()
        await pilot.pause()
        await pilot.press("ctrl+u", *str(tmp_path / "a-file"), "enter")
        await pilot.pause()
        assert "is a file, not a folder" in screen_text(app)
        await pilot.press("ctrl+u", *str(tmp_path / "reports"), "enter")
        await pilot.pause()
        assert f"Files are written to {tmp_path / 'reports'}" in notices(app)
        assert context.settings.get("output_dir") == str(tmp_path / "reports")
        await pilot.press("f12")
        await pilot.pause()
        assert list((tmp_path / "reports").glob("screen-*.svg"))
    context.close()


def test_a_folder_that_cannot_be_one_is_refused_with_a_reason(tmp_path: Path) -> None:
    """The output folder question refuses a file, a NUL character and ``~name`` of no user here, each saying why."""
    from screens.dialogs.output_folder import check_folder

    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert check_folder(str(a_file)) == f"{a_file} is a file, not a folder"
    assert check_folder("reports\x00x") == "A folder's name cannot hold a NUL character."
    assert check_folder("~no-such-user-here/reports") == "~no-such-user-here is not a user's home folder on this machine"
    assert check_folder(str(tmp_path / "new" / "reports")) is None  # made on the first write
    assert check_folder("") is None  # back to the default
