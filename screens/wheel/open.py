"""Opening wheels from other screens, kept light (no charts imported) so the home screen starts fast.

Importing this module registers the opener of saved wheels on the home screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.core.model import SavedWork

if TYPE_CHECKING:
    from tui.context import AppContext


def wheel_screen(context: AppContext, wheel_id: int, *, discard_if_empty: bool = False) -> Screen:
    """The rating screen of a stored wheel, or a screen saying why it cannot be rated."""
    from screens.wheel.missing import MissingFrameworkScreen
    from screens.wheel.rating import RatingScreen

    wheel = context.assessments.get(wheel_id)
    if wheel is None:
        return MissingFrameworkScreen(f"Wheel {wheel_id} no longer exists.")
    framework = context.catalog.get(wheel.framework_id)
    if framework is None:
        return MissingFrameworkScreen(
            f"“{wheel.label}” was made with the framework '{wheel.framework_id}', which is not loaded now. "
            "Its ratings are kept; load that framework (--framework FILE) to open it."
        )
    return RatingScreen(wheel_id, framework, discard_if_empty=discard_if_empty)


def open_saved_wheel(item: SavedWork) -> Screen:
    """Home screen opener: `enter` on a wheel in "Your work"."""
    from textual.app import active_app

    return wheel_screen(active_app.get().context, item.record_id)  # type: ignore[attr-defined]


def start_new_wheel(screen: Screen) -> None:
    """Start a blank wheel for the chosen framework, the focus on its first slider (`w` from home)."""
    context = screen.app.context  # type: ignore[attr-defined]
    wheel = context.assessments.create(context.framework)
    screen.app.push_screen(wheel_screen(context, wheel.id, discard_if_empty=True))

