"""The three evaluation protocols' splits over the real 216 seed clusters: held-out data never
leaks into training or into hyperparameter selection, and each protocol holds out what it says."""
from __future__ import annotations

import json
import os
import sys

import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(TRAINING))
sys.path.insert(0, TRAINING)

from clusteratlas_ml.data import load_clusters  # noqa: E402
from clusteratlas_ml.protocols import build_protocols  # noqa: E402

# Non-metals (the seed has C, H, N, S): an independent list, so the split is checked without elements.py.
NON_METALS = {"H", "B", "C", "N", "O", "F", "Si", "P", "S", "Cl", "Se", "Br", "I"}


@pytest.fixture(scope="module")
def records():
    recs, missing = load_clusters()
    assert missing == []
    return recs


@pytest.fixture(scope="module")
def protocols(records):
    return {p.key: p for p in build_protocols(records)}


@pytest.fixture(scope="module")
def seed():
    with open(os.path.join(REPO, "seed", "data", "clusters.json"), encoding="utf-8") as fh:
        return {c["id"]: c for c in json.load(fh)["clusters"]}


def _metals(seed_cluster):
    return {e["element"] for e in seed_cluster["composition"] if e["element"] not in NON_METALS}


def _check_inner(split):
    """Inner (selection) splits live inside the outer training set and never touch its test set."""
    train, test = set(split.train), set(split.test)
    assert split.inner
    for inner_train, inner_val in split.inner:
        assert inner_val and inner_train
        assert set(inner_train) | set(inner_val) == train
        assert not set(inner_train) & set(inner_val)
        assert not (set(inner_train) | set(inner_val)) & test


def test_three_protocols(protocols):
    assert sorted(protocols) == ["a", "b", "c"]


def test_a_folds_are_disjoint_and_cover_the_homonuclear_clusters(records, protocols, seed):
    homo = {i for i, r in enumerate(records) if seed[r.id]["nuclearity"] == "homonuclear"}
    splits = protocols["a"].splits
    assert len(splits) == len({seed[r.id]["cvFold"] for r in records if seed[r.id]["nuclearity"] == "homonuclear"}) == 10
    seen: set[int] = set()
    for s in splits:
        test = set(s.test)
        assert not test & seen, "a cluster is tested in two folds"
        seen |= test
        assert not test & set(s.train)
        assert set(s.train) | test == homo
        assert len({seed[records[i].id]["cvFold"] for i in test}) == 1, "a test fold is one of the authors' folds"
        _check_inner(s)
    assert seen == homo and len(homo) == 159


def test_b_trains_on_homonuclear_and_tests_on_heteronuclear(records, protocols, seed):
    (split,) = protocols["b"].splits
    train = [records[i].id for i in split.train]
    test = [records[i].id for i in split.test]
    assert len(train) == 159 and len(test) == 57
    assert sorted(train + test) == sorted(seed)
    # Homonuclear = one metal element, whatever else the cluster carries (e.g. Mo5S2⁻).
    assert all(len(_metals(seed[i])) == 1 for i in train)
    assert all(len(_metals(seed[i])) >= 2 for i in test)
    _check_inner(split)


def test_c_holds_out_exactly_one_family_each_time(records, protocols, seed):
    splits = protocols["c"].splits
    everything = set(range(len(records)))
    held_out: list[frozenset[str]] = []
    for s in splits:
        test_families = {frozenset(_metals(seed[records[i].id])) for i in s.test}
        assert len(test_families) == 1, f"split {s.name} holds out {len(test_families)} families"
        (family,) = test_families
        assert all(frozenset(_metals(seed[records[i].id])) != family for i in s.train)
        assert set(s.train) | set(s.test) == everything and not set(s.train) & set(s.test)
        held_out.append(family)
        _check_inner(s)
    assert len(held_out) == len(set(held_out)) == len({frozenset(_metals(c)) for c in seed.values()})


def test_c_inner_splits_keep_families_whole(records, protocols):
    for s in protocols["c"].splits:
        for inner_train, inner_val in s.inner:
            assert not {records[i].family for i in inner_train} & {records[i].family for i in inner_val}
