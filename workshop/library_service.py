"""What the library window can do with the sessions, without Qt and without SQL.

The window asks this service; the service asks the store and the exchange. Every
failure a user can meet (a full disk, a read-only file, a bad import) comes back as one
`LibraryRefusal` with a sentence to show, never as a store error escaping a button.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from workshop.clock import Clock, SystemClock, today

if TYPE_CHECKING:
    from workshop.model import Workshop
    from workshop.store import SessionSummary, Store

T = TypeVar("T")

SORT_KEYS = ("updated", "title", "client", "date")


class LibraryRefusal(Exception):
    """An action that could not be done, with the reason in one sentence."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class LibraryService:
    """The sessions of one open database, as the library shows and changes them."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.clock = clock or SystemClock()

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def path(self) -> Path:
        return self.store.path

    def today(self) -> date:
        return today(self.clock)

    def reader(self) -> LibraryService:
        """A service on a read-only connection of its own, for searches run off the GUI
        thread while this one saves."""
        return LibraryService(self.store.open_reader(), self.clock)

    def close(self) -> None:
        self.store.close()

    # -- reading --------------------------------------------------------------------------
    def search(self, text: str = "", sort: str = "updated") -> list[SessionSummary]:
        """Sessions whose title, client or team contain `text`, in the order asked."""
        rows = self._guard("list the sessions", lambda: self.store.list(text))
        if sort == "title":
            rows.sort(key=lambda r: r.title.casefold())
        elif sort == "client":
            rows.sort(key=lambda r: (r.client.casefold(), r.title.casefold()))
        elif sort == "date":
            rows.sort(key=lambda r: r.workshop_date or "", reverse=True)
        return rows

    def load(self, workshop_id: str) -> Workshop:
        return self._guard("open the session", lambda: self.store.load(workshop_id))

    # -- changing -------------------------------------------------------------------------
    def add(self, ws: Workshop) -> Workshop:
        """Save a new session (from the New form, or the worked example)."""
        self._guard("save the new session", lambda: self.store.save(ws))
        return ws

    def add_example(self) -> Workshop:
        from workshop.demo import demo_workshop

        return self.add(demo_workshop())

    def duplicate(self, workshop_id: str) -> Workshop:
        return self._guard("duplicate the session", lambda: self.store.duplicate(workshop_id))

    def trash(self, workshop_id: str) -> None:
        self._guard("move the session to the trash", lambda: self.store.delete(workshop_id))

    def restore(self, workshop_id: str) -> None:
        self._guard("bring the session back", lambda: self.store.restore(workshop_id))

    def import_file(self, path: Path) -> Workshop:
        from workshop.exchange import import_session

        return self._guard("import the session", lambda: import_session(self.store, path))

    def export_json(self, workshop_id: str, path: Path) -> Path:
        from workshop.exchange import export_session

        ws = self.load(workshop_id)
        return self._guard("export the session", lambda: export_session(ws, path))

    # -- recovery copies ------------------------------------------------------------------
    def recovery_copies(self, folder: Path | None = None) -> list:
        from workshop.exchange import find_recovery_copies

        return find_recovery_copies(self.store.path, folder=folder)

    def restore_recovery_copy(self, copy) -> Workshop:
        from workshop.exchange import restore_recovery_copy

        return self._guard("restore the recovered session",
                           lambda: restore_recovery_copy(self.store, copy))

    def _guard(self, doing: str, action: Callable[[], T]) -> T:
        from workshop.exchange import UserError
        from workshop.store import StoreError

        if self.store.read_only and doing not in ("list the sessions", "open the session",
                                                  "export the session"):
            reason = f"{self.store.path} is open read-only."
            raise LibraryRefusal(f"Could not {doing}: {reason}", reason)
        try:
            return action()
        except (StoreError, UserError) as exc:
            text = str(exc)
            if isinstance(exc, UserError):
                text = text[:1].upper() + text[1:]
            reason = f"{text.rstrip('.')}."
            raise LibraryRefusal(f"Could not {doing}: {reason}", reason) from exc
