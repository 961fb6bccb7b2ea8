"""Exercise rnn.embedding_lookup: embeddings, the lookup and its gradient.

Run `groundup lesson rnn.lstm` for the lesson, `groundup check rnn.embedding_lookup` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def embedding_lookup(weight: ArrayLike, indices: ArrayLike) -> np.ndarray:
    r"""The embedding vectors of ``indices``: :math:`\text{out}_{p,:} = W_{\text{idx}_p,:}`.

    Parameters
    ----------
    weight : array_like, shape (V, D)
        One row per token id.
    indices : array_like of int, any shape S
        Token ids in ``[0, V)``.

    Returns
    -------
    np.ndarray, shape S + (D,)

    Raises
    ------
    ValueError
        If ``weight`` is not 2-D, or an id is not an integer or is outside ``[0, V)``
        (negative ids do not wrap around, as in PyTorch).

    Examples
    --------
    >>> embedding_lookup(np.arange(6.0).reshape(3, 2), [2, 0])
    array([[4., 5.],
           [0., 1.]])
    """
    # TODO: validate the table and the ids, then pick the rows.
    raise NotImplementedError


def embedding_grad(indices: ArrayLike, grad_output: ArrayLike,
                   num_embeddings: int) -> np.ndarray:
    r"""The gradient of a loss with respect to the embedding table.

    .. math:: \frac{\partial L}{\partial W_{k,:}} = \sum_{p \,:\, \text{idx}_p = k} G_{p,:}

    Parameters
    ----------
    indices : array_like of int, shape S
        The ids that were looked up.
    grad_output : array_like, shape S + (D,)
        :math:`G = \partial L/\partial\,\text{out}`.
    num_embeddings : int
        V, the number of rows of the table.

    Returns
    -------
    np.ndarray, shape (V, D)
        Zero on rows never looked up; an id looked up several times gets the sum.

    Raises
    ------
    ValueError
        If the shapes do not match or an id is outside ``[0, V)``.

    Examples
    --------
    >>> embedding_grad([1, 1], np.ones((2, 2)), 3)
    array([[0., 0.],
           [2., 2.],
           [0., 0.]])
    """
    # TODO: validate; zeros of shape (V, D); add each row of grad_output at its id.
    raise NotImplementedError
