"""Exercise rnn.gradient_norms_through_time: vanishing and exploding gradients.

Run `groundup lesson rnn.recurrence` for the lesson,
`groundup check rnn.gradient_norms_through_time` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def gradient_norms_through_time(X: ArrayLike, h0: ArrayLike | None, W_xh: ArrayLike,
                                W_hh: ArrayLike, b: ArrayLike,
                                dh_last: ArrayLike) -> np.ndarray:
    r"""How large the gradient of a loss on :math:`h_T` is at every hidden state.

    .. math:: n_t = \left\lVert \frac{\partial L}{\partial h_t} \right\rVert_F,
              \qquad G_{t-1} = \left(G_t \odot (1 - h_t^2)\right) W_{hh},
              \quad G_T = \text{dh\_last}

    (the Frobenius norm over the whole batch: ``np.linalg.norm`` of the (N, H) array).

    Parameters
    ----------
    X, h0, W_xh, W_hh, b, dh_last
        As in ``rnn_bptt``.

    Returns
    -------
    np.ndarray, shape (T,)
        ``norms[t - 1]`` is :math:`n_t` for :math:`t = 1, \dots, T`, in time order (h_0 is
        not included); ``norms[-1]`` is the norm of ``dh_last``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.

    Examples
    --------
    >>> gradient_norms_through_time(np.zeros((1, 2, 1)), None, [[1.0]], [[0.5]], [0.0],
    ...                             [[2.0]])
    array([1., 2.])
    """
    # TODO: forward pass, then the backward walk of rnn_bptt, recording each norm.
    raise NotImplementedError
