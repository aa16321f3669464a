"""The framewheel Textual App: kept small; the screens do the work.

The App holds the :class:`~tui.context.AppContext` (frameworks, database,
repositories), installs the global keys, the command palette entries, the
remembered theme, the too-small-terminal guard and the clean exit on SIGTERM
and SIGHUP.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from functools import partial
from typing import Any, Iterable, Sequence

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.filter import LineFilter
from textual.screen import Screen

from screens.too_small import MIN_HEIGHT, MIN_WIDTH
from styles import style_path
from styles.presentation import PRESENTATION_THEME, PRESENTATION_THEME_NAME, UndimFilter
from tui.collector import resume_after_start
from tui.context import THEME_KEY, AppContext
from tui.widgets.control_filter import ControlCharacterFilter
from tui.widgets.glyphs import AsciiFilter, ascii_wanted, key_text


START_SECONDS = 3.0
"""The cycle collector paused for the start resumes when the home screen is complete, or this long after mounting at the latest."""

EXIT_GRACE_SECONDS = 5.0
"""After SIGTERM/SIGHUP, how long a normal exit may take before framewheel saves and leaves anyway."""


def _leave_if_stuck() -> None:
    """Watchdog after a signal: if the app has not ended in time, finish pending saves and exit."""
    time.sleep(EXIT_GRACE_SECONDS)
    from tui.storage.saver import flush_all

    flush_all()
    os._exit(0)


class CrashReport(Exception):
    """An unexpected failure, shown to the user as one sentence instead of a traceback."""

    def __init__(self, message: str) -> None:
        """Keep the sentence to show."""
        super().__init__(message)
        self.message = message

    def __rich__(self) -> Text:
        """What Textual prints on exit: the sentence, not a traceback."""
        return Text(self.message)


class FramewheelApp(App[None]):
    """The framewheel application."""

    TITLE = "framewheel"
    CSS_PATH = [style_path("app.tcss"), style_path("presentation.tcss")]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True,
                tooltip="Quit; asks first when typed text is not saved yet, and in the demo"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", show=False),
        Binding("f12", "save_svg", "Save screen as SVG", id="app.svg", show=False),
        Binding("f5", "toggle_presenting", "Present", id="app.present", show=False, priority=True,
                tooltip="Presentation mode on or off: high contrast, the chart large, nothing private on screen"),
    ]

    def __init__(self, context: AppContext, *, presenting: bool = False) -> None:
        """Create the app over an opened context (a test builds one on a tmp_path database).

        ``presenting`` starts in presentation mode (``framewheel --present``, and ``serve``).
        """
        super().__init__()
        self.context = context
        self.crash_message = ""
        """The sentence printed after an unexpected failure (empty when none)."""
        self._stopping = False
        self._signal_handlers_installed = False
        self._started = False
        self._asking_to_quit = False
        """The quit question (typed text, the demo) is on screen: another `ctrl+q` waits for its answer."""
        self.register_theme(PRESENTATION_THEME)
        self._undim = UndimFilter()
        self._controls = ControlCharacterFilter()
        self._ascii = AsciiFilter() if ascii_wanted() else None
        """Glyphs drawn in ASCII, for a terminal that cannot show them (``TERM=linux``, a locale not UTF-8)."""
        theme = context.settings.get(THEME_KEY)
        if isinstance(theme, str) and theme in self.available_themes and theme != PRESENTATION_THEME_NAME:
            self.theme = theme
        self._theme_before_presenting = self.theme
        self.presenting = False
        """Presentation mode: the high-contrast theme, and every private field hidden (see `set_presenting`)."""
        if presenting:
            self._switch_presenting(True)
        if context.demo:
            self.sub_title = "DEMO: example data in a temporary database"

    def get_default_screen(self) -> Screen:
        """The home screen is the bottom of the screen stack."""
        from screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        """Show start-up notices, remember the theme, and handle signals."""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._install_signal_handlers()  # already done by `run`; here for apps run another way (tests)
        self.call_after_refresh(self._started_up)
        self.set_timer(START_SECONDS, resume_after_start)  # the home screen resumes it sooner, once complete
        if self.context.notices:
            from screens.dialogs.notice import NoticeDialog

            self.push_screen(NoticeDialog(self.context.notices, self.context.db.report.latest_backup))
        self._check_size(self.size.width, self.size.height)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Install the SIGTERM/SIGHUP handlers first, then run: a signal during start-up still ends cleanly.

        The handlers must be in place before Textual switches the terminal to the alternate screen;
        a signal that arrives before the app loop exists is remembered and acted on at mount.
        """
        self._install_signal_handlers()
        return super().run(*args, **kwargs)  # what the app exited with (a test harness's screenshot)

    def _install_signal_handlers(self) -> None:
        """End cleanly, restoring the terminal, on SIGTERM and SIGHUP (a dropped SSH link)."""
        if self._signal_handlers_installed:
            return
        self._signal_handlers_installed = True

        def stop(signum: int, frame: object) -> None:
            """Ask the app to exit; if it cannot (a terminal that no longer reads), save and leave anyway."""
            if not self._stopping:
                self._stopping = True
                threading.Thread(target=_leave_if_stuck, name="framewheel-exit-watchdog", daemon=True).start()
            if not self._started:
                return  # still starting (perhaps no loop yet): `_started_up` sees ``_stopping`` and exits
            try:
                loop = asyncio.get_running_loop()  # the handler runs in the main thread, inside the loop
            except RuntimeError:
                return  # the loop has already ended: the app is on its way out
            loop.call_soon_threadsafe(self.leave_on_signal)

        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, stop)

    def leave_on_signal(self) -> None:
        """End after SIGTERM/SIGHUP: no one is there to ask, so typed text is kept where it can be, then exit."""
        from screens.dialogs.leave import typed_text_holders

        self._save_typed_text()
        self._keep_then_exit(typed_text_holders(self.screen_stack), ask_again=False)

    async def action_quit(self) -> None:
        """Quit (`ctrl+q`, `q` on home); first ask when typed text is not saved yet, or when quitting the demo."""
        from screens.dialogs.confirm import ConfirmDialog
        from screens.dialogs.leave import DEMO_WARNING, LeaveDialog, describe, typed_text_holders

        if self._asking_to_quit:
            return  # the question is on screen already
        self._save_typed_text()
        holders = typed_text_holders(self.screen_stack)
        if holders:
            def chosen(choice: str | None) -> None:
                """Save and quit, quit without saving, or stay."""
                self._asking_to_quit = False
                if choice == "save":
                    self._keep_then_exit(typed_text_holders(self.screen_stack), ask_again=True)
                elif choice == "discard":
                    self.exit()

            self._asking_to_quit = True
            self.push_screen(LeaveDialog(describe(holders), demo=self.context.demo), chosen)
            return
        if self.context.demo:
            def answered(quit_demo: bool | None) -> None:
                """Quit (and delete the demo data) when the person agrees."""
                self._asking_to_quit = False
                if quit_demo:
                    self.exit()

            self._asking_to_quit = True
            self.push_screen(ConfirmDialog(f"Quit the demo? {DEMO_WARNING}", yes="Quit and delete", no="Stay"), answered)
            return
        self.exit()

    def _save_typed_text(self) -> None:
        """Let every screen that saves as you type write what still waits for its pause."""
        for screen in self.screen_stack:
            save = getattr(screen, "save_typed_text", None)
            if callable(save):
                save()

    def _keep_then_exit(self, holders: list[Screen[Any]], *, ask_again: bool) -> None:
        """Keep each holder's typed text, the top one first, then exit once their callers have saved it.

        A dialog keeps its text by dismissing with it; its caller's result callback saves it on the
        caller's queue, so the next step is queued there too and runs after the save. When a
        holder cannot keep its text (it says why) the app stays when ``ask_again`` (the person
        is there to fix it), else it exits anyway (a signal: nothing else can be done).
        """
        if not holders:
            self.exit()
            return
        holder, rest = holders[0], holders[1:]
        callbacks = getattr(holder, "_result_callbacks", None)
        caller = callbacks[-1].requester if callbacks and callbacks[-1].requester is not None else self
        if not getattr(holder, "keep_typed_text")():
            if not ask_again:
                self.exit()
            return
        caller.call_next(self._keep_then_exit, rest, ask_again=ask_again)

    def _started_up(self) -> None:
        """The first screen is mounted and drawn: from now on a signal exits at once; one that came earlier exits now."""
        self._started = True
        if self._stopping:
            self.exit()
            return
        self.context.db.encode_ahead(warm_ups=self.context.warm_ups())  # the first save then costs what it changed; the history is sorted

    def _remember_theme(self, theme: object) -> None:
        """Save the chosen theme so the next start uses it (the presentation theme is never remembered)."""
        name = getattr(theme, "name", None)
        if name == PRESENTATION_THEME_NAME:
            return
        if isinstance(name, str) and self.context.settings.get(THEME_KEY) != name:
            self.context.settings.set(THEME_KEY, name)

    def set_presenting(self, on: bool) -> None:
        """Switch presentation mode on or off, redraw what every open screen shows, and say so."""
        if on == self.presenting:
            return
        self._switch_presenting(on)
        for screen in self.screen_stack:
            changed = getattr(screen, "presentation_changed", None)
            if callable(changed):
                changed()
        if on:
            self.notify("Presentation mode: high contrast, nothing private on screen. F5 ends it.",
                        title="Presenting", timeout=4)
        else:
            self.notify("Presentation mode is off: private notes show again.", timeout=4)

    def _switch_presenting(self, on: bool) -> None:
        """The theme and the App's ``-presenting`` class of presentation mode."""
        self.presenting = on
        if on:
            self._theme_before_presenting = self.theme
            self.theme = PRESENTATION_THEME_NAME
        else:
            remembered = self.context.settings.get(THEME_KEY)
            before = remembered if isinstance(remembered, str) and remembered in self.available_themes else self._theme_before_presenting
            self.theme = before if before != PRESENTATION_THEME_NAME else "textual-dark"
        self.set_class(on, "-presenting")

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Control characters drawn visibly, then Textual's filters; in presentation mode dim text is first drawn at full strength.

        Where the terminal cannot show the glyphs, the ASCII fallbacks come right after the control pictures.
        """
        filters = [self._controls, *([self._ascii] if self._ascii else []), *super().get_line_filters()]
        return [self._undim, *filters] if self.presenting else filters

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and F1 show it; spelt out in ASCII (``enter``, ``up``) where glyphs cannot be shown."""
        display = super().get_key_display(binding)
        return key_text(display) if self._ascii else display

    def action_toggle_presenting(self) -> None:
        """Presentation mode on or off (`F5`)."""
        self.set_presenting(not self.presenting)

    def on_resize(self, event: Resize) -> None:
        """Ask for a larger window when the terminal is below 80x24."""
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Show or remove the "make the window larger" screen."""
        from screens.too_small import TooSmallScreen

        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif not too_small and showing:
            self.pop_screen()

    def action_help(self) -> None:
        """Open the help for the screen in front (F1)."""
        from screens.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_save_svg(self) -> None:
        """Save what is on screen as an SVG file in the output folder and say where (`F12`)."""
        from tui.core.reports.one_to_one import slug
        from tui.storage.output import write_new_output
        from tui.widgets.screenshot import spaced_svg

        name = slug(type(self.screen).__name__.removesuffix("Screen")) or "screen"
        try:
            path = write_new_output(f"screen-{name}", ".svg", spaced_svg(self.export_screenshot()).encode("utf-8"))
        except OSError as error:
            self.notify(f"The screenshot could not be saved: {error.strerror or error}.", severity="error")
            return
        self.notify(f"Screen saved as {path}", title="Screenshot", timeout=8)

    def action_choose_output_folder(self) -> None:
        """Ask for the output folder and keep it (command palette: "Output folder")."""
        from screens.dialogs.output_folder import choose_output_folder

        choose_output_folder(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, the app's own, and those of the screen in front."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help for this screen", "Keys and how to use what is in front of you (F1)", self.action_help)
        yield from self._activity_commands()
        yield SystemCommand("Presentation mode on or off", "High contrast, the chart large, nothing private on screen (F5)",
                            self.action_toggle_presenting)
        yield SystemCommand("Save screen as SVG", "A picture of this screen in the output folder (F12)", self.action_save_svg)
        yield SystemCommand("Output folder", f"Where reports, exports, share files and screenshots go: {self.context.output_folder}",
                            self.action_choose_output_folder)
        commands = getattr(screen, "screen_commands", None)
        if callable(commands):
            yield from commands()

    def _activity_commands(self) -> Iterable[SystemCommand]:
        """Every activity of the registry (its home-screen keys), reachable from any screen by name."""
        from screens.home import HomeScreen

        home = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(home, HomeScreen):
            return
        for binding in home.activity_bindings():
            about = binding.tooltip or f"{binding.description} for the chosen framework"
            yield SystemCommand(binding.description, f"{about} (key {binding.key} on the home screen)",
                                partial(self._run_on_home, home, binding.action))

    def _run_on_home(self, home: Screen, action: str) -> None:
        """Go back to the home screen and start one of its activities."""
        while len(self.screen_stack) > 1 and self.screen is not home:
            self.pop_screen()
        self.call_later(home.run_action, action)

    def _handle_exception(self, error: Exception) -> None:
        """Log an unexpected failure and show one sentence with the log's path, never a traceback."""
        if isinstance(error, CrashReport):
            super()._handle_exception(error)
            return
        from tui.storage.crashlog import crash_message, write_crash_log

        self.crash_message = crash_message(error, write_crash_log(error))
        report = CrashReport(self.crash_message)
        report.__cause__ = error
        super()._handle_exception(report)
