"""Sharing a wheel for a team profile (`x` on the wheel history and the rating screen).

Opens :class:`screens.dialogs.share.ShareDialog`, then writes exactly the file it showed through
the wheels' repository (private, atomic, a link refused) and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from screens.base import FramewheelScreen
from screens.dialogs.share import ShareDialog, write_shared
from tui.core.exchange import to_json
from tui.core.exchange.share import share_file_name
from tui.core.wheels import Assessment


async def share_wheel(screen: FramewheelScreen, wheel: Assessment) -> Path | None:
    """Ask what of ``wheel`` to share and where, write it, say where; the path written, or None."""
    wheels = screen.context.assessments
    suggested = wheels.share_folder() / share_file_name(wheel, date.today().isoformat())
    return await write_shared(screen, ShareDialog(wheel, str(suggested)), lambda choice: choice.path,
                              lambda choice: to_json(choice.document(wheel)), wheels.write_share)
