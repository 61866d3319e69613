from __future__ import annotations

import numpy as np


def regression_metrics(observed, predicted) -> dict:
    """RMSE, MAE and R² (1 − SS_res/SS_tot about the mean of the pooled observations)."""
    y = np.asarray(observed, dtype=float)
    p = np.asarray(predicted, dtype=float)
    resid = y - p
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    return {
        "n": int(y.size),
        "rmse": float(np.sqrt(np.mean(resid**2))),
        "mae": float(np.mean(np.abs(resid))),
        "r2": float(1.0 - np.sum(resid**2) / ss_tot) if ss_tot > 0 else None,
    }
