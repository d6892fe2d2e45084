"""Whole-process figures, each against a bare PySide6 QMainWindow measured in the same
run (runs interleaved, so a busy moment hits both alike):

- start-up to the library's first paint (`okr-workshop --exit-after-paint`);
- start-up to the library list filled, with 1,000 and with 5,000 sessions
  (app_driver.py ... list);
- peak memory (max RSS) with the library, a large session and the projector open and
  every page visited, at each size of the large session (app_driver.py ... pages).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from qtbench import child_env  # noqa: E402
from store import fill_library  # noqa: E402

from workshop.demo import demo_workshop, large_workshop  # noqa: E402
from workshop.store import Store  # noqa: E402

RUNS = 5
MEMORY_RUNS = {1: 2, 3: 1, 10: 1}
LIBRARY_SIZES = (1000, 5000)
CHILD_TIMEOUT_S = 180


# Children start from this small launcher, not from the benchmark itself: a child's
# peak RSS counts what its parent held when it forked, and by then the benchmark holds
# a 5,000-session library.
LAUNCHER = """
import os, resource, subprocess, sys, time
os.environ["BENCH_T0"] = repr(time.time())  # a child says when it reached its moment
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                      text=True)
elapsed = time.perf_counter() - start
reached = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("at ")]
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode,
      reached[-1] if reached else "-")
"""


def run_child(args: list[str], env: dict[str, str] | None = None,
              ) -> tuple[float, float, float | None]:
    """(seconds, peak RSS in MiB, seconds to the moment the child reported, if it did)
    of one whole child process."""
    env = env or dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([sys.executable, "-c", LAUNCHER, *args], env=env,
                              capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{' '.join(Path(a).name for a in args[1:])} took over "
                           f"{CHILD_TIMEOUT_S} s") from None
    elapsed, peak_kib, code, reached = done.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(Path(a).name for a in args[1:])} exited with {code}")
    return (float(elapsed), int(peak_kib) / 1024,  # Linux reports kilobytes
            None if reached == "-" else float(reached))


def library_db(folder: Path, sessions: int) -> Path:
    """A library of `sessions` distinct sessions (made once per run)."""
    db = folder / f"library-{sessions}.db"
    if not db.exists():
        with Store.open(db) as store:
            fill_library(store, sessions)
    return db


def session_db(folder: Path, scale: int) -> Path:
    db = folder / f"session-{scale}x.db"
    with Store.open(db) as store:
        store.save(demo_workshop())
        store.save(large_workshop(scale))  # the newest: the one the driver opens
    return db


def app_command() -> list[str]:
    exe = shutil.which("okr-workshop", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "workshop"]


def _error(exc: Exception) -> dict:
    return {"error": f"{type(exc).__name__}: {exc}".splitlines()[0][:160]}


def measure(folder: Path, runs: int = RUNS, memory_runs: dict[int, int] | None = None
            ) -> dict[str, dict]:
    """Figure key -> result, the keys of run_all's table ("memory@10" for a size)."""
    memory_runs = memory_runs or MEMORY_RUNS
    env = child_env(folder)
    # As installed (`make setup` and pip both byte-compile), not as a first run that
    # compiles every module: Python reads .pyc files even under PYTHONDONTWRITEBYTECODE.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "workshop")],
                   check=False, capture_output=True)
    bare = [sys.executable, str(HERE / "bare_window.py")]
    paint = [*app_command(), "--db", str(folder / "empty.db"), "--exit-after-paint"]
    commands = {"bare": bare, "paint": paint}
    out: dict[str, dict] = {}
    for n in LIBRARY_SIZES:
        try:
            commands[f"list{n}"] = [sys.executable, str(HERE / "app_driver.py"),
                                    str(library_db(folder, n)), "list"]
        except Exception as exc:  # noqa: BLE001
            out[f"library_list@{n}"] = _error(exc)
    times: dict[str, list[float]] = {key: [] for key in commands}
    reached: dict[str, list[float]] = {key: [] for key in commands}
    bare_rss: list[float] = []
    failed: dict[str, Exception] = {}
    for key, args in commands.items():  # the file cache warm, the daily backups made
        try:
            run_child(args, env)
        except Exception as exc:  # noqa: BLE001
            failed[key] = exc
    for _ in range(runs):
        for key, args in commands.items():
            if key in failed:
                continue
            try:
                seconds, peak, moment = run_child(args, env)
            except Exception as exc:  # noqa: BLE001
                failed[key] = exc
                continue
            times[key].append(seconds * 1000)
            if moment is not None:
                reached[key].append(moment * 1000)
            if key == "bare":
                bare_rss.append(peak)
    if "bare" in failed:
        return {"*": _error(failed["bare"])}
    bare_ms = statistics.median(times["bare"])
    out["startup"] = (_error(failed["paint"]) if "paint" in failed else
                      {"value": statistics.median(times["paint"]), "floor": bare_ms,
                       "floor_name": "bare QMainWindow"})
    # The list is timed from the launch to the moment it is filled, against the bare
    # window's launch to its first paint: what happens after (quitting, and waiting
    # for the daily backup's worker on the way out) is not what the user waits for.
    bare_painted = statistics.median(reached["bare"]) if reached["bare"] else bare_ms
    for n in LIBRARY_SIZES:
        key = f"list{n}"
        if key in commands:
            if key in failed:
                out[f"library_list@{n}"] = _error(failed[key])
            elif not reached[key]:
                out[f"library_list@{n}"] = {"error": "the driver did not say when the "
                                                     "list was filled"}
            else:
                out[f"library_list@{n}"] = {
                    "value": statistics.median(reached[key]), "floor": bare_painted,
                    "floor_name": "bare QMainWindow, first paint",
                    "note": f"launch to exit {statistics.median(times[key]):.0f} ms"}
    bare_mib = statistics.median(bare_rss)
    for scale, count in memory_runs.items():
        try:
            db = session_db(folder, scale)
            pages = [sys.executable, str(HERE / "app_driver.py"), str(db), "pages"]
            peaks = [run_child(pages, env)[1] for _ in range(count)]
            out[f"memory@{scale}"] = {"value": statistics.median(peaks), "floor": bare_mib,
                                      "floor_name": "bare QMainWindow"}
        except Exception as exc:  # noqa: BLE001
            out[f"memory@{scale}"] = _error(exc)
    return out


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(measure(Path(tmp)), indent=1))
