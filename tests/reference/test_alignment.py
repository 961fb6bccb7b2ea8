"""groundup.alignment against torch.nn.functional.logsigmoid, torch.autograd and finite
differences."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from groundup import alignment as al

torch = pytest.importorskip("torch")
F = torch.nn.functional

RNG = np.random.default_rng(0)


def _t(a):
    return torch.tensor(np.asarray(a, dtype=float), dtype=torch.float64, requires_grad=True)


def _fd(f, arrays, eps=1e-6):
    """Central differences of the scalar f(*arrays) with respect to every element."""
    grads = []
    for i, a in enumerate(arrays):
        g = np.zeros_like(a)
        for j in range(a.size):
            plus = [x.copy() for x in arrays]
            minus = [x.copy() for x in arrays]
            plus[i].flat[j] += eps
            minus[i].flat[j] -= eps
            g.flat[j] = (f(*plus) - f(*minus)) / (2 * eps)
        grads.append(g)
    return grads


REWARDS = [RNG.normal(size=8), RNG.normal(size=1), 30 * RNG.normal(size=20),
           np.array([800.0, -800.0, 0.0])]


@pytest.mark.parametrize("r_c", REWARDS)
def test_bradley_terry_matches_torch(r_c):
    r_r = np.random.default_rng(r_c.size).normal(size=r_c.size) * np.abs(r_c).max()
    tc, tr = _t(r_c), _t(r_r)
    loss = -F.logsigmoid(tc - tr).mean()
    loss.backward()
    assert_allclose(al.bt_probability(r_c, r_r), torch.sigmoid(tc - tr).detach().numpy(),
                    rtol=1e-12, atol=1e-300)
    assert_allclose(al.bt_loss(r_c, r_r), loss.item(), rtol=1e-12)
    d_c, d_r = al.bt_loss_grad(r_c, r_r)
    assert_allclose(d_c, tc.grad.numpy(), rtol=1e-10, atol=1e-300)
    assert_allclose(d_r, tr.grad.numpy(), rtol=1e-10, atol=1e-300)
    assert np.isfinite(al.bt_loss(r_c, r_r))


def test_bradley_terry_gradient_matches_finite_differences():
    r_c, r_r = RNG.normal(size=6), RNG.normal(size=6)
    fd = _fd(al.bt_loss, [r_c, r_r])
    for ours, expected in zip(al.bt_loss_grad(r_c, r_r), fd, strict=True):
        assert_allclose(ours, expected, rtol=1e-6, atol=1e-9)


def test_bradley_terry_is_a_softmax_over_two():
    r_c, r_r = RNG.normal(size=5), RNG.normal(size=5)
    softmax = np.exp(r_c) / (np.exp(r_c) + np.exp(r_r))
    assert_allclose(al.bt_probability(r_c, r_r), softmax, rtol=1e-12)


def _torch_fit(X_c, X_r, lr, num_epochs):
    w = torch.zeros(X_c.shape[1], dtype=torch.float64, requires_grad=True)
    D = torch.tensor(X_c - X_r)
    losses = []
    for _ in range(num_epochs):
        loss = -F.logsigmoid(D @ w).mean()
        losses.append(loss.item())
        (grad,) = torch.autograd.grad(loss, w)
        with torch.no_grad():
            w -= lr * grad
    return w.detach().numpy(), np.array(losses)


@pytest.mark.parametrize(("n_pairs", "lr", "num_epochs"), [(50, 0.5, 30), (500, 1.0, 100)])
def test_reward_model_matches_torch_gradient_descent(n_pairs, lr, num_epochs):
    X_c, X_r = al.synthetic_preferences(n_pairs, [1.5, -2.0, 0.5], seed=n_pairs)
    w, losses = al.fit_reward_model(X_c, X_r, lr=lr, num_epochs=num_epochs)
    w_t, losses_t = _torch_fit(X_c, X_r, lr, num_epochs)
    assert_allclose(w, w_t, rtol=1e-10, atol=1e-12)
    assert_allclose(losses, losses_t, rtol=1e-10)


def test_reward_model_recovers_the_true_weights():
    w_true = np.array([2.0, -1.0, 0.5, 0.0])
    X_c, X_r = al.synthetic_preferences(5000, w_true, seed=1)
    w, losses = al.fit_reward_model(X_c, X_r, lr=1.0, num_epochs=500)
    assert losses[-1] < losses[0] - 0.2
    # the maximum-likelihood weights are consistent: close to the truth with 5000 pairs
    assert_allclose(w, w_true, atol=0.2)
    X_c2, X_r2 = al.synthetic_preferences(2000, w_true, seed=2)
    assert al.preference_accuracy(w, X_c2, X_r2) > al.preference_accuracy(-w, X_c2, X_r2) + 0.4


def _dpo_inputs(seed, n=16):
    rng = np.random.default_rng(seed)
    ref_c, ref_r = -rng.uniform(10, 60, n), -rng.uniform(10, 60, n)
    return ref_c + rng.normal(0, 3, n), ref_r + rng.normal(0, 3, n), ref_c, ref_r


@pytest.mark.parametrize("beta", [0.01, 0.1, 0.5, 5.0])
@pytest.mark.parametrize("seed", [0, 1])
def test_dpo_matches_torch_like_trl(seed, beta):
    pc, pr, rc, rr = _dpo_inputs(seed)
    tpc, tpr = _t(pc), _t(pr)
    trc, trr = torch.tensor(rc), torch.tensor(rr)
    # TRL's DPOTrainer, loss_type="sigmoid" (no label smoothing)
    logits = (tpc - tpr) - (trc - trr)
    losses = -F.logsigmoid(beta * logits)
    losses.mean().backward()
    assert_allclose(al.dpo_loss(pc, pr, rc, rr, beta), losses.mean().item(), rtol=1e-12)
    d_c, d_r = al.dpo_loss_grad(pc, pr, rc, rr, beta)
    assert_allclose(d_c, tpc.grad.numpy(), rtol=1e-10, atol=1e-300)
    assert_allclose(d_r, tpr.grad.numpy(), rtol=1e-10, atol=1e-300)
    chosen, rejected = al.dpo_implicit_rewards(pc, pr, rc, rr, beta)
    assert_allclose(chosen, (beta * (tpc - trc)).detach().numpy(), rtol=1e-12)
    assert_allclose(rejected, (beta * (tpr - trr)).detach().numpy(), rtol=1e-12)


def test_dpo_gradient_matches_finite_differences_and_is_bradley_terry():
    pc, pr, rc, rr = _dpo_inputs(3, n=5)
    beta = 0.3
    fd = _fd(lambda a, b: al.dpo_loss(a, b, rc, rr, beta), [pc, pr])
    for ours, expected in zip(al.dpo_loss_grad(pc, pr, rc, rr, beta), fd, strict=True):
        assert_allclose(ours, expected, rtol=1e-6, atol=1e-10)
    chosen, rejected = al.dpo_implicit_rewards(pc, pr, rc, rr, beta)
    assert_allclose(al.dpo_loss(pc, pr, rc, rr, beta), al.bt_loss(chosen, rejected), rtol=1e-12)


def test_dpo_at_the_reference_is_log_2_and_stable_far_away():
    x = -np.arange(1.0, 6.0)
    assert_allclose(al.dpo_loss(x, x, x, x, 0.1), np.log(2), rtol=1e-12)
    huge = np.array([-1e4])
    assert np.isfinite(al.dpo_loss(huge, np.array([0.0]), np.array([0.0]), np.array([0.0]), 1.0))


@pytest.mark.parametrize(("fn", "args"), [
    (al.bt_loss, ([1.0, 2.0], [1.0])),
    (al.bt_probability, ([], [])),
    (al.dpo_loss, ([1.0], [1.0], [1.0], [1.0], 0.0)),
    (al.dpo_loss, ([1.0, 2.0], [1.0], [1.0], [1.0], 0.1)),
    (al.dpo_loss_grad, ([1.0], [1.0], [1.0], [1.0], -1.0)),
    (al.fit_reward_model, (np.ones((3, 2)), np.ones((3, 3)))),
    (al.fit_reward_model, (np.ones((3, 2)), np.ones((3, 2)), 0.0)),
    (al.synthetic_preferences, (0, [1.0])),
])
def test_invalid_input(fn, args):
    with pytest.raises(ValueError):
        fn(*args)
