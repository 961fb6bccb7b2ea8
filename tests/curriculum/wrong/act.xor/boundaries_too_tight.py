# Wrong: class 1 only in a thin band 0.925 < x1 + x2 < 1.075: right on the exact corners,
# but points a little off (0, 1) and (1, 0) fall outside the band.
import numpy as np


def xor_forward(X, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    if W1.shape != (2, 2) or b1.shape != (2,) or W2.shape != (1, 2) or b2.shape != (1,):
        raise ValueError("bad shapes")
    H = np.maximum(X @ W1.T + b1, 0)
    return 1 / (1 + np.exp(-(H @ W2.T + b2)))


def xor_weights():
    # h1 = relu(s - 0.9), h2 = relu(s - 1), s = x1 + x2; logit = 200 h1 - 400 h2 - 5.
    return np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([-0.9, -1.0]), \
        np.array([[200.0, -400.0]]), np.array([-5.0])
