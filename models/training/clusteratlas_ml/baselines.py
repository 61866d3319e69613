"""Baselines evaluated on exactly the same splits as the GIN."""
from __future__ import annotations

import os
import re

import numpy as np
from sklearn.ensemble import RandomForestRegressor

from .elements import is_metal

DESCRIPTOR_XLSX = os.path.join("..", "shared", "data", "mou2025-cluster-n2", "homonuclear-159-8features.xlsx")

RF_CANDIDATES = [
    {"min_samples_leaf": 1, "max_features": 1.0},
    {"min_samples_leaf": 1, "max_features": 0.33},
    {"min_samples_leaf": 3, "max_features": 1.0},
    {"min_samples_leaf": 3, "max_features": 0.33},
]


def composition_features(records, vocabulary: list[str]) -> np.ndarray:
    """Element counts over the vocabulary, cluster charge, total and metal atom counts."""
    rows = []
    for r in records:
        counts = dict(r.composition)
        row = [counts.get(el, 0) for el in vocabulary]
        row += [r.charge, sum(counts.values()), sum(c for el, c in counts.items() if is_metal(el))]
        rows.append(row)
    return np.asarray(rows, dtype=float)


def fit_rf(x, y, params: dict, seed: int = 0) -> RandomForestRegressor:
    rf = RandomForestRegressor(random_state=seed, n_jobs=1, **{"n_estimators": 300, **params})
    rf.fit(x, y)
    return rf


_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)")


def _parse_published(name: str) -> tuple[frozenset, int]:
    charge = -1 if name.endswith(("\u00af", "\u02c9")) else 0
    body = name.rstrip("\u00af\u02c9")
    counts: dict[str, int] = {}
    for el, n in _TOKEN.findall(body):
        counts[el] = counts.get(el, 0) + int(n or 1)
    return frozenset(counts.items()), charge


def load_descriptors(records, root: str) -> tuple[dict[str, np.ndarray], list[str]] | None:
    """The authors' 8 published DFT descriptors keyed by cluster id, or None when the
    spreadsheet is not present. Rows are matched by composition and charge; a row whose name
    does not parse to a seed cluster (the data set has one such typo) is matched by its lg(k1)."""
    path = os.path.normpath(os.path.join(root, DESCRIPTOR_XLSX))
    if not os.path.exists(path):
        return None
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if r and r[0]]
    by_key = {(frozenset(dict(r.composition).items()), r.charge): r for r in records}
    out: dict[str, np.ndarray] = {}
    unmatched = []
    for row in body:
        rec = by_key.get(_parse_published(str(row[0]).strip()))
        if rec is None or abs(rec.log10_k1 - float(row[1])) > 1e-6:
            unmatched.append(row)
            continue
        out[rec.id] = np.asarray(row[2:], dtype=float)
    for row in unmatched:
        hits = [r for r in records if r.id not in out and r.nuclearity == "homonuclear" and abs(r.log10_k1 - float(row[1])) < 1e-6]
        if len(hits) != 1:
            raise ValueError(f"descriptor row {row[0]!r} matches {len(hits)} seed clusters")
        out[hits[0].id] = np.asarray(row[2:], dtype=float)
    return out, [str(h) for h in header[2:]]
