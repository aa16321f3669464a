"""screens.boards: see the README's "How the code is laid out"."""
