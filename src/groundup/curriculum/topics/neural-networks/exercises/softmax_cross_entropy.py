"""Exercise mlp.softmax_cross_entropy: the classification loss and its gradient.

Run `groundup lesson mlp.backprop` for the lesson, `groundup check mlp.softmax_cross_entropy`
to check. The checks compare with ``torch.nn.functional.cross_entropy`` and ``torch.autograd``.
"""

import numpy as np
from numpy.typing import ArrayLike


def softmax_cross_entropy(logits: ArrayLike, y: ArrayLike) -> tuple[float, np.ndarray]:
    r"""The mean cross-entropy of softmax(logits) against integer labels, and its gradient.

    For row :math:`i` with logits :math:`z_i` and label :math:`y_i`:

    .. math:: \ell_i = -\log \frac{e^{z_{i y_i}}}{\sum_k e^{z_{ik}}}
              = \log\sum_k e^{z_{ik}} - z_{i y_i}, \qquad L = \frac1n \sum_i \ell_i

    .. math:: \frac{\partial L}{\partial z_{ik}} = \frac1n\Big(\operatorname{softmax}(z_i)_k
              - [k = y_i]\Big)

    Subtract each row's maximum from its logits first: nothing changes mathematically, and no
    exponent is positive (logits of 1000 must work).

    Parameters
    ----------
    logits : array_like, shape (n_samples, n_classes)
    y : array_like of ints, shape (n_samples,), each in [0, n_classes)

    Returns
    -------
    (loss, dlogits) : float, and ndarray of shape (n_samples, n_classes)

    Raises
    ------
    ValueError
        If ``logits`` is not 2-D, ``y`` does not have one label per row, or a label is out of
        range.

    Examples
    --------
    >>> loss, d = softmax_cross_entropy(np.array([[0.0, 0.0]]), np.array([1]))
    >>> round(loss, 4), d.tolist()
    (0.6931, [[0.5, -0.5]])
    """
    # TODO: validate; shift; log-softmax; loss = mean of -log p[i, y_i]; gradient.
    raise NotImplementedError
