"""Exchange files: the pieces every activity's export and import share (no storage here).

Each activity describes its part of the ``framewheel/export@1`` "all data" bundle as a
:class:`DataSection`: how one record is written, and how a list of exported items is
checked against the records already stored. Checking never writes: it gives the new
records to store, and :mod:`tui.transfer` stores them through the activity's repository
once every file is known to be fine. The sections are declared in :mod:`tui.activities`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from tui.core.frameworks import FrameworkCatalog
from tui.core.model import Framework

BUNDLE_FORMAT = "framewheel/export@1"
"""The format of an "all data" export: one list per data section."""

Problem = tuple[str, str]
"""(field, what is wrong) found in one document."""

RecordT = TypeVar("RecordT")


@dataclass
class Checked(Generic[RecordT]):
    """What checking one section of one file found: problems, duplicates, notices, and the new records to store."""

    problems: list[Problem] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    records: list[RecordT] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Things worth saying about records that are imported all the same (another framework version)."""

    @property
    def count(self) -> int:
        """How many new records the section would store."""
        return len(self.records)


@dataclass(frozen=True)
class Fingerprints:
    """The stored records of a section an import is compared with, reached through a lookup kept with
    the data instead of a pass over them all: ``candidates(record)`` gives the fingerprints of the
    stored records that could be the same import as ``record`` (for wheels, those created at the
    same time), so a check fingerprints those few, not every stored record for every file."""

    candidates: Callable[[Any], Collection[str]]


SectionCheck = Callable[[list[Any], str, set[str], Sequence[Any], FrameworkCatalog], "Checked[Any]"]
"""Check a section's items: (items, field prefix, fingerprints seen so far in this run, stored records, catalog)."""


@dataclass(frozen=True)
class DataSection:
    """One kind of data in an "all data" export: how a record is written and how items are checked."""

    name: str
    """The key of its list in the bundle."""
    document: Callable[[Any], dict[str, Any]]
    """One stored record in its exchange form."""
    check: SectionCheck
    """Check items for import against the stored records; never writes."""
    noun: str = "item"
    """What one item is called in messages ("wheel", "objective")."""
    standalone_format: str = ""
    """The ``format`` of a file holding one record of this section on its own (e.g. one wheel, one
    ranking), which ``framewheel import`` accepts beside a bundle; empty: only in a bundle."""
    plural: str = ""
    """What several items are called, when it is not the noun and an "s" ("development activities")."""

    def count(self, n: int) -> str:
        """``n`` items in words, e.g. "1 wheel", "2 wheels"."""
        return f"{n} {self.noun if n == 1 else self.plural or self.noun + 's'}"


def check_records(
    items: list[Any], prefix: str, seen: set[str], stored: set[str],
    check_one: Callable[[Any], tuple[list[Problem], RecordT | None]],
    key_of: Callable[[RecordT], str], describe: Callable[[RecordT], str],
) -> Checked[RecordT]:
    """Check each item of a section: problems by field, duplicates (stored or earlier in this run) set apart.

    ``check_one`` gives an item's problems and, when there are none, the record to store; ``key_of``
    what makes two records the same import; ``describe`` how a duplicate is named.
    """
    result: Checked[RecordT] = Checked()
    for index, doc in enumerate(items):
        where = prefix.format(index)
        problems, record = check_one(doc)
        result.problems.extend((f"{where}{field}".rstrip("."), message) for field, message in problems)
        if record is None:
            continue
        key = key_of(record)
        if key in stored or key in seen:
            lead = f"{where.rstrip('.')}: " if where else ""  # a record alone in its file has no place to name
            result.duplicates.append(f"{lead}{describe(record)} was already imported")
            continue
        seen.add(key)
        result.records.append(record)
    return result


def check_named_record(doc: dict[str, Any], keys: Collection[str], record_format: str, what: str,
                       catalog: FrameworkCatalog) -> tuple[list[Problem], Framework | None]:
    """The checks every named record of a bundle shares (a ranking, a saved team profile, a workshop).

    Fields that are not in ``keys``, a ``format`` that is not ``record_format``, a ``framework.id``
    that is not loaded and a missing ``name``; ``what`` names the record in the messages ("a
    ranking"). Returns the problems and the record's framework (None when it is not loaded).
    """
    problems: list[Problem] = [(key, f"is not a field of {what}") for key in doc if key not in keys]
    if doc.get("format") != record_format:
        problems.append(("format", f"{json.dumps(doc.get('format'))} is not '{record_format}'"))
    reference = doc.get("framework")
    framework_id = reference.get("id") if isinstance(reference, dict) else None
    framework = catalog.get(str(framework_id)) if framework_id else None
    if framework is None:
        problems.append(("framework.id", f"{json.dumps(framework_id)} is not a loaded framework"))
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(("name", f"must be the {what.split(' ', 1)[1]}'s name (text)"))
    return problems, framework


def to_json(document: dict[str, Any]) -> str:
    """JSON text of an export (UTF-8 characters kept, indented by two spaces, ending in a newline).

    The text of ``json.dumps(document, ensure_ascii=False, indent=2)``, made by orjson (whose
    indented output is the same, but for the exponent of a tiny or huge float: ``1e-7`` for
    ``1e-07``, the same number, and ``null`` for an infinite one, which ``json`` writes as the
    non-standard ``Infinity``; ``json`` indents in Python, 25 times slower on a large export);
    ``json`` itself for what orjson refuses (keys that are not text, integers beyond 64 bits).
    """
    return to_json_bytes(document).decode("utf-8")


def to_json_bytes(document: dict[str, Any]) -> bytes:
    """:func:`to_json`'s text as UTF-8 bytes, made without a copy as text (for writing a large export to a file)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency; kept working without it
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson.JSONEncodeError: what json writes and orjson does not
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


MAX_EXCHANGE_BYTES = 256 * 1024 * 1024
"""The largest exchange file read (an all-data export of 50,000 wheels is about 45 MB)."""

MAX_NUMBER_DIGITS = 30
"""The longest whole number accepted in an exchange file (no value framewheel writes comes near it)."""


class JSONRefused(ValueError):
    """A JSON document that parses but is refused: a duplicate key, a huge number, NaN."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's fields, refusing a key given twice (JSON would silently keep the last)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise JSONRefused(f"the key {json.dumps(key)} is given twice in one object")
        found[key] = value
    return found


def _whole_number(text: str) -> int:
    """A whole number, refused when it has more digits than any real value."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise JSONRefused(f"a number of {len(text.lstrip('-')):,} digits is not a value framewheel reads")
    return int(text)


def _no_constant(name: str) -> object:
    """NaN and Infinity are not JSON numbers; refuse them."""
    raise JSONRefused(f"{name} is not a number")


def _unencodable(doc: object) -> str | None:
    """The first text of ``doc`` (keys included) that is not valid Unicode (a lone surrogate), if any."""
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return item.encode("utf-8", "backslashreplace").decode("ascii")[:40]
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def parse_json(raw: bytes) -> tuple[object, str | None]:
    """The parsed JSON of an exchange file's bytes, or why it is refused (said as a person would read it).

    Refused: text that is not UTF-8, invalid JSON (with its line and column), nesting too deep for
    the parser, a key given twice in one object, a whole number of more than
    :data:`MAX_NUMBER_DIGITS` digits, NaN or Infinity, and text that is not valid Unicode (a lone
    surrogate such as ``\\ud800``), so that nothing read can fail later when it is written.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_whole_number,
                         parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return None, f"line {error.lineno} column {error.colno}: not valid JSON: {error.msg}"
    except JSONRefused as error:
        return None, f"refused: {error}"
    except RecursionError:
        return None, "refused: the JSON is nested too deeply"
    bad = _unencodable(doc)
    if bad is not None:
        return None, f"refused: the text {bad!r} is not valid Unicode (a lone surrogate)"
    return doc, None


def read_json_file(path: str, limit: int = MAX_EXCHANGE_BYTES) -> tuple[object, str | None]:
    """The parsed JSON of a file, or why it cannot be read (said as a person would read it).

    At most ``limit`` bytes are read: a larger file (or an endless one such as ``/dev/zero``) is refused.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        return None, "the file does not exist"
    except IsADirectoryError:
        return None, "is a folder, not a file"
    except OSError as error:
        return None, f"cannot be read: {error.strerror or error}"
    if len(raw) > limit:
        return None, f"refused: larger than {limit // (1024 * 1024)} MB, the most an exchange file may be"
    return parse_json(raw)
