"""Tests of a save that costs what changed: the kept record fragments, the kept next ids and derived lookups.

Every write goes through :meth:`tui.storage.database.Database.write`, which encodes only the
changed records and assembles the file from the bytes kept for the rest. These tests prove the
bytes on disk are exactly those of a full encode, that a fresh Database reads back what was
written, that the promises of the design hold on that path (lock held, schema stamp, 0600, a
failed save leaves nothing stale) and that a save encodes only what it changed.
"""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path
from typing import Any

import filelock
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui.storage import database as storage
from tui.storage import datafile, fragments, safefile
from tui.storage.database import Database, StorageError

TEXT = "Zoë — 日本語 🎡 ﬁ \"quoted\" \\ back\nline"


def on_disk(path: Path) -> dict[str, Any]:
    """The file parsed with plain ``json``."""
    return json.loads(path.read_bytes().decode("utf-8"))


def assert_full_encode(path: Path) -> None:
    """The file's bytes are exactly a full ``_encode`` of what they parse to (and carry the schema stamp)."""
    raw = path.read_bytes()
    parsed = json.loads(raw.decode("utf-8"))
    assert raw == datafile._encode(parsed)
    assert parsed["_meta"] == {"1": {"schema_version": datafile.SCHEMA_VERSION}}


def stored(path: Path, tables: list[str]) -> dict[str, dict[int, dict[str, Any]]]:
    """What a fresh Database on ``path`` reads back, table by table (id -> record without id)."""
    with Database(path) as fresh:
        return {name: {r["id"]: {k: v for k, v in r.items() if k != "id"} for r in fresh.collection(name).all()}
                for name in tables}


def random_record(rng: random.Random) -> dict[str, Any]:
    """A record with nested values, numbers, booleans, null and text that needs escaping."""
    return {"label": rng.choice([TEXT, "plain", "", "ünïcödé"]) + str(rng.randint(0, 99)),
            "n": rng.choice([rng.randint(-5, 10**12), rng.random(), True, None]),
            "ratings": {f"area-{a}": {"current": rng.randint(0, 10)} for a in range(rng.randint(0, 3))},
            "tags": [rng.choice(["a", "é", "🎡"]) for _ in range(rng.randint(0, 3))]}


def test_random_writes_give_the_bytes_of_a_full_encode(tmp_path: Path) -> None:
    """After every write of a random sequence (two instances, three tables, every kind of write),
    the file is byte for byte a full encode, and a fresh Database reads back the model."""
    path = tmp_path / "framewheel.json"
    rng = random.Random(18)
    tables = ["assessments", "action_plans", "rankings"]
    instances = [Database(path), Database(path)]
    model: dict[str, dict[int, dict[str, Any]]] = {name: {} for name in tables}
    for step in range(300):
        db = instances[0] if rng.random() < 0.8 else instances[1]  # the other instance now and then
        name = rng.choice(tables)
        records = db.collection(name)
        ids = sorted(model[name])
        op = rng.choice(["insert", "insert", "insert_many", "update", "replace", "remove", "mutate"]) if ids else "insert"
        if op == "insert":
            record = random_record(rng)
            new_id = records.insert({**record, "id": 999})
            assert new_id == max(ids, default=0) + 1
            model[name][new_id] = record
        elif op == "insert_many":
            batch = [random_record(rng) for _ in range(rng.randint(0, 4))]
            new_ids = records.insert_many(batch)
            assert new_ids == list(range(max(ids, default=0) + 1, max(ids, default=0) + 1 + len(batch)))
            model[name].update(zip(new_ids, batch))
        else:
            target = rng.choice(ids)
            if op == "update":
                changes = {"n": step, "label": TEXT}
                records.update(target, changes)
                model[name][target] = {**model[name][target], **changes}
            elif op == "replace":
                model[name][target] = random_record(rng)
                records.replace(target, model[name][target])
            elif op == "remove":
                records.remove(target)
                del model[name][target]
            else:
                changed = records.mutate(target, lambda r: {**r, "n": step, "extra": {"é": [step]}})
                model[name][target] = {**model[name][target], "n": step, "extra": {"é": [step]}}
                assert changed == {**model[name][target], "id": target}
        assert_full_encode(path)
        assert {name: {int(k): v for k, v in recs.items()} for name, recs in on_disk(path).items()
                if name in tables} == {name: recs for name, recs in model.items() if recs or name in on_disk(path)}
    for db in instances:
        db.close()
    assert stored(path, tables) == model


@hsettings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["insert", "update", "remove", "mutate", "setting"]),
                          st.integers(0, 20), st.text(max_size=12)), max_size=25))
def test_property_any_write_sequence_is_a_full_encode(tmp_path_factory: pytest.TempPathFactory,
                                                     ops: list[tuple[str, int, str]]) -> None:
    """Whatever the writes (any text), the file is exactly a full encode and reads back as written."""
    path = tmp_path_factory.mktemp("prop") / "framewheel.json"
    model: dict[int, dict[str, Any]] = {}
    with Database(path) as db:
        things, settings = db.collection("things"), db.collection("settings")
        for op, pick, text in ops:
            ids = sorted(model)
            target = ids[pick % len(ids)] if ids else None
            if op == "insert" or target is None:
                model[things.insert({"text": text, "nested": {text: [pick]}})] = {"text": text, "nested": {text: [pick]}}
            elif op == "update":
                things.update(target, {"text": text})
                model[target] = {**model[target], "text": text}
            elif op == "remove":
                things.remove(target)
                del model[target]
            elif op == "mutate":
                things.mutate(target, lambda r: {**r, "n": pick})
                model[target] = {**model[target], "n": pick}
            else:
                settings.insert({"key": text})
            assert_full_encode(path)
    assert stored(path, ["things"])["things"] == model


def test_a_save_encodes_only_the_changed_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the file's fragments are kept, changing one record of many encodes that record only."""
    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        things = db.collection("things")
        ids = things.insert_many([{"i": i, "text": TEXT} for i in range(200)])
        things.mutate(ids[0], lambda r: {**r, "i": -1})  # fragments kept from here on
        encoded: list[object] = []
        real = fragments.json_bytes
        monkeypatch.setattr(fragments, "json_bytes", lambda value: encoded.append(value) or real(value))
        things.mutate(ids[100], lambda r: {**r, "i": 1000})
        records = [value for value in encoded if isinstance(value, dict)]
        assert records == [{"i": 1000, "text": TEXT}]
        encoded.clear()
        things.insert({"i": 201})
        assert [value for value in encoded if isinstance(value, dict)] == [{"i": 201}]
        monkeypatch.undo()
    assert_full_encode(path)
    assert stored(path, ["things"])["things"][ids[100]] == {"i": 1000, "text": TEXT}


def test_another_instance_change_is_read_and_everything_encoded_again(tmp_path: Path) -> None:
    """When another process changed the file, the save re-reads it under the lock, keeps that change
    and writes a full, correct file (no stale fragment of the old file)."""
    path = tmp_path / "framewheel.json"
    mine, other = Database(path), Database(path)
    a = mine.collection("things").insert({"who": "mine", "n": 1})
    b = mine.collection("things").insert({"who": "mine", "n": 2})
    mine.collection("things").update(a, {"n": 10})
    other.collection("things").update(b, {"n": 20, "by": "other"})
    other.collection("notes").insert({"text": TEXT})
    mine.collection("things").update(a, {"n": 11})
    assert_full_encode(path)
    assert stored(path, ["things", "notes"]) == {
        "things": {a: {"who": "mine", "n": 11}, b: {"who": "mine", "n": 20, "by": "other"}},
        "notes": {1: {"text": TEXT}},
    }
    assert mine.collection("things").insert({"n": 3}) == 3 and other.collection("things").insert({"n": 4}) == 4
    mine.close()
    other.close()


def test_the_lock_is_held_and_the_file_private_when_a_save_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the assembled file is written, the inter-process lock is held; the file is 0600 and atomic."""
    path = tmp_path / "framewheel.json"
    db = Database(path)
    record_id = db.collection("things").insert({"n": 1})
    held: list[bool] = []
    real = safefile.atomic_write

    def checking(target: Path, payload: bytes) -> None:
        """Try the lock from another lock object: it must be taken."""
        try:
            filelock.FileLock(str(db.lock_path), timeout=0).acquire()
        except filelock.Timeout:
            held.append(True)
        else:  # pragma: no cover - a failure of the promise
            held.append(False)
        real(target, payload)

    monkeypatch.setattr(safefile, "atomic_write", checking)
    db.collection("things").mutate(record_id, lambda r: {**r, "n": 2})
    db.collection("things").insert({"n": 3})
    db.collection("things").remove(record_id)
    assert held == [True, True, True]
    assert stat.S_IMODE(os.lstat(path).st_mode) == 0o600
    assert_full_encode(path)
    db.close()


def test_a_failed_save_leaves_no_stale_fragment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save that fails (disk full) changes nothing on disk or in memory, and the next save is complete."""
    path = tmp_path / "framewheel.json"
    db = Database(path)
    things = db.collection("things")
    a, b = things.insert_many([{"n": 1}, {"n": 2}])
    things.update(a, {"n": 5})
    before = path.read_bytes()

    def full_disk(target: Path, payload: bytes) -> None:
        """A disk with no room left."""
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safefile, "atomic_write", full_disk)
    with pytest.raises(StorageError):
        things.update(b, {"n": 99})
    with pytest.raises(StorageError):
        things.insert({"n": 3})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert things.get(b) == {"n": 2, "id": b}
    assert things.insert({"n": 3}) == 3
    assert_full_encode(path)
    assert stored(path, ["things"])["things"] == {a: {"n": 5}, b: {"n": 2}, 3: {"n": 3}}
    db.close()


def test_next_id_follows_the_highest_present(tmp_path: Path) -> None:
    """The kept next id: one more than the highest id present, also after removing the highest,
    after another instance's inserts, and when the file is opened again."""
    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        things = db.collection("things")
        assert things.insert_many([{"n": n} for n in range(5)]) == [1, 2, 3, 4, 5]
        things.remove(5)
        assert things.insert({"n": 5}) == 5
        things.remove(2)
        assert things.insert({"n": 6}) == 6
        with Database(path) as other:
            assert other.collection("things").insert({"n": 7}) == 7
        assert things.insert({"n": 8}) == 8
        assert things.insert_many([]) == []
    with Database(path) as again:
        assert again.collection("things").insert({"n": 9}) == 9
        assert [r["id"] for r in again.collection("things").all()] == [1, 3, 4, 5, 6, 7, 8, 9]


def test_a_derived_lookup_is_kept_until_its_table_changes(tmp_path: Path) -> None:
    """``Database.derived`` builds once, is rebuilt after a write to its table or another instance's
    change, and is kept across writes to other tables."""
    path = tmp_path / "framewheel.json"
    builds: list[int] = []

    def newest(records: Any) -> int:
        """The highest id, counting the builds."""
        builds.append(1)
        return max((int(key) for key in records), default=0)

    with Database(path) as db, Database(path) as other:
        things = db.collection("things")
        things.insert({"n": 1})
        assert db.derived("things", "newest", newest) == 1 and db.derived("things", "newest", newest) == 1
        assert len(builds) == 1
        db.collection("elsewhere").insert({"n": 1})
        assert db.derived("things", "newest", newest) == 1 and len(builds) == 1
        things.insert({"n": 2})
        assert db.derived("things", "newest", newest) == 2 and len(builds) == 2
        other.collection("things").insert({"n": 3})
        assert db.derived("things", "newest", newest) == 3 and len(builds) == 3


# --- lookups kept with the data: the newest wheel, the fingerprints an import compares with -----


def wheel_document(created: str, label: str, current: int = 5) -> dict[str, Any]:
    """A ``framewheel/assessment@1`` document of AHEP."""
    return {"format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"},
            "person": "P-1", "label": label, "created": created,
            "ratings": {"professional-development": {"current": current}}}


def test_latest_is_the_first_of_the_list_across_writes(tmp_path: Path) -> None:
    """``latest`` (kept lookup) agrees with the first of ``list`` after inserts, a change of the newest,
    a removal of the newest, another instance's insert, and per framework."""
    from tui.context import AppContext
    from tui.core.exchange.wheels import check_assessment

    path = tmp_path / "framewheel.json"
    context = AppContext.open(path)
    wheels = context.assessments
    assert wheels.latest() is None and wheels.latest("ahep") is None

    def agrees() -> None:
        """``latest`` is the first of ``list``, overall and per framework."""
        for framework in (None, "ahep", "aspect"):
            listed = wheels.list(framework)
            assert wheels.latest(framework) == (listed[0] if listed else None)

    for n, created in enumerate(["2025-01-02T10:00:00+00:00", "2026-03-01T10:00:00+00:00", "2024-05-05T10:00:00+00:00"]):
        _, wheel = check_assessment(wheel_document(created, f"W{n}"), context.catalog)
        assert wheel is not None
        wheels.add(wheel)
        agrees()
    newest = wheels.latest()
    assert newest is not None and newest.label == "W1"
    framework = context.catalog.get("ahep")
    assert framework is not None
    wheels.set_rating(newest.id, framework, "professional-development", "current", 9)
    agrees()
    wheels.delete(newest.id)
    agrees()
    assert wheels.latest() is not None and wheels.latest().label == "W0"  # type: ignore[union-attr]
    other = AppContext.open(path)
    _, late = check_assessment(wheel_document("2027-01-01T10:00:00+00:00", "from the other"), context.catalog)
    assert late is not None
    other.assessments.add(late)
    agrees()
    assert wheels.latest().label == "from the other"  # type: ignore[union-attr]
    context.close()
    other.close()


def test_report_latest_reports_the_newest_wheel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel report --latest`` names the most recently created wheel; with none it says so."""
    from tui.cli.main import main

    db = str(tmp_path / "db.json")
    Database(tmp_path / "db.json").close()
    assert main(["report", "--db", db, "--latest"]) != 0
    assert "no wheels saved yet" in capsys.readouterr().err
    files = []
    for n, created in enumerate(["2025-01-02T10:00:00+00:00", "2026-03-01T10:00:00+00:00", "2024-05-05T10:00:00+00:00"]):
        target = tmp_path / f"w{n}.json"
        target.write_text(json.dumps(wheel_document(created, f"Wheel number {n}")), encoding="utf-8")
        files.append(str(target))
    assert main(["import", "--db", db, *files]) == 0
    capsys.readouterr()
    assert main(["report", "--db", db, "--latest"]) == 0
    out = capsys.readouterr().out
    assert "Wheel number 1" in out and "Wheel number 0" not in out


def test_import_fingerprints_follow_the_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An import already made is refused as a duplicate, also after ratings change in this process and
    after another instance's writes; a changed wheel no longer counts as the imported one."""
    from tui.context import AppContext
    from tui.transfer import import_files

    path = tmp_path / "framewheel.json"
    first = tmp_path / "first.json"
    first.write_text(json.dumps(wheel_document("2025-01-02T10:00:00+00:00", "First")), encoding="utf-8")
    second = tmp_path / "second.json"
    second.write_text(json.dumps(wheel_document("2025-02-02T10:00:00+00:00", "Second")), encoding="utf-8")
    context = AppContext.open(path)
    [outcome] = import_files(context, [str(first)])
    assert outcome.counts == {"assessments": 1} and outcome.duplicates == []
    [again] = import_files(context, [str(first)])
    assert again.counts == {} and len(again.duplicates) == 1
    other = AppContext.open(path)
    [by_other] = import_files(other, [str(second)])
    assert by_other.counts == {"assessments": 1}
    outcomes = import_files(context, [str(second), str(first)])
    assert [(o.counts, len(o.duplicates)) for o in outcomes] == [({}, 1), ({}, 1)]
    framework = context.catalog.get("ahep")
    assert framework is not None
    stored = context.assessments.latest()
    assert stored is not None and stored.label == "Second"
    context.assessments.set_rating(stored.id, framework, "professional-development", "current", 1)
    [changed] = import_files(context, [str(second)])
    assert changed.counts == {"assessments": 1}  # the stored wheel is no longer the one in the file
    assert [w.label for w in AppContext.open(path).assessments.list()] == ["Second", "Second", "First"]
    context.close()
    other.close()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@hsettings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_the_record_encoder_writes_compact_json_that_reads_back(value: Any) -> None:
    """The encoder the fragments are made with writes compact JSON that ``json`` reads back as the same value
    (orjson's bytes; json's, with the same separators, for an integer beyond 64 bits), non-ASCII kept as itself."""
    encoded = fragments.json_bytes(value)
    if not _has_infinity(value):  # JSON has no infinity: orjson writes null for it (no record holds one)
        assert json.loads(encoded) == value
    assert fragments.fragment("12", {"v": value}) == b'"12":' + fragments.json_bytes({"v": value}) + b","


@hsettings(max_examples=200, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
))
def test_the_record_encoder_writes_text_as_json_does(value: Any) -> None:
    """Without numbers that are not whole, the bytes are exactly ``json.dumps``'s with compact separators (escapes included)."""
    assert fragments.json_bytes(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _has_infinity(value: Any) -> bool:
    """True when ``value`` holds an infinite float anywhere."""
    if isinstance(value, float):
        return value in (float("inf"), float("-inf"))
    if isinstance(value, list):
        return any(_has_infinity(item) for item in value)
    if isinstance(value, dict):
        return any(_has_infinity(item) for item in value.values())
    return False


FINITE_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
TEXT_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@hsettings(max_examples=200, deadline=None)
@given(TEXT_VALUES, FINITE_VALUES)
def test_export_text_and_file_reading_are_those_of_json(value: Any, with_floats: Any) -> None:
    """``to_json`` (orjson) writes json's indented text (floats: the same numbers), and the data file's
    reader (orjson, json as the fallback) gives what ``json.loads`` gives, big integers included."""
    from tui.core.exchange import to_json

    assert to_json({"v": value}) == json.dumps({"v": value}, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(to_json({"v": with_floats})) == {"v": with_floats}
    text = json.dumps({"t": {"1": {"v": with_floats}}}, ensure_ascii=False)
    assert datafile._loads(text) == json.loads(text)
    assert datafile._loads('{"big": 123456789012345678901234567890, "s": "\\ud800"}') == {
        "big": 123456789012345678901234567890, "s": "\ud800"}


def test_wheels_created_at_one_time_are_told_apart_by_the_import(tmp_path: Path) -> None:
    """Stored wheels that share a creation time: the import finds the one that is the same wheel,
    and imports one that differs (another label or ratings), also after a rating or a removal."""
    from tui.context import AppContext
    from tui.transfer import import_files

    created = "2025-01-02T10:00:00+00:00"
    files = []
    for label, current in (("A", 1), ("B", 2), ("A", 3)):
        target = tmp_path / f"{label}{current}.json"
        target.write_text(json.dumps(wheel_document(created, label, current)), encoding="utf-8")
        files.append(str(target))
    context = AppContext.open(tmp_path / "framewheel.json")
    assert [o.counts for o in import_files(context, files[:2])] == [{"assessments": 1}, {"assessments": 1}]
    assert [(o.counts, len(o.duplicates)) for o in import_files(context, files)] == [({}, 1), ({}, 1), ({"assessments": 1}, 0)]
    stored_b = next(w for w in context.assessments.list() if w.label == "B")
    context.assessments.delete(stored_b.id)
    assert [o.counts for o in import_files(context, files[1:2])] == [{"assessments": 1}]
    context.close()


def test_records_encoded_ahead_make_the_first_save_encode_only_what_changed(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """After the file is opened and encoded ahead in the background, the first save encodes one record."""
    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        db.collection("things").insert_many([{"i": i, "text": TEXT} for i in range(300)])
    with Database(path) as db:
        assert db.encode_ahead() is None  # a small file: its first save is quick anyway
        thread = db.encode_ahead(min_bytes=0)
        assert thread is not None
        thread.join(10)
        encoded: list[object] = []
        real = fragments.json_bytes
        monkeypatch.setattr(fragments, "json_bytes", lambda value: encoded.append(value) or real(value))
        db.collection("things").update(150, {"i": -150})
        assert [value for value in encoded if isinstance(value, dict)] == [{"i": -150, "text": TEXT}]
        monkeypatch.undo()
        again = db.encode_ahead(min_bytes=0)  # already kept: the thread finds nothing to do
        assert again is not None
        again.join(10)
    assert_full_encode(path)
    assert stored(path, ["things"])["things"][150] == {"i": -150, "text": TEXT}


def encoded_ahead_by_hand(db: Database) -> tuple[Any, Any, Any, dict[str, dict[str, bytes]]]:
    """The steps of ``encode_ahead`` taken one by one: the storage, its data, the tables listed and their fragments."""
    kept = db._storage
    with db.reading():
        data, tables = kept.records_to_encode() or ({}, {})
    early = {table: {key: fragments.fragment(key, record) for key, record in records.items()}
             for table, records in tables.items()}
    return kept, data, tables, early


def test_a_write_before_the_encoding_ahead_ends_wins(tmp_path: Path) -> None:
    """Records encoded ahead of a write are not kept over the write's own fragments: the file stays exact."""
    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        db.collection("things").insert_many([{"i": i} for i in range(50)])
    with Database(path) as db:
        kept, data, tables, early = encoded_ahead_by_hand(db)
        db.collection("things").update(7, {"i": 700})  # the write comes first
        with db.reading():
            assert kept.adopt_fragments(data, tables, early) is False
        db.collection("things").update(8, {"i": 800})
    assert_full_encode(path)
    assert stored(path, ["things"])["things"][7] == {"i": 700}


def test_records_changed_while_encoded_ahead_are_encoded_again(tmp_path: Path) -> None:
    """A record replaced between the listing and the keeping is encoded as it is now (no stale fragment)."""
    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        db.collection("things").insert_many([{"i": i} for i in range(50)])
    with Database(path) as db:
        kept, data, tables, early = encoded_ahead_by_hand(db)
        data["things"]["9"] = {"i": 900}  # as a write would replace it, before its fragments are kept
        with db.reading():
            assert kept.adopt_fragments(data, tables, early) is True
        db.collection("things").update(10, {"i": 1000})
    assert_full_encode(path)
    assert stored(path, ["things"])["things"][9] == {"i": 900}


def test_the_export_read_straight_from_the_records_is_the_export_of_the_wheels(tmp_path: Path) -> None:
    """The wheels' export documents, read without building wheels, are those of each wheel built, oldest first."""
    from tui.activities import ACTIVITIES
    from tui.context import AppContext

    path = tmp_path / "framewheel.json"
    with Database(path) as db:
        db.collection("assessments").insert_many([
            {"framework_id": "ahep", "framework_version": "2024", "label": TEXT, "person": "Zoë",
             "created": "2026-03-01T10:00:00+00:00", "ratings": {"a": {"current": 3, "wish": None}},
             "notes": {"a": TEXT}, "reflections": {"q1": "yes"}},
            {"framework_id": "ahep", "created": "2025-01-01T10:00:00+00:00"},  # missing fields: the defaults
            {"framework_id": "tc", "framework_version": "1", "label": "same time", "created": "2025-01-01T10:00:00+00:00",
             "ratings": {}},
        ])
    context = AppContext.open(path)
    wheels = next(part for part in ACTIVITIES.exchanges() if part.section.name == "assessments")
    assert wheels.documents is not None
    built = [wheels.section.document(wheel) for wheel in wheels.stored(context)]
    assert wheels.documents(context) == built
    assert [document["label"] for document in built] == ["", "same time", TEXT]
    context.close()
