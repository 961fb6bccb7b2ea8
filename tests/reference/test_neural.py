"""groundup.neural (NumPy) and groundup.neural_engine (groundup.nn) against PyTorch.

Activations and their derivatives against ``torch`` and ``torch.autograd``; the dense layer,
softmax cross-entropy and the 2-layer MLP's hand-written backward pass against autograd, and
against central differences where PyTorch is not needed; initialisers by their statistics
(and ``torch.nn.init``'s); the training loop by accuracy; the engine MLP by loading a
``torch.nn`` model's weights (:func:`torch_compare.compare_module_with_torch`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import special, stats
from sklearn.datasets import make_moons
from torch_compare import compare_module_with_torch

from groundup import neural
from groundup.neural_engine import EngineMLP, train_engine

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

RNG = np.random.default_rng(0)
X_ACT = np.concatenate([RNG.normal(size=50) * 4, [0.0, -1e-9, 2e-12, -40.0, 40.0, -800.0,
                                                  800.0]])
FUNCS = {"sigmoid": (neural.sigmoid, neural.sigmoid_grad),
         "tanh": (neural.tanh, neural.tanh_grad),
         "relu": (neural.relu, neural.relu_grad),
         "gelu": (neural.gelu, neural.gelu_grad)}


def _torch() -> Any:
    return pytest.importorskip("torch")


def _torch_fn(name: str) -> Any:
    torch = _torch()
    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
            "gelu": torch.nn.functional.gelu}[name]


def _fd(f: Any, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return (f(x + h) - f(x - h)) / (2 * h)


# -------------------------------------------------------------------------------------------
# Activations


@pytest.mark.parametrize("name", list(FUNCS))
def test_activation_matches_torch(name: str) -> None:
    torch = _torch()
    f, df = FUNCS[name]
    with np.errstate(over="raise", invalid="raise"):
        ours, grad = f(X_ACT), df(X_ACT)
    t = torch.tensor(X_ACT, requires_grad=True)
    out = _torch_fn(name)(t)
    out.sum().backward()
    assert ours.shape == X_ACT.shape and ours.dtype == np.float64
    assert_allclose(ours, out.detach().numpy(), rtol=1e-12, atol=1e-15, err_msg=name)
    assert_allclose(grad, t.grad.numpy(), rtol=1e-10, atol=1e-15, err_msg=f"{name}'")


def test_activations_match_scipy() -> None:
    assert_allclose(neural.sigmoid(X_ACT), special.expit(X_ACT), rtol=1e-15, atol=0)
    assert_allclose(neural.tanh(X_ACT), np.tanh(X_ACT), rtol=1e-15, atol=0)
    assert_allclose(neural.gelu(X_ACT), X_ACT * stats.norm.cdf(X_ACT), rtol=1e-13, atol=1e-300)
    assert neural.tanh(np.array([1e-300]))[0] == 1e-300  # tiny inputs keep every digit


@pytest.mark.parametrize("name", list(FUNCS))
def test_derivatives_match_central_differences(name: str) -> None:
    f, df = FUNCS[name]
    x = RNG.normal(size=40) * 3
    x = x[np.abs(x) > 1e-3]  # away from ReLU's kink
    assert_allclose(df(x), _fd(f, x), rtol=1e-6, atol=1e-9)
    assert neural.relu_grad(np.array([0.0]))[0] == 0.0  # PyTorch's choice at the kink


# -------------------------------------------------------------------------------------------
# A neuron, XOR, the vanishing gradient


@pytest.mark.parametrize("activation", neural.ACTIVATIONS)
def test_neuron_matches_torch_linear(activation: str) -> None:
    torch = _torch()
    X, w, b = RNG.normal(size=(7, 4)) * 5, RNG.normal(size=4), 0.3
    layer = torch.nn.Linear(4, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(w[None, :]))
        layer.bias.fill_(b)
    z = layer(torch.from_numpy(X))[:, 0]
    act = {"identity": lambda t: t, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
           "relu": torch.relu}[activation]
    assert_allclose(neural.neuron(X, w, b, activation), act(z).detach().numpy(), rtol=1e-12,
                    atol=1e-15)


@pytest.mark.parametrize(("args", "match"), [
    ((np.ones(3), np.ones(3), 0.0), "2-D"), ((np.ones((2, 3)), np.ones(2), 0.0), "features"),
    ((np.ones((2, 3)), np.ones(3), 0.0, "softmax"), "activation")])
def test_neuron_invalid(args: tuple[Any, ...], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        neural.neuron(*args)


def test_xor_weights_solve_xor() -> None:
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    p = neural.xor_forward(X, *neural.xor_weights())
    assert p.shape == (4, 1)
    assert_allclose(p[:, 0], [0, 1, 1, 0], atol=0.01)
    jitter = X + np.random.default_rng(1).uniform(-0.2, 0.2, size=(4, 2))
    assert ((neural.xor_forward(jitter, *neural.xor_weights())[:, 0] > 0.5) == [0, 1, 1, 0]).all()
    with pytest.raises(ValueError, match="W1"):
        neural.xor_forward(X, np.ones((3, 2)), np.ones(2), np.ones((1, 2)), np.ones(1))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_layer_gradient_norms_match_torch(activation: str) -> None:
    torch = _torch()
    X, W = RNG.normal(size=(5, 6)), RNG.normal(size=(8, 6, 6)) / np.sqrt(6)
    Ws = [torch.tensor(w, requires_grad=True) for w in W]
    H = torch.from_numpy(X)
    for w in Ws:
        H = _torch_fn(activation)(H @ w.T)
    H.sum().backward()
    expected = [float(torch.linalg.norm(w.grad)) for w in Ws]
    assert_allclose(neural.layer_gradient_norms(X, W, activation), expected, rtol=1e-10)


def test_layer_gradient_norms_central_differences() -> None:
    X, W = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3, 3))

    def loss(Ws: np.ndarray) -> float:
        H = X
        for w in Ws:
            H = neural.tanh(H @ w.T)
        return float(H.sum())

    fd_norms = []
    for layer in range(3):
        g = np.zeros((3, 3))
        for j in np.ndindex(3, 3):
            up, down = W.copy(), W.copy()
            up[layer][j] += 1e-6
            down[layer][j] -= 1e-6
            g[j] = (loss(up) - loss(down)) / 2e-6
        fd_norms.append(np.linalg.norm(g))
    assert_allclose(neural.layer_gradient_norms(X, W, "tanh"), fd_norms, rtol=1e-6)


def test_sigmoid_gradient_vanishes_relu_does_not() -> None:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(16, 32))
    sig = neural.layer_gradient_norms(X, rng.normal(size=(20, 32, 32)) / np.sqrt(32), "sigmoid")
    rel = neural.layer_gradient_norms(X, rng.normal(size=(20, 32, 32)) * np.sqrt(2 / 32), "relu")
    assert sig[0] < 1e-6 * sig[-1]
    assert 0.01 < rel[0] / rel[-1] < 100


def test_layer_gradient_norms_invalid() -> None:
    with pytest.raises(ValueError, match="activation"):
        neural.layer_gradient_norms(np.ones((2, 3)), np.ones((2, 3, 3)), "identity")
    with pytest.raises(ValueError, match="weights"):
        neural.layer_gradient_norms(np.ones((2, 3)), np.ones((2, 3, 4)), "relu")
    with pytest.raises(ValueError, match="X"):
        neural.layer_gradient_norms(np.ones((2, 4)), np.ones((2, 3, 3)), "relu")


# -------------------------------------------------------------------------------------------
# Dense layer, softmax cross-entropy, the 2-layer MLP


def test_dense_forward_matches_torch() -> None:
    torch = _torch()
    X, W, b = RNG.normal(size=(5, 3)), RNG.normal(size=(4, 3)), RNG.normal(size=4)
    ref = torch.nn.functional.linear(torch.from_numpy(X), torch.from_numpy(W),
                                     torch.from_numpy(b)).numpy()
    assert_allclose(neural.dense_forward(X, W, b), ref, rtol=1e-12)
    assert_allclose(neural.dense_forward(X, W), X @ W.T, rtol=1e-12)
    for bad in ((X, W.T, b), (X, W, b[:1]), (X[0], W, b)):
        with pytest.raises(ValueError):
            neural.dense_forward(*bad)


@pytest.mark.parametrize("scale", [1.0, 1000.0])
def test_softmax_cross_entropy_matches_torch(scale: float) -> None:
    torch = _torch()
    Z, y = RNG.normal(size=(6, 4)) * scale, RNG.integers(0, 4, size=6)
    with np.errstate(over="raise", invalid="raise"):
        loss, dZ = neural.softmax_cross_entropy(Z, y)
    t = torch.tensor(Z, requires_grad=True)
    ref = torch.nn.functional.cross_entropy(t, torch.from_numpy(y))
    ref.backward()
    assert_allclose(loss, float(ref.detach()), rtol=1e-12)
    assert_allclose(dZ, t.grad.numpy(), rtol=1e-10, atol=1e-15)


def test_softmax_cross_entropy_central_differences_and_invalid() -> None:
    Z, y = RNG.normal(size=(3, 4)), np.array([0, 3, 1])
    _, dZ = neural.softmax_cross_entropy(Z, y)
    for j in np.ndindex(Z.shape):
        up, down = Z.copy(), Z.copy()
        up[j] += 1e-6
        down[j] -= 1e-6
        fd = (neural.softmax_cross_entropy(up, y)[0] - neural.softmax_cross_entropy(down, y)[0])
        assert_allclose(dZ[j], fd / 2e-6, rtol=1e-5, atol=1e-9)
    for bad in ((Z, np.array([0, 4, 1])), (Z, y[:2]), (Z[0], y[:1]), (Z, np.array([0.5, 1, 1]))):
        with pytest.raises(ValueError):
            neural.softmax_cross_entropy(*bad)


def _mlp_case(seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(7, 3)), rng.integers(0, 4, size=7), rng.normal(size=(5, 3)),
            rng.normal(size=5), rng.normal(size=(4, 5)), rng.normal(size=4))


def test_mlp_forward_backward_matches_torch_autograd() -> None:
    torch = _torch()
    X, y, *params = _mlp_case(1)
    ts = [torch.tensor(p, requires_grad=True) for p in params]
    logits = torch.relu(torch.from_numpy(X) @ ts[0].T + ts[1]) @ ts[2].T + ts[3]
    ref = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y))
    ref.backward()
    loss, *grads = neural.mlp_forward_backward(X, y, *params)
    assert_allclose(loss, float(ref.detach()), rtol=1e-12)
    for name, g, t in zip(["W1", "b1", "W2", "b2"], grads, ts, strict=True):
        assert g.shape == tuple(t.shape), name
        assert_allclose(g, t.grad.numpy(), rtol=1e-10, atol=1e-14, err_msg=name)


def test_mlp_forward_backward_central_differences() -> None:
    X, y, *params = _mlp_case(2)
    _, *grads = neural.mlp_forward_backward(X, y, *params)
    for k, p in enumerate(params):
        for j in np.ndindex(p.shape):
            up = [q.copy() for q in params]
            down = [q.copy() for q in params]
            up[k][j] += 1e-6
            down[k][j] -= 1e-6
            fd = (neural.mlp_forward_backward(X, y, *up)[0]
                  - neural.mlp_forward_backward(X, y, *down)[0]) / 2e-6
            assert_allclose(grads[k][j], fd, rtol=1e-5, atol=1e-8)
    with pytest.raises(ValueError):
        neural.mlp_forward_backward(X, y, params[0], params[1], params[2][:, :4], params[3])


# -------------------------------------------------------------------------------------------
# Initialisation and training


def test_init_statistics_and_torch() -> None:
    torch = _torch()
    fan_in, fan_out = 400, 250
    xa = neural.xavier_uniform(fan_in, fan_out, np.random.default_rng(0))
    he = neural.he_normal(fan_in, fan_out, np.random.default_rng(0))
    assert xa.shape == he.shape == (fan_out, fan_in)
    t_xa = torch.nn.init.xavier_uniform_(torch.empty(fan_out, fan_in, dtype=torch.float64))
    t_he = torch.nn.init.kaiming_normal_(torch.empty(fan_out, fan_in, dtype=torch.float64),
                                         nonlinearity="relu")
    assert_allclose(xa.var(), t_xa.var().item(), rtol=0.03)
    assert_allclose(np.abs(xa).max(), t_xa.abs().max().item(), rtol=0.01)
    assert_allclose(he.var(), t_he.var().item(), rtol=0.03)
    assert_allclose(xa.var(), 2 / (fan_in + fan_out), rtol=0.02)
    assert_allclose(he.var(), 2 / fan_in, rtol=0.02)
    assert np.array_equal(xa, neural.xavier_uniform(fan_in, fan_out, np.random.default_rng(0)))
    with pytest.raises(ValueError):
        neural.he_normal(0, 3, np.random.default_rng(0))


def test_train_mlp_on_moons(capsys: pytest.CaptureFixture[str]) -> None:
    X, y = make_moons(400, noise=0.2, random_state=0)
    X_test, y_test = make_moons(400, noise=0.2, random_state=1)
    epochs: list[int] = []
    W1, b1, W2, b2, losses = neural.train_mlp(
        X, y, n_hidden=32, lr=0.5, num_epochs=60, batch_size=32, seed=0, verbose=True,
        callback=lambda epoch, params, loss: epochs.append(epoch))
    assert epochs == list(range(61))
    assert W1.shape == (32, 2) and W2.shape == (2, 32) and losses.shape == (60,)
    assert losses[-1] < 0.3 * losses[0]
    assert (neural.predict(X_test, W1, b1, W2, b2) == y_test).mean() > 0.93
    assert "epoch   60/60" in capsys.readouterr().err
    again = neural.train_mlp(X, y, 32, 0.5, 3, 32, seed=0)[4]
    assert_allclose(again, losses[:3], rtol=0, atol=0)  # same seed, same run
    with pytest.raises(ValueError):
        neural.train_mlp(X, y[:-1])
    with pytest.raises(ValueError):
        neural.train_mlp(X, y, batch_size=0)


def test_train_mlp_on_spirals() -> None:
    X, y = neural.make_spirals(100, 3, noise=0.2, seed=0)
    assert X.shape == (300, 2) and np.bincount(y).tolist() == [100, 100, 100]
    *params, _ = neural.train_mlp(X, y, n_hidden=64, lr=0.5, num_epochs=150, seed=0)
    assert (neural.predict(X, *params) == y).mean() > 0.9


# -------------------------------------------------------------------------------------------
# The engine MLP


def _torch_mlp(n_in: int, n_hidden: int, n_out: int) -> Any:
    torch = _torch()

    class Net(torch.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.fc1 = torch.nn.Linear(n_in, n_hidden, dtype=torch.float64)
            self.fc2 = torch.nn.Linear(n_hidden, n_out, dtype=torch.float64)

        def forward(self, x: Any) -> Any:
            return self.fc2(torch.relu(self.fc1(x)))

    torch.manual_seed(0)
    return Net()


def test_engine_mlp_matches_torch() -> None:
    ours = EngineMLP(3, 8, 4, dtype=np.float64)
    compare_module_with_torch(ours, _torch_mlp(3, 8, 4), RNG.normal(size=(6, 3)),
                              name="EngineMLP")


def test_train_engine_matches_torch_sgd() -> None:
    torch = _torch()
    theirs = _torch_mlp(2, 16, 2)
    ours = EngineMLP(2, 16, 2, dtype=np.float64)
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    X, y = make_moons(60, noise=0.2, random_state=5)
    losses = train_engine(ours, X, y, lr=0.5, num_epochs=20)
    opt = torch.optim.SGD(theirs.parameters(), lr=0.5)
    ref = []
    for _ in range(20):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(theirs(torch.from_numpy(X)), torch.from_numpy(y))
        loss.backward()
        opt.step()
        ref.append(loss.item())
    assert_allclose(losses, ref, rtol=1e-10)
    for k, v in theirs.state_dict().items():
        assert_allclose(ours.state_dict()[k], v.numpy(), rtol=1e-9, atol=1e-12, err_msg=k)
    assert losses[-1] < losses[0]
