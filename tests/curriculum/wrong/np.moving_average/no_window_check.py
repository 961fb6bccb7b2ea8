# Wrong: no validation of window: window > len(x) returns an empty array instead of raising.
import numpy as np


def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    c = np.concatenate([[0.0], np.cumsum(x)])
    return (c[window:] - c[:-window]) / window
