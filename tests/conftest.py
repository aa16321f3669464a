"""Shared fixtures: an app context on a temporary database, and screen text helpers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

import pytest
from rich.console import Console

from tui.context import AppContext
from tui.storage import checked, file_storage
from tui.storage import database as database_module


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs, config and data of every test inside its tmp_path."""
    monkeypatch.setenv("FRAMEWHEEL_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("FRAMEWHEEL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("FRAMEWHEEL_OUTPUT_DIR", str(tmp_path / "output"))
    monkeypatch.delenv("FRAMEWHEEL_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FRAMEWHEEL_GLYPHS", "unicode")  # the symbols whatever the TERM and locale the tests run in


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database lives."""
    return tmp_path / "data" / "framewheel.json"


@pytest.fixture
def context(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """An app context on a fresh database, with no user frameworks."""
    ctx = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    yield ctx
    ctx.close()


def screen_text(app: object) -> str:
    """Everything on the app's screen now, as plain text lines (what a person would read)."""
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)


def rich_text(renderable: object, width: int = 1000) -> str:
    """What a Rich renderable (a Static's content) reads as, at ``width`` cells: its lines, trailing blanks dropped.

    For text longer than the screen (a summary that scrolls): wide enough that nothing wraps.
    """
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every data file counts as large (its checked note and summary are kept); each parse of one adds one to the list."""
    monkeypatch.setattr(checked, "CHECKED_BYTES", 1)
    made: list[int] = []
    real = database_module._decode

    def counted(raw: bytes) -> dict[str, dict[str, object]]:
        """The real parse, counted."""
        made.append(1)
        return real(raw)

    monkeypatch.setattr(database_module, "_decode", counted)  # the opening's parse
    monkeypatch.setattr(file_storage, "_decode", counted)  # a parse at a later read
    return made


def open_context(db_path: Path, tmp_path: Path) -> AppContext:
    """The interface's context on ``db_path``, with no user frameworks (as the command line opens it)."""
    return AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
