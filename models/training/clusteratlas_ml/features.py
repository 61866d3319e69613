"""Turns a cluster structure into the dense tensors the GIN reads.

The encoding is data, not code: `FeatureSpec.to_manifest()` lists every feature with its kind,
and the TypeScript featurizer (server/src/ml/featurize.ts) interprets the same list, so the two
sides cannot drift apart silently (the golden-input test compares them value by value).
Normalisation is NOT applied here: the exported graph standardises its own inputs with buffers
fitted on the training set, so both sides feed raw physical values.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .elements import element_table

MAX_ATOMS = 50

ELEMENT_PROPERTIES = (
    "atomicNumber",
    "period",
    "group",
    "valenceElectrons",
    "paulingElectronegativity",
    "covalentRadiusAngstrom",
    "firstIonizationEnergyEv",
)


@dataclass
class FeatureSpec:
    vocabulary: list[str]
    atom_properties: list[str]  # per-atom xtb values read from the structure file
    atom_vector_properties: list[str]  # per-atom xtb 3-vectors, encoded by their length
    global_properties: list[str]  # per-isomer xtb values read from the structure file
    adjacency: str  # "binary" | "wiberg"
    one_hot: bool = True

    def atom_features(self) -> list[dict]:
        feats: list[dict] = []
        if self.one_hot:
            feats += [{"name": f"element={el}", "kind": "elementOneHot", "element": el} for el in self.vocabulary]
        feats += [{"name": p, "kind": "elementProperty", "property": p} for p in ELEMENT_PROPERTIES]
        feats += [{"name": p, "kind": "atomProperty", "property": p} for p in self.atom_properties]
        feats += [{"name": f"|{p}|", "kind": "atomVectorNorm", "property": p} for p in self.atom_vector_properties]
        feats += [{"name": "bondCount", "kind": "bondCount"}]
        return feats

    def global_features(self) -> list[dict]:
        feats = [
            {"name": "charge", "kind": "clusterCharge"},
            {"name": "unpairedElectrons", "kind": "unpairedElectrons"},
            {"name": "atomCount", "kind": "atomCount"},
        ]
        feats += [{"name": p, "kind": "isomerProperty", "property": p} for p in self.global_properties]
        return feats

    def to_manifest(self) -> dict:
        return {
            "maxAtoms": MAX_ATOMS,
            "vocabulary": self.vocabulary,
            "atomFeatures": self.atom_features(),
            "globalFeatures": self.global_features(),
            "adjacency": {
                "kind": self.adjacency,
                "description": "symmetric N×N; entry (a,b) = 1 for each bond in the structure file"
                if self.adjacency == "binary"
                else "symmetric N×N; entry (a,b) = Wiberg bond order of each bond in the structure file",
                "selfLoops": False,
            },
            "elementProperties": {el: element_table()[el] for el in sorted(element_table())},
        }


def spec_from_manifest(features: dict) -> "FeatureSpec":
    """Rebuilds the spec a manifest was written from, and checks it yields the same feature list."""
    atom = features["atomFeatures"]
    spec = FeatureSpec(
        vocabulary=list(features["vocabulary"]),
        atom_properties=[f["property"] for f in atom if f["kind"] == "atomProperty"],
        atom_vector_properties=[f["property"] for f in atom if f["kind"] == "atomVectorNorm"],
        global_properties=[f["property"] for f in features["globalFeatures"] if f["kind"] == "isomerProperty"],
        adjacency=features["adjacency"]["kind"],
        one_hot=any(f["kind"] == "elementOneHot" for f in atom),
    )
    if spec.atom_features() != atom or spec.global_features() != features["globalFeatures"]:
        raise ValueError("manifest feature list is not one this version of features.py writes")
    return spec


class FeatureError(ValueError):
    pass


def encode_graph(isomer: dict, charge: int, multiplicity: int, spec: FeatureSpec):
    """Raw (unnormalised) float64 arrays: atom features [n,F], adjacency [n,n], globals [G]."""
    atoms = isomer["atoms"]
    n = len(atoms)
    if n == 0 or n > MAX_ATOMS:
        raise FeatureError(f"cluster has {n} atoms; the model accepts 1..{MAX_ATOMS}")
    table = element_table()
    bonds = isomer["bonds"]
    adjacency = np.zeros((n, n))
    wiberg_valence = np.zeros(n)
    bond_count = np.zeros(n)
    for b in bonds:
        a, c = int(b["a"]), int(b["b"])
        weight = 1.0 if spec.adjacency == "binary" else float(b["wibergOrder"])
        adjacency[a, c] = adjacency[c, a] = weight
        wiberg_valence[a] += float(b["wibergOrder"])
        wiberg_valence[c] += float(b["wibergOrder"])
        bond_count[a] += 1
        bond_count[c] += 1

    feats = spec.atom_features()
    x = np.zeros((n, len(feats)))
    for i, atom in enumerate(atoms):
        el = atom["element"]
        if el not in table:
            raise FeatureError(f"atom {i}: element {el!r} has no entry in the element property table")
        for j, f in enumerate(feats):
            kind = f["kind"]
            if kind == "elementOneHot":
                x[i, j] = 1.0 if el == f["element"] else 0.0
            elif kind == "elementProperty":
                x[i, j] = float(table[el][f["property"]])
            elif kind == "atomProperty":
                x[i, j] = float(atom[f["property"]])
            elif kind == "atomVectorNorm":
                x[i, j] = math.sqrt(sum(float(v) * float(v) for v in atom[f["property"]]))
            elif kind == "bondSum":
                x[i, j] = wiberg_valence[i]
            elif kind == "bondCount":
                x[i, j] = bond_count[i]
            else:
                raise FeatureError(f"unknown atom feature kind {kind!r}")

    gfeats = spec.global_features()
    g = np.zeros(len(gfeats))
    for j, f in enumerate(gfeats):
        kind = f["kind"]
        if kind == "clusterCharge":
            g[j] = charge
        elif kind == "unpairedElectrons":
            g[j] = multiplicity - 1
        elif kind == "atomCount":
            g[j] = n
        elif kind == "isomerProperty":
            g[j] = float(isomer[f["property"]])
        else:
            raise FeatureError(f"unknown global feature kind {kind!r}")
    return x, adjacency, g


@dataclass
class Batch:
    atom_features: np.ndarray  # [B,N,F] float32
    adjacency: np.ndarray  # [B,N,N] float32
    atom_mask: np.ndarray  # [B,N] float32
    global_features: np.ndarray  # [B,G] float32


def pad_batch(graphs: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n_max: int | None = None) -> Batch:
    n_max = n_max or max(x.shape[0] for x, _, _ in graphs)
    f = graphs[0][0].shape[1]
    g_dim = graphs[0][2].shape[0]
    b = len(graphs)
    xs = np.zeros((b, n_max, f), dtype=np.float32)
    adj = np.zeros((b, n_max, n_max), dtype=np.float32)
    mask = np.zeros((b, n_max), dtype=np.float32)
    gs = np.zeros((b, g_dim), dtype=np.float32)
    for i, (x, a, g) in enumerate(graphs):
        n = x.shape[0]
        xs[i, :n] = x
        adj[i, :n, :n] = a
        mask[i, :n] = 1.0
        gs[i] = g
    return Batch(xs, adj, mask, gs)


def _center_scale(values: np.ndarray, robust: bool) -> tuple[np.ndarray, np.ndarray]:
    if not robust:
        return values.mean(axis=0), values.std(axis=0)
    # Median and IQR/1.349 (= σ for a normal distribution): a few SCC-failure outliers
    # (|q| > 2 e, negative Wiberg valences) then cannot squash everyone else's values.
    q25, med, q75 = np.percentile(values, [25, 50, 75], axis=0)
    scale = (q75 - q25) / 1.349
    std = values.std(axis=0)
    scale = np.where(scale < 1e-8, std, scale)
    return med, scale


def fit_normalisation(graphs, spec: FeatureSpec, robust: bool = False) -> dict:
    """Center/scale of every atom feature over training atoms and of every global over training
    clusters (mean/std, or median/IQR when robust). One-hot columns keep 0 and 1 so that
    'absent' stays exactly 0."""
    x_all = np.concatenate([x for x, _, _ in graphs], axis=0)
    g_all = np.stack([g for _, _, g in graphs])
    atom_mean, atom_std = _center_scale(x_all, robust)
    for j, f in enumerate(spec.atom_features()):
        if f["kind"] == "elementOneHot":
            atom_mean[j], atom_std[j] = 0.0, 1.0
    atom_std[atom_std < 1e-8] = 1.0
    g_mean, g_std = _center_scale(g_all, robust)
    g_std[g_std < 1e-8] = 1.0
    return {
        "atomMean": atom_mean.tolist(),
        "atomStd": atom_std.tolist(),
        "globalMean": g_mean.tolist(),
        "globalStd": g_std.tolist(),
    }

# Per-atom and per-isomer GFN2-xTB quantities read from seed/structures (contract 2).
ATOM_PROPERTIES = ("partialCharge", "coordinationNumber", "polarizabilityAu", "wibergValence")
# Atomic dipole (GFN2 multipole expansion): its magnitude measures local charge polarisation.
ATOM_VECTOR_PROPERTIES = ("atomicDipoleAu",)
GLOBAL_PROPERTIES = ("homoLumoGapEv", "fermiLevelEv")
