"""A large data file the interface closed is summarised, and the next start draws its home from the summary before parsing it.

The summary (kept with the file's checked note, :mod:`tui.storage.checked`) holds the
settings, each table's count and the newest saved work. These tests lower the size from
which notes are kept so that a small file stands for a large one, and tell whether the
file was parsed by watching the function that parses it.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest

from tests.conftest import open_context
from tui.context import AppContext
from tui.storage import safefile
from tui.storage import file_storage, fragments
from tui.storage.database import DAILY_BACKUPS_KEPT, Database
from tui.storage.repositories.base import OrdersRecords
from tui.storage.settings import Settings


def _open(db_path: Path, tmp_path: Path) -> AppContext:
    """The interface's context on ``db_path``."""
    return open_context(db_path, tmp_path)


def _summarised_file(db_path: Path, tmp_path: Path, wheels: int = 35) -> list[str]:
    """A file of ``wheels`` wheels and a chosen theme, listed by the home and closed by the interface; the titles listed, newest first."""
    context = _open(db_path, tmp_path)
    for number in range(wheels):
        context.assessments.create(context.framework, f"Wheel {number}")
    context.settings.set("theme", "gruvbox")
    context.close(summarise=True)
    again = _open(db_path, tmp_path)  # an opening of a file with records keeps today's copy of it
    lines, total = again.recent_work(30)
    assert total == wheels
    again.close(summarise=True)
    return [line.title for line in lines]


def test_the_next_start_reads_its_home_from_the_summary_without_parsing(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """Closed by the interface, opened again: the settings, the counts and the newest 30 wheels come without a parse."""
    titles = _summarised_file(db_path, tmp_path)
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        lines, total = context.recent_work(30)
        assert (total, [line.title for line in lines]) == (35, titles)
        assert lines[0].kind == "wheel" and lines[0].framework_id == context.framework_id
        assert context.settings.get("theme") == "gruvbox"
        assert context.db.collection("assessments").count() == 35
        assert parses == []
        assert len(context.assessments.saved_work()) == 35  # anything more parses the file, once
        assert parses == [1]
        assert context.settings.get("theme") == "gruvbox"
    finally:
        context.close()


def test_the_summary_is_of_the_file_as_closed(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """A wheel renamed in a later run: the next start lists the new name, and the parse after it agrees."""
    _summarised_file(db_path, tmp_path)
    context = _open(db_path, tmp_path)
    newest = context.recent_work(30)[0][0]
    context.assessments.rename(newest.record_id, "Renamed before my 1:1")
    context.recent_work(30)
    context.close(summarise=True)
    parses.clear()
    again = _open(db_path, tmp_path)
    try:
        assert again.recent_work(30)[0][0].title == "Renamed before my 1:1"
        assert parses == []
        assert again.assessments.get(newest.record_id).label == "Renamed before my 1:1"
    finally:
        again.close()


def test_a_file_changed_since_is_parsed_and_its_summary_ignored(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """Another program rewrote the file (one wheel fewer, another theme): the next start shows the file, not the summary."""
    _summarised_file(db_path, tmp_path)
    data = json.loads(db_path.read_text(encoding="utf-8"))
    del data["assessments"]["35"]
    data["_settings"]["1"]["value"] = "nord"
    db_path.write_text(json.dumps(data), encoding="utf-8")
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        assert parses == [1]
        assert context.recent_work(30)[1] == 34
        assert context.settings.get("theme") == "nord"
    finally:
        context.close()


def test_a_file_changed_while_unparsed_is_read_as_it_is_now(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """Opened from the summary, then another framewheel saves a setting: the next read is of the new file."""
    _summarised_file(db_path, tmp_path)
    context = _open(db_path, tmp_path)
    try:
        assert context.settings.get("theme") == "gruvbox" and not context.db._storage.parsed()
        with Database(db_path) as other:
            Settings(other).set("theme", "nord")
        assert context.settings.get("theme") == "nord"
        assert context.recent_work(30)[1] == 35
    finally:
        context.close()


@pytest.mark.parametrize("spoil", ["schema", "json", "shape", "record", "key", "deep", "count"])
def test_a_summary_not_of_this_version_or_spoilt_is_not_used(db_path: Path, tmp_path: Path, parses: list[int], spoil: str) -> None:
    """A summary from another schema version, one that is not JSON, or one of the wrong shape: the file is parsed as before."""
    _summarised_file(db_path, tmp_path)
    note = next((tmp_path / "cache" / "checked").iterdir())
    identity, summary = note.read_text(encoding="utf-8").split("\n")
    if spoil == "json":
        summary = summary[:-5]
    else:
        value = json.loads(summary)
        if spoil == "schema":
            value["schema"] += 1
        elif spoil == "shape":
            value["tables"] = {"_settings": ["not", "records"]}
        elif spoil == "key":
            value["tables"]["_settings"] = {"\u00b2": value["tables"]["_settings"]["1"]}  # a digit, but not an id
        elif spoil == "deep":
            value["tables"]["_settings"]["1"]["value"] = "[" * 100_000
        elif spoil == "count":
            value["counts"]["assessments"] = True
        else:
            value["tables"]["_settings"]["1"] = "not a record"
        summary = json.dumps(value).replace('"' + "[" * 100_000 + '"', "[" * 100_000)  # nested too deep to read
    note.write_text(f"{identity}\n{summary}", encoding="utf-8")
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        assert parses == [1]
        assert context.settings.get("theme") == "gruvbox" and context.recent_work(30)[1] == 35
    finally:
        context.close()


def test_a_start_on_a_day_without_its_copy_parses_and_makes_the_copy(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """Today's backup is missing: the opening needs the file's bytes, so it parses it (once) and writes the copy."""
    _summarised_file(db_path, tmp_path)
    backups = db_path.parent / "backups"
    for copy in backups.iterdir():
        copy.unlink()
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        assert parses == [1]
        assert not safefile.daily_copy_due(backups, db_path.stem, datetime.date.today(), DAILY_BACKUPS_KEPT)
    finally:
        context.close()


def test_the_interface_parses_an_unparsed_file_in_the_background(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """encode_ahead on a file opened from its summary: parsed off the caller's thread, and a save then writes the whole file."""
    _summarised_file(db_path, tmp_path)
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        thread = context.db.encode_ahead(min_bytes=0)
        assert thread is not None
        thread.join(10)
        assert parses == [1] and context.db._storage.parsed()
        context.assessments.rename(1, "After the parse")
        stored = json.loads(db_path.read_text(encoding="utf-8"))
        assert len(stored["assessments"]) == 35 and stored["assessments"]["1"]["label"] == "After the parse"
        assert context.recent_work(30)[0][0].title == "After the parse"  # renamed: the most recently changed
    finally:
        context.close(summarise=True)
    note = next((tmp_path / "cache" / "checked").iterdir()).read_text(encoding="utf-8")
    assert json.loads(note.split("\n")[1])["recent_work"]["lines"][0]["title"] == "After the parse"
    reopened = _open(db_path, tmp_path)
    try:
        assert reopened.assessments.get(1).label == "After the parse"
    finally:
        reopened.close()


def test_the_background_thread_sorts_the_history_once_the_file_is_read(db_path: Path, tmp_path: Path, parses: list[int],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface's warm-ups: the wheels' order (newest first) is built in the thread, and the history then reads it as kept."""
    _summarised_file(db_path, tmp_path)
    parses.clear()
    context = _open(db_path, tmp_path)
    try:
        warm_ups = context.warm_ups()
        assert len(warm_ups) == 1  # only wheels are stored: an empty table is not asked
        thread = context.db.encode_ahead(min_bytes=0, warm_ups=warm_ups)
        assert thread is not None
        thread.join(10)
        assert parses == [1]

        def sorted_again(*_args: object) -> None:
            """The history's order built a second time: it was not kept."""
            raise AssertionError("the order was sorted again on the caller's thread")

        monkeypatch.setattr(OrdersRecords, "_ordered", sorted_again)
        assert context.assessments.ordered_ids() == list(range(35, 0, -1))  # newest first
        assert [wheel.label for wheel in context.assessments.page([35, 34])] == ["Wheel 34", "Wheel 33"]
    finally:
        context.close()


def test_a_warm_up_that_fails_to_read_still_lets_the_records_be_encoded(db_path: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm-up whose read fails (the file spoilt meanwhile) is passed over: the thread still encodes, so a save then
    encodes only the record it changed, and the file holds the change."""
    _summarised_file(db_path, tmp_path)
    context = _open(db_path, tmp_path)
    called: list[str] = []

    def failing() -> None:
        """A lookup whose read of the file failed."""
        called.append("failing")
        raise file_storage.StorageError("spoilt meanwhile")

    try:
        thread = context.db.encode_ahead(min_bytes=0, warm_ups=[failing, lambda: called.append("next")])
        assert thread is not None
        thread.join(10)
        assert called == ["failing", "next"]
        encoded: list[str] = []
        real = fragments.fragment

        def counted(key: str, record: object) -> bytes:
            """Encode one record, and count it."""
            encoded.append(key)
            return real(key, record)  # type: ignore[arg-type]

        monkeypatch.setattr(fragments, "fragment", counted)
        context.assessments.rename(3, "Renamed after the warm-ups")
        assert encoded == ["3"]  # the other 34 wheels were encoded ahead
        stored = json.loads(db_path.read_text(encoding="utf-8"))
        assert stored["assessments"]["3"]["label"] == "Renamed after the warm-ups" and len(stored["assessments"]) == 35
    finally:
        context.close()


def test_only_the_interface_summarises_and_never_a_demo(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """A command's close notes the file as checked but keeps no summary; nor does a demo's (its folder goes)."""
    _summarised_file(db_path, tmp_path)
    context = _open(db_path, tmp_path)
    context.assessments.create(context.framework, "Mine")
    context.recent_work(30)
    context.close()
    note = next((tmp_path / "cache" / "checked").iterdir()).read_text(encoding="utf-8")
    assert "\n" not in note and note.split() == [str(part) for part in file_storage.file_key(os.stat(db_path))]
    demo = AppContext.open_demo(user_dir=tmp_path / "user-frameworks")
    demo_path = demo.db.path
    demo.recent_work(30)
    demo.close(summarise=True)
    assert not demo_path.exists()
    assert all("\n" not in path.read_text(encoding="utf-8") for path in (tmp_path / "cache" / "checked").iterdir())


def test_a_background_parse_after_closing_keeps_nothing(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """The interface quit before its background parse began: the closed database neither parses nor keeps the file."""
    _summarised_file(db_path, tmp_path)
    parses.clear()
    context = _open(db_path, tmp_path)
    context.close(summarise=True)
    thread = context.db.encode_ahead(min_bytes=0)
    assert thread is not None
    thread.join(10)
    assert parses == [] and not context.db._storage.parsed()
    assert "recent_work" in next((tmp_path / "cache" / "checked").iterdir()).read_text(encoding="utf-8")  # the summary it opened with stays


@pytest.mark.parametrize("spoil", ["duplicate", "not a count", "too many"])
def test_spoilt_work_lines_are_listed_from_the_data(db_path: Path, tmp_path: Path, parses: list[int], spoil: str) -> None:
    """The work lines of a hand-spoilt summary (a line twice, a count that is not one, more lines than asked): the data is listed."""
    titles = _summarised_file(db_path, tmp_path)
    note = next((tmp_path / "cache" / "checked").iterdir())
    identity, summary = note.read_text(encoding="utf-8").split("\n")
    value = json.loads(summary)
    work = value["recent_work"]
    if spoil == "duplicate":
        work["lines"][1] = work["lines"][0]
    elif spoil == "not a count":
        work["total"] = True
    else:
        work["lines"] = work["lines"] * 2
    note.write_text(f"{identity}\n{json.dumps(value)}", encoding="utf-8")
    context = _open(db_path, tmp_path)
    try:
        lines, total = context.recent_work(30)
        assert ([line.title for line in lines], total) == (titles, 35)
    finally:
        context.close()


def test_the_summary_keeps_no_names(db_path: Path, tmp_path: Path, parses: list[int]) -> None:
    """A wheel made for a person: the home's lines in the note keep its title but not the person's name."""
    context = _open(db_path, tmp_path)
    context.assessments.create(context.framework, "Before my 1:1", person="Ada Lovelace")
    context.close()
    again = _open(db_path, tmp_path)
    assert again.recent_work(30)[0][0].detail == "Ada Lovelace"
    again.close(summarise=True)
    note = next((tmp_path / "cache" / "checked").iterdir()).read_text(encoding="utf-8")
    assert "Before my 1:1" in note and "Ada Lovelace" not in note
