"""Reading a CSV file that people write: its header checked, each row with the line it starts on.

The board's plan CSV and the institution's catalogue and value mapping CSVs are read the same
way: the whole file is checked before anything is stored, and each problem names its line (and
column, where one cell is wrong). A byte-order mark is dropped, names in the header are taken in
any case and order, empty rows are skipped, and a cell written with a ``'`` in front (so that a
spreadsheet does not take it for a formula) is read back without it. No Textual here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.csv_cells import from_csv_cell

Row = dict[str, str]
"""One data row: each known column's cell (empty for an optional column the file leaves out)."""


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong in a CSV file: where (line, column name) and what."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        """``line 4, column area: ...`` (column left out when the whole line is wrong)."""
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.message}"


class CsvImportError(ValueError):
    """A CSV that cannot be imported; ``problems`` lists every one, and nothing was stored."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        """Keep every problem."""
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def read_rows(text: str, required: Sequence[str], optional: Sequence[str] = (), *,
              max_bytes: int) -> tuple[list[tuple[int, Row]], list[CsvProblem]]:
    """The non-empty data rows of ``text``, each with its first line, and the rows' own problems.

    A file that cannot be read at all (too large, empty, not CSV, missing or unknown columns)
    raises CsvImportError; a row that cannot be read or has the wrong number of values is
    listed among the returned problems, so that the caller can add its own checks of the
    cells and report everything at once.
    """
    columns = (*required, *optional)
    if len(text.encode("utf-8", errors="replace")) > max_bytes:
        raise CsvImportError([CsvProblem(1, "", f"the file is larger than {max_bytes // 1_000_000} MB")])
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CsvImportError([CsvProblem(1, "", f"the file is empty; the first line must be {','.join(columns)}")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except csv.Error as error:
        raise CsvImportError([CsvProblem(1, "", f"cannot be read as CSV ({error})")]) from None
    problems: list[CsvProblem] = []
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if name not in columns]
    if missing:
        problems.append(CsvProblem(1, "", f"missing column(s) {', '.join(missing)}; "
                                          f"the first line must be {','.join(columns)}"))
    if unknown:
        problems.append(CsvProblem(1, "", f"unknown column(s) {', '.join(unknown)}; the columns are {','.join(columns)}"))
    if problems:
        raise CsvImportError(problems)
    index = {name: header.index(name) for name in columns if name in header}
    rows: list[tuple[int, Row]] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(CsvProblem(line, "", f"cannot be read as CSV ({error})"))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(CsvProblem(start, "", f"has {len(row)} values; expected {len(header)} ({','.join(header)})"))
            continue
        rows.append((start, {name: from_csv_cell(row[index[name]]) if name in index else "" for name in columns}))
    return rows, problems
