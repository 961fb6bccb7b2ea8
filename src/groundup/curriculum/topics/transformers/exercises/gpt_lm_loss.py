"""Exercise gpt.lm_loss: the language-model loss over a batch of sequences.

Run `groundup lesson gpt.training` for the lesson, `groundup check gpt.lm_loss` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def lm_loss(logits: ArrayLike, targets: ArrayLike) -> float:
    r"""The mean cross-entropy of next-token predictions over every position of the batch.

    .. math:: L = -\frac{1}{BT} \sum_{b=1}^{B} \sum_{t=1}^{T}
              \log \operatorname{softmax}(z_{b,t})_{y_{b,t}}, \qquad
              \log \operatorname{softmax}(z)_y = z_y - m - \log \sum_v e^{z_v - m}

    with :math:`m = \max_v z_v` (so that no exponential overflows). A model that knows
    nothing (equal logits) scores :math:`\ln V`.

    Parameters
    ----------
    logits : array_like, shape (B, T, V)
    targets : array_like of int, shape (B, T)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``targets.shape != logits.shape[:-1]`` or a target is outside ``[0, V)``.

    Examples
    --------
    >>> round(lm_loss(np.zeros((1, 2, 4)), np.array([[0, 3]])), 4)
    1.3863
    """
    # TODO: validate; flatten to (B*T, V); stable log-softmax; pick the targets; average.
    raise NotImplementedError
