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


# -- the table of the live session at 1x, 3x and 10x ---------------------------------------
SCALES = (1, 3, 10)


@dataclass
class Row:
    """A row of the scaled table: the figure at each size (or at each library size),
    its floor, and the goal, checked against the values it names."""

    key: str
    what: str
    unit: str
    goal: str
    # (values by column, floors by column) -> "" when met, else how far off.
    check: Callable[[dict, dict], str] | None = None
    columns: tuple = SCALES
    scale: float = 1.0  # shown value = measured value * scale (s -> ms and the like)


def _num(value: float | None, unit: str) -> str:
    if value is None or value != value:  # None or NaN
        return "-"
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    return f"{value:,.{digits}f} {unit}".strip()


def cell(result: dict | None, unit: str) -> str:
    """One measured value as printed: the median, the p95 when there is one."""
    if result is None:
        return ""
    if "error" in result:
        return f"failed: {result['error']}"
    text = _num(result.get("value"), unit)
    if result.get("p95") is not None:
        text += f" (p95 {_num(result['p95'], '').strip()})"
    return text


def floor_cell(results: list[dict], unit: str) -> str:
    floors = [r["floor"] for r in results if r and "floor" in r and r["floor"] == r["floor"]]
    if not floors:
        return "-"
    name = next(r.get("floor_name", "") for r in results if r and "floor" in r)
    low, high = min(floors), max(floors)
    span = _num(low, unit) if _num(low, "") == _num(high, "") else \
        f"{_num(low, '')}-{_num(high, unit)}"
    return f"{name} {span}".strip()


def ratio_cell(results: list[dict]) -> str:
    parts = []
    for r in results:
        if not r or "error" in r or not r.get("floor"):
            parts.append("-")
        else:
            parts.append(f"{r['value'] / r['floor']:.1f}x")
    return " / ".join(parts) if any(p != "-" for p in parts) else "-"


def scaled_table(rows: list[Row], results: dict[str, dict]) -> str:
    """The rows as a Markdown table; `results` maps "key@column" to a measured result
    ({"value", "p95", "floor", "floor_name", "note"} or {"error"})."""
    head = ["what the facilitator does", "1x", "3x", "10x", "growth 1x to 10x",
            "floor (same run)", "ratio to floor", "goal", "result"]
    lines = []
    notes = []
    for row in rows:
        found = [results.get(f"{row.key}@{c}") for c in row.columns]
        shown = []
        for r in found:
            if r and "error" not in r and row.scale != 1.0:
                r = dict(r, value=r["value"] * row.scale,
                         p95=r["p95"] * row.scale if r.get("p95") is not None else None)
            shown.append(r)
        if row.columns == SCALES:
            cells = [cell(r, row.unit) for r in shown]
        else:  # one figure whatever the session's size, or one per library size
            parts = [cell(r, row.unit) or "not measured" for r in shown]
            if len(row.columns) > 1:
                parts = [f"{c:,}: {p}" for c, p in zip(row.columns, parts, strict=True)]
            cells = [" · ".join(parts), "", ""]
        values = {c: r["value"] for c, r in zip(row.columns, shown, strict=True)
                  if r and "error" not in r}
        p95s = {c: r.get("p95") for c, r in zip(row.columns, shown, strict=True)
                if r and "error" not in r}
        floors = {c: r["floor"] * row.scale for c, r in zip(row.columns, found, strict=True)
                  if r and "error" not in r and r.get("floor")}
        if row.check is None:
            verdict = "-"
        elif not values:
            verdict = "not measured"
        else:
            try:
                raw = {c: r for c, r in zip(row.columns, shown, strict=True) if r}
                missed = row.check({**values, "p95": p95s, "raw": raw}, floors)
                verdict = "met" if not missed else f"missed: {missed}"
            except (KeyError, TypeError, ZeroDivisionError):
                verdict = "not measured"
        growth = "-"
        if row.columns == SCALES and values.get(1) and 10 in values:
            growth = f"{values[10] / values[1]:.1f}x"
        lines.append([row.what, *cells, growth, floor_cell([dict(r, floor=r["floor"] * row.scale)
                                                     if r and r.get("floor") else r
                                                     for r in found], row.unit),
                      ratio_cell(found), row.goal, verdict])
        for c, r in zip(row.columns, found, strict=True):
            if r and r.get("note"):
                label = (f"{c}x" if row.columns == SCALES else
                         f"{c:,} sessions" if isinstance(c, int) else "")
                if not label:
                    notes.append(f"- {row.what}: {r['note']}")
                    continue
                notes.append(f"- {row.what} ({label}): {r['note']}")
    widths = [max(len(r[i]) for r in [head, *lines]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in lines]
    if notes:
        out += ["", *notes]
    return "\n".join(out)
