# Wrong: P(g, y) / (P(g) P(y)), the weights upside down: rare cells get *smaller* weights, which
# makes the bias in the data stronger.
import numpy as np


def reweighing(y, group):
    y, group = np.asarray(y), np.asarray(group)
    if y.size == 0 or y.shape != group.shape or not np.isin(y, (0, 1)).all():
        raise ValueError("bad input")
    y = y.astype(int)
    _, g = np.unique(group, return_inverse=True)
    n = y.size
    n_gy = np.zeros((g.max() + 1, 2))
    np.add.at(n_gy, (g, y), 1)
    return n * n_gy[g, y] / (np.bincount(g)[g] * np.bincount(y, minlength=2)[y])
