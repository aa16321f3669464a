"""The encoded form of the kept data: each record's JSON bytes, so that a save encodes only what changed.

The database (:mod:`tui.storage.database`) keeps, beside the parsed data, a :class:`Fragments`
of it: per table, each record's ``"key":{...},`` bytes exactly as a full encode of the file
(:func:`~tui.storage.datafile._encode`) writes them. A save re-encodes the changed records
only and writes the file from the kept pieces. Nothing here reads or writes a file.

The file is compact JSON, each record encoded by orjson (ten times faster than ``json``:
about 10 ms for a file of 10,000 wheels, against 100 ms); ``json``, with the same separators,
encodes a record orjson refuses (an integer beyond 64 bits). Files written by earlier
versions, with ``", "`` and ``": "`` between items, read the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.storage.datafile import Data

Record = dict[str, Any]
"""One stored record (without its id)."""


def _orjson_dumps() -> Callable[[Any], bytes] | None:
    """orjson's encoder, refusing what JSON does not have as ``json`` does (None where orjson cannot be imported).

    orjson would write dates, dataclasses and other Python values that ``json`` refuses; passed
    through, they reach ``json``, which refuses them as before. (It writes a float that is not a
    number, or is infinite, as ``null``: no record holds one, and JSON has neither.)
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency; kept working without it
        return None
    passthrough = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
    dumps = orjson.dumps
    return lambda value: dumps(value, option=passthrough)


_DUMPS = _orjson_dumps()


def json_bytes(value: object) -> bytes:
    """``value`` as the data file's compact UTF-8 JSON (non-ASCII kept as itself): orjson's bytes, else json's."""
    if _DUMPS is not None:
        try:
            return _DUMPS(value)
        except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, a key that is not text
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Fragments:
    """The encoded form of the kept data: each record's ``"key":{...},`` bytes, table by table.

    The file is ``{``, then per table its name, ``:{``, the records' fragments and ``}``,
    tables apart by ``,``, then ``}``; the last fragment of a table loses its trailing ``,``.
    The file is written straight from the kept fragments (a list of pieces handed to
    ``os.writev``, which releases the interpreter lock), so a save makes no copy of the whole
    file in memory. Fragments follow the dicts' order: a changed record keeps its place, a new
    one goes last, a removed one goes. A table not encoded yet is encoded one record at a time
    (never in one long call that would keep other threads waiting).
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
            parts.extend((b"," if index else b"", json_bytes(table), b":{"))
            if entries:
                parts.extend(entries.values())
                parts[-1] = parts[-1][:-1]  # the last record of a table has no "," after it
            parts.append(b"}")
        parts.append(b"}")
        for table in [name for name in self._records if name not in data]:
            del self._records[table]
        return parts


def fragment(key: str, record: Record) -> bytes:
    """One record as it appears in its table in the file, with the separator after it: ``"key":{...},``."""
    name = f'"{key}"'.encode("ascii") if key.isascii() and key.isdigit() else json_bytes(key)  # record keys are ids
    return b"".join((name, b":", json_bytes(record), b","))
