"""The coach forward in time: each published round's blind part, judged by the coach of its day.

Each round of tests/data/coach_published_krs.csv was split by organisation, and its blind
part scored once by the coach as it stood when the round was added. This replays that:
for each commit at which a blind part was scored, the coach and the corpus of that commit are
taken from git, and that coach judges that blind part. It is the fairest view of how the
coach does on organisations it was not written against (the development figures of
benchmarks/coach.py are in-sample). It also prints the same verdicts without the rules'
vote (the shipped model's words and evidence alone), and apart for the rows the labellers
called clear-cut and arguable. Business-as-usual objectives get the same replay: each
round's blind objectives judged by the objective checks of its day.

Run: .venv/bin/python benchmarks/coach_forward.py   (needs the git history; about 20 s)
"""

from __future__ import annotations

import json

from coach import run_at_revision

# The commit at which each round's blind part was scored once (the coach of its day).
# Rounds 1 and 2 predate the model, and round 8 is nine rows (it is in the total). Round
# 17 was scored at 84e1176; 0fe8715 gives every corpus row the same verdict and confidence
# and also the words' own figure with their similarity (`words_logit`). Round 18 was scored
# at 9d3ebdf, round 19 at d01c2df, round 20 at aeaaa7b, round 21 at 1919b1e (and, with
# the objective word model, c46db6f), round 22 at 0bb939c, round 23 at ebe6dae, round 24
# at 1aaf427, round 25 at c16f90c, round 26 at 3b9db2c, round 27 at a8a3303,
# round 28 at 04a9b2c, round 29 at f8ca60e (the coach of df0dd95, with round 29's rows),
# round 30 at ac2f73e (the coach of a407a16, with round 30's rows), round 31 at 3ed153c
# (the coach of f61860a, with round 31's rows), round 32 at 24a9223 (the coach of 44426c9,
# with round 32's rows), round 33 at 353d56b (the coach of 508da8e, with round 33's rows),
# round 34 at aed0c0f (the coach of 884ebd9, with round 34's rows), round 35 at 4867473 (the
# coach of 9f03175, with round 35's rows), round 36 at 96eb5e8 (the coach of db33f3b, with
# round 36's rows), round 37 at 4510fd8 (the coach of d4f294e, with round 37's rows), round
# 38 at 83e9927 (the coach of 81b5149, with round 38's rows), round 39 at c6e5fd6 (the coach
# of 9d2899c, with round 39's rows), round 40 at a1eb489 (the coach of 4940000, with round
# 40's rows), round 41 at 7128fbc (the coach of e306107, with round 41's rows), round 42
# at b101bf5 (the coach of dad0d15, with round 42's rows), round 43 at e3a7091 (the coach
# of c97ed38, with round 43's rows), round 44 at 672b614 (the coach of 7423d6d, with round
# 44's rows), round 45 at 2dd90e4 (the coach of ea7f442, with round 45's rows), round 46
# at 3aff7bb (the coach of 6c52d18, with round 46's rows), round 47 at ce9a065 (the coach
# of 7772022, with round 47's rows), round 48 at 4a03206 (the coach of 7570997, with round
# 48's rows), round 49 at 0c613fe (the coach of 2e25554, with round 49's rows), round 50
# at d48a375 (the coach of c4d41b1, with round 50's rows), round 51 at 035de3c (the coach
# of e6df06d, with round 51's rows), round 52 at 82fa3df (the coach of 2b62f0f, with round
# 52's rows), round 53 at 531073e (the coach of 431da2a, with round 53's rows), round
# 54 at 48d6ac8 (the coach of 06b7788, with round 54's rows), round 55 at 21b2c17 (the coach
# of 1f474f1, with round 55's rows), round 56 at dd57e8f (the coach of 793b9be, with round 56's
# rows), round 57 at 5baa7d9 (the coach of df4a136, with round 57's rows), round 58 at
# ee7070e (the coach of e5ef899, with round 58's rows), round 59 at 0a24ec3 (the coach of
# 512e5b6, with round 59's rows), round 60 at 9ba40bd (the coach of 4746e7b, with round 60's
# rows), round 61 at 31bf21d (the coach of 9efd93d, with round 61's rows), round 62 at
# 2c59152 (the coach of 2340bad, with round 62's rows).
ROUNDS = (("3", "3c45e3e"), ("4", "ffc4d08"), ("5", "07d68d3"), ("6", "411d3a4"),
          ("7", "32e35b1"), ("8", "5465e0a"), ("9 and 10", "05cf1f5"), ("11", "6663328"),
          ("12", "1f62e99"), ("13", "eb23a22"), ("14", "d59a03a"),
          ("15", "48f3eeb"), ("16", "6fe0d77"), ("17", "0fe8715"), ("18", "9d3ebdf"),
          ("19", "d01c2df"), ("20", "aeaaa7b"), ("21", "1919b1e"), ("22", "0bb939c"),
          ("23", "ebe6dae"), ("24", "1aaf427"), ("25", "c16f90c"),
          ("26", "3b9db2c"), ("27", "a8a3303"),
          ("28", "04a9b2c"), ("29", "f8ca60e"),
          ("30", "ac2f73e"), ("31", "3ed153c"),
          ("32", "24a9223"), ("33", "353d56b"), ("34", "aed0c0f"),
          ("35", "4867473"), ("36", "96eb5e8"), ("37", "4510fd8"),
          ("38", "83e9927"), ("39", "c6e5fd6"),
          ("40", "a1eb489"), ("41", "7128fbc"),
          ("42", "b101bf5"), ("43", "e3a7091"), ("44", "672b614"),
          ("45", "2dd90e4"), ("46", "3aff7bb"),
          ("47", "ce9a065"), ("48", "4a03206"),
          ("49", "0c613fe"), ("50", "d48a375"), ("51", "035de3c"),
          ("52", "82fa3df"), ("53", "531073e"), ("54", "48d6ac8"),
          ("55", "21b2c17"), ("56", "dd57e8f"),
          ("57", "5baa7d9"), ("58", "ee7070e"), ("59", "0a24ec3"),
          ("60", "9ba40bd"), ("61", "31bf21d"),
          ("62", "2c59152"))

# Run inside the old tree, so its modules never mix with today's.
_ROUND_SCRIPT = """
import csv, json
from workshop.coach import assess_kr
from workshop.coach.key_results import _Evidence, normalise
from workshop.coach.model import features, model
m = model()
out = []
with open("tests/data/coach_published_krs.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["part"] != "blind":
            continue
        ev = _Evidence(normalise(r["text"]))
        feats = features(ev)  # (features, rules' vote) in the older trees, features today
        feats = feats[0] if isinstance(feats, tuple) else feats
        # Since round 17 the words also count through their similarity scores.
        words = m.words_logit(ev)[0] if hasattr(m, "words_logit") else m.logit(feats)
        out.append({"output": r["label"] == "output", "clear": r["clear"] == "yes",
                    "shipped": assess_kr(r["text"]).kind == "output",
                    "own": r.get("source_kind") == "own",
                    "words": words})
# The round's blind objectives, where the corpus of its day had them: is each business as
# usual by the labels, and did the coach of its day say so.
objectives = []
try:
    from workshop.coach import check_objective
    with open("tests/data/coach_published_objectives.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("part") == "blind" and "bau" in r:
                codes = {c.code for c in check_objective(r["text"])}
                objectives.append({"bau": r["bau"] == "yes",
                                   "flagged": "objective.business_as_usual" in codes})
except (OSError, ImportError):
    pass
print(json.dumps({"krs": out, "objectives": objectives}))
"""


def round_rows(commit: str) -> tuple[list[dict], list[dict]]:
    """(the blind key results, the blind objectives) of the round scored at `commit`."""
    data = json.loads(run_at_revision(commit, ["workshop", "tests/data"], _ROUND_SCRIPT))
    return data["krs"], data["objectives"]


def share_right(rows: list[dict], with_rules: bool = True) -> str:
    """Accuracy of the coach as shipped, or of its model's words and evidence alone."""
    if not rows:
        return "    -"
    right = sum((r["shipped"] if with_rules else r["words"] >= 0) == r["output"]
                for r in rows)
    return f"{right / len(rows):.3f}"


def business_as_usual(rows: list[dict]) -> str:
    """Precision / recall of business as usual on a round's blind objectives."""
    flagged = sum(r["flagged"] for r in rows)
    labelled = sum(r["bau"] for r in rows)
    both = sum(r["flagged"] and r["bau"] for r in rows)
    precision = f"{both / flagged:.2f}" if flagged else "-"
    recall = f"{both / labelled:.2f}" if labelled else "-"
    return f"{precision:>5} / {recall:<5} ({labelled} of {len(rows)} labelled so, {flagged} flagged)"


def main() -> None:
    print("key results, each round's blind part judged by the coach of its day")
    print(f"  {'round':<9} {'n':>4} {'as shipped':>10} {'no rules':>9} {'clear-cut':>9} "
          f"{'arguable':>9} {'own OKRs':>9}")
    everything: list[dict] = []
    objectives: list[tuple[str, list[dict]]] = []
    for name, commit in ROUNDS:
        rows, round_objectives = round_rows(commit)
        everything += rows
        objectives.append((name, round_objectives))
        print(f"  {name:<9} {len(rows):>4} {share_right(rows):>10} "
              f"{share_right(rows, with_rules=False):>9} "
              f"{share_right([r for r in rows if r['clear']]):>9} "
              f"{share_right([r for r in rows if not r['clear']]):>9} "
              f"{share_right([r for r in rows if r['own']]):>9}")
    rows = everything
    print(f"  {'all':<9} {len(rows):>4} {share_right(rows):>10} "
          f"{share_right(rows, with_rules=False):>9} "
          f"{share_right([r for r in rows if r['clear']]):>9} "
          f"{share_right([r for r in rows if not r['clear']]):>9} "
          f"{share_right([r for r in rows if r['own']]):>9}")
    print("objectives, business as usual (precision / recall), each round's blind part "
          "judged by the coach of its day")
    for name, rows in objectives:
        if rows:
            print(f"  {name:<9} {business_as_usual(rows)}")
    print(f"  {'all':<9} {business_as_usual([r for _, rows in objectives for r in rows])}")


if __name__ == "__main__":
    main()
