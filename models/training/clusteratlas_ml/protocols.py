"""The three evaluation protocols as explicit outer splits, each with the inner splits used to
choose hyperparameters from its own training data only."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Split:
    name: str
    train: tuple[int, ...]
    test: tuple[int, ...]
    # (train, validation) index pairs inside `train`, for hyperparameter selection.
    inner: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]


@dataclass(frozen=True)
class Protocol:
    key: str
    title: str
    description: str
    splits: tuple[Split, ...]


def _inner_from_groups(groups: dict[object, list[int]], n_inner: int | None) -> tuple:
    """Groups are kept whole (a fold or a family never straddles train and validation). With
    n_inner, groups are dealt round-robin (largest first) into that many validation blocks."""
    keys = sorted(groups, key=lambda k: (-len(groups[k]), str(k)))
    if n_inner is None or n_inner >= len(keys):
        blocks = [[k] for k in sorted(groups, key=str)]
    else:
        blocks = [keys[i::n_inner] for i in range(n_inner)]
    everything = sorted(i for k in groups for i in groups[k])
    out = []
    for block in blocks:
        val = sorted(i for k in block for i in groups[k])
        val_set = set(val)
        out.append((tuple(i for i in everything if i not in val_set), tuple(val)))
    return tuple(out)


def build_protocols(records) -> list[Protocol]:
    homo = [i for i, r in enumerate(records) if r.nuclearity == "homonuclear"]
    hetero = [i for i, r in enumerate(records) if r.nuclearity == "heteronuclear"]
    folds = sorted({records[i].cv_fold for i in homo})

    a_splits = []
    for k in folds:
        train = [i for i in homo if records[i].cv_fold != k]
        groups: dict[object, list[int]] = {}
        for i in train:
            groups.setdefault(records[i].cv_fold, []).append(i)
        a_splits.append(
            Split(f"fold {k}", tuple(train), tuple(i for i in homo if records[i].cv_fold == k), _inner_from_groups(groups, 3))
        )

    b_groups: dict[object, list[int]] = {}
    for i in homo:
        b_groups.setdefault(records[i].cv_fold, []).append(i)
    b_split = Split("homonuclear → heteronuclear", tuple(homo), tuple(hetero), _inner_from_groups(b_groups, None))

    families = sorted({r.family for r in records})
    c_splits = []
    for fam in families:
        train = [i for i, r in enumerate(records) if r.family != fam]
        groups = {}
        for i in train:
            groups.setdefault(records[i].family, []).append(i)
        c_splits.append(
            Split(fam, tuple(train), tuple(i for i, r in enumerate(records) if r.family == fam), _inner_from_groups(groups, 3))
        )

    return [
        Protocol(
            "a",
            "10-fold CV, homonuclear (authors' folds)",
            "The authors' 10-fold split of the 159 homonuclear clusters (cvFold); metrics over the pooled "
            "out-of-fold predictions. Hyperparameters chosen per outer fold by 3-fold CV over the other 9 folds.",
            tuple(a_splits),
        ),
        Protocol(
            "b",
            "homonuclear → heteronuclear",
            "Trained on the 159 homonuclear clusters, tested once on the 57 heteronuclear clusters. "
            "Hyperparameters chosen by the authors' 10-fold CV on the homonuclear clusters only.",
            (b_split,),
        ),
        Protocol(
            "c",
            "leave-one-family-out, all clusters",
            "Each family (set of metal elements) held out in turn, trained on all other clusters; metrics over "
            "the pooled held-out predictions. Hyperparameters chosen per family by 3-fold CV with the remaining "
            "families kept whole.",
            tuple(c_splits),
        ),
    ]
