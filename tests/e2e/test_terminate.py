"""SIGTERM (a logout, `kill`) quits through the event loop at once, saving first; the
idle loop is woken by the signal itself, not by a polling timer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def test_sigterm_quits_the_idle_app_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    db = tmp_path / "workshops.db"
    errors = tmp_path / "stderr.txt"
    with open(errors, "wb") as err:
        child = subprocess.Popen([sys.executable, "-m", "workshop", "--db", str(db)],
                                 env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 30
            while not db.exists() and time.monotonic() < deadline and child.poll() is None:
                time.sleep(0.05)
            assert db.exists(), errors.read_text()
            time.sleep(0.5)  # the app settles into its idle event loop
            child.send_signal(signal.SIGTERM)
            assert child.wait(timeout=10) == 0, errors.read_text()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
