# Wrong: divides the window sums by len(x) instead of by the window length.
import numpy as np


def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or int(window) != window or not 1 <= window <= x.size:
        raise ValueError("x must be 1-D and 1 <= window <= len(x)")
    c = np.concatenate([[0.0], np.cumsum(x)])
    return (c[window:] - c[:-window]) / x.size
