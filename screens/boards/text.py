"""What the board screen says: its help, the counts line and the focused item's detail."""

from __future__ import annotations

import re

from rich.text import Text

from tui.core.action_plans import RATING_TITLES, RATINGS, ActionPlan, badge, format_focus, outside_period_text
from tui.core.board_editor import Row

RATING_EMPHASIS = {"red": "bold reverse", "amber": "bold", "green": "", "": "dim"}
"""How each rating is set off in the detail pane, with colour or without: red the most visible, then amber."""

BOARD_HELP = """\
The plan's milestones grouped by section (theme). Each is rated **R ● red**, **A ▲ amber**,
**G ✔ green** or **– ○ not yet rated**: a letter and a symbol beside every colour. A red item
with no comment is flagged **⚑**: a plan must explain every red.

- Arrows move between rows and fields; `home`/`end`, `pageup`/`pagedown` jump.
- `r` `a` `g` set the rating; `space` cycles it (not rated, red, amber, green).
- `enter` edits the focused field where it is: `enter` keeps, `escape` cancels. The old text
  is selected, so typing replaces it; `end` or an arrow keeps it to add to. A comment can have
  several lines: there `enter` starts a new line and `ctrl+s` keeps it. On a section heading
  `enter` renames the section; on the rating it cycles it.
- `n` adds an item below (on a heading: first in the section); `N` adds a section.
- `d` deletes the item (or the section and its items) after asking.
- `shift+up`/`shift+down` move the item, across into the next section at a section's edge.
- `ctrl+z` undoes the last change (many levels); `ctrl+y` redoes.
- The pane below the board shows the focused item in full: its whole milestone and comment,
  wrapped; `ctrl+down`/`ctrl+up` scroll it when it is longer than the pane.
- Focus years outside the plan's period are kept but marked **⚠** on the row, named in words in
  the pane below ("Focus 2029 is outside the plan's period (2026 to 2028)") and counted above.
- `v` shows the items in columns by rating, opened on the focused item; the keys there act on
  the card it names, and coming back keeps the focus on that card. `f` filters by rating, `s`
  by section, `/` searches, `x` clears the filters.
- `e` edits the header (project, author, date, period, overall status).
- `m` writes the plan as a Markdown progress/RAG report, `c` as CSV; you choose the file.

The counts per rating and the share of green are always shown above the board.
"""


RATING_FILTERS: tuple[str | None, ...] = (None, *RATINGS)
"""The rating filter cycles through all, red, amber, green, not rated."""


def next_rating_filter(current: str | None) -> str | None:
    """The rating filter after ``current`` (None shows every rating)."""
    return RATING_FILTERS[(RATING_FILTERS.index(current) + 1) % len(RATING_FILTERS)]


def next_section_filter(current: int | None, count: int) -> int | None:
    """The section filter after ``current`` among ``count`` sections, back to None (all) after the last."""
    following = 0 if current is None else current + 1
    return following if following < count else None


PERIOD_MARK = "⚠"
"""Marks an item whose focus years fall outside the plan's period (with words beside it)."""


FIELD_NAMES = {"rag": "rating", "milestone": "milestone", "comment": "comment", "owner": "owner", "focus": "focus years"}
"""What each field is called on screen."""


def summary_parts(plan: ActionPlan, rating: str | None, section: int | None, search: str, wide: bool = True) -> dict[str, str]:
    """The always-visible line, by part: counts per rating, green share, unexplained reds, filters.

    On a narrow screen the counts go without the rating's name (the letter and symbol stay).
    """
    counts, total = plan.counts(), plan.item_count()
    parts = {f"count-{r or 'none'}": f"{badge(r)} {RATING_TITLES[r] + ' ' if wide else ''}{counts[r]}" for r in RATINGS}
    share = f"{plan.green_share():.0%}" if total else "–"
    parts["count-share"] = f"Green {share} of {total}"
    unexplained = len(plan.unexplained_reds())
    parts["count-flag"] = f"⚑ {unexplained} red need{'s' if unexplained == 1 else ''} a comment" if unexplained else ""
    outside = len(plan.outside_period())
    if not outside:
        parts["count-period"] = ""
    elif wide:
        parts["count-period"] = f"{PERIOD_MARK} {outside} item{'s' if outside != 1 else ''} with focus outside the period ({plan.period()})"
    else:
        parts["count-period"] = f"{PERIOD_MARK} {outside} outside period"
    filters = []
    if rating is not None:
        filters.append(f"only {RATING_TITLES[rating].lower()}")
    if section is not None and section < len(plan.sections):
        filters.append(f"section {plan.sections[section].title}")
    if search:
        filters.append(f"search '{search}'")
    notes = ["Filter: " + ", ".join(filters) + " (x clears)"] if filters else []
    parts["count-note"] = "  ".join(notes)
    return parts


def detail_text(plan: ActionPlan, row: Row | None, field: str, hide_private: bool = False) -> Text:
    """The focused row in full: rating in words, section, owner, focus, then the whole milestone and comment.

    The pane wraps and scrolls, so nothing is cut. A focus year outside the plan's period is named
    with a ⚠ (a warning, not a refusal). ``hide_private`` (presentation mode) shows a private
    comment as a placeholder.
    """
    text = Text()
    if row is None:
        text.append("No items here. Press n to add one, N to add a section" + (", x to clear the filters." if plan.sections else "."))
        return text
    section = plan.sections[row.section]
    if row.is_heading:
        text.append(f"Section {row.section + 1} of {len(plan.sections)}: ", style="bold")
        text.append(f"{section.title}  ({len(section.items)} items). enter renames, n adds an item, d deletes the section.")
        return text
    item = section.items[row.item]
    text.append(f"{badge(item.rag)} {RATING_TITLES[item.rag]}", style=RATING_EMPHASIS[item.rag])
    text.append(f"  ·  {section.title}  ·  item {row.item + 1} of {len(section.items)}")
    if item.owner:
        text.append(f"  ·  owner {item.owner}")
    if item.focus:
        text.append(f"  ·  focus {format_focus(item.focus)}")
    text.append(f"  ·  field: {FIELD_NAMES.get(field, field)}\n", style="dim")
    outside = plan.years_outside_period(item)
    if outside:
        text.append(f"{PERIOD_MARK} Focus {outside_period_text(outside, plan)}.\n", style="bold reverse")
    text.append("Milestone: ", style="dim")
    text.append(item.milestone + "\n", style="bold")
    text.append("Comment: ", style="dim")
    if item.needs_comment:
        text.append("⚑ Red with no comment: press → to the comment and enter to explain it.", style="bold reverse")
    elif item.private and hide_private and item.comment:
        text.append("The comment is private: hidden while presenting.", style="dim")
    else:
        if item.private:
            text.append("Private comment (p makes it public; hidden while presenting): ", style="italic")
        text.append(item.comment or "No comment.", style="" if item.comment else "dim")
    return text


def export_name(project: str, kind: str) -> str:
    """A file name for an export of the plan, e.g. ``technical-staff-project-rag-report.md``."""
    slug = re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-")[:60] or "action-plan"
    return f"{slug}-rag-report.md" if kind == "md" else f"{slug}.csv"
