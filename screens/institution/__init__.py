"""The institution's screens: a tailored framework's changes from its base, and the institution's own provision."""
