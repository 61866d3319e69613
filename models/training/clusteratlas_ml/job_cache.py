"""Resumable cache of evaluation fits (models/training/cache/evaluation-jobs.jsonl, committed).

Every held-out fit of the nested evaluation is deterministic (fixed seeds, one torch thread), so
its predictions are a function of the training data, the configuration, the index sets, the
seeds and the training code. The cache key is a sha256 over exactly those; a line is appended as
soon as a fit returns, so an interrupted `npm run train` resumes where it stopped, and a rerun
with nothing changed reproduces the model card without refitting. Arrays are stored as their raw
bytes (base64) with their dtype, so a cached result is bit-identical to a fresh one.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os

import numpy as np

# The code a fit's predictions depend on; changing any of it invalidates every entry.
CODE_FILES = ("evaluate.py", "training.py", "gin.py", "features.py", "baselines.py", "data.py", "elements.py")


def code_digest() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for name in CODE_FILES:
        with open(os.path.join(here, name), "rb") as fh:
            h.update(name.encode() + b"\0" + fh.read() + b"\0")
    return h.hexdigest()


def _encode(a):
    if a is None:
        return None
    a = np.ascontiguousarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def _decode(v):
    if v is None:
        return None
    return np.frombuffer(base64.b64decode(v["b64"]), dtype=np.dtype(v["dtype"])).reshape(v["shape"]).copy()


class JobCache:
    def __init__(self, path: str, data_sha256: str):
        self.path = path
        self.salt = {"data": data_sha256, "code": code_digest()}
        self.entries: dict[str, tuple] = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        e = json.loads(line)
                        self.entries[e["key"]] = (_decode(e["mean"]), _decode(e["std"]))

    def key(self, description: dict) -> str:
        text = json.dumps({**description, **self.salt}, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def get(self, key: str):
        return self.entries.get(key)

    def put(self, key: str, value: tuple) -> None:
        self.entries[key] = value
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"key": key, "mean": _encode(value[0]), "std": _encode(value[1])}) + "\n")
