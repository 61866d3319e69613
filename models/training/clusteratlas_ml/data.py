"""Reads the committed seed files (data contracts 1 and 2) into in-memory records.

Only the lowest-energy isomer (rank 0) of each cluster is used: it is the structure the API
shows and predicts for, so training on it keeps training and serving on the same footing.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from .elements import is_metal

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SEED_CLUSTERS = os.path.join("seed", "data", "clusters.json")
SEED_STRUCTURES = os.path.join("seed", "structures", "data")


@dataclass
class ClusterRecord:
    id: str
    formula: str
    published_name: str
    charge: int
    multiplicity: int
    nuclearity: str
    cv_fold: int | None
    composition: list[tuple[str, int]]
    family: str
    log10_k1: float
    isomer: dict = field(repr=False)
    # Every isomer in the file (rank order), for optional training-time augmentation.
    isomers: list = field(repr=False, default_factory=list)

    @property
    def n_atoms(self) -> int:
        return len(self.isomer["atoms"])


def family_of(composition: list[tuple[str, int]]) -> str:
    """Family = the set of metal elements, e.g. 'Mo' or 'Fe–V' (alphabetical, en dash)."""
    metals = sorted({el for el, _ in composition if is_metal(el)})
    return "–".join(metals)


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_clusters(root: str = REPO_ROOT) -> tuple[list[ClusterRecord], list[str]]:
    """Records for every seed cluster whose structure file exists, and the ids still missing."""
    with open(os.path.join(root, SEED_CLUSTERS), encoding="utf-8") as fh:
        seed = json.load(fh)
    records: list[ClusterRecord] = []
    missing: list[str] = []
    for c in seed["clusters"]:
        path = os.path.join(root, SEED_STRUCTURES, f"{c['id']}.json")
        if not os.path.exists(path):
            missing.append(c["id"])
            continue
        with open(path, encoding="utf-8") as fh:
            structure = json.load(fh)
        isomers = sorted(structure["isomers"], key=lambda iso: iso["rank"])
        isomer = isomers[0]
        n2 = [m for m in c["measurements"] if m["reactant"] == "N2"]
        if len(n2) != 1:
            raise ValueError(f"cluster {c['id']}: expected one N2 measurement, found {len(n2)}")
        composition = [(e["element"], int(e["count"])) for e in c["composition"]]
        records.append(
            ClusterRecord(
                id=c["id"],
                formula=c["formula"],
                published_name=c["publishedName"],
                charge=int(c["charge"]),
                # The structure file records the multiplicity actually computed (published or rule).
                multiplicity=int(structure["multiplicity"]),
                nuclearity=c["nuclearity"],
                cv_fold=c.get("cvFold"),
                composition=composition,
                family=family_of(composition),
                log10_k1=float(n2[0]["log10K1"]),
                isomer=isomer,
                isomers=isomers,
            )
        )
    records.sort(key=lambda r: r.id)
    return records, missing


def training_data_hash(records: list[ClusterRecord], root: str = REPO_ROOT) -> dict:
    """sha256 of every seed input the model was trained from, plus one digest over all of them
    (sha256 of `sha256sum`-style lines, sorted by path) so a single string identifies the data."""
    files = [SEED_CLUSTERS] + [os.path.join(SEED_STRUCTURES, f"{r.id}.json") for r in records]
    digests = {p.replace(os.sep, "/"): _sha256_file(os.path.join(root, p)) for p in files}
    lines = "".join(f"{d}  {p}\n" for p, d in sorted(digests.items()))
    return {
        "datasetVersion": dataset_version(root),
        "sha256": hashlib.sha256(lines.encode()).hexdigest(),
        "clustersJsonSha256": digests[SEED_CLUSTERS.replace(os.sep, "/")],
        "structureFiles": len(files) - 1,
        "method": "sha256 over lines '<sha256>  <path>\\n' of seed/data/clusters.json and "
        "seed/structures/<id>.json for every training cluster, sorted by path",
    }


def dataset_version(root: str = REPO_ROOT) -> str:
    """The catalog's dataset version, computed exactly as seed/seed-file.ts readSeedBundle does
    (sha256 over the seed file, then name and text of every structure file in name order), so
    the API can tell whether the model was trained on the data it serves."""
    with open(os.path.join(root, SEED_CLUSTERS), "rb") as fh:
        seed_bytes = fh.read()
    h = hashlib.sha256(seed_bytes)
    name = json.loads(seed_bytes)["dataset"]["name"]
    sdir = os.path.join(root, SEED_STRUCTURES)
    if os.path.isdir(sdir):
        for fname in sorted(f for f in os.listdir(sdir) if f.endswith(".json")):
            h.update(fname.encode())
            with open(os.path.join(sdir, fname), "rb") as fh:
                h.update(fh.read())
    return f"{name}@{h.hexdigest()[:12]}"
