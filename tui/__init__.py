"""framewheel: a keyboard-driven terminal application for professional frameworks."""

from __future__ import annotations

__version__ = "0.1.0"
