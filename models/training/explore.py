#!/usr/bin/env python3
"""Development aid: scores GIN configurations by the authors' 10-fold CV on the homonuclear
clusters only (the inner CV of protocol b), single member per fold. Heteronuclear clusters are
never touched. Used to narrow the candidate list in train.py; see the model card.

    /usr/bin/python3 models/training/explore.py [--configs NAME,...] [--seeds 0,1]
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from clusteratlas_ml.data import REPO_ROOT, load_clusters  # noqa: E402
from clusteratlas_ml.evaluate import _STATE, run_jobs  # noqa: E402
from clusteratlas_ml.export import write_json  # noqa: E402
from clusteratlas_ml.metrics import regression_metrics  # noqa: E402
from clusteratlas_ml.protocols import build_protocols  # noqa: E402
from train import EXPLORE_CONFIGS, GIN_CANDIDATES  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--configs", help="comma-separated names (default: all)")
    p.add_argument("--seeds", default="0")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--data-root", default=REPO_ROOT)
    p.add_argument("--out", help="also write the table as JSON (models/training/exploration.json is read into the model card)")
    args = p.parse_args()
    configs = {c.name: c for c in EXPLORE_CONFIGS + GIN_CANDIDATES}
    names = args.configs.split(",") if args.configs else list(configs)
    seeds = [int(s) for s in args.seeds.split(",")]
    records, missing = load_clusters(args.data_root)
    if missing:
        print(f"warning: {len(missing)} structures missing", file=sys.stderr)
    _STATE["records"] = records
    inner = build_protocols(records)[1].splits[0].inner  # authors' folds, homonuclear only
    jobs, keys = [], []
    for name in names:
        for s in seeds:
            for tr, va in inner:
                jobs.append(("gin", configs[name], tr, va, (s,), False))
                keys.append((name, s, va))
    out = run_jobs(jobs, "explore", args.workers)
    print(f"{'config':<28}{'seed':>5}{'RMSE':>8}{'MAE':>8}{'R2':>7}")
    rows = []
    for name in names:
        for s in seeds:
            parts = [(k[2], o[0]) for k, o in zip(keys, out) if k[0] == name and k[1] == s]
            idx = [i for va, _ in parts for i in va]
            pred = np.concatenate([pp for _, pp in parts])
            m = regression_metrics([records[i].log10_k1 for i in idx], pred)
            rows.append({"config": configs[name].to_dict(), "seed": s, **{k: round(v, 4) for k, v in m.items() if k != "n"}, "n": m["n"]})
            print(f"{name:<28}{s:>5}{m['rmse']:>8.3f}{m['mae']:>8.3f}{m['r2']:>7.3f}")
    if args.out:
        write_json(args.out, {
            "description": "Development exploration: the authors' 10-fold CV on the homonuclear clusters only "
            "(single ensemble member per fold). Heteronuclear clusters were not used. This narrowed the candidate "
            "list of train.py, so protocol (a) numbers carry a mild selection optimism; protocols (b) and (c) "
            "choose among the candidates by their own inner CV.",
            "clusters": len(records),
            "results": rows,
        })


if __name__ == "__main__":
    main()
