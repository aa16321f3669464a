"""CatalogueRepository.read_import_text: the text of a catalogue CSV the app imports, or why it cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.context import AppContext
from tui.core.exchange.institution import MAX_CSV_BYTES


def test_a_utf8_file_is_read_with_its_byte_order_mark_dropped(context: AppContext, tmp_path: Path) -> None:
    """UTF-8 text (a spreadsheet's byte order mark dropped), any typed character kept."""
    path = tmp_path / "catalogue.csv"
    path.write_bytes("\ufeffactivity,area,level,date,provider,link\nCafé ☕,1,,,,\n".encode("utf-8"))
    assert context.catalogue.read_import_text(path) == "activity,area,level,date,provider,link\nCafé ☕,1,,,,\n"


@pytest.mark.parametrize("make, words", [
    (lambda p: None, "does not exist"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"activity\n\xff\xfe\xfa\n"), "is not UTF-8 text"),
    (lambda p: p.write_bytes(b"x" * (MAX_CSV_BYTES + 1)), "is larger than"),
])
def test_what_cannot_be_read_is_said(context: AppContext, tmp_path: Path, make: object, words: str) -> None:
    """A missing file, a folder, text that is not UTF-8 and a huge file: a ValueError naming the path."""
    path = tmp_path / "catalogue.csv"
    make(path)  # type: ignore[operator]
    with pytest.raises(ValueError, match=words) as raised:
        context.catalogue.read_import_text(path)
    assert str(path) in str(raised.value)
