"""Every character a person types is kept: the spaces and format characters Textual's fields drop (issue 14, item 10).

Textual's Input and TextArea insert a key only when ``str.isprintable`` says so, which is false
for U+200D (the emoji joiner), U+200F (right-to-left mark), U+00A0 (no-break space), U+3000
(the ideographic space of Japanese input) and U+00AD (soft hyphen): typed, they vanished.
"""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key

from tests.screens.test_board_screen import open_board, press, small_plan, stored
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.typed_text import typeable

TYPED = ["a", "\u200d", "b", "\u200f", "c", "\u00a0", "d", "\u3000", "e", "\u00ad", "f"]
"""Letters with each dropped character between them."""


async def type_text(app: FramewheelApp, pilot: object, text: str) -> None:
    """Type ``text`` as a terminal does: each key with its character (Pilot's ``press`` gives these no character)."""
    for character in text:
        app.post_message(events.Key(_character_to_key(character), character))
    await pilot.pause()  # type: ignore[attr-defined]


def test_typeable_takes_spaces_and_format_characters_but_never_controls() -> None:
    """The five characters are kept; ESC, DEL, a C1 control and ordinary letters are not this rule's business."""
    assert all(typeable(c) for c in "\u200d\u200f\u00a0\u3000\u00ad")
    assert not any(typeable(c) for c in ("\x1b", "\x7f", "\x9b", "a", None, "ab"))


async def test_a_note_keeps_every_character_typed(context: AppContext) -> None:
    """A wheel note typed with the joiner, the marks and the spaces is stored with all of them."""
    from tui.core.wheels import add_demo_wheels

    add_demo_wheels(context.assessments, context.catalog.get("ahep"))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("Input")
        field.value = ""  # start from an empty note
        await type_text(app, pilot, "".join(TYPED))
        await pilot.press("enter")
        await pilot.pause(0.3)
    wheel = context.assessments.latest("ahep")
    assert wheel is not None
    assert "".join(TYPED) in wheel.notes.values()


async def test_a_board_comment_keeps_every_character_typed(context: AppContext) -> None:
    """A comment typed in place on the board keeps them too (the comment editor is a TextArea)."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "right", "enter")
        await type_text(app, pilot, "".join(TYPED))
        await press(pilot, "ctrl+s")
    assert stored(context).sections[0].items[0].comment == "".join(TYPED)
