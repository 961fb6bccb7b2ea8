# Wrong: stops at the first running total >= t; scikit-learn needs strictly more than t.
import numpy as np


def explained_variance_ratio(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad input")
    Xc = X - X.mean(0)
    w = np.maximum(np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))[::-1], 0)[: min(X.shape)]
    return w / w.sum() if w.sum() > 0 else np.zeros_like(w)


def choose_n_components(ratio, threshold):
    r = np.asarray(ratio, dtype=float)
    if r.ndim != 1 or r.size == 0 or not 0 < threshold < 1:
        raise ValueError("bad input")
    return min(int(np.searchsorted(np.cumsum(r), threshold, side="left")) + 1, r.size)
