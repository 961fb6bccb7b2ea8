"""Drivers for the k-means++ checks: they run in the learner's process (standard library and
NumPy only). Each makes the generator itself, from a seed, and hands back plain arrays."""

from __future__ import annotations

from types import ModuleType

import numpy as np


def plus_plus_once(module: ModuleType, X: np.ndarray, n_clusters: int,
                   seed: int) -> np.ndarray:
    """One seeding with ``np.random.default_rng(seed)``."""
    return np.asarray(module.kmeans_plus_plus(X, n_clusters, np.random.default_rng(seed)),
                      dtype=float)


def plus_plus_runs(module: ModuleType, X: np.ndarray, n_clusters: int, n_runs: int,
                   seed: int) -> np.ndarray:
    """``n_runs`` seedings drawn from one generator, stacked: shape (n_runs, k, n_features)."""
    rng = np.random.default_rng(seed)
    runs = [np.asarray(module.kmeans_plus_plus(X, n_clusters, rng), dtype=float)
            for _ in range(n_runs)]
    return np.stack(runs)


def plus_plus_seeds(module: ModuleType, X: np.ndarray, n_clusters: int,
                    seed: int) -> dict[str, np.ndarray]:
    """The same seed twice, then five other seeds (a seeded function repeats itself)."""
    fn = module.kmeans_plus_plus
    first = fn(X, n_clusters, np.random.default_rng(seed))
    again = fn(X, n_clusters, np.random.default_rng(seed))
    others = [fn(X, n_clusters, np.random.default_rng(seed + i)) for i in range(1, 6)]
    return {"first": np.asarray(first, dtype=float), "again": np.asarray(again, dtype=float),
            "others": np.stack([np.asarray(o, dtype=float) for o in others])}
