"""Exercise align.bradley_terry: the probability of a preference, its loss and its gradient.

Run `groundup lesson align.preferences` for the lesson, `groundup check align.bradley_terry` to
check. The checks compare with ``torch.nn.functional.logsigmoid`` and ``torch.autograd``.
"""

import numpy as np
from numpy.typing import ArrayLike


def bt_probability(r_chosen: ArrayLike, r_rejected: ArrayLike) -> np.ndarray:
    r"""The Bradley–Terry probability that the chosen answer is preferred.

    .. math:: P(\text{chosen} \succ \text{rejected}) = \sigma(r_c - r_r)
              = \frac{e^{r_c}}{e^{r_c} + e^{r_r}}

    Parameters
    ----------
    r_chosen, r_rejected : array_like, shape (n_pairs,)

    Returns
    -------
    ndarray, shape (n_pairs,)

    Raises
    ------
    ValueError
        If the shapes differ, or the arrays are empty or not 1-D.

    Examples
    --------
    >>> bt_probability([1.0, 0.0], [0.0, 0.0]).round(4).tolist()
    [0.7311, 0.5]
    """
    # TODO: the sigmoid of the reward difference (without overflow for large differences).
    raise NotImplementedError


def bt_loss(r_chosen: ArrayLike, r_rejected: ArrayLike) -> float:
    r"""The mean negative log-likelihood of the observed preferences.

    .. math:: L = -\frac1n \sum_i \log \sigma(r_{c,i} - r_{r,i})

    Must stay finite for reward gaps of :math:`\pm 800` (``np.log(sigmoid(-800))`` is
    ``log(0)``; :math:`-\log\sigma(d) = \log(1 + e^{-d})` is ``np.logaddexp(0, -d)``).

    Examples
    --------
    >>> round(bt_loss([0.0], [0.0]), 4)
    0.6931
    """
    # TODO: validate as bt_probability, then the mean of log(1 + exp(-(r_c - r_r))).
    raise NotImplementedError


def bt_loss_grad(r_chosen: ArrayLike, r_rejected: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""The gradient of :func:`bt_loss` with respect to both rewards.

    With :math:`d_i = r_{c,i} - r_{r,i}`:

    .. math:: \frac{\partial L}{\partial r_{c,i}} = -\frac{\sigma(-d_i)}{n}, \qquad
              \frac{\partial L}{\partial r_{r,i}} = +\frac{\sigma(-d_i)}{n}

    Returns
    -------
    (d_chosen, d_rejected) : two ndarrays of shape (n_pairs,)

    Examples
    --------
    >>> bt_loss_grad([0.0], [0.0])
    (array([-0.5]), array([0.5]))
    """
    # TODO: sigmoid(-d) / n, with opposite signs for the two rewards.
    raise NotImplementedError
