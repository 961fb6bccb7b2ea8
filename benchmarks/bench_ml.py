"""groundup.ml against scikit-learn: fit + predict time and score, on the same data, in one run.

Run: python benchmarks/bench_ml.py [--n-samples 20000] [--repeat 3] [--markdown]
                                   [--only tree,forest]

Each estimator and its scikit-learn counterpart get the same hyper-parameters, the same
training split and the same thread count (BLAS limited to --blas-threads for both; forests use
n_jobs=2 in both); the table prints the median fit + predict time of
both, their ratio (groundup / scikit-learn) and both test scores (accuracy for classifiers, R²
for regressors, inertia for k-means, reconstruction error for PCA and the scaler).
Targets: linear models, PCA, k-means and the scaler <= 2x; trees and forests <= 3x.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import sklearn.cluster
import sklearn.decomposition
import sklearn.ensemble
import sklearn.linear_model
import sklearn.preprocessing
import sklearn.tree
from sklearn import datasets
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

import groundup.ml as gml


@dataclass
class Row:
    estimator: str
    data: str
    ours_s: float
    theirs_s: float
    our_score: float
    their_score: float
    metric: str
    target: float

    @property
    def ratio(self) -> float:
        return self.ours_s / self.theirs_s


def _time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _data_sets(n_samples: int) -> dict[str, tuple[str, np.ndarray, np.ndarray]]:
    """name -> (task, X, y)."""
    Xc, yc = datasets.make_classification(n_samples=n_samples, n_features=20, n_informative=10,
                                          n_redundant=4, n_classes=3, random_state=0)
    Xr, yr = datasets.make_regression(n_samples=n_samples, n_features=20, n_informative=12,
                                      noise=10.0, random_state=0)
    Xb, yb = datasets.make_blobs(n_samples=n_samples, n_features=20, centers=8, random_state=0)
    out = {
        f"synthetic {n_samples}x20": ("classification", Xc, yc),
        f"synthetic {n_samples}x20 (regression)": ("regression", Xr, yr),
        f"blobs {n_samples}x20": ("clustering", Xb, yb),
    }
    for name, loader in [("iris", datasets.load_iris), ("wine", datasets.load_wine),
                         ("breast cancer", datasets.load_breast_cancer),
                         ("digits", datasets.load_digits)]:
        X, y = loader(return_X_y=True)
        out[name] = ("classification", X, y)
    X, y = datasets.load_diabetes(return_X_y=True)
    out["diabetes"] = ("regression", X, y)
    return out


def _pairs() -> list[tuple[str, str, Callable[[], Any], Callable[[], Any], float]]:
    """(name, task, groundup factory, scikit-learn factory, target ratio)."""
    forest = dict(n_estimators=50, n_jobs=2, random_state=0)
    return [
        ("LinearRegression", "regression", gml.LinearRegression, sklearn.linear_model.LinearRegression, 2),
        ("Ridge", "regression", lambda: gml.Ridge(alpha=1.0),
         lambda: sklearn.linear_model.Ridge(alpha=1.0), 2),
        ("LogisticRegression", "classification", lambda: gml.LogisticRegression(max_iter=1000),
         lambda: sklearn.linear_model.LogisticRegression(max_iter=1000), 2),
        ("DecisionTreeClassifier", "classification", lambda: gml.DecisionTreeClassifier(random_state=0),
         lambda: sklearn.tree.DecisionTreeClassifier(random_state=0), 3),
        ("DecisionTreeRegressor", "regression", lambda: gml.DecisionTreeRegressor(random_state=0),
         lambda: sklearn.tree.DecisionTreeRegressor(random_state=0), 3),
        ("RandomForestClassifier", "classification", lambda: gml.RandomForestClassifier(**forest),
         lambda: sklearn.ensemble.RandomForestClassifier(**forest), 3),
        ("RandomForestRegressor", "regression", lambda: gml.RandomForestRegressor(**forest),
         lambda: sklearn.ensemble.RandomForestRegressor(**forest), 3),
        ("KMeans", "clustering", lambda: gml.KMeans(n_clusters=8, n_init=3, random_state=0),
         lambda: sklearn.cluster.KMeans(n_clusters=8, n_init=3, random_state=0), 2),
        ("PCA", "decomposition", lambda: gml.PCA(n_components=4),
         lambda: sklearn.decomposition.PCA(n_components=4), 2),
        ("StandardScaler", "decomposition", gml.StandardScaler, sklearn.preprocessing.StandardScaler, 2),
    ]


def _run(make: Callable[[], Any], task: str, X_train: np.ndarray, X_test: np.ndarray,
         y_train: np.ndarray, y_test: np.ndarray) -> tuple[Any, float]:
    """Fit and predict (or transform); return the fitted model and its test score."""
    model = make()
    if task in ("classification", "regression"):
        model.fit(X_train, y_train)
        pred = model.predict(X_test)
        return model, accuracy_score(y_test, pred) if task == "classification" else r2_score(y_test, pred)
    if task == "clustering":
        model.fit(X_train)
        model.predict(X_test)
        return model, float(model.inertia_)
    Z = model.fit(X_train).transform(X_test)
    back = model.inverse_transform(Z)
    return model, float(np.mean((back - X_test) ** 2))


def _fits(task: str, data_task: str, data_name: str) -> bool:
    """Which data sets an estimator runs on."""
    if task == "clustering":
        return data_name.startswith("blobs") or data_name in ("iris", "digits")
    if task == "decomposition":
        return data_task == "classification"
    return data_task == task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-samples", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="BLAS threads for both libraries (default 1: stable timings)")
    parser.add_argument("--only", default="",
                        help="comma-separated words; run only the estimators whose name "
                             "contains one of them (case-insensitive), e.g. tree,forest")
    args = parser.parse_args()
    with threadpool_limits(args.blas_threads):
        _bench(args)


def _bench(args: argparse.Namespace) -> None:
    rows: list[Row] = []
    sets = _data_sets(args.n_samples)
    only = [w.strip().lower() for w in args.only.split(",") if w.strip()]
    for name, task, ours, theirs, target in _pairs():
        if only and not any(w in name.lower() for w in only):
            continue
        for data_name, (data_task, X, y) in sets.items():
            if not _fits(task, data_task, data_name):
                continue
            if name == "LogisticRegression":  # an L2-penalised model wants scaled features
                X = sklearn.preprocessing.StandardScaler().fit_transform(X)
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
            repeat = 1 if "Forest" in name and X.shape[0] > 5000 else args.repeat
            split = (task, X_train, X_test, y_train, y_test)
            t_ours, (_, s_ours) = _time(functools.partial(_run, ours, *split), repeat)
            t_theirs, (_, s_theirs) = _time(functools.partial(_run, theirs, *split), repeat)
            metric = {"classification": "accuracy", "regression": "R²", "clustering": "inertia",
                      "decomposition": "reconstruction MSE"}[task]
            rows.append(Row(name, data_name, t_ours, t_theirs, s_ours, s_theirs, metric, target))
            print(f"  {name:24s} {data_name:34s} {t_ours / t_theirs:6.2f}x", flush=True)
    _print(rows, args.markdown)


def _print(rows: list[Row], markdown: bool) -> None:
    header = ["estimator", "data", "groundup (s)", "scikit-learn (s)", "ratio", "target",
              "metric", "groundup", "scikit-learn"]
    lines = []
    for r in rows:
        mark = "✓" if r.ratio <= r.target else "✗"
        lines.append([r.estimator, r.data, f"{r.ours_s:.4f}", f"{r.theirs_s:.4f}",
                      f"{r.ratio:.2f}x {mark}", f"<= {r.target:g}x", r.metric,
                      f"{r.our_score:.4g}", f"{r.their_score:.4g}"])
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
