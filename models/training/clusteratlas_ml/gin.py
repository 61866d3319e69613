"""Graph Isomorphism Network (Xu et al., ICLR 2019) on dense, padded cluster graphs.

Dense tensors rather than an edge list because clusters are small (≤ 50 atoms) and because the
atom mask then doubles as the coalition mask for Shapley values: a masked atom has its features,
its adjacency row and column, and its readout term zeroed, so it contributes nothing at all.
"""
from __future__ import annotations

import torch
from torch import nn

INPUT_NAMES = ["atom_features", "adjacency", "atom_mask", "global_features"]
OUTPUT_NAMES = ["log10k1_mean", "log10k1_members", "embedding"]


class GINLayer(nn.Module):
    """h_v' = MLP((1 + ε)·h_v + Σ_u A_vu h_u), with ε learned (GIN-ε)."""

    def __init__(self, dim: int):
        super().__init__()
        self.eps = nn.Parameter(torch.zeros(1))
        self.mlp = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim), nn.ReLU())

    def forward(self, h: torch.Tensor, adjacency: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        aggregated = torch.matmul(adjacency, h)
        # The MLP's biases would make masked atoms nonzero again; re-mask after every layer.
        return self.mlp((1.0 + self.eps) * h + aggregated) * mask


class ClusterGIN(nn.Module):
    def __init__(
        self,
        n_atom_features: int,
        n_global_features: int,
        hidden: int,
        layers: int,
        head_dropout: float,
        normalisation: dict,
        target_mean: float,
        target_std: float,
        readout_scale: float = 1.0,
        clip: float | None = None,
    ):
        super().__init__()
        # Normalisation lives in the graph so that every consumer feeds raw physical values.
        self.register_buffer("atom_mean", torch.tensor(normalisation["atomMean"], dtype=torch.float32))
        self.register_buffer("atom_std", torch.tensor(normalisation["atomStd"], dtype=torch.float32))
        self.register_buffer("global_mean", torch.tensor(normalisation["globalMean"], dtype=torch.float32))
        self.register_buffer("global_std", torch.tensor(normalisation["globalStd"], dtype=torch.float32))
        self.register_buffer("target_mean", torch.tensor(float(target_mean)))
        self.register_buffer("target_std", torch.tensor(float(target_std)))
        # A fixed scale on the sum readout keeps head inputs O(1) for 3- to 44-atom clusters
        # without turning the sum (which counts atoms, as GIN needs) into a mean.
        self.register_buffer("readout_scale", torch.tensor(float(readout_scale)))
        # Standardised inputs are clipped to ±clip so an outlying GFN2 value stays bounded.
        self.clip = clip
        self.encoder = nn.Sequential(nn.Linear(n_atom_features, hidden), nn.ReLU())
        self.layers = nn.ModuleList([GINLayer(hidden) for _ in range(layers)])
        self.head = nn.Sequential(
            nn.Linear(hidden * layers + n_global_features, hidden),
            nn.ReLU(),
            nn.Dropout(head_dropout),
            nn.Linear(hidden, 1),
        )
        self.embedding_dim = hidden * layers

    def forward(self, atom_features, adjacency, atom_mask, global_features):
        mask = atom_mask.unsqueeze(-1)
        x = (atom_features - self.atom_mean) / self.atom_std
        g = (global_features - self.global_mean) / self.global_std
        if self.clip is not None:
            x = torch.clamp(x, -self.clip, self.clip)
            g = torch.clamp(g, -self.clip, self.clip)
        x = x * mask
        adjacency = adjacency * atom_mask.unsqueeze(1) * atom_mask.unsqueeze(2)
        h = self.encoder(x) * mask
        pooled = []
        for layer in self.layers:
            h = layer(h, adjacency, mask)
            pooled.append(h.sum(dim=1) * self.readout_scale)
        embedding = torch.cat(pooled, dim=-1)
        y = self.head(torch.cat([embedding, g], dim=-1)).squeeze(-1)
        return y * self.target_std + self.target_mean, embedding


class Ensemble(nn.Module):
    """All members in one graph so one ORT call per batch returns every member."""

    def __init__(self, members: list[ClusterGIN]):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, atom_features, adjacency, atom_mask, global_features):
        ys, embeddings = [], []
        for m in self.members:
            y, e = m(atom_features, adjacency, atom_mask, global_features)
            ys.append(y)
            embeddings.append(e)
        members = torch.stack(ys, dim=-1)
        return members.mean(dim=-1), members, torch.cat(embeddings, dim=-1)
