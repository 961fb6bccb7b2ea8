# Wrong: forgets that eigh sorts ascending: returns the smallest-variance components first.
import numpy as np


def covariance_eigh(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or not 1 <= n_components <= X.shape[1]:
        raise ValueError("bad input")
    Xc = X - X.mean(0)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    comps = V.T
    signs = np.sign(comps[np.arange(len(comps)), np.abs(comps).argmax(1)])
    return (comps * signs[:, None])[:n_components], np.maximum(w, 0)[:n_components]
