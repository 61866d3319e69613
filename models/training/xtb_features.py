#!/usr/bin/env python3
"""Cluster-level electronic features from GFN2-xTB on the rank-0 isomer of every seed cluster:
vertical IP and EA (`xtb --vipea`, analogues of the authors' VIE/VDE, IE and EA) and the energy of
the same geometry in the neighbouring spin states (multiplicity ± 2) for the gap to the next spin
state. Resumable: results are cached per cluster in seed/features/xtb-electronic.json (committed)
and a cluster already there is not recomputed. Fukui indices are not computed (`--vfukui` fails
SCC on Mo5S2¯ and its f(−) values were unphysical; see issue 13).

    XTBPATH=/usr/share/xtb /usr/bin/python3 models/training/xtb_features.py [--limit N]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clusteratlas_ml.data import REPO_ROOT, load_clusters  # noqa: E402

CACHE = os.path.join(REPO_ROOT, "seed", "features", "xtb-electronic.json")
HARTREE_EV = 27.211386245988
SETTINGS = {"method": "GFN2-xTB", "program": "xtb", "electronicTemperatureK": 300, "accuracy": 1,
            "geometry": "rank-0 isomer of seed/structures/data, not re-optimised", "ipea": "--vipea (delta SCC, IPEA-xTB parameters)"}


def _xyz(isomer) -> str:
    atoms = isomer["atoms"]
    return f"{len(atoms)}\n\n" + "".join(f"{a['element']} {a['xyzAngstrom'][0]:.6f} {a['xyzAngstrom'][1]:.6f} {a['xyzAngstrom'][2]:.6f}\n" for a in atoms)


def _run(workdir: str, args: list[str], timeout=120) -> tuple[int, str]:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", XTBPATH=os.environ.get("XTBPATH", "/usr/share/xtb"))
    try:
        p = subprocess.run(["xtb", "mol.xyz", *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        return -1, ""


_ENERGY = re.compile(r"TOTAL ENERGY\s+(-?\d+\.\d+) Eh")


def compute(record) -> dict:
    out: dict = {"clusterId": record.id, "charge": record.charge, "multiplicity": record.multiplicity}
    with tempfile.TemporaryDirectory(prefix="xtbfeat-") as wd:
        with open(os.path.join(wd, "mol.xyz"), "w") as fh:
            fh.write(_xyz(record.isomer))
        base = ["--gfn", "2", "--etemp", "300", "--acc", "1"]
        rc, text = _run(wd, [*base, "--vipea", "--chrg", str(record.charge), "--uhf", str(record.multiplicity - 1)])
        ip = re.search(r"delta SCC IP \(eV\):\s+(-?\d+\.\d+)", text)
        ea = re.search(r"delta SCC EA \(eV\):\s+(-?\d+\.\d+)", text)
        out["ipEv"] = float(ip.group(1)) if ip and rc == 0 else None
        out["eaEv"] = float(ea.group(1)) if ea and rc == 0 else None
        energies = {}
        for m in (record.multiplicity - 2, record.multiplicity, record.multiplicity + 2):
            if m < 1:
                continue
            rc, text = _run(wd, [*base, "--sp", "--chrg", str(record.charge), "--uhf", str(m - 1)])
            e = _ENERGY.findall(text)
            energies[str(m)] = float(e[-1]) if e and rc == 0 else None
        out["energyHartreeByMultiplicity"] = energies
        e0 = energies.get(str(record.multiplicity))
        others = [v for k, v in energies.items() if k != str(record.multiplicity) and v is not None]
        # Positive: the assigned spin state is the lowest of the three at this geometry.
        out["gapToNextSpinStateEv"] = round((min(others) - e0) * HARTREE_EV, 5) if e0 is not None and others else None
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None)
    args = p.parse_args()
    records, _ = load_clusters(REPO_ROOT)
    cache = {"description": __doc__.split("\n\n")[0], "settings": SETTINGS, "clusters": {}}
    if os.path.exists(CACHE):
        with open(CACHE, encoding="utf-8") as fh:
            cache = json.load(fh)
    missing = [r for r in records if r.id not in cache["clusters"]]
    todo = missing[: args.limit]
    print(f"{len(records) - len(missing)} cached, {len(todo)} to compute now", file=sys.stderr)
    t0 = time.time()
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    for k, r in enumerate(todo):
        cache["clusters"][r.id] = compute(r)
        cache["clusters"] = dict(sorted(cache["clusters"].items()))
        tmp = CACHE + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(cache, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, CACHE)
        print(f"[{k + 1}/{len(todo)}] {r.id} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
