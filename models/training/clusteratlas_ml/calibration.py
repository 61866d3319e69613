"""Conformal prediction intervals on out-of-fold residuals, their nested coverage, and the
parameter-free per-metal additive baseline (with the GIN shrunk toward it).

Everything here reads only held-out predictions (oof-predictions.json) and measured targets, so it
runs in seconds after training and again whenever the out-of-fold file changes.

Conformal method: split-conformal regression (crepes.ConformalRegressor) with the held-out
predictions of a protocol as the calibration set, i.e. the CV+/jackknife+ style use of
out-of-fold residuals. Two nonconformity scores are compared by nested evaluation (calibrate on
the other folds/families, score the held-out one): plain |y − ŷ| and |y − ŷ| / (σ + β) with σ the
ensemble standard deviation and β its median (fixed in advance so σ ≈ 0 cannot make a zero-width
interval). The one with the narrower mean nested 95 % width among those whose nested coverage
is within 5 points of nominal is served.
"""
from __future__ import annotations

import warnings

import numpy as np

from .elements import is_metal
from .metrics import regression_metrics

CONFIDENCES = (0.68, 0.95)
# Which protocol's held-out residuals calibrate the served intervals (see headline protocol).
SERVED_PROTOCOL = "c"


def _regressor():
    from crepes import ConformalRegressor

    return ConformalRegressor()


def halfwidth(residuals, confidence: float, scales=None) -> float:
    """Split-conformal multiplier q: the interval is ŷ ± q·scale (scale = 1 for plain residuals).
    crepes takes the ⌊(1 − c)(n + 1)⌋-th largest score, the finite-sample-valid quantile."""
    cr = _regressor().fit(np.asarray(residuals, dtype=float), sigmas=None if scales is None else np.asarray(scales, dtype=float))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # too few calibration points must fail loudly, not give ±inf
        iv = cr.predict_int(np.zeros(1), sigmas=None if scales is None else np.ones(1), confidence=confidence)
    return float(iv[0, 1])


def scales_for(method: dict, std: np.ndarray) -> np.ndarray | None:
    if method["score"] == "absolute":
        return None
    return np.asarray(std, dtype=float) + method["beta"]


def nested_coverage(y, pred, std, groups, method: dict, confidences=CONFIDENCES, bins=None) -> dict:
    """For each group g: calibrate on every other group's residuals (with a Mondrian method, only
    those in the same bin as the test point), build intervals for g, count hits. Returns pooled
    coverage and mean width per confidence, per group and per bin."""
    y, pred, std = (np.asarray(a, dtype=float) for a in (y, pred, std))
    groups = np.asarray(groups, dtype=object)
    # `labels` are reported per bin for every method; only a Mondrian method calibrates within them.
    labels = np.asarray(bins if bins is not None else ["all"] * len(y), dtype=object)
    bins = labels if method.get("bins") else np.asarray(["all"] * len(y), dtype=object)
    out = {}
    for c in confidences:
        hit = np.zeros(len(y), dtype=bool)
        width = np.zeros(len(y))
        per_group = []
        for g in sorted(set(groups.tolist()), key=str):
            for b in sorted(set(bins[groups == g].tolist())):
                test = (groups == g) & (bins == b)
                cal = (groups != g) & (bins == b)
                q = halfwidth(y[cal] - pred[cal], c, scales_for(method, std[cal]))
                sc_test = scales_for(method, std[test])
                hw = q * (1.0 if sc_test is None else sc_test)
                hit[test] = np.abs(y[test] - pred[test]) <= hw
                width[test] = 2 * hw
            test = groups == g
            per_group.append({"group": str(g), "n": int(test.sum()), "coverage": round(float(hit[test].mean()), 4)})
        out[f"{round(c * 100)}"] = {
            "nominal": c,
            "coverage": round(float(hit.mean()), 4),
            "meanWidthLog10": round(float(width.mean()), 4),
            "n": int(len(y)),
            "perGroup": per_group,
            "perBin": [{"bin": str(b), "n": int((labels == b).sum()), "coverage": round(float(hit[labels == b].mean()), 4)}
                       for b in sorted(set(labels.tolist()))],
        }
    return out


def transfer_coverage(y_cal, p_cal, s_cal, y_test, p_test, s_test, method: dict, confidences=CONFIDENCES) -> dict:
    """Calibrate on one protocol's held-out residuals, score another's (protocol b: homonuclear
    residuals calibrate, heteronuclear clusters are scored)."""
    out = {}
    for c in confidences:
        q = halfwidth(np.asarray(y_cal) - np.asarray(p_cal), c, scales_for(method, np.asarray(s_cal)))
        sc = scales_for(method, np.asarray(s_test))
        hw = q * (1.0 if sc is None else sc)
        hit = np.abs(np.asarray(y_test) - np.asarray(p_test)) <= hw
        out[f"{round(c * 100)}"] = {"nominal": c, "coverage": round(float(hit.mean()), 4),
                                    "meanWidthLog10": round(float(np.mean(2 * hw)), 4), "n": int(len(hit))}
    return out


def candidate_methods(std_all: np.ndarray) -> list[dict]:
    beta = float(np.median(std_all))
    plain = [
        {"name": "absolute", "score": "absolute", "description": "|y − ŷ|; interval ŷ ± q"},
        {"name": "sigma-normalised", "score": "sigma", "beta": round(beta, 5),
         "description": "|y − ŷ| / (σ + β), σ = ensemble SD, β = median σ of the calibration set; interval ŷ ± q·(σ + β)"},
    ]
    # Mondrian (class-conditional) variants: q calibrated separately for homonuclear and
    # heteronuclear clusters, a property every new structure has, so each class is covered.
    mondrian = [dict(m, name=f"{m['name']}, by nuclearity", bins="nuclearity",
                     description=m["description"] + "; q calibrated separately for homo- and heteronuclear clusters (Mondrian)")
                for m in plain]
    return plain + mondrian


# ---------------------------------------------------------------- additive per-metal baseline

def metal_weights(record) -> dict[str, float]:
    metals = [(el, n) for el, n in record.composition if is_metal(el)]
    total = sum(n for _, n in metals)
    return {el: n / total for el, n in metals}


def additive_predict(records, train_idx, test_idx) -> np.ndarray:
    """Each test cluster = Σ_metal w_metal · (mean log10 k1 of the training homonuclear clusters of
    that metal), w = the metal's share of the metal atoms. A metal without homonuclear training
    clusters takes the mean of all training targets. Parameter-free; uses training targets only."""
    by_metal: dict[str, list[float]] = {}
    for i in train_idx:
        r = records[i]
        if r.nuclearity == "homonuclear":
            (el,) = metal_weights(r).keys()
            by_metal.setdefault(el, []).append(r.log10_k1)
    fallback = float(np.mean([records[i].log10_k1 for i in train_idx]))
    means = {el: float(np.mean(v)) for el, v in by_metal.items()}
    return np.array([sum(w * means.get(el, fallback) for el, w in metal_weights(records[i]).items()) for i in test_idx])


SHRINK_GRID = tuple(round(w, 2) for w in np.linspace(0.0, 1.0, 11))


def _best_weight(y, gin, add) -> float:
    """Weight w on the GIN in w·GIN + (1 − w)·additive with the lowest RMSE on the given rows."""
    rmse = [float(np.sqrt(np.mean((y - (w * gin + (1 - w) * add)) ** 2))) for w in SHRINK_GRID]
    return SHRINK_GRID[int(np.argmin(rmse))]


def shrunk_predictions(y, gin, add, groups, fixed_weight: float | None = None):
    """Cross-fitted shrinkage: the weight for held-out group g is chosen on the held-out
    predictions of the other groups only (never on g's targets). With fixed_weight (protocol b,
    one split) that weight is used as given."""
    y, gin, add = (np.asarray(a, dtype=float) for a in (y, gin, add))
    groups = np.asarray(groups, dtype=object)
    out = np.zeros(len(y))
    weights = {}
    for g in sorted(set(groups.tolist()), key=str):
        test = groups == g
        w = fixed_weight if fixed_weight is not None else _best_weight(y[~test], gin[~test], add[~test])
        weights[str(g)] = w
        out[test] = w * gin[test] + (1 - w) * add[test]
    return out, weights


def rmse_summary(y, pred) -> dict:
    m = regression_metrics(y, pred)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in m.items()}
