"""Action plans on red/amber/green boards: the list, the board and its dialogs."""
