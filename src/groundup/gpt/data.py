r"""The GPT's data: Shakespeare as a stream of character ids, and random training blocks.

A character-level language model reads text one character at a time. The *vocabulary* is the
set of distinct characters (78 for the shipped plays); each gets an id, its rank in sorted
order. The whole text becomes one long array of ids, cut into a training part (the first
90 %) and a validation part (the last 10 %, text the model never trains on).

A training example is a *block* of ``block_size`` consecutive ids ``x`` and the same block
shifted by one, ``y``: at every position ``t`` the model must predict ``y[t] = x[t + 1]``,
the next character, from ``x[0..t]``. One block therefore holds ``block_size`` examples.

Examples
--------
>>> vocab = Vocab.from_text("hello")
>>> vocab.encode("hell").tolist(), vocab.decode([3, 1])
([1, 0, 2, 2], 'oe')
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["Vocab", "get_batch", "load_corpus", "load_text", "split_ids"]

TRAIN_FRACTION = 0.9


@dataclass(frozen=True)
class Vocab:
    """A character vocabulary: ``chars[i]`` is the character with id ``i``."""

    chars: str

    @classmethod
    def from_text(cls, text: str) -> Vocab:
        """Every distinct character of ``text``, sorted (ids are ranks)."""
        if not text:
            raise ValueError("cannot build a vocabulary from empty text")
        return cls("".join(sorted(set(text))))

    @property
    def size(self) -> int:
        """The number of distinct characters (the model's ``vocab_size``)."""
        return len(self.chars)

    def encode(self, text: str) -> np.ndarray:
        """The ids of ``text``'s characters, an int64 array of shape ``(len(text),)``.

        Raises
        ------
        ValueError
            If a character is not in the vocabulary.
        """
        lookup = {ch: i for i, ch in enumerate(self.chars)}
        try:
            return np.array([lookup[ch] for ch in text], dtype=np.int64)
        except KeyError as err:
            raise ValueError(f"character {err.args[0]!r} is not in the vocabulary") from None

    def decode(self, ids: Any) -> str:
        """The text of a sequence of ids."""
        arr = np.asarray(ids, dtype=np.int64).ravel()
        if arr.size and (arr.min() < 0 or arr.max() >= self.size):
            raise ValueError(f"ids must be in [0, {self.size}), got {arr.min()}..{arr.max()}")
        return "".join(self.chars[i] for i in arr)


def load_text(name: str = "shakespeare") -> str:
    """A shipped text: ``"shakespeare"`` (eight plays, 1.1 MB) or ``"sonnets"``."""
    from groundup.data import read_text

    return read_text(name)


def split_ids(ids: np.ndarray, train_fraction: float = TRAIN_FRACTION
              ) -> tuple[np.ndarray, np.ndarray]:
    """``(train, val)``: the first ``train_fraction`` of ``ids`` and the rest (no shuffling:
    the validation text is a stretch the model never sees, not letters scattered in it)."""
    if not 0.0 < train_fraction < 1.0:
        raise ValueError(f"train_fraction must be in (0, 1), got {train_fraction!r}")
    n = int(len(ids) * train_fraction)
    return ids[:n], ids[n:]


@lru_cache(maxsize=1)
def load_corpus() -> tuple[Vocab, np.ndarray, np.ndarray]:
    """The shipped plays: ``(vocab, train_ids, val_ids)`` with a 90/10 split.

    Cached: the arrays are shared, do not modify them.
    """
    text = load_text("shakespeare")
    vocab = Vocab.from_text(text)
    train, val = split_ids(vocab.encode(text))
    return vocab, train, val


def _int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)


def get_batch(data: Any, batch_size: int, block_size: int,
              rng: np.random.Generator | int | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""``batch_size`` random blocks of ``block_size`` ids, and the same blocks shifted by one.

    Starts are drawn uniformly, as nanoGPT's ``torch.randint(len(data) - block_size, ...)``:

    .. math:: s_b \sim \mathcal U\{0, \dots, n - T - 1\}, \qquad
              x_{b,t} = d_{s_b + t}, \qquad y_{b,t} = d_{s_b + t + 1}

    so that the last target of the last possible block is the last id of ``data``.

    Parameters
    ----------
    data : 1-D array of int, or ``"train"`` / ``"val"``
        The token ids (length :math:`n`), or a split of the shipped corpus.
    batch_size : int
        :math:`B`.
    block_size : int
        :math:`T`, the context length.
    rng : numpy Generator, int seed or None
        The starts are ``rng.integers(0, n - T, size=B)``.

    Returns
    -------
    (x, y) : int64 arrays of shape (B, T)

    Raises
    ------
    ValueError
        If ``data`` is not 1-D or not integers, sizes are not positive ints, or ``data`` has
        no more than ``block_size`` ids.

    Examples
    --------
    >>> x, y = get_batch(np.arange(10), 2, 4, rng=0)
    >>> bool((y[:, :-1] == x[:, 1:]).all()), x.shape
    (True, (2, 4))
    """
    if isinstance(data, str):
        if data not in ("train", "val"):
            raise ValueError(f"split must be 'train' or 'val', got {data!r}")
        _, train, val = load_corpus()
        data = train if data == "train" else val
    d = np.asarray(data)
    if d.ndim != 1 or not np.issubdtype(d.dtype, np.integer):
        raise ValueError(f"data must be a 1-D array of integer ids, got shape {d.shape}, dtype "
                         f"{d.dtype}")
    B = _int(batch_size, "batch_size")
    T = _int(block_size, "block_size")
    if len(d) <= T:
        raise ValueError(f"data has {len(d)} ids: it needs more than block_size = {T} to give "
                         f"one block and its shifted targets")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    starts = gen.integers(0, len(d) - T, size=B)  # (B,)
    offsets = starts[:, None] + np.arange(T)  # (B, T)
    return d[offsets].astype(np.int64), d[offsets + 1].astype(np.int64)
