# Wrong: the textbook sigmoid 1 / (1 + exp(-x)): exp(-x) overflows for x < -709.
import math

import numpy as np
from scipy.special import erf


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return 1 / (1 + np.exp(-x))


def tanh(x):
    x = np.asarray(x, dtype=float)
    a = -2 * np.abs(x)
    return np.sign(x) * -np.expm1(a) / (1 + np.exp(a))


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + erf(x / math.sqrt(2)))
