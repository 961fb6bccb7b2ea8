# Wrong: measures the spread of the predictions around the true f instead of around the mean
# prediction, which counts the bias twice.
import numpy as np


def bias_variance_decompose(predictions, f_true):
    P, f = np.asarray(predictions, dtype=float), np.asarray(f_true, dtype=float)
    if P.ndim != 2 or 0 in P.shape or f.shape != (P.shape[1],):
        raise ValueError("bad shapes")
    mean = P.mean(axis=0)
    return float(((mean - f) ** 2).mean()), float(((P - f) ** 2).mean())
