"""Sharing a ranking for a team (`x` on the ranking screen): the dialog, then the file.

:class:`RankingShareDialog` is the share dialog (:class:`screens.dialogs.share.ShareFileDialog`)
over a ranking: the order of the areas with its ties, the framework and the ranking's name and
date always go; the notes only when ticked in; a name or code only when typed, and
``"share": "named"`` only when the person also ticks that they agree to be named. The panel on the
right is exactly the file (:func:`tui.core.exchange.ranking_share.ranking_share_document`).
:func:`share_ranking` then writes that text through the rankings' repository (private, atomic, a
link refused) and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from screens.base import FramewheelScreen
from screens.dialogs.share import ShareFileDialog, write_shared
from tui.core.exchange import to_json
from tui.core.exchange.ranking_share import RankingShareChoice, ranking_share_file_name
from tui.core.model import Framework
from tui.core.rankings import Ranking

USE = ("The file is for your team's facilitator, to combine with colleagues' rankings into a team ranking; "
       "only the team's mean ranks and their spread are shown, and nothing at all for a group smaller than "
       "the minimum (5 unless the facilitator sets 3 to 10).")
"""How the file will be used, said before it is written."""


class RankingShareDialog(ShareFileDialog[RankingShareChoice]):
    """Dismisses with what to share of a ranking and where (`ctrl+s`), or None (`escape`)."""

    def __init__(self, ranking: Ranking, framework: Framework, path: str) -> None:
        """The dialog for sharing ``ranking`` (of ``framework``), suggesting the file ``path``."""
        notes = "has notes" if ranking.notes.strip() else "none written"
        super().__init__(
            title="Share this ranking for a team ranking", what="ranking",
            always="Always: the order with its ties, the ranking's name and date. Also (space ticks):",
            parts=[(f"my notes ({notes})", "notes")], use=USE, path=path,
            choose=lambda p: RankingShareChoice(path=p.path, notes="notes" in p.parts, person=p.person, named=p.named),
            preview=lambda choice: to_json(choice.document(ranking, framework)),
        )
        self.ranking, self.framework = ranking, framework


async def share_ranking(screen: FramewheelScreen, ranking: Ranking, framework: Framework) -> Path | None:
    """Ask what of ``ranking`` to share and where, write it, say where; the path written, or None."""
    rankings = screen.context.rankings
    suggested = rankings.share_folder() / ranking_share_file_name(ranking, date.today().isoformat())
    return await write_shared(screen, RankingShareDialog(ranking, framework, str(suggested)), lambda choice: choice.path,
                              lambda choice: to_json(choice.document(ranking, framework)), rankings.write_share)
