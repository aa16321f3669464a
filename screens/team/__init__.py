"""The team room: a team's share files combined into an anonymous team profile, saved profiles and their comparison."""
