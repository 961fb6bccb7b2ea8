# Wrong: backpropagates through the weights only, forgetting to multiply by f'(Z) at each layer.
import numpy as np

F = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh,
     "relu": lambda z: np.maximum(z, 0)}


def layer_gradient_norms(X, weights, activation="sigmoid"):
    X, weights = np.asarray(X, dtype=float), np.asarray(weights, dtype=float)
    if activation not in F or weights.ndim != 3 or weights.shape[1] != weights.shape[2] \
            or X.shape[1] != weights.shape[2]:
        raise ValueError("bad input")
    Hs = [X]
    for W in weights:
        Hs.append(F[activation](Hs[-1] @ W.T))
    G, norms = np.ones_like(Hs[-1]), np.empty(len(weights))
    for k in reversed(range(len(weights))):
        norms[k] = np.linalg.norm(G.T @ Hs[k])
        G = G @ weights[k]
    return norms
