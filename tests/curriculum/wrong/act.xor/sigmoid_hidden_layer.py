# Wrong: sigmoid in the hidden layer instead of ReLU (the forward pass is a different network).
import numpy as np


def xor_forward(X, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    if W1.shape != (2, 2) or b1.shape != (2,) or W2.shape != (1, 2) or b2.shape != (1,):
        raise ValueError("bad shapes")
    H = 1 / (1 + np.exp(-(X @ W1.T + b1)))
    return 1 / (1 + np.exp(-(H @ W2.T + b2)))


def xor_weights():
    return np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0]), \
        np.array([[10.0, -20.0]]), np.array([-5.0])
