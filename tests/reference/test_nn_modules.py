"""groundup.nn modules and groundup.optim against torch.nn and torch.optim.

Modules: the same weights (a PyTorch ``state_dict`` loaded into ours) give the same outputs
and gradients (:func:`torch_compare.compare_module_with_torch`). Optimisers: from the same
start, five steps on the same loss give the same parameters after every step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from torch_compare import compare_module_with_torch

import groundup.nn as gnn
import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup import optim
from groundup.nn import Tensor, no_grad

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _torch() -> Any:
    return pytest.importorskip("torch")


def _mlp_pair(seed: int = 0) -> tuple[gnn.Sequential, Any]:
    torch = _torch()
    torch.manual_seed(seed)
    tnn = torch.nn
    theirs = tnn.Sequential(tnn.Linear(3, 5), tnn.Tanh(), tnn.Linear(5, 4), tnn.ReLU(),
                            tnn.Linear(4, 2), tnn.Sigmoid()).double()
    ours = gnn.Sequential(gnn.Linear(3, 5), gnn.Tanh(), gnn.Linear(5, 4), gnn.ReLU(),
                          gnn.Linear(4, 2), gnn.Sigmoid())
    for p in ours.parameters():  # float64 like the torch model, so tolerances can be tight
        p.data = p.data.astype(np.float64)
    return ours, theirs


X = np.random.default_rng(0).normal(size=(6, 3))


def test_linear_matches_torch() -> None:
    torch = _torch()
    torch.manual_seed(0)
    compare_module_with_torch(gnn.Linear(3, 4, dtype=np.float64),
                              torch.nn.Linear(3, 4, dtype=torch.float64), X, name="Linear")
    compare_module_with_torch(gnn.Linear(3, 4, bias=False, dtype=np.float64),
                              torch.nn.Linear(3, 4, bias=False, dtype=torch.float64),
                              np.random.default_rng(1).normal(size=(2, 5, 3)),
                              name="Linear, no bias, batched")


def test_sequential_mlp_matches_torch() -> None:
    ours, theirs = _mlp_pair()
    compare_module_with_torch(ours, theirs, X, name="MLP")


@pytest.mark.parametrize("name", ["ReLU", "Sigmoid", "Tanh", "GELU", "Flatten"])
def test_parameterless_layers_match_torch(name: str) -> None:
    torch = _torch()
    x = np.random.default_rng(2).normal(size=(2, 3, 4))
    compare_module_with_torch(getattr(gnn, name)(), getattr(torch.nn, name)(), x, name=name)


def test_gelu_tanh_and_flatten_arguments_match_torch() -> None:
    torch = _torch()
    x = np.random.default_rng(3).normal(size=(2, 3, 4, 2))
    compare_module_with_torch(gnn.GELU("tanh"), torch.nn.GELU("tanh"), x, name="GELU tanh")
    compare_module_with_torch(gnn.Flatten(0, 2), torch.nn.Flatten(0, 2), x, name="Flatten 0..2")


def test_state_dict_keys_and_shapes_are_pytorchs() -> None:
    ours, theirs = _mlp_pair()
    ref = theirs.state_dict()
    state = ours.state_dict()
    assert list(state) == list(ref)
    assert all(state[k].shape == tuple(ref[k].shape) for k in ref)
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]


def test_state_dict_round_trip_and_errors() -> None:
    a, b = gnn.Linear(3, 2, rng=0), gnn.Linear(3, 2, rng=1)
    state = a.state_dict()
    state["weight"][0, 0] = 99.0  # a copy: the model is unchanged
    assert a.weight.data[0, 0] != 99.0
    b.load_state_dict(a.state_dict())
    np.testing.assert_array_equal(b.weight.data, a.weight.data)
    assert b.weight.dtype == np.float32
    with pytest.raises(ValueError, match=r"missing keys \['bias'\]"):
        b.load_state_dict({"weight": np.zeros((2, 3))})
    with pytest.raises(ValueError, match=r"unexpected keys \['extra'\]"):
        b.load_state_dict({**a.state_dict(), "extra": np.zeros(1)})
    with pytest.raises(ValueError, match=r"'weight' has shape \(3, 2\)"):
        b.load_state_dict({"weight": np.zeros((3, 2)), "bias": np.zeros(2)})
    b.load_state_dict({"bias": np.ones(2)}, strict=False)
    np.testing.assert_array_equal(b.bias.data if b.bias is not None else None, np.ones(2))


def test_linear_initialisation_is_pytorchs_distribution() -> None:
    layer = gnn.Linear(100, 300, rng=0)
    k = 1 / np.sqrt(100)
    w = layer.weight.data
    assert layer.weight.shape == (300, 100) and layer.weight.dtype == np.float32
    assert np.abs(w).max() <= k and np.abs(w).max() > 0.99 * k
    assert abs(w.std() - k / np.sqrt(3)) < 0.01 * k  # the std of U(-k, k)
    assert layer.bias is not None and np.abs(layer.bias.data).max() <= k
    np.testing.assert_array_equal(gnn.Linear(100, 300, rng=0).weight.data, w)  # seeded


def test_train_eval_and_dropout() -> None:
    model = gnn.Sequential(gnn.Linear(4, 8, rng=0), gnn.Dropout(0.5, rng=0), gnn.ReLU())
    assert model.training and all(m.training for m in model.modules())
    x = Tensor(np.ones((3, 4)))
    a, b = model(x).data, model(x).data
    assert not np.array_equal(a, b)  # a new mask each call
    assert model.eval() is model and not any(m.training for m in model.modules())
    np.testing.assert_array_equal(model(x).data, model(x).data)
    with no_grad():
        ref = model[0](x).relu().data
    np.testing.assert_array_equal(model(x).data, ref)
    model.train()
    assert model[1].training
    with pytest.raises(ValueError, match="dropout probability"):
        gnn.Dropout(2.0)


def test_module_bookkeeping() -> None:
    model = gnn.Sequential(gnn.Linear(2, 3, rng=0), gnn.Tanh(), gnn.Linear(3, 1, rng=1))
    assert len(model) == 3 and isinstance(model[2], gnn.Linear) and len(list(model)) == 3
    assert len(list(model.parameters())) == 4
    assert [n for n, _ in model.named_modules()] == ["", "0", "1", "2"]
    (model(Tensor(np.ones((5, 2)))) ** 2).mean().backward()
    assert all(p.grad is not None for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())
    assert "Linear(in_features=2, out_features=3, bias=True)" in repr(model)
    with pytest.raises(TypeError, match="Sequential takes Modules"):
        gnn.Sequential(gnn.ReLU(), lambda x: x)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="in_features"):
        gnn.Linear(0, 2)


def test_shared_layer_is_listed_once() -> None:
    shared = gnn.Linear(2, 2, rng=0)
    model = gnn.Sequential(shared, gnn.Tanh(), shared)
    assert [n for n, _ in model.named_parameters()] == ["0.weight", "0.bias"]


# -------------------------------------------------------------------------------------------
# optimisers: five steps, parameters compared after each

OPTIMISERS: dict[str, tuple[Callable[..., optim.Optimizer], Callable[..., Any], dict]] = {
    "SGD": (optim.SGD, lambda t: t.optim.SGD, {"lr": 0.1}),
    "SGD momentum": (optim.SGD, lambda t: t.optim.SGD, {"lr": 0.1, "momentum": 0.9}),
    "SGD momentum dampening weight_decay": (optim.SGD, lambda t: t.optim.SGD,
                                            {"lr": 0.05, "momentum": 0.8, "dampening": 0.3,
                                             "weight_decay": 0.01}),
    "SGD nesterov": (optim.SGD, lambda t: t.optim.SGD,
                     {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    "Adam": (optim.Adam, lambda t: t.optim.Adam, {"lr": 0.01}),
    "Adam weight_decay betas": (optim.Adam, lambda t: t.optim.Adam,
                                {"lr": 0.02, "betas": (0.8, 0.99), "weight_decay": 0.1}),
    "Adam amsgrad": (optim.Adam, lambda t: t.optim.Adam, {"lr": 0.01, "amsgrad": True}),
    "AdamW": (optim.AdamW, lambda t: t.optim.AdamW, {"lr": 0.01}),
    "AdamW weight_decay amsgrad": (optim.AdamW, lambda t: t.optim.AdamW,
                                   {"lr": 0.01, "weight_decay": 0.3, "amsgrad": True}),
}


@pytest.mark.parametrize("name", list(OPTIMISERS))
def test_optimiser_trajectory_matches_torch(name: str) -> None:
    torch = _torch()
    ours_cls, theirs_cls, kwargs = OPTIMISERS[name]
    ours, theirs = _mlp_pair(seed=1)
    ours.load_state_dict({k: v.numpy() for k, v in theirs.state_dict().items()})
    opt, ref_opt = ours_cls(ours.parameters(), **kwargs), theirs_cls(torch)(
        theirs.parameters(), **kwargs)
    y = np.random.default_rng(5).uniform(size=(6, 2))
    for step in range(5):
        loss = F.mse_loss(ours(Tensor(X)), Tensor(y))
        ref_loss = torch.nn.functional.mse_loss(theirs(torch.from_numpy(X)), torch.from_numpy(y))
        opt.zero_grad()
        ref_opt.zero_grad()
        loss.backward()
        ref_loss.backward()
        opt.step()
        ref_opt.step()
        np.testing.assert_allclose(loss.item(), ref_loss.item(), rtol=1e-9)
        ref = dict(theirs.named_parameters())
        for pname, p in ours.named_parameters():
            np.testing.assert_allclose(p.data, ref[pname].detach().numpy(), rtol=1e-9,
                                       atol=1e-12, err_msg=f"{name}: {pname} after step {step + 1}")


def test_parameters_without_gradient_are_skipped() -> None:
    a = Tensor(np.ones(2), requires_grad=True)
    b = Tensor(np.ones(2), requires_grad=True)
    opt = optim.Adam([a, b], lr=0.1)
    (a * 2).sum().backward()
    opt.step()
    np.testing.assert_array_equal(b.data, np.ones(2))
    assert not np.array_equal(a.data, np.ones(2))


def test_plain_sgd_by_hand() -> None:
    w = Tensor(np.array([1.0, -2.0]), requires_grad=True)
    opt = optim.SGD([w], lr=0.1, weight_decay=0.5)
    (w * w).sum().backward()
    opt.step()
    np.testing.assert_allclose(w.data, np.array([1.0, -2.0]) * (1 - 0.1 * (2 + 0.5)))


def test_optimiser_errors() -> None:
    w = Tensor(np.ones(2), requires_grad=True)
    with pytest.raises(ValueError, match="empty parameter list"):
        optim.SGD([], lr=0.1)
    with pytest.raises(TypeError, match="requires_grad"):
        optim.SGD([Tensor(np.ones(2))], lr=0.1)
    with pytest.raises(ValueError, match="lr must be in"):
        optim.SGD([w], lr=-1.0)
    with pytest.raises(ValueError, match="Nesterov"):
        optim.SGD([w], lr=0.1, nesterov=True)
    with pytest.raises(ValueError, match=r"betas\[1\] must be in \[0, 1\)"):
        optim.Adam([w], betas=(0.9, 1.0))


def test_sequential_and_adam_learn_xor() -> None:
    X_xor = Tensor(np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]))
    y = np.array([0, 1, 1, 0])
    model = gnn.Sequential(gnn.Linear(2, 16, rng=0), gnn.ReLU(), gnn.Linear(16, 2, rng=1))
    opt = optim.Adam(model.parameters(), lr=0.05)
    losses = []
    for _ in range(150):
        loss = F.cross_entropy(model(X_xor), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.05 * losses[0]
    model.eval()
    with no_grad():
        np.testing.assert_array_equal(model(X_xor).data.argmax(axis=1), y)


def test_buffers_of_nested_batchnorm_are_saved_loaded_and_match_torch():
    torch = pytest.importorskip("torch")
    from groundup.nn import BatchNorm1d

    rng = np.random.default_rng(3)
    from groundup.nn import Linear, ReLU, Sequential

    ours = Sequential(Linear(4, 3), BatchNorm1d(3), ReLU(), Linear(3, 2))
    ours.train()
    for _ in range(3):  # move the running statistics away from their start
        ours(Tensor(rng.normal(size=(8, 4)).astype(np.float32)))
    state = ours.state_dict()
    theirs = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.BatchNorm1d(3), torch.nn.ReLU(),
                                 torch.nn.Linear(3, 2))
    assert list(state) == list(theirs.state_dict())  # same keys, same order
    theirs.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in state.items()})
    ours.eval()
    theirs.eval()
    x = rng.normal(size=(5, 4)).astype(np.float32)
    np.testing.assert_allclose(ours(Tensor(x)).data, theirs(torch.from_numpy(x)).detach().numpy(),
                               rtol=1e-5, atol=1e-6)
    fresh = Sequential(Linear(4, 3), BatchNorm1d(3), ReLU(), Linear(3, 2))
    fresh.load_state_dict(state)
    np.testing.assert_array_equal(fresh[1].running_mean, state["1.running_mean"])
    assert int(fresh[1].num_batches_tracked) == 3
    with pytest.raises(ValueError, match="missing keys"):
        fresh.load_state_dict({k: v for k, v in state.items() if k != "1.running_var"})
