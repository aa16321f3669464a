"""Sharing a wheel for a team profile (`x` on the wheel history and the rating screen).

Opens :class:`screens.dialogs.share.ShareDialog`, then writes exactly the file it showed through
the wheels' repository (private, atomic, a link refused) and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.share import ShareDialog
from tui.core.exchange import to_json
from tui.core.exchange.share import share_file_name
from tui.core.wheels import Assessment


async def share_wheel(screen: FramewheelScreen, wheel: Assessment) -> Path | None:
    """Ask what of ``wheel`` to share and where, write it, say where; the path written, or None."""
    wheels = screen.context.assessments
    suggested = wheels.share_folder() / share_file_name(wheel, date.today().isoformat())
    choice = await screen.app.push_screen_wait(ShareDialog(wheel, str(suggested)))
    if choice is None:
        return None
    path = Path(choice.path).expanduser()
    if path.is_file() and not path.is_symlink() and not await screen.app.push_screen_wait(
            ConfirmDialog(f"Replace {path}?", yes="Replace")):
        return None
    try:
        wheels.write_share(path, to_json(choice.document(wheel)))  # private (0600), complete or not at all
    except ValueError as refusal:
        screen.notify(str(refusal), severity="error", title="Not shared")
        return None
    except OSError as error:
        screen.notify(f"Cannot write {path}: {error.strerror or error}", severity="error", title="Not shared")
        return None
    screen.notify(f"Wrote {path}: only what the dialog showed. Send it to your facilitator.", title="Share file written")
    return path
