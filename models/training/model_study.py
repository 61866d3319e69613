#!/usr/bin/env python3
"""Model study (issue 13, item 4): the pre-registered learners of clusteratlas_ml/model_study.py,
nested on the three protocols over seeds 0, 1, 2. Resumable: every (learner, protocol, seed)
result is cached in models/served/model-study.json under a sha256 of the inputs (seed files, xtb
cache, held-out GIN predictions, study code); a rerun skips what is done and recomputes
everything when an input changes. Single-threaded by design (shared machine):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice -n 19 /usr/bin/python3 models/training/model_study.py
"""
from __future__ import annotations

import argparse
import os
import sys
import time

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clusteratlas_ml import model_study as ms  # noqa: E402
from clusteratlas_ml.data import REPO_ROOT, load_clusters  # noqa: E402
from clusteratlas_ml.protocols import build_protocols  # noqa: E402

BASELINES = {  # from models/served/model-card.json and feature-study.json (not recomputed here)
    "GIN ensemble (served, 1 ensemble)": ("gin", None),
    "per-metal additive": ("additive", None),
}


def markdown(doc: dict, card: dict | None, fstudy: dict | None) -> str:
    r = doc["results"]
    t = ms.TARGETS
    lines = ["| model | (a) | (b) | (c) |", "| --- | ---: | ---: | ---: |"]
    if card:
        m = card["metrics"]
        for label, (k, _) in BASELINES.items():
            lines.append(f"| {label} | " + " | ".join(f"{m[p][k]['rmse']:.3f}" for p in "abc") + " |")
    if fstudy:
        for k in ("rfChem", "rfChemXtb"):
            v = fstudy["learners"][k]
            lines.append(f"| feature study {k} | " + " | ".join(f"{v[p]['rmseMean']:.3f} ± {v[p]['rmseSd']:.3f}" for p in "abc") + " |")
        v = fstudy["stack"]
        lines.append("| feature study stack | " + " | ".join(f"{v[p]['rmseMean']:.3f} ± {v[p]['rmseSd']:.3f}" for p in "abc") + " |")
    for key in list(ms.LEARNER_KEYS) + list(ms.DERIVED):
        v = r[key]

        def cell(p):
            mark = " ✓" if v[p]["rmseMean"] <= t[p] else ""
            return f"{v[p]['rmseMean']:.3f} ± {v[p]['rmseSd']:.3f}{mark}"

        lines.append(f"| {key} | " + " | ".join(cell(p) for p in "abc") + " |")
    lines.append("| target | ≤ 0.90 | ≤ 0.65 | ≤ 0.95 |")
    return "\n".join(lines)


def markdown_rows(results: dict, keys: list[str]) -> str:
    t = ms.TARGETS
    lines = ["| model | (a) | (b) | (c) |", "| --- | ---: | ---: | ---: |"]
    for key in keys:
        v = results[key]
        lines.append(f"| {key} | " + " | ".join(f"{v[p]['rmseMean']:.3f} ± {v[p]['rmseSd']:.3f}" + (" ✓" if v[p]["rmseMean"] <= t[p] else "")
                                                for p in "abc") + " |")
    lines.append("| target | ≤ 0.90 | ≤ 0.65 | ≤ 0.95 |")
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=os.path.join(REPO_ROOT, "models", "served", "model-study.json"))
    p.add_argument("--oof", default=os.path.join(REPO_ROOT, "models", "served", "oof-predictions.json"))
    p.add_argument("--only", nargs="*", help="run only these learners (the summary needs all)")
    p.add_argument("--round2", action="store_true", help="also run round 2 (model_study_round2.py, designed after round 1)")
    args = p.parse_args()
    records, missing = load_clusters(REPO_ROOT)
    if missing:
        print(f"missing structures: {missing}", file=sys.stderr)
        return 1
    protocols = {P.key: P for P in build_protocols(records)}
    t0 = time.time()
    doc = ms.run(records, protocols, REPO_ROOT, args.oof, args.out, log=lambda s: print(s, file=sys.stderr, flush=True), only=args.only)
    print(f"wall time this run: {time.time() - t0:.0f} s", file=sys.stderr)
    if "results" in doc:
        import json

        def load(name):
            path = os.path.join(os.path.dirname(args.out), name)
            return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None

        print(markdown(doc, load("model-card.json"), load("feature-study.json")))
        if args.round2:
            from clusteratlas_ml import model_study_round2 as r2

            doc = r2.run(records, protocols, REPO_ROOT, args.oof, args.out, log=lambda s: print(s, file=sys.stderr, flush=True))
            print("\nRound 2 (designed after round 1's results; nested, deterministic learners):\n")
            print(markdown_rows(doc["round2"]["results"], list(r2.LEARNER2_KEYS) + ["select2", "stackSelect2"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
