"""Exercise align.dpo_loss: Direct Preference Optimisation's loss, gradient and rewards.

Run `groundup lesson align.preferences` for the lesson, `groundup check align.dpo_loss` to check.
The checks compare with the loss as TRL's ``DPOTrainer`` writes it (``loss_type="sigmoid"``),
in PyTorch, and with ``torch.autograd`` for the gradient.
"""

import numpy as np
from numpy.typing import ArrayLike


def dpo_loss(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
             ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
             beta: float = 0.1) -> float:
    r"""The DPO loss, averaged over pairs.

    .. math:: z_i = \beta\Big[(\log\pi_\theta(y_c|x) - \log\pi_{ref}(y_c|x))
                      - (\log\pi_\theta(y_r|x) - \log\pi_{ref}(y_r|x))\Big], \qquad
              L = -\frac1n\sum_i \log\sigma(z_i)

    Parameters
    ----------
    policy_chosen_logps, policy_rejected_logps : array_like, shape (n_pairs,)
        Log-probabilities of the chosen and rejected answers under the policy.
    ref_chosen_logps, ref_rejected_logps : array_like, shape (n_pairs,)
        The same under the frozen reference model.
    beta : float, > 0

    Raises
    ------
    ValueError
        If ``beta <= 0``, or the four arrays are empty, not 1-D, or of different shapes.

    Examples
    --------
    >>> round(dpo_loss([-5.0], [-5.0], [-5.0], [-5.0]), 4)
    0.6931
    """
    # TODO: z = beta * ((pi_c - ref_c) - (pi_r - ref_r)); the mean of log(1 + exp(-z)).
    raise NotImplementedError


def dpo_loss_grad(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
                  ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
                  beta: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    r"""The gradient of :func:`dpo_loss` with respect to the policy's log-probabilities.

    .. math:: \frac{\partial L}{\partial \log\pi_\theta(y_c|x)} = -\frac{\beta\,\sigma(-z_i)}{n},
              \qquad \frac{\partial L}{\partial \log\pi_\theta(y_r|x)} = +\frac{\beta\,\sigma(-z_i)}{n}

    Returns
    -------
    (d_policy_chosen, d_policy_rejected) : two ndarrays of shape (n_pairs,)

    Examples
    --------
    >>> dpo_loss_grad([-5.0], [-5.0], [-5.0], [-5.0], beta=1.0)
    (array([-0.5]), array([0.5]))
    """
    # TODO: validate as dpo_loss; beta * sigmoid(-z) / n with opposite signs.
    raise NotImplementedError


def dpo_implicit_rewards(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
                         ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
                         beta: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    r"""DPO's implicit rewards :math:`\beta(\log\pi_\theta(y|x) - \log\pi_{ref}(y|x))`.

    Returns
    -------
    (chosen_rewards, rejected_rewards) : two ndarrays of shape (n_pairs,)

    Examples
    --------
    >>> dpo_implicit_rewards([-4.0], [-6.0], [-5.0], [-5.0], beta=0.5)
    (array([0.5]), array([-0.5]))
    """
    # TODO: validate as dpo_loss; beta * (policy - reference) for chosen, then for rejected.
    raise NotImplementedError
