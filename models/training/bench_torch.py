#!/usr/bin/env python3
"""PyTorch arm of `npm run bench:model`: times the exported ensemble's PyTorch twin on the same
216-cluster batch ORT gets, and prints one JSON object on stdout."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

from clusteratlas_ml.data import REPO_ROOT, load_clusters  # noqa: E402
from clusteratlas_ml.export import load_checkpoint, run_padded  # noqa: E402
from clusteratlas_ml.features import encode_graph, pad_batch, spec_from_manifest  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model-dir", default=os.path.join(REPO_ROOT, "models", "served"))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps", type=int, default=20)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.model_dir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    ensemble = load_checkpoint(os.path.join(args.model_dir, manifest["files"]["pytorchCheckpoint"]["path"]))
    spec = spec_from_manifest(manifest["features"])
    records, _ = load_clusters()
    ids = set(manifest["training"]["clusterIds"])
    graphs = [encode_graph(r.isomer, r.charge, r.multiplicity, spec) for r in records if r.id in ids]
    batch = pad_batch(graphs)
    with torch.no_grad():
        for _ in range(3):
            run_padded(ensemble, batch)
        times = []
        for _ in range(args.reps):
            t = time.perf_counter()
            run_padded(ensemble, batch)
            times.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"clusters": len(graphs), "threads": args.threads, "torch": torch.__version__,
                      "medianMs": statistics.median(times), "minMs": min(times)}))


if __name__ == "__main__":
    main()
