"""The ``framewheel`` command line: one module per subcommand, and :mod:`tui.cli.main` to start."""
