# Wrong: the cumulative sums lack the leading 0, so the first window is lost (n - w values).
import numpy as np


def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or int(window) != window or not 1 <= window <= x.size:
        raise ValueError("x must be 1-D and 1 <= window <= len(x)")
    c = np.cumsum(x)
    return (c[window:] - c[:-window]) / window
