# Wrong: x * sigmoid(1.702 x) only approximates GELU (errors up to ~0.02).

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x):
    x = np.asarray(x, dtype=float)
    a = -2 * np.abs(x)
    return np.sign(x) * -np.expm1(a) / (1 + np.exp(a))


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * sigmoid(1.702 * x)
