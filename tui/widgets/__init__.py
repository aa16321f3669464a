"""Reusable widgets of framewheel (each may carry DEFAULT_CSS)."""
