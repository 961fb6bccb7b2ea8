"""Exercise rnn.clip_grad_norm: gradient clipping by the global norm.

Run `groundup lesson rnn.recurrence` for the lesson, `groundup check rnn.clip_grad_norm` to check.
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike


def clip_grad_norm(grads: Sequence[ArrayLike], max_norm: float,
                   norm_type: float = 2.0) -> tuple[list[np.ndarray], float]:
    r"""Scale the gradients so that their joint norm is at most ``max_norm``.

    All the arrays together are one long vector :math:`g`:

    .. math:: \lVert g \rVert_p = \Bigl(\sum_k \sum_j |g_{k,j}|^p\Bigr)^{1/p},
              \qquad g_k \leftarrow g_k \cdot \min\left(1,
              \frac{\text{max\_norm}}{\lVert g \rVert_p + 10^{-6}}\right)

    (:math:`p = \infty`: the largest absolute value of all). This is
    ``torch.nn.utils.clip_grad_norm_``, returning new arrays instead of changing them in place.

    Parameters
    ----------
    grads : sequence of array_like
        One gradient per parameter, any shapes.
    max_norm : float
        Must be positive.
    norm_type : float, default 2.0
        :math:`p`, positive, or ``float("inf")``.

    Returns
    -------
    (clipped, total_norm) : (list of np.ndarray, float)
        New arrays (the inputs unchanged) and the norm before clipping.

    Raises
    ------
    ValueError
        If ``max_norm`` or ``norm_type`` is not positive.

    Examples
    --------
    >>> clipped, norm = clip_grad_norm([np.array([3.0, 4.0])], max_norm=1.0)
    >>> norm, clipped[0].round(4)
    (5.0, array([0.6, 0.8]))
    """
    # TODO: validate; the joint norm; one factor min(1, max_norm / (norm + 1e-6)) for all.
    raise NotImplementedError
