"""The app never needs the internet: listing, showing, exporting and the library window
open no AF_INET/AF_INET6 socket. Each runs in a child process whose audit hook stops it
at the first such socket (and, where strace is installed, the system calls of the whole
child, Qt's included, are checked too). A control run proves the hook does catch one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from workshop.demo import demo_workshop
from workshop.store import Store

CAUGHT = 99

HOOK = textwrap.dedent(f"""
    import os, socket, sys

    def _no_network(event, args):
        if event == "socket.__new__" and len(args) > 1 and args[1] in (
                socket.AF_INET, socket.AF_INET6):
            sys.stderr.write(f"NETWORK {{event}} {{args[1:]}}\\n")
            os._exit({CAUGHT})
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
            sys.stderr.write(f"NETWORK {{event}}\\n")
            os._exit({CAUGHT})

    sys.addaudithook(_no_network)
""")

LIBRARY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from workshop.clock import FakeClock
    from workshop.store import Store
    from workshop.ui.library import LibraryWindow

    app = QApplication([])
    window = LibraryWindow(clock=FakeClock())
    window.attach_store(Store.open(Path(sys.argv[1])))
    window.show()
    window.search.setText("enterprise")
    window.refresh()
    app.processEvents()
    print(len(window.model.rows))
    window.close()
""")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "workshops.db"
    ws = demo_workshop()
    with Store.open(path) as store:
        store.save(ws)
    return path, ws.id


def run(code: str, *args: str, strace_to=None, cwd=None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", HOOK + code, *args]
    if strace_to is not None:
        command = ["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(strace_to),
                   *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


CLI = "import sys\nfrom workshop.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def test_the_hook_catches_a_socket():
    result = run("import socket\nsocket.socket(socket.AF_INET, socket.SOCK_STREAM)\n")
    assert result.returncode == CAUGHT and "NETWORK" in result.stderr


@pytest.mark.parametrize("command", ["list", "show", "export-pdf", "export-json",
                                     "library"])
def test_reading_exporting_and_the_library_open_no_network_socket(db, tmp_path, command):
    path, wid = db
    trace = tmp_path / "strace.txt" if shutil.which("strace") else None
    if command == "library":
        result = run(LIBRARY, str(path), strace_to=trace)
    else:
        args = {"list": ["list"], "show": ["show", wid],
                "export-pdf": ["export", wid, "-o", str(tmp_path / "h.pdf"),
                               "--per-participant", str(tmp_path / "people")],
                "export-json": ["export", wid, "-o", str(tmp_path / "s.json")]}[command]
        result = run(CLI, "--db", str(path), *args, strace_to=trace)
    assert result.returncode == 0, result.stderr
    assert "NETWORK" not in result.stderr
    if trace is not None and trace.exists():
        calls = trace.read_text()
        assert "AF_INET" not in calls, calls  # AF_INET6 contains it too
