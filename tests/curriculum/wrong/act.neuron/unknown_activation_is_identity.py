# Wrong: an unknown activation name silently falls back to the identity instead of raising.
import numpy as np

FUNCS = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0),
         "sigmoid": lambda z: np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))),
                                       np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))}


def neuron(X, w, b, activation="sigmoid"):
    X, w = np.asarray(X, dtype=float), np.asarray(w, dtype=float)
    if X.ndim != 2 or w.ndim != 1 or X.shape[1] != w.shape[0]:
        raise ValueError("bad shapes")
    return FUNCS.get(activation, lambda z: z)(X @ w + b)
