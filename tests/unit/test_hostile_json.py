"""Exchange files that attack the reader are refused with a sentence, never a crash (issue 14, item 4).

Each case crashed or was silently accepted before: a 5,000-digit number, 100,000 nested ``[``,
a lone surrogate, an endless file, duplicate keys, and 100,000 problems printed one per line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.exchange import MAX_NUMBER_DIGITS, parse_json, read_json_file


def _wheel_file(tmp_path: Path, text: str, name: str = "wheel.json") -> Path:
    """A file holding ``text`` exactly."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("raw", "expected"), [
    (b'{"value": ' + b"9" * 5000 + b"}", "5,000 digits"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"label": "\\ud800"}', "not valid Unicode"),
    (b'{"format": "a", "format": "b"}', 'the key "format" is given twice'),
    (b'{"value": NaN}', "NaN is not a number"),
    (b'{"value": -Infinity}', "-Infinity is not a number"),
    (b"\xff\xfe", "is not UTF-8 text"),
    (b'{"a": }', "line 1 column 7: not valid JSON"),
])
def test_hostile_json_is_refused_with_a_reason(raw: bytes, expected: str) -> None:
    """Each attack gives no document and a reason a person can read."""
    doc, why = parse_json(raw)
    assert doc is None and why is not None and expected in why


def test_ordinary_json_is_read_as_before() -> None:
    """Numbers up to the limit, Unicode text, nesting and repeated keys in different objects are fine."""
    doc, why = parse_json(json.dumps({"a": [{"k": 1}, {"k": -2.5}], "n": int("9" * MAX_NUMBER_DIGITS), "t": "café 日本 👩‍💻"}).encode())
    assert why is None and isinstance(doc, dict) and doc["t"] == "café 日本 👩‍💻" and doc["a"][1]["k"] == -2.5


def test_an_endless_or_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    """At most the limit (plus one byte) is read: /dev/zero and a file over the limit are refused."""
    _, why = read_json_file("/dev/zero", limit=1024)
    assert why is not None and "larger than" in why
    big = _wheel_file(tmp_path, " " * 4096 + "{}")
    _, why = read_json_file(str(big), limit=1024)
    assert why is not None and "larger than" in why


def test_import_refuses_each_attack_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`framewheel import` of attacking files: exit 1, one line per file, no traceback, the data file unchanged."""
    db = tmp_path / "db.json"
    files = [
        _wheel_file(tmp_path, '{"format": "framewheel/assessment@1", "n": ' + "1" * 5000 + "}", "digits.json"),
        _wheel_file(tmp_path, "[" * 100_000, "nested.json"),
        _wheel_file(tmp_path, '{"format": "framewheel/assessment@1", "label": "\\ud800"}', "surrogate.json"),
        _wheel_file(tmp_path, '{"format": "x", "format": "framewheel/assessment@1"}', "twice.json"),
    ]
    assert main(["import", "--db", str(db), *map(str, files)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected error" not in err
    for path, reason in zip(files, ("digits", "nested too deeply", "not valid Unicode", "given twice")):
        assert any(str(path) in line and reason in line for line in err.splitlines()), (path, err)
    stored = json.loads(db.read_text(encoding="utf-8")) if db.exists() else {}
    assert not stored.get("assessments"), "nothing was imported"


def test_a_file_with_100000_problems_lists_fifty_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A wheel file with 100,000 unknown areas: 50 problem lines and one line counting the others."""
    ratings = {f"area-{i}": {"current": 5} for i in range(100_000)}
    doc = {"format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"}, "created": "2026-01-01T00:00:00+00:00",
           "ratings": ratings}
    path = _wheel_file(tmp_path, json.dumps(doc), "many.json")
    assert main(["import", "--db", str(tmp_path / "db.json"), str(path)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith(str(path))]
    assert len(lines) <= 52, len(lines)
    assert any("more problems (the first 50 are listed)" in line for line in lines)
