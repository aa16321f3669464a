"""The presentation theme's contrast: every text colour at least 7:1 against every background it is drawn on."""

from __future__ import annotations

import pytest
from textual.color import Color

from styles.presentation import BACKGROUND_VARIABLES, HIGHLIGHT_VARIABLES, PRESENTATION_THEME, TEXT_VARIABLES

MINIMUM_CONTRAST = 7.0
"""WCAG's enhanced (AAA) contrast for text, the design's bar for presentation mode."""


def _luminance(colour: Color) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2's contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _variables() -> dict[str, str]:
    """The CSS variables the theme gives the app: Textual's derived ones with the theme's own over them."""
    return {**PRESENTATION_THEME.to_color_system().generate(), **PRESENTATION_THEME.variables}


def _solid(value: str, background: Color) -> Color:
    """A theme value as the colour seen on ``background``: an alpha blended over it; ``auto N%`` as Textual
    draws it (the contrasting text colour of the background at N%)."""
    if value.startswith("auto"):
        percent = value.split()[1].rstrip("%") if len(value.split()) > 1 else "100"
        colour = background.get_contrast_text(float(percent) / 100)
    else:
        colour = Color.parse(value)
    return background.blend(colour.with_alpha(1.0), colour.a) if colour.a < 1 else colour


def test_contrast_helper_matches_known_values() -> None:
    """The ratio itself is right: white on black is 21:1, a colour on itself 1:1, #767676 on white about 4.54:1."""
    assert contrast(Color.parse("#FFFFFF"), Color.parse("#000000")) == pytest.approx(21.0)
    assert contrast(Color.parse("#336699"), Color.parse("#336699")) == pytest.approx(1.0)
    assert contrast(Color.parse("#767676"), Color.parse("#FFFFFF")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("text", TEXT_VARIABLES)
def test_every_text_colour_reaches_seven_to_one(text: str) -> None:
    """Each text variable of the presentation theme on each of its backgrounds: at least 7:1."""
    variables = _variables()
    for name in BACKGROUND_VARIABLES:
        background = Color.parse(variables[name])
        ratio = contrast(_solid(variables[text], background), background)
        assert ratio >= MINIMUM_CONTRAST, f"{text} {variables[text]} on {name} {variables[name]}: {ratio:.2f}:1"


def test_text_on_highlighted_backgrounds_reaches_seven_to_one() -> None:
    """`$text` on a cursor or a selected cell (the board's cursor is `$text` on `$accent`): 7:1 too."""
    variables = _variables()
    for name in HIGHLIGHT_VARIABLES:
        background = _solid(variables[name], Color.parse(variables["background"]))
        ratio = contrast(_solid(variables["text"], background), background)
        assert ratio >= MINIMUM_CONTRAST, f"text on {name} {variables[name]}: {ratio:.2f}:1"


def test_cursor_and_chart_series_stand_out() -> None:
    """The highlighted row (cursor) and every chart series are 7:1 too (a projector washes colours out)."""
    variables = _variables()
    cursor = contrast(Color.parse(variables["block-cursor-foreground"]), Color.parse(variables["block-cursor-background"]))
    assert cursor >= MINIMUM_CONTRAST
    black = Color.parse(variables["background"])
    for series in ("series-1", "series-2", "series-3", "series-4", "series-5"):
        assert contrast(Color.parse(variables[series]), black) >= MINIMUM_CONTRAST, series


async def test_present_flag_switches_the_theme_and_f5_toggles_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`--present` starts on the presentation theme; F5 ends it and gives back the theme chosen before."""
    from tui.app import FramewheelApp
    from tui.context import AppContext

    context = AppContext.open(tmp_path / "db.json", user_dir=tmp_path / "frameworks")
    context.settings.set("theme", "nord")
    app = FramewheelApp(context, presenting=True)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "framewheel-present" and app.has_class("-presenting")
            await pilot.press("f5")
            await pilot.pause()
            assert app.theme == "nord" and not app.presenting
            await pilot.press("f5")
            await pilot.pause()
            assert app.theme == "framewheel-present"
        assert context.settings.get("theme") == "nord", "the presentation theme is never remembered"
    finally:
        context.close()
