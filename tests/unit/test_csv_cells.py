"""CSV cells that would start a spreadsheet formula get a ``'``, taken off on import (issue 14 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_exchange import GOOD, write
from tui.cli.main import main
from tui.core.action_plans import ActionPlan, PlanItem, PlanSection
from tui.core.csv_cells import from_csv_cell, to_csv_cell
from tui.core.exchange.plan_files import plan_from_csv, plan_to_csv


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-5% budget", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_formula_cells_get_a_quote_and_lose_it_on_import(cell: str) -> None:
    """A cell starting a formula gets ``'`` in front, and reading it back takes it off."""
    assert to_csv_cell(cell) == "'" + cell
    assert from_csv_cell("'" + cell) == cell


@pytest.mark.parametrize("cell", ["", "plain", "2021-2023", "'quoted", "it's", "'", "é=x"])
def test_ordinary_cells_are_unchanged(cell: str) -> None:
    """Text that starts no formula is written and read as it is."""
    assert to_csv_cell(cell) == cell
    assert from_csv_cell(cell) == cell


@pytest.mark.parametrize("cell", ["'=x", "''=x", "'-"])
def test_quoted_formula_text_round_trips(cell: str) -> None:
    """Text already starting with ``'`` before a formula character gets one more, so it reads back exactly."""
    assert to_csv_cell(cell) == "'" + cell
    assert from_csv_cell(str(to_csv_cell(cell))) == cell


def test_numbers_are_not_prefixed() -> None:
    """A number (not text) is left as it is, negative or not."""
    assert to_csv_cell(-1) == -1 and to_csv_cell(None) is None


def test_board_csv_defuses_formulas_and_round_trips() -> None:
    """The board's CSV writes ``'=HYPERLINK``; importing that file gives back the original comment."""
    items = (PlanItem("=cmd|' /C calc'!A0", "red", '=HYPERLINK("x")', "@owner", ()),
             PlanItem("Milestone", "green", "-5% budget", "'=kept", ()))
    plan = ActionPlan(id=0, project="p", sections=(PlanSection("+Section", items),))
    text = plan_to_csv(plan)
    assert "'=HYPERLINK" in text and "'-5% budget" in text and "'+Section" in text and "''=kept" in text
    back = plan_from_csv(text)
    assert [(s.title, s.items) for s in back.sections] == [("+Section", items)]


def test_wheels_csv_export_defuses_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel export --format csv`` of a wheel with the note ``=1+1`` writes ``'=1+1``."""
    db = str(tmp_path / "db.json")
    document = {**GOOD, "label": "@label", "notes": {"professional-development": "=1+1"}}
    assert main(["import", "--db", db, write(tmp_path / "w.json", document)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert ",'=1+1," in out and ",'@label," in out and ",=1+1," not in out
