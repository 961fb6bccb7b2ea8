"""Exercise llm.temperature: softmax with temperature.

Run `groundup lesson llm.sampling` for the lesson, `groundup check llm.temperature` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def softmax_with_temperature(logits: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""The next-token distribution at temperature :math:`\tau`, along the last axis.

    .. math:: p_i = \frac{e^{z_i/\tau}}{\sum_j e^{z_j/\tau}}

    Subtract the largest logit first (it cancels out, and ``exp`` cannot overflow).
    :math:`\tau = 0` is the limit :math:`\tau \to 0`: probability 1 on the largest logit (the
    first one on a tie, like ``np.argmax``) and 0 elsewhere -- greedy decoding.

    Parameters
    ----------
    logits : array_like, shape (V,) or (batch, V)
        Scores for each token of the vocabulary.
    temperature : float
        :math:`\tau \ge 0`.

    Returns
    -------
    ndarray of float, same shape as ``logits``; each row sums to 1.

    Raises
    ------
    ValueError
        If ``temperature < 0``.

    Examples
    --------
    >>> softmax_with_temperature([2.0, 1.0, 0.1], 1.0).round(3)
    array([0.659, 0.242, 0.099])
    >>> softmax_with_temperature([2.0, 1.0, 0.1], 0.0)
    array([1., 0., 0.])
    """
    # TODO: validate the temperature; T = 0 -> one-hot at argmax; else divide, subtract the
    # max along the last axis, exponentiate and normalise.
    raise NotImplementedError
