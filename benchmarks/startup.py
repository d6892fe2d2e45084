"""Start-up and memory figures, each against a bare PySide6 QMainWindow measured in the
same run (runs interleaved, so a busy moment hits both alike):

- whole process to the library's first paint (`okr-workshop --exit-after-paint`);
- whole process to the library list filled (app_driver.py ... list);
- peak memory (max RSS) with the library and one large session open
  (app_driver.py ... session).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from figures import Figure, table  # noqa: E402

from workshop.demo import demo_workshop, large_workshop  # noqa: E402
from workshop.store import Store  # noqa: E402

RUNS = 7
MEMORY_RUNS = 3


def run_child(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one whole child process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def prepare_db(folder: Path) -> Path:
    db = folder / "workshops.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        store.save(large_workshop())  # the newest: the one the session figure opens
    return db


def app_command() -> list[str]:
    exe = shutil.which("okr-workshop", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "workshop"]


def measure(runs: int = RUNS, memory_runs: int = MEMORY_RUNS) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        db = prepare_db(Path(tmp))
        bare = [sys.executable, str(HERE / "bare_window.py")]
        paint = [*app_command(), "--db", str(db), "--exit-after-paint"]
        listed = [sys.executable, str(HERE / "app_driver.py"), str(db), "list"]
        session = [sys.executable, str(HERE / "app_driver.py"), str(db), "session"]
        for warm in (bare, paint, listed):  # fill the file cache before timing
            run_child(warm)
        times: dict[str, list[float]] = {"bare": [], "paint": [], "list": []}
        rss: dict[str, list[float]] = {"bare": [], "session": []}
        for _ in range(runs):
            for key, args in (("bare", bare), ("paint", paint), ("list", listed)):
                seconds, peak = run_child(args)
                times[key].append(seconds * 1000)
                if key == "bare":
                    rss["bare"].append(peak)
        for _ in range(memory_runs):
            rss["session"].append(run_child(session)[1])
    bare_ms = statistics.median(times["bare"])
    return [
        Figure("start-up to library first paint (process)",
               statistics.median(times["paint"]), "ms", bare_ms, "bare QMainWindow",
               max_ratio=1.25),
        Figure("start-up to library list filled (process)",
               statistics.median(times["list"]), "ms", bare_ms, "bare QMainWindow",
               max_ratio=2.0),
        Figure("peak memory, library + large session open",
               statistics.median(rss["session"]), "MB", statistics.median(rss["bare"]),
               "bare QMainWindow", max_ratio=1.3),
    ]


if __name__ == "__main__":
    print(table(measure()))
