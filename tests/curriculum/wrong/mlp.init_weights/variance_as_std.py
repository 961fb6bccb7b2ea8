# Wrong: passes the variance 2 / fan_in to rng.normal, which takes the standard deviation.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    a = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in))


def he_normal(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    return rng.normal(0.0, 2 / fan_in, size=(fan_out, fan_in))
