"""The model card's figures over seed repeats and its family-mean reference: the summary arithmetic
on known errors, and the committed card checked against its own held-out rows."""
from __future__ import annotations

import json
import os
import sys

import numpy as np
import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVED = os.path.join(os.path.dirname(TRAINING), "served")
sys.path.insert(0, TRAINING)

from clusteratlas_ml.data import load_clusters  # noqa: E402
from clusteratlas_ml.evaluate import ProtocolResult, SplitResult  # noqa: E402
from clusteratlas_ml.protocols import build_protocols  # noqa: E402
from clusteratlas_ml.report import over_seeds  # noqa: E402


def _card():
    with open(os.path.join(SERVED, "model-card.json"), encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def setup():
    records, missing = load_clusters()
    assert missing == []
    return records, build_protocols(records)


def test_over_seeds_summarises_each_repeat_pooled_over_its_splits(setup):
    records, protocols = setup
    b = next(P for P in protocols if P.key == "b")
    y = np.array([records[i].log10_k1 for i in b.splits[0].test])
    results = {}
    # Every held-out cluster off by a constant: the pooled RMSE of repeat r is that constant.
    for r, offset in enumerate((0.5, -0.7, 0.9)):
        key = "gin" if r == 0 else f"gin#{r}"
        results[(key, "b")] = ProtocolResult(key, "b", [SplitResult(b.splits[0].name, 0, [], b.splits[0].test, y + offset)])
    results[("mean", "b")] = ProtocolResult("mean", "b", [SplitResult(b.splits[0].name, 0, [], b.splits[0].test, y + 0.25)])
    table = over_seeds(records, [b], results, 3)["b"]
    assert table["gin"]["rmseBySeed"] == pytest.approx([0.5, 0.7, 0.9], abs=1e-4)
    assert table["gin"]["rmseMean"] == pytest.approx(0.7, abs=1e-4)
    assert table["gin"]["rmseSd"] == pytest.approx(0.2, abs=1e-4)  # sample sd of 0.5, 0.7, 0.9
    # Averaging the repeats' predictions: offsets +0.5, −0.7, +0.9 average to +0.7/3.
    assert table["gin"]["rmseOfRepeatAverage"] == pytest.approx(0.7 / 3, abs=1e-4)
    # A learner evaluated once (deterministic) has no sd.
    assert table["mean"] == {"rmseBySeed": [0.25], "rmseMean": 0.25, "rmseSd": None}


def test_committed_card_repeat_zero_is_the_evaluation_it_reports():
    card = _card()
    seeds = card["metricsOverSeeds"]
    assert seeds["repeats"] == 3
    for pk in ("a", "b", "c"):
        for learner, v in seeds["rmse"][pk].items():
            assert v["rmseBySeed"][0] == card["metrics"][pk][learner]["rmse"]
        gin = seeds["rmse"][pk]["gin"]
        assert len(gin["rmseBySeed"]) == 3 and gin["rmseSd"] > 0


def test_committed_family_mean_reference_matches_the_held_out_rows(setup):
    records, _ = setup
    family = {r.id: r.family for r in records}
    card = _card()
    with open(os.path.join(SERVED, "oof-predictions.json"), encoding="utf-8") as fh:
        oof = json.load(fh)
    for P in oof["protocols"]:
        by_family: dict = {}
        for row in P["rows"]:
            by_family.setdefault(family[row["id"]], []).append(row["observedLog10K1"])
        sq = [(v - np.mean(vals)) ** 2 for vals in by_family.values() for v in vals]
        assert card["familyMeanOracle"]["rmse"][P["key"]] == pytest.approx(np.sqrt(np.mean(sq)), abs=1e-4)
    assert card["familyMeanOracle"]["rmse"]["b"] > 0.65  # the (b) target is below what family means allow


def test_committed_held_out_rows_keep_the_ensembles_sd_and_every_repeat():
    with open(os.path.join(SERVED, "oof-predictions.json"), encoding="utf-8") as fh:
        oof = json.load(fh)
    for P in oof["protocols"]:
        for row in P["rows"]:
            for key in ("gin", "ginGraph"):
                assert set(row[key]) == {"meanLog10K1", "stdLog10K1"} and row[key]["stdLog10K1"] >= 0
            assert len(row["ginOtherSeeds"]) == 2
            assert all(isinstance(row[k], float) for k in ("mean", "additive", "ginShrunk"))
