r"""Mini-batches, as ``torch.utils.data``: :class:`TensorDataset` and :class:`DataLoader`.

A data set is anything with ``len()`` and indexing; :class:`TensorDataset` wraps arrays that
share their first axis (features ``X``, labels ``y``). A :class:`DataLoader` cuts a data set
into mini-batches of ``batch_size`` examples, in order or reshuffled every epoch:

.. math:: \text{batches per epoch} = \begin{cases}
          \lfloor n / B \rfloor & \text{drop\_last} \\ \lceil n / B \rceil & \text{else}
          \end{cases}

Floating arrays come out as :class:`~groundup.nn.tensor.Tensor` (their dtype kept), integer
and boolean arrays (class labels, masks) as NumPy arrays, which is what the losses take as
targets (a groundup Tensor holds floating-point numbers only).

Examples
--------
>>> X = np.arange(10, dtype=np.float32).reshape(5, 2)
>>> y = np.array([0, 1, 0, 1, 1])
>>> loader = DataLoader(TensorDataset(X, y), batch_size=2)
>>> len(loader)
3
>>> [(xb.shape, yb.tolist()) for xb, yb in loader]
[((2, 2), [0, 1]), ((2, 2), [0, 1]), ((1, 2), [1])]
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from typing import Any, Protocol

import numpy as np

from groundup.nn.tensor import Tensor

__all__ = ["DataLoader", "Dataset", "TensorDataset"]


class Dataset(Protocol):
    """What a :class:`DataLoader` reads: ``len(ds)`` examples, ``ds[i]`` a tuple of arrays."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: Any) -> Any: ...


class TensorDataset:
    """Arrays (or Tensors) that share their first axis, indexed together.

    Parameters
    ----------
    *arrays : array-like or Tensor
        Each of shape ``(n_samples, ...)``. Stored as NumPy arrays (Tensors by their values).

    Raises
    ------
    ValueError
        With no arrays, a 0-d array, or first axes of different lengths.

    Examples
    --------
    >>> ds = TensorDataset(np.zeros((3, 2)), np.array([1, 2, 3]))
    >>> len(ds), ds[1][1]
    (3, np.int64(2))
    """

    def __init__(self, *arrays: Any) -> None:
        if not arrays:
            raise ValueError("TensorDataset needs at least one array")
        self.arrays = tuple(np.asarray(a.data if isinstance(a, Tensor) else a) for a in arrays)
        for i, a in enumerate(self.arrays):
            if a.ndim == 0:
                raise ValueError(f"array {i} is a scalar; each array needs a first axis "
                                 "(one entry per example)")
            if a.dtype.kind not in "biuf":
                raise ValueError(f"array {i} has dtype {a.dtype}; numbers or booleans expected")
        lengths = [len(a) for a in self.arrays]
        if len(set(lengths)) != 1:
            raise ValueError(f"all arrays must have the same length on their first axis, got "
                             f"{lengths}")

    def __len__(self) -> int:
        return len(self.arrays[0])

    def __getitem__(self, index: Any) -> tuple[np.ndarray, ...]:
        """One example (an int) or a batch (a slice or an integer array of indices)."""
        return tuple(a[index] for a in self.arrays)


def _as_batch_item(a: np.ndarray, as_tensor: bool) -> Any:
    if as_tensor and np.issubdtype(a.dtype, np.floating):
        return Tensor(a, dtype=a.dtype)
    return a


class DataLoader:
    r"""Iterate over a data set in mini-batches.

    Parameters
    ----------
    dataset : TensorDataset, or anything with ``len`` and ``__getitem__``
        Indexed with an integer array of indices when it is a :class:`TensorDataset` (fast),
        else one example at a time, stacked.
    batch_size : int, default 1
    shuffle : bool, default False
        Draw a new permutation of the examples at the start of every epoch.
    drop_last : bool, default False
        Skip the last batch when it has fewer than ``batch_size`` examples.
    rng : numpy Generator, int seed or None
        The generator of the permutations: one for the loader's life, so that a seed makes
        the whole sequence of epochs reproducible.
    as_tensor : bool, default True
        Floating arrays as :class:`Tensor`; False gives NumPy arrays throughout.

    Yields
    ------
    tuple
        One item per array of the data set: ``(X_batch, y_batch)`` for
        ``TensorDataset(X, y)``, each of shape ``(batch, ...)``.

    Raises
    ------
    ValueError
        For a ``batch_size`` below 1.
    """

    dataset: Dataset
    batch_size: int
    shuffle: bool
    drop_last: bool
    as_tensor: bool
    rng: np.random.Generator

    def __init__(self, dataset: Dataset, batch_size: int = 1, shuffle: bool = False,
                 drop_last: bool = False, rng: np.random.Generator | int | None = None,
                 as_tensor: bool = True) -> None:
        if isinstance(batch_size, bool) or not isinstance(batch_size, numbers.Integral) \
                or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        if not hasattr(dataset, "__len__") or not hasattr(dataset, "__getitem__"):
            raise TypeError(f"dataset must support len() and indexing, got "
                            f"{type(dataset).__name__}")
        self.dataset = dataset
        self.batch_size = int(batch_size)
        self.shuffle = bool(shuffle)
        self.drop_last = bool(drop_last)
        self.as_tensor = bool(as_tensor)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def __len__(self) -> int:
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)

    def batch_indices(self) -> list[np.ndarray]:
        """The indices of one epoch's batches (a new permutation when ``shuffle``)."""
        n = len(self.dataset)
        order = self.rng.permutation(n) if self.shuffle else np.arange(n)
        return [order[i:i + self.batch_size] for i in range(0, len(self) * self.batch_size,
                                                            self.batch_size)]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        for idx in self.batch_indices():
            if isinstance(self.dataset, TensorDataset):
                arrays = self.dataset[idx]
            else:
                items = [self.dataset[int(i)] for i in idx]
                items = [it if isinstance(it, tuple) else (it,) for it in items]
                arrays = tuple(np.stack([np.asarray(it[k]) for it in items])
                               for k in range(len(items[0])))
            yield tuple(_as_batch_item(np.asarray(a), self.as_tensor) for a in arrays)
