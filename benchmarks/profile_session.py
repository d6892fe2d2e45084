"""Where the time goes: cProfile over the keystroke path and over the first visits of
the key results and action plan pages, with the large session at a chosen size, through
the real windows (projector open), the way session.py measures them.

    .venv/bin/python benchmarks/profile_session.py [--scale 10] [--keys 12] [--top 25]

Prints, for each, the functions with the most time of their own and the ones with the
most time including what they call, in ms per keystroke (or per visit).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from PySide6.QtWidgets import QApplication, QListWidget  # noqa: E402
from qtbench import child_env, run_loop, settle  # noqa: E402
from session import TYPED, TYPING_GAP_MS, Session, cpu_per_key, press  # noqa: E402


def report(profile: cProfile.Profile, per: int, top: int, title: str,
           unit: str = "visit") -> None:
    stats = pstats.Stats(profile)
    total = stats.total_tt * 1000 / per
    print(f"\n== {title}: {total:.1f} ms of profiled time per "
          f"{unit} (profiling slows Python code; compare "
          f"the shares, not the totals) ==")
    rows = []
    for (file, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        where = name if file == "~" else f"{Path(file).name}:{line} {name}"
        rows.append((tottime, cumtime, calls, where, file))

    def show(key: int, heading: str, keep=lambda r: True) -> None:
        print(f"\n{heading}")
        print(f"{'own ms':>9} {'incl. ms':>9} {'calls':>8}  function")
        for tottime, cumtime, calls, where, _file in sorted(
                filter(keep, rows), key=lambda r: r[key], reverse=True)[:top]:
            print(f"{tottime * 1000 / per:9.2f} {cumtime * 1000 / per:9.2f} "
                  f"{calls / per:8.1f}  {where}")

    show(0, "by own time:")
    show(1, "by time including callees (the app's own functions):",
         keep=lambda r: "workshop" in r[4])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--keys", type=int, default=12)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    QApplication(["okr-workshop"])
    with tempfile.TemporaryDirectory() as tmp:
        s = Session(args.scale, Path(tmp))
        s.open()
        for key in ("key_results", "action_plan"):
            profile = cProfile.Profile()
            start = time.perf_counter()
            profile.enable()
            s.visit(key)
            profile.disable()
            wall = (time.perf_counter() - start) * 1000
            report(profile, 1, args.top, f"first visit of the {key} page at {args.scale}x "
                                         f"({wall:.0f} ms wall, profiled)")
        profile = cProfile.Profile()
        profile.enable()
        s.visit("key_results")
        profile.disable()
        report(profile, 1, args.top, f"a later visit of the key results page at {args.scale}x")
        s.make_live("key_results")  # the projector shows the KRs, its clock running
        if not s.timer_running():
            s.toggle_timer()
        edit = s.kr_field()
        profile = cProfile.Profile()
        for i in range(args.keys):
            profile.enable()
            press(edit, TYPED[i % len(TYPED)])
            settle()
            profile.disable()
            run_loop(TYPING_GAP_MS)
        report(profile, args.keys, args.top,
               f"a keystroke in a KR field at {args.scale}x, key to repaint", "key")
        # Everything typing costs the GUI thread, the debounced work after the keys (the
        # coach, the autosave) and the clock's ticks included.
        run_loop(1000)
        # Counted in the GUI thread's CPU time: the waits between keys are not work.
        profile = cProfile.Profile(time.thread_time)
        profile.enable()
        cpu_per_key(edit, args.keys)
        profile.disable()
        report(profile, args.keys, args.top,
               f"typing at 4 keys/s at {args.scale}x, all the GUI thread's CPU per key", "key")
        # Idle with the clock running: what each of its ticks costs.
        nav = s.facilitator.findChild(QListWidget, "stageNav")
        if nav is not None:
            nav.setFocus()
        run_loop(2000)
        profile = cProfile.Profile(time.thread_time)
        profile.enable()
        run_loop(5000)
        profile.disable()
        report(profile, 5, args.top, f"idle at {args.scale}x, the clock running: the GUI "
                                     f"thread's CPU per second", "second")
        s.close()
        s.app.shutdown()
    return 0


if __name__ == "__main__":
    if "configfile" not in os.environ.get("QT_QPA_PLATFORM", ""):
        # Run again with the room's two screens and its own settings, like the benchmark.
        with tempfile.TemporaryDirectory() as folder:
            sys.exit(subprocess.run([sys.executable, __file__, *sys.argv[1:]],
                                    env=child_env(Path(folder))).returncode)
    sys.exit(main())
