"""`make bench`: the live-session figures at 1x, 3x and 10x the large session, each with
its floor measured in the same run, the goal, and whether it was met; then the store's
and the coach's own figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py

Each measurement runs in a child process of its own (two offscreen 1920x1080 screens,
settings in a temporary folder), so one that fails or hangs prints "failed: <reason>"
in its row and the rest of the table still comes. About four minutes on two cores.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from figures import SCALES, Figure, Row, scaled_table, table  # noqa: E402
from qtbench import child_env  # noqa: E402

CHILD_TIMEOUT_S = 300
# Page visits: a first visit happens once per process, so each sample is a process.
VISIT_PROCESSES = {1: 3, 3: 3, 10: 3}
IDLE_SCALES = (1, 10)
LIBRARY_SIZES = (1000, 5000)
LIVE_KEYS = ("keystroke", "cpu_per_key", "autosave", "export_stall", "idle_cpu",
             "idle_wakeups", "paused_wakeups")


def over(value: float, limit: float, unit: str, where: str = "") -> str:
    """"" when `value` is within `limit`, else by how much it is over."""
    if value <= limit:
        return ""
    shown = f"{value:.0f}" if value >= 10 else f"{value:.2f}"
    if unit.startswith("x"):  # a ratio to a floor: 2.66x bare vs 2x
        return f"{shown}{unit} vs {limit:g}x{where} ({value / limit:.2f}x the goal)"
    return f"{shown} {unit} vs {limit:g}{where} ({value / limit:.2f}x the goal)"


def joined(*misses: str) -> str:
    return "; ".join(m for m in misses if m)


def _export_check(v: dict, f: dict) -> str:
    frozen = [c for c, r in v["raw"].items() if r.get("countdown_ticking") is False]
    return joined(over(v[10], 16, "ms", " at 10x"),
                  f"countdown froze at {', '.join(f'{c}x' for c in frozen)}" if frozen else "")


ROWS = [
    Row("keystroke", "a keystroke in a KR field, projector open (key to repaint)", "ms",
        "<= 16 ms, p95 <= 25 ms at 10x",
        lambda v, f: joined(over(v[10], 16, "ms"), over(v["p95"][10], 25, "ms p95"))),
    Row("cpu_per_key", "GUI CPU per key at 4 keys/s, projector open", "ms",
        "<= 10 ms at 10x", lambda v, f: over(v[10], 10, "ms")),
    Row("action_plan_first", "first visit of the action plan page", "s",
        "<= 0.3 s at 10x, <= 0.1 s at 1x",
        lambda v, f: joined(over(v[10], 0.3, "s", " at 10x"), over(v[1], 0.1, "s", " at 1x"))),
    Row("key_results_later", "later visit of the key results page", "ms", "<= 30 ms at 10x",
        lambda v, f: over(v[10], 30, "ms")),
    Row("autosave", "autosave: longest GUI-thread stall", "ms", "<= 2 ms at 10x",
        lambda v, f: over(v[10], 2, "ms")),
    Row("export_stall", "PDF export from the wrap-up page: longest stall", "ms",
        "<= 16 ms (none frozen), countdown ticks", _export_check),
    Row("library_list", "library: launch to the list filled (process)", "ms", "<= 2x bare",
        lambda v, f: joined(*(over(v[n] / f[n], 2, "x bare", f" at {n:,}")
                              for n in LIBRARY_SIZES)), columns=LIBRARY_SIZES),
    Row("library_search", "library search: longest GUI stall per keystroke", "ms", "<= 16 ms",
        lambda v, f: joined(*(over(v[n], 16, "ms", f" at {n:,}") for n in LIBRARY_SIZES)),
        columns=LIBRARY_SIZES),
    Row("idle_cpu", "idle CPU, timer running, projector open", "CPU-s/min", "<= 1.5x floor",
        lambda v, f: joined(*(over(v[c] / f[c], 1.5, "x floor", f" at {c}x")
                              for c in IDLE_SCALES))),
    Row("idle_wakeups", "wake-ups of the GUI thread, timer running", "/s", "<= 1.5x floor",
        lambda v, f: joined(*(over(v[c] / f[c], 1.5, "x floor", f" at {c}x")
                              for c in IDLE_SCALES))),
    Row("paused_wakeups", "wake-ups of the GUI thread, timer paused", "/s",
        "none (<= 0.5 /s)",
        lambda v, f: joined(*(over(v[c], 0.5, "/s", f" at {c}x") for c in IDLE_SCALES))),
    Row("startup", "start-up to the library's first paint (process)", "ms", "<= 1.25x bare",
        lambda v, f: over(v["all"] / f["all"], 1.25, "x bare"), columns=("all",)),
    Row("memory", "peak memory: library, session, projector, every page visited", "MiB",
        "<= 1.3x bare at 1x, <= 150 MiB at 10x",
        lambda v, f: joined(over(v[1] / f[1], 1.3, "x bare", " at 1x"),
                            over(v[10], 150, "MiB", " at 10x"))),
]


def run_child(args: list[str], env: dict[str, str], what: str) -> dict:
    """The JSON a measuring child prints last; {"*": {"error"}} when it failed."""
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, *args], env=env, capture_output=True,
                              text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"*": {"error": f"{what} took over {CHILD_TIMEOUT_S} s"}}
    print(f"  {what}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        last = [line for line in done.stderr.splitlines() if line.strip()][-1:] or \
            [f"exit code {done.returncode}"]
        return {"*": {"error": f"{what}: {last[0][:150]}"}}
    return json.loads(lines[-1])


def spread(out: dict, keys: tuple[str, ...] | list[str], column: object,
           results: dict[str, dict]) -> None:
    """File a child's figures under "key@column"; a child that failed fails its rows."""
    for key in keys:
        if key in out:
            results[f"{key}@{column}"] = out[key]
        elif "*" in out:
            results[f"{key}@{column}"] = out["*"]


def session_figures(folder: Path, results: dict[str, dict]) -> None:
    env = child_env(folder)
    script = str(HERE / "session.py")
    for scale in SCALES:
        samples: dict[str, list[dict]] = {}
        for n in range(VISIT_PROCESSES[scale]):
            out = run_child([script, "--scale", str(scale), "--part", "visits"], env,
                            f"page visits {scale}x ({n + 1})")
            for key in ("action_plan_first", "key_results_later"):
                samples.setdefault(key, []).append(out.get(key) or out.get("*") or
                                                   {"error": "not measured"})
        for key, found in samples.items():
            good = [r for r in found if "error" not in r]
            if not good:
                results[f"{key}@{scale}"] = found[0]
                continue
            merged = dict(good[0], value=statistics.median(r["value"] for r in good))
            merged["note"] = f"median of {len(good)} processes; {good[0].get('note', '')}"
            results[f"{key}@{scale}"] = merged
        args = [script, "--scale", str(scale), "--part", "live"]
        if scale in IDLE_SCALES:
            args.append("--idle")
        out = run_child(args, env, f"live session {scale}x")
        keys = [k for k in LIVE_KEYS if scale in IDLE_SCALES or "idle" not in k
                and "paused" not in k]
        spread(out, keys, scale, results)


def library_figures(folder: Path, results: dict[str, dict]) -> None:
    """Start-up, library and memory figures: whole processes, and the search."""
    import startup

    try:
        out = startup.measure(folder)
    except Exception as exc:  # noqa: BLE001 - one missing group must not hide the rest
        out = {"*": {"error": f"{type(exc).__name__}: {exc}"[:160]}}
    results["startup@all"] = out.get("startup") or out.get("*")
    for n in LIBRARY_SIZES:
        results[f"library_list@{n}"] = out.get(f"library_list@{n}") or out.get("*")
    for scale in SCALES:
        if f"memory@{scale}" in out or "*" in out:
            results[f"memory@{scale}"] = out.get(f"memory@{scale}") or out.get("*")
    env = child_env(folder)
    for n in LIBRARY_SIZES:
        db = folder / f"library-{n}.db"
        if not db.exists():
            results[f"library_search@{n}"] = {"error": "no library database"}
            continue
        out = run_child([str(HERE / "library.py"), str(db)], env, f"library search {n:,}")
        spread(out, ["library_search"], n, results)


def store_figures() -> list[Figure]:
    try:
        import store

        with tempfile.TemporaryDirectory() as tmp:
            return store.measure_listing(Path(tmp)) + store.measure_save(Path(tmp))
    except Exception as exc:  # noqa: BLE001
        return [Figure("store", float("nan"), "ms", note=f"failed: {exc}")]


def coach_figures() -> list[Figure]:
    """Coach throughput and its longest run on a pasted wall of text, from
    benchmarks/coach.py's own measurements."""
    try:
        coach = importlib.import_module("coach")
        texts = [r["text"] for r in coach.load("coach_krs.csv")]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            coach.throughput(texts)
        paste_ms, paste_unit = coach.longest_paste()
    except Exception as exc:  # noqa: BLE001 - one missing figure must not hide the rest
        return [Figure("coach throughput", float("nan"), "KRs/s", note=f"failed: {exc}")]
    found = re.search(r"= ([\d,]+) KRs/s", out.getvalue())
    if not found:
        return [Figure("coach throughput", float("nan"), "KRs/s",
                       note=out.getvalue().strip()[:200])]
    rate = float(found.group(1).replace(",", ""))
    # A rate has a floor, not a ceiling: report the time per 1,000 KRs against the goal.
    return [Figure("coach: time per 1,000 distinct KRs", 1000 / rate * 1000, "ms",
                   max_value=50, note=f"{rate:,.0f} KRs/s (goal >= 20,000 KRs/s)"),
            Figure("coach: longest run on a 10,000-character paste", paste_ms, "ms",
                   max_value=16, note=f"worst of {len(coach.PASTE_UNITS)} shapes: "
                                      f"{paste_unit.strip()!r} repeated")]


def main() -> int:
    began = time.perf_counter()
    # Other work on the machine slows every figure; the floors in the same run show how
    # much, and the load says why a run looks slow.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("Measuring (each line is one child process):", file=sys.stderr, flush=True)
        library_figures(folder, results)
        session_figures(folder, results)
    others = store_figures() + coach_figures()
    from PySide6 import __version__ as pyside

    print(f"OKR Workshop benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} cores (load {load:.1f} at the start), "
          f"Python {platform.python_version()}, PySide6 {pyside}, "
          f"offscreen, two 1920x1080 screens. Sessions: 1x = 5 objectives, 15 KRs, "
          f"60 actions, 20 people; 3x = 15/45/200/30; 10x = 50/150/600/60.\n")
    print(scaled_table(ROWS, results))
    print("\nOther figures:\n")
    print(table(others))
    print(f"\n{time.perf_counter() - began:.0f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
