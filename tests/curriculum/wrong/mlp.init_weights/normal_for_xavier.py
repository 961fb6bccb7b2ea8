# Wrong: Xavier's variance, but drawn from a Normal instead of a uniform.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    return rng.normal(0.0, np.sqrt(2 / (fan_in + fan_out)), size=(fan_out, fan_in))


def he_normal(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    return rng.normal(0.0, np.sqrt(2 / fan_in), size=(fan_out, fan_in))
