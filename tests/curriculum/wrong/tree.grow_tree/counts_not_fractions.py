# Wrong: stores the class counts in value instead of the class fractions.
import numpy as np

from groundup.ml.tree import best_split


def grow_tree(X, y, max_depth=None, min_samples_split=2, min_samples_leaf=1, criterion="gini"):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[0] == 0:
        raise ValueError("bad shapes")
    if y.dtype.kind not in "iu" or y.min() < 0:
        raise ValueError("y must hold class indices")
    k = int(y.max()) + 1
    feature, threshold, left, right, value = [], [], [], [], []

    def build(rows, depth):
        i = len(feature)
        counts = np.bincount(y[rows], minlength=k)
        feature.append(-2)
        threshold.append(-2.0)
        left.append(-1)
        right.append(-1)
        value.append(counts.astype(float))
        if ((max_depth is not None and depth >= max_depth) or rows.size < min_samples_split
                or rows.size < 2 * min_samples_leaf or (counts > 0).sum() == 1):
            return i
        f, t, _ = best_split(X[rows], y[rows], criterion, min_samples_leaf)
        if f == -1:
            return i
        go = X[rows, f] <= t
        feature[i], threshold[i] = f, t
        left[i] = build(rows[go], depth + 1)
        right[i] = build(rows[~go], depth + 1)
        return i

    build(np.arange(X.shape[0]), 0)
    return {"feature": np.array(feature), "threshold": np.array(threshold),
            "left": np.array(left), "right": np.array(right), "value": np.array(value)}
