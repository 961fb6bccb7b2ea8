# Wrong: the variance divides by R - 1 (ddof=1) instead of R, so bias² + variance no longer
# equals the mean squared distance to f.
import numpy as np


def bias_variance_decompose(predictions, f_true):
    P, f = np.asarray(predictions, dtype=float), np.asarray(f_true, dtype=float)
    if P.ndim != 2 or 0 in P.shape or f.shape != (P.shape[1],):
        raise ValueError("bad shapes")
    mean = P.mean(axis=0)
    variance = P.var(axis=0, ddof=1).mean() if P.shape[0] > 1 else 0.0
    return float(((mean - f) ** 2).mean()), float(variance)
