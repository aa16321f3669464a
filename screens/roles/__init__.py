"""The role profiles' screens."""
