"""The core of framewheel: plain data and rules (frameworks, wheels, rankings, finder, plans, exchange, reports).

Nothing here imports Textual, TinyDB or :mod:`tui.storage` (import-linter checks it), so the command
line and the tests use it without an interface or a database."""
