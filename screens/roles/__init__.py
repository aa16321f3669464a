"""Role profiles: the roles of a framework (its file's own and those made in the app), the role editor, and the comparisons."""
