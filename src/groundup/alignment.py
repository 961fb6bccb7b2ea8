"""The math of alignment: Bradley–Terry reward models and Direct Preference Optimisation.

Phase 5 of the course. Preference data comes as pairs: for one prompt, a *chosen* answer and a
*rejected* one. The Bradley–Terry model says how likely a person is to prefer the chosen one,
given a reward for each; a reward model is trained to make the observed choices likely
(the first stage of RLHF). DPO (Rafailov et al., 2023) skips the reward model: the same loss,
with the reward replaced by the policy's log-probability ratio to a frozen reference model.

Everything is NumPy and tested against ``torch.nn.functional.logsigmoid`` and
``torch.autograd`` (``tests/reference/test_alignment.py``). Log-sigmoids are computed as
``-logaddexp(0, -z)``: ``log(sigmoid(z))`` underflows to ``log(0)`` for ``z`` below about -745.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


# --------------------------------------------------------------------------------------------
# Helpers


def log_sigmoid(z: ArrayLike) -> FloatArray:
    r""":math:`\log \sigma(z) = -\log(1 + e^{-z})`, without overflow or ``log(0)``."""
    return -np.logaddexp(0.0, -np.asarray(z, dtype=float))


def sigmoid(z: ArrayLike) -> FloatArray:
    r""":math:`\sigma(z) = 1 / (1 + e^{-z})`, without overflow warnings."""
    return np.exp(log_sigmoid(z))


def _pair(a: ArrayLike, b: ArrayLike, names: tuple[str, str]) -> tuple[FloatArray, FloatArray]:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape:
        raise ValueError(f"{names[0]} has shape {x.shape} but {names[1]} has shape {y.shape}")
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"{names[0]} and {names[1]} must be non-empty 1-D arrays, got shape {x.shape}")
    return x, y


# --------------------------------------------------------------------------------------------
# Bradley–Terry


def bt_probability(r_chosen: ArrayLike, r_rejected: ArrayLike) -> FloatArray:
    r"""The Bradley–Terry probability that the chosen answer is preferred.

    .. math:: P(\text{chosen} \succ \text{rejected}) = \sigma(r_c - r_r)
              = \frac{e^{r_c}}{e^{r_c} + e^{r_r}}

    Parameters
    ----------
    r_chosen, r_rejected : array_like, shape (n_pairs,)
        Rewards of the chosen and the rejected answer of each pair.

    Returns
    -------
    ndarray, shape (n_pairs,)

    Examples
    --------
    >>> bt_probability([1.0, 0.0], [0.0, 0.0]).round(4).tolist()
    [0.7311, 0.5]
    """
    r_c, r_r = _pair(r_chosen, r_rejected, ("r_chosen", "r_rejected"))
    return sigmoid(r_c - r_r)


def bt_loss(r_chosen: ArrayLike, r_rejected: ArrayLike) -> float:
    r"""The Bradley–Terry loss: the mean negative log-likelihood of the observed choices.

    .. math:: L = -\frac1n \sum_i \log \sigma(r_{c,i} - r_{r,i})

    Examples
    --------
    >>> round(bt_loss([0.0], [0.0]), 4)  # log 2: no preference either way
    0.6931
    """
    r_c, r_r = _pair(r_chosen, r_rejected, ("r_chosen", "r_rejected"))
    return float(-log_sigmoid(r_c - r_r).mean())


def bt_loss_grad(r_chosen: ArrayLike, r_rejected: ArrayLike) -> tuple[FloatArray, FloatArray]:
    r"""The gradient of :func:`bt_loss` with respect to both rewards.

    With :math:`d_i = r_{c,i} - r_{r,i}` and :math:`\frac{d}{dd}\log\sigma(d) = \sigma(-d)`:

    .. math:: \frac{\partial L}{\partial r_{c,i}} = -\frac{\sigma(-d_i)}{n}, \qquad
              \frac{\partial L}{\partial r_{r,i}} = +\frac{\sigma(-d_i)}{n}

    A pair the model already ranks right (large :math:`d_i`) barely moves; a pair it gets wrong
    pushes with weight close to :math:`1/n`.

    Returns
    -------
    (d_chosen, d_rejected) : two ndarrays of shape (n_pairs,)
    """
    r_c, r_r = _pair(r_chosen, r_rejected, ("r_chosen", "r_rejected"))
    weight = sigmoid(r_r - r_c) / r_c.size
    return -weight, weight


# --------------------------------------------------------------------------------------------
# A linear reward model


def synthetic_preferences(n_pairs: int, w_true: ArrayLike, seed: int = 0
                          ) -> tuple[FloatArray, FloatArray]:
    r"""Pairs of answers (as feature vectors) and simulated human choices.

    Each answer has standard Normal features :math:`x`; its true reward is :math:`x \cdot w`.
    The person prefers answer *a* to *b* with the Bradley–Terry probability
    :math:`\sigma(x_a \cdot w - x_b \cdot w)` (so they sometimes choose the worse one).

    Returns
    -------
    (X_chosen, X_rejected) : two ndarrays of shape (n_pairs, n_features)
    """
    w = np.asarray(w_true, dtype=float)
    if w.ndim != 1 or w.size == 0:
        raise ValueError(f"w_true must be a non-empty 1-D array, got shape {w.shape}")
    if int(n_pairs) != n_pairs or n_pairs < 1:
        raise ValueError(f"n_pairs must be a positive whole number, got {n_pairs!r}")
    rng = np.random.default_rng(seed)
    X_a = rng.normal(size=(int(n_pairs), w.size))
    X_b = rng.normal(size=(int(n_pairs), w.size))
    a_wins = rng.random(int(n_pairs)) < sigmoid(X_a @ w - X_b @ w)
    X_chosen = np.where(a_wins[:, None], X_a, X_b)
    X_rejected = np.where(a_wins[:, None], X_b, X_a)
    return X_chosen, X_rejected


def fit_reward_model(X_chosen: ArrayLike, X_rejected: ArrayLike, lr: float = 0.5,
                     num_epochs: int = 200) -> tuple[FloatArray, FloatArray]:
    r"""Train a linear reward :math:`r(x) = x \cdot w` on preference pairs by gradient descent.

    Full-batch gradient descent on the Bradley–Terry loss, from :math:`w = 0`:

    .. math:: D = X_c - X_r, \quad L(w) = -\frac1n \sum_i \log\sigma(D_i \cdot w), \quad
              \nabla L = -\frac1n D^\top \sigma(-D w), \quad w \leftarrow w - \text{lr}\,\nabla L

    Parameters
    ----------
    X_chosen, X_rejected : array_like, shape (n_pairs, n_features)
    lr : float, > 0
    num_epochs : int, >= 1

    Returns
    -------
    (w, losses)
        ``w`` of shape (n_features,); ``losses`` of shape (num_epochs,), the loss *before*
        each step.

    Examples
    --------
    >>> Xc, Xr = synthetic_preferences(2000, [2.0, -1.0], seed=0)
    >>> w, losses = fit_reward_model(Xc, Xr)
    >>> bool(w[0] > 0 > w[1] and losses[-1] < losses[0])
    True
    """
    X_c, X_r = np.asarray(X_chosen, dtype=float), np.asarray(X_rejected, dtype=float)
    if X_c.ndim != 2 or X_c.shape != X_r.shape or X_c.shape[0] == 0:
        raise ValueError("X_chosen and X_rejected must be non-empty 2-D arrays of the same shape, "
                         f"got {X_c.shape} and {X_r.shape}")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr!r}")
    if int(num_epochs) != num_epochs or num_epochs < 1:
        raise ValueError(f"num_epochs must be a positive whole number, got {num_epochs!r}")
    D = X_c - X_r  # (n_pairs, n_features)
    n = D.shape[0]
    w = np.zeros(D.shape[1])
    losses = np.empty(int(num_epochs))
    for epoch in range(int(num_epochs)):
        margin = D @ w  # (n_pairs,)
        losses[epoch] = -log_sigmoid(margin).mean()
        w = w - lr * (-(D.T @ sigmoid(-margin)) / n)
    return w, losses


def preference_accuracy(w: ArrayLike, X_chosen: ArrayLike, X_rejected: ArrayLike) -> float:
    """The fraction of pairs whose chosen answer gets the higher reward ``x @ w``."""
    w = np.asarray(w, dtype=float)
    return float(((np.asarray(X_chosen) @ w) > (np.asarray(X_rejected) @ w)).mean())


# --------------------------------------------------------------------------------------------
# Direct Preference Optimisation


def _dpo_inputs(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
                ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike, beta: float
                ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    arrays = [np.asarray(a, dtype=float) for a in (policy_chosen_logps, policy_rejected_logps,
                                                   ref_chosen_logps, ref_rejected_logps)]
    shapes = {a.shape for a in arrays}
    if len(shapes) != 1:
        raise ValueError(f"the four log-probability arrays must have the same shape, got {shapes}")
    if arrays[0].ndim != 1 or arrays[0].size == 0:
        raise ValueError(f"the log-probabilities must be non-empty 1-D arrays, got {arrays[0].shape}")
    if not float(beta) > 0:
        raise ValueError(f"beta must be > 0, got {beta!r}")
    return arrays[0], arrays[1], arrays[2], arrays[3]


def dpo_implicit_rewards(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
                         ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
                         beta: float = 0.1) -> tuple[FloatArray, FloatArray]:
    r"""DPO's implicit rewards: :math:`\hat r(x, y) = \beta\,(\log\pi_\theta(y|x) - \log\pi_{ref}(y|x))`.

    Returns
    -------
    (chosen_rewards, rejected_rewards) : two ndarrays of shape (n_pairs,), as TRL logs them.
    """
    pc, pr, rc, rr = _dpo_inputs(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                                 ref_rejected_logps, beta)
    return beta * (pc - rc), beta * (pr - rr)


def dpo_loss(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
             ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
             beta: float = 0.1) -> float:
    r"""The DPO loss (the paper's eq. 7; TRL's ``loss_type="sigmoid"``), averaged over pairs.

    .. math:: z_i = \beta\Big[(\log\pi_\theta(y_c|x) - \log\pi_{ref}(y_c|x))
                      - (\log\pi_\theta(y_r|x) - \log\pi_{ref}(y_r|x))\Big], \qquad
              L = -\frac1n\sum_i \log\sigma(z_i)

    It is the Bradley–Terry loss of the implicit rewards.

    Parameters
    ----------
    policy_chosen_logps, policy_rejected_logps : array_like, shape (n_pairs,)
        Log-probabilities of the chosen and rejected answers under the policy being trained
        (summed over the answer's tokens).
    ref_chosen_logps, ref_rejected_logps : array_like, shape (n_pairs,)
        The same under the frozen reference model.
    beta : float, > 0
        How far the policy may move from the reference: small beta, weak pull back.

    Examples
    --------
    >>> round(dpo_loss([-5.0], [-5.0], [-5.0], [-5.0]), 4)  # policy == reference: log 2
    0.6931
    """
    pc, pr, rc, rr = _dpo_inputs(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                                 ref_rejected_logps, beta)
    z = beta * ((pc - rc) - (pr - rr))
    return float(-log_sigmoid(z).mean())


def dpo_loss_grad(policy_chosen_logps: ArrayLike, policy_rejected_logps: ArrayLike,
                  ref_chosen_logps: ArrayLike, ref_rejected_logps: ArrayLike,
                  beta: float = 0.1) -> tuple[FloatArray, FloatArray]:
    r"""The gradient of :func:`dpo_loss` with respect to the policy's log-probabilities.

    .. math:: \frac{\partial L}{\partial \log\pi_\theta(y_c|x)} = -\frac{\beta\,\sigma(-z_i)}{n},
              \qquad \frac{\partial L}{\partial \log\pi_\theta(y_r|x)} = +\frac{\beta\,\sigma(-z_i)}{n}

    :math:`\sigma(-z_i)` is large where the implicit reward ranks the pair wrongly: DPO
    weights each example by how wrong the model is (the reference model is frozen).

    Returns
    -------
    (d_policy_chosen, d_policy_rejected) : two ndarrays of shape (n_pairs,)
    """
    pc, pr, rc, rr = _dpo_inputs(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                                 ref_rejected_logps, beta)
    z = beta * ((pc - rc) - (pr - rr))
    weight = beta * sigmoid(-z) / z.size
    return -weight, weight
