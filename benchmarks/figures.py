"""One measured figure and how it is printed in the benchmark table.

A figure has a value, optionally a baseline measured in the same run (so the ratio
compares like with like on whatever machine runs it), and a goal: either a ratio to the
baseline or an absolute limit in the figure's own unit.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    """A row of the table."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    max_ratio: float | None = None  # goal: value <= max_ratio * baseline
    max_value: float | None = None  # goal: value <= max_value (in `unit`)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def goal(self) -> str:
        if self.max_ratio is not None:
            return f"<= {self.max_ratio:g}x"
        if self.max_value is not None:
            return f"<= {self.max_value:g} {self.unit}"
        return ""

    @property
    def verdict(self) -> str:
        """"pass", "miss" (with how far off), or "" when the figure has no goal."""
        if self.max_ratio is not None and self.ratio is not None:
            if self.ratio <= self.max_ratio:
                return "pass"
            return f"miss (+{(self.ratio / self.max_ratio - 1) * 100:.0f}%)"
        if self.max_value is not None:
            if self.value <= self.max_value:
                return "pass"
            return f"miss (+{(self.value / self.max_value - 1) * 100:.0f}%)"
        return ""


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:.0f} {unit}"
    if abs(value) >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def table(figures: list[Figure]) -> str:
    """The figures as one plain-text table (also valid Markdown)."""
    head = ["figure", "value", "baseline", "ratio", "goal", "result"]
    rows = []
    for f in figures:
        base = fmt(f.baseline, f.unit)
        if f.baseline is not None and f.baseline_name:
            base = f"{base} ({f.baseline_name})"
        rows.append([f.name, fmt(f.value, f.unit), base,
                     f"{f.ratio:.2f}x" if f.ratio is not None else "-", f.goal or "-",
                     f.verdict or "-"])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", *notes]
    return "\n".join(out)


def median_ms(action: Callable[[], object], repeats: int, warmup: int = 2) -> float:
    """Median wall time of `action` in milliseconds, after a few untimed warm-up runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
