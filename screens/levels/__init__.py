"""Levels, the explorer, the step view, search and the level finder."""
