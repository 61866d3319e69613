"""The evaluation job cache: cached held-out predictions are bit-identical to fresh ones, a fit is
keyed by everything its result depends on, and a rerun takes cached fits without refitting."""
from __future__ import annotations

import os
import sys

import numpy as np
import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TRAINING)

from clusteratlas_ml import evaluate as ev  # noqa: E402
from clusteratlas_ml.baselines import RF_CANDIDATES  # noqa: E402
from clusteratlas_ml.data import load_clusters  # noqa: E402
from clusteratlas_ml.job_cache import JobCache  # noqa: E402


@pytest.fixture(scope="module")
def records():
    recs, missing = load_clusters()
    assert missing == []
    return recs


def test_round_trip_keeps_dtype_and_every_bit(tmp_path):
    path = str(tmp_path / "jobs.jsonl")
    mean32 = np.array([-13.564640045166016, -12.1, 1e-7], dtype=np.float32)
    mean64 = np.array([-12.46852108, np.nextafter(-12.0, 0.0)])
    cache = JobCache(path, "data-sha")
    cache.put("a", (mean32, mean32 * 2))
    cache.put("b", (mean64, None))
    again = JobCache(path, "data-sha")
    a_mean, a_std = again.get("a")
    b_mean, b_std = again.get("b")
    assert a_mean.dtype == np.float32 and a_mean.tobytes() == mean32.tobytes()
    assert a_std.tobytes() == (mean32 * 2).tobytes()
    assert b_mean.dtype == np.float64 and b_mean.tobytes() == mean64.tobytes()
    assert b_std is None


def test_key_changes_with_data_indices_seeds_and_config(tmp_path):
    cache = JobCache(str(tmp_path / "jobs.jsonl"), "data-sha")
    job = ("gin", {"n_estimators": 300}, (1, 2, 3), (4,), (0,), False)
    base = ev._cache_key(cache, job)
    assert ev._cache_key(cache, ("gin#2",) + job[1:]) == base  # a repeat's fit is the same fit
    assert ev._cache_key(cache, (job[0], job[1], (1, 2), job[3], job[4], False)) != base
    assert ev._cache_key(cache, (job[0], job[1], job[2], (5,), job[4], False)) != base
    assert ev._cache_key(cache, (job[0], job[1], job[2], job[3], (1,), False)) != base
    assert ev._cache_key(cache, (job[0], {"n_estimators": 20}, job[2], job[3], job[4], False)) != base
    other_data = JobCache(str(tmp_path / "other.jsonl"), "other-data-sha")
    assert ev._cache_key(other_data, job) != base


def test_rerun_takes_cached_fits_without_refitting(tmp_path, records, monkeypatch):
    homo = [i for i, r in enumerate(records) if r.nuclearity == "homonuclear"]
    hetero = [i for i, r in enumerate(records) if r.nuclearity == "heteronuclear"]
    cfg = dict(RF_CANDIDATES[0], n_estimators=10)
    jobs = [("rfComposition", cfg, tuple(homo), tuple(hetero), (0,), False),
            ("mean", None, tuple(homo), tuple(hetero[:5]), (0,), False)]
    ev._STATE.update(records=records, descriptors={}, cache=JobCache(str(tmp_path / "jobs.jsonl"), "sha"))
    try:
        fresh = ev.run_jobs(jobs, "fresh", workers=1)
        ev._STATE["cache"] = JobCache(str(tmp_path / "jobs.jsonl"), "sha")

        def refit(_job):
            raise AssertionError("a cached fit was refitted")

        monkeypatch.setattr(ev, "_job", refit)
        cached = ev.run_jobs(jobs, "cached", workers=1)
    finally:
        ev._STATE.pop("cache", None)
    for (m1, s1), (m2, s2) in zip(fresh, cached):
        assert m1.tobytes() == m2.tobytes() and s1 is None and s2 is None
    assert len(fresh[0][0]) == len(hetero) and np.isfinite(fresh[0][0]).all()
    y_homo = np.array([records[i].log10_k1 for i in homo])
    assert np.allclose(fresh[1][0], y_homo.mean())
