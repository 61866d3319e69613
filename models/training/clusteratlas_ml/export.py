"""ONNX export, golden files, training embeddings and the manifest."""
from __future__ import annotations

import hashlib
import json
import os

import numpy as np
import torch

from .features import pad_batch
from .gin import INPUT_NAMES, OUTPUT_NAMES, Ensemble

OPSET = 17


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_json(path: str, obj) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=1, ensure_ascii=False, allow_nan=False)
        fh.write("\n")


def _f32_list(a: np.ndarray) -> list:
    # float32 -> Python float is exact, so JSON round-trips into a Float32Array bit for bit.
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def export_onnx(ensemble: Ensemble, graphs, path: str) -> dict:
    ensemble.eval()
    batch = pad_batch(graphs[:2])
    args = tuple(torch.from_numpy(getattr(batch, n)) for n in INPUT_NAMES)
    dynamic = {
        "atom_features": {0: "batch", 1: "atoms"},
        "adjacency": {0: "batch", 1: "atoms", 2: "atoms"},
        "atom_mask": {0: "batch", 1: "atoms"},
        "global_features": {0: "batch"},
        "log10k1_mean": {0: "batch"},
        "log10k1_members": {0: "batch"},
        "embedding": {0: "batch"},
    }
    torch.onnx.export(
        ensemble,
        args,
        path,
        input_names=INPUT_NAMES,
        output_names=OUTPUT_NAMES,
        dynamic_axes=dynamic,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    import onnx

    model = onnx.load(path)
    onnx.checker.check_model(model)
    n_feat, n_glob = batch.atom_features.shape[2], batch.global_features.shape[1]
    n_members = len(ensemble.members)
    emb_dim = sum(m.embedding_dim for m in ensemble.members)
    return {
        "opset": OPSET,
        "inputs": [
            {"name": "atom_features", "type": "float32", "dims": ["batch", "atoms", n_feat]},
            {"name": "adjacency", "type": "float32", "dims": ["batch", "atoms", "atoms"]},
            {"name": "atom_mask", "type": "float32", "dims": ["batch", "atoms"]},
            {"name": "global_features", "type": "float32", "dims": ["batch", n_glob]},
        ],
        "outputs": [
            {"name": "log10k1_mean", "type": "float32", "dims": ["batch"]},
            {"name": "log10k1_members", "type": "float32", "dims": ["batch", n_members]},
            {"name": "embedding", "type": "float32", "dims": ["batch", emb_dim]},
        ],
    }


@torch.no_grad()
def run_padded(ensemble: Ensemble, batch):
    args = tuple(torch.from_numpy(getattr(batch, n)) for n in INPUT_NAMES)
    return tuple(o.numpy() for o in ensemble(*args))


def golden_inputs(ensemble: Ensemble, records, graphs, ids: list[str]) -> dict:
    pos = {r.id: i for i, r in enumerate(records)}
    batch = pad_batch([graphs[pos[i]] for i in ids])
    outs = run_padded(ensemble, batch)
    return {
        "description": "Exact input tensors the Python featurizer builds for these clusters (rank-0 isomers, "
        "padded to the largest), and the PyTorch outputs for that batch.",
        "clusterIds": ids,
        "inputs": {n: {"dims": list(getattr(batch, n).shape), "data": _f32_list(getattr(batch, n))} for n in INPUT_NAMES},
        "outputs": {n: {"dims": list(o.shape), "data": _f32_list(o)} for n, o in zip(OUTPUT_NAMES, outs)},
    }


def golden_predictions(ensemble: Ensemble, records, graphs) -> tuple[dict, np.ndarray]:
    """PyTorch outputs for every cluster, all in one batch padded to the largest cluster."""
    mean, members, emb = run_padded(ensemble, pad_batch(graphs))
    return {
        "description": "PyTorch predictions of the exported ensemble for every training cluster (rank-0 isomer).",
        "clusters": [
            {"id": r.id, "log10K1Mean": float(mean[i]), "log10K1Members": _f32_list(members[i])}
            for i, r in enumerate(records)
        ],
    }, emb


def domain_statistics(embeddings: np.ndarray, percentile: float = 95.0) -> dict:
    """z-score the training embeddings; the threshold is the given percentile of each training
    cluster's Euclidean distance to its nearest other training cluster in that space."""
    e = embeddings.astype(np.float64)
    mean = e.mean(axis=0)
    std = e.std(axis=0)
    std[std < 1e-6] = 1.0
    z = (e - mean) / std
    sq = np.sum(z**2, axis=1)
    d2 = np.maximum(sq[:, None] + sq[None, :] - 2 * z @ z.T, 0.0)
    np.fill_diagonal(d2, np.inf)
    nn = np.sqrt(d2.min(axis=1))
    return {
        "metric": "euclidean distance between z-scored embeddings (training mean/std below)",
        "percentile": percentile,
        "threshold": float(np.percentile(nn, percentile)),
        "trainingNearestNeighbourDistance": {
            "min": float(nn.min()),
            "median": float(np.median(nn)),
            "max": float(nn.max()),
        },
        "embeddingMean": _f32_list(mean),
        "embeddingStd": _f32_list(std),
    }


def write_embeddings(path: str, embeddings: np.ndarray) -> None:
    np.ascontiguousarray(embeddings, dtype="<f4").tofile(path)


def save_checkpoint(ensemble: Ensemble, path: str) -> None:
    """PyTorch weights of the exported ensemble (for the PyTorch arm of bench:model and for
    regenerating golden files without retraining)."""
    m0 = ensemble.members[0]
    torch.save(
        {
            "members": len(ensemble.members),
            "hidden": m0.encoder[0].out_features,
            "layers": len(m0.layers),
            "head_dropout": m0.head[2].p,
            "clip": m0.clip,
            "n_atom_features": m0.encoder[0].in_features,
            "n_global_features": m0.global_mean.numel(),
            "state_dict": ensemble.state_dict(),
        },
        path,
    )


def load_checkpoint(path: str) -> Ensemble:
    from .gin import ClusterGIN

    ck = torch.load(path, map_location="cpu")
    f, g = ck["n_atom_features"], ck["n_global_features"]
    dummy = {"atomMean": [0.0] * f, "atomStd": [1.0] * f, "globalMean": [0.0] * g, "globalStd": [1.0] * g}
    members = [ClusterGIN(f, g, ck["hidden"], ck["layers"], ck["head_dropout"], dummy, 0.0, 1.0, clip=ck.get("clip")) for _ in range(ck["members"])]
    ens = Ensemble(members)
    ens.load_state_dict(ck["state_dict"])  # restores normalisation and target buffers too
    ens.eval()
    return ens
