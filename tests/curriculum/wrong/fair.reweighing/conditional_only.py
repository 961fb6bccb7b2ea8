# Wrong: P(y) / P(y | g), forgetting that P(g, y) = P(g) P(y | g) must be divided into
# P(g) P(y) with the *joint* count: uses n_y / n_gy, off by the factor n_g / n.
import numpy as np


def reweighing(y, group):
    y, group = np.asarray(y), np.asarray(group)
    if y.size == 0 or y.shape != group.shape or not np.isin(y, (0, 1)).all():
        raise ValueError("bad input")
    y = y.astype(int)
    _, g = np.unique(group, return_inverse=True)
    n_gy = np.zeros((g.max() + 1, 2))
    np.add.at(n_gy, (g, y), 1)
    return np.bincount(y, minlength=2)[y] / n_gy[g, y]
