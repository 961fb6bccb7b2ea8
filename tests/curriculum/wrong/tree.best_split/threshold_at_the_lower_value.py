# Wrong: the threshold is the lower sorted value, not the midpoint between the two values.
import numpy as np


def _impurity(counts, criterion):
    total = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = counts / total
        if criterion == "gini":
            return 1.0 - (p * p).sum(axis=-1)
        return -(p * np.log2(np.where(p > 0, p, 1.0))).sum(axis=-1)


def best_split(X, y, criterion="gini", min_samples_leaf=1):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError("bad shapes")
    if criterion not in ("gini", "entropy", "log_loss"):
        raise ValueError("unknown criterion")
    if min_samples_leaf < 1:
        raise ValueError("min_samples_leaf must be >= 1")
    n = X.shape[0]
    _, codes = np.unique(y, return_inverse=True)
    onehot = np.eye(codes.max() + 1)[codes]
    order = np.argsort(X, axis=0, kind="stable")
    xs = np.take_along_axis(X, order, axis=0)
    left = np.cumsum(onehot[order], axis=0)[:-1]
    total = onehot.sum(axis=0)
    right = total - left
    n_left = np.arange(1, n)[:, None]
    gain = _impurity(total, criterion) - (n_left * _impurity(left, criterion)
                                          + (n - n_left) * _impurity(right, criterion)) / n
    valid = (xs[1:] > xs[:-1]) & (n_left >= min_samples_leaf) & (n - n_left >= min_samples_leaf)
    gain = np.where(valid, gain, -np.inf)
    if not valid.any():
        return -1, float("nan"), 0.0
    feature, i = divmod(int(np.argmax(gain.T)), n - 1)
    threshold = xs[i, feature]
    return int(feature), float(threshold), float(gain[i, feature])
