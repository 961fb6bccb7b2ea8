"""Exercise gpt.sampling: temperature, top-k and top-p (nucleus) filtering of logits.

Run `groundup lesson gpt.training` for the lesson, `groundup check gpt.sampling` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def softmax_with_temperature(logits: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""Probabilities :math:`p_i = e^{z_i/\tau} / \sum_j e^{z_j/\tau}` along the last axis.

    Parameters
    ----------
    logits : array_like, shape (..., V)
        May hold ``-inf`` for tokens that were filtered out (they get probability 0).
    temperature : float > 0
        :math:`\tau`: below 1 sharpens the distribution, above 1 flattens it.

    Returns
    -------
    np.ndarray, shape (..., V), rows summing to 1

    Raises
    ------
    ValueError
        If ``temperature <= 0``.

    Examples
    --------
    >>> np.round(softmax_with_temperature([0.0, np.log(3.0)]), 2)
    array([0.25, 0.75])
    """
    # TODO: divide by the temperature, subtract the row maximum, exponentiate, normalise.
    raise NotImplementedError


def top_k_filter(logits: ArrayLike, k: int) -> np.ndarray:
    r"""Keep the ``k`` largest logits of each row (last axis); set the others to ``-inf``.

    A logit *equal* to the k-th largest is kept (ties may keep more than k); ``k`` larger than
    the vocabulary keeps everything (Hugging Face's ``TopKLogitsWarper``).

    Raises
    ------
    ValueError
        If ``k < 1``.

    Examples
    --------
    >>> top_k_filter([1.0, 3.0, 2.0], 2)
    array([-inf,   3.,   2.])
    """
    # TODO: the k-th largest value per row, then np.where(logits < kth, -np.inf, logits).
    raise NotImplementedError


def top_p_filter(logits: ArrayLike, p: float) -> np.ndarray:
    r"""Nucleus filtering: keep the smallest set of most likely tokens whose probability
    reaches ``p``; set the others to ``-inf``.

    Hugging Face's ``TopPLogitsWarper`` rule: sort the probabilities
    :math:`\pi = \operatorname{softmax}(z)` in *ascending* order, and remove a token when the
    cumulative sum up to and including it is :math:`\le 1 - p`. The most likely token is
    always kept.

    Parameters
    ----------
    logits : array_like, shape (..., V)
    p : float in (0, 1]

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1].

    Examples
    --------
    >>> top_p_filter(np.log([0.5, 0.3, 0.15, 0.05]), 0.8)[2:]
    array([-inf, -inf])
    """
    # TODO: argsort, cumulative softmax, a mask in sorted order, put it back, np.where.
    raise NotImplementedError
