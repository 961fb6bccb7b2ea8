"""Checks for the alignment exercises: Bradley–Terry and DPO against PyTorch.

The expected values come from ``torch.nn.functional.logsigmoid`` and ``torch.autograd`` in
float64 (the DPO loss written as TRL's ``DPOTrainer`` writes its ``"sigmoid"`` loss); the
reward model from the same gradient descent run in PyTorch with autograd gradients. Where
PyTorch is not installed they come from NumPy formulas written here (``np.logaddexp``) and
central finite differences. Nothing here uses :mod:`groundup.alignment`.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, Comparator, close_to, compare_values, raises, satisfies

RTOL, ATOL = 1e-9, 1e-12  # against torch (and NumPy formulas)
FD_RTOL, FD_ATOL = 1e-5, 1e-9  # gradients against finite differences, where torch is missing


def _torch() -> Any:
    if importlib.util.find_spec("torch") is None:
        return None
    return importlib.import_module("torch")


def _f(a: Any) -> np.ndarray:
    return np.asarray(a, dtype=float)


def _mean_neg_logsigmoid(z: Any) -> float:
    """``mean(-log sigmoid(z))``: torch's logsigmoid, or NumPy's logaddexp without torch."""
    torch = _torch()
    if torch is not None:
        return float(-torch.nn.functional.logsigmoid(torch.tensor(_f(z))).mean())
    return float(np.logaddexp(0.0, -_f(z)).mean())


def _grad(loss: Callable[..., Any], arrays: list[np.ndarray]) -> tuple[np.ndarray, ...]:
    """Gradient of a scalar loss written in torch (autograd) or NumPy (central differences)."""
    torch = _torch()
    if torch is not None:
        leaves = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
        out = loss(torch, *leaves)
        grads = torch.autograd.grad(out, leaves)
        return tuple(g.numpy().copy() for g in grads)
    eps = 1e-6
    result = []
    for i, a in enumerate(arrays):
        g = np.zeros_like(a)
        for j in range(a.size):
            plus, minus = [x.copy() for x in arrays], [x.copy() for x in arrays]
            plus[i].flat[j] += eps
            minus[i].flat[j] -= eps
            g.flat[j] = (loss(np, *plus) - loss(np, *minus)) / (2 * eps)
        result.append(g)
    return tuple(result)


def _close(reference: Callable[..., Any], *, hidden: bool = False, grad: bool = False
           ) -> Comparator:
    """``close_to`` with the tolerance of the reference in use."""
    if grad and _torch() is None:
        return close_to(reference, rtol=FD_RTOL, atol=FD_ATOL, hidden=hidden)
    return close_to(reference, rtol=RTOL, atol=ATOL, hidden=hidden)


def _neg_logsigmoid(lib: Any, z: Any) -> Any:
    if lib is np:
        return np.logaddexp(0.0, -z)
    return -lib.nn.functional.logsigmoid(z)


# --------------------------------------------------------------------------------------------
# Bradley–Terry


def _ref_bt_probability(r_c: Any, r_r: Any) -> np.ndarray:
    torch = _torch()
    d = _f(r_c) - _f(r_r)
    if torch is not None:
        return torch.sigmoid(torch.tensor(d)).numpy()
    return np.exp(-np.logaddexp(0.0, -d))


def _ref_bt_loss(r_c: Any, r_r: Any) -> float:
    return _mean_neg_logsigmoid(_f(r_c) - _f(r_r))


def _ref_bt_grad(r_c: Any, r_r: Any) -> tuple[np.ndarray, ...]:
    return _grad(lambda lib, c, r: _neg_logsigmoid(lib, c - r).mean(), [_f(r_c), _f(r_r)])


def bradley_terry() -> list[Check]:
    rng = np.random.default_rng(0)
    r_c, r_r = rng.normal(size=8), rng.normal(size=8)
    big_c, big_r = np.array([800.0, -800.0, 40.0, 0.0]), np.array([-800.0, 800.0, -40.0, 0.0])
    h_c, h_r = rng.normal(0, 5, 50), rng.normal(0, 5, 50)
    return [
        Check("probability", [Case(r_c, r_r), Case([1.0, 0.0], [0.0, 0.0])],
              expect=_close(_ref_bt_probability), function="bt_probability",
              hint="sigmoid(r_chosen - r_rejected) = exp(r_c) / (exp(r_c) + exp(r_r))."),
        Check("loss", [Case(r_c, r_r), Case([0.0], [0.0])], expect=_close(_ref_bt_loss),
              function="bt_loss",
              hint="The mean over pairs of -log sigmoid(r_c - r_r); equal rewards give log 2."),
        Check("loss for huge reward gaps", [Case(big_c, big_r)], expect=_close(_ref_bt_loss),
              function="bt_loss",
              hint="log(sigmoid(-800)) is log(0) = -inf in floating point: use "
                   "-log sigmoid(d) = log(1 + exp(-d)) = np.logaddexp(0, -d)."),
        Check("gradient", [Case(r_c, r_r), Case([2.0], [-1.0])], expect=_close(_ref_bt_grad, grad=True),
              function="bt_loss_grad",
              hint="d/dd of -log sigmoid(d) is -sigmoid(-d); the mean divides by n; the "
                   "rejected reward gets the opposite sign."),
        Check("gradient for huge reward gaps", [Case(big_c, big_r)],
              expect=_close(_ref_bt_grad, grad=True), function="bt_loss_grad",
              hint="sigmoid(-d) must not overflow: compute it as exp(-logaddexp(0, d))."),
        Check("invalid input", [Case([1.0, 2.0], [1.0]), Case([], [])], expect=raises(ValueError),
              function="bt_loss", hint="Raise ValueError for different shapes or empty arrays."),
        Check("hidden pairs", [Case(h_c, h_r)], expect=_close(_ref_bt_grad, hidden=True, grad=True),
              function="bt_loss_grad", hidden=True,
              hint="Check the sign: increasing the chosen reward lowers the loss."),
        Check("hidden pairs (loss)", [Case(h_c, h_r)], expect=_close(_ref_bt_loss, hidden=True),
              function="bt_loss", hidden=True, hint="Average over pairs, do not sum."),
    ]


# --------------------------------------------------------------------------------------------
# The reward model


def _ref_fit(X_chosen: Any, X_rejected: Any, lr: float = 0.5, num_epochs: int = 200
             ) -> tuple[np.ndarray, np.ndarray]:
    """The same gradient descent in PyTorch (autograd gradients); in NumPy without torch."""
    D = _f(X_chosen) - _f(X_rejected)
    losses = np.empty(num_epochs)
    torch = _torch()
    if torch is None:
        w = np.zeros(D.shape[1])
        for epoch in range(num_epochs):
            margin = D @ w
            losses[epoch] = np.logaddexp(0.0, -margin).mean()
            w = w + lr * (D.T @ np.exp(-np.logaddexp(0.0, margin))) / D.shape[0]
        return w, losses
    D_t = torch.tensor(D)
    w_t = torch.zeros(D.shape[1], dtype=torch.float64, requires_grad=True)
    for epoch in range(num_epochs):
        loss = -torch.nn.functional.logsigmoid(D_t @ w_t).mean()
        losses[epoch] = loss.item()
        (g,) = torch.autograd.grad(loss, w_t)
        with torch.no_grad():
            w_t -= lr * g
    return w_t.detach().numpy().copy(), losses


def _preferences(n_pairs: int, w_true: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X_a, X_b = rng.normal(size=(n_pairs, w_true.size)), rng.normal(size=(n_pairs, w_true.size))
    a_wins = rng.random(n_pairs) < 1 / (1 + np.exp(-(X_a - X_b) @ w_true))
    return (np.where(a_wins[:, None], X_a, X_b), np.where(a_wins[:, None], X_b, X_a))


def _recovers(w_true: np.ndarray, seed: int) -> Callable[[Case, Any], str | None]:
    X_c, X_r = _preferences(2000, w_true, seed)

    def predicate(case: Case, value: Any) -> str | None:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "fit_reward_model should return a tuple (w, losses)"
        msg = compare_values(_ref_fit(*case.args, **case.kwargs)[0], value[0], rtol=1e-7,
                             atol=1e-9, hidden=True, what="w")
        if msg:
            return msg
        w = np.asarray(value[0], dtype=float)
        accuracy = float(((X_c - X_r) @ w > 0).mean())
        best = float(((X_c - X_r) @ w_true > 0).mean())
        if accuracy < best - 0.02:
            return (f"your reward model ranks {accuracy:.1%} of new pairs right; the true reward "
                    f"ranks {best:.1%}")
        return None

    return predicate


def reward_model() -> list[Check]:
    w_true = np.array([1.5, -2.0, 0.5])
    X_c, X_r = _preferences(40, w_true, 1)
    X_c2, X_r2 = _preferences(300, w_true, 2)
    w_hidden = np.array([0.5, 1.0, -1.0, 2.0])
    X_c3, X_r3 = _preferences(1000, w_hidden, 3)
    return [
        Check("a few steps", [Case(X_c, X_r, lr=0.5, num_epochs=5), Case(X_c, X_r, lr=0.1, num_epochs=1)],
              expect=close_to(_ref_fit, rtol=1e-7, atol=1e-9),
              hint="Start from w = 0; at each step record the loss, then w -= lr * grad with "
                   "grad = -(D.T @ sigmoid(-D @ w)) / n and D = X_chosen - X_rejected."),
        Check("training to convergence", [Case(X_c2, X_r2, lr=1.0, num_epochs=150)],
              expect=close_to(_ref_fit, rtol=1e-7, atol=1e-9),
              hint="Full-batch gradient descent on the Bradley–Terry loss of r = X @ w; losses[i] "
                   "is the loss *before* step i."),
        Check("invalid input", [Case(np.ones((3, 2)), np.ones((3, 3))),
                                Case(np.ones((3, 2)), np.ones((3, 2)), lr=0.0),
                                Case(np.ones((3, 2)), np.ones((3, 2)), num_epochs=0)],
              expect=raises(ValueError),
              hint="Raise ValueError for shapes that differ, lr <= 0 or num_epochs < 1."),
        Check("recovers the ranking of a hidden reward", [Case(X_c3, X_r3, lr=1.0, num_epochs=300)],
              expect=satisfies(_recovers(w_hidden, 4)), hidden=True,
              hint="The gradient of the mean loss divides by the number of pairs."),
    ]


# --------------------------------------------------------------------------------------------
# DPO


def _dpo_z(lib: Any, pc: Any, pr: Any, rc: Any, rr: Any, beta: float) -> Any:
    return beta * ((pc - rc) - (pr - rr))


def _ref_dpo_loss(pc: Any, pr: Any, rc: Any, rr: Any, beta: float = 0.1) -> float:
    return _mean_neg_logsigmoid(_dpo_z(np, _f(pc), _f(pr), _f(rc), _f(rr), beta))


def _ref_dpo_grad(pc: Any, pr: Any, rc: Any, rr: Any, beta: float = 0.1) -> tuple[np.ndarray, ...]:
    rc_, rr_ = _f(rc), _f(rr)

    def loss(lib: Any, a: Any, b: Any) -> Any:
        c, r = (rc_, rr_) if lib is np else (lib.tensor(rc_), lib.tensor(rr_))
        return _neg_logsigmoid(lib, _dpo_z(lib, a, b, c, r, beta)).mean()

    return _grad(loss, [_f(pc), _f(pr)])


def _ref_rewards(pc: Any, pr: Any, rc: Any, rr: Any, beta: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    return beta * (_f(pc) - _f(rc)), beta * (_f(pr) - _f(rr))


def _logps(seed: int, n: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    ref_c, ref_r = -rng.uniform(10, 60, n), -rng.uniform(10, 60, n)
    return ref_c + rng.normal(0, 3, n), ref_r + rng.normal(0, 3, n), ref_c, ref_r


def dpo_loss() -> list[Check]:
    a = _logps(5, 8)
    b = _logps(6, 3)
    far = (np.array([-1e4, 0.0]), np.array([0.0, -1e4]), np.zeros(2), np.zeros(2))
    h = _logps(7, 40)
    same = np.array([-5.0, -12.0])
    return [
        Check("loss", [Case(*a, beta=0.1), Case(*b, beta=0.5), Case(same, same, same, same, beta=0.1)],
              expect=_close(_ref_dpo_loss), function="dpo_loss",
              hint="z = beta * ((pi_c - ref_c) - (pi_r - ref_r)); the loss is the mean of "
                   "-log sigmoid(z). At the reference (pi = ref) it is log 2."),
        Check("loss far from the reference", [Case(*far, beta=1.0)],
              expect=_close(_ref_dpo_loss), function="dpo_loss",
              hint="-log sigmoid(z) = np.logaddexp(0, -z) never takes log(0)."),
        Check("gradient", [Case(*a, beta=0.1), Case(*b, beta=2.0)],
              expect=_close(_ref_dpo_grad, grad=True), function="dpo_loss_grad",
              hint="d/dpi_c = -beta * sigmoid(-z) / n, d/dpi_r = +beta * sigmoid(-z) / n; the "
                   "reference log-probabilities are constants."),
        Check("implicit rewards", [Case(*a, beta=0.1), Case(*b, beta=0.5)],
              expect=_close(_ref_rewards), function="dpo_implicit_rewards",
              hint="beta * (pi - ref) for the chosen answers, then for the rejected ones."),
        Check("invalid input", [Case([1.0], [1.0], [1.0], [1.0], beta=0.0),
                                Case([1.0, 2.0], [1.0], [1.0], [1.0], beta=0.1),
                                Case([], [], [], [], beta=0.1)],
              expect=raises(ValueError), function="dpo_loss",
              hint="Raise ValueError for beta <= 0, shapes that differ, or empty arrays."),
        Check("invalid beta (gradient)", [Case([1.0], [1.0], [1.0], [1.0], beta=-1.0)],
              expect=raises(ValueError), function="dpo_loss_grad", hint="beta must be > 0."),
        Check("hidden batch", [Case(*h, beta=0.3)], expect=_close(_ref_dpo_grad, hidden=True, grad=True),
              function="dpo_loss_grad", hidden=True,
              hint="Subtract the reference log-probabilities before the sigmoid, and multiply "
                   "the gradient by beta."),
        Check("hidden batch (loss)", [Case(*h, beta=0.05)],
              expect=_close(_ref_dpo_loss, hidden=True), function="dpo_loss", hidden=True,
              hint="beta multiplies the margin inside the sigmoid, not the loss outside it."),
    ]
