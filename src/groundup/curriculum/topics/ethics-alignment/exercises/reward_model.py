"""Exercise align.reward_model: learn a reward from which answer people preferred.

Run `groundup lesson align.preferences` for the lesson, `groundup check align.reward_model` to
check. The checks run the same gradient descent in PyTorch (autograd gradients) and check that
your reward ranks new pairs as well as the true one.
"""

import numpy as np
from numpy.typing import ArrayLike


def fit_reward_model(X_chosen: ArrayLike, X_rejected: ArrayLike, lr: float = 0.5,
                     num_epochs: int = 200) -> tuple[np.ndarray, np.ndarray]:
    r"""Train a linear reward :math:`r(x) = x \cdot w` on preference pairs.

    Full-batch gradient descent on the Bradley–Terry loss, starting from :math:`w = 0`:

    .. math:: D = X_c - X_r, \quad L(w) = -\frac1n \sum_i \log\sigma(D_i \cdot w), \quad
              \nabla L = -\frac1n D^\top \sigma(-D w), \quad w \leftarrow w - \text{lr}\,\nabla L

    Parameters
    ----------
    X_chosen, X_rejected : array_like, shape (n_pairs, n_features)
        Row i: the features of the chosen and the rejected answer of pair i.
    lr : float, > 0
    num_epochs : int, >= 1

    Returns
    -------
    (w, losses)
        ``w`` of shape (n_features,); ``losses`` of shape (num_epochs,): the loss *before*
        each step.

    Raises
    ------
    ValueError
        If the arrays are not 2-D of the same shape (or empty), ``lr <= 0`` or
        ``num_epochs < 1``.

    Examples
    --------
    >>> w, losses = fit_reward_model([[1.0, 0.0]], [[0.0, 1.0]], lr=1.0, num_epochs=1)
    >>> w.tolist(), round(float(losses[0]), 4)
    ([0.5, -0.5], 0.6931)
    """
    # TODO: validate; D = X_chosen - X_rejected; num_epochs gradient steps, recording the loss.
    raise NotImplementedError
