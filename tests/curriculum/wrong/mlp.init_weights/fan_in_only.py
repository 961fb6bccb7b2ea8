# Wrong: Xavier with a = sqrt(3 / fan_in) (variance 1 / fan_in, LeCun's): ignores fan_out.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    a = np.sqrt(3 / fan_in)
    return rng.uniform(-a, a, size=(fan_out, fan_in))


def he_normal(fan_in, fan_out, rng):
    if fan_in < 1 or fan_out < 1:
        raise ValueError("fans must be >= 1")
    return rng.normal(0.0, np.sqrt(2 / fan_in), size=(fan_out, fan_in))
