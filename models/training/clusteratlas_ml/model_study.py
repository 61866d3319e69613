"""Model study (issue 13, item 4): can a learner beat its baselines, honestly measured?

Pre-registered on 2026-11-29 before any of these learners was run. Fixed in advance: the
candidate list below, the seeds (0, 1, 2), the protocols (protocols.build_protocols, the same
outer and inner splits as the GIN and feature_study) and the score (pooled held-out RMSE of
log10 k1 over each protocol's outer test parts; mean ± sd over the seeds). Targets (issue 13):
(a) ≤ 0.90, (b) ≤ 0.65, (c) ≤ 0.95.

Selection is nested only: for every outer split, each candidate (hyperparameters and feature set)
of a learner is scored by the pooled RMSE over that split's inner (train, validation) pairs, which
lie inside the outer training part; the lowest is refit on the whole outer training part and
predicts the outer test part once. Nothing downstream of an outer test target is used to choose.

Feature blocks (built on each outer/inner training vocabulary; NaN → training median):
- comp: composition_features (element counts over the training vocabulary, charge, atom counts)
- chem: feature_study.chem_features (electron counts, parity, charge, multiplicity)
- elem: metal-share-weighted free-atom properties of the metals (group, period, Pauling χ,
  covalent radius, first IE), the spread of group numbers over the metals, non-metal atoms per
  metal atom. These are the only inputs that can say anything about a family never seen.
- xtb: feature_study.xtb_features (GFN2-xTB IP/EA/spin gap, HOMO–LUMO gap, polarizability,
  dipole, Fermi level, metal charges/CN); 34 IP/EA and 13 spin-gap values are missing (imputed).
Feature sets: "base" = comp + chem + elem, "xtb" = base + xtb.

"+add" learners fit the per-metal additive baseline (calibration.additive_predict, training part
only, inside every inner and outer fit) and model the residual y − additive; their prediction
is additive + residual model.

Learners (candidates in brackets; every learner's inner CV chooses among them per split):
 1. addSizeParity: additive + least squares (ridge α = 1e-3) on [metal atoms, non-metal atoms,
    charge] or that + [odd electron count]   (2 candidates, deterministic)
 2. ridgeAdd:  additive + ridge on standardized features; α ∈ {1, 10, 100} × {base, xtb}  (6)
 3. krr:       kernel ridge, RBF, standardized features, target centred on the training mean;
               α ∈ {0.1, 1} × γ ∈ {0.3/d, 1/d} × {base, xtb}  (8, deterministic)
 4. krrAdd:    the same on the additive residual  (8, deterministic)
 5. gp:        Gaussian process, constant·Matern(ν=2.5) + white noise, kernel hyperparameters by
               marginal likelihood on the training part (1 optimizer restart, seeded);
               {base, xtb}  (2)
 6. rfAdd:     random forest (100 trees) on the additive residual; min_samples_leaf ∈ {3, 5},
               max_features 0.33, {base, xtb}  (4)
 7. et:        extra trees (100 trees) on y; min_samples_leaf ∈ {2, 5}, max_features 0.5,
               {base, xtb}  (4)
 8. etAdd:     the same on the additive residual  (4)
 9. hgb:       HistGradientBoosting (200 iterations, learning rate 0.05, max_depth 3) on y;
               min_samples_leaf ∈ {5, 10}, {base, xtb}  (4)
10. select:    all candidates of 1–9 pooled; the inner CV picks one per outer split (ties: the
               first in this order). This is the pre-registered headline learner: choosing
               the best *row* of this table afterwards would be selection on test data.
11. stackSelect: w1·GIN + w2·additive + w3·select, cross-fitted exactly like feature_study's
               stack (weights for a held-out fold/family chosen on the other groups' held-out
               predictions; protocol b uses the weights protocol a chooses). GIN = the served
               ensemble's held-out predictions (models/served/oof-predictions.json).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import warnings
from dataclasses import dataclass

import numpy as np

from . import feature_study as fs
from .baselines import composition_features
from .calibration import additive_predict
from .elements import element_table, is_metal
from .evaluate import vocabulary_of

SEEDS = (0, 1, 2)
TARGETS = {"a": 0.90, "b": 0.65, "c": 0.95}
N_TREES = 100
FEATURE_SETS = ("base", "xtb")
ELEM_NAMES = ["metalGroup", "metalPeriod", "metalElectronegativity", "metalCovalentRadius", "metalFirstIe",
              "metalGroupSpread", "nonMetalPerMetal"]
_ELEM_PROPS = ("group", "period", "paulingElectronegativity", "covalentRadiusAngstrom", "firstIonizationEnergyEv")


def elem_features(r) -> list[float]:
    table = element_table()
    counts = dict(r.composition)
    metals = {el: c for el, c in counts.items() if is_metal(el)}
    nm = sum(metals.values())
    w = {el: c / nm for el, c in metals.items()}
    row = [sum(w[el] * table[el][p] for el in w) for p in _ELEM_PROPS]
    groups = [table[el]["group"] for el in metals]
    row += [max(groups) - min(groups), (sum(counts.values()) - nm) / nm]
    return row


@dataclass(frozen=True)
class LearnerSpec:
    key: str
    label: str
    residual: bool
    candidates: tuple
    seeded: bool


def _grid(**axes):
    keys = list(axes)
    out = [{}]
    for k in keys:
        out = [{**o, k: v} for o in out for v in axes[k]]
    return tuple(out)


LEARNERS = (
    LearnerSpec("addSizeParity", "additive + size (+ parity) least squares", True,
                ({"model": "ols", "cols": "size"}, {"model": "ols", "cols": "sizeParity"}), False),
    LearnerSpec("ridgeAdd", "additive + ridge residual", True,
                _grid(model=["ridge"], alpha=[1.0, 10.0, 100.0], features=list(FEATURE_SETS)), False),
    LearnerSpec("krr", "kernel ridge (RBF)", False,
                _grid(model=["krr"], alpha=[0.1, 1.0], gamma=[0.3, 1.0], features=list(FEATURE_SETS)), False),
    LearnerSpec("krrAdd", "additive + kernel ridge residual", True,
                _grid(model=["krr"], alpha=[0.1, 1.0], gamma=[0.3, 1.0], features=list(FEATURE_SETS)), False),
    LearnerSpec("gp", "Gaussian process (Matern 5/2 + white)", False,
                _grid(model=["gp"], features=list(FEATURE_SETS)), True),
    LearnerSpec("rfAdd", "additive + random-forest residual", True,
                _grid(model=["rf"], min_samples_leaf=[3, 5], features=list(FEATURE_SETS)), True),
    LearnerSpec("et", "extra trees", False,
                _grid(model=["et"], min_samples_leaf=[2, 5], features=list(FEATURE_SETS)), True),
    LearnerSpec("etAdd", "additive + extra-trees residual", True,
                _grid(model=["et"], min_samples_leaf=[2, 5], features=list(FEATURE_SETS)), True),
    LearnerSpec("hgb", "histogram gradient boosting", False,
                _grid(model=["hgb"], min_samples_leaf=[5, 10], features=list(FEATURE_SETS)), True),
)
LEARNER_KEYS = tuple(s.key for s in LEARNERS)
DERIVED = {
    "select": "inner-CV choice among every candidate of every learner above (pre-registered headline)",
    "stackSelect": "cross-fitted w·(GIN, additive, select), weights on a 0.1 grid",
}


def preregistration() -> dict:
    return {"learners": [{"key": s.key, "label": s.label, "residualOnAdditive": s.residual,
                          "candidates": list(s.candidates)} for s in LEARNERS],
            "derived": DERIVED, "seeds": list(SEEDS), "targets": TARGETS, "featureSets": {
                "base": "comp + chem + elem", "xtb": "comp + chem + elem + xtb"},
            "featureNames": {"chem": fs.CHEM_NAMES, "elem": ELEM_NAMES, "xtb": fs.XTB_NAMES}}


# --------------------------------------------------------------------------- data


class StudyData:
    """Per-cluster feature blocks that do not depend on a training vocabulary."""

    def __init__(self, records, xtb_cache: dict):
        self.records = records
        self.chem = np.array([fs.chem_features(r) for r in records])
        self.elem = np.array([elem_features(r) for r in records])
        self.xtb = np.array([fs.xtb_features(r, xtb_cache) for r in records])
        counts = [dict(r.composition) for r in records]
        n_metal = np.array([sum(c for el, c in d.items() if is_metal(el)) for d in counts], dtype=float)
        n_all = np.array([sum(d.values()) for d in counts], dtype=float)
        self.size = np.column_stack([n_metal, n_all - n_metal, [r.charge for r in records]])
        self.parity = self.chem[:, fs.CHEM_NAMES.index("oddElectronCount")][:, None]

    def matrix(self, vocab, features: str) -> np.ndarray:
        blocks = [composition_features(self.records, vocab), self.chem, self.elem]
        if features == "xtb":
            blocks.append(self.xtb)
        return np.hstack(blocks)


# --------------------------------------------------------------------------- fitting


def _standardize(xt, xs):
    xt, xs = fs._impute(xt, xs)
    mu, sd = xt.mean(axis=0), xt.std(axis=0)
    sd = np.where(sd > 1e-12, sd, 1.0)
    return (xt - mu) / sd, (xs - mu) / sd


def _fit_predict(xt, yt, xs, params: dict, seed: int) -> np.ndarray:
    m = params["model"]
    if m in ("ols", "ridge"):
        from sklearn.linear_model import Ridge

        a, b = _standardize(xt, xs)
        return Ridge(alpha=params.get("alpha", 1e-3)).fit(a, yt).predict(b)
    if m == "krr":
        from sklearn.kernel_ridge import KernelRidge

        a, b = _standardize(xt, xs)
        mu = float(yt.mean())
        k = KernelRidge(kernel="rbf", alpha=params["alpha"], gamma=params["gamma"] / a.shape[1])
        return k.fit(a, yt - mu).predict(b) + mu
    if m == "gp":
        from sklearn.gaussian_process import GaussianProcessRegressor
        from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

        a, b = _standardize(xt, xs)
        kernel = ConstantKernel(1.0, (1e-2, 1e2)) * Matern(length_scale=np.sqrt(a.shape[1]), length_scale_bounds=(1e-1, 1e3), nu=2.5) \
            + WhiteKernel(0.5, (1e-3, 1e1))
        gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=1, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gp.fit(a, yt)
        return gp.predict(b)
    if m in ("rf", "et"):
        from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor

        a, b = fs._impute(xt, xs)
        cls, mf = (RandomForestRegressor, 0.33) if m == "rf" else (ExtraTreesRegressor, 0.5)
        t = cls(n_estimators=N_TREES, min_samples_leaf=params["min_samples_leaf"], max_features=mf, random_state=seed, n_jobs=1)
        return t.fit(a, yt).predict(b)
    if m == "hgb":
        from sklearn.ensemble import HistGradientBoostingRegressor

        h = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05, max_depth=3, min_samples_leaf=params["min_samples_leaf"],
                                          early_stopping=False, random_state=seed)
        return h.fit(xt, yt).predict(xs)  # handles NaN natively
    raise ValueError(m)


def fit_predict(data: StudyData, spec: LearnerSpec, params: dict, train, test, seed: int, y: np.ndarray,
                spy=None) -> np.ndarray:
    """Fit one candidate on `train` (targets y[train] only) and predict `test`. The vocabulary,
    imputation medians, scaling and additive means all come from `train`."""
    train, test = list(train), list(test)
    if spy is not None:
        spy(train, test)
    if params["model"] == "ols":
        xt_all = data.size if params["cols"] == "size" else np.hstack([data.size, data.parity])
        x = xt_all
    else:
        x = data.matrix(vocabulary_of(data.records, train), params["features"])
    yt = y[train]
    if spec.residual:
        base_t = _additive(data.records, y, train, train)
        base_s = _additive(data.records, y, train, test)
        return base_s + _fit_predict(x[train], yt - base_t, x[test], params, seed)
    return _fit_predict(x[train], yt, x[test], params, seed)


def _additive(records, y, train, test):
    """calibration.additive_predict on records whose targets are y (so a test can perturb y)."""
    from types import SimpleNamespace

    view = [SimpleNamespace(composition=r.composition, nuclearity=r.nuclearity, log10_k1=float(v)) for r, v in zip(records, y)]
    return additive_predict(view, train, test)


def nested_learner(data: StudyData, spec: LearnerSpec, protocol, y: np.ndarray, seed: int, spy=None, fit=None) -> dict:
    """Per outer split: inner-CV RMSE of every candidate, the chosen one, and its outer test
    predictions (refit on the whole outer training part). `fit` replaces fit_predict (round 2)."""
    fit_predict_ = fit or fit_predict
    splits = []
    for S in protocol.splits:
        scores = []
        for params in spec.candidates:
            se, n = 0.0, 0
            for tr, va in S.inner:
                p = fit_predict_(data, spec, params, tr, va, seed, y, spy)
                se += float(np.sum((y[list(va)] - p) ** 2))
                n += len(va)
            scores.append(float(np.sqrt(se / n)))
        best = int(np.argmin(scores))
        pred = fit_predict_(data, spec, spec.candidates[best], S.train, S.test, seed, y, spy)
        splits.append({"split": S.name, "innerRmse": [round(s, 5) for s in scores], "chosen": best,
                       "test": list(S.test), "pred": [round(float(v), 5) for v in pred]})
    return {"splits": splits}


def pooled_rmse(y, splits) -> float:
    idx = [i for s in splits for i in s["test"]]
    pred = np.array([p for s in splits for p in s["pred"]])
    return float(np.sqrt(np.mean((y[idx] - pred) ** 2)))


def select_splits(entries: dict) -> list[dict]:
    """entries[learner] = nested_learner output on the same protocol and seed. Per split, the
    learner whose chosen candidate has the lowest inner RMSE (ties: pre-registered order)."""
    out = []
    n = len(entries[LEARNER_KEYS[0]]["splits"])
    for k in range(n):
        best_key, best_score = None, np.inf
        for key in LEARNER_KEYS:
            s = entries[key]["splits"][k]
            sc = s["innerRmse"][s["chosen"]]
            if sc < best_score - 1e-12:
                best_key, best_score = key, sc
        s = entries[best_key]["splits"][k]
        out.append({"split": s["split"], "learner": best_key, "candidate": s["chosen"], "innerRmse": best_score,
                    "test": s["test"], "pred": s["pred"]})
    return out


# --------------------------------------------------------------------------- the study


def inputs_sha256(root: str, oof_path: str) -> str:
    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for f in (os.path.join(root, "seed", "data", "clusters.json"), os.path.join(root, fs.XTB_CACHE), oof_path,
              os.path.join(here, "model_study.py"), os.path.join(here, "feature_study.py"),
              os.path.join(here, "calibration.py"), os.path.join(here, "baselines.py"), os.path.join(here, "protocols.py")):
        with open(f, "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    sdir = os.path.join(root, "seed", "structures", "data")
    for name in sorted(os.listdir(sdir)):
        with open(os.path.join(sdir, name), "rb") as fh:
            h.update(name.encode() + hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def _summary(v):
    return {"rmseBySeed": [round(x, 4) for x in v], "rmseMean": round(float(np.mean(v)), 4),
            "rmseSd": round(float(np.std(v, ddof=1)), 4) if len(v) > 1 else 0.0}


def oof_arrays(oof: dict) -> dict:
    out = {}
    for P in oof["protocols"]:
        rows = P["rows"]
        out[P["key"]] = {"ids": [r["id"] for r in rows], "y": np.array([r["observedLog10K1"] for r in rows]),
                         "gin": np.array([r["gin"]["meanLog10K1"] for r in rows]),
                         "additive": np.array([r["additive"] for r in rows]), "split": [r["split"] for r in rows]}
    return out


def summarize(records, protocols: dict, cache: dict, oof: dict) -> dict:
    y = np.array([r.log10_k1 for r in records])
    pos = {r.id: i for i, r in enumerate(records)}
    A = oof_arrays(oof)
    table: dict = {}
    for key in LEARNER_KEYS:
        table[key] = {}
        for pk in protocols:
            table[key][pk] = _summary([pooled_rmse(y, cache[key][pk][str(s)]["splits"]) for s in SEEDS])
    sel: dict = {}
    table["select"], table["stackSelect"] = {}, {}
    for pk in protocols:
        vals = []
        for s in SEEDS:
            sel[(pk, s)] = select_splits({k: cache[k][pk][str(s)] for k in LEARNER_KEYS})
            vals.append(pooled_rmse(y, sel[(pk, s)]))
        table["select"][pk] = {**_summary(vals), "chosenLearnerBySeed": [[x["learner"] for x in sel[(pk, s)]] for s in SEEDS]}

    def sel_col(pk, s):
        p = {i: v for x in sel[(pk, s)] for i, v in zip(x["test"], x["pred"])}
        return np.array([p[pos[c]] for c in A[pk]["ids"]])

    for pk in protocols:
        vals, weights = [], []
        for s in SEEDS:
            cols = [A[pk]["gin"], A[pk]["additive"], sel_col(pk, s)]
            fixed = None
            if pk == "b":
                fixed = fs._best_stack(A["a"]["y"], [A["a"]["gin"], A["a"]["additive"], sel_col("a", s)])
            p, w = fs.cross_fitted_stack(A[pk]["y"], cols, A[pk]["split"], fixed)
            vals.append(float(np.sqrt(np.mean((A[pk]["y"] - p) ** 2))))
            weights.append(w)
        table["stackSelect"][pk] = {**_summary(vals), "weightsBySeed": weights, "weightOrder": ["gin", "additive", "select"]}
    return table


def run(records, protocols: dict, root: str, oof_path: str, out_path: str, log=print, only=None) -> dict:
    with open(os.path.join(root, fs.XTB_CACHE), encoding="utf-8") as fh:
        xtb_cache = json.load(fh)["clusters"]
    with open(oof_path, encoding="utf-8") as fh:
        oof = json.load(fh)
    digest = inputs_sha256(root, oof_path)
    doc = {}
    if os.path.exists(out_path):
        with open(out_path, encoding="utf-8") as fh:
            doc = json.load(fh)
    if doc.get("inputsSha256") != digest:
        doc = {"entries": {}}
    doc.update({"description": __doc__.strip(), "inputsSha256": digest, "preregistration": preregistration(),
                "xtbMissing": [r.id for r in records if r.id not in xtb_cache or xtb_cache[r.id].get("ipEv") is None]})
    data = StudyData(records, xtb_cache)
    y = np.array([r.log10_k1 for r in records])
    entries = doc.setdefault("entries", {})
    for spec in LEARNERS:
        if only and spec.key not in only:
            continue
        for pk, P in protocols.items():
            for s in SEEDS:
                slot = entries.setdefault(spec.key, {}).setdefault(pk, {})
                if str(s) in slot:
                    continue
                t0 = time.time()
                res = nested_learner(data, spec, P, y, s)
                res["seconds"] = round(time.time() - t0, 2)
                slot[str(s)] = res
                log(f"{spec.key} ({pk}) seed {s}: RMSE {pooled_rmse(y, res['splits']):.4f}  [{res['seconds']:.1f} s]")
                _write(out_path, doc)
    if all(str(s) in entries.get(k, {}).get(pk, {}) for k in LEARNER_KEYS for pk in protocols for s in SEEDS):
        doc["results"] = summarize(records, protocols, entries, oof)
        doc["wallSecondsSum"] = round(sum(e["seconds"] for k in LEARNER_KEYS for pk in protocols for e in entries[k][pk].values()), 1)
        _write(out_path, doc)
    return doc


def _write(path, doc):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    os.replace(tmp, path)
