# Wrong: uses the singular values (standard deviations) instead of their squares (variances).
import numpy as np


def explained_variance_ratio(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad input")
    S = np.linalg.svd(X - X.mean(0), compute_uv=False)
    return S / S.sum() if S.sum() > 0 else np.zeros_like(S)


def choose_n_components(ratio, threshold):
    r = np.asarray(ratio, dtype=float)
    if r.ndim != 1 or r.size == 0 or not 0 < threshold < 1:
        raise ValueError("bad input")
    return min(int(np.searchsorted(np.cumsum(r), threshold, side="right")) + 1, r.size)
