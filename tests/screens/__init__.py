"""Screen tests: the app built on a temporary database and driven with Pilot."""
