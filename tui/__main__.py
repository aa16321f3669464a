"""``python -m tui`` runs framewheel, the same as the ``framewheel`` command."""

from __future__ import annotations

import sys

from tui.cli.main import main

sys.exit(main())
