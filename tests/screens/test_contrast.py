"""Issue 19 item 5: the RAG ratings under NO_COLOR (red the most visible), glyphs in ASCII where the
terminal cannot show them, and F12's picture of the wheel under NO_COLOR."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rich.style import Style

from tests.conftest import screen_text
from tests.screens.test_board_snapshots import board_app
from tests.screens.test_wheel_snapshots import make_app, open_wheel
from tui.widgets.board_view import BoardView

SIZES = [(80, 24), (200, 60)]


def rating_styles(view: BoardView) -> dict[str, Style]:
    """The style of each rating's badge (``R ●``, ``A ▲``, ``G ✔``) as the board draws it, from its first rows."""
    found: dict[str, Style] = {}
    for y in range(view.size.height):
        for segment in view.render_line(y):
            badge = segment.text.strip()
            if badge[:1] in "RAG" and len(badge) == 3 and badge[1] == " " and badge[:1] not in found:
                found[badge[:1]] = segment.style or Style()
    return found


@pytest.mark.parametrize("size", SIZES)
async def test_no_color_board_sets_red_off_most(monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    """NO_COLOR: red badges in reverse bold, amber bold, green plain, all in the text colour (never a dim grey)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = board_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        view = app.screen.query_one(BoardView)
        styles = rating_styles(view)
        assert set(styles) == {"R", "A", "G"}
        assert styles["R"].reverse and styles["R"].bold
        assert styles["A"].bold and not styles["A"].reverse
        assert not styles["G"].bold and not styles["G"].reverse
        text_colour = view.rich_style.color
        assert all(style.color == text_colour for style in styles.values())
        counts = app.screen.query_one("#count-red").rich_style
        assert counts.reverse and counts.bold
        assert not app.screen.query_one("#count-green").rich_style.bold


async def test_with_colour_red_is_reversed_too() -> None:
    """In colour the red badge is a block of the theme's error colour, not dark red text on black."""
    app = board_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        view = app.screen.query_one(BoardView)
        red = rating_styles(view)["R"]
        assert red.reverse and red.bold and red.color is not None and red.color != view.rich_style.color


GLYPHS = "⭘✔▲⚑━⚠●•·▶…○⏎─╭"
"""Glyphs the board, the wheel and Textual's own widgets draw, which the Linux console cannot show."""


@pytest.mark.parametrize("size", SIZES)
async def test_linux_console_gets_ascii_glyphs(monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    """TERM=linux: the board's badges and flag, the header icon and the footer keys are drawn in ASCII."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("FRAMEWHEEL_GLYPHS")  # the tests' own choice (see conftest) set aside: the guess decides
    app = board_app(unexplained_red=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert not any(glyph in text for glyph in GLYPHS), [g for g in GLYPHS if g in text]
        assert "R * " in text and "A ^ " in text and "G + " in text  # the ratings keep letter and symbol
        assert "! 1 red needs a comment" in text  # the flag
        assert "enter Edit" in text.replace("  ", " ")  # the footer spells the key out


async def test_utf8_terminal_keeps_the_glyphs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A UTF-8 xterm keeps the symbols (the fallback is only for terminals that need it)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("FRAMEWHEEL_GLYPHS")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    app = board_app(unexplained_red=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "R ●" in text and "⚑" in text


async def test_linux_console_wheel_chart_in_ascii(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """TERM=linux: the radar's dots and N marker are ASCII, its letters and labels unchanged."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("FRAMEWHEEL_GLYPHS")  # the tests' own choice (see conftest) set aside: the guess decides
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wheel(pilot)
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert not any(glyph in text for glyph in GLYPHS)
        assert "1 Prof. development" in text and "N o How confident I feel now" in text


async def test_linux_console_draws_a_dialog_frame_in_ascii(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """TERM=linux: a dialog's thick frame is ``#`` all round (its top and bottom were ``?`` and blank), and nothing is ``?``."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("FRAMEWHEEL_GLYPHS")  # the tests' own choice (see conftest) set aside: the guess decides
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wheel(pilot)
        await pilot.press("enter")  # the note dialog
        await pilot.pause()
        rows = screen_text(app).splitlines()
        frame = [row for row in rows if "#" * 60 in row]
        assert len(frame) == 2, rows  # the top and the bottom of the frame
        assert any("#  Note on 1." in row for row in rows)
        assert "?" not in "".join(rows)


def svg_rows(picture: str) -> dict[int, str]:
    """The SVG's text read back as screen rows: each element's text put at the column its x gives."""
    elements = re.findall(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="([0-9.]+)" '
                          r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>', picture)
    rows: dict[int, list[str]] = {}
    for x, length, row, content in elements:
        text = html.unescape(content).replace("\xa0", " ")
        char_width = float(length) / len(text)
        column = round(float(x) / char_width)
        cells = rows.setdefault(int(row), [])
        cells.extend(" " * (column + len(text) - len(cells)))
        cells[column:column + len(text)] = text
    return {row: "".join(cells).rstrip() for row, cells in rows.items()}


async def test_f12_under_no_color_keeps_the_radar_spacing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """NO_COLOR: F12's SVG has each radar label at its column on screen, and no text run starts with blanks.

    A run that starts with no-break spaces is what SVG viewers drew collapsed to the left edge.
    """
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wheel(pilot)
        await pilot.press("v")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        await pilot.press("f12")
        await pilot.pause()
    [svg] = (tmp_path / "output").glob("screen-*.svg")
    picture = svg.read_text(encoding="utf-8")
    assert not re.search(r'clip-path="[^"]*">&#160;', picture)
    rows = svg_rows(picture)
    for label in ("1 Prof. development", "3 Working together", "5 Results & account.", "7 Service excellence"):
        row = next(i for i, line in enumerate(lines) if label in line)
        assert rows[row].index(label) == lines[row].index(label), label


def slider_colours(app: object) -> set[object]:
    """The colours the rating screen's sliders draw their letters, tracks and knobs in."""
    from rich.text import Text

    from tui.widgets.rating_slider import RatingSlider

    colours: set[object] = set()
    for slider in app.screen.query(RatingSlider):  # type: ignore[attr-defined]
        drawn = slider.render()
        assert isinstance(drawn, Text)
        colours |= {Style.parse(str(span.style)).color for span in drawn.spans}
    return colours


async def test_no_color_sliders_are_in_the_text_colour(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """NO_COLOR: the N, W and O sliders are not drawn in greys of their colours (O's magenta was the dimmest)."""
    app = make_app(tmp_path / "colour")
    async with app.run_test(size=(200, 60)) as pilot:
        await open_wheel(pilot)
        assert len(slider_colours(app) - {None}) == 3  # with colour: one per series
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path / "plain")
    async with app.run_test(size=(200, 60)) as pilot:
        await open_wheel(pilot)
        assert slider_colours(app) == {None}
        assert "N How confident I feel" in screen_text(app) and "O Where my organisation" in screen_text(app)
