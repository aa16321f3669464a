"""Text from files reaching a terminal: control characters made visible (issue 14 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_exchange import GOOD, write
from tui.cli.main import main
from tui.core.text import visible

TITLE_ATTACK = "\u001b]2;PWNED\u0007"
"""An escape sequence that retitles a terminal window."""


def test_visible_shows_control_characters_and_keeps_ordinary_text() -> None:
    """C0 (but newline and tab), DEL, C1 and bidi controls become escapes; accents, CJK, emoji and joiners stay."""
    assert visible("a\x1b[31mb") == "a\\x1b[31mb"
    assert visible(TITLE_ATTACK) == "\\x1b]2;PWNED\\x07"
    assert visible("\x00\x08\r\x7f\x80\x9b\x9f") == "\\x00\\x08\\x0d\\x7f\\x80\\x9b\\x9f"
    assert visible("abc\u202edef") == "abc\\u202edef"
    ordinary = "Zoë's café ✓ 日本 👨\u200d👩\u200d👧 \u00a0\u3000 line\n\tindented"
    assert visible(ordinary) == ordinary
    assert visible("a\tb", keep="\n") == "a\\x09b"


def test_import_problems_and_notices_show_escapes_not_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An area id and a label with ESC in an imported file: stderr and the "already imported" notice show ``\\x1b``."""
    db = str(tmp_path / "db.json")
    bad = write(tmp_path / "bad.json", {**GOOD, "ratings": {f"area{TITLE_ATTACK}": {"current": 5}}})
    assert main(["import", "--db", db, bad]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "area\\x1b]2;PWNED\\x07" in err
    labelled = write(tmp_path / "label.json", {**GOOD, "label": f"Mine\x1b[2J{TITLE_ATTACK}\x9b"})
    assert main(["import", "--db", db, labelled]) == 0
    capsys.readouterr()
    assert main(["import", "--db", db, labelled]) == 0
    captured = capsys.readouterr()
    assert "already imported" in captured.out
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream
    assert "Mine\\x1b[2J\\x1b]2;PWNED\\x07\\x9b" in captured.out


def test_report_shows_escapes_not_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel report`` of a wheel whose label and note hold ESC writes no raw ESC to standard output."""
    db = str(tmp_path / "db.json")
    document = {**GOOD, "label": f"Mine{TITLE_ATTACK}",
                "notes": {"professional-development": "note\x1b[31mred"}}
    assert main(["import", "--db", db, write(tmp_path / "w.json", document)]) == 0
    capsys.readouterr()
    assert main(["report", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Mine\\x1b]2;PWNED\\x07" in out and "note\\x1b[31mred" in out


def test_json_export_piped_is_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Data piped on (not a terminal) is left exact: a C1 character in a label survives a JSON export."""
    db = str(tmp_path / "db.json")
    assert main(["import", "--db", db, write(tmp_path / "w.json", {**GOOD, "label": "odd\x85label"})]) == 0
    capsys.readouterr()
    assert main(["export", "--db", db, "--id", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["label"] == "odd\x85label"
