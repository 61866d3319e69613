"""Training of single GIN members and deep ensembles (Lakshminarayanan et al. 2017: same data,
different seeds for initialisation and batch order)."""
from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass

import numpy as np
import torch

from .features import fit_normalisation, pad_batch
from .gin import ClusterGIN, Ensemble


@dataclass(frozen=True)
class HyperParams:
    hidden: int = 64
    layers: int = 3
    head_dropout: float = 0.1
    lr: float = 3e-3
    weight_decay: float = 1e-3
    epochs: int = 200
    batch_size: int = 32
    all_isomers: bool = False
    # Median/IQR standardisation with inputs clipped to ±robust_clip (None = mean/std, no clip).
    robust_clip: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class GraphSet:
    """Graphs padded once to a common size; minibatches are sliced back to their own largest
    cluster so small clusters do not pay for the 44-atom ones."""

    def __init__(self, graphs):
        batch = pad_batch(graphs)
        self.x = torch.from_numpy(batch.atom_features)
        self.adj = torch.from_numpy(batch.adjacency)
        self.mask = torch.from_numpy(batch.atom_mask)
        self.g = torch.from_numpy(batch.global_features)
        self.n_atoms = np.array([x.shape[0] for x, _, _ in graphs])

    def __len__(self) -> int:
        return self.x.shape[0]

    def take(self, idx):
        idx_t = torch.as_tensor(np.asarray(idx), dtype=torch.long)
        n = int(self.n_atoms[np.asarray(idx)].max())
        return (self.x[idx_t, :n], self.adj[idx_t, :n, :n], self.mask[idx_t, :n], self.g[idx_t])


def train_member(graphs, y: np.ndarray, spec, hp: HyperParams, seed: int) -> ClusterGIN:
    seed_everything(seed)
    norm = fit_normalisation(graphs, spec, robust=hp.robust_clip is not None)
    atom_counts = np.array([x.shape[0] for x, _, _ in graphs])
    model = ClusterGIN(
        n_atom_features=graphs[0][0].shape[1],
        n_global_features=graphs[0][2].shape[0],
        hidden=hp.hidden,
        layers=hp.layers,
        head_dropout=hp.head_dropout,
        normalisation=norm,
        target_mean=float(y.mean()),
        target_std=float(y.std()),
        readout_scale=1.0 / float(atom_counts.mean()),
        clip=hp.robust_clip,
    )
    data = GraphSet(graphs)
    target = torch.tensor(y, dtype=torch.float32)
    opt = torch.optim.AdamW(model.parameters(), lr=hp.lr, weight_decay=hp.weight_decay)
    steps_per_epoch = math.ceil(len(data) / hp.batch_size)
    total = hp.epochs * steps_per_epoch
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    rng = np.random.default_rng(seed)
    y_std = float(y.std())
    model.train()
    for _ in range(hp.epochs):
        order = rng.permutation(len(data))
        for s in range(steps_per_epoch):
            idx = order[s * hp.batch_size : (s + 1) * hp.batch_size]
            pred, _ = model(*data.take(idx))
            loss = torch.mean(((pred - target[idx]) / y_std) ** 2)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    return model


def train_ensemble(graphs, y, spec, hp: HyperParams, seeds: list[int]) -> Ensemble:
    return Ensemble([train_member(graphs, y, spec, hp, s) for s in seeds])


@torch.no_grad()
def predict(model, graphs, chunk: int = 256):
    """(mean [B], members [B,M], embedding [B,E]) for an Ensemble; a single member is wrapped."""
    if isinstance(model, ClusterGIN):
        model = Ensemble([model])
    model.eval()
    data = GraphSet(graphs)
    outs = [model(*data.take(np.arange(i, min(i + chunk, len(data))))) for i in range(0, len(data), chunk)]
    mean = torch.cat([o[0] for o in outs]).numpy().astype(np.float64)
    members = torch.cat([o[1] for o in outs]).numpy().astype(np.float64)
    emb = torch.cat([o[2] for o in outs]).numpy().astype(np.float64)
    return mean, members, emb
