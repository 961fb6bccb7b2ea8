"""Exercise rnn.cell_step: one step of a recurrent cell.

Run `groundup lesson rnn.recurrence` for the lesson, `groundup check rnn.cell_step` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def rnn_cell_step(x: ArrayLike, h: ArrayLike, W_xh: ArrayLike, W_hh: ArrayLike,
                  b: ArrayLike) -> np.ndarray:
    r"""One step of a plain (Elman) RNN on a batch, in PyTorch's weight layout.

    .. math:: h' = \tanh\left(x W_{xh}^\top + h W_{hh}^\top + b\right)

    Parameters
    ----------
    x : array_like, shape (N, I)
        This step's inputs, one row per sequence in the batch.
    h : array_like, shape (N, H)
        The previous hidden states.
    W_xh : array_like, shape (H, I)
        Input-to-hidden weights (PyTorch's ``weight_ih``).
    W_hh : array_like, shape (H, H)
        Hidden-to-hidden weights (``weight_hh``).
    b : array_like, shape (H,)
        The bias (PyTorch's ``bias_ih + bias_hh``).

    Returns
    -------
    np.ndarray, shape (N, H)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> rnn_cell_step(np.ones((1, 2)), np.zeros((1, 1)), [[0.5, 0.5]], [[1.0]], [0.0])
    array([[0.76159416]])
    """
    # TODO: convert to float arrays, check the shapes (raise ValueError), then apply the step.
    raise NotImplementedError
