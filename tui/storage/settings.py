"""Small key/value settings kept in the data file (the chosen theme, the chosen framework)."""

from __future__ import annotations

from tui.storage.database import SETTINGS_TABLE, Collection, Database


class Settings:
    """Small key/value settings kept in the same file (e.g. the chosen theme)."""

    def __init__(self, db: Database) -> None:
        """Settings stored in ``db``'s reserved ``_settings`` table."""
        self._db = db
        self._records = Collection(db, SETTINGS_TABLE)

    def get(self, key: str, default: object = None) -> object:
        """The value stored for ``key``, else ``default``."""
        found = self._records.find(key=key)
        return found[0]["value"] if found else default

    def set(self, key: str, value: object) -> None:
        """Store ``value`` (JSON-serialisable) for ``key``."""
        with self._db.locked():
            if found := self._records.find(key=key):
                self._records.update(found[0]["id"], {"value": value})
            else:
                self._records.insert({"key": key, "value": value})
