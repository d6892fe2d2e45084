"""How long since the launcher started this process: a child prints it at the moment
that matters (first paint, list filled), and startup.run_child reads it. Kept apart
and tiny, because the bare window that imports it is a floor."""

from __future__ import annotations

import os
import time


def reached_moment() -> None:
    t0 = os.environ.get("BENCH_T0")
    if t0:
        print(f"at {time.time() - float(t0)}", flush=True)
