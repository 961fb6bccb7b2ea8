r"""Turning a language model's logits into a next token: temperature, top-k, top-p (phase 5).

A language model gives a score (logit) :math:`z_i` for every token of the vocabulary. Sampling
draws the next token from :math:`p = \operatorname{softmax}(z / \tau)`; three knobs shape
that distribution, applied in this order (as Hugging Face's ``generate`` does):

- **temperature** :math:`\tau`: below 1 sharpens (towards the most likely token, greedy at
  :math:`\tau \to 0`), above 1 flattens (towards uniform, more surprising text);
- **top-k**: keep the :math:`k` highest logits, set the others to :math:`-\infty`;
- **top-p** (nucleus): keep the smallest set of most likely tokens whose probabilities add up
  to at least :math:`p`, set the others to :math:`-\infty`.

The filters return logits (with :math:`-\infty` for removed tokens) so that they compose; the
semantics are those of ``transformers``' ``TopKLogitsWarper`` and ``TopPLogitsWarper``
(ties with the k-th logit are kept; the most likely token is always kept).

Examples
--------
>>> z = np.log(np.array([0.5, 0.3, 0.15, 0.05]))
>>> np.round(softmax_with_temperature(z, 1.0), 2).tolist()
[0.5, 0.3, 0.15, 0.05]
>>> top_k_filter(z, 2)[2:].tolist()
[-inf, -inf]
>>> int(np.isfinite(top_p_filter(z, 0.8)).sum())        # 0.5 + 0.3 reaches 0.8
2
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

__all__ = ["sample", "softmax_with_temperature", "top_k_filter", "top_p_filter"]


def _logits(logits: Any) -> np.ndarray:
    z = np.asarray(logits, dtype=float)
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(f"logits must have a non-empty last axis (the vocabulary), got shape "
                         f"{z.shape}")
    if np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("logits must not contain NaN or +inf")
    if np.isneginf(z).all(axis=-1).any():
        raise ValueError("every logit of a row is -inf: there is nothing to sample")
    return z


def softmax_with_temperature(logits: Any, temperature: float = 1.0) -> np.ndarray:
    r"""Probabilities :math:`p_i = e^{z_i/\tau} / \sum_j e^{z_j/\tau}` along the last axis.

    Parameters
    ----------
    logits : array_like, shape (..., V)
        Scores; ``-inf`` marks a token that was filtered out (probability 0).
    temperature : float > 0
        :math:`\tau`.

    Returns
    -------
    np.ndarray, shape (..., V)
        Each row sums to 1.

    Raises
    ------
    ValueError
        If ``temperature`` is not a positive number, or the logits are empty or hold NaN.
    """
    if isinstance(temperature, bool) or not isinstance(temperature, numbers.Real) \
            or not temperature > 0 or not np.isfinite(temperature):
        raise ValueError(f"temperature must be a positive number, got {temperature!r}")
    z = _logits(logits) / float(temperature)
    z = z - z.max(axis=-1, keepdims=True)  # the largest becomes 0: no overflow
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def top_k_filter(logits: Any, k: int) -> np.ndarray:
    r"""Keep the ``k`` largest logits of each row; the others become ``-inf``.

    A logit equal to the k-th largest is kept too (so ties may keep more than ``k``), and
    ``k`` larger than the vocabulary keeps everything, as ``TopKLogitsWarper``.

    Parameters
    ----------
    logits : array_like, shape (..., V)
    k : int >= 1

    Returns
    -------
    np.ndarray, shape (..., V), float

    Raises
    ------
    ValueError
        If ``k`` is not a positive int.
    """
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
        raise ValueError(f"k must be a positive int, got {k!r}")
    z = _logits(logits)
    k = min(int(k), z.shape[-1])
    kth = -np.partition(-z, k - 1, axis=-1)[..., k - 1:k]  # (..., 1): the k-th largest
    return np.where(z < kth, -np.inf, z)


def top_p_filter(logits: Any, p: float) -> np.ndarray:
    r"""Nucleus filtering: keep the most likely tokens until their probability reaches ``p``.

    Sort the probabilities :math:`\pi = \operatorname{softmax}(z)` from the smallest up and
    remove a token while the cumulative sum *up to and including it* is :math:`\le 1 - p`:
    what is left is the smallest top set with total probability :math:`\ge p`. The most
    likely token is always kept. (``transformers.TopPLogitsWarper``'s rule.)

    Parameters
    ----------
    logits : array_like, shape (..., V)
    p : float in (0, 1]
        ``p = 1`` keeps everything.

    Returns
    -------
    np.ndarray, shape (..., V), float: removed tokens are ``-inf``.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1].
    """
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0.0 < p <= 1.0:
        raise ValueError(f"p must be in (0, 1], got {p!r}")
    z = _logits(logits)
    order = np.argsort(z, axis=-1, kind="stable")  # ascending
    z_sorted = np.take_along_axis(z, order, axis=-1)
    cum = np.cumsum(softmax_with_temperature(z_sorted), axis=-1)  # (..., V), ends at 1
    remove_sorted = cum <= 1.0 - float(p)
    remove_sorted[..., -1] = False  # the most likely token stays
    remove = np.empty_like(remove_sorted)
    np.put_along_axis(remove, order, remove_sorted, axis=-1)
    return np.where(remove, -np.inf, z)


def sample(logits: Any, rng: np.random.Generator | int | None = None, temperature: float = 1.0,
           top_k: int | None = None, top_p: float | None = None) -> np.ndarray:
    r"""Draw one token id per row: temperature, then top-k, then top-p, then a categorical
    draw by the inverse CDF (one uniform number per row).

    Parameters
    ----------
    logits : array_like, shape (V,) or (B, V)
    rng : numpy Generator, int seed or None
    temperature : float >= 0
        0 means greedy: the arg-max, no randomness.
    top_k : int, optional
    top_p : float, optional

    Returns
    -------
    np.ndarray of int64, shape () or (B,)

    Examples
    --------
    >>> int(sample([0.0, 5.0, 1.0], temperature=0))
    1
    """
    z = _logits(logits)
    if isinstance(temperature, numbers.Real) and not isinstance(temperature, bool) \
            and temperature == 0:
        return np.asarray(z.argmax(axis=-1), dtype=np.int64)
    if isinstance(temperature, bool) or not isinstance(temperature, numbers.Real) \
            or not temperature > 0:
        raise ValueError(f"temperature must be >= 0, got {temperature!r}")
    z = z / float(temperature)
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    probs = softmax_with_temperature(z)  # (..., V)
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    u = gen.random(probs.shape[:-1] + (1,))  # (..., 1)
    cdf = np.cumsum(probs, axis=-1)
    idx = (cdf < u * cdf[..., -1:]).sum(axis=-1)  # the first index whose cdf reaches u
    return np.asarray(np.minimum(idx, probs.shape[-1] - 1), dtype=np.int64)
