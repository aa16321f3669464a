"""tui.core.reports: see the README's "How the code is laid out"."""
