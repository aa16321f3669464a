"""The institution's view: its development activities, its values mapped to the framework, the coverage, tailoring."""
