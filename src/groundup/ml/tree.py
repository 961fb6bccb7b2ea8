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
from typing import Any, NamedTuple

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


def _grow(X: np.ndarray, y: np.ndarray, W: np.ndarray, *, n_classes: int, criterion: str,
          max_depth: int | None, min_samples_split: int, min_samples_leaf: int,
          max_features: int, rngs: list[np.random.RandomState]) -> list[Tree]:
    """Grow ``B = W.shape[0]`` CART trees at once, level by level; tree ``b`` is grown on the
    rows with ``W[b] > 0``, weighted by ``W[b]``, drawing its features with ``rngs[b]``.

    ``y`` holds class indices ``0..n_classes-1`` (classification, ``n_classes >= 1``) or
    targets (regression, ``n_classes == 0``).

    Why several trees at once (a forest's): a level costs a few dozen NumPy calls whatever
    its size, so a small tree is all call overhead. Growing many trees together, their
    nodes side by side in the same arrays, pays that overhead once per level for all of
    them. Each tree is exactly the tree it would be on its own: the split search is done
    node by node (segments), and each tree draws its features from its own ``rngs[b]``.

    The *samples* are the (tree, row) pairs with positive weight, tree after tree; one sort
    of the rows gives each tree's sorted order (the tree's samples, in the rows' order).
    """
    n_trees, n_rows = W.shape
    is_clf = n_classes > 0
    present = W > 0
    if not present.any(axis=1).all():
        raise ValueError("every tree needs at least one sample with positive weight")
    flat = np.flatnonzero(present)
    sample_row = flat % n_rows  # the row of each sample
    n_samples, n_features = flat.size, X.shape[1]
    w = W.ravel()[flat]
    y = y[sample_row]
    if is_clf:  # class indices in the smallest integer type: cheaper to gather
        y = y.astype(np.min_scalar_type(max(n_classes - 1, 0)))
    Xt_rows = np.ascontiguousarray(X.T)  # (d, n_rows): one row per feature
    Xt = Xt_rows if n_samples == n_rows else np.take(Xt_rows, sample_row, axis=1)  # (d, n)
    index_type = np.int32 if n_samples < 2**31 else np.intp
    # order[f] lists the samples tree by tree, each tree's sorted by feature f
    order_rows = np.argsort(Xt_rows, axis=1, kind="stable")  # (d, n_rows)
    order: np.ndarray
    if n_samples == n_rows:
        order = order_rows.astype(index_type)
    else:
        sample_id = np.full(W.shape, -1, dtype=index_type)
        sample_id.ravel()[flat] = np.arange(n_samples)
        ids = np.take(sample_id, order_rows, axis=1).transpose(1, 0, 2)  # (d, B, n_rows)
        order = ids[ids >= 0].reshape(n_features, n_samples)
    # Two ways to have each node's samples sorted by the features it searches:
    # - presorted: order[f] lists the samples grouped by node, sorted by feature f within a
    #   node, for every feature; each level partitions all d rows (cost ~ d n per level);
    # - sorted on demand: order[0] only groups the samples by node; each level sorts each
    #   node's samples by the k drawn features (cost ~ k n log n per level), by their
    #   position in the sorted column (see :func:`_sorted_by_slot`).
    # When few of the features are drawn at each split (forests), the second is cheaper.
    on_demand: _OnDemand | None = None
    if max_features * PRESORT_RATIO < n_features:
        position = np.empty_like(order)
        np.put_along_axis(position, order, np.arange(n_samples, dtype=index_type)[None, :],
                          axis=1)
        narrow = Xt.astype(np.float32)
        on_demand = _OnDemand(order=order, position=position,
                              values=np.take_along_axis(Xt, order, axis=1),
                              narrow=narrow if np.array_equal(narrow, Xt) else Xt,
                              stride=int(present.sum(axis=1).max()))
        order = np.arange(n_samples, dtype=index_type)[None, :]  # (1, n), tree by tree
    unit_weights = bool(np.all(w == 1.0))
    extra = [] if unit_weights else [w]  # the weights are summed too, unless all 1
    if is_clf:
        # weighted one-hot of all classes but the last (that one is the weight minus the
        # others), then the weights; whole-number weights give exact int32 sums
        whole = bool(np.all(w == np.round(w))) and w.sum() < 2**31
        channels = np.zeros((n_classes - 1 + len(extra), n_samples),
                            dtype=np.int32 if whole else np.float64)
        first = y < n_classes - 1
        channels[y[first], np.flatnonzero(first)] = w[first]
        if extra:
            channels[-1] = w
    max_depth_ = np.iinfo(np.int64).max if max_depth is None else max_depth
    counts = present.sum(axis=1)  # samples of each node of the level
    node_tree = np.arange(n_trees)  # the tree of each node of the level
    n_nodes = n_trees  # nodes so far
    parts: list[dict[str, np.ndarray]] = []
    depth = 0
    while True:  # one level, all of its nodes at once
        m = counts.size
        seg = np.repeat(np.arange(m), counts)  # (n_active,): node of each position
        samples = order[0]
        w_s = w[samples]
        w_node = (counts.astype(np.float64) if unit_weights
                  else np.bincount(seg, weights=w_s, minlength=m))
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
                "depth": np.full(m, depth, dtype=np.intp), "tree": node_tree}
        parts.append(part)
        can_split = ((counts >= min_samples_split) & (counts >= 2 * min_samples_leaf)
                     & (impurity > EPSILON))
        if depth >= max_depth_ or not can_split.any():
            break
        # keep only the nodes that may split (positions are grouped by node)
        cand = np.flatnonzero(can_split)
        counts_c, seg_c = counts[cand], seg
        if cand.size < m:
            order = order[:, can_split[seg]]
            seg_c = np.repeat(np.arange(cand.size), counts_c)
        starts_c = np.cumsum(counts_c) - counts_c
        # each tree draws for its own nodes (the nodes are grouped by tree)
        per_tree = np.bincount(node_tree[cand], minlength=n_trees)
        draws = [rngs[b].random_sample((int(c), n_features)) for b, c in enumerate(per_tree)
                 if c]
        uniform = draws[0] if len(draws) == 1 else np.concatenate(draws)  # (m_c, d)
        summed: np.ndarray
        totals: np.ndarray
        if is_clf:
            summed, totals = channels, stats[cand].T  # totals: (K, m_c)
        else:
            # centre the targets on each node's mean: the same split, smaller sums
            ys = np.zeros(n_samples)
            ys[order[0]] = y[order[0]] - value[cand][seg_c]
            summed = np.array([w * ys] + extra)  # the weighted targets (and the weights)
            totals = np.zeros((1, cand.size))  # the centred targets sum to 0 in each node
        feat, thr, ok = _best_splits(
            Xt, order, on_demand, uniform, summed, y if is_clf else None, w, totals, w_node[cand],
            unit_weights, starts_c, counts_c, seg_c, criterion, min_samples_leaf,
            max_features)
        if not ok.any():
            break
        split = cand[ok]
        f_s, thr = feat[ok], thr[ok]
        child = n_nodes + 2 * np.arange(split.size)
        part["feature"][split], part["threshold"][split] = f_s, thr
        part["left"][split], part["right"][split] = child, child + 1
        n_nodes += 2 * split.size
        # stable partition of each split node's segment into [left child | right child]
        counts_s, seg_s, starts_s = counts_c[ok], seg_c, starts_c
        if split.size < cand.size:  # drop the nodes that found no split
            order = order[:, ok[seg_c]]
            seg_s = np.repeat(np.arange(split.size), counts_s)
            starts_s = np.cumsum(counts_s) - counts_s
        goes_left = np.zeros(n_samples, dtype=bool)
        smp = order[0]
        goes_left[smp] = Xt[f_s[seg_s], smp] <= thr[seg_s]
        n_left = np.bincount(seg_s, weights=goes_left[smp], minlength=split.size).astype(np.intp)
        order = _partition(order, goes_left, seg_s, starts_s, n_left)
        counts = np.empty(2 * split.size, dtype=np.intp)  # (2 m_s,): left, right, left, ...
        counts[0::2], counts[1::2] = n_left, counts_s - n_left
        node_tree = np.repeat(node_tree[split], 2)
        depth += 1
    return _split_trees({k: np.concatenate([p[k] for p in parts]) for k in parts[0]},
                        n_trees)


def _split_trees(nodes: dict[str, np.ndarray], n_trees: int) -> list[Tree]:
    """Cut the nodes of trees grown together (numbered level by level, all trees mixed)
    into one :class:`Tree` each, renumbered from 0 in the same order."""
    if n_trees == 1:
        mine = {k: v for k, v in nodes.items() if k != "tree"}
        return [Tree(feature=mine["feature"], threshold=mine["threshold"], left=mine["left"],
                     right=mine["right"], value=mine["value"], impurity=mine["impurity"],
                     n_node_samples=mine["n"], weighted_n_node_samples=mine["w"],
                     depth=mine["depth"])]
    owner = nodes["tree"]
    new_id = np.zeros(owner.size, dtype=np.intp)  # the id of each node within its tree
    by_tree = np.argsort(owner, kind="stable")
    sizes = np.bincount(owner, minlength=n_trees)
    new_id[by_tree] = np.arange(owner.size) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    trees = []
    for idx in np.split(by_tree, np.cumsum(sizes)[:-1]):
        left, right = nodes["left"][idx], nodes["right"][idx]
        inner = left != TREE_LEAF
        left[inner], right[inner] = new_id[left[inner]], new_id[right[inner]]
        trees.append(Tree(feature=nodes["feature"][idx], threshold=nodes["threshold"][idx],
                          left=left, right=right, value=nodes["value"][idx],
                          impurity=nodes["impurity"][idx], n_node_samples=nodes["n"][idx],
                          weighted_n_node_samples=nodes["w"][idx], depth=nodes["depth"][idx]))
    return trees


def _partition(order: np.ndarray, goes_left: np.ndarray, seg: np.ndarray, starts: np.ndarray,
               n_left: np.ndarray) -> np.ndarray:
    """Stably move each segment's left-going samples in front of its right-going ones.

    Done on every feature's order at once, with cumulative sums (no sorting): the sorted
    order inside each child is the parent's, restricted to the child.
    """
    L = np.take(goes_left, order)  # (d, n)
    excl = np.cumsum(L, axis=1, dtype=order.dtype)
    excl -= L  # left-goers strictly before each position, counted from position 0
    # ... of which those in earlier segments: the same for every feature (same samples)
    earlier = np.cumsum(n_left) - n_left
    to_left = (starts - earlier)[seg].astype(order.dtype)  # left child starts at the segment
    to_right = (np.arange(order.shape[1]) + n_left[seg] + earlier[seg]).astype(order.dtype)
    new_pos = np.where(L, excl + to_left, to_right - excl)
    if order.size >= 2**31:  # flat positions need a wider integer type
        new_pos = new_pos.astype(np.intp)
    new_pos += (np.arange(order.shape[0]) * order.shape[1])[:, None].astype(new_pos.dtype)
    out = np.empty_like(order)
    np.put(out, new_pos, order)  # (a flat put: much faster than out[rows, new_pos] = order)
    return out


DENSE = 0.3  # above this fraction of valid positions, score every position (no compaction)
PRESORT_RATIO = 2  # presort every feature when at least 1 / PRESORT_RATIO of them is drawn


class _OnDemand(NamedTuple):
    """What sorting on demand needs (see :func:`_sorted_by_slot`), all (d, n_samples):
    ``order[f]`` the samples tree by tree, each tree's sorted by feature ``f``; ``position``
    its inverse (the place of each sample in ``order[f]``); ``values[f]`` the feature's
    values in that order; ``narrow`` the values in sample order, as float32 when that is
    exact (half the memory to read). ``stride``: the most samples of a tree."""

    order: np.ndarray
    position: np.ndarray
    values: np.ndarray
    narrow: np.ndarray
    stride: int


def _constant_features(Xt: np.ndarray, order: np.ndarray, on_demand: _OnDemand | None,
                       starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """(m, d): True where the feature takes one value in the node (up to FEATURE_THRESHOLD).

    Presorted: compare each node's first and last value in each feature's order; otherwise
    take each node's minimum and maximum.
    """
    n_features, n = Xt.shape[0], order.shape[1]
    if on_demand is None:
        rows = np.arange(n_features)[:, None]
        first = np.take(order, rows * n + starts)  # (d, m): each node's first sample ...
        last = np.take(order, rows * n + ends - 1)  # ... and last, in each feature's order
        low = np.take(Xt, rows * Xt.shape[1] + first)
        high = np.take(Xt, rows * Xt.shape[1] + last)
    else:
        values = np.take(on_demand.narrow, order[0], axis=1)  # (d, n)
        low = np.minimum.reduceat(values, starts, axis=1).astype(np.float64)  # (d, m)
        high = np.maximum.reduceat(values, starts, axis=1)
    return (high <= low + FEATURE_THRESHOLD).T


def _sorted_by_slot(Xt: np.ndarray, order: np.ndarray, on_demand: _OnDemand | None,
                    feat_at: np.ndarray, seg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(k, n) each: row j lists the samples grouped by node, each node's sorted by the
    feature of its slot j (``feat_at[j, p]`` is that feature at position ``p``), and their
    values.

    Presorted: pick each position's feature row. On demand: sort the integer keys
    ``node * stride + position`` (the node first, then the sample's place in the feature's
    sorted order, less than ``stride`` apart within a tree): sorting numbers is several times
    faster than sorting indices by them (argsort), and the sorted key still tells the sample
    (``order[f, position]``) and its value (``values[f, position]``).
    """
    n = order.shape[1]
    # (np.take with flat indices: the same gathers as order[feat_at, np.arange(n)],
    # several times faster than fancy indexing with two index arrays)
    if on_demand is None:
        slot_order = np.take(order, feat_at * n + np.arange(n))
        return slot_order, np.take(Xt, feat_at * Xt.shape[1] + slot_order)
    n_samples = on_demand.order.shape[1]
    fits = (int(seg[-1]) + 1) * on_demand.stride + n_samples < 2**31
    base = seg.astype(np.int32 if fits else np.int64) * on_demand.stride  # (n,)
    row_at = feat_at * n_samples  # (k, n): where the slot's feature starts, flat
    key = np.take(on_demand.position, row_at + order[0]) + base
    key.sort(axis=1)
    at = row_at + (key - base)  # (k, n): (feature, place in its sorted order), flat
    return np.take(on_demand.order, at), np.take(on_demand.values, at)


def _best_splits(Xt: np.ndarray, order: np.ndarray, on_demand: _OnDemand | None,
                 uniform: np.ndarray, channels: np.ndarray,
                 y: np.ndarray | None, w: np.ndarray, totals: np.ndarray, w_node: np.ndarray,
                 unit_weights: bool, starts: np.ndarray, counts: np.ndarray, seg: np.ndarray,
                 criterion: str, min_samples_leaf: int, max_features: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Best (feature, threshold) of every node of a level; ``ok`` is False where none exists.

    The split at position ``p`` sends the node's samples up to ``p`` (in the feature's sorted
    order) to the left. ``order`` and ``on_demand``: see :func:`_sorted_by_slot`.
    ``channels`` (C, n_samples) holds what is summed on each side: the weighted one-hot
    classes but the last, or the weighted centred targets; then, unless every weight is 1,
    the weights. ``totals`` (K or 1, m) holds the class sums of each node
    (all K classes), or 0 (centred targets sum to 0); ``w_node`` (m,) the nodes' weights.
    ``uniform`` (m, d) holds each node's random numbers for drawing its features; ``y`` the
    class of each sample (classification).

    Each candidate is scored by a *proxy* that orders splits as the impurity decrease does
    (the node's own impurity is the same for all of its splits):

    - gini and entropy: :math:`-w_L I(L) - w_R I(R)` (minus the children's weighted
      impurities);
    - squared error: :math:`S_L^2 / w_L + S_R^2 / w_R` (sums of the centred targets).

    When most positions are valid candidates (continuous features), every position is
    scored at once from running sums (:func:`_running_sums`). When few are (repeated
    values: pixel intensities, small integers), only the valid ones are
    (:func:`_class_sums`, :func:`_running_sums_at`).
    """
    n = order.shape[1]
    m = starts.size
    ends = starts + counts
    # features drawn for each node: a random permutation of its non-constant features, of
    # which the first max_features are searched; ties are broken by the same order
    drawn: np.ndarray | None = None
    slot_ok: np.ndarray | None = None
    if max_features < Xt.shape[0]:
        constant = _constant_features(Xt, order, on_demand, starts, ends)  # (m, d)
        drawn = np.argsort(uniform + constant, axis=1)[:, :max_features]  # constants last
        slot_ok = ~constant[np.arange(m)[:, None], drawn]  # (m, k): slot j holds rank j
        feat_at = drawn[seg].T  # (k, n): the feature of each slot, at each position
        # (k, n) each: the samples sorted by each slot's feature, and their values
        order, xs = _sorted_by_slot(Xt, order, on_demand, feat_at, seg)
    else:
        # every feature is searched (a constant one has no valid split anyway), so there is
        # nothing to draw: slot j is feature j, presorted in order[j]. Only the tie-break
        # between equally good features is random: the smallest uniform[node, f] wins, the
        # feature a random permutation would have drawn first.
        xs = np.take(Xt, np.arange(Xt.shape[0])[:, None] * Xt.shape[1] + order)  # (d, n)
    seg_l = seg[:-1]  # node of each candidate position
    n_left = np.arange(1, n) - starts[seg_l]
    valid = ((seg[1:] == seg_l) & (n_left >= min_samples_leaf)
             & (counts[seg_l] - n_left >= min_samples_leaf))
    ok = valid & (xs[:, 1:] > xs[:, :-1] + FEATURE_THRESHOLD)  # (k, n - 1)
    if slot_ok is not None:
        ok &= slot_ok[seg_l].T

    dense = np.count_nonzero(ok) > DENSE * ok.size
    if dense:  # every position: arrays (C, k, n - 1)
        node, nl = seg_l, n_left
        left = _running_sums(channels, order, starts, seg_l)
    else:  # the valid candidates only, in (slot, position) order: arrays (C, c)
        cand = np.flatnonzero(ok)
        slot, pos = np.divmod(cand, n - 1)
        node, nl = seg[pos], n_left[pos]
        if y is not None:
            left = _class_sums(y, w, unit_weights, order, ok, ends, totals.shape[0], slot,
                               pos, starts[node])
        else:
            left = _running_sums_at(channels, order, slot, pos, starts[node])
    if unit_weights:  # the left weight is the left count
        wl = nl.astype(np.float64)
    elif y is not None and not dense:  # the sum of the class sums
        wl = left.sum(axis=0)
    else:  # the last channel
        wl, left = left[-1], left[:-1]
    wr = w_node[node] - wl
    if y is not None and dense:  # the last class: the weight minus the others
        left = np.concatenate([left, (wl - left.sum(axis=0))[None]])
    with np.errstate(divide="ignore", invalid="ignore"):
        if y is None:  # the centred sums: S_R = -S_L, so S_R^2 = S_L^2 (exactly)
            s2 = left[0] * left[0]
            proxy = s2 / wl + s2 / wr
        else:
            right = np.take(totals, node, axis=1)
            right = (right[:, None, :] if dense else right) - left
            proxy = _class_proxy(left, right, wl, wr, criterion)
    # one score per (slot, position), -inf where invalid, for the segmented maximum
    if dense:
        scores = np.where(ok, proxy, -np.inf)
    else:
        scores = np.full(ok.shape, -np.inf)  # (k, n - 1)
        np.put(scores, cand, proxy)
    # the segmented maximum: the best score of each node, over its slots and positions ...
    top = np.maximum.reduceat(scores.max(axis=0), starts)  # (m,)
    hit = scores == top[seg_l]  # (k, n - 1)
    tied = np.logical_or.reduceat(hit, starts, axis=1)  # (k, m): the slots that reach it
    ok = np.isfinite(top)
    # ... reached by which slot: of the tied, the first drawn (slot = feature: the smallest
    # draw); then the first position of that slot reaching it
    if drawn is None:
        slot_best = np.argmin(np.where(tied, uniform.T, np.inf), axis=0)  # (m,)
        feature = slot_best
    else:
        slot_best = np.argmax(tied, axis=0)
        feature = drawn[np.arange(m), slot_best]
    row_hit = np.take(hit, slot_best[seg_l] * (n - 1) + np.arange(n - 1))  # (n - 1,)
    best_pos = np.minimum.reduceat(np.where(row_hit, np.arange(n - 1), n), starts)  # (m,)
    at = slot_best * n + np.where(ok, best_pos, 0)  # in xs.ravel()
    low, high = np.take(xs, at), np.take(xs, at + 1)
    mid = low / 2.0 + high / 2.0  # (halfway; low itself if rounding lands on high)
    return feature, np.where(mid == high, low, mid), ok


def _running_cumsum(channels: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Running sums of ``channels`` (C, n_samples) along every drawn feature's order, with a
    0 in front: (C, k, n + 1). One gather and one cumulative sum for all channels at once;
    the sum over a node's samples from ``start`` up to ``pos`` is
    ``cum[..., pos + 1] - cum[..., start]``."""
    n_channels, (k_slots, n) = channels.shape[0], order.shape
    cum = np.zeros((n_channels, k_slots, n + 1), dtype=channels.dtype)
    np.cumsum(np.take(channels, order, axis=1), axis=2, out=cum[:, :, 1:])
    return cum


def _running_sums(channels: np.ndarray, order: np.ndarray, starts: np.ndarray,
                  seg_l: np.ndarray) -> np.ndarray:
    """Sums of ``channels`` over each node's samples up to every position: (C, k, n - 1)."""
    cum = _running_cumsum(channels, order)
    n = order.shape[1]
    return (cum[:, :, 1:n] - np.take(cum, starts[seg_l], axis=2)).astype(np.float64,
                                                                         copy=False)


def _running_sums_at(channels: np.ndarray, order: np.ndarray, slot: np.ndarray,
                     pos: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Sums of ``channels`` over a node's samples up to each candidate ``(slot, pos)``:
    (C, c)."""
    cum = _running_cumsum(channels, order)
    cum = cum.reshape(cum.shape[0], -1)  # (C, k (n + 1)): slot j, position i at j (n + 1) + i
    at = slot * (order.shape[1] + 1)
    return (np.take(cum, at + pos + 1, axis=1)
            - np.take(cum, at + start, axis=1)).astype(np.float64, copy=False)


def _class_sums(y: np.ndarray, w: np.ndarray, unit_weights: bool, order: np.ndarray,
                ok: np.ndarray, ends: np.ndarray, n_classes: int, slot: np.ndarray,
                pos: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The (weighted) count of each class left of every valid candidate: (K, c).

    A cumulative sum per class along every drawn feature's order would cost K passes over
    all (k, n) positions, but only the candidates ``(slot, pos)`` need the counts. So: *mark*
    each candidate and each node's last position, number the stretches of positions between
    marks (a cumulative sum of the marks), count the classes of every stretch in one
    ``bincount``, and take the running sum over the stretches (few, with repeated values).
    The count left of a candidate is its running count minus the running count at the end
    of the previous node (``start - 1``). Exact with whole-number weights (unit weights,
    bootstrap counts).
    """
    k_slots, n = order.shape
    marks_2d = np.zeros((k_slots, n), dtype=bool)
    marks_2d[:, :-1] = ok
    marks_2d[:, ends - 1] = True  # the last position of each node, in each row
    marks = marks_2d.ravel()
    upto = np.cumsum(marks)  # marks at or before each position, in (slot, position) order
    n_marks = int(upto[-1])
    stretch = upto - marks  # the stretch of each position: the marks strictly before it
    codes = np.take(y, order).ravel()  # (y in a small integer type: a cheaper gather)
    weights = None if unit_weights else np.take(w, order).ravel()
    counts = np.bincount(codes * np.intp(n_marks) + stretch, weights=weights,
                         minlength=n_classes * n_marks).reshape(n_classes, n_marks)
    running = np.zeros((n_classes, n_marks + 1), dtype=counts.dtype)  # a 0 in front
    np.cumsum(counts, axis=1, out=running[:, 1:])
    at = slot * n
    before = at + start - 1  # the previous node's last position (-1 before the first)
    base = np.where(before >= 0, upto[np.maximum(before, 0)], 0)
    return (np.take(running, upto[at + pos], axis=1)
            - np.take(running, base, axis=1)).astype(np.float64, copy=False)


def _class_proxy(left: np.ndarray, right: np.ndarray, wl: np.ndarray, wr: np.ndarray,
                 criterion: str) -> np.ndarray:
    """``-w_L I(L) - w_R I(R)`` from the class sums of each side (K, c) and their weights (c,).

    The float operations are scikit-learn's, in its order (class by class), so that splits
    that tie exactly on paper are told apart by the same rounding.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if criterion == "entropy" or criterion == "log_loss":
            # (a sum over the first axis adds row after row: class by class)
            acc_l = -_plog2p(left / wl).sum(axis=0)
            acc_r = -_plog2p(right / wr).sum(axis=0)
            return -wr * acc_r - wl * acc_l
        acc_l = (left * left).sum(axis=0)
        acc_r = (right * right).sum(axis=0)
        return -wr * (1.0 - acc_r / (wr * wr)) - wl * (1.0 - acc_l / (wl * wl))


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
    tree, = _grow(X, y.astype(np.intp), np.ones((1, X.shape[0])), n_classes=int(y.max()) + 1,
                 criterion=criterion, max_depth=max_depth, min_samples_split=min_samples_split,
                 min_samples_leaf=min_samples_leaf, max_features=X.shape[1],
                 rngs=[np.random.RandomState(0)])
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
        if not np.any(w > 0):  # (a zero weight: as if the row were not there)
            raise ValueError("sample_weight is zero for every sample: nothing to fit")
        rng = check_random_state(self.random_state)
        self.tree_, = _grow(X, y, w[None, :], n_classes=n_classes, rngs=[rng], **params)
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


def fit_together(trees: list[Any], X: np.ndarray, y: np.ndarray, W: np.ndarray,
                 n_classes: int) -> list[Any]:
    """Fit trees that share their hyper-parameters (a forest's) at once; return them.

    Tree ``b`` is grown on the rows of ``X``, ``y`` weighted by ``W[b]`` (shape
    (n_trees, n_samples)), with its own ``random_state``: the same tree as
    ``trees[b].fit(X, y, sample_weight=W[b])``, but the per-level NumPy overhead is paid once
    for all of them (see :func:`_grow`). ``X`` and ``y`` are already checked: ``X`` rounded
    to float32 (as float64), ``y`` class indices ``0..n_classes-1`` or, with
    ``n_classes == 0``, regression targets.
    """
    params = trees[0]._resolved_params(X.shape[0], X.shape[1])
    rngs = [check_random_state(t.random_state) for t in trees]
    grown = _grow(X, y, W, n_classes=n_classes, rngs=rngs, **params)
    for tree, fitted in zip(trees, grown, strict=True):
        tree.tree_, tree.max_features_, tree.n_features_in_ = (fitted, params["max_features"],
                                                               X.shape[1])
        if n_classes:
            tree.classes_, tree.n_classes_ = np.arange(n_classes), n_classes
    return trees


def predict_together(X: np.ndarray, trees: list[Tree]) -> np.ndarray:
    """``value[leaf]`` of every row of ``X`` in every tree: shape (n_trees, n_samples, ...).

    The trees' flat arrays are laid end to end (child indices shifted by each tree's
    offset), so that every (tree, row) pair moves down one level per step, all together: one
    loop over the levels for the whole forest, instead of one per tree.
    """
    n, d = X.shape
    sizes = np.array([t.node_count for t in trees])
    offset = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    shift = np.repeat(offset, sizes)
    feature = np.concatenate([t.feature for t in trees])
    threshold = np.concatenate([t.threshold for t in trees])
    inner = feature != TREE_UNDEFINED
    left = np.where(inner, np.concatenate([t.left for t in trees]) + shift, TREE_LEAF)
    right = np.where(inner, np.concatenate([t.right for t in trees]) + shift, TREE_LEAF)
    value = np.concatenate([t.value for t in trees])
    node = np.repeat(offset, n)  # (T n,): every tree's root, for every row
    row_at = np.tile(np.arange(n) * d, len(trees))  # where each row starts in X.ravel()
    Xflat = np.ascontiguousarray(X).ravel()
    active = np.flatnonzero(left[node] != TREE_LEAF)
    while active.size:  # one step per level of the deepest tree
        at = node[active]
        go_left = np.take(Xflat, row_at[active] + feature[at]) <= threshold[at]
        node[active] = np.where(go_left, left[at], right[at])
        active = active[left[node[active]] != TREE_LEAF]
    return value[node].reshape((len(trees), n) + value.shape[1:])


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
