"""The real thing, where the system lets a test make it: a 2 MB tmpfs that fills up, and
a read-only bind mount, each in a child process with a mount namespace of its own (root
and `unshare` needed; skipped otherwise). The library's actions on the full disk say so
and raise nothing; the app on the read-only mount offers viewing, lists the sessions,
and writes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from workshop.demo import demo_workshop
from workshop.store import Store


def can_unshare() -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not can_unshare(),
                                reason="needs root and unshare to mount a real disk")


def run_in_mount(mount: str, script: str, *args: str, data: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": data}
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f'{mount} && exec "$0" -c "$1" "$2" "$3"',
         sys.executable, textwrap.dedent(script), *args],
        capture_output=True, text=True, timeout=180, env=env)


FULL_DISK_LIBRARY = """
    import json, os, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from workshop.clock import FakeClock
    from workshop.demo import demo_workshop
    from workshop.store import Store
    from workshop.ui.library import LibraryWindow

    folder = Path(sys.argv[1])
    app = QApplication([])
    store = Store.open(folder / "workshops.db")
    ws = demo_workshop()
    ws.notes = "n" * 100_000
    store.save(ws)
    export = folder.parent / "import.json"
    filler = folder / "filler"
    with open(filler, "wb") as out:  # the disk fills up
        try:
            while True:
                out.write(b"\\0" * 65536)
                out.flush()
        except OSError:
            pass
    window = LibraryWindow(clock=FakeClock())
    window.attach_store(store)
    window.ask_path = lambda mode, title, suggested: str(export)
    said = {}
    for name, action in (("example", window.add_example),
                         ("duplicate", window.duplicate_selected),
                         ("import", window.import_json),
                         ("trash", window.delete_selected)):
        window.status.clearMessage()
        result = action()
        said[name] = window.status.currentMessage()
    print(json.dumps(said))
"""


def test_library_actions_on_a_full_tmpfs_say_so(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    export = tmp_path / "import.json"
    big = demo_workshop()
    big.notes = "i" * 19_000
    import json

    from workshop.model import workshop_to_dict

    export.write_text(json.dumps(workshop_to_dict(big)))
    result = run_in_mount(f"mount -t tmpfs -o size=2m tmpfs {folder}", FULL_DISK_LIBRARY,
                          str(folder), data=str(tmp_path / "user-data"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    said = json.loads(result.stdout.strip().splitlines()[-1])
    for action in ("example", "duplicate", "import"):
        assert "disk is full" in said[action], said
    assert "disk is full" in said["trash"] or "Moved" in said["trash"], said


READ_ONLY_APP = """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from workshop.clock import FakeClock
    from workshop.ui.app import App

    db = Path(sys.argv[1])
    qt = QApplication([])
    app = App(qt, db, FakeClock(), QSettings(sys.argv[2], QSettings.Format.IniFormat))
    asked = []

    def answer(title, text, options):
        asked.append([title, text, options])
        return options.index("View read-only") if "View read-only" in options else len(options) - 1

    app._ask = answer
    opened = app.open_store()
    print(json.dumps({"opened": opened, "asked": asked, "read_only": app.store.read_only,
                      "titles": sorted(r.title for r in app.library.model.rows)}))
    app.shutdown()
"""


def test_the_app_on_a_read_only_mount_offers_viewing_and_writes_nothing(tmp_path):
    import hashlib
    import json

    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "workshops.db"
    ws = demo_workshop()
    with Store.open(db) as store:
        store.save(ws)

    def state() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.iterdir())}

    before = state()
    result = run_in_mount(f"mount --bind {folder} {folder} && "
                          f"mount -o remount,bind,ro {folder}",
                          READ_ONLY_APP, str(db), str(tmp_path / "settings.ini"),
                          data=str(tmp_path / "user-data"))
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["opened"] and seen["read_only"] and seen["titles"] == [ws.title]
    ((title, text, options),) = seen["asked"]
    assert title == "Session database is read-only" and "damaged" not in text.lower()
    assert "View read-only" in options
    assert state() == before
