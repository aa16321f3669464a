"""The Activity seam: a throwaway activity added through the registry alone reaches every reader of it.

The test declares a "journal" activity (a key, a screen, a repository on the data file, an
exchange section, demo data) in this file only, and sees it on the home screen, in the
command palette, in the all-data export and import, and in ``--demo``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from screens.base import FramewheelScreen
from screens.home import HomeScreen
from tests.conftest import screen_text
from tui.activities import Activity, Exchange, Launcher, registry_of
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.exchange import Checked, DataSection, check_records
from tui.core.model import SavedWork
from tui.transfer import export_all, import_files

JOURNAL_LINE = "Met the team leader about the away day"


class JournalScreen(FramewheelScreen):
    """The throwaway activity's only screen."""

    def compose(self) -> ComposeResult:
        """One line saying where we are."""
        yield Static("Journal: a throwaway activity")


class JournalRepository:
    """The throwaway activity's records, kept in the data file like any other."""

    def __init__(self, db: Any) -> None:
        """Keep the records in the ``journal`` collection."""
        self.collection = db.collection("journal")

    def list(self) -> list[dict[str, Any]]:
        """Every entry, newest first."""
        return sorted(self.collection.all(), key=lambda r: r["id"], reverse=True)

    def add(self, text: str) -> None:
        """Keep one entry."""
        self.collection.insert({"text": text, "updated": "2030-01-01T09:00:00+00:00"})

    def saved_work(self) -> list[SavedWork]:
        """The entries for the home screen's work list."""
        return [SavedWork("journal entry", r["id"], r["text"], r["updated"], framework_id="ahep") for r in self.list()]


def check_journal(items: list[Any], prefix: str, seen: set[str], stored: Any, catalog: Any) -> Checked[str]:
    """Each item must be an object with text; one already stored is a duplicate."""
    return check_records(
        items, prefix, seen, set(stored),
        lambda doc: ([], doc["text"]) if isinstance(doc, dict) and isinstance(doc.get("text"), str)
        else ([("text", "must be text")], None),
        lambda text: text, lambda text: f"the entry '{text}'",
    )


JOURNAL = Activity(
    "journal", "Journal",
    (Launcher("j", "journal", "Journal", lambda home: home.app.push_screen(JournalScreen())),),
    work_kind="journal entry",
    open_work=lambda item: JournalScreen(),
    repository=JournalRepository,
    exchange=lambda: Exchange(
        DataSection("journal", lambda text: {"text": text}, check_journal, "journal entry"),
        lambda c: [r["text"] for r in reversed(c.repository("journal").list())],
        lambda c, texts: [c.repository("journal").add(t) for t in texts],
    ),
    demo=lambda c: c.repository("journal").add(JOURNAL_LINE),
    private_fields=("text",),
)
"""A throwaway activity, declared here and nowhere else."""


async def test_a_registered_activity_is_on_home_in_the_palette_export_and_demo(tmp_path: Path) -> None:
    """Home lists its key and its saved work, the palette starts it, export and import carry it, --demo fills it."""
    context = AppContext.open_demo(user_dir=tmp_path / "u", activities=registry_of([JOURNAL]))
    try:
        assert context.activities.private_fields()["journal"] == ("text",)
        bundle = export_all(context)
        assert bundle["journal"] == [{"text": JOURNAL_LINE}]
        assert {"assessments", "rankings", "objectives", "level_finder", "action_plans"} <= set(bundle)

        app = FramewheelApp(context)
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert " j  Journal" in text  # the Activities panel
            assert JOURNAL_LINE in text  # the saved work, from its repository
            await pilot.press("j")
            await pilot.pause()
            assert isinstance(app.screen, JournalScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)

            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Journal")
            await pilot.pause(0.5)
            assert "key j on the home screen" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, JournalScreen)
    finally:
        context.close()


def test_a_registered_activity_travels_in_the_all_data_import(tmp_path: Path) -> None:
    """The throwaway section is checked and stored by import like the shipped ones, duplicates set apart."""
    registry = registry_of([JOURNAL])
    bundle = tmp_path / "all.json"
    bundle.write_text(json.dumps({"format": "framewheel/export@1", "journal": [{"text": "One"}, {"text": 5}]}), encoding="utf-8")
    context = AppContext.open(tmp_path / "data.json", user_dir=tmp_path / "u", activities=registry)
    try:
        [outcome] = import_files(context, [str(bundle)])
        assert outcome.problems == [f"{bundle}: journal[1].text: must be text"]
        assert context.repository("journal").list() == []  # nothing from a file with a problem
        bundle.write_text(json.dumps({"format": "framewheel/export@1", "journal": [{"text": "One"}]}), encoding="utf-8")
        [outcome] = import_files(context, [str(bundle)])
        assert outcome.counts == {"journal": 1}
        [again] = import_files(context, [str(bundle)])
        assert again.counts == {} and again.duplicates == [f"{bundle}: journal[0]: the entry 'One' was already imported"]
    finally:
        context.close()
    on_disk = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert [r["text"] for r in on_disk["journal"].values()] == ["One"]
