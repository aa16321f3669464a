"""Ranking a framework's areas for a team, and the saved rankings."""
