"""Unit tests of the core and storage (no interface)."""
