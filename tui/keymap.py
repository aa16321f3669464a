"""The app's one key map: what each key means on every screen, and the few screens where it means something else.

Written once, as data: the README's "Key map" section is made from it (``python -m tui.keymap``
prints it) and tests/e2e/test_keymap.py reads every screen's bindings (and the app's, the
widgets' and the home screen's activity keys) and fails on a key that means something the map
does not say, unless the exception is listed here. DESIGN.md's Keys section is the contract the
map follows: where the design fixes a key, the map gives it that meaning.

A binding "means" what its action does: the action's name without ``app.`` and without its
arguments (``rate('red')`` is ``rate``), or the whole action when that is listed
(``launch('wheel')``, the home screen's activity keys).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyMeaning:
    """What one key means wherever it is bound (unless an exception says otherwise)."""

    key: str
    """The key as Textual names it (``n``, ``shift+up``, ``slash``)."""
    meaning: str
    """The meaning, in the words of the README."""
    actions: frozenset[str]
    """The actions that carry this meaning."""


@dataclass(frozen=True)
class KeyException:
    """A screen where a key means something else than the map says, and why."""

    key: str
    """The key as Textual names it."""
    screens: tuple[str, ...]
    """The classes of the screens (or dialogs) where the exception applies."""
    where: str
    """The screens in the README's words."""
    meaning: str
    """What the key does there."""
    actions: frozenset[str]
    """The actions it is bound to there."""


def _meaning(key: str, meaning: str, *actions: str) -> KeyMeaning:
    """A map entry."""
    return KeyMeaning(key, meaning, frozenset(actions))


def _exception(key: str, screens: str, where: str, meaning: str, *actions: str) -> KeyException:
    """An exception: ``screens`` is a space-separated list of class names."""
    return KeyException(key, tuple(screens.split()), where, meaning, frozenset(actions))


KEY_MAP: tuple[KeyMeaning, ...] = (
    _meaning("escape", "back to the previous screen; in a dialog, cancel or close",
             "back", "close", "cancel", "answer", "dismiss_notice", "finish"),
    _meaning("f1", "help for this screen, with all its keys", "help"),
    _meaning("ctrl+p", "the command palette", "command_palette"),
    _meaning("ctrl+q", "quit", "quit"),
    _meaning("q", "quit (home)", "quit"),
    _meaning("f5", "presentation mode on or off", "toggle_presenting"),
    _meaning("f12", "save the screen as an SVG picture in the output folder", "save_svg"),
    _meaning("ctrl+z", "undo", "undo"),
    _meaning("ctrl+y", "redo", "redo"),
    _meaning("ctrl+s", "keep what was typed (save the form)", "keep", "keep_edit", "save", "done", "write"),
    _meaning("enter", "open or edit the highlighted item", "open", "edit", "note", "select"),
    _meaning("tab", "the next panel or field", "focus_next", "move"),
    _meaning("shift+tab", "the previous panel or field", "focus_previous", "move"),
    _meaning("up", "the row above", "cursor", "move_row", "scroll", "to_results"),
    _meaning("down", "the row below", "cursor", "move_row", "scroll", "to_results"),
    _meaning("left", "the previous one (value, field, level, column, step)",
             "previous", "step", "column", "field"),
    _meaning("right", "the next one (value, field, level, column, step)", "next", "step", "column", "field"),
    _meaning("home", "the first row (on a slider: the lowest value)", "first", "first_row", "scroll_top", "ends", "to_end"),
    _meaning("end", "the last row (on a slider: the highest value)", "last", "last_row", "scroll_bottom", "ends", "to_end"),
    _meaning("ctrl+home", "the first row", "first_row", "scroll_top"),
    _meaning("ctrl+end", "the last row", "last_row", "scroll_bottom"),
    _meaning("pageup", "a page up", "page"),
    _meaning("pagedown", "a page down", "page"),
    _meaning("shift+up", "move the focused item up", "move"),
    _meaning("shift+down", "move the focused item down", "move"),
    _meaning("ctrl+up", "scroll the pane below up", "scroll_detail"),
    _meaning("ctrl+down", "scroll the pane below down", "scroll_detail"),
    _meaning("space", "the focused item's next state (tick, status, rating, in or out)",
             "tick", "cycle", "next_status", "include", "toggle_step"),
    _meaning("backspace", "clear (a rating back to not rated)", "clear"),
    _meaning("delete", "clear (a rating back to not rated)", "clear"),
    _meaning("slash", "search", "search"),
    _meaning("left_square_bracket", "the previous section", "step"),
    _meaning("right_square_bracket", "the next section", "step"),
    _meaning("equals_sign", "tie with the area above (ranking)", "tie"),
    *(_meaning(str(digit), "type a value: a rating, a rank, a target, a mark", "digit", "rank", "mark")
      for digit in range(10)),
    _meaning("a", "add or accept", "add", "plan", "accept"),
    _meaning("b", "wheel or bars", "toggle_bars"),
    _meaning("c", "the catalogue's development activities for the highlighted area", "activities"),
    _meaning("d", "delete (always confirmed)", "delete", "delete_record", "remove"),
    _meaning("e", "the explorer", "launch('explore')", "explore"),
    _meaning("f", "the level finder", "launch('finder')", "finder"),
    _meaning("g", "guidance: the framework's hints and tips", "launch('guidance')", "guidance"),
    _meaning("h", "the wheel history", "launch('history')", "history"),
    _meaning("i", "the institution's view", "launch('institution')"),
    _meaning("k", "ranking", "launch('ranking')", "room_ranking"),
    _meaning("l", "levels", "launch('levels')", "level"),
    _meaning("m", "import a CSV", "import_csv"),
    _meaning("n", "new (in a confirmation: no)", "new", "new_item", "new_record", "choose('new')", "answer"),
    _meaning("N", "a new section", "new_section"),
    _meaning("o", "roles: choose or compare with a role", "launch('roles')", "compare_role", "role"),
    _meaning("p", "the development plan", "launch('plan')"),
    _meaning("r", "rename: the name (date and notes) of the record", "rename", "details"),
    _meaning("s", "the wheel's summary", "summary"),
    _meaning("t", "team profile", "launch('team')", "team"),
    _meaning("u", "update (a stored plan from its CSV)", "choose('update')"),
    _meaning("v", "another view (the chart, columns, the saved list) and back",
             "toggle_full", "toggle_chart", "columns", "back", "saved"),
    _meaning("w", "a wheel: a new one (home), another one (role comparison)", "launch('wheel')", "wheel"),
    _meaning("x", "write a file: an export, a report, a share file", "launch('report')", "report", "write_report",
             "export", "share"),
    _meaning("y", "yes (in a confirmation)", "answer"),
)
"""Every key of the app and its one meaning."""

EXCEPTIONS: tuple[KeyException, ...] = (
    _exception("f1", "HelpScreen", "help", "close the help again", "close"),
    _exception("q", "HelpScreen", "help", "close the help", "close"),
    _exception("enter", "RolesScreen", "role profiles", "compare with the highlighted role", "compare"),
    _exception("enter", "SequenceScreen", "workshop steps", "present the workshop", "present"),
    _exception("pageup", "WorkshopScreen", "workshop presentation", "the previous step", "step"),
    _exception("pagedown", "WorkshopScreen", "workshop presentation", "the next step", "step"),
    _exception("r", "BoardScreen BoardColumnsScreen", "board, columns", "rate red (`r` / `a` / `g`)", "rate"),
    _exception("a", "BoardScreen BoardColumnsScreen", "board, columns", "rate amber", "rate"),
    _exception("g", "BoardScreen BoardColumnsScreen", "board, columns", "rate green", "rate"),
    _exception("r", "RatingScreen", "rating screen", "reflection questions", "reflection"),
    _exception("r", "NoticeDialog", "start-up notice", "restore the backup", "restore"),
    _exception("s", "LeaveDialog", "quitting with text not saved", "save it and quit", "answer"),
    _exception("d", "LeaveDialog", "quitting with text not saved", "quit without saving it (discard)", "answer"),
    _exception("m", "ReportPreview", "1:1 report preview", "write the Markdown file", "choose"),
    _exception("h", "ReportPreview", "1:1 report preview", "write the HTML file", "choose"),
    _exception("e", "ReportPreview", "1:1 report preview", "edit the name, role and meeting date", "choose"),
    _exception("g", "HistoryScreen", "wheel history", "hide or show the trends (growth)", "toggle_trends"),
    _exception("a", "CoverageScreen", "coverage", "areas x levels or areas x activities", "toggle_view"),
    _exception("a", "HistoryScreen", "wheel history", "a new wheel on the tailored copy", "copy_to_tailored"),
    _exception("b", "SequenceScreen", "workshop steps", "add the action plan step", "board"),
    _exception("c", "HistoryScreen", "wheel history", "a new wheel from last time (a copy)", "copy_last"),
    _exception("c", "RankingListScreen", "saved rankings", "duplicate", "duplicate"),
    _exception("c", "RolesScreen", "role profiles", "copy the role", "copy"),
    _exception("c", "InstitutionScreen", "institution", "coverage", "coverage"),
    _exception("c", "TeamProfileListScreen", "saved team profiles", "compare two profiles", "compare"),
    _exception("c", "BoardScreen", "board", "write CSV", "export"),
    _exception("c", "FinderScreen", "level finder", "mark consistently (`c` `s` `x`)", "mark"),
    _exception("s", "FinderScreen", "level finder", "mark sometimes", "mark"),
    _exception("x", "FinderScreen", "level finder", "mark not yet", "mark"),
    _exception("e", "ActionPlansScreen BoardScreen", "action plans, board", "edit the plan's header",
               "rename", "edit_header"),
    _exception("e", "RolesScreen", "role profiles", "edit the role", "edit"),
    _exception("f", "BoardScreen", "board", "filter by rating", "filter_rating"),
    _exception("f", "CoverageScreen", "coverage", "the date and provider filters", "focus_filters"),
    _exception("s", "BoardScreen", "board", "filter by section", "filter_section"),
    _exception("x", "BoardScreen", "board", "clear the filters", "clear_filters"),
    _exception("g", "ExplorerScreen", "explorer", "the grid of areas x levels", "toggle_grid"),
    _exception("h", "RoleTransitionScreen", "role transition", "the role I have", "have"),
    _exception("t", "RoleTransitionScreen", "role transition", "the role I want", "want"),
    _exception("x", "RoleTransitionScreen", "role transition", "swap the two roles", "swap"),
    _exception("i", "ActionPlansScreen", "action plans", "import a plan from CSV", "import_csv"),
    _exception("l", "TeamRoomScreen", "team room", "the files left out", "left_out"),
    _exception("m", "TeamRoomScreen", "team room", "the minimum group size", "min_group"),
    _exception("o", "TeamRoomScreen", "team room", "read share files", "open_files"),
    _exception("s", "TeamRoomScreen SequenceScreen", "team room, workshop steps", "save under a name", "save"),
    _exception("m", "BoardScreen", "board", "write the Markdown report", "export"),
    _exception("m", "RolesScreen", "role profiles", "move the role to another framework level", "move"),
    _exception("o", "RankingScreen", "ranking", "the saved rankings", "open_list"),
    _exception("p", "BoardScreen", "board", "mark the comment private", "private"),
    _exception("s", "LevelsScreen ExplorerScreen", "levels, explorer", "the step view", "steps"),
    _exception("s", "PlanScreen", "development plan", "suggest objectives from the wheel", "suggest"),
    _exception("s", "WheelRoleScreen", "role comparison", "another series", "series"),
    _exception("s", "HomeScreen", "home", "present a workshop", "launch('workshop')"),
    _exception("b", "HomeScreen", "home", "action plans (the design's key)", "launch('boards')"),
    _exception("t", "CompareScreen", "compare", "chart or table", "toggle_table"),
    _exception("t", "HistoryScreen", "wheel history", "a base wheel's summary against the tailored copy",
               "against_tailored"),
    _exception("t", "InstitutionScreen", "institution", "what a tailored copy changed", "tailoring"),
    _exception("v", "HistoryScreen", "wheel history", "compare with the wheel before", "compare"),
    _exception("v", "InstitutionScreen", "institution", "the institution's values", "values"),
    _exception("x", "SuggestionsDialog", "plan suggestions", "discard the suggestion", "discard"),
)
"""The screens where a key means something else, each said in the README."""


def action_names(action: str) -> tuple[str, str]:
    """The whole action without ``app.`` and its name without arguments (``rate('red')`` -> ``rate``)."""
    whole = action.removeprefix("app.").removeprefix("screen.")
    return whole, whole.split("(", 1)[0]


def meaning_for(key: str) -> KeyMeaning | None:
    """The map's entry for ``key``, or None when the map does not know it."""
    return next((entry for entry in KEY_MAP if entry.key == key), None)


def check_binding(screen: str, key: str, action: str) -> str | None:
    """Why the binding of ``key`` to ``action`` on ``screen`` (a class name) breaks the map, or None when it keeps it."""
    whole, name = action_names(action)
    for exception in EXCEPTIONS:
        if exception.key == key and screen in exception.screens and (whole in exception.actions or name in exception.actions):
            return None
    entry = meaning_for(key)
    if entry is None:
        return f"{screen}: `{key}` ({action}) is not in the key map"
    if whole in entry.actions or name in entry.actions:
        return None
    return f"{screen}: `{key}` is bound to {action}, but the key map says `{key}` is {entry.meaning}"


KEY_NAMES = {"slash": "/", "equals_sign": "=", "left_square_bracket": "[", "right_square_bracket": "]"}
"""How a few keys are written in the README."""


def shown(key: str) -> str:
    """``key`` as the README writes it."""
    return f"`{KEY_NAMES.get(key, key)}`"


README_START = "<!-- key map: made by `python -m tui.keymap` from tui/keymap.py; do not edit by hand -->"
README_END = "<!-- end of the key map -->"


def readme_section() -> str:
    """The README's key map: every letter and symbol with its one meaning, then the exceptions by screen."""
    lines = [README_START, "", "| key | means everywhere |", "|---|---|"]
    digits = [entry for entry in KEY_MAP if entry.key.isdigit()]
    for entry in KEY_MAP:
        if entry.key.isdigit() and entry is not digits[0]:
            continue
        key = "`0` ... `9`" if entry.key.isdigit() else shown(entry.key)
        lines.append(f"| {key} | {entry.meaning} |")
    lines += ["", "Exceptions (a key that means something else on one screen):", "",
              "| key | where | what it does there |", "|---|---|---|"]
    for exception in sorted(EXCEPTIONS, key=lambda e: (e.key.lower(), e.key, e.where)):
        lines.append(f"| {shown(exception.key)} | {exception.where} | {exception.meaning} |")
    lines += ["", README_END]
    return "\n".join(lines)


if __name__ == "__main__":
    print(readme_section())
