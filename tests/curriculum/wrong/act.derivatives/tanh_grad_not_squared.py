# Wrong: 1 - tanh(x) instead of 1 - tanh(x)**2 (forgot the square).
import numpy as np
from scipy.special import erf, expit


def sigmoid_grad(x):
    s = expit(np.asarray(x, dtype=float))
    return s * (1 - s)


def tanh_grad(x):
    return 1 - np.tanh(np.asarray(x, dtype=float))


def relu_grad(x):
    return (np.asarray(x, dtype=float) > 0).astype(float)


def gelu_grad(x):
    x = np.asarray(x, dtype=float)
    return 0.5 * (1 + erf(x / np.sqrt(2))) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi)
