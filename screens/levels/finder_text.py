"""Rich text of the level finder: exemplar lines with their marks, and the result with reasons and next steps."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from tui.core.finder import CONSISTENTLY, MARK_SYMBOLS, NOT_YET, SOMETIMES, AreaResult, FinderRecord, FinderResult
from tui.core.model import Area
from tui.widgets.hanging import hanging

MARK_STYLES = {CONSISTENTLY: "bold", SOMETIMES: "", NOT_YET: "dim", None: "dim"}
"""Extra emphasis of each mark (the letter in brackets carries the meaning; style only helps)."""

LEGEND = "[C] consistently  [S] sometimes  [X] not yet"
"""The key to the marks, shown above the exemplars."""

RULE_HELP = """\
**The rule.** In each area a level is *reached* when more than half of its exemplars are marked
*consistently* (1 of 1, 2 of 2, 2 of 3, 3 of 4) and every lower level with exemplars in that area
is reached too; *sometimes* and *not yet* do not count. A level with no exemplars in the area is
skipped. The area's level is the highest level reached. The **best fit** overall is the highest
level that at least half of the marked areas (areas with at least one mark) reach. The **next
steps** are the exemplars of the first level above an area's level not yet marked consistently.
"""


def exemplar_prompt(text: str, mark: str | None, note: str) -> Table:
    """An exemplar after its mark in letters (``[C]`` consistently ...), its note below it; wrapped lines hang under the words."""
    rows = [(Text(MARK_SYMBOLS[mark], style="bold"), Text(text, style=MARK_STYLES[mark]))]
    if note:
        rows.append((Text(), Text(f"Evidence: {note}", style="italic")))
    return hanging(rows, cell_len(MARK_SYMBOLS[mark]) + 1)


def area_prompt(area: Area, result: AreaResult) -> Text:
    """An area in the finder's list with the level its marks point to."""
    text = Text(f"{area.code or '•':>2} {area.label}")
    if result.marked:
        text.append(f"\n   → {result.level.title if result.level else 'no level yet'}", style="italic")
    return text


def result_text(result: FinderResult, focused: AreaResult | None, record: FinderRecord | None, full: bool) -> Text:
    """The overall best fit, the focused area's reason and next steps (and every area's when ``full``)."""
    text = Text()
    text.append("Best fit: ", style="bold")
    text.append(result.reason + "\n")
    if record is not None:
        text.append(f"{record.label} · started {record.created[:10]} · {record.marked_count()} marked\n", style="dim")
    chosen = [focused] if focused and not full else list(result.areas) if full else []
    if full and focused:
        chosen = [focused] + [r for r in result.areas if r is not focused and r.marked]
    for area_result in chosen:
        text.append(f"\n{area_result.area.heading}\n", style="bold")
        text.append(area_result.reason + "\n")
        if not area_result.counts:
            continue
        if area_result.next_level is None:
            text.append("The most senior level is reached here.\n", style="italic")
        elif area_result.next_steps:
            text.append(f"Next steps towards {area_result.next_level.title}:\n", style="italic")
            for step in area_result.next_steps:
                text.append(f"  ↑ {step}\n")
    return text
