"""Chemistry features (electron counts, spin, GFN2-xTB vertical IP/EA and spin gap) tried against
the served GIN, nested and over seeds fixed in advance.

Learners (every one evaluated on the three protocols' outer splits; hyperparameters by each
split's inner CV on its training part only; seeds 0, 1, 2 fixed before any result was seen):
- rfChem: random forest on composition + electron counts + charge/spin (no xtb).
- rfChemXtb: the same + GFN2-xTB cluster quantities (IP, EA, gap to the next spin state,
  HOMO–LUMO gap, polarizability per atom, dipole, Fermi level, metal partial charges and CN).
- stack: w1·GIN + w2·additive + w3·rfChemXtb, non-negative weights summing to 1 on a 0.1 grid,
  cross-fitted like the shrinkage (weights for a held-out group chosen on the other groups'
  held-out predictions; protocol b uses the weights protocol a's predictions choose).
"""
from __future__ import annotations

import itertools
import json
import os

import numpy as np
from sklearn.ensemble import RandomForestRegressor

from .baselines import composition_features
from .elements import element_table, is_metal
from .evaluate import vocabulary_of

SEEDS = (0, 1, 2)
# Cut from the baselines' four candidates and 300 trees before the full run, for compute on the
# shared 2-core machine (a full run is about 15 min under load).
RF_CANDIDATES = [{"min_samples_leaf": 1, "max_features": 0.33}, {"min_samples_leaf": 3, "max_features": 0.33}]
N_TREES = 100
XTB_CACHE = os.path.join("seed", "features", "xtb-electronic.json")

CHEM_NAMES = ["chargeState", "multiplicity", "unpairedElectrons", "valenceElectrons", "valenceElectronsPerAtom",
              "dElectronsPerMetal", "metalFraction", "oddElectronCount"]
XTB_NAMES = ["ipEv", "eaEv", "gapToNextSpinStateEv", "homoLumoGapEv", "polarizabilityPerAtomAu", "dipoleDebye",
             "fermiLevelEv", "meanMetalPartialCharge", "minMetalPartialCharge", "meanMetalCoordinationNumber"]


def chem_features(r) -> list[float]:
    """Electron counting on the free-atom table: valence electrons = group number for d-block
    metals (s + p for main group), d electrons per metal = group − 2 (the dⁿ s² configuration)."""
    table = element_table()
    counts = dict(r.composition)
    n = sum(counts.values())
    metals = {el: c for el, c in counts.items() if is_metal(el)}
    valence = sum(table[el]["valenceElectrons"] * c for el, c in counts.items()) - r.charge
    d = sum((table[el]["group"] - 2) * c for el, c in metals.items()) / max(sum(metals.values()), 1)
    return [r.charge, r.multiplicity, r.multiplicity - 1, valence, valence / n, d, sum(metals.values()) / n, valence % 2]


def xtb_features(r, cache: dict) -> list[float]:
    e = cache.get(r.id, {})
    iso = r.isomer
    metal_atoms = [a for a in iso["atoms"] if is_metal(a["element"])]
    q = [a["partialCharge"] for a in metal_atoms]
    cn = [a["coordinationNumber"] for a in metal_atoms]
    nan = float("nan")
    val = lambda v: nan if v is None else float(v)  # noqa: E731
    return [val(e.get("ipEv")), val(e.get("eaEv")), val(e.get("gapToNextSpinStateEv")), val(iso.get("homoLumoGapEv")),
            val(iso.get("polarizabilityAu")) / len(iso["atoms"]), val(iso.get("dipoleDebye")), val(iso.get("fermiLevelEv")),
            float(np.mean(q)), float(np.min(q)), float(np.mean(cn))]


def _impute(x_train, x_test):
    med = np.nanmedian(x_train, axis=0)
    med = np.where(np.isnan(med), 0.0, med)
    fill = lambda x: np.where(np.isnan(x), med, x)  # noqa: E731
    return fill(x_train), fill(x_test)


def _rf_predict(x, y, train, test, params, seed):
    xt, xs = _impute(x[list(train)], x[list(test)])
    rf = RandomForestRegressor(random_state=seed, n_jobs=1, n_estimators=N_TREES, **params)
    rf.fit(xt, y[list(train)])
    return rf.predict(xs)


def nested_rf(records, x_of, protocol, y, seed):
    """Pooled held-out predictions of a random forest under one protocol: per outer split the
    candidate with the lowest inner-CV RMSE (training part only) is refit and predicts the test part."""
    pred = {}
    chosen = []
    for S in protocol.splits:
        x = x_of(vocabulary_of(records, S.train))
        scores = []
        for params in RF_CANDIDATES:
            se, n = 0.0, 0
            for tr, va in S.inner:
                p = _rf_predict(x, y, tr, va, params, seed)
                se += float(np.sum((y[list(va)] - p) ** 2))
                n += len(va)
            scores.append(np.sqrt(se / n))
        best = int(np.argmin(scores))
        chosen.append(best)
        for i, p in zip(S.test, _rf_predict(x, y, S.train, S.test, RF_CANDIDATES[best], seed)):
            pred[i] = p
    return pred, chosen


_GRID = [w for w in itertools.product(np.round(np.linspace(0, 1, 11), 1), repeat=3) if abs(sum(w) - 1) < 1e-9]


def _best_stack(y, cols):
    rmse = [np.sqrt(np.mean((y - sum(w * c for w, c in zip(ws, cols))) ** 2)) for ws in _GRID]
    return _GRID[int(np.argmin(rmse))]


def cross_fitted_stack(y, cols, groups, fixed=None):
    groups = np.asarray(groups, dtype=object)
    out = np.zeros(len(y))
    weights = {}
    for g in sorted(set(groups.tolist()), key=str):
        t = groups == g
        w = fixed if fixed is not None else _best_stack(y[~t], [c[~t] for c in cols])
        weights[str(g)] = [float(v) for v in w]
        out[t] = sum(wi * c[t] for wi, c in zip(w, cols))
    return out, weights


_JOB: dict = {}


def _study_job(job):
    name, key, seed = job
    return nested_rf(_JOB["records"], _JOB["learners"][name], _JOB["protocols"][key], _JOB["y"], seed)


def run_study(records, protocols, oof_arrays, root, workers: int = 2) -> dict:
    """oof_arrays[key]: ids, y, gin, additive, split (rows of oof-predictions.json)."""
    with open(os.path.join(root, XTB_CACHE), encoding="utf-8") as fh:
        cache = json.load(fh)["clusters"]
    pos = {r.id: i for i, r in enumerate(records)}
    y = np.array([r.log10_k1 for r in records])
    chem = np.array([chem_features(r) for r in records])
    xtb = np.array([xtb_features(r, cache) for r in records])
    missing_xtb = [r.id for r in records if r.id not in cache or cache[r.id].get("ipEv") is None]

    def x_chem(vocab):
        return np.hstack([composition_features(records, vocab), chem])

    def x_chem_xtb(vocab):
        return np.hstack([composition_features(records, vocab), chem, xtb])

    learners = {"rfChem": x_chem, "rfChemXtb": x_chem_xtb}
    jobs = [(name, key, seed) for name in learners for key in protocols for seed in SEEDS]
    _JOB.update(records=records, protocols=protocols, learners=learners, y=y)
    import multiprocessing as mp

    with mp.get_context("fork").Pool(workers) as pool:
        outs = pool.map(_study_job, jobs, chunksize=1)
    done = dict(zip(jobs, outs))
    result: dict = {"seeds": list(SEEDS), "learners": {}, "stack": {}, "featureNames": {"chem": CHEM_NAMES, "xtb": XTB_NAMES},
                    "xtbMissing": missing_xtb, "candidates": RF_CANDIDATES, "nTrees": N_TREES}
    per_seed_pred: dict = {}
    for name, x_of in learners.items():
        result["learners"][name] = {}
        for key, P in protocols.items():
            A = oof_arrays[key]
            idx = [pos[i] for i in A["ids"]]
            rmses, chosen = [], []
            for seed in SEEDS:
                pred, ch = done[(name, key, seed)]
                p = np.array([pred[i] for i in idx])
                per_seed_pred[(name, key, seed)] = p
                rmses.append(float(np.sqrt(np.mean((A["y"] - p) ** 2))))
                chosen.append(ch)
            result["learners"][name][key] = {"rmseBySeed": [round(v, 4) for v in rmses], "rmseMean": round(float(np.mean(rmses)), 4),
                                             "rmseSd": round(float(np.std(rmses, ddof=1)), 4), "chosenCandidateBySeed": chosen}
    for key in protocols:
        A = oof_arrays[key]
        rmses, weights = [], []
        for seed in SEEDS:
            cols = [A["gin"], A["additive"], per_seed_pred[("rfChemXtb", key, seed)]]
            fixed = None
            if key == "b":
                a = oof_arrays["a"]
                fixed = _best_stack(a["y"], [a["gin"], a["additive"], per_seed_pred[("rfChemXtb", "a", seed)]])
            p, w = cross_fitted_stack(A["y"], cols, A["split"], fixed)
            rmses.append(float(np.sqrt(np.mean((A["y"] - p) ** 2))))
            weights.append(w)
        result["stack"][key] = {"rmseBySeed": [round(v, 4) for v in rmses], "rmseMean": round(float(np.mean(rmses)), 4),
                                "rmseSd": round(float(np.std(rmses, ddof=1)), 4), "weightsBySeed": weights,
                                "weightOrder": ["gin", "additive", "rfChemXtb"]}
    return result
