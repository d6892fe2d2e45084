"""Coach figures: accuracy per class on the labelled corpus, and throughput.

Prints accuracy and recall per class for each corpus split, the in-process rate of
`assess_kr` (KRs per second, cold: every text is distinct), and the wall time of
`okr-workshop coach --json` on 10,000 lines minus the start-up of `okr-workshop --help`.
Run: .venv/bin/python benchmarks/coach.py
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.coach import assess_kr, check_objective  # noqa: E402
from workshop.coach.key_results import lemma  # noqa: E402

N_LINES = 10_000


def load(name: str) -> list[dict[str, str]]:
    with open(ROOT / "tests" / "data" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def accuracy_report(rows: list[dict[str, str]]) -> None:
    splits = sorted({r["split"] for r in rows}) + ["all"]
    print(f"{'split':<8} {'n':>4} {'accuracy':>9} {'output recall':>14} "
          f"{'outcome recall':>15} {'output precision':>17}")
    for split in splits:
        part = [r for r in rows if split == "all" or r["split"] == split]
        tally = {"output": [0, 0, 0], "outcome": [0, 0, 0]}  # correct, labelled, predicted
        for r in part:
            kind = assess_kr(r["text"]).kind
            tally[r["label"]][1] += 1
            tally[kind][2] += 1
            tally[r["label"]][0] += kind == r["label"]
        correct = tally["output"][0] + tally["outcome"][0]
        print(f"{split:<8} {len(part):>4} {correct / len(part):>9.3f} "
              f"{tally['output'][0] / tally['output'][1]:>14.3f} "
              f"{tally['outcome'][0] / tally['outcome'][1]:>15.3f} "
              f"{tally['output'][0] / max(1, tally['output'][2]):>17.3f}")


def bau_report(rows: list[dict[str, str]]) -> None:
    tp = fp = fn = 0
    for r in rows:
        flagged = any(f.code == "objective.business_as_usual"
                      for f in check_objective(r["text"]))
        tp += flagged and r["label"] == "bau"
        fp += flagged and r["label"] != "bau"
        fn += r["label"] == "bau" and not flagged
    print(f"business-as-usual objectives: n={len(rows)} precision={tp / (tp + fp):.3f} "
          f"recall={tp / (tp + fn):.3f}")


def distinct_lines(texts: list[str], n: int) -> list[str]:
    # Each line differs (a suffix number), so no cache can help: this is the cold rate.
    return [f"{texts[i % len(texts)]} in region {i}" for i in range(n)]


def throughput(texts: list[str]) -> None:
    lines = distinct_lines(texts, 50_000)
    lemma.cache_clear()
    start = time.perf_counter()
    for line in lines:
        assess_kr(line)
    elapsed = time.perf_counter() - start
    print(f"in-process: {len(lines)} distinct KRs in {elapsed:.3f} s = "
          f"{len(lines) / elapsed:,.0f} KRs/s (target >= 20,000)")


def cli_timing(texts: list[str]) -> None:
    exe = shutil.which("okr-workshop", path=str(ROOT / ".venv" / "bin")) or \
        shutil.which("okr-workshop")
    if exe is None:
        print("cli: okr-workshop is not installed; skipped")
        return
    payload = ("\n".join(distinct_lines(texts, N_LINES)) + "\n").encode()

    def best_of(args: list[str], data: bytes | None, runs: int = 3) -> float | None:
        best = None
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([exe, *args], input=data, capture_output=True, check=False)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                print(f"cli: `okr-workshop {' '.join(args)}` failed "
                      f"({done.stderr.decode(errors='replace').strip()[:200]}); skipped")
                return None
            best = elapsed if best is None else min(best, elapsed)
        return best

    startup = best_of(["--help"], None)
    full = best_of(["coach", "--json"], payload) if startup is not None else None
    if startup is None or full is None:
        return
    print(f"cli: coach --json on {N_LINES} lines {full:.3f} s, start-up (--help) "
          f"{startup:.3f} s, beyond start-up {full - startup:.3f} s (target < 1 s)")


def main() -> None:
    krs = load("coach_krs.csv")
    print("key results: output/outcome accuracy per corpus split")
    accuracy_report(krs)
    bau_report(load("coach_objectives.csv"))
    texts = [r["text"] for r in krs]
    throughput(texts)
    cli_timing(texts)


if __name__ == "__main__":
    main()
