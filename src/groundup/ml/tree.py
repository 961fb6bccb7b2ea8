"""Decision trees from scratch: impurity, the best split, growing and reading a tree.

The pieces (what the learner writes in the ``decision-trees`` topic):

- :func:`gini_impurity`, :func:`entropy` -- how mixed the labels of a node are;
- :func:`information_gain` -- how much a split reduces that mixing;
- :func:`best_split` -- every feature, every threshold, evaluated at once (vectorised);
- :func:`grow_tree` -- split recursively, store the tree in flat arrays;
- :func:`predict_tree` -- send all samples down the flat tree at once, level by level.

The estimators :class:`DecisionTreeClassifier` and :class:`DecisionTreeRegressor` follow
scikit-learn's interface and its algorithm (CART): the same criteria, stopping rules,
thresholds at midpoints, ``feature_importances_`` as normalised impurity decrease. Like
scikit-learn's trees they round ``X`` to float32 (in ``fit`` and ``predict``) and compute in
float64: the thresholds, and so the predictions, are then the same as scikit-learn's.

How the tree is grown fast, without a Python loop over thresholds or over nodes: the tree is
grown *level by level*. Each feature is sorted once, at the root; the sorted order is then
kept, node by node, by a stable partition of each node's segment into its two children (a
cumulative sum, no re-sorting). At each level, one cumulative sum of the class counts (or of
the targets) along each feature's sorted order gives the left-child statistics of *every*
threshold of *every* node at once; the impurity of every candidate split follows in one
vectorised expression, and a segmented maximum picks each node's best split.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.utils import check_random_state
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import _check_sample_weight, check_is_fitted, validate_data

__all__ = [
    "DecisionTreeClassifier",
    "DecisionTreeRegressor",
    "best_split",
    "entropy",
    "gini_impurity",
    "grow_tree",
    "information_gain",
    "predict_tree",
]

EPSILON = float(np.finfo(np.float64).eps)  # a node whose impurity is below this is pure
FEATURE_THRESHOLD = 1e-7  # values closer than this count as equal (as in scikit-learn)
TREE_LEAF = -1  # left/right child of a leaf
TREE_UNDEFINED = -2  # feature and threshold of a leaf
CLASSIFICATION_CRITERIA = ("gini", "entropy", "log_loss")
REGRESSION_CRITERIA = ("squared_error",)


# --------------------------------------------------------------------------------------------
# Impurity

def _labels(y: ArrayLike, name: str = "y") -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {y.shape}")
    if y.size == 0:
        raise ValueError(f"{name} is empty: the impurity of no samples is undefined")
    return y


def _impurity(counts: np.ndarray, criterion: str) -> np.ndarray:
    r"""Impurity of class counts ``counts`` of shape ``(..., K)``, vectorised over ``...``.

    gini: :math:`1 - \sum_k p_k^2`; entropy / log_loss: :math:`-\sum_k p_k \log_2 p_k`,
    with :math:`p_k = c_k / \\sum_j c_j` and :math:`0 \\log 0 = 0`.
    """
    total = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = counts / total
        if criterion == "gini":
            return 1.0 - (p * p).sum(axis=-1)
        logs = np.log2(np.where(p > 0, p, 1.0))
        return -(p * logs).sum(axis=-1)


def gini_impurity(y: ArrayLike) -> float:
    r"""Gini impurity of a node's labels.

    .. math:: G = 1 - \sum_{k=1}^{K} p_k^2, \qquad p_k = \frac{n_k}{n}

    The probability that two labels drawn at random (with replacement) from the node differ.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels (numbers or strings), at least one.

    Returns
    -------
    float
        0 for a pure node, at most ``1 - 1/K``.

    Examples
    --------
    >>> gini_impurity([0, 0, 1, 1])
    0.5
    """
    y = _labels(y)
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(1.0 - (p * p).sum())


def entropy(y: ArrayLike) -> float:
    r"""Entropy of a node's labels, in bits.

    .. math:: H = -\sum_{k=1}^{K} p_k \log_2 p_k, \qquad p_k = \frac{n_k}{n}

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels, at least one.

    Returns
    -------
    float
        0 for a pure node, :math:`\log_2 K` for ``K`` equally frequent classes.

    Examples
    --------
    >>> entropy([0, 0, 1, 1])
    1.0
    """
    y = _labels(y)
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(-(p * np.log2(p)).sum() + 0.0)


def information_gain(y: ArrayLike, left_mask: ArrayLike, criterion: str = "gini") -> float:
    r"""Impurity decrease of splitting a node's samples into ``left_mask`` and the rest.

    .. math:: \Delta I = I(y) - \frac{n_L}{n} I(y_L) - \frac{n_R}{n} I(y_R)

    ``I`` is the Gini impurity or the entropy. An empty side has weight 0 (it contributes
    nothing), so a split that sends every sample to one side gains 0.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels of the node, at least one.
    left_mask : array_like of bool, shape (n_samples,)
        True for the samples that go to the left child.
    criterion : {"gini", "entropy", "log_loss"}
        ``"log_loss"`` is the same as ``"entropy"``.

    Returns
    -------
    float

    Examples
    --------
    >>> information_gain([0, 0, 1, 1], [True, True, False, False])
    0.5
    """
    y = _labels(y)
    mask = np.asarray(left_mask)
    if mask.dtype != bool or mask.shape != y.shape:
        raise ValueError(f"left_mask must be a boolean array of shape {y.shape}, got "
                         f"{mask.dtype} of shape {mask.shape}")
    if criterion not in CLASSIFICATION_CRITERIA:
        raise ValueError(f"criterion must be one of {CLASSIFICATION_CRITERIA}, got {criterion!r}")
    _, codes = np.unique(y, return_inverse=True)
    k = int(codes.max()) + 1
    counts = np.stack([np.bincount(codes[mask], minlength=k),
                       np.bincount(codes[~mask], minlength=k)]).astype(float)  # (2, K)
    n_side = counts.sum(axis=1)
    parent = _impurity(counts.sum(axis=0), criterion)
    children = np.where(n_side > 0, _impurity(counts, criterion), 0.0)
    return float(parent - (n_side * children).sum() / y.size)


# --------------------------------------------------------------------------------------------
# The best split of one node (vectorised over features and thresholds)

def best_split(X: ArrayLike, y: ArrayLike, criterion: str = "gini",
               min_samples_leaf: int = 1) -> tuple[int, float, float]:
    r"""The split ``X[:, feature] <= threshold`` with the largest impurity decrease.

    Every feature and every threshold is evaluated at once: sort each column once, take the
    cumulative class counts along the sorted order (the left child's counts after each
    position), subtract them from the totals (the right child's), and compute

    .. math:: \Delta I = I(\text{node}) - \frac{n_L}{n} I(\text{left})
              - \frac{n_R}{n} I(\text{right})

    for all positions. Thresholds lie halfway between consecutive *distinct* sorted values;
    each child must keep at least ``min_samples_leaf`` samples. Ties go to the lowest feature
    index, then the lowest threshold.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Class labels.
    criterion : {"gini", "entropy", "log_loss"}
    min_samples_leaf : int, default 1

    Returns
    -------
    (feature, threshold, gain) : tuple[int, float, float]
        ``(-1, nan, 0.0)`` when no split is possible (every feature constant, or too few
        samples for two leaves).

    Examples
    --------
    >>> best_split([[1.0], [2.0], [3.0], [4.0]], [0, 0, 1, 1])
    (0, 2.5, 0.5)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError(f"X must have shape (n_samples, n_features) and y shape (n_samples,) "
                         f"with n_samples >= 1; got X {X.shape}, y {y.shape}")
    if criterion not in CLASSIFICATION_CRITERIA:
        raise ValueError(f"criterion must be one of {CLASSIFICATION_CRITERIA}, got {criterion!r}")
    if not isinstance(min_samples_leaf, numbers.Integral) or min_samples_leaf < 1:
        raise ValueError(f"min_samples_leaf must be an integer >= 1, got {min_samples_leaf!r}")
    n = X.shape[0]
    _, codes = np.unique(y, return_inverse=True)
    onehot = np.eye(int(codes.max()) + 1)[codes]  # (n, K)
    order = np.argsort(X, axis=0, kind="stable")  # (n, d)
    xs = np.take_along_axis(X, order, axis=0)  # (n, d), each column sorted
    left = np.cumsum(onehot[order], axis=0)[:-1]  # (n - 1, d, K): split after position i
    total = onehot.sum(axis=0)  # (K,)
    right = total - left
    n_left = np.arange(1, n)[:, None]  # (n - 1, 1)
    children = (n_left * _impurity(left, criterion)
                + (n - n_left) * _impurity(right, criterion)) / n  # (n - 1, d)
    gain = _impurity(total, criterion) - children
    valid = (xs[1:] > xs[:-1]) & (n_left >= min_samples_leaf) & (n - n_left >= min_samples_leaf)
    gain = np.where(valid, gain, -np.inf)
    if not valid.any():
        return -1, float("nan"), 0.0
    # argmax over the transposed array: feature first, then position (ties: lowest of each)
    flat = int(np.argmax(gain.T))
    feature, i = divmod(flat, n - 1)
    threshold = _midpoint(xs[i, feature], xs[i + 1, feature])
    return int(feature), threshold, float(max(gain[i, feature], 0.0))


def _midpoint(a: Any, b: Any) -> Any:
    """Halfway between ``a < b``; ``a`` itself if rounding lands on ``b`` (as scikit-learn)."""
    mid = a / 2.0 + b / 2.0
    return np.where((mid == b) | ~np.isfinite(mid), a, mid) if np.ndim(mid) else \
        float(a if (mid == b or not np.isfinite(mid)) else mid)


# --------------------------------------------------------------------------------------------
# The flat tree and vectorised prediction

def predict_tree(X: ArrayLike, feature: ArrayLike, threshold: ArrayLike, left: ArrayLike,
                 right: ArrayLike, value: ArrayLike) -> np.ndarray:
    r"""Send every row of ``X`` down a flat tree at once; return the value of its leaf.

    Node ``i`` is a leaf when ``left[i] == -1``; otherwise a sample goes to ``left[i]`` when
    ``x[feature[i]] <= threshold[i]`` and to ``right[i]`` otherwise. All samples start at the
    root (node 0) and move down one level per step, together (no loop over samples).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    feature, threshold, left, right : array_like, shape (n_nodes,)
    value : array_like, shape (n_nodes,) or (n_nodes, n_outputs)

    Returns
    -------
    ndarray, shape (n_samples,) or (n_samples, n_outputs)
        ``value[leaf]`` for each row.
    """
    return np.asarray(value)[_apply(X, feature, threshold, left, right)]


def _apply(X: ArrayLike, feature: ArrayLike, threshold: ArrayLike, left: ArrayLike,
           right: ArrayLike) -> np.ndarray:
    """The leaf index of every row of ``X`` (shape (n_samples,)); see :func:`predict_tree`."""
    X = np.asarray(X, dtype=float)
    feature, threshold = np.asarray(feature), np.asarray(threshold, dtype=float)
    left, right = np.asarray(left), np.asarray(right)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n_nodes = left.shape[0]
    if n_nodes == 0 or not (feature.shape == threshold.shape == right.shape == (n_nodes,)):
        raise ValueError("feature, threshold, left and right must be 1-D arrays of the same "
                         "length n_nodes >= 1")
    if np.any(feature[left != TREE_LEAF] >= X.shape[1]):
        raise ValueError(f"the tree splits on a feature that X (with {X.shape[1]} features) "
                         "does not have")
    node = np.zeros(X.shape[0], dtype=np.intp)
    rows = np.arange(X.shape[0])
    active = rows[left[node] != TREE_LEAF]
    while active.size:  # one step per level of the tree
        at = node[active]
        go_left = X[active, feature[at]] <= threshold[at]
        node[active] = np.where(go_left, left[at], right[at])
        active = active[left[node[active]] != TREE_LEAF]
    return node


# --------------------------------------------------------------------------------------------
# Growing a tree, level by level

@dataclass
class Tree:
    """A fitted tree in flat arrays, one entry per node (node 0 is the root).

    ``left[i] == right[i] == -1`` and ``feature[i] == -2`` for a leaf. ``value`` holds the
    class fractions (classification, shape (n_nodes, n_classes)) or the mean target
    (regression, shape (n_nodes,)).
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    impurity: np.ndarray
    n_node_samples: np.ndarray
    weighted_n_node_samples: np.ndarray
    depth: np.ndarray

    @property
    def node_count(self) -> int:
        return int(self.left.shape[0])

    def apply(self, X: np.ndarray) -> np.ndarray:
        return _apply(X, self.feature, self.threshold, self.left, self.right)

    def feature_importances(self, n_features: int) -> np.ndarray:
        """Total weighted impurity decrease per feature, normalised to sum to 1."""
        internal = np.flatnonzero(self.left != TREE_LEAF)
        w, imp = self.weighted_n_node_samples, self.impurity
        lc, rc = self.left[internal], self.right[internal]
        decrease = w[internal] * imp[internal] - w[lc] * imp[lc] - w[rc] * imp[rc]
        importances = np.bincount(self.feature[internal], weights=decrease,
                                  minlength=n_features)[:n_features] / w[0]
        total = importances.sum()
        return importances / total if total > 0 else importances


def _grow(X: np.ndarray, y: np.ndarray, w: np.ndarray, *, n_classes: int, criterion: str,
          max_depth: int | None, min_samples_split: int, min_samples_leaf: int,
          max_features: int, rng: np.random.RandomState) -> Tree:
    """Grow a CART tree level by level on rows with positive weight.

    ``y`` holds class indices ``0..n_classes-1`` (classification, ``n_classes >= 1``) or
    targets (regression, ``n_classes == 0``).
    """
    is_clf = n_classes > 0
    unit_weights = bool(np.all(w == 1.0))
    n_samples, n_features = X.shape
    Xt = np.ascontiguousarray(X.T)  # (d, n): one row per feature
    max_depth_ = np.iinfo(np.int64).max if max_depth is None else max_depth
    if is_clf:
        channels = np.zeros((n_classes, n_samples))  # weighted one-hot, (K, n)
        channels[y, np.arange(n_samples)] = w
    # order[f] lists the active samples grouped by node, sorted by feature f within a node
    index_type = np.int32 if n_samples < 2**31 else np.intp
    order = np.argsort(Xt, axis=1, kind="stable").astype(index_type)  # (d, n)
    counts = np.array([n_samples], dtype=np.intp)
    level_ids = np.zeros(1, dtype=np.intp)  # global node ids of the level
    n_nodes = 1
    parts: list[dict[str, np.ndarray]] = []
    depth = 0
    while level_ids.size:
        m = level_ids.size
        seg = np.repeat(np.arange(m), counts)  # (n_active,): node of each position
        samples = order[0]
        w_s = w[samples]
        w_node = np.bincount(seg, weights=w_s, minlength=m)
        if is_clf:
            stats = np.bincount(seg * n_classes + y[samples], weights=w_s,
                                minlength=m * n_classes).reshape(m, n_classes)
            value = stats / w_node[:, None]
            impurity = _impurity(stats, criterion)
        else:
            value = np.bincount(seg, weights=w_s * y[samples], minlength=m) / w_node
            resid = y[samples] - value[seg]
            impurity = np.bincount(seg, weights=w_s * resid * resid, minlength=m) / w_node
        part = {"value": value, "impurity": impurity, "n": counts.copy(), "w": w_node,
                "feature": np.full(m, TREE_UNDEFINED, dtype=np.intp),
                "threshold": np.full(m, float(TREE_UNDEFINED)),
                "left": np.full(m, TREE_LEAF, dtype=np.intp),
                "right": np.full(m, TREE_LEAF, dtype=np.intp),
                "depth": np.full(m, depth, dtype=np.intp)}
        parts.append(part)
        can_split = ((counts >= min_samples_split) & (counts >= 2 * min_samples_leaf)
                     & (impurity > EPSILON))
        if depth >= max_depth_ or not can_split.any():
            break
        # keep only the nodes that may split (positions are grouped by node)
        keep = can_split[seg]
        order = order[:, keep]
        cand = np.flatnonzero(can_split)
        counts_c, seg_c = counts[cand], np.repeat(np.arange(cand.size), counts[cand])
        starts_c = np.concatenate([[0], np.cumsum(counts_c)[:-1]]).astype(np.intp)
        if is_clf:
            totals: np.ndarray = stats[cand].T  # (K, m_c)
        else:
            # centre the targets on each node's mean: the same split, smaller sums
            ys = np.zeros(n_samples)
            ys[order[0]] = y[order[0]] - value[cand][seg_c]
            channels = (w * ys)[None, :]  # (1, n): one channel, the weighted targets
            totals = np.zeros((1, cand.size))
        feat, pos, ok = _best_splits(Xt, order, w, unit_weights, channels, totals, starts_c,
                                     counts_c, seg_c, criterion, min_samples_leaf, max_features,
                                     rng)
        if not ok.any():
            break
        split = cand[ok]
        f_s, p_s = feat[ok], pos[ok]
        sorted_vals = Xt[f_s, order[f_s, p_s]], Xt[f_s, order[f_s, p_s + 1]]
        thr = _midpoint(*sorted_vals)
        child = n_nodes + 2 * np.arange(split.size)
        part["feature"][split], part["threshold"][split] = f_s, thr
        part["left"][split], part["right"][split] = child, child + 1
        n_nodes += 2 * split.size
        # stable partition of each split node's segment into [left child | right child]
        keep = ok[seg_c]
        order = order[:, keep]
        counts_s = counts_c[ok]
        seg_s = np.repeat(np.arange(split.size), counts_s)
        starts_s = np.concatenate([[0], np.cumsum(counts_s)[:-1]]).astype(np.intp)
        goes_left = np.zeros(n_samples, dtype=bool)
        smp = order[0]
        goes_left[smp] = Xt[f_s[seg_s], smp] <= thr[seg_s]
        n_left = np.bincount(seg_s, weights=goes_left[smp], minlength=split.size).astype(np.intp)
        order = _partition(order, goes_left, seg_s, starts_s, n_left)
        counts = np.stack([n_left, counts_s - n_left], axis=1).ravel()  # (2 m_s,)
        level_ids = np.stack([child, child + 1], axis=1).ravel()
        depth += 1
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return Tree(feature=cat["feature"], threshold=cat["threshold"], left=cat["left"],
                right=cat["right"], value=cat["value"], impurity=cat["impurity"],
                n_node_samples=cat["n"], weighted_n_node_samples=cat["w"], depth=cat["depth"])


def _partition(order: np.ndarray, goes_left: np.ndarray, seg: np.ndarray, starts: np.ndarray,
               n_left: np.ndarray) -> np.ndarray:
    """Stably move each segment's left-going samples in front of its right-going ones.

    Done on every feature's order at once, with cumulative sums (no sorting): the sorted
    order inside each child is the parent's, restricted to the child.
    """
    L = goes_left[order]  # (d, n)
    excl = np.cumsum(L, axis=1, dtype=order.dtype)
    excl -= L  # left-goers strictly before each position, counted from position 0
    # ... of which those in earlier segments: the same for every feature (same samples)
    earlier = np.concatenate([[0], np.cumsum(n_left)[:-1]])
    to_left = (starts - earlier)[seg].astype(order.dtype)  # left child starts at the segment
    to_right = (np.arange(order.shape[1]) + n_left[seg] + earlier[seg]).astype(order.dtype)
    new_pos = np.where(L, excl + to_left, to_right - excl)
    out = np.empty_like(order)
    out[np.arange(order.shape[0])[:, None], new_pos] = order
    return out


def _best_splits(Xt: np.ndarray, order: np.ndarray, w: np.ndarray, unit_weights: bool,
                 channels: np.ndarray, totals: np.ndarray, starts: np.ndarray,
                 counts: np.ndarray, seg: np.ndarray, criterion: str, min_samples_leaf: int,
                 max_features: int, rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Best (feature, position) of every node of a level; ``ok`` is False where none exists.

    The split at position ``p`` sends the node's samples up to ``p`` (in the feature's sorted
    order) to the left. ``channels`` (K, n_samples) holds the weighted one-hot classes, or the
    weighted (centred) targets for ``criterion == "squared_error"``; ``totals`` (K, m) their
    sums per node. Each candidate is scored by a *proxy* that orders splits as the impurity
    decrease does (the node's own impurity is the same for all of its splits):

    - gini and entropy: :math:`-w_L I(L) - w_R I(R)` (minus the children's weighted
      impurities);
    - squared error: :math:`S_L^2 / w_L + S_R^2 / w_R` (sums of the centred targets).
    """
    n_features, n = order.shape
    m = starts.size
    ends = starts + counts
    rows = np.arange(n_features)[:, None]
    constant = (Xt[rows, order[:, ends - 1]] <= Xt[rows, order[:, starts]]
                + FEATURE_THRESHOLD).T  # (m, d): the feature takes one value in the node
    # features drawn for each node: a random permutation of its non-constant features, of
    # which the first max_features are searched; ties are broken by the same order
    key = rng.random_sample((m, n_features)) + constant  # constants go last
    drawn = np.argsort(key, axis=1)[:, :max_features]  # (m, k): slot j holds rank j
    slot_ok = ~constant[np.arange(m)[:, None], drawn]  # (m, k)
    feat_at = drawn[seg].T  # (k, n): the feature of each slot, at each position
    order = order[feat_at, np.arange(n)]  # (k, n): the node's samples sorted by that feature
    xs = Xt[feat_at, order]  # (k, n): their sorted values
    k_slots = drawn.shape[1]
    seg_l = seg[:-1]  # node of each candidate position
    n_left = np.arange(1, n) - starts[seg_l]
    n_right = counts[seg_l] - n_left
    valid = ((seg[1:] == seg_l) & (n_left >= min_samples_leaf) & (n_right >= min_samples_leaf))
    ok = valid & (xs[:, 1:] > xs[:, :-1] + FEATURE_THRESHOLD) & slot_ok[seg_l].T  # (k, n - 1)

    def left_right(values: np.ndarray, total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # the sums left and right of every position, for every feature: one cumsum
        cum = np.cumsum(values[order], axis=1)  # (d, n)
        base = np.zeros((k_slots, m))
        base[:, 1:] = cum[:, starts[1:] - 1]
        left = cum[:, :-1] - base[:, seg_l]
        return left, total[seg_l] - left

    if unit_weights:  # the left weight is the left count: no cumsum needed
        wl = n_left.astype(float)[None, :]
        wr = n_right.astype(float)[None, :]
    else:
        wl, wr = left_right(w, np.bincount(seg, weights=w[order[0]], minlength=m))
    n_channels = channels.shape[0]
    # with K classes, the last class's counts are the weight minus the others': one cumsum less
    derive_last = criterion != "squared_error" and n_channels > 1
    rest_l, rest_r = wl, wr
    entropy_like = criterion == "entropy" or criterion == "log_loss"
    acc_l, acc_r = np.zeros(ok.shape), np.zeros(ok.shape)  # (k, n - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(n_channels):
            if derive_last and k == n_channels - 1:
                lk, rk = rest_l, rest_r
            else:
                lk, rk = left_right(channels[k], totals[k])
                if derive_last:
                    rest_l, rest_r = rest_l - lk, rest_r - rk
            if entropy_like:
                acc_l -= _plog2p(lk / wl)
                acc_r -= _plog2p(rk / wr)
            else:
                acc_l += lk * lk
                acc_r += rk * rk
        # the same float operations as scikit-learn's criteria, so that splits that tie
        # exactly on paper are told apart by the same rounding
        if entropy_like:
            proxy = -wr * acc_r - wl * acc_l
        elif criterion == "squared_error":
            proxy = acc_l / wl + acc_r / wr
        else:
            proxy = -wr * (1.0 - acc_r / (wr * wr)) - wl * (1.0 - acc_l / (wl * wl))
    proxy = np.where(ok, proxy, -np.inf)  # (k, n - 1)
    best_val = np.maximum.reduceat(proxy, starts, axis=1)  # (k, m)
    first = np.where(proxy == best_val[:, seg_l], np.arange(n - 1), n)
    best_pos = np.minimum.reduceat(first, starts, axis=1)  # (k, m)
    top = best_val.max(axis=0)  # (m,)
    slot = np.argmax(best_val == top, axis=0)  # the first drawn among equally good features
    nodes = np.arange(m)
    return drawn[nodes, slot], best_pos[slot, nodes], np.isfinite(top)


def _plog2p(p: np.ndarray) -> np.ndarray:
    """``p * log2(p)`` with ``0 log 0 = 0`` (the logarithm as scikit-learn takes it)."""
    return np.where(p > 0, p * (np.log(np.where(p > 0, p, 1.0)) / np.log(2.0)), 0.0)


def grow_tree(X: ArrayLike, y: ArrayLike, max_depth: int | None = None,
              min_samples_split: int = 2, min_samples_leaf: int = 1,
              criterion: str = "gini") -> dict[str, np.ndarray]:
    r"""Grow a classification tree (CART) and return it as flat arrays.

    A node becomes a leaf when it is pure, when it is at depth ``max_depth``, when it has
    fewer than ``min_samples_split`` samples (or fewer than ``2 * min_samples_leaf``), or when
    no split is possible; otherwise it is split by :func:`best_split` and both children are
    grown the same way.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like of int, shape (n_samples,)
        Class indices ``0 .. n_classes - 1`` with ``n_classes = y.max() + 1``.
    max_depth : int or None
    min_samples_split, min_samples_leaf : int
    criterion : {"gini", "entropy", "log_loss"}

    Returns
    -------
    dict
        ``feature`` (int, ``-2`` at leaves), ``threshold`` (float, ``-2.0`` at leaves),
        ``left``, ``right`` (int, ``-1`` at leaves), all of shape (n_nodes,), and ``value``,
        shape (n_nodes, n_classes): the fraction of each class among the node's samples.
        Node 0 is the root.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[0] == 0:
        raise ValueError(f"X must have shape (n_samples, n_features) and y (n_samples,), "
                         f"n_samples >= 1; got X {X.shape} and y {y.shape}")
    if y.dtype.kind not in "iub" or y.min() < 0:
        raise ValueError("y must hold class indices 0, 1, ..., n_classes - 1")
    if criterion not in CLASSIFICATION_CRITERIA:
        raise ValueError(f"criterion must be one of {CLASSIFICATION_CRITERIA}, got {criterion!r}")
    if max_depth is not None and max_depth < 0:
        raise ValueError(f"max_depth must be >= 0 or None, got {max_depth}")
    if min_samples_split < 2 or min_samples_leaf < 1:
        raise ValueError("min_samples_split must be >= 2 and min_samples_leaf >= 1")
    tree = _grow(X, y.astype(np.intp), np.ones(X.shape[0]), n_classes=int(y.max()) + 1,
                 criterion=criterion, max_depth=max_depth, min_samples_split=min_samples_split,
                 min_samples_leaf=min_samples_leaf, max_features=X.shape[1],
                 rng=np.random.RandomState(0))
    return {"feature": tree.feature, "threshold": tree.threshold, "left": tree.left,
            "right": tree.right, "value": tree.value}


# --------------------------------------------------------------------------------------------
# The estimators

def checked_x(estimator: Any, X: ArrayLike) -> np.ndarray:
    """``X`` for ``predict``: checked against the fit, rounded to float32 (as scikit-learn's
    trees), returned as float64."""
    return np.asarray(validate_data(estimator, X, dtype=np.float32, reset=False),
                      dtype=np.float64)


def checked_xy(estimator: Any, X: ArrayLike, y: ArrayLike, **kwargs: Any
                ) -> tuple[np.ndarray, np.ndarray]:
    """``X, y`` for ``fit`` (sets ``n_features_in_``); ``X`` rounded to float32, as float64."""
    X_checked, y_checked = validate_data(estimator, X, y, dtype=np.float32, **kwargs)
    return np.asarray(X_checked, dtype=np.float64), np.asarray(y_checked)


class _BaseTree(BaseEstimator):
    _criteria: tuple[str, ...] = ()

    def __init__(self, *, criterion: str, max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None,
                 random_state: int | np.random.RandomState | None = None) -> None:
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def _resolved_params(self, n_samples: int, n_features: int) -> dict[str, Any]:
        if self.criterion not in self._criteria:
            raise ValueError(f"criterion must be one of {self._criteria}, got {self.criterion!r}")
        if self.max_depth is not None and (not isinstance(self.max_depth, numbers.Integral)
                                           or self.max_depth < 1):
            raise ValueError(f"max_depth must be an int >= 1 or None, got {self.max_depth!r}")
        min_split = _count_or_fraction(self.min_samples_split, n_samples, "min_samples_split", 2)
        min_leaf = _count_or_fraction(self.min_samples_leaf, n_samples, "min_samples_leaf", 1)
        return {"criterion": self.criterion, "max_depth": self.max_depth,
                "min_samples_split": max(min_split, 2 * min_leaf),
                "min_samples_leaf": min_leaf,
                "max_features": resolve_max_features(self.max_features, n_features)}

    def _fit_tree(self, X: np.ndarray, y: np.ndarray, sample_weight: Any,
                  n_classes: int) -> None:
        w = _check_sample_weight(sample_weight, X, dtype=np.float64, ensure_non_negative=True)
        params = self._resolved_params(X.shape[0], X.shape[1])
        rows = np.flatnonzero(w > 0)  # zero weight: as if the row were not there
        if rows.size == 0:
            raise ValueError("sample_weight is zero for every sample: nothing to fit")
        rng = check_random_state(self.random_state)
        self.tree_ = _grow(X[rows], y[rows], w[rows], n_classes=n_classes, rng=rng, **params)
        self.max_features_ = params["max_features"]
        self.n_features_in_ = X.shape[1]

    @property
    def feature_importances_(self) -> np.ndarray:
        """Normalised total impurity decrease brought by each feature (as scikit-learn)."""
        check_is_fitted(self, "tree_")
        return self.tree_.feature_importances(self.n_features_in_)

    def get_depth(self) -> int:
        """The length of the longest root-to-leaf path."""
        check_is_fitted(self, "tree_")
        return int(self.tree_.depth.max())

    def get_n_leaves(self) -> int:
        """The number of leaves."""
        check_is_fitted(self, "tree_")
        return int((self.tree_.left == TREE_LEAF).sum())

    def apply(self, X: ArrayLike) -> np.ndarray:
        """The index of the leaf each sample lands in, shape (n_samples,)."""
        check_is_fitted(self, "tree_")
        return self.tree_.apply(checked_x(self, X))


def _count_or_fraction(value: Any, n_samples: int, name: str, minimum: int) -> int:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        if int(value) < minimum:
            raise ValueError(f"{name} must be an int >= {minimum} or a float in (0, 1], "
                             f"got {value!r}")
        return int(value)
    if isinstance(value, numbers.Real) and 0.0 < float(value) <= 1.0:
        return max(minimum, int(np.ceil(float(value) * n_samples)))
    raise ValueError(f"{name} must be an int >= {minimum} or a float in (0, 1], got {value!r}")


def resolve_max_features(max_features: Any, n_features: int) -> int:
    """The number of features drawn at each split, as scikit-learn counts it.

    ``None`` -> all; ``"sqrt"`` -> ``max(1, int(sqrt(d)))``; ``"log2"`` ->
    ``max(1, int(log2(d)))``; an int -> itself (1..d); a float ``f`` in (0, 1] ->
    ``max(1, int(f * d))``.
    """
    if max_features is None:
        return n_features
    if isinstance(max_features, str):
        if max_features == "sqrt":
            return max(1, int(np.sqrt(n_features)))
        if max_features == "log2":
            return max(1, int(np.log2(n_features)))
    elif isinstance(max_features, numbers.Integral) and not isinstance(max_features, bool):
        if 1 <= int(max_features) <= n_features:
            return int(max_features)
    elif isinstance(max_features, numbers.Real) and 0.0 < float(max_features) <= 1.0:
        return max(1, int(float(max_features) * n_features))
    raise ValueError(f"max_features must be None, 'sqrt', 'log2', an int in [1, n_features] "
                     f"or a float in (0, 1], got {max_features!r}")


class DecisionTreeClassifier(ClassifierMixin, _BaseTree):
    """A CART classification tree (scikit-learn's ``DecisionTreeClassifier`` interface).

    Parameters
    ----------
    criterion : {"gini", "entropy", "log_loss"}, default "gini"
    max_depth : int or None, default None (grow until the leaves are pure)
    min_samples_split : int or float, default 2
    min_samples_leaf : int or float, default 1
    max_features : int, float, "sqrt", "log2" or None, default None
        How many features are drawn (at random) and searched at each split.
    random_state : int, RandomState or None
        Draws the features (and the order that breaks ties between equally good features).

    Attributes
    ----------
    classes_, n_classes_, n_features_in_, max_features_, tree_ (a :class:`Tree`),
    feature_importances_
    """

    _criteria = CLASSIFICATION_CRITERIA

    def __init__(self, criterion: str = "gini", max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None,
                 random_state: int | np.random.RandomState | None = None) -> None:
        super().__init__(criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, random_state=random_state)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
            ) -> DecisionTreeClassifier:
        """Grow the tree on ``X`` (n_samples, n_features) and labels ``y`` (n_samples,)."""
        Xc, yc = checked_xy(self, X, y)
        check_classification_targets(yc)
        self.classes_, y_enc = np.unique(yc, return_inverse=True)
        self.n_classes_ = int(self.classes_.size)
        self._fit_tree(Xc, y_enc.astype(np.intp), sample_weight, self.n_classes_)
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Class fractions of each sample's leaf, shape (n_samples, n_classes)."""
        check_is_fitted(self, "tree_")
        Xc = checked_x(self, X)
        t = self.tree_
        return predict_tree(Xc, t.feature, t.threshold, t.left, t.right, t.value)

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most frequent class of each sample's leaf, shape (n_samples,)."""
        proba = self.predict_proba(X)  # checks that the model is fitted first
        return self.classes_[np.argmax(proba, axis=1)]


class DecisionTreeRegressor(RegressorMixin, _BaseTree):
    """A CART regression tree (scikit-learn's ``DecisionTreeRegressor`` interface).

    Each split minimises the weighted mean squared error of the two children; a leaf predicts
    the mean target of its samples. Parameters and attributes as
    :class:`DecisionTreeClassifier` (criterion ``"squared_error"``), without the classes.
    """

    _criteria = REGRESSION_CRITERIA

    def __init__(self, criterion: str = "squared_error", max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None,
                 random_state: int | np.random.RandomState | None = None) -> None:
        super().__init__(criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, random_state=random_state)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
            ) -> DecisionTreeRegressor:
        """Grow the tree on ``X`` (n_samples, n_features) and targets ``y`` (n_samples,)."""
        Xc, yc = checked_xy(self, X, y, y_numeric=True)
        self._fit_tree(Xc, yc.astype(np.float64), sample_weight, 0)
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The mean target of each sample's leaf, shape (n_samples,)."""
        check_is_fitted(self, "tree_")
        Xc = checked_x(self, X)
        t = self.tree_
        return predict_tree(Xc, t.feature, t.threshold, t.left, t.right, t.value)
