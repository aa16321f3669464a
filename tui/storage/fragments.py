"""The encoded form of the kept data: each record's JSON bytes, so that a save encodes only what changed.

The database (:mod:`tui.storage.database`) keeps, beside the parsed data, a :class:`Fragments`
of it: per table, each record's ``"key": {...}, `` bytes exactly as a full encode of the file
(``json.dumps(data, ensure_ascii=False)``) writes them. A save re-encodes the changed records
only and writes the file from the kept pieces. Nothing here reads or writes a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from tui.storage.datafile import Data

Record = dict[str, Any]
"""One stored record (without its id)."""


def json_bytes(value: object) -> bytes:
    """``value`` as UTF-8 JSON exactly as :func:`~tui.storage.datafile._encode` writes it (non-ASCII kept as itself)."""
    return json_text(value).encode("utf-8")


def json_text(value: object) -> str:
    """``value`` as JSON text exactly as ``json.dumps(value, ensure_ascii=False)`` gives it."""
    if _C_ENCODE is not None:
        return "".join(_C_ENCODE(value, 0))
    return _ENCODER.encode(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""The encoder of :func:`~tui.storage.datafile._encode`'s settings, made once (``json.dumps`` with options makes one per call)."""


def _c_encoder() -> Callable[[object, int], Any] | None:
    """The C encoder ``json.dumps(..., ensure_ascii=False)`` uses, made once (None where there is none).

    ``JSONEncoder.encode`` makes it again on every call, which costs as much as encoding a small
    record; :func:`_json_text` calls it directly. Checked against ``json.dumps`` before it is used.
    """
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        made = make(None, _ENCODER.default, encoder.encode_basestring, None, ": ", ", ", False, False, True)
        sample = {"a": [1, 2.5, -0.0, None, True, "Zoë \"q\" \\ \n 🎡"], "é": {}, "n": 10**20}
        if "".join(made(sample, 0)) != json.dumps(sample, ensure_ascii=False):
            return None
    except (TypeError, ValueError):  # another interpreter's signature: use the documented way
        return None
    return made


_C_ENCODE = _c_encoder()


class Fragments:
    """The encoded form of the kept data: each record's ``"key": {...}, `` bytes, table by table.

    :func:`~tui.storage.datafile._encode` writes a table as ``{"1": {...}, "2": {...}}`` (``json.dumps`` with its
    default ``", "`` and ``": "`` separators, in the dict's order), so the file is ``{``, then
    per table its name, ``: {``, the records' fragments and ``}``, tables apart by ``, ``, then
    ``}``; the last fragment of a table loses its trailing ``, ``. The file is written straight
    from the kept fragments (a list of pieces handed to ``os.writev``, which releases the
    interpreter lock), so a save makes no copy of the whole file in memory. Fragments follow the dicts' order: a changed record
    keeps its place, a new one goes last, a removed one goes. A table not encoded yet is encoded
    one record at a time (never in one long call that would keep other threads waiting).
    """

    def __init__(self) -> None:
        """Nothing encoded yet."""
        self._records: dict[str, dict[str, bytes]] = {}
        """Per table: record key -> ``"key": {...}, ``."""

    def changed(self, table: str, changes: Mapping[str, Record | None] | None) -> None:
        """Note that ``changes`` (or, with None, anything) changed in ``table``; the changed records are encoded."""
        if changes is None:
            self._records.pop(table, None)
            return
        entries = self._records.get(table)
        if entries is None:
            return  # encoded one by one from the data at the next assemble
        for key, record in changes.items():
            if record is None:
                entries.pop(key, None)
            else:
                entries[key] = fragment(key, record)

    def adopt(self, table: str, entries: dict[str, bytes]) -> None:
        """Keep ``entries`` (record key -> fragment, in the table's order), encoded ahead, as ``table``'s fragments."""
        self._records[table] = entries

    def assemble(self, data: Data) -> list[bytes]:
        """The file's bytes for ``data``, as pieces in order (the fragments must describe ``data``, changes noted).

        The pieces are written as they are (``os.writev``), never joined into one copy of the file.
        """
        parts: list[bytes] = [b"{"]
        for index, (table, records) in enumerate(data.items()):
            entries = self._records.get(table)
            if entries is None or len(entries) != len(records):
                entries = {key: fragment(key, record) for key, record in records.items()}
                self._records[table] = entries
            parts.extend((b", " if index else b"", json_bytes(table), b": {"))
            if entries:
                parts.extend(entries.values())
                parts[-1] = parts[-1][:-2]  # the last record of a table has no ", " after it
            parts.append(b"}")
        parts.append(b"}")
        for table in [name for name in self._records if name not in data]:
            del self._records[table]
        return parts


def fragment(key: str, record: Record) -> bytes:
    """One record as it appears in its table in the file, with the separator after it: ``"key": {...}, ``."""
    name = f'"{key}"' if key.isascii() and key.isdigit() else json_text(key)  # record keys are ids
    return f"{name}: {json_text(record)}, ".encode("utf-8")
