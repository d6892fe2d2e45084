"""A simulated 2-hour workshop, printed as a schedule: planned against actual minutes per
stage, the facilitator's view at the moment the protected action-planning time first
comes under threat, and every timer event and warning along the way.

Runs on a FakeClock, looked at every second, so two hours pass in milliseconds:

    .venv/bin/python benchmarks/schedule.py
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime

from workshop.clock import FakeClock
from workshop.demo import demo_workshop
from workshop.flows.agenda import Schedule, stage_times
from workshop.flows.run import WorkshopRun
from workshop.flows.timer import format_mmss

# Minutes each stage really takes in this simulation: the room runs over early on, the
# facilitator follows the advice and cuts key results short, and action planning keeps
# its protected time.
TAKES = {"setup": 6, "strategy": 19, "objectives": 29, "key_results": 21, "ask_why": 18,
         "review": 9, "action_plan": 18}
START = datetime(2026, 12, 10, 9, 0, tzinfo=UTC).timestamp()


def hhmm(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%H:%M")


def simulate() -> tuple[list[str], Schedule | None, WorkshopRun]:
    """Run the workshop second by second; return the log, the schedule at the first
    warning, and the finished run."""
    clock = FakeClock(start=0.0, wall_start=START)
    run = WorkshopRun(demo_workshop(), clock)
    run.start_timer()
    log: list[str] = []
    first_warning: Schedule | None = None
    shown_short = 0
    while True:
        title = run.current_stage.title
        for _ in range(TAKES[run.current_key] * 60):
            clock.advance(1.0)
            now = hhmm(clock.wall())
            for event in run.tick():
                what = "nearly time" if event == "warning" else "time is up"
                log.append(f"{now}  {title}: {what} ({format_mmss(run.timer.remaining())})")
            risk = run.schedule().risk
            short = math.ceil(risk.minutes_short) if risk else 0
            if risk and first_warning is None:
                first_warning = run.schedule()
            if short != shown_short:
                log.append(f"{now}  {risk.message}  {risk.suggestion}" if risk
                           else f"{now}  Action planning has its 15 minutes again.")
                shown_short = short
        if not run.can_advance():
            break
        run.advance()
    run.finish()
    return log, first_warning, run


def main() -> None:
    began = time.perf_counter()
    log, at_warning, run = simulate()
    elapsed_ms = (time.perf_counter() - began) * 1000
    workshop = run.workshop

    print(f"{workshop.title}\nA simulated 2-hour workshop, starting {hhmm(START)}.\n")
    print(f"{'Stage':<20}{'Planned':>8}{'Took':>6}{'Diff':>6}   {'Plan':<13}{'Actual':<13}")
    plan_cursor = actual_cursor = START
    for t in stage_times(workshop):
        took = t.actual_minutes or 0.0
        plan_end = plan_cursor + t.planned_minutes * 60
        actual_end = actual_cursor + took * 60
        print(f"{t.title:<20}{t.planned_minutes:>8}{took:>6.0f}{took - t.planned_minutes:>+6.0f}"
              f"   {hhmm(plan_cursor)}-{hhmm(plan_end):<7}{hhmm(actual_cursor)}-{hhmm(actual_end)}")
        plan_cursor, actual_cursor = plan_end, actual_end
    planned = sum(t.planned_minutes for t in stage_times(workshop))
    took_total = sum(t.actual_minutes or 0.0 for t in stage_times(workshop))
    print(f"{'Total':<20}{planned:>8}{took_total:>6.0f}{took_total - planned:>+6.0f}")

    if at_warning is not None and at_warning.risk is not None:
        now = at_warning.row(at_warning.current_key)
        print(f"\nThe facilitator's schedule when the warning first appeared "
              f"({at_warning.behind_minutes:.0f} min behind, during {now.title}):")
        print(f"{'Stage':<20}{'Plan':<13}{'Projected':<13}")
        for row in at_warning.rows:
            print(f"{row.title:<20}{hhmm(row.planned_start)}-{hhmm(row.planned_end):<7}"
                  f"{hhmm(row.projected_start)}-{hhmm(row.projected_end)}")
        print(f"  ! {at_warning.risk.message}\n    {at_warning.risk.suggestion}")

    print("\nTimeline:")
    for line in log:
        print("  " + line)
    print(f"\n{took_total:.0f} simulated minutes, looked at every second, "
          f"in {elapsed_ms:.0f} ms.")


if __name__ == "__main__":
    main()
