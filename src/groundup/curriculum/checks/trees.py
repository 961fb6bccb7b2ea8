"""Checks for the decision-tree and random-forest exercises: the learner's code against
scikit-learn's fitted trees and forests, SciPy and NumPy.

- impurities: the root impurity of a scikit-learn tree fitted to the labels (``tree_.impurity``),
  and ``scipy.stats.entropy``;
- the best split: the root of ``sklearn.tree.DecisionTreeClassifier(max_depth=1)`` (feature,
  threshold, impurity decrease), on data exactly representable in float32 (scikit-learn
  stores X as float32, so that the midpoints agree to the last bit) and with a unique best
  split (scikit-learn breaks ties between features at random);
- prediction: the flat arrays of a fitted scikit-learn tree, against its ``predict_proba``;
- growing: every node of the learner's tree is checked on the samples that reach it (a best
  split, by scikit-learn's stump, or a valid reason to stop; its class fractions), and where
  no two splits tie the whole tree must predict as scikit-learn's;
- forests: per-tree ``predict_proba`` of a scikit-learn forest against the forest's
  ``predict_proba``, ``predict`` and ``oob_score_``.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import stats
from sklearn import datasets
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.trees_drivers"


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _f32(a: np.ndarray) -> np.ndarray:
    """Values that float32 represents exactly (as scikit-learn's trees see them)."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def _root_impurity(criterion: str) -> Callable[[Any], float]:
    """The impurity scikit-learn's tree computes at the root for labels ``y``."""

    def impurity(y: Any) -> float:
        y = np.asarray(y)
        tree = DecisionTreeClassifier(max_depth=1, criterion=criterion)
        tree.fit(np.zeros((y.size, 1)), y)
        return float(tree.tree_.impurity[0])

    return impurity


def _scipy_entropy(y: Any) -> float:
    _, counts = np.unique(np.asarray(y), return_counts=True)
    return float(stats.entropy(counts, base=2))


# --------------------------------------------------------------------------------------------
# Impurity

def _label_sets(rng: np.random.Generator) -> list[Case]:
    return [Case(rng.integers(0, k, size=n)) for k, n in ((2, 10), (3, 57), (5, 200))]


def gini_impurity() -> list[Check]:
    rng = _rng(0)
    ref = close_to(_root_impurity("gini"), atol=1e-12)
    return [
        Check("small label lists", [Case([0, 0, 1, 1]), Case([1, 1, 1]), Case([0, 1, 2, 3]),
                                    Case([2, 2, 2, 7])], expect=ref,
              hint="Fractions p_k of each label, then 1 - sum of p_k squared."),
        Check("string labels", [Case(["cat", "dog", "dog"]), Case(["a", "b", "c", "a", "a"])],
              expect=ref, hint="np.unique counts strings as well as numbers."),
        Check("random labels", _label_sets(rng), expect=ref,
              hint="Divide the counts by the number of samples, not by the number of classes."),
        Check("one sample", [Case([4])], expect=ref, hint="A single sample is a pure node: 0."),
        Check("no samples", [Case([])], expect=raises(ValueError),
              hint="The impurity of an empty node is undefined: raise ValueError."),
        Check("many classes", [Case(rng.integers(0, 40, size=1000)),
                               Case(rng.choice([0, 1], p=[0.97, 0.03], size=300))],
              expect=close_to(_root_impurity("gini"), atol=1e-12, hidden=True), hidden=True,
              hint="Square the fractions, not the counts."),
    ]


def entropy() -> list[Check]:
    rng = _rng(1)
    ref = close_to(_scipy_entropy, atol=1e-12)
    return [
        Check("small label lists", [Case([0, 0, 1, 1]), Case([1, 1, 1]), Case([0, 1, 2, 3]),
                                    Case([0, 0, 0, 1])], expect=ref,
              hint="-sum(p * log2(p)); two equally frequent classes give exactly 1 bit."),
        Check("string labels", [Case(["x", "y", "y", "z"])], expect=ref,
              hint="np.unique(y, return_counts=True) counts any labels."),
        Check("random labels, against scikit-learn's entropy criterion", _label_sets(rng),
              expect=close_to(_root_impurity("entropy"), atol=1e-12),
              hint="Base 2: np.log2, not np.log."),
        Check("no samples", [Case([])], expect=raises(ValueError),
              hint="The entropy of an empty node is undefined: raise ValueError."),
        Check("skewed and many classes", [Case(rng.integers(0, 33, size=700)),
                                          Case(rng.choice(3, p=[0.9, 0.09, 0.01], size=500))],
              expect=close_to(_scipy_entropy, atol=1e-12, hidden=True), hidden=True,
              hint="Use the fractions p_k = n_k / n, in base 2."),
    ]


def _gain_reference(y: Any, left_mask: Any, criterion: str = "gini") -> float:
    y, mask = np.asarray(y), np.asarray(left_mask, dtype=bool)

    def imp(labels: np.ndarray) -> float:
        _, counts = np.unique(labels, return_counts=True)
        if criterion == "gini":
            p = counts / counts.sum()
            return float(1.0 - np.dot(p, p))
        return float(stats.entropy(counts, base=2))

    gain = imp(y)
    for side in (y[mask], y[~mask]):
        if side.size:
            gain -= side.size / y.size * imp(side)
    return gain


def information_gain() -> list[Check]:
    rng = _rng(2)
    y = rng.integers(0, 3, size=60)
    mask = rng.random(60) < 0.4
    ref = close_to(_gain_reference, atol=1e-12)
    return [
        Check("a perfect split", [Case([0, 0, 1, 1], np.array([True, True, False, False])),
                                  Case([0, 0, 1, 1], np.array([True, True, False, False]),
                                       criterion="entropy")],
              expect=ref, hint="Both children are pure: the gain is the parent's impurity."),
        Check("a useless split", [Case([0, 1, 0, 1], np.array([True, True, False, False]))],
              expect=ref, hint="Children as mixed as the parent: the gain is 0."),
        Check("uneven children", [Case([0, 0, 0, 1, 1], np.array([True, False, False, False,
                                                                  False]))], expect=ref,
              hint="Weight each child's impurity by n_child / n."),
        Check("random labels and masks", [Case(y, mask), Case(y, mask, criterion="entropy"),
                                          Case(y, mask, criterion="log_loss")], expect=ref,
              hint="'log_loss' is another name for 'entropy' (base 2)."),
        Check("everything on one side", [Case([0, 1, 1], np.array([True, True, True])),
                                         Case([0, 1, 1], np.array([False, False, False]))],
              expect=ref, hint="An empty child has weight 0: skip it (the gain is 0)."),
        Check("invalid input", [Case([0, 1, 1], np.array([True, False])),
                                Case([0, 1], np.array([1, 0])),
                                Case([0, 1], np.array([True, False]), criterion="mse"),
                                Case([], np.array([], dtype=bool))],
              expect=raises(ValueError),
              hint="Raise ValueError when the mask is not boolean, has another length than y, "
                   "the criterion is unknown or y is empty."),
        Check("more random splits",
              [Case(rng.integers(0, k, size=n), rng.random(n) < 0.5, criterion=c)
               for k, n, c in ((2, 30, "gini"), (4, 300, "entropy"), (6, 999, "gini"))],
              expect=close_to(_gain_reference, atol=1e-12, hidden=True), hidden=True,
              hint="Gain = I(parent) - n_L / n * I(left) - n_R / n * I(right)."),
    ]


# --------------------------------------------------------------------------------------------
# The best split

def _stump(X: Any, y: Any, criterion: str = "gini", min_samples_leaf: int = 1
           ) -> tuple[int, float, float]:
    """scikit-learn's best root split: (feature, threshold, impurity decrease)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    tree = DecisionTreeClassifier(max_depth=1, criterion=criterion,
                                  min_samples_leaf=min_samples_leaf, random_state=0).fit(X, y)
    t = tree.tree_
    if t.node_count == 1:
        return -1, float("nan"), 0.0
    n = t.n_node_samples
    l, r = t.children_left[0], t.children_right[0]
    gain = t.impurity[0] - (n[l] * t.impurity[l] + n[r] * t.impurity[r]) / n[0]
    return int(t.feature[0]), float(t.threshold[0]), float(gain)


def _same_split(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        expected = _stump(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 3:
            return "expected a tuple (feature, threshold, gain)"
        feature, threshold, gain = value
        if not isinstance(feature, (int, np.integer)) or isinstance(feature, bool):
            return f"the feature should be an int, received {type(feature).__name__}"
        if feature != expected[0]:
            if hidden:
                return "the chosen feature differs from the best one"
            return f"the chosen feature is wrong: expected {expected[0]}, received {feature}"
        for what, exp, rec in (("threshold", expected[1], threshold), ("gain", expected[2], gain)):
            msg = compare_values(exp, rec, rtol=1e-9, atol=1e-12, hidden=hidden, what=what)
            if msg:
                return msg
        return None

    return predicate


def _split_data(rng: np.random.Generator, n: int, d: int, k: int, noise: float = 0.3
                ) -> tuple[np.ndarray, np.ndarray]:
    X = _f32(rng.normal(size=(n, d)))
    score = X[:, min(1, d - 1)] + 0.5 * X[:, 0] ** 2 + noise * rng.normal(size=n)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1]))
    return X, y


def best_split() -> list[Check]:
    rng = _rng(3)
    X2, y2 = _split_data(rng, 80, 4, 2)
    X3, y3 = _split_data(rng, 150, 5, 3)
    Xc = X2.copy()
    Xc[:, 0] = 1.5  # a constant column
    pred = satisfies(_same_split())
    return [
        Check("four samples, one feature", [Case(np.array([[1.0], [2.0], [3.0], [4.0]]),
                                                 np.array([0, 0, 1, 1]))], expect=pred,
              hint="Split between 2 and 3 (threshold 2.5): both children are pure."),
        Check("two classes, four features", [Case(X2, y2)], expect=pred,
              hint="Evaluate every position of every sorted column; keep the largest gain."),
        Check("three classes, entropy", [Case(X3, y3), Case(X3, y3, criterion="entropy")],
              expect=pred, hint="The criterion only changes the impurity function."),
        Check("min_samples_leaf", [Case(np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]),
                                        np.array([0, 0, 1, 1, 1, 1]), min_samples_leaf=2),
                                   Case(X3, y3, min_samples_leaf=20),
                                   Case(X2, y2, min_samples_leaf=35)], expect=pred,
              hint="Position i leaves i + 1 samples on the left and n - i - 1 on the right: "
                   "both must be >= min_samples_leaf."),
        Check("repeated values and a constant column",
              [Case(np.round(X2 * 2) / 2, y2), Case(Xc, y2)], expect=pred,
              hint="A threshold must lie between two *different* values: mask positions where "
                   "the next sorted value is equal."),
        Check("no split possible", [Case(np.ones((5, 2)), np.array([0, 1, 0, 1, 1])),
                                    Case(X2[:3], y2[:3], min_samples_leaf=2)],
              expect=satisfies(_same_split()),
              hint="Return (-1, nan, 0.0) when no position is valid."),
        Check("invalid input", [Case(np.ones(4), np.array([0, 1, 0, 1])),
                                Case(np.ones((4, 2)), np.array([0, 1, 0])),
                                Case(X2, y2, criterion="variance"),
                                Case(X2, y2, min_samples_leaf=0)],
              expect=raises(ValueError),
              hint="Raise ValueError for X not 2-D, a length mismatch, an unknown criterion or "
                   "min_samples_leaf < 1."),
        Check("larger data sets", [Case(*_split_data(rng, 3000, 8, 4)),
                                   Case(*_split_data(rng, 400, 12, 2, noise=1.0),
                                        criterion="log_loss", min_samples_leaf=7)],
              expect=satisfies(_same_split(hidden=True)), hidden=True,
              hint="Thresholds are midpoints xs[i] / 2 + xs[i + 1] / 2 of the sorted column."),
    ]


# --------------------------------------------------------------------------------------------
# Prediction with a flat tree

def _flat(tree: Any, regression: bool = False) -> tuple[np.ndarray, ...]:
    t = tree.tree_
    value = t.value[:, 0, 0] if regression else t.value[:, 0, :]
    return (t.feature.astype(np.int64), t.threshold.astype(np.float64),
            t.children_left.astype(np.int64), t.children_right.astype(np.int64),
            np.array(value, dtype=np.float64))


def _fixed(expected: np.ndarray, **kwargs: Any) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        return compare_values(expected, value, rtol=1e-12, atol=1e-12, **kwargs)

    return predicate


def predict_tree() -> list[Check]:
    iris_X, iris_y = datasets.load_iris(return_X_y=True)
    clf = DecisionTreeClassifier(max_depth=3, random_state=0).fit(iris_X, iris_y)
    dia_X, dia_y = datasets.load_diabetes(return_X_y=True)
    reg = DecisionTreeRegressor(max_depth=5, random_state=0).fit(dia_X[:300], dia_y[:300])
    dig_X, dig_y = datasets.load_digits(return_X_y=True)
    deep = DecisionTreeClassifier(random_state=0).fit(dig_X[:1200], dig_y[:1200])
    stump = DecisionTreeClassifier().fit(iris_X[:10], iris_y[:10])  # one class: a single leaf
    # float32 rounding: scikit-learn compares float32(x) <= threshold; these inputs are float32
    iris_test = _f32(iris_X[::3])
    dia_test = _f32(dia_X[300:])
    dig_test = _f32(dig_X[1200:])
    return [
        Check("iris, depth 3, class probabilities",
              [Case(iris_test, *_flat(clf), label="X = iris rows 0, 3, 6, ..., tree = "
                    "DecisionTreeClassifier(max_depth=3) fitted on iris")],
              expect=satisfies(_fixed(clf.predict_proba(iris_test))),
              hint="Go left when x[feature] <= threshold; stop at nodes with left == -1."),
        Check("a regression tree", [Case(dia_test, *_flat(reg, regression=True),
                                         label="X = 142 diabetes rows, tree = "
                                               "DecisionTreeRegressor(max_depth=5)")],
              expect=satisfies(_fixed(reg.predict(dia_test))),
              hint="value may be 1-D: return value[leaf] for every row."),
        Check("a tree that is a single leaf", [Case(iris_test[:4], *_flat(stump))],
              expect=satisfies(_fixed(stump.predict_proba(iris_test[:4]))),
              hint="When the root is a leaf, every row gets value[0]."),
        Check("X is not 2-D", [Case(iris_test[0], *_flat(clf))], expect=raises(ValueError),
              hint="Raise ValueError unless X has shape (n_samples, n_features)."),
        Check("a deep tree on digits", [Case(dig_test, *_flat(deep),
                                             label="X = 597 digits rows, a fully grown tree")],
              expect=satisfies(_fixed(deep.predict_proba(dig_test), hidden=True)), hidden=True,
              hint="Keep moving samples down until every one of them is at a leaf."),
    ]


def _check_nodes(X: np.ndarray, y: np.ndarray, tree: dict[str, np.ndarray],
                 params: dict[str, Any], hidden: bool) -> str | None:
    """Every node of the learner's tree, judged on the training samples that reach it.

    A split node must be allowed to split and use *a* best split (its gain equals that of
    scikit-learn's root split on the node's samples; equally good splits are all fine); a
    leaf must meet a stopping rule; every node stores its class fractions.
    """
    max_depth = params.get("max_depth")
    min_split = params.get("min_samples_split", 2)
    min_leaf = params.get("min_samples_leaf", 1)
    criterion = params.get("criterion", "gini")
    k = int(y.max()) + 1
    stack = [(0, np.arange(y.size), 0)]
    while stack:
        i, rows, depth = stack.pop()
        where = f"node {i} (depth {depth}, {rows.size} samples)"
        fractions = np.bincount(y[rows], minlength=k) / rows.size
        msg = compare_values(fractions, tree["value"][i], rtol=1e-9, atol=1e-12, hidden=hidden,
                             what=f"value of {where}")
        if msg:
            return msg + " (the class fractions of the samples that reach the node)"
        may_split = not ((max_depth is not None and depth >= max_depth)
                         or rows.size < min_split or rows.size < 2 * min_leaf
                         or np.count_nonzero(fractions) == 1)
        best = _stump(X[rows], y[rows], criterion, min_leaf) if may_split else (-1, 0.0, 0.0)
        if tree["left"][i] == -1:
            if best[0] != -1:
                return (f"{where} is a leaf, but it should be split: it is not pure, "
                        "not at max_depth, has enough samples and has a valid split")
            continue
        if not may_split or best[0] == -1:
            return (f"{where} is split, but it should be a leaf (pure, at max_depth, too few "
                    "samples, or no valid split)")
        f, t = int(tree["feature"][i]), float(tree["threshold"][i])
        go = X[rows, f] <= t
        if min(go.sum(), (~go).sum()) < min_leaf:
            return f"{where}: a child gets fewer than min_samples_leaf = {min_leaf} samples"
        lo, hi = X[rows][go, f].max(), X[rows][~go, f].min()
        if t != lo / 2 + hi / 2:
            return (f"{where}: the threshold {t!r} is not halfway between the two sorted values "
                    "it separates")
        gain = _gain_reference(y[rows], go, "gini" if criterion == "gini" else "entropy")
        msg = compare_values(best[2], gain, rtol=1e-9, atol=1e-12, hidden=hidden,
                             what=f"impurity decrease of the split at {where}")
        if msg:
            return msg + " (not the best split)"
        stack += [(int(tree["left"][i]), rows[go], depth + 1),
                  (int(tree["right"][i]), rows[~go], depth + 1)]
    return None


def _grown_correctly(compare_sklearn: bool, hidden: bool = False
                     ) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        X, y, X_test = case.args
        if not isinstance(value, dict) or "error" in value:
            return value.get("error") if isinstance(value, dict) else "grow_tree did not run"
        msg = _check_nodes(X, y, value["tree"], case.kwargs, hidden)
        if msg or not compare_sklearn:
            return msg
        # where no two splits tie, the tree is unique: it is scikit-learn's
        tree = DecisionTreeClassifier(random_state=0, **case.kwargs).fit(X, y)
        if value["n_leaves"] != tree.get_n_leaves():
            return (f"your tree has {value['n_leaves']} leaves, scikit-learn's "
                    f"{'a different number' if hidden else tree.get_n_leaves()}")
        if value["depth"] != tree.get_depth():
            return (f"your tree has depth {value['depth']}, scikit-learn's "
                    f"{'another' if hidden else tree.get_depth()}")
        return compare_values(tree.predict_proba(X_test), value["proba"], rtol=1e-9, atol=1e-12,
                              hidden=hidden, what="class fractions predicted for X_test")

    return predicate


def _grow_case(rng: np.random.Generator, n: int, d: int, k: int, **params: Any) -> Case:
    X, y = _split_data(rng, n, d, k, noise=0.5)
    X_test = _f32(rng.normal(size=(50, d)))
    shown = ", ".join(f"{key}={val!r}" for key, val in params.items())
    return Case(X, y, X_test, driver=f"{DRIVERS}:grow_and_predict",
                label=f"{n} samples, {d} features, {k} classes, {shown or 'defaults'}", **params)


def grow_tree() -> list[Check]:
    rng = _rng(4)
    same_as_sklearn = satisfies(_grown_correctly(compare_sklearn=True))
    every_node = satisfies(_grown_correctly(compare_sklearn=False))
    return [
        Check("a stump (max_depth=1), as scikit-learn's", [_grow_case(rng, 40, 2, 2, max_depth=1)],
              expect=same_as_sklearn,
              hint="The root splits once with best_split; both children are leaves."),
        Check("depth 3, as scikit-learn's", [_grow_case(rng, 120, 3, 3, max_depth=3)],
              expect=same_as_sklearn,
              hint="A node at depth max_depth is a leaf (the root has depth 0)."),
        Check("min_samples_split and entropy, as scikit-learn's",
              [_grow_case(rng, 150, 4, 2, min_samples_split=20, criterion="entropy")],
              expect=same_as_sklearn,
              hint="Pass the criterion on to best_split; a node with fewer than "
                   "min_samples_split samples is a leaf."),
        Check("min_samples_leaf: every node checked",
              [_grow_case(rng, 150, 4, 3, max_depth=6, min_samples_leaf=5)], expect=every_node,
              hint="Pass min_samples_leaf on to best_split, so that no child is too small."),
        Check("grown until pure: every node checked", [_grow_case(rng, 80, 3, 3)],
              expect=every_node,
              hint="With max_depth=None, stop only when a node is pure or cannot be split."),
        Check("invalid input", [Case(np.ones(5), np.zeros(5, dtype=int)),
                                Case(np.ones((5, 2)), np.zeros(4, dtype=int)),
                                Case(np.ones((3, 2)), np.array([0, -1, 1]))],
              expect=raises(ValueError),
              hint="Raise ValueError for X not 2-D, a length mismatch, or negative labels."),
        Check("larger trees", [_grow_case(rng, 400, 5, 4, max_depth=8),
                               _grow_case(rng, 300, 6, 2, min_samples_leaf=3)],
              expect=satisfies(_grown_correctly(compare_sklearn=False, hidden=True)),
              hidden=True,
              hint="Every node stores the class fractions of its samples (value[i, k] = "
                   "n_ik / n_i), leaves and split nodes alike."),
    ]


# --------------------------------------------------------------------------------------------
# Forests

def _bootstrap_reference(case: Case, value: Any, hidden: bool = False) -> str | None:
    n, rng = case.args
    indices = copy.deepcopy(rng).integers(0, n, size=n)
    oob = ~np.isin(np.arange(n), indices)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "expected a tuple (indices, oob_mask)"
    rec_idx, rec_oob = np.asarray(value[0]), np.asarray(value[1])
    msg = compare_values(indices, rec_idx, rtol=0, atol=0, hidden=hidden, what="indices")
    if msg:
        return msg + " (draw them with rng.integers(0, n_samples, size=n_samples))"
    if rec_oob.dtype != bool:
        return f"oob_mask should be a boolean array, received dtype {rec_oob.dtype}"
    return compare_values(oob, rec_oob, rtol=0, atol=0, hidden=hidden, what="oob_mask")


def bootstrap_sample() -> list[Check]:
    def case(n: int, seed: int) -> Case:
        return Case(n, _rng(seed), label=f"n_samples = {n}, rng = np.random.default_rng({seed})")

    pred = satisfies(_bootstrap_reference)
    return [
        Check("ten rows", [case(10, 0)], expect=pred, allow_mutation=True,
              hint="indices = rng.integers(0, n_samples, size=n_samples)."),
        Check("one row", [case(1, 1)], expect=pred, allow_mutation=True,
              hint="With one row, the only index is 0 and nothing is out of bag."),
        Check("a thousand rows: about 37 % out of bag", [case(1000, 2)], expect=pred,
              allow_mutation=True,
              hint="oob_mask is True for the rows drawn 0 times (np.bincount(indices, "
                   "minlength=n_samples) == 0)."),
        Check("invalid n_samples", [case(0, 3), case(-4, 3)], expect=raises(ValueError),
              allow_mutation=True, hint="Raise ValueError unless n_samples >= 1."),
        Check("other seeds", [case(5000, 42), case(37, 7)],
              expect=satisfies(lambda c, v: _bootstrap_reference(c, v, hidden=True)),
              allow_mutation=True, hidden=True,
              hint="Draw from the generator you are given, exactly once."),
    ]


def _mode(predictions: Any) -> np.ndarray:
    return np.asarray(stats.mode(np.asarray(predictions), axis=0, keepdims=False).mode)


def majority_vote() -> list[Check]:
    rng = _rng(5)
    ref = close_to(_mode, rtol=0, atol=0)
    return [
        Check("three voters", [Case(np.array([[0, 1, 2], [1, 1, 0], [1, 0, 2]]))], expect=ref,
              hint="Count the votes for each label in each column; the most votes wins."),
        Check("ties go to the smallest label", [Case(np.array([[0, 2, 1], [1, 1, 3]])),
                                                Case(np.array([[3, 3], [2, 2]]))], expect=ref,
              hint="np.argmax returns the first maximum: count votes per label 0, 1, 2, ..."),
        Check("one voter", [Case(np.array([[4, 0, 2]]))], expect=ref,
              hint="With a single estimator, its labels are the vote."),
        Check("random votes", [Case(rng.integers(0, 4, size=(25, 50)))], expect=ref,
              hint="Build votes[c, j] for all labels c and samples j at once."),
        Check("invalid input", [Case(np.array([0, 1, 1])), Case(np.array([[0, -1], [1, 1]])),
                                Case(np.array([[0.5, 1.0]])), Case(np.zeros((0, 3), dtype=int))],
              expect=raises(ValueError),
              hint="Raise ValueError unless predictions is 2-D, non-empty, of non-negative "
                   "integers."),
        Check("many voters and labels", [Case(rng.integers(0, 10, size=(101, 200))),
                                         Case(rng.integers(0, 2, size=(6, 500)))],
              expect=close_to(_mode, rtol=0, atol=0, hidden=True), hidden=True,
              hint="Even numbers of voters make ties: the smallest label wins."),
    ]


def _forest(loader: Callable[..., Any], n_estimators: int, seed: int, labels: Any = None,
            oob: bool = False) -> tuple[Any, np.ndarray, np.ndarray]:
    X, y = loader(return_X_y=True)
    if labels is not None:
        y = np.asarray(labels)[y]
    forest = RandomForestClassifier(n_estimators=n_estimators, max_depth=4, oob_score=oob,
                                    random_state=seed)
    with warnings.catch_warnings():  # "some inputs do not have OOB scores": on purpose
        warnings.simplefilter("ignore", UserWarning)
        forest.fit(X, y)
    X = _f32(X)
    return forest, X, y


def _tree_probas(forest: Any, X: np.ndarray) -> np.ndarray:
    return np.stack([tree.predict_proba(X) for tree in forest.estimators_])  # (T, n, K)


def _soft_vote(proba: np.ndarray, labels: np.ndarray, hidden: bool = False
               ) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "expected a tuple (proba, labels)"
        msg = compare_values(proba, value[0], rtol=1e-12, atol=1e-12, hidden=hidden,
                             what="averaged probabilities")
        if msg:
            return msg
        rec = np.asarray(value[1])
        # where two classes tie (up to rounding), either label is right
        top2 = np.sort(proba, axis=1)[:, -2:]
        clear = top2[:, 1] - top2[:, 0] > 1e-9
        if rec.shape != labels.shape or not np.array_equal(rec[clear], labels[clear]):
            return ("the predicted labels differ from the forest's: take classes[argmax] of the "
                    "averaged probabilities")
        return None

    return predicate


def random_forest_predict() -> list[Check]:
    iris, iris_X, _ = _forest(datasets.load_iris, 10, 0)
    # labels other than 0..K-1 (the wire carries numeric arrays back, not strings)
    cancer, cancer_X, _ = _forest(datasets.load_breast_cancer, 7, 1, labels=[4, 2])
    wine, wine_X, _ = _forest(datasets.load_wine, 25, 2)
    return [
        Check("iris, 10 trees", [Case(_tree_probas(iris, iris_X), iris.classes_,
                                      label="the 10 trees' predict_proba on iris (10, 150, 3)")],
              expect=satisfies(_soft_vote(iris.predict_proba(iris_X), iris.predict(iris_X))),
              hint="Average over the trees (axis 0), not over the samples or the classes."),
        Check("labels that are not column numbers",
              [Case(_tree_probas(cancer, cancer_X), cancer.classes_,
                    label="7 trees on breast cancer, classes [2, 4]")],
              expect=satisfies(_soft_vote(cancer.predict_proba(cancer_X),
                                          cancer.predict(cancer_X))),
              hint="Map the argmax column to its label: classes[np.argmax(proba, axis=1)]."),
        Check("invalid input", [Case(np.ones((2, 3)), np.array([0, 1, 2])),
                                Case(np.ones((2, 3, 2)) / 2, np.array([0, 1, 2]))],
              expect=raises(ValueError),
              hint="Raise ValueError unless tree_probas is (T, n, K) and classes has K labels."),
        Check("wine, 25 trees", [Case(_tree_probas(wine, wine_X), wine.classes_)],
              expect=satisfies(_soft_vote(wine.predict_proba(wine_X), wine.predict(wine_X),
                                          hidden=True)), hidden=True,
              hint="Soft voting averages probabilities; it does not count votes."),
    ]


def _oob_case(loader: Callable[..., Any], n_estimators: int, seed: int,
              name: str) -> tuple[Case, float]:
    forest, X, y = _forest(loader, n_estimators, seed, oob=True)
    n = X.shape[0]
    # the rows each tree was trained on: scikit-learn draws them with the tree's random_state
    masks = np.stack([np.bincount(np.random.RandomState(t.random_state).randint(0, n, n),
                                  minlength=n) == 0 for t in forest.estimators_])
    y_enc = np.searchsorted(forest.classes_, y)
    case = Case(_tree_probas(forest, X), masks, y_enc,
                label=f"{n_estimators} trees on {name}: tree_probas ({n_estimators}, {n}, "
                      f"{forest.n_classes_}), their out-of-bag masks and y")
    return case, float(forest.oob_score_)


def oob_score() -> list[Check]:
    iris, iris_score = _oob_case(datasets.load_iris, 12, 0, "iris")
    cancer, cancer_score = _oob_case(datasets.load_breast_cancer, 20, 1, "breast cancer")
    wine, wine_score = _oob_case(datasets.load_wine, 9, 2, "wine")
    return [
        Check("iris, against RandomForestClassifier(oob_score=True).oob_score_", [iris],
              expect=satisfies(lambda c, v: compare_values(iris_score, v, rtol=0, atol=1e-12)),
              hint="Only the trees with oob_masks[t, j] True vote for row j."),
        Check("breast cancer", [cancer],
              expect=satisfies(lambda c, v: compare_values(cancer_score, v, rtol=0, atol=1e-12)),
              hint="Sum the probabilities of the out-of-bag trees, then argmax, then compare "
                   "with y."),
        Check("shapes disagree", [Case(np.ones((2, 3, 2)), np.ones((2, 4), dtype=bool),
                                       np.zeros(3, dtype=int)),
                                  Case(np.ones((2, 3, 2)), np.ones((2, 3)),
                                       np.zeros(3, dtype=int))],
              expect=raises(ValueError),
              hint="Raise ValueError unless P is (T, n, K), M (T, n) boolean and y (n,)."),
        Check("wine, few trees (some rows never out of bag)", [wine],
              expect=satisfies(lambda c, v: compare_values(wine_score, v, rtol=0, atol=1e-12,
                                                           hidden=True)), hidden=True,
              hint="A row with no out-of-bag tree has all-zero sums: argmax gives class 0."),
    ]
