"""Nested evaluation of the GIN and the baselines on the three protocols.

Every learner goes through the same two stages: (1) for each outer split, each candidate
configuration is scored by the split's inner CV (training data only) and the best is kept;
(2) the kept configuration is refit on the outer training set and predicts the outer test set
once. All fits are independent jobs, run on a small process pool with one torch thread each so
results do not depend on the number of workers.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
import time
from dataclasses import dataclass, field

import numpy as np

from .baselines import composition_features, fit_rf
from .metrics import regression_metrics
from .protocols import Protocol

_STATE: dict = {}


@dataclass(frozen=True)
class GinConfig:
    name: str
    adjacency: str
    one_hot: bool
    hp: object  # training.HyperParams
    # Which GFN2-xTB quantities enter as features: "all", "atoms" (per-atom only), "charge-cn"
    # (partial charge and coordination number only) or "none" (element, bonds and charge only).
    xtb_features: str = "all"

    def to_dict(self) -> dict:
        return {"name": self.name, "adjacency": self.adjacency, "elementOneHot": self.one_hot,
                "xtbFeatures": self.xtb_features, **self.hp.to_dict()}


@dataclass
class Learner:
    key: str
    label: str
    candidates: list
    protocols: tuple[str, ...]
    seeds: tuple[int, ...] = (0,)
    note: str | None = None


@dataclass
class SplitResult:
    split: str
    chosen: int
    inner_rmse: list[float]
    test: tuple[int, ...]
    mean: np.ndarray
    std: np.ndarray | None = None


@dataclass
class ProtocolResult:
    learner: str
    protocol: str
    splits: list[SplitResult] = field(default_factory=list)


def vocabulary_of(records, idx) -> list[str]:
    return sorted({el for i in idx for el, _ in records[i].composition})


def encode(records, idx, spec):
    from .features import encode_graph

    return [encode_graph(records[i].isomer, records[i].charge, records[i].multiplicity, spec) for i in idx]


def make_spec(cfg: GinConfig, vocabulary: list[str]):
    from .features import ATOM_PROPERTIES, ATOM_VECTOR_PROPERTIES, GLOBAL_PROPERTIES, FeatureSpec

    sets = {
        "all": (ATOM_PROPERTIES, ATOM_VECTOR_PROPERTIES, GLOBAL_PROPERTIES),
        "atoms": (ATOM_PROPERTIES, ATOM_VECTOR_PROPERTIES, ()),
        "charge-cn": (("partialCharge", "coordinationNumber"), (), ()),
        "none": ((), (), ()),
    }
    atom, vector, glob = sets[cfg.xtb_features]
    return FeatureSpec(
        vocabulary=vocabulary,
        atom_properties=list(atom),
        atom_vector_properties=list(vector),
        global_properties=list(glob),
        adjacency=cfg.adjacency,
        one_hot=cfg.one_hot,
    )


def fit_gin(records, cfg: GinConfig, train, seeds):
    from .features import encode_graph
    from .training import train_ensemble

    spec = make_spec(cfg, vocabulary_of(records, train))
    graphs, y = [], []
    for i in train:
        r = records[i]
        # Augmentation: the higher-energy isomers (within the search's energy window) carry the
        # same measured rate; prediction always uses the rank-0 isomer.
        for iso in r.isomers if cfg.hp.all_isomers else [r.isomer]:
            graphs.append(encode_graph(iso, r.charge, r.multiplicity, spec))
            y.append(r.log10_k1)
    return train_ensemble(graphs, np.array(y), spec, cfg.hp, list(seeds)), spec


def _job(job):
    learner_key, cfg, train, test, seeds, want_model = job
    # "gin#1": the same learner repeated with other seeds (see train.py EVAL_REPEATS).
    learner_key = learner_key.split("#")[0]
    records = _STATE["records"]
    y = np.array([r.log10_k1 for r in records])
    if learner_key in ("gin", "ginGraph"):
        import torch

        from .training import predict

        torch.set_num_threads(1)
        model, spec = fit_gin(records, cfg, train, seeds)
        if want_model:
            return model, spec
        mean, members, _ = predict(model, encode(records, test, spec))
        return mean, members.std(axis=1)
    if learner_key == "mean":
        return np.full(len(test), y[list(train)].mean()), None
    if learner_key == "rfComposition":
        vocab = vocabulary_of(records, train)
        x = composition_features(records, vocab)
    elif learner_key == "rfDescriptors":
        desc = _STATE["descriptors"]
        x = np.stack([desc.get(r.id, np.full(len(next(iter(desc.values()))), np.nan)) for r in records])
    else:
        raise ValueError(learner_key)
    rf = fit_rf(x[list(train)], y[list(train)], cfg, seed=seeds[0])
    return rf.predict(x[list(test)]), None


class Progress:
    def __init__(self, label: str, total: int):
        self.label, self.total, self.done, self.t0 = label, total, 0, time.time()
        self.tty = sys.stderr.isatty()
        self._last = 0.0
        self._show(force=True)

    def step(self):
        self.done += 1
        self._show(force=self.done == self.total)

    def _show(self, force=False):
        now = time.time()
        if not force and now - self._last < (0.5 if self.tty else 15):
            return
        self._last = now
        elapsed = now - self.t0
        eta = elapsed / self.done * (self.total - self.done) if self.done else float("nan")
        width = 28
        filled = int(width * self.done / max(self.total, 1))
        line = f"{self.label:<22} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}  {elapsed:6.0f}s elapsed"
        if self.done < self.total and self.done:
            line += f"  ~{eta:4.0f}s left"
        end = "\n" if (not self.tty or self.done == self.total) else ""
        sys.stderr.write(("\r" if self.tty else "") + line + end)
        sys.stderr.flush()


def _cache_key(cache, job) -> str:
    learner_key, cfg, train, test, seeds, _ = job
    return cache.key({"learner": learner_key.split("#")[0], "config": cfg.to_dict() if hasattr(cfg, "to_dict") else cfg,
                      "train": list(train), "test": list(test), "seeds": list(seeds)})


def run_jobs(jobs, label: str, workers: int):
    if not jobs:
        return []
    # Held-out fits are looked up in the job cache (evaluate(cache=…)); fitted models are not cached.
    cache = _STATE.get("cache")
    keys = [_cache_key(cache, j) if cache is not None and not j[5] else None for j in jobs]
    results: list = [cache.get(k) if k is not None else None for k in keys]
    todo = [n for n, r in enumerate(results) if r is None]
    if len(todo) < len(jobs):
        print(f"{label}: {len(jobs) - len(todo)} of {len(jobs)} fits from the job cache", file=sys.stderr)
    progress = Progress(label, len(todo))

    def done(n, r):
        results[n] = r
        if keys[n] is not None:
            cache.put(keys[n], r)
        progress.step()

    if workers <= 1:
        for n in todo:
            done(n, _job(jobs[n]))
        return results
    # fork: workers inherit _STATE without pickling the structures for every job.
    with mp.get_context("fork").Pool(workers) as pool:
        for n, r in zip(todo, pool.imap(_job, [jobs[n] for n in todo], chunksize=1)):
            done(n, r)
    return results


def evaluate(records, learners: list[Learner], protocols: list[Protocol], workers: int, descriptors=None, cache=None):
    _STATE["records"] = records
    _STATE["descriptors"] = descriptors or {}
    _STATE["cache"] = cache

    # Stage 1: inner-CV scores of every candidate (skipped when there is only one candidate).
    sel_jobs, sel_keys = [], []
    for L in learners:
        if len(L.candidates) < 2:
            continue
        for P in protocols:
            if P.key not in L.protocols:
                continue
            for s_i, S in enumerate(P.splits):
                for c_i, cand in enumerate(L.candidates):
                    for tr, va in S.inner:
                        sel_jobs.append((L.key, cand, tr, va, L.seeds[:1], False))
                        sel_keys.append((L.key, P.key, s_i, c_i, va))
    # GIN jobs are the long ones: start them first so the pool ends evenly.
    order = sorted(range(len(sel_jobs)), key=lambda k: not sel_jobs[k][0].startswith("gin"))
    sel_out = run_jobs([sel_jobs[k] for k in order], "hyperparameter CV", workers)
    inner_preds: dict = {}
    for k, out in zip(order, sel_out):
        lk, pk, s_i, c_i, va = sel_keys[k]
        inner_preds.setdefault((lk, pk, s_i, c_i), []).append((va, out[0]))

    def inner_rmse(lk, pk, s_i, c_i):
        parts = inner_preds[(lk, pk, s_i, c_i)]
        idx = [i for va, _ in parts for i in va]
        pred = np.concatenate([p for _, p in parts])
        return regression_metrics([records[i].log10_k1 for i in idx], pred)["rmse"]

    # Stage 2: refit the chosen candidate on each outer training set, predict the test set.
    fin_jobs, fin_keys, chosen = [], [], {}
    for L in learners:
        for P in protocols:
            if P.key not in L.protocols:
                continue
            for s_i, S in enumerate(P.splits):
                if len(L.candidates) > 1:
                    scores = [inner_rmse(L.key, P.key, s_i, c) for c in range(len(L.candidates))]
                    best = int(np.argmin(scores))
                else:
                    scores, best = [], 0
                chosen[(L.key, P.key, s_i)] = (best, scores)
                fin_jobs.append((L.key, L.candidates[best], S.train, S.test, L.seeds, False))
                fin_keys.append((L.key, P.key, s_i))
    order = sorted(range(len(fin_jobs)), key=lambda k: not fin_jobs[k][0].startswith("gin"))
    fin_out = run_jobs([fin_jobs[k] for k in order], "outer fits", workers)
    results: dict = {}
    for k, out in zip(order, fin_out):
        lk, pk, s_i = fin_keys[k]
        P = next(p for p in protocols if p.key == pk)
        S = P.splits[s_i]
        best, scores = chosen[(lk, pk, s_i)]
        res = results.setdefault((lk, pk), ProtocolResult(lk, pk))
        res.splits.append(SplitResult(S.name, best, scores, S.test, out[0], out[1]))
    for res in results.values():
        names = [s.name for s in next(p for p in protocols if p.key == res.protocol).splits]
        res.splits.sort(key=lambda s: names.index(s.split))
    return results


def pooled(records, res: ProtocolResult):
    idx = [i for s in res.splits for i in s.test]
    pred = np.concatenate([s.mean for s in res.splits])
    return idx, pred, regression_metrics([records[i].log10_k1 for i in idx], pred)
