"""The level finder (`f`): mark each exemplar consistently / sometimes / not yet, and see the level it points to."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.levels.finder_note import NoteDialog
from screens.levels.finder_text import LEGEND, RULE_HELP, area_prompt, exemplar_prompt, result_text
from screens.levels.framework_text import WIDE, areas_outline
from styles import style_path
from tui.core.finder import FinderError, FinderRecord, derive, unusable_reason
from tui.core.model import Framework, SavedWork
from tui.core.text import truncate
from tui.widgets.key_footer import KeyFooter


class FinderScreen(FramewheelScreen):
    """Areas on the left, the focused area's exemplars with their marks, and the derived levels."""

    CSS_PATH = style_path("levels.tcss")
    HELP_TITLE = "Level finder"
    HELP = """\
Find the level that describes you. Choose an area on the left (`tab` or `enter` moves to its
exemplars), then mark each exemplar: `c` or `1` **consistently**, `s` or `2` **sometimes**,
`x` or `3` **not yet** (`0` clears). Marks show as [C], [S], [X] (and [ ] when unmarked).
`enter` on an exemplar adds an evidence note. Every mark is saved at once, in a dated record
(`n` starts a new record, `d` deletes this one after asking); `ctrl+z`/`ctrl+y` undo and redo
(the cursor goes back to the exemplar changed).
The panel shows the best fit, the reasons and the next steps.

""" + RULE_HELP

    BINDINGS = [
        Binding("c", "mark('consistently')", "Consistently", id="finder.consistently"),
        Binding("s", "mark('sometimes')", "Sometimes", id="finder.sometimes"),
        Binding("x", "mark('not-yet')", "Not yet", id="finder.not-yet"),
        Binding("1", "mark('consistently')", "Consistently", id="finder.consistently-1", show=False),
        Binding("2", "mark('sometimes')", "Sometimes", id="finder.sometimes-2", show=False),
        Binding("3", "mark('not-yet')", "Not yet", id="finder.not-yet-3", show=False),
        Binding("0", "mark('')", "Clear mark", id="finder.clear", show=False),
        Binding("n", "new_record", "New record", id="finder.new"),
        Binding("d", "delete_record", "Delete record", id="finder.delete", show=False),
        Binding("ctrl+z", "undo", "Undo", id="finder.undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="finder.redo", show=False),
        Binding("tab", "app.focus_next", "Next panel", id="finder.next", show=False),
    ]

    def __init__(self, record_id: int | None = None) -> None:
        """Open a saved record, else the latest record of the chosen framework (a new one starts on the first mark)."""
        super().__init__()
        self.record_id = record_id
        self.record: FinderRecord | None = None
        self.area_id = ""
        self.undo_stack: list[tuple[str, str, int, str, str]] = []
        """(area, level, index, mark before, mark after) of each mark made, newest last."""
        self.redo_stack: list[tuple[str, str, int, str, str]] = []
        """Marks undone, to redo."""

    @property
    def framework(self) -> Framework:
        """The record's framework (the chosen one for a new record)."""
        if self.record is not None:
            return self.context.catalog.frameworks.get(self.record.framework_id, self.context.framework)
        return self.context.framework

    @property
    def usable(self) -> bool:
        """True when the framework has levels with exemplars to mark (else the finder says why not)."""
        return unusable_reason(self.framework) is None

    def compose(self) -> ComposeResult:
        """Heading, areas, exemplars and the result panel."""
        yield Header()
        yield Label("", id="finder-heading")
        with Horizontal(id="finder-main"):
            yield OptionList(id="finder-areas", classes="panel")
            yield OptionList(id="finder-exemplars", classes="panel")
            with VerticalScroll(id="finder-result-wide", classes="panel"):
                yield Static(id="finder-result-wide-text")
        with VerticalScroll(id="finder-result", classes="panel"):
            yield Static(id="finder-result-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the record and fill the panels."""
        if self.record_id is not None:
            self.record = self.context.finder.get(self.record_id)
            if self.record is None:
                self.notify("That level-finder record no longer exists; showing the latest.", severity="warning")
        if self.record is None:
            self.record = self.context.finder.latest(self.context.framework_id)
        if self.record is not None and self.record.framework_id not in self.context.catalog.frameworks:
            self.notify(f"The framework '{self.record.framework_id}' of this record is not loaded.", severity="error")
            self.record = None
        self.title = f"Level finder · {self.framework.title}"
        self.set_class(self.app.size.width >= WIDE and self.usable, "wide")
        reason = unusable_reason(self.framework)
        if reason is not None:
            self.query_one("#finder-main").display = False
            self.query_one("#finder-heading", Label).update("The level finder cannot be used with this framework")
            self.query_one("#finder-result").styles.height = "1fr"
            outline = Text(reason + "\n\n", style="bold")
            outline.append(f"Its {self.framework.area_plural}, to read instead:\n", style="italic")
            self.query_one("#finder-result-text", Static).update(outline + areas_outline(self.framework))
            return
        self.query_one("#finder-exemplars").border_title = LEGEND.replace("[", "\\[")
        self.query_one("#finder-areas").border_title = self.framework.area_words
        self.fill_areas()
        areas = self.query_one("#finder-areas", OptionList)
        areas.highlighted = 0
        areas.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking and records are hidden from the footer when the framework has no levels or no exemplars."""
        if action in {"mark", "new_record", "delete_record", "undo", "redo"} and self.is_mounted and not self.usable:
            return False
        return super().check_action(action, parameters)

    def on_resize(self, event: Resize) -> None:
        """The result panel sits on the right from WIDE columns, below the lists otherwise."""
        self.set_class(event.size.width >= WIDE and self.usable, "wide")
        self.refresh_result()

    def fill_areas(self) -> None:
        """(Re)fill the area list with each area's derived level, keeping the highlight."""
        result = derive(self.framework, self.record)
        areas = self.query_one("#finder-areas", OptionList)
        keep = areas.highlighted
        areas.clear_options()
        areas.add_options([Option(area_prompt(r.area, r), id=r.area.id) for r in result.areas])
        if keep is not None:
            areas.highlighted = keep
        self.refresh_result()

    def refresh_marks(self, only: tuple[str, str, int] | None = None) -> None:
        """Update prompts in place after a change, then the result.

        ``only`` (area, level, index) limits the update to that area and exemplar; None updates all.
        """
        result = derive(self.framework, self.record)
        areas = self.query_one("#finder-areas", OptionList)
        for area_result in result.areas:
            if only is None or area_result.area.id == only[0]:
                areas.replace_option_prompt(area_result.area.id, area_prompt(area_result.area, area_result))
        area = self.framework.area(self.area_id)
        exemplars = self.query_one("#finder-exemplars", OptionList)
        if area is not None and (only is None or only[0] == area.id):
            for level in self.framework.levels:
                for index, item in enumerate(area.exemplars.get(level.id, ())):
                    if only is not None and (level.id, index) != only[1:]:
                        continue
                    mark = self.record.mark(area.id, level.id, index) if self.record else None
                    note = self.shown("finder", "notes", self.record.note(area.id, level.id, index) if self.record else "")
                    exemplars.replace_option_prompt(f"{level.id}/{index}", exemplar_prompt(item, mark, note))
        self.refresh_result()

    @on(OptionList.OptionHighlighted, "#finder-areas")
    def _area_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted area's exemplars."""
        if event.option.id and event.option.id != self.area_id:
            self.area_id = event.option.id
            self.fill_exemplars()
            self.refresh_result()

    @on(OptionList.OptionSelected, "#finder-areas")
    def _area_selected(self) -> None:
        """`enter` on an area moves to its exemplars."""
        self.query_one("#finder-exemplars", OptionList).focus()

    def presentation_changed(self) -> None:
        """Show or hide the evidence notes (private while presenting)."""
        if self.is_mounted:
            exemplars = self.query_one("#finder-exemplars", OptionList)
            self.fill_exemplars(keep=exemplars.highlighted)

    def fill_exemplars(self, keep: int | None = None) -> None:
        """The focused area's exemplars, level by level, each with its mark and note."""
        area = self.framework.area(self.area_id)
        exemplars = self.query_one("#finder-exemplars", OptionList)
        exemplars.clear_options()
        if area is None:
            return
        options: list[Option] = []
        for level in self.framework.levels:
            items = area.exemplars.get(level.id, ())
            if not items:
                continue
            options.append(Option(Text(f"{level.title}", style="bold underline"), id=f"head:{level.id}", disabled=True))
            for index, item in enumerate(items):
                mark = self.record.mark(area.id, level.id, index) if self.record else None
                note = self.shown("finder", "notes", self.record.note(area.id, level.id, index) if self.record else "")
                options.append(Option(exemplar_prompt(item, mark, note), id=f"{level.id}/{index}"))
        exemplars.add_options(options)
        exemplars.highlighted = keep if keep is not None else 1

    def refresh_result(self) -> None:
        """The best fit, reasons and next steps, in the panel that is shown."""
        if not self.usable:
            return
        result = derive(self.framework, self.record)
        wide = self.has_class("wide")
        focused = result.area(self.area_id)
        self.query_one("#finder-result-text", Static).update(result_text(result, focused, self.record, full=False))
        self.query_one("#finder-result-wide-text", Static).update(result_text(result, focused, self.record, full=True))
        level = result.overall.title if result.overall else "no level yet"
        label = self.record.label if self.record else "new record from your first mark"
        start, end = f"Best fit: {level}  ·  ", ("" if wide else "  ·  F1: the rule")
        room = self.app.size.width - 2 - len(start) - len(end)  # the heading's padding: a long label ends in `…`
        self.query_one("#finder-heading", Label).update(f"{start}{truncate(label, max(12, room), one_line=True)}{end}")

    def focused_exemplar(self) -> tuple[str, int] | None:
        """The (level id, index) of the highlighted exemplar, or None."""
        exemplars = self.query_one("#finder-exemplars", OptionList)
        if exemplars.highlighted is None:
            return None
        option_id = exemplars.get_option_at_index(exemplars.highlighted).id or ""
        if "/" not in option_id or option_id.startswith("head:"):
            return None
        level_id, index = option_id.rsplit("/", 1)
        return level_id, int(index)

    def action_mark(self, mark: str) -> None:
        """Mark the highlighted exemplar (an empty mark clears it) and move to the next one."""
        if not self.framework.levels:
            self.notify("This framework has no levels, so there is nothing to mark.", severity="warning")
            return
        target = self.focused_exemplar()
        if target is None or self.focused is not self.query_one("#finder-exemplars"):
            self.notify("Choose an exemplar first: tab (or enter) moves to the exemplars.", severity="warning", timeout=3)
            return
        level_id, index = target
        before = (self.record.mark(self.area_id, level_id, index) if self.record else None) or ""
        if self._set_mark(level_id, index, mark):
            self.undo_stack.append((self.area_id, level_id, index, before, mark))
            self.redo_stack.clear()
            self.query_one("#finder-exemplars", OptionList).action_cursor_down()

    def _set_mark(self, level_id: str, index: int, mark: str, area_id: str | None = None) -> bool:
        """Store one mark (creating the record on the first); say so, or say what went wrong."""
        try:
            if self.record is None:
                self.record = self.context.finder.create(self.framework)
            self.record = self.context.finder.set_mark(self.record.id, self.framework, area_id or self.area_id, level_id, index, mark or None)
        except (FinderError, KeyError) as error:
            self.notify(f"Mark not saved: {error}", severity="error")
            return False
        self.mark_saved()
        self.refresh_marks((area_id or self.area_id, level_id, index))
        return True

    @on(OptionList.OptionSelected, "#finder-exemplars")
    def _exemplar_selected(self) -> None:
        """`enter` on an exemplar edits its evidence note."""
        target = self.focused_exemplar()
        area = self.framework.area(self.area_id)
        if target is None or area is None:
            return
        level_id, index = target
        if self.refuse_private("finder", "notes", "An evidence note"):
            return
        note = self.record.note(area.id, level_id, index) if self.record else ""
        text = area.exemplars[level_id][index]
        self.app.push_screen(NoteDialog(text, note), lambda value: self._note_given(level_id, index, value))

    def _note_given(self, level_id: str, index: int, value: str | None) -> None:
        """Store the note from the dialog (None: cancelled)."""
        if value is None:
            return
        try:
            if self.record is None:
                self.record = self.context.finder.create(self.framework)
            self.record = self.context.finder.set_note(self.record.id, self.framework, self.area_id, level_id, index, value)
        except (FinderError, KeyError) as error:
            self.notify(f"Note not saved: {error}", severity="error")
            return
        self.mark_saved("Note saved")
        self.refresh_marks((self.area_id, level_id, index))

    def _replay(self, source: list[tuple[str, str, int, str, str]], target: list[tuple[str, str, int, str, str]], undo: bool) -> None:
        """Undo or redo the newest mark of ``source`` and move it to ``target``; the cursor goes to the exemplar changed."""
        if not source or self.record is None:
            self.notify("Nothing to undo." if undo else "Nothing to redo.", timeout=2)
            return
        step = source.pop()
        area_id, level_id, index, before, after = step
        if self._set_mark(level_id, index, before if undo else after, area_id=area_id):
            target.append(step)
            self.highlight_exemplar(area_id, level_id, index)

    def highlight_exemplar(self, area_id: str, level_id: str, index: int) -> None:
        """Put the cursor on one exemplar, showing its area's exemplars first when another area is shown."""
        if area_id != self.area_id:
            self.area_id = area_id  # set first, so the area list's highlight message does not fill the list again
            self.fill_exemplars()
            self.refresh_result()
            areas = self.query_one("#finder-areas", OptionList)
            areas.highlighted = areas.get_option_index(area_id)
        exemplars = self.query_one("#finder-exemplars", OptionList)
        try:
            exemplars.highlighted = exemplars.get_option_index(f"{level_id}/{index}")
        except OptionDoesNotExist:  # the area shows no such exemplar: leave the cursor where it is
            return

    def action_undo(self) -> None:
        """Undo the last mark."""
        self._replay(self.undo_stack, self.redo_stack, undo=True)

    def action_redo(self) -> None:
        """Redo the last undone mark."""
        self._replay(self.redo_stack, self.undo_stack, undo=False)

    def action_new_record(self) -> None:
        """Start a new, empty dated record (the old one is kept)."""
        if not self.framework.levels:
            self.notify("This framework has no levels, so there is nothing to record.", severity="warning")
            return
        self.record = self.context.finder.create(self.context.framework if self.record is None else self.framework)
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.mark_saved("New record saved")
        self.refresh_marks()

    def action_delete_record(self) -> None:
        """Delete this record after asking."""
        if self.record is None:
            self.notify("There is no saved record to delete.", timeout=3)
            return
        record = self.record
        question = f"Delete the level-finder record “{record.label}” ({record.marked_count()} marks)?"
        self.app.push_screen(ConfirmDialog(question), lambda yes: self._delete(record) if yes else None)

    def _delete(self, record: FinderRecord) -> None:
        """Remove the record and show an empty one."""
        self.context.finder.delete(record.id)
        self.record = None
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.mark_saved("Deleted")
        self.refresh_marks()

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("New level-finder record", "Start a new dated record (n)", self.action_new_record)
        yield SystemCommand("Delete this level-finder record", "Asks first (d)", self.action_delete_record)


def open_saved(item: SavedWork) -> FinderScreen:
    """Open a saved record from the home screen's work list."""
    return FinderScreen(item.record_id)

