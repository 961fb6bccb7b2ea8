# Wrong: squares the average bias instead of averaging the squared bias, so biases of
# opposite signs at different points cancel out.
import numpy as np


def bias_variance_decompose(predictions, f_true):
    P, f = np.asarray(predictions, dtype=float), np.asarray(f_true, dtype=float)
    if P.ndim != 2 or 0 in P.shape or f.shape != (P.shape[1],):
        raise ValueError("bad shapes")
    mean = P.mean(axis=0)
    return float((mean - f).mean() ** 2), float(((P - mean) ** 2).mean())
