"""Child processes for the multi-process tests of ``tui.storage.database``.

Run as ``python storage_child.py COMMAND DB [ARGS]`` with the repository root
on PYTHONPATH.  Commands:

``zygote DB``
    Import the storage module once, then for every ``go`` line on stdin fork a
    writer (which prints its pid and then saves in a loop until killed), wait
    for it to die and print ``reaped``.  Forking saves the interpreter start-up
    on every round of the kill -9 test.
``hammer DB TAG N``
    Print ``ready``, wait for ``go`` on stdin, then insert N records and
    increment the shared counter N times; print ``done``.
``write-text DB JSON``
    Store the string encoded (ASCII JSON) in argv under ``text``.
``read-text DB``
    Print (as ASCII JSON) the stored text and the locale's preferred encoding.
"""

from __future__ import annotations

import json
import locale
import os
import sys
from pathlib import Path

from tui.storage.database import Database


def _writer(path: Path) -> None:
    """Save in a loop forever (until killed): mutate the counter, insert, trim."""
    db = Database(path)
    records = db.collection("crash")
    counter = records.find(kind="counter")[0]["id"]
    os.write(1, f"{os.getpid()}\n".encode("ascii"))
    i = 0
    while True:
        i += 1
        records.mutate(counter, lambda r: {**r, "n": r["n"] + 1})
        records.insert({"kind": "item", "i": i, "text": "Zoë — 日本語 🎡 " * (i % 9)})
        items = records.find(kind="item")
        if len(items) > 30:
            records.remove(items[0]["id"])


def zygote(path: Path) -> None:
    """Fork one writer per ``go`` line; report ``reaped`` when it has died."""
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _writer(path)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        sys.stdout.write("reaped\n")
        sys.stdout.flush()


def hammer(path: Path, tag: str, count: int) -> None:
    """Insert ``count`` records and increment the counter ``count`` times."""
    db = Database(path)
    records = db.collection("hammer")
    counter = records.find(kind="counter")[0]["id"]
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(count):
        records.insert({"kind": "item", "who": tag, "i": i})
        records.mutate(counter, lambda r: {**r, "n": r["n"] + 1})
    db.close()
    print("done", flush=True)


def write_text(path: Path, encoded: str) -> None:
    """Store the decoded string under the ``text`` field of a record."""
    db = Database(path)
    db.collection("texts").insert({"text": json.loads(encoded)})
    db.close()


def read_text(path: Path) -> None:
    """Print the stored text and the preferred encoding, ASCII-escaped."""
    db = Database(path)
    text = db.collection("texts").all()[0]["text"]
    print(json.dumps({"text": text, "encoding": locale.getpreferredencoding(False)}))
    db.close()


def main(argv: list[str]) -> None:
    """Dispatch on the command name."""
    command, path = argv[0], Path(argv[1])
    if command == "zygote":
        zygote(path)
    elif command == "hammer":
        hammer(path, argv[2], int(argv[3]))
    elif command == "write-text":
        write_text(path, argv[2])
    elif command == "read-text":
        read_text(path)
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
