"""The institution's screens: its development activities, its values mapped to the framework, the coverage, and a tailored framework's changes from its base."""
