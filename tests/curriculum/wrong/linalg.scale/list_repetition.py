# Wrong: no conversion to an array; `3 * [1, -2]` repeats the list, `2.5 * [...]` fails.
import numpy as np


def scale(c, v):
    if np.ndim(v) != 1:
        raise ValueError("v must be 1-D")
    return c * v
