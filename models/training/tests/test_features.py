"""The GIN's input encoding on a real cluster (Mo5S2⁻ from seed/data/clusters.json and its
structure file), checked against what the seed files say independently of features.py."""
from __future__ import annotations

import json
import os
import sys

import numpy as np
import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(TRAINING))
sys.path.insert(0, TRAINING)

from clusteratlas_ml.features import MAX_ATOMS, FeatureError, encode_graph, fit_normalisation, spec_from_manifest  # noqa: E402

CLUSTER_ID = "Mo5S2-anion"


def _json(*parts):
    with open(os.path.join(REPO, *parts), encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def served_spec():
    return spec_from_manifest(_json("models", "served", "manifest.json")["features"])


@pytest.fixture(scope="module")
def cluster():
    seed = next(c for c in _json("seed", "data", "clusters.json")["clusters"] if c["id"] == CLUSTER_ID)
    structure = _json("seed", "structures", "data", f"{CLUSTER_ID}.json")
    isomer = min(structure["isomers"], key=lambda iso: iso["rank"])
    return seed, structure, isomer


@pytest.fixture(scope="module")
def encoded(cluster, served_spec):
    seed, structure, isomer = cluster
    return encode_graph(isomer, seed["charge"], structure["multiplicity"], served_spec)


def test_shapes_follow_the_spec_and_the_atom_count(cluster, served_spec, encoded):
    seed, _, isomer = cluster
    x, adjacency, g = encoded
    n = sum(e["count"] for e in seed["composition"])  # 5 Mo + 2 S, from clusters.json
    assert n == 7 == len(isomer["atoms"])
    assert x.shape == (n, len(served_spec.atom_features()))
    assert adjacency.shape == (n, n)
    assert g.shape == (len(served_spec.global_features()),)
    assert np.isfinite(x).all() and np.isfinite(adjacency).all() and np.isfinite(g).all()


def test_element_one_hot_marks_each_atom_once_and_counts_the_composition(cluster, served_spec, encoded):
    seed, _, isomer = cluster
    x, _, _ = encoded
    names = [f["name"] for f in served_spec.atom_features()]
    hot = [j for j, f in enumerate(served_spec.atom_features()) if f["kind"] == "elementOneHot"]
    assert hot, "the served model uses an element one-hot"
    assert set(np.unique(x[:, hot])) <= {0.0, 1.0}
    assert (x[:, hot].sum(axis=1) == 1).all()
    for i, atom in enumerate(isomer["atoms"]):
        assert x[i, names.index(f"element={atom['element']}")] == 1.0
    counts = {names[j].split("=", 1)[1]: int(x[:, j].sum()) for j in hot if x[:, j].sum() > 0}
    assert counts == {e["element"]: e["count"] for e in seed["composition"]}


def test_element_properties_are_the_periodic_table(cluster, served_spec, encoded):
    _, _, isomer = cluster
    x, _, _ = encoded
    names = [f["name"] for f in served_spec.atom_features()]
    z = {"Mo": 42, "S": 16}
    period = {"Mo": 5, "S": 3}
    for i, atom in enumerate(isomer["atoms"]):
        assert x[i, names.index("atomicNumber")] == z[atom["element"]]
        assert x[i, names.index("period")] == period[atom["element"]]


def test_adjacency_and_bond_counts_come_from_the_structure_bonds(cluster, served_spec, encoded):
    _, _, isomer = cluster
    x, adjacency, _ = encoded
    assert np.allclose(adjacency, adjacency.T)
    assert (np.diag(adjacency) == 0).all()
    bonds = isomer["bonds"]
    assert int((adjacency != 0).sum()) == 2 * len(bonds)
    names = [f["name"] for f in served_spec.atom_features()]
    per_atom = np.zeros(len(isomer["atoms"]))
    for b in bonds:
        per_atom[b["a"]] += 1
        per_atom[b["b"]] += 1
    assert (x[:, names.index("bondCount")] == per_atom).all()


def test_globals_carry_charge_unpaired_electrons_and_atom_count(cluster, served_spec, encoded):
    seed, structure, isomer = cluster
    _, _, g = encoded
    names = [f["name"] for f in served_spec.global_features()]
    assert g[names.index("charge")] == seed["charge"] == -1
    assert g[names.index("unpairedElectrons")] == structure["multiplicity"] - 1
    assert g[names.index("atomCount")] == len(isomer["atoms"])


def test_refuses_empty_and_oversized_clusters(cluster, served_spec):
    seed, structure, isomer = cluster
    with pytest.raises(FeatureError, match="0 atoms"):
        encode_graph({**isomer, "atoms": [], "bonds": []}, seed["charge"], structure["multiplicity"], served_spec)
    too_many = {**isomer, "atoms": isomer["atoms"] * (MAX_ATOMS // len(isomer["atoms"]) + 1), "bonds": []}
    with pytest.raises(FeatureError, match=f"1..{MAX_ATOMS}"):
        encode_graph(too_many, seed["charge"], structure["multiplicity"], served_spec)


def test_normalisation_leaves_one_hot_columns_as_they_are(served_spec, encoded):
    norm = fit_normalisation([encoded, encoded], served_spec)
    for j, f in enumerate(served_spec.atom_features()):
        if f["kind"] == "elementOneHot":
            assert (norm["atomMean"][j], norm["atomStd"][j]) == (0.0, 1.0)
    assert all(s > 0 for s in norm["atomStd"] + norm["globalStd"])
