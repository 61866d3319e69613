"""Writes every artefact of a training run: ONNX, golden files, embeddings, out-of-fold
predictions, model card (JSON + Markdown table) and the manifest that ties them together."""
from __future__ import annotations

import os

import numpy as np

from .evaluate import encode, pooled
from .export import (
    domain_statistics,
    export_onnx,
    golden_inputs,
    golden_predictions,
    save_checkpoint,
    sha256_file,
    write_embeddings,
    write_json,
)
from .metrics import regression_metrics

LEARNER_ORDER = ["gin", "ginShrunk", "ginGraph", "mean", "additive", "rfComposition", "rfDescriptors"]


def _r(x, nd=4):
    return None if x is None else round(float(x), nd)


def _golden_ids(records) -> list[str]:
    """Smallest cluster, largest cluster, and one neutral and one heteronuclear cluster."""
    picks = [min(records, key=lambda r: (r.n_atoms, r.id)), max(records, key=lambda r: (r.n_atoms, r.id))]
    for pred in (lambda r: r.charge == 0, lambda r: r.nuclearity == "heteronuclear"):
        cand = [r for r in records if pred(r) and r not in picks]
        if cand:
            picks.append(cand[len(cand) // 2])
    return [r.id for r in picks]


def over_seeds(records, protocols, results, repeats: int) -> dict:
    """Pooled held-out RMSE of every learner in every repeat of the nested evaluation (repeat r is
    result key "learner#r"), with mean and sample sd over the repeats."""
    table: dict = {}
    for P in protocols:
        row = {}
        for key in LEARNER_ORDER:
            keys = [key if r == 0 else f"{key}#{r}" for r in range(repeats)]
            parts = [pooled(records, results[(k, P.key)]) for k in keys if (k, P.key) in results]
            if not parts:
                continue
            rmses = [met["rmse"] for _, _, met in parts]
            row[key] = {"rmseBySeed": [_r(v) for v in rmses], "rmseMean": _r(np.mean(rmses)),
                        "rmseSd": _r(np.std(rmses, ddof=1)) if len(rmses) > 1 else None}
            if len(rmses) > 1:
                # No choice is made here: the repeats' held-out predictions averaged, i.e. one
                # ensemble len(rmses) times as large, to show what ensemble size alone buys.
                idx = parts[0][0]
                assert all(p[0] == idx for p in parts)
                avg = np.mean([p[1] for p in parts], axis=0)
                row[key]["rmseOfRepeatAverage"] = _r(regression_metrics([records[i].log10_k1 for i in idx], avg)["rmse"])
        table[P.key] = row
    return table


def write_all(*, out, records, protocols, learners, results, ensemble, spec, final_cfg, seeds, data_hash, version,
              descriptor_names, smoke, repeats=1):
    graphs = encode(records, range(len(records)), spec)
    onnx_path = os.path.join(out, "gin-ensemble.onnx")
    io = export_onnx(ensemble, graphs, onnx_path)
    save_checkpoint(ensemble, os.path.join(out, "gin-ensemble.pt"))

    gp, emb = golden_predictions(ensemble, records, graphs)
    write_json(os.path.join(out, "golden", "predictions.json"), gp)
    write_json(os.path.join(out, "golden", "inputs.json"), golden_inputs(ensemble, records, graphs, _golden_ids(records)))
    write_embeddings(os.path.join(out, "training-embeddings.f32"), emb)
    domain = domain_statistics(emb)

    def other_seed(key, pk, split_name, i):
        split = next(x for x in results[(key, pk)].splits if x.split == split_name)
        j = split.test.index(i)
        return {"meanLog10K1": _r(split.mean[j], 5), "stdLog10K1": _r(split.std[j], 5)}

    # ---- metrics ----
    metrics: dict = {}
    per_split: dict = {}
    oof_protocols = []
    learners_by_key = {L.key: L for L in learners}
    for P in protocols:
        m = {}
        rows: dict[int, dict] = {}
        for key in LEARNER_ORDER:
            res = results.get((key, P.key))
            if res is None:
                continue
            idx, pred, met = pooled(records, res)
            m[key] = {k: (_r(v) if k != "n" else v) for k, v in met.items()}
            for s in res.splits:
                for j, i in enumerate(s.test):
                    r = records[i]
                    row = rows.setdefault(
                        i,
                        {"id": r.id, "formula": r.formula, "charge": r.charge, "family": r.family,
                         "nuclearity": r.nuclearity, "split": s.split, "observedLog10K1": r.log10_k1},
                    )
                    if key in ("gin", "ginGraph"):
                        row[key] = {"meanLog10K1": _r(s.mean[j], 5), "stdLog10K1": _r(s.std[j], 5)}
                    else:
                        row[key] = _r(s.mean[j], 5)
                    if key == "gin" and repeats > 1:
                        # The same held-out prediction from the evaluation's seed repeats 1 … R−1.
                        row["ginOtherSeeds"] = [other_seed(f"gin#{r}", P.key, s.split, i) for r in range(1, repeats)]
            if key == "gin":
                per_split[P.key] = [
                    {
                        "split": s.split,
                        "chosenConfig": learners_by_key["gin"].candidates[s.chosen].name,
                        "innerCvRmse": [_r(v) for v in s.inner_rmse],
                        **{k: (_r(v) if k != "n" else v) for k, v in regression_metrics(
                            [records[i].log10_k1 for i in s.test], s.mean).items()},
                    }
                    for s in res.splits
                ]
        metrics[P.key] = m
        oof_protocols.append({"key": P.key, "title": P.title, "description": P.description,
                              "rows": [rows[i] for i in sorted(rows, key=lambda i: records[i].id)]})

    write_json(os.path.join(out, "oof-predictions.json"), {
        "description": "Out-of-fold (held-out) predictions of log10 k1 for every protocol; 'gin' is the ensemble "
        "mean and the standard deviation over its members, 'ginOtherSeeds' the same from the evaluation repeated "
        "with other seeds (repeats 1, 2, …), the other keys are the baselines.",
        "unit": "log10(k1 / cm^3 molecule^-1 s^-1)",
        "protocols": oof_protocols,
    })

    gin_l = learners_by_key["gin"]
    b_split = results[("gin", "b")].splits[0]
    card = {
        "name": "ClusterAtlas GIN ensemble for N2 reactivity",
        "version": version,
        "smoke": smoke,
        "task": "Predict log10 k1 (cm^3 molecule^-1 s^-1) of a gas-phase metal cluster reacting with N2 from its "
        "GFN2-xTB lowest-energy structure and charge.",
        "basedOn": "GIN approach of JACS Au 2025, 5, 3669 (doi:10.1021/jacsau.5c00764); data of Mou et al., "
        "ACS Catal. 2025, 15, 6618 (doi:10.1021/acscatal.5c01379). Structures and atom features here come "
        "from GFN2-xTB, not DFT.",
        "trainingData": {"clusters": len(records), "families": sorted({r.family for r in records}),
                         "sha256": data_hash["sha256"]},
        "architecture": {
            "type": "GIN-ε (Xu et al. 2019), dense padded graphs, sum readout of every layer (scaled by 1/mean "
            "training atom count), MLP head on [readout ‖ global features]; deep ensemble over seeds",
            "members": len(seeds),
            "config": final_cfg.to_dict(),
        },
        "hyperparameterSearch": {
            "candidates": [c.to_dict() for c in gin_l.candidates],
            "selection": "per outer split, lowest pooled inner-CV RMSE of a single member; see protocols",
            "protocolBInnerCvRmse": {gin_l.candidates[i].name: _r(v) for i, v in enumerate(b_split.inner_rmse)},
            "baselineCandidates": {"randomForest": learners_by_key["rfComposition"].candidates},
            "chosenPerSplit": per_split,
        },
        "protocols": [{"key": P.key, "title": P.title, "description": P.description} for P in protocols],
        "baselines": {L.key: {"label": L.label, **({"note": L.note} if L.note else {})} for L in learners},
        "descriptorBaseline": {"columns": descriptor_names} if descriptor_names else
        {"skipped": "homonuclear-159-8features.xlsx not found"},
        "metrics": metrics,
        "metricsOverSeeds": {
            "description": f"The whole nested evaluation repeated {repeats}× with other seeds (GIN members 5r … 5r+4, "
            "forests seed r, for repeat r); pooled held-out RMSE per repeat, mean and sample sd. Repeat 0 is the one "
            "in 'metrics', the held-out predictions and the calibration. The training mean is deterministic.",
            "repeats": repeats,
            "rmse": over_seeds(records, protocols, results, repeats),
        },
        "applicabilityDomain": {k: v for k, v in domain.items() if k not in ("embeddingMean", "embeddingStd")},
    }
    exploration = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "exploration.json")
    if os.path.exists(exploration) and not smoke:
        import json

        with open(exploration, encoding="utf-8") as fh:
            card["hyperparameterSearch"]["developmentExploration"] = json.load(fh)
    for key in ("rfComposition", "rfDescriptors"):
        if key in learners_by_key:
            cands = learners_by_key[key].candidates
            card["hyperparameterSearch"].setdefault("baselineChosenPerSplit", {})[key] = {
                P.key: [cands[s.chosen] for s in results[(key, P.key)].splits]
                for P in protocols if (key, P.key) in results
            }
    write_json(os.path.join(out, "model-card.json"), card)
    family_rows = []
    for s_i, S in enumerate(next(P for P in protocols if P.key == "c").splits):
        row = {"family": S.name, "n": len(S.test)}
        for key in LEARNER_ORDER:
            res = results.get((key, "c"))
            if res is not None:
                split = res.splits[s_i]
                row[key] = _r(regression_metrics([records[i].log10_k1 for i in split.test], split.mean)["rmse"])
        family_rows.append(row)
    card["metrics"]["cByFamilyRmse"] = family_rows
    with open(os.path.join(out, "model-card.md"), "w", encoding="utf-8") as fh:
        fh.write(markdown_table(card, learners))

    files = {}
    for role, rel in [
        ("model", "gin-ensemble.onnx"),
        ("pytorchCheckpoint", "gin-ensemble.pt"),
        ("trainingEmbeddings", "training-embeddings.f32"),
        ("modelCard", "model-card.json"),
        ("modelCardMarkdown", "model-card.md"),
        ("outOfFoldPredictions", "oof-predictions.json"),
        ("goldenInputs", "golden/inputs.json"),
        ("goldenPredictions", "golden/predictions.json"),
    ]:
        files[role] = {"path": rel, "sha256": sha256_file(os.path.join(out, rel))}
    files["trainingEmbeddings"].update({"dtype": "float32", "byteOrder": "little", "shape": list(emb.shape),
                                        "rows": "training.clusterIds, in order"})

    norm = ensemble.members[0]
    manifest = {
        "schemaVersion": 1,
        "name": "clusteratlas-gin-n2",
        "version": version,
        "target": {"name": "log10K1", "reactant": "N2", "unit": "log10(cm^3 molecule^-1 s^-1)"},
        "files": files,
        "onnx": io,
        "ensemble": {
            "members": len(seeds),
            "seeds": list(seeds),
            "mean": "output log10k1_mean = arithmetic mean of log10k1_members",
            "std": "population standard deviation (ddof = 0) of log10k1_members",
        },
        "features": {
            **spec.to_manifest(),
            "structure": "rank-0 (lowest-energy) GFN2-xTB isomer of contract 2",
            "normalisation": {
                "appliedInsideModel": True,
                "note": "feed raw values; the graph computes (x − mean) / std (one-hot columns: mean 0, std 1)",
                "atomMean": [float(v) for v in norm.atom_mean.tolist()],
                "atomStd": [float(v) for v in norm.atom_std.tolist()],
                "globalMean": [float(v) for v in norm.global_mean.tolist()],
                "globalStd": [float(v) for v in norm.global_std.tolist()],
            },
            "mask": "atom_mask 1 = atom present, 0 = absent/padding; absent atoms contribute nothing",
        },
        "training": {
            "clusterIds": [r.id for r in records],
            "atomCount": {"min": min(r.n_atoms for r in records), "max": max(r.n_atoms for r in records)},
            "elements": sorted({el for r in records for el, _ in r.composition}),
            "data": data_hash,
            "config": final_cfg.to_dict(),
        },
        "applicabilityDomain": domain,
        "metrics": metrics,
    }
    write_json(os.path.join(out, "manifest.json"), manifest)


def markdown_table(card, learners) -> str:
    labels = {L.key: L.label for L in learners}
    lines = [
        "| protocol | model | n | RMSE | MAE | R² |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    titles = {p["key"]: p["title"] for p in card["protocols"]}
    for pk, m in card["metrics"].items():
        if pk not in titles:
            continue
        for key in LEARNER_ORDER:
            if key not in m:
                continue
            v = m[key]
            r2 = "—" if v["r2"] is None else f"{v['r2']:.2f}"
            name = f"**{labels[key]}**" if key == "gin" else labels[key]
            lines.append(f"| ({pk}) {titles[pk]} | {name} | {v['n']} | {v['rmse']:.3f} | {v['mae']:.3f} | {r2} |")
    lines.append("")
    lines.append("log10 k1 in log10(cm³ molecule⁻¹ s⁻¹). Pooled held-out predictions; hyperparameters chosen by "
                 "inner CV on each training set only. The 8-descriptor baseline applies to protocol (a) only "
                 "(descriptors are published for the homonuclear clusters only).")
    seeds = card.get("metricsOverSeeds")
    if seeds and seeds["repeats"] > 1:
        keys = [k for k in LEARNER_ORDER if any(k in row for row in seeds["rmse"].values())]
        lines += ["", f"Pooled held-out RMSE, mean ± sd over {seeds['repeats']} repeats of the whole nested evaluation "
                  "with other seeds (per-repeat values in model-card.json `metricsOverSeeds`):", "",
                  "| model | " + " | ".join(f"({pk})" for pk in seeds["rmse"]) + " |",
                  "| --- | " + " | ".join("---:" for _ in seeds["rmse"]) + " |"]
        for key in keys:
            cells = []
            for row in seeds["rmse"].values():
                v = row.get(key)
                cells.append("—" if v is None else f"{v['rmseMean']:.3f}" + ("" if v["rmseSd"] is None else f" ± {v['rmseSd']:.3f}"))
            lines.append(f"| {labels[key]} | " + " | ".join(cells) + " |")
    fam = card["metrics"].get("cByFamilyRmse")
    if fam:
        keys = [k for k in LEARNER_ORDER if k in fam[0]]
        lines += ["", "Protocol (c), RMSE per held-out family:", "",
                  "| family | n | " + " | ".join(labels[k] for k in keys) + " |",
                  "| --- | ---: | " + " | ".join("---:" for _ in keys) + " |"]
        for row in fam:
            lines.append(f"| {row['family']} | {row['n']} | " + " | ".join(f"{row[k]:.3f}" for k in keys) + " |")
    return "\n".join(lines) + "\n"
