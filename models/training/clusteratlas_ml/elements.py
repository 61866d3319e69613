"""Free-atom element properties used as atom features.

The table is written into the manifest, so the TypeScript featurizer reads the same numbers and
the model can describe an element it never saw in training (the applicability domain still flags
it). Sources: Pauling electronegativity and first ionisation energy (NIST ASD, eV) as tabulated in
the CRC Handbook; covalent radii from Cordero et al., Dalton Trans. 2008, 2832 (low-spin values for
Mn/Fe/Co, sp3 for C). Valence electrons = group number for d-block metals, s+p count for main group.
"""
from __future__ import annotations

# symbol: (atomicNumber, period, group, valenceElectrons, paulingElectronegativity,
#          covalentRadiusAngstrom, firstIonizationEnergyEv, isMetal)
_TABLE = {
    "H": (1, 1, 1, 1, 2.20, 0.31, 13.598, False),
    "B": (5, 2, 13, 3, 2.04, 0.84, 8.298, False),
    "C": (6, 2, 14, 4, 2.55, 0.76, 11.260, False),
    "N": (7, 2, 15, 5, 3.04, 0.71, 14.534, False),
    "O": (8, 2, 16, 6, 3.44, 0.66, 13.618, False),
    "F": (9, 2, 17, 7, 3.98, 0.57, 17.423, False),
    "Si": (14, 3, 14, 4, 1.90, 1.11, 8.152, False),
    "P": (15, 3, 15, 5, 2.19, 1.07, 10.487, False),
    "S": (16, 3, 16, 6, 2.58, 1.05, 10.360, False),
    "Cl": (17, 3, 17, 7, 3.16, 1.02, 12.968, False),
    "Se": (34, 4, 16, 6, 2.55, 1.20, 9.752, False),
    "Sc": (21, 4, 3, 3, 1.36, 1.70, 6.561, True),
    "Ti": (22, 4, 4, 4, 1.54, 1.60, 6.828, True),
    "V": (23, 4, 5, 5, 1.63, 1.53, 6.746, True),
    "Cr": (24, 4, 6, 6, 1.66, 1.39, 6.767, True),
    "Mn": (25, 4, 7, 7, 1.55, 1.39, 7.434, True),
    "Fe": (26, 4, 8, 8, 1.83, 1.32, 7.902, True),
    "Co": (27, 4, 9, 9, 1.88, 1.26, 7.881, True),
    "Ni": (28, 4, 10, 10, 1.91, 1.24, 7.640, True),
    "Cu": (29, 4, 11, 11, 1.90, 1.32, 7.726, True),
    "Zn": (30, 4, 12, 12, 1.65, 1.22, 9.394, True),
    "Y": (39, 5, 3, 3, 1.22, 1.90, 6.217, True),
    "Zr": (40, 5, 4, 4, 1.33, 1.75, 6.634, True),
    "Nb": (41, 5, 5, 5, 1.60, 1.64, 6.759, True),
    "Mo": (42, 5, 6, 6, 2.16, 1.54, 7.092, True),
    "Ru": (44, 5, 8, 8, 2.20, 1.46, 7.361, True),
    "Rh": (45, 5, 9, 9, 2.28, 1.42, 7.459, True),
    "Pd": (46, 5, 10, 10, 2.20, 1.39, 8.337, True),
    "Ag": (47, 5, 11, 11, 1.93, 1.45, 7.576, True),
    "Cd": (48, 5, 12, 12, 1.69, 1.44, 8.994, True),
    "La": (57, 6, 3, 3, 1.10, 2.07, 5.577, True),
    "Hf": (72, 6, 4, 4, 1.30, 1.75, 6.825, True),
    "Ta": (73, 6, 5, 5, 1.50, 1.70, 7.550, True),
    "W": (74, 6, 6, 6, 2.36, 1.62, 7.864, True),
    "Re": (75, 6, 7, 7, 1.90, 1.51, 7.834, True),
    "Os": (76, 6, 8, 8, 2.20, 1.44, 8.438, True),
    "Ir": (77, 6, 9, 9, 2.20, 1.41, 8.967, True),
    "Pt": (78, 6, 10, 10, 2.28, 1.36, 8.959, True),
    "Au": (79, 6, 11, 11, 2.54, 1.36, 9.226, True),
}

NUMERIC_PROPERTIES = (
    "atomicNumber",
    "period",
    "group",
    "valenceElectrons",
    "paulingElectronegativity",
    "covalentRadiusAngstrom",
    "firstIonizationEnergyEv",
)


def element_table() -> dict[str, dict]:
    """Element symbol -> {property: value}, in the form written to the manifest."""
    out = {}
    for symbol, row in _TABLE.items():
        values = dict(zip(NUMERIC_PROPERTIES, row[:7]))
        values["isMetal"] = row[7]
        out[symbol] = values
    return out


def is_metal(symbol: str) -> bool:
    if symbol not in _TABLE:
        raise KeyError(f"element {symbol!r} is not in the element property table")
    return _TABLE[symbol][7]
