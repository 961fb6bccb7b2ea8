"""Drivers for the tree checks: run in the learner's process (standard library + NumPy)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

KEYS = ("feature", "threshold", "left", "right", "value")


def grow_and_predict(module: ModuleType, X: np.ndarray, y: np.ndarray, X_test: np.ndarray,
                     **params: Any) -> dict[str, Any]:
    """Grow the learner's tree, then read it: its depth, its leaves, and what it predicts.

    The tree is read here with a plain walk from the root, so that only ``grow_tree`` is
    judged (not the learner's ``predict_tree``); the arrays go back too, for the grader to
    check every node.
    """
    tree = module.grow_tree(X, y, **params)
    if not isinstance(tree, dict) or any(k not in tree for k in KEYS):
        return {"error": f"grow_tree should return a dict with the keys {list(KEYS)}"}
    feature, threshold, left, right, value = (np.asarray(tree[k]) for k in KEYS)
    n_nodes = left.shape[0]
    if n_nodes == 0 or any(a.shape[:1] != (n_nodes,) for a in (feature, threshold, right, value)):
        return {"error": "the arrays of the tree should all have one entry per node"}
    if value.ndim != 2 or value.shape[1] != int(np.max(y)) + 1:
        return {"error": f"value should have shape (n_nodes, n_classes) = ({n_nodes}, "
                         f"{int(np.max(y)) + 1}), not {value.shape}"}
    depth = np.zeros(n_nodes, dtype=int)
    seen = np.zeros(n_nodes, dtype=bool)
    stack = [0]
    while stack:  # walk the tree from the root; each node must be reached exactly once
        i = stack.pop()
        if not 0 <= i < n_nodes or seen[i]:
            return {"error": f"node {i} is out of range or reached twice: check left/right"}
        seen[i] = True
        if left[i] != -1:
            depth[left[i]] = depth[right[i]] = depth[i] + 1
            stack += [int(left[i]), int(right[i])]
    if not seen.all():
        return {"error": "some nodes cannot be reached from the root (node 0)"}
    proba = np.empty((X_test.shape[0], value.shape[1]))
    for row, x in enumerate(X_test):
        i = 0
        while left[i] != -1:
            i = left[i] if x[feature[i]] <= threshold[i] else right[i]
        proba[row] = value[i]
    return {"n_leaves": int((left == -1).sum()), "depth": int(depth.max()), "proba": proba,
            "tree": {"feature": feature.astype(np.int64), "threshold": threshold.astype(float),
                     "left": left.astype(np.int64), "right": right.astype(np.int64),
                     "value": value.astype(float)}}
