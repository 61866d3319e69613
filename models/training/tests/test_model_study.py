"""The model study's nested selection on the real 216 seed clusters: selection never sees an
outer test cluster (neither as a fit row nor through its target), and seeded runs reproduce."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import replace

import numpy as np
import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(TRAINING))
sys.path.insert(0, TRAINING)

from clusteratlas_ml import model_study as ms  # noqa: E402
from clusteratlas_ml.data import load_clusters  # noqa: E402
from clusteratlas_ml.protocols import build_protocols  # noqa: E402


@pytest.fixture(scope="module")
def setup():
    records, missing = load_clusters()
    assert missing == []
    with open(os.path.join(REPO, "seed", "features", "xtb-electronic.json"), encoding="utf-8") as fh:
        cache = json.load(fh)["clusters"]
    protocols = {p.key: p for p in build_protocols(records)}
    y = np.array([r.log10_k1 for r in records])
    return records, ms.StudyData(records, cache), protocols, y


def _first_splits(P, n):
    return replace(P, splits=P.splits[:n])


def _spec(key):
    return next(s for s in ms.LEARNERS if s.key == key)


@pytest.mark.parametrize("pk", ["a", "b", "c"])
def test_every_fit_during_selection_stays_inside_the_outer_training_part(setup, pk):
    records, data, protocols, y = setup
    P = _first_splits(protocols[pk], 2)
    for S in P.splits:
        outer_train, outer_test = set(S.train), set(S.test)
        calls = []
        ms.nested_learner(data, _spec("ridgeAdd"), replace(P, splits=(S,)), y, 0, spy=lambda tr, te: calls.append((tr, te)))
        n_cand = len(_spec("ridgeAdd").candidates)
        assert len(calls) == n_cand * len(S.inner) + 1
        for tr, te in calls[:-1]:  # selection fits: inner train → inner validation
            assert set(tr) <= outer_train and set(te) <= outer_train
            assert not (set(tr) | set(te)) & outer_test
            assert not set(tr) & set(te)
        assert calls[-1] == (list(S.train), list(S.test))  # one refit, the only time test rows appear


@pytest.mark.parametrize("key", ["krrAdd", "addSizeParity"])
def test_outer_test_targets_cannot_change_the_choice_or_the_prediction(setup, key):
    """Scramble the targets of the outer test clusters: chosen candidate, inner scores and test
    predictions must be identical (additive means, scaling, vocabulary all from training rows)."""
    records, data, protocols, y = setup
    rng = np.random.default_rng(7)
    for pk in ("a", "c"):
        P = _first_splits(protocols[pk], 2)
        ref = ms.nested_learner(data, _spec(key), P, y, 0)
        y2 = y.copy()
        for S in P.splits:
            t = list(S.test)
            y2[t] = rng.normal(0, 50, len(t))
            got = ms.nested_learner(data, _spec(key), replace(P, splits=(S,)), y2, 0)["splits"][0]
            want = next(s for s in ref["splits"] if s["split"] == S.name)
            assert got["chosen"] == want["chosen"] and got["innerRmse"] == want["innerRmse"]
            assert got["pred"] == want["pred"]
            y2[t] = y[t]


def test_seeded_run_is_reproducible_and_seed_matters(setup):
    records, data, protocols, y = setup
    P = _first_splits(protocols["b"], 1)
    P = replace(P, splits=(replace(P.splits[0], inner=P.splits[0].inner[:2]),))
    a = ms.nested_learner(data, _spec("et"), P, y, 1)
    b = ms.nested_learner(data, _spec("et"), P, y, 1)
    c = ms.nested_learner(data, _spec("et"), P, y, 2)
    assert a == b
    assert a["splits"][0]["pred"] != c["splits"][0]["pred"]


def test_select_takes_the_lowest_inner_score_per_split():
    def entry(scores, chosen, pred):
        return {"splits": [{"split": "s", "innerRmse": scores, "chosen": chosen, "test": [0], "pred": [pred]}]}

    entries = {k: entry([9.0], 0, 0.0) for k in ms.LEARNER_KEYS}
    entries["krr"] = entry([0.8, 0.5], 1, 1.0)
    entries["hgb"] = entry([0.5], 0, 2.0)  # tie with krr: the earlier learner in the pre-registered order wins
    (s,) = ms.select_splits(entries)
    assert s["learner"] == "krr" and s["pred"] == [1.0]


def test_additive_residual_uses_the_project_baseline(setup):
    """_additive with the true targets is calibration.additive_predict on the real records."""
    from clusteratlas_ml.calibration import additive_predict

    records, data, protocols, y = setup
    S = protocols["b"].splits[0]
    np.testing.assert_allclose(ms._additive(records, y, S.train, S.test), additive_predict(records, S.train, S.test))


def test_elem_features_of_a_heteronuclear_cluster(setup):
    records = setup[0]
    r = next(r for r in records if r.id == "Rh2Co-anion")
    group, period, *_rest, spread, nm = ms.elem_features(r)
    assert group == pytest.approx(9.0) and period == pytest.approx((2 * 5 + 4) / 3)
    assert spread == 0 and nm == 0


# ---- round 2 (designed after round 1) ----


def _spec2(key):
    from clusteratlas_ml import model_study_round2 as r2

    return next(s for s in r2.LEARNERS2 if s.key == key)


@pytest.mark.parametrize("key", ["addLsq", "krrAddLsq"])
def test_round2_outer_test_targets_cannot_change_anything(setup, key):
    from clusteratlas_ml import model_study_round2 as r2

    records, data, protocols, y = setup
    rng = np.random.default_rng(11)
    P = protocols["c"]
    S = next(s for s in P.splits if s.name == "Fe")  # Fe–V and Fe–Ta stay in training
    P1 = replace(P, splits=(S,))
    calls = []
    ref = r2.nested2(data, _spec2(key), P1, y, 0, spy=lambda tr, te: calls.append((tr, te)))
    for tr, te in calls[:-1]:
        assert set(tr) <= set(S.train) and set(te) <= set(S.train)
    y2 = y.copy()
    y2[list(S.test)] = rng.normal(0, 50, len(S.test))
    assert r2.nested2(data, _spec2(key), P1, y2, 0) == ref


def test_round2_learners_are_deterministic(setup):
    from clusteratlas_ml import model_study_round2 as r2

    records, data, protocols, y = setup
    P = _first_splits(protocols["a"], 1)
    for key in ("krrWide", "krrAddLsq"):
        assert r2.nested2(data, _spec2(key), P, y, 0) == r2.nested2(data, _spec2(key), P, y, 2)


def test_additive_lsq_uses_heteronuclear_training_clusters():
    """Fe has no homonuclear training cluster, but FeV does: β_Fe is recovered from it."""
    from types import SimpleNamespace as R

    from clusteratlas_ml import model_study_round2 as r2

    recs = [R(composition=[("V", 2)]), R(composition=[("V", 3)]), R(composition=[("Fe", 1), ("V", 1)]), R(composition=[("Fe", 2)])]
    y = np.array([-12.0, -12.0, -13.0, np.nan])
    p = r2.additive_lsq(recs, y, [0, 1, 2], [3], lam=1e-9)
    assert p[0] == pytest.approx(-14.0, abs=1e-5)
