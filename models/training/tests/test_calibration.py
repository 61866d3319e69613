"""Coverage of the served conformal intervals on held-out data, recomputed here from the raw
out-of-fold rows of every seed repeat of the evaluation with a plain order statistic (not the
crepes code path that produced them)."""
from __future__ import annotations

import json
import math
import os
import sys

import numpy as np
import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVED = os.path.join(os.path.dirname(TRAINING), "served")
sys.path.insert(0, TRAINING)

from clusteratlas_ml import calibration as cal  # noqa: E402


def _load(name):
    with open(os.path.join(SERVED, name), encoding="utf-8") as fh:
        return json.load(fh)


def _rows(protocol):
    return next(p for p in _load("oof-predictions.json")["protocols"] if p["key"] == protocol)["rows"]


def _every_repeat(rows):
    """(observed, prediction, split, nuclearity) of every held-out prediction of every seed repeat."""
    out = []
    for r in rows:
        for pred in [r["gin"]] + r["ginOtherSeeds"]:
            out.append((r["observedLog10K1"], pred["meanLog10K1"], r["split"], r["nuclearity"]))
    return out


def _split_conformal_q(abs_scores, confidence):
    """⌈(n + 1)·c⌉-th smallest score: the textbook finite-sample split-conformal quantile."""
    s = np.sort(abs_scores)
    k = math.ceil((len(s) + 1) * confidence)
    return s[k - 1]


@pytest.mark.parametrize("protocol", ["a", "c"])
@pytest.mark.parametrize("confidence", [0.68, 0.95])
def test_nested_coverage_within_five_points(protocol, confidence):
    rows = _every_repeat(_rows(protocol))
    assert len(rows) == 3 * len(_rows(protocol))
    y = np.array([r[0] for r in rows])
    p = np.array([r[1] for r in rows])
    split = np.array([r[2] for r in rows], dtype=object)
    nuc = np.array([r[3] for r in rows], dtype=object)
    method = _load("calibration.json")["method"]
    assert method["score"] == "absolute", "this test recomputes the absolute-residual score"
    assert method["bins"] == "nuclearity"
    hits = {"homonuclear": [], "heteronuclear": []}
    for g in sorted(set(split)):
        for b in sorted(set(nuc[split == g])):
            held = (split == g) & (nuc == b)
            calib = (split != g) & (nuc == b)  # Mondrian: the other groups' residuals of the same class
            q = _split_conformal_q(np.abs(y[calib] - p[calib]), confidence)
            hits[b].extend(np.abs(y[held] - p[held]) <= q)
    every = hits["homonuclear"] + hits["heteronuclear"]
    assert abs(np.mean(every) - confidence) <= 0.05
    for b, h in hits.items():  # and within each class (protocol a has homonuclear clusters only)
        if h:
            assert abs(np.mean(h) - confidence) <= 0.05, b


def test_crepes_halfwidth_is_the_split_conformal_order_statistic():
    rng = np.random.default_rng(3)
    r = rng.normal(size=57)
    for c in (0.68, 0.95):
        assert cal.halfwidth(r, c) == pytest.approx(_split_conformal_q(np.abs(r), c))


def test_served_halfwidths_match_the_held_out_residuals_of_every_seed_repeat():
    calib = _load("calibration.json")
    rows = _every_repeat(_rows(calib["protocol"]))
    res = np.abs([y - p for y, p, _, _ in rows])
    assert calib["calibrationSetSize"] == len(res)
    for key, c in (("68", 0.68), ("95", 0.95)):
        assert calib["halfWidth"][key] == pytest.approx(_split_conformal_q(res, c), abs=1e-5)
        for b in ("homonuclear", "heteronuclear"):
            res_b = np.abs([y - p for y, p, _, n in rows if n == b])
            assert calib["halfWidthByNuclearity"][b][key] == pytest.approx(_split_conformal_q(res_b, c), abs=1e-5)


def test_additive_baseline_uses_training_metals_only():
    from types import SimpleNamespace as R

    recs = [
        R(composition=[("Fe", 2)], nuclearity="homonuclear", log10_k1=-10.0),
        R(composition=[("V", 3)], nuclearity="homonuclear", log10_k1=-12.0),
        R(composition=[("Fe", 1), ("V", 3)], nuclearity="heteronuclear", log10_k1=-9.0),
        R(composition=[("Mo", 2), ("S", 1)], nuclearity="homonuclear", log10_k1=-13.0),
    ]
    out = cal.additive_predict(recs, [0, 1], [2, 3])
    assert out[0] == pytest.approx(0.25 * -10.0 + 0.75 * -12.0)
    # Mo has no training cluster: the training mean.
    assert out[1] == pytest.approx(-11.0)


def test_served_halfwidths_cover_each_seed_repeat_within_ten_points():
    """Calibrated on all repeats together, the served half-widths must not be tuned to one lucky
    repeat: each repeat alone is covered near nominal (one repeat is 216 correlated clusters, so
    the tolerance is wider than the pooled ±5 points)."""
    calib = _load("calibration.json")
    rows = _rows(calib["protocol"])
    n_repeats = 1 + len(rows[0]["ginOtherSeeds"])
    assert n_repeats == 3
    for k in range(n_repeats):
        res = np.abs([r["observedLog10K1"] - ([r["gin"]] + r["ginOtherSeeds"])[k]["meanLog10K1"] for r in rows])
        for key, c in (("68", 0.68), ("95", 0.95)):
            q = np.array([calib["halfWidthByNuclearity"][r["nuclearity"]][key] for r in rows])
            assert abs(np.mean(res <= q) - c) <= 0.10


def test_per_family_coverage_in_calibration_json_is_the_nested_mondrian_coverage():
    """The figures the server quotes in its family caveat, recomputed from the raw rows."""
    calib = _load("calibration.json")
    assert calib["method"]["score"] == "absolute" and calib["method"]["bins"] == "nuclearity"
    rows = _every_repeat(_rows(calib["protocol"]))
    y = np.array([r[0] for r in rows])
    p = np.array([r[1] for r in rows])
    split = np.array([r[2] for r in rows], dtype=object)
    nuc = np.array([r[3] for r in rows], dtype=object)
    families = calib["nestedCoverageByFamily"]["families"]
    assert sorted(families) == sorted(set(split))
    for g, stated in families.items():
        held = split == g
        (b,) = set(nuc[held])
        calib_rows = (split != g) & (nuc == b)
        assert stated["n"] == held.sum()
        for key, c in (("68", 0.68), ("95", 0.95)):
            q = _split_conformal_q(np.abs(y[calib_rows] - p[calib_rows]), c)
            assert stated[key] == pytest.approx(np.mean(np.abs(y[held] - p[held]) <= q), abs=1e-4)
