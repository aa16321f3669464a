"""What every activity's example data shares: the tag that marks it.

``framewheel --demo`` fills a temporary database; each activity's entry in
:mod:`tui.activities` says how its own examples are made. The user's own database is
never touched.
"""

from __future__ import annotations

DEMO_MARK = "example"
"""Tag stored on every demo record so that it can never be mistaken for real data."""
