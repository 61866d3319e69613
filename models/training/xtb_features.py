#!/usr/bin/env python3
"""Cluster-level electronic features from GFN2-xTB on the rank-0 isomer of every seed cluster:
vertical IP and EA (`xtb --vipea`, analogues of the authors' VIE/VDE, IE and EA) and the energy of
the same geometry in the neighbouring spin states (multiplicity ± 2) for the gap to the next spin
state. Resumable: results are cached per cluster in seed/features/xtb-electronic.json (committed)
and a cluster already there with the current SETTINGS version is not recomputed. Fukui indices are
not computed (`--vfukui` fails SCC on Mo5S2¯ and its f(−) values were unphysical; see issue 13).

SCC settings are the structure search's (server/src/xtb SEARCH_SETTINGS): start from atomic
densities (`guess=sad`) at 300 K, and retry a calculation whose SCC does not converge at 1000 K;
the temperature used is recorded with each value. An EA larger than the IP of the same species
(a negative fundamental gap, e.g. +14 eV for Mo5S2¯ → Mo5S2²¯ at 1000 K) is an SCC artefact and
is stored as null.

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
SETTINGS = {"version": 3, "method": "GFN2-xTB", "program": "xtb", "scfGuess": "sad",
            "electronicTemperatureK": [300, 1000], "accuracy": 1,
            "retry": "a calculation whose SCC fails at 300 K is repeated at 1000 K (the structure search's rule)",
            "validation": "EA kept only when EA < IP (positive fundamental gap); converged negative IPs (most Fe anions) are kept",
            "geometry": "rank-0 isomer of seed/structures/data, not re-optimised", "ipea": "--vip and --vea in separate runs (delta SCC, IPEA-xTB parameters)"}
TEMPERATURES_K = (300, 1000)


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


def _first_converged(wd: str, args: list[str], parse) -> tuple[object, int | None]:
    """Runs args at each electronic temperature in turn; the first run that exits 0 and parses wins."""
    for kelvin in TEMPERATURES_K:
        # --norestart: every run starts from atomic densities, never from the previous run's
        # wavefunction left in the work directory (xtbrestart), so results do not depend on order.
        rc, text = _run(wd, ["--gfn", "2", "--etemp", str(kelvin), "--acc", "1", "--input", "xcontrol", "--norestart", *args])
        value = parse(text) if rc == 0 else None
        if value is not None:
            return value, kelvin
    return None, None


def _delta_scc(kind: str):
    pattern = re.compile(rf"delta SCC {kind} \(eV\):\s+(-?\d+\.\d+)")

    def parse(text: str):
        m = pattern.search(text)
        return float(m.group(1)) if m else None

    return parse


def _energy(text: str):
    e = _ENERGY.findall(text)
    return float(e[-1]) if e else None


def compute(record) -> dict:
    out: dict = {"clusterId": record.id, "charge": record.charge, "multiplicity": record.multiplicity,
                 "settingsVersion": SETTINGS["version"]}
    with tempfile.TemporaryDirectory(prefix="xtbfeat-") as wd:
        with open(os.path.join(wd, "mol.xyz"), "w") as fh:
            fh.write(_xyz(record.isomer))
        with open(os.path.join(wd, "xcontrol"), "w") as fh:
            fh.write("$scc\n   guess=sad\n$end\n")
        # IP and EA in separate runs: one failed SCC (often the dianion's) must not discard the other.
        state = ["--chrg", str(record.charge), "--uhf", str(record.multiplicity - 1)]
        ip, ip_kelvin = _first_converged(wd, ["--vip", *state], _delta_scc("IP"))
        ea, ea_kelvin = _first_converged(wd, ["--vea", *state], _delta_scc("EA"))
        # An EA above the IP (a negative fundamental gap) is an SCC artefact. A negative IP is kept:
        # IPEA-xTB gives converged negative VDEs for most Fe anions, a weakness of the
        # parametrization, not a failed calculation.
        ea_valid = ea is not None and ip is not None and ea < ip
        out["ipEv"], out["ipElectronicTemperatureK"] = ip, ip_kelvin
        out["eaEv"], out["eaElectronicTemperatureK"] = (ea, ea_kelvin) if ea_valid else (None, None)
        energies, temps = {}, {}
        for m in (record.multiplicity - 2, record.multiplicity, record.multiplicity + 2):
            if m < 1:
                continue
            e, kelvin = _first_converged(wd, ["--sp", "--chrg", str(record.charge), "--uhf", str(m - 1)], _energy)
            energies[str(m)], temps[str(m)] = e, kelvin
        out["energyHartreeByMultiplicity"] = energies
        out["spElectronicTemperatureKByMultiplicity"] = temps
        e0 = energies.get(str(record.multiplicity))
        # Energies at different electronic temperatures are not comparable (Fermi smearing).
        others = [v for k, v in energies.items()
                  if k != str(record.multiplicity) and v is not None and temps[k] == temps[str(record.multiplicity)]]
        # Positive: the assigned spin state is the lowest of the three at this geometry.
        out["gapToNextSpinStateEv"] = round((min(others) - e0) * HARTREE_EV, 5) if e0 is not None and others else None
    return out


def _save(cache: dict) -> None:
    cache["clusters"] = dict(sorted(cache["clusters"].items()))
    tmp = CACHE + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(cache, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, CACHE)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None)
    args = p.parse_args()
    records, _ = load_clusters(REPO_ROOT)
    cache = {"description": __doc__.split("\n\n")[0], "settings": SETTINGS, "clusters": {}}
    if os.path.exists(CACHE):
        with open(CACHE, encoding="utf-8") as fh:
            cache = json.load(fh)
    cache["settings"] = SETTINGS
    missing = [r for r in records if cache["clusters"].get(r.id, {}).get("settingsVersion") != SETTINGS["version"]]
    todo = missing[: args.limit]
    print(f"{len(records) - len(missing)} cached, {len(todo)} to compute now", file=sys.stderr)
    t0 = time.time()
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    if not todo:
        _save(cache)
    for k, r in enumerate(todo):
        cache["clusters"][r.id] = compute(r)
        _save(cache)
        print(f"[{k + 1}/{len(todo)}] {r.id} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
