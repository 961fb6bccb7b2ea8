"""Checks for the evaluation exercises: the learner's metrics and splits against scikit-learn.

Metrics are compared number for number with :mod:`sklearn.metrics`. Random splits cannot be
compared index for index (any correct use of randomness is fine), so they are checked by
their properties: scikit-learn's sizes, disjoint parts that cover the data, rows kept
together, class proportions, and the same split for the same seed. Cross-validation scores
are compared with :func:`sklearn.model_selection.cross_val_score` on the same folds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn import metrics as skm
from sklearn import model_selection as skms
from sklearn.base import clone
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.linear_model import Ridge
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from groundup.curriculum.checks.evaluation_drivers import neg_mean_absolute_error
from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.evaluation_drivers"


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _noisy_labels(rng: np.random.Generator, n_classes: int, n: int,
                  right: float = 0.6) -> tuple[np.ndarray, np.ndarray]:
    """Labels and predictions that are right about ``right`` of the time."""
    y_true = rng.integers(0, n_classes, size=n)
    y_pred = np.where(rng.random(n) < right, y_true, rng.integers(0, n_classes, size=n))
    return y_true, y_pred


# --------------------------------------------------------------------------------------------
# Confusion matrix

def _cm(y_true: Any, y_pred: Any, labels: Any = None, normalize: Any = None) -> np.ndarray:
    return skm.confusion_matrix(y_true, y_pred, labels=labels, normalize=normalize)


def confusion_matrix() -> list[Check]:
    rng = _rng(0)
    y3, p3 = _noisy_labels(rng, 3, 30)
    animals = np.array(["cat", "dog", "cat", "bird", "dog", "cat"])
    guesses = np.array(["dog", "dog", "cat", "cat", "dog", "bird"])
    big_true, big_pred = _noisy_labels(rng, 10, 5000, right=0.3)
    return [
        Check("binary labels", [Case([0, 1, 1, 0, 1], [0, 1, 0, 0, 1])], expect=close_to(_cm),
              hint="Row = the true class, column = the predicted class; add 1 to C[row, col] "
                   "for each sample."),
        Check("three classes", [Case(y3, p3)], expect=close_to(_cm),
              hint="The classes are the sorted unique values of y_true and y_pred together "
                   "(np.unique of both)."),
        Check("string labels", [Case(animals, guesses)], expect=close_to(_cm),
              hint="Map each label to its position in the sorted classes (np.searchsorted, or "
                   "a dict), then count."),
        Check("a class that is only ever predicted",
              [Case([0, 0, 1, 1], [0, 2, 1, 2])], expect=close_to(_cm),
              hint="Take the classes from y_true AND y_pred: class 2 gets a row of zeros."),
        Check("labels= sets the rows and columns",
              [Case(y3, p3, labels=[2, 0, 1]), Case(y3, p3, labels=[0, 1, 7]),
               Case(y3, p3, labels=[1, 2])],
              expect=close_to(_cm),
              hint="Use labels in the order given; a label that never occurs gets zeros, and "
                   "samples whose true or predicted label is not in labels are left out."),
        Check("normalize", [Case(animals, guesses, normalize="true"),
                            Case(animals, guesses, normalize="pred"),
                            Case([0, 0, 1], [0, 0, 0], normalize="pred"),
                            Case(y3, p3, normalize="all")],
              expect=close_to(_cm),
              hint="'true' divides each row by its sum, 'pred' each column, 'all' the total; "
                   "a row or column of zeros stays 0 (not NaN)."),
        Check("invalid input", [Case([0, 1, 1], [0, 1]), Case([0, 1], [0, 1], normalize="rows")],
              expect=raises(ValueError),
              hint="Raise ValueError when the lengths differ or normalize is not one of "
                   "'true', 'pred', 'all' or None."),
        Check("10 classes, 5000 samples", [Case(big_true, big_pred),
                                           Case(big_true, big_pred, normalize="true")],
              expect=close_to(_cm, hidden=True), hidden=True,
              hint="Count with np.add.at(C, (rows, cols), 1) or np.bincount(rows * k + cols)."),
    ]


# --------------------------------------------------------------------------------------------
# Precision, recall, F1

def _prf_binary(y_true: Any, y_pred: Any, pos_label: Any = 1) -> tuple[float, ...]:
    p, r, f, _ = skm.precision_recall_fscore_support(y_true, y_pred, average="binary",
                                                     pos_label=pos_label, zero_division=0)
    return float(p), float(r), float(f)


def precision_recall_f1() -> list[Check]:
    rng = _rng(1)
    yb, pb = _noisy_labels(rng, 2, 40)
    spam = np.array(["spam", "ham", "spam", "spam", "ham", "ham", "spam"])
    flagged = np.array(["spam", "spam", "ham", "spam", "ham", "ham", "ham"])
    big_true, big_pred = _noisy_labels(rng, 2, 3000, right=0.4)
    ref = close_to(_prf_binary)
    return [
        Check("a small example", [Case([0, 1, 1, 1, 0], [1, 1, 0, 1, 0])], expect=ref,
              hint="TP: predicted 1 and truly 1; FP: predicted 1, truly 0; FN: predicted 0, "
                   "truly 1. Precision = TP / (TP + FP), recall = TP / (TP + FN)."),
        Check("random predictions", [Case(yb, pb)], expect=ref,
              hint="F1 is the harmonic mean 2PR / (P + R) = 2TP / (2TP + FP + FN), not the "
                   "arithmetic mean."),
        Check("another positive class", [Case(yb, pb, pos_label=0),
                                         Case(spam, flagged, pos_label="spam")],
              expect=ref, hint="Count positives as `y == pos_label`, whatever the labels are."),
        Check("nothing predicted positive, or nothing truly positive",
              [Case([1, 1, 0], [0, 0, 0]), Case([0, 0, 0], [0, 1, 0]), Case([0, 0], [0, 0])],
              expect=ref,
              hint="A ratio whose denominator is 0 is defined as 0 here (scikit-learn's "
                   "zero_division=0): check the denominator before dividing."),
        Check("a perfect classifier", [Case([1, 0, 1, 1], [1, 0, 1, 1])], expect=ref,
              hint="With no mistakes precision, recall and F1 are all 1."),
        Check("invalid input", [Case([0, 1, 1], [0, 1]), Case([0, 1, 2], [0, 1, 1]),
                                Case(["a", "b"], ["a", "b"], pos_label="c")],
              expect=raises(ValueError),
              hint="Raise ValueError for different lengths, more than two labels, or a "
                   "pos_label that is not one of two labels present."),
        Check("3000 samples", [Case(big_true, big_pred), Case(big_true, big_pred, pos_label=0)],
              expect=close_to(_prf_binary, hidden=True), hidden=True,
              hint="Return a tuple (precision, recall, f1) of floats."),
    ]


def _f1(y_true: Any, y_pred: Any, *, average: Any) -> Any:
    return skm.f1_score(y_true, y_pred, average=average, zero_division=0)


def f1_average() -> list[Check]:
    rng = _rng(2)
    y4, p4 = _noisy_labels(rng, 4, 60)
    # Imbalanced: class 0 is common and well predicted, class 2 rare and often missed.
    yi = np.r_[np.zeros(40, int), np.ones(15, int), np.full(5, 2)]
    pi = yi.copy()
    pi[[0, 1, 2, 41, 42, 55, 56, 57]] = [1, 1, 2, 0, 2, 0, 0, 1]
    never = ([0, 1, 2, 2], [0, 0, 1, 1])  # class 2 is never predicted
    big_true, big_pred = _noisy_labels(rng, 6, 4000, right=0.5)
    ref = close_to(_f1)
    return [
        Check("macro: the mean of the per-class F1",
              [Case(y4, p4, average="macro"), Case(yi, pi, average="macro")], expect=ref,
              hint="Compute F1 for each class (one-vs-rest counts), then take the plain mean. "
                   "Not the F1 of the mean precision and mean recall."),
        Check("micro: pool the counts first",
              [Case(y4, p4, average="micro"), Case(yi, pi, average="micro")], expect=ref,
              hint="Add up TP, FP and FN over all classes, then compute one F1 (for one label "
                   "per sample it equals the accuracy)."),
        Check("weighted: by support",
              [Case(y4, p4, average="weighted"), Case(yi, pi, average="weighted")], expect=ref,
              hint="Weight each class's F1 by its number of TRUE samples (the support)."),
        Check("average=None: one F1 per class",
              [Case(y4, p4, average=None), Case(["b", "a", "c", "a"], ["b", "a", "a", "a"],
                                                average=None)],
              expect=ref, hint="Return an array with one F1 per class, classes sorted."),
        Check("a class that is never predicted",
              [Case(*never, average=a) for a in ("macro", "micro", "weighted", None)],
              expect=ref,
              hint="Precision of a class with no predictions is 0 / 0: use 0 (its F1 is 0)."),
        Check("invalid input", [Case([0, 1, 2], [0, 1], average="macro"),
                                Case([0, 1, 2], [0, 1, 1], average="mean")],
              expect=raises(ValueError),
              hint="Raise ValueError for different lengths or an unknown average."),
        Check("6 classes, 4000 samples",
              [Case(big_true, big_pred, average=a) for a in ("macro", "micro", "weighted", None)],
              expect=close_to(_f1, hidden=True), hidden=True,
              hint="Per class k: TP_k, predicted count and true count; F1_k = 2 TP_k / "
                   "(true_k + predicted_k)."),
    ]


# --------------------------------------------------------------------------------------------
# ROC AUC

def _auc(y_true: Any, y_score: Any) -> float:
    return float(skm.roc_auc_score(y_true, y_score))


def roc_auc() -> list[Check]:
    rng = _rng(3)
    y = rng.integers(0, 2, size=50)
    s = y + rng.normal(size=50)
    y_big = rng.integers(0, 2, size=200_000)
    s_big = np.round(y_big * 0.8 + rng.normal(size=200_000), 2)  # many ties
    ref = close_to(_auc, rtol=1e-9)
    return [
        Check("a small example", [Case([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])], expect=ref,
              hint="Of the 2 x 2 (positive, negative) pairs, in how many does the positive "
                   "score higher? Divide by the number of pairs."),
        Check("perfect and reversed rankings",
              [Case([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), Case([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1])],
              expect=ref, hint="Every positive above every negative gives 1; every one below, 0."),
        Check("random scores", [Case(y, s)], expect=ref,
              hint="AUC = (sum of the positives' ranks - n_pos (n_pos + 1) / 2) / (n_pos n_neg), "
                   "ranks from 1 = lowest score."),
        Check("tied scores", [Case([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]),
                              Case(y, np.round(s)), Case([0, 1, 1, 0, 1], [1, 2, 2, 2, 3])],
              expect=ref,
              hint="A positive and a negative with the same score count as half a win: tied "
                   "scores share the average of their ranks."),
        Check("other labels", [Case([-1, 1, 1, -1], [0.3, 0.2, 0.9, 0.1]),
                               Case([1, 2, 2, 1, 2], [0.2, 0.6, 0.4, 0.5, 0.9])],
              expect=ref, hint="The positive class is the greater of the two labels."),
        Check("invalid input", [Case([1, 1, 1], [0.2, 0.5, 0.7]), Case([0, 1], [0.3]),
                                Case([0, 1, 2], [0.1, 0.2, 0.3])],
              expect=raises(ValueError),
              hint="Raise ValueError when y_true has only one class (AUC is undefined), more "
                   "than two, or the lengths differ."),
        Check("200 000 samples with ties", [Case(y_big, s_big)],
              expect=close_to(_auc, rtol=1e-9, hidden=True), hidden=True,
              hint="Comparing every positive with every negative needs n_pos * n_neg (10^10) "
                   "comparisons: sort once instead, and work with (average) ranks."),
    ]


# --------------------------------------------------------------------------------------------
# train_test_split

def _ided(n: int, n_classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """X whose first column is the row id, and labels y."""
    rng = _rng(seed)
    X = np.column_stack([np.arange(n, dtype=float), rng.normal(size=n)])  # (n, 2)
    y = rng.integers(0, n_classes, size=n)
    return X, y


def _split_ok(case: Case, value: Any) -> str | None:
    X, y = case.args
    kwargs = case.kwargs
    if value is None:
        return "your function returned None: return X_train, X_test, y_train, y_test"
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        return "expected four arrays: X_train, X_test, y_train, y_test"
    X_train, X_test, y_train, y_test = (np.asarray(v) for v in value)
    ref = skms.train_test_split(X, y, **kwargs)
    for what, exp, rec in (("X_train", ref[0], X_train), ("X_test", ref[1], X_test),
                           ("y_train", ref[2], y_train), ("y_test", ref[3], y_test)):
        if rec.shape != exp.shape:
            return (f"{what} has shape {rec.shape}, expected {exp.shape} (the test set has "
                    f"ceil(test_size * n) rows when test_size is a float)")
    for what, part in (("X_train", X_train), ("X_test", X_test)):
        ids = part[:, 0].astype(int) if part.size else np.zeros(0, int)
        if part.size and (ids.min() < 0 or ids.max() >= len(X)
                          or not np.array_equal(X[ids], part)):
            return f"the rows of {what} are not rows of X (took columns, or mixed rows?)"
    train_ids, test_ids = X_train[:, 0].astype(int), X_test[:, 0].astype(int)
    if np.intersect1d(train_ids, test_ids).size:
        return "some rows are in both the training and the test set"
    if np.union1d(train_ids, test_ids).size != len(X):
        return "some rows are in neither set, or a row appears twice"
    if not np.array_equal(y[train_ids], y_train) or not np.array_equal(y[test_ids], y_test):
        return ("y_train / y_test do not line up with X_train / X_test: split X and y with "
                "the same indices")
    if not kwargs.get("shuffle", True):
        if not (np.array_equal(train_ids, np.arange(len(train_ids)))
                and np.array_equal(test_ids, np.arange(len(train_ids), len(X)))):
            return ("with shuffle=False the first rows are the training set and the last ones "
                    "the test set, in order")
    elif np.array_equal(np.sort(test_ids), np.arange(len(X) - len(test_ids), len(X))):
        return "with shuffle=True the test set should be a random sample, not the last rows"
    if kwargs.get("stratify") is not None:
        classes, counts = np.unique(y, return_counts=True)
        share = counts * len(test_ids) / len(X)
        got = np.array([(y_test == c).sum() for c in classes])
        off = np.abs(got - share)
        if np.any(off >= 1):
            k = int(np.argmax(off))
            return (f"the test set is not stratified: class {classes[k]} has {got[k]} test "
                    f"rows, its share is {share[k]:.2f}")
    return None


def _same_seed_same_split(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"first", "again", "other"}:
        return "your function could not be called three times (see the other checks)"
    first, again, other = (np.asarray(value[k]) for k in ("first", "again", "other"))
    if not np.array_equal(first, again):
        return ("two calls with the same random_state gave different splits: draw from "
                "np.random.default_rng(random_state) or np.random.RandomState(random_state)")
    if np.array_equal(first, other):
        return "different random_state values gave the same split: use random_state"
    return None


def _split_case(X: np.ndarray, y: np.ndarray, **kwargs: Any) -> Case:
    """A case with a readable label (X's first column holds the row ids)."""
    shown = ", ".join(f"{k} = y" if k == "stratify" else f"{k} = {v!r}"
                      for k, v in kwargs.items())
    return Case(X, y, label=f"X (shape {X.shape}, column 0 = row id), y (shape {y.shape}, "
                            f"{np.unique(y).size} classes), {shown}", **kwargs)


def train_test_split() -> list[Check]:
    X30, y30 = _ided(30, 3, 10)
    X10, y10 = _ided(10, 2, 11)
    X200, y200 = _ided(200, 4, 12)
    y200[:6] = 4  # a rare class
    predicate = satisfies(_split_ok)
    return [
        Check("sizes and disjoint parts", [_split_case(X30, y30, test_size=0.2, random_state=0),
                                           _split_case(X10, y10, test_size=0.25, random_state=1),
                                           _split_case(X30, y30, test_size=0.33, random_state=2)],
              expect=predicate,
              hint="n_test = ceil(test_size * n) (math.ceil); shuffle the row indices once and "
                   "take the first n_test as the test set."),
        Check("an int test_size", [_split_case(X30, y30, test_size=7, random_state=0)],
              expect=predicate, hint="An int test_size is the number of test rows."),
        Check("shuffle=False", [_split_case(X30, y30, test_size=0.2, shuffle=False)],
              expect=predicate,
              hint="Without shuffling, the first n - n_test rows train and the last n_test "
                   "rows test."),
        Check("the same seed gives the same split",
              [Case(X30, y30, 5, test_size=0.3, driver=f"{DRIVERS}:split_three_times",
                    label="X (30 rows), y, test_size = 0.3, twice with random_state = 5 and "
                          "once with 6")],
              expect=satisfies(_same_seed_same_split),
              hint="Make the generator from random_state: np.random.default_rng(random_state)."),
        Check("stratify keeps the class proportions",
              [_split_case(X200, y200, test_size=0.25, stratify=y200, random_state=0),
               _split_case(X30, y30, test_size=0.2, stratify=y30, random_state=3)],
              expect=predicate,
              hint="Split each class on its own: n_test * (class count / n) of its rows go to "
                   "the test set, rounded so that the total is exactly n_test."),
        Check("invalid input", [_split_case(X10, y10, test_size=0.0),
                                _split_case(X10, y10, test_size=1.0),
                                _split_case(X10, y10, test_size=10),
                                Case(X10, y30, test_size=0.2,
                                     label="X with 10 rows, y with 30, test_size = 0.2"),
                                _split_case(X10, y10, test_size=0.2, shuffle=False, stratify=y10)],
              expect=raises(ValueError),
              hint="Raise ValueError for a test_size outside (0, 1) (float) or [1, n - 1] "
                   "(int), X and y of different lengths, or stratify without shuffle."),
        Check("more sizes and seeds",
              [Case(X200, y200, test_size=ts, random_state=s, **extra)
               for ts, s, extra in ((0.1, 7, {}), (0.45, 8, {"stratify": y200}),
                                    (33, 9, {"stratify": y200}), (0.5, 10, {"shuffle": False}))],
              expect=satisfies(lambda case, value: _split_ok(case, value)
                               and "the split is wrong for one of these inputs"),
              hidden=True, hint="Check the sizes (ceil), the alignment of X and y, and the "
                                "per-class counts when stratifying."),
    ]


# --------------------------------------------------------------------------------------------
# k-fold

def _kfold_exact(case: Case, value: Any) -> str | None:
    n, k = case.args
    expected = list(skms.KFold(k).split(np.zeros((n, 1))))
    return _compare_folds(expected, value, exact=True)


def _kfold_shuffled(case: Case, value: Any) -> str | None:
    n, k = case.args
    expected = list(skms.KFold(k).split(np.zeros((n, 1))))
    problem = _compare_folds(expected, value, exact=False)
    if problem:
        return problem
    if all(np.array_equal(np.sort(np.asarray(t)), e[1]) for (_, t), e in
           zip(value, expected, strict=True)):
        return "with shuffle=True the folds should be random, not consecutive blocks"
    return None


def _compare_folds(expected: list[tuple[np.ndarray, np.ndarray]], value: Any,
                   exact: bool) -> str | None:
    if value is None:
        return "your function returned None: return the list of (train, test) pairs"
    if not isinstance(value, (list, tuple)) or len(value) != len(expected):
        return f"expected a list of {len(expected)} (train, test) pairs"
    n = sum(len(test) for _, test in expected)
    seen = np.zeros(n, int)
    for i, (pair, (_, e_test)) in enumerate(zip(value, expected, strict=True)):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            return f"item {i} should be a pair (train, test) of index arrays"
        train, test = (np.sort(np.asarray(a)) for a in pair)
        if train.dtype.kind not in "iu" or test.dtype.kind not in "iu":
            return f"fold {i}: the indices should be integers, got {train.dtype} / {test.dtype}"
        if test.shape != e_test.shape:
            return (f"fold {i} has {test.size} test samples, expected {e_test.size} (the first "
                    "n % k folds get one sample more)")
        if exact:
            msg = compare_values(e_test, test, what=f"test indices of fold {i}")
            if msg:
                return msg
        if not np.array_equal(train, np.setdiff1d(np.arange(n), test)):
            return f"fold {i}: the training indices should be every index not in its test fold"
        seen[test] += 1
    if not np.all(seen == 1):
        return "the test folds should cover every index exactly once"
    return None


def _same_seed_same_folds(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"first", "again", "other"}:
        return "your function could not be called three times (see the other checks)"

    def same(a: Any, b: Any) -> bool:
        return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))

    if not same(value["first"], value["again"]):
        return "two calls with the same random_state gave different folds"
    if same(value["first"], value["other"]):
        return "different random_state values gave the same folds: shuffle with random_state"
    return None


def kfold_indices() -> list[Check]:
    return [
        Check("n divisible by k", [Case(10, 5), Case(6, 2)], expect=satisfies(_kfold_exact),
              hint="Fold i is the block of n // k consecutive indices starting at i * (n // k); "
                   "the training set is everything else."),
        Check("n not divisible by k", [Case(10, 3), Case(11, 4), Case(5, 5)],
              expect=satisfies(_kfold_exact),
              hint="The first n % k folds get one extra sample: sizes 4, 3, 3 for n = 10, k = 3."),
        Check("shuffled folds", [Case(20, 4, shuffle=True, random_state=0),
                                 Case(23, 5, shuffle=True, random_state=1)],
              expect=satisfies(_kfold_shuffled),
              hint="Shuffle the indices 0..n-1 with random_state first, then cut into the same "
                   "fold sizes."),
        Check("the same seed gives the same folds",
              [Case(30, 3, 7, driver=f"{DRIVERS}:kfold_three_times",
                    label="n_samples = 30, n_splits = 3, shuffle=True, twice with "
                          "random_state = 7 and once with 8")],
              expect=satisfies(_same_seed_same_folds),
              hint="Make the generator from random_state, and use it for the shuffle."),
        Check("invalid input", [Case(10, 1), Case(3, 4), Case(10, 0)],
              expect=raises(ValueError),
              hint="Raise ValueError unless 2 <= n_splits <= n_samples."),
        Check("more sizes", [Case(103, 7), Case(50, 50), Case(1000, 6)],
              expect=satisfies(lambda case, value: _kfold_exact(case, value)
                               and "the folds differ from the expected ones for this input"),
              hidden=True, hint="Sizes: n // k, plus one for the first n % k folds."),
    ]


# --------------------------------------------------------------------------------------------
# cross_val_score

def _sk_cv(estimator: Any, X: Any, y: Any, *, cv: Any, scoring: Any = None) -> np.ndarray:
    if isinstance(cv, int):
        cv = skms.KFold(cv)  # the exercise's rule: an int means plain, unshuffled k-fold
    return skms.cross_val_score(clone(estimator), X, y, cv=cv, scoring=scoring)


def _unfitted_and_right(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"scores", "fitted"}:
        return "your function could not be run (see the other checks)"
    if value["fitted"]:
        return (f"the estimator passed in was fitted (it has {', '.join(value['fitted'])}): "
                "fit a copy for each fold, `clone(estimator)` from sklearn.base")
    estimator, X, y = case.args
    return compare_values(_sk_cv(estimator, X, y, **case.kwargs), value["scores"], what="scores")


def _data(loader: Callable[..., Any]) -> tuple[np.ndarray, np.ndarray]:
    X, y = loader(return_X_y=True)
    return np.asarray(X), np.asarray(y)


def cross_val_score() -> list[Check]:
    Xd, yd = _data(load_diabetes)
    Xi, yi = _data(load_iris)
    Xw, yw = _data(load_wine)
    ref = close_to(_sk_cv, rtol=1e-9)
    tree = DecisionTreeClassifier(max_depth=3, random_state=0)

    return [
        Check("ridge regression on diabetes, cv = 5", [Case(Ridge(alpha=1.0), Xd, yd, cv=5)],
              expect=ref,
              hint="For each fold: fit a fresh copy on the training rows, then "
                   "model.score(X[test], y[test]); return the k scores as an array."),
        Check("a regression tree, cv = 3",
              [Case(DecisionTreeRegressor(max_depth=4, random_state=0), Xd, yd, cv=3)],
              expect=ref, hint="An int cv means k consecutive folds (no shuffling)."),
        Check("a classifier with a splitter object",
              [Case(tree, Xi, yi, cv=skms.KFold(5, shuffle=True, random_state=0),
                    label="DecisionTreeClassifier(max_depth=3) on iris, "
                          "cv = KFold(5, shuffle=True, random_state=0)"),
               Case(tree, Xw, yw, cv=skms.StratifiedKFold(4),
                    label="DecisionTreeClassifier(max_depth=3) on wine, cv = StratifiedKFold(4)")],
              expect=ref,
              hint="When cv is not an int, use its folds: `for train, test in cv.split(X, y)`. "
                   "(Iris is sorted by class: unshuffled folds would each miss a class.)"),
        Check("a custom scorer",
              [Case(Ridge(alpha=0.1), Xd, yd, cv=4, scoring=neg_mean_absolute_error,
                    label="Ridge(alpha=0.1) on diabetes, cv = 4, scoring = "
                          "neg_mean_absolute_error(estimator, X, y)")],
              expect=ref,
              hint="A callable scoring is called as scoring(fitted_model, X_test, y_test)."),
        Check("the estimator passed in stays unfitted",
              [Case(Ridge(alpha=1.0), Xd, yd, cv=5,
                    driver=f"{DRIVERS}:cross_val_leaves_estimator_alone",
                    label="Ridge(alpha=1.0) on diabetes, cv = 5; afterwards the Ridge passed "
                          "in must have no fitted attributes")],
              expect=satisfies(_unfitted_and_right),
              hint="Fit `clone(estimator)` (from sklearn.base), never the estimator itself."),
        Check("too few folds", [Case(Ridge(), Xd, yd, cv=1)], expect=raises(ValueError),
              hint="Cross-validation needs at least 2 folds: raise ValueError for cv < 2."),
        Check("more estimators and folds",
              [Case(Ridge(alpha=3.0), Xd, yd, cv=10),
               Case(DecisionTreeClassifier(max_depth=2, random_state=0), Xw, yw,
                    cv=skms.KFold(7, shuffle=True, random_state=3),
                    label="DecisionTreeClassifier(max_depth=2) on wine, "
                          "cv = KFold(7, shuffle=True, random_state=3)")],
              expect=close_to(_sk_cv, rtol=1e-9, hidden=True), hidden=True,
              hint="Train on every fold but the test one, score on the test fold only."),
    ]
