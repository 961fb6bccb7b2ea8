# Wrong: the norms come out from the last layer to the first (appended during the backward
# pass and never reversed).
import numpy as np

F = {"sigmoid": (lambda z: 1 / (1 + np.exp(-z)),
                 lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
     "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
     "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float))}


def layer_gradient_norms(X, weights, activation="sigmoid"):
    X, weights = np.asarray(X, dtype=float), np.asarray(weights, dtype=float)
    if activation not in F or weights.ndim != 3 or weights.shape[1] != weights.shape[2] \
            or X.shape[1] != weights.shape[2]:
        raise ValueError("bad input")
    f, df = F[activation]
    Hs, Zs = [X], []
    for W in weights:
        Zs.append(Hs[-1] @ W.T)
        Hs.append(f(Zs[-1]))
    G, norms = np.ones_like(Hs[-1]), []
    for k in reversed(range(len(weights))):
        D = G * df(Zs[k])
        norms.append(np.linalg.norm(D.T @ Hs[k]))
        G = D @ weights[k]
    return np.array(norms)
