"""tests.e2e: see the README's "How the code is laid out"."""
