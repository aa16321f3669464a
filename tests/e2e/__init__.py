"""End-to-end tests: the real program in a pseudo-terminal, the command line, packaging and the architecture rules."""
