"""The Guidance activity: a framework's description and its hints and tips, as Markdown."""
