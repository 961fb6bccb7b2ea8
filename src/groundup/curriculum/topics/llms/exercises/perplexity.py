"""Exercise llm.perplexity: token log-probabilities and perplexity.

Run `groundup lesson llm.sampling` for the lesson, `groundup check llm.perplexity` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def token_logprobs(logits: ArrayLike, targets: ArrayLike) -> np.ndarray:
    r"""The log-probability the model gave to each token that really came next.

    Row :math:`t` of ``logits`` scores the candidates for token :math:`t`; ``targets[t]`` is the
    token that came:

    .. math:: \log p_t = z_{t, y_t} - \log \sum_j e^{z_{t,j}}

    Compute the log-sum-exp stably: :math:`\log\sum_j e^{z_j} = m + \log\sum_j e^{z_j - m}`
    with :math:`m = \max_j z_j`.

    Parameters
    ----------
    logits : array_like, shape (T, V)
    targets : array_like of int, shape (T,)
        Token ids in ``[0, V)``.

    Returns
    -------
    ndarray of float, shape (T,)
        Each :math:`\log p_t \le 0`.

    Raises
    ------
    ValueError
        If the shapes do not fit or an id is outside ``[0, V)``.

    Examples
    --------
    >>> token_logprobs([[0.0, 0.0]], [1])
    array([-0.69314718])
    """
    # TODO: validate the shapes and ids; log-sum-exp per row; pick the targets' logits.
    raise NotImplementedError


def perplexity(logprobs: ArrayLike) -> float:
    r"""Perplexity: the exponential of the mean negative log-probability (the cross-entropy).

    .. math:: \mathrm{PPL} = \exp\Big(-\frac1T \sum_{t=1}^{T} \log p_t\Big)

    Parameters
    ----------
    logprobs : array_like, shape (T,)
        Log-probabilities, all :math:`\le 0`; at least one.

    Returns
    -------
    float
        :math:`\ge 1`.

    Raises
    ------
    ValueError
        If ``logprobs`` is empty, not 1-D, or has a value > 0.

    Examples
    --------
    >>> perplexity(np.log([0.5, 0.5]))
    2.0
    """
    # TODO: validate, then exp of minus the mean.
    raise NotImplementedError
