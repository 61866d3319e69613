"""Model study, round 3 (issue 13, item 4): designed after the seed repeats of the evaluation
showed the structure-graph GIN (the ablation) steadier than the served configuration and better
on protocols (a) and (c). Post hoc by construction: its design saw the outer results of rounds 1
and 2 and of the seed repeats, so it can inform the next model, not meet a target.

Fixed before it ran (this file was committed first), one learner:

    stackGraph = w1·GIN-graph + w2·additive + w3·select

- GIN-graph: the evaluation's held-out predictions of the ablation (oof-predictions.json
  'ginGraph', repeat 0, members 0–4).
- additive: the per-metal additive baseline's held-out predictions.
- select: round 1's pre-registered headline.
- Weights on feature_study's 0.1 grid, cross-fitted as in round 1's stackSelect: for a held-out
  fold or family, chosen on the other groups' held-out predictions. Protocol (b) has one split,
  so it uses the weights protocol (a) chooses.
- One value per round-1 seed (0, 1, 2), mean ± sd as in rounds 1 and 2.
"""
from __future__ import annotations

import numpy as np

from . import feature_study as fs
from . import model_study as ms


def run(records, doc: dict, oof: dict) -> dict:
    """doc: model-study.json with round 1 complete; oof: oof-predictions.json."""
    pos = {r.id: i for i, r in enumerate(records)}
    A = ms.oof_arrays(oof)
    graph = {P["key"]: np.array([r["ginGraph"]["meanLog10K1"] for r in P["rows"]]) for P in oof["protocols"]}
    entries = doc["entries"]

    def select_col(pk, s):
        sel = ms.select_splits({k: entries[k][pk][str(s)] for k in ms.LEARNER_KEYS})
        p = {i: v for x in sel for i, v in zip(x["test"], x["pred"])}
        return np.array([p[pos[c]] for c in A[pk]["ids"]])

    out: dict = {"stackGraph": {}}
    for pk in A:
        vals, weights = [], []
        for s in ms.SEEDS:
            cols = [graph[pk], A[pk]["additive"], select_col(pk, s)]
            fixed = fs._best_stack(A["a"]["y"], [graph["a"], A["a"]["additive"], select_col("a", s)]) if pk == "b" else None
            p, w = fs.cross_fitted_stack(A[pk]["y"], cols, A[pk]["split"], fixed)
            vals.append(float(np.sqrt(np.mean((A[pk]["y"] - p) ** 2))))
            weights.append(w)
        out["stackGraph"][pk] = {**ms._summary(vals), "weightsBySeed": weights, "weightOrder": ["ginGraph", "additive", "select"]}
    return out
