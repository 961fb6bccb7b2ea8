# Wrong: divides the covariance by n_samples instead of n_samples - 1.
import numpy as np


def covariance_eigh(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or not 1 <= n_components <= X.shape[1]:
        raise ValueError("bad input")
    Xc = X - X.mean(0)
    w, V = np.linalg.eigh(Xc.T @ Xc / len(X))
    w, comps = np.maximum(w[::-1], 0), V[:, ::-1].T
    signs = np.sign(comps[np.arange(len(comps)), np.abs(comps).argmax(1)])
    return (comps * signs[:, None])[:n_components], w[:n_components]
