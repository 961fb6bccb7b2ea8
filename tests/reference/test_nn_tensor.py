"""groundup.nn.Tensor against PyTorch (where installed) and central differences (always).

Every operation is one row of ``OPS``: the groundup expression, the PyTorch expression and a
function that draws the inputs from a seeded generator. Each row runs twice: against torch
(:func:`torch_compare.compare_with_torch`: forward values, shape, dtype, then gradients) and
against central differences (:func:`torch_compare.check_gradients_fd`, no torch needed), the
latter skipped only where the function has a kink at the inputs (ties of ``max``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis.extra import numpy as hnp
from torch_compare import check_gradients_fd, compare_with_torch

import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn import Tensor, concat, is_grad_enabled, no_grad, stack
from groundup.nn.tensor import _unbroadcast

# An overflow or a division by zero inside the engine is a bug even where the result is right.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

Rng = np.random.Generator


def _torch() -> Any:
    return pytest.importorskip("torch")


def TF() -> Any:  # noqa: N802  (torch.nn.functional, imported lazily)
    return pytest.importorskip("torch.nn.functional")


def normal(*shape: int) -> Callable[[Rng], np.ndarray]:
    return lambda rng: rng.normal(size=shape)


def positive(*shape: int) -> Callable[[Rng], np.ndarray]:
    return lambda rng: rng.uniform(0.5, 2.0, size=shape)


def nonzero(*shape: int) -> Callable[[Rng], np.ndarray]:
    """Away from 0: for division and |x| (kinks and poles at 0)."""
    return lambda rng: rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.5, 2.0, size=shape)


def const(value: Any) -> Callable[[Rng], np.ndarray]:
    return lambda rng: np.asarray(value)


@dataclass
class Op:
    name: str
    ours: Callable[..., Tensor]
    theirs: Callable[..., Any] | None  # None: written the same way for torch
    inputs: list[Callable[[Rng], np.ndarray]]
    fd: bool = True  # False only where the inputs sit on a kink

    def arrays(self) -> list[np.ndarray]:
        rng = np.random.default_rng(0)
        return [make(rng) for make in self.inputs]


def _same(name: str, fn: Callable[..., Any], *inputs: Callable[[Rng], np.ndarray],
          fd: bool = True) -> Op:
    return Op(name, fn, None, list(inputs), fd)


IDX_COLS = np.array([[0, 2, 2], [1, 1, 0], [3, 0, 3]])  # repeated indices: gradients add up
TARGET = np.array([0, 3, 2, 3, 1])
TIES = np.array([[1.0, 3.0, 3.0, 0.5], [2.0, 2.0, -1.0, 2.0], [0.0, -4.0, 5.0, 5.0]])
MASK = np.array([[True, False, True, False], [False, False, True, True], [True, True, False,
                                                                          False]])

OPS: list[Op] = [
    # element-wise arithmetic, with broadcasting
    _same("add", lambda a, b: a + b, normal(2, 3), normal(2, 3)),
    _same("add broadcast (3,1,4)+(2,4)", lambda a, b: a + b, normal(3, 1, 4), normal(2, 4)),
    _same("sub broadcast (4,)-(3,1)", lambda a, b: a - b, normal(4), normal(3, 1)),
    _same("mul broadcast (3,1,4)*(2,4)", lambda a, b: a * b, normal(3, 1, 4), normal(2, 4)),
    _same("mul by 0-d tensor", lambda a, b: a * b, normal(2, 3), normal()),
    _same("mul (1,)*(5,)", lambda a, b: a * b, normal(1), normal(5)),
    _same("div broadcast", lambda a, b: a / b, normal(3, 1, 4), nonzero(2, 4)),
    _same("numbers on either side", lambda a: 2 - a * 3 + 1 / a - a / 4 + 5 * a - 1,
          nonzero(2, 3)),
    _same("neg", lambda a: -a, normal(2, 3)),
    _same("x used twice", lambda a: a * a + a, normal(3, 4)),
    _same("diamond", lambda a, b: (a * b) * (a + b), normal(3, 1), normal(1, 4)),
    _same("pow 3", lambda a: a**3, normal(2, 3)),
    _same("pow -2", lambda a: a**-2, nonzero(2, 3)),
    _same("pow 0.5", lambda a: a**0.5, positive(2, 3)),
    _same("pow 0", lambda a: a**0, normal(2, 3)),
    _same("2 ** x", lambda a: 2**a, normal(2, 3)),
    # matrix products
    _same("matmul (3,4)@(4,5)", lambda a, b: a @ b, normal(3, 4), normal(4, 5)),
    _same("matmul (4,)@(4,5)", lambda a, b: a @ b, normal(4), normal(4, 5)),
    _same("matmul (3,4)@(4,)", lambda a, b: a @ b, normal(3, 4), normal(4)),
    _same("matmul (4,)@(4,)", lambda a, b: a @ b, normal(4), normal(4)),
    _same("matmul batched (2,3,4)@(4,5)", lambda a, b: a @ b, normal(2, 3, 4), normal(4, 5)),
    _same("matmul broadcast batch (2,1,3,4)@(5,4,2)", lambda a, b: a @ b, normal(2, 1, 3, 4),
          normal(5, 4, 2)),
    _same("matmul (4,)@(2,4,3)", lambda a, b: a @ b, normal(4), normal(2, 4, 3)),
    _same("matmul (2,3,4)@(4,)", lambda a, b: a @ b, normal(2, 3, 4), normal(4)),
    # reductions
    _same("sum all", lambda a: a.sum(), normal(2, 3, 4)),
    Op("sum axis 1", lambda a: a.sum(axis=1), lambda a: a.sum(dim=1), [normal(2, 3, 4)]),
    Op("sum axis -1 keepdims", lambda a: a.sum(axis=-1, keepdims=True),
       lambda a: a.sum(dim=-1, keepdim=True), [normal(2, 3, 4)]),
    Op("sum axes (0,2)", lambda a: a.sum(axis=(0, 2)), lambda a: a.sum(dim=(0, 2)),
       [normal(2, 3, 4)]),
    Op("sum axes (0,2) keepdims", lambda a: a.sum(axis=(0, 2), keepdims=True),
       lambda a: a.sum(dim=(0, 2), keepdim=True), [normal(2, 3, 4)]),
    _same("mean all", lambda a: a.mean(), normal(2, 3, 4)),
    Op("mean axis 0", lambda a: a.mean(axis=0), lambda a: a.mean(dim=0), [normal(2, 3, 4)]),
    Op("mean axes (1,2) keepdims", lambda a: a.mean(axis=(1, 2), keepdims=True),
       lambda a: a.mean(dim=(1, 2), keepdim=True), [normal(2, 3, 4)]),
    Op("max all", lambda a: a.max(), lambda a: a.amax(), [normal(3, 4)]),
    Op("max axis 1", lambda a: a.max(axis=1), lambda a: a.amax(dim=1), [normal(3, 4)]),
    Op("max axis 0 keepdims", lambda a: a.max(axis=0, keepdims=True),
       lambda a: a.amax(dim=0, keepdim=True), [normal(3, 4)]),
    Op("max axes (0,2)", lambda a: a.max(axis=(0, 2)), lambda a: a.amax(dim=(0, 2)),
       [normal(2, 3, 4)]),
    Op("max ties share the gradient (amax)", lambda a: a.max(axis=1),
       lambda a: a.amax(dim=1), [const(TIES)], fd=False),
    Op("max ties, all axes", lambda a: a.max(), lambda a: a.amax(), [const(TIES)], fd=False),
    Op("min axis -1", lambda a: a.min(axis=-1), lambda a: a.amin(dim=-1), [normal(3, 4)]),
    # shapes
    _same("reshape", lambda a: a.reshape(4, 6), normal(2, 3, 4)),
    _same("reshape tuple with -1", lambda a: a.reshape((-1, 2)), normal(2, 3, 4)),
    _same("view", lambda a: a.view(6, 4), normal(2, 3, 4)),
    Op("flatten 1..", lambda a: a.flatten(1), lambda a: a.flatten(1), [normal(2, 3, 4)]),
    _same("unsqueeze", lambda a: a.unsqueeze(1) * 2, normal(2, 3)),
    _same("squeeze", lambda a: a.squeeze(1), normal(2, 1, 3)),
    _same("permute", lambda a: a.permute(2, 0, 1), normal(2, 3, 4)),
    _same("transpose", lambda a: a.transpose(0, 2), normal(2, 3, 4)),
    _same(".T of a matrix", lambda a: a.T @ a, normal(3, 2)),
    Op(".T reverses all axes", lambda a: a.T, lambda a: a.permute(2, 1, 0), [normal(2, 3, 4)]),
    # indexing
    _same("index int", lambda a: a[1], normal(3, 4)),
    _same("index negative int", lambda a: a[-1, 2], normal(3, 4)),
    _same("index slices", lambda a: a[:, 1:3], normal(3, 4)),
    _same("index None and ...", lambda a: a[..., None, 0], normal(2, 3, 4)),
    _same("index repeated rows", lambda a, i: a[i], normal(3, 4), const([0, 0, 2, 0])),
    _same("index 2-d integer array", lambda a, i: a[i], normal(3, 4), const([[0, 1], [1, 0]])),
    _same("index rows and columns", lambda a, i, j: a[i, j], normal(3, 4), const([0, 2, 0]),
          const([1, 1, 3])),
    _same("index boolean mask", lambda a, m: a[m], normal(3, 4), const(MASK)),
    Op("gather axis 1", lambda a, i: a.gather(1, i), lambda a, i: a.gather(1, i),
       [normal(3, 4), const(IDX_COLS)]),
    Op("gather axis 0", lambda a, i: a.gather(0, i), lambda a, i: a.gather(0, i),
       [normal(4, 3), const(IDX_COLS.T % 4)]),
    Op("gather smaller index", lambda a, i: a.gather(1, i), lambda a, i: a.gather(1, i),
       [normal(3, 4), const([[3], [0]])]),
    Op("gather 3-d", lambda a, i: a.gather(2, i), lambda a, i: a.gather(2, i),
       [normal(2, 3, 4), const(np.random.default_rng(1).integers(0, 4, size=(2, 3, 5)))]),
    # element-wise functions
    _same("exp", lambda a: a.exp(), normal(2, 3)),
    _same("log", lambda a: a.log(), positive(2, 3)),
    _same("sqrt", lambda a: a.sqrt(), positive(2, 3)),
    _same("abs", lambda a: a.abs(), nonzero(2, 3)),
    _same("tanh", lambda a: a.tanh(), normal(2, 3)),
    _same("sigmoid", lambda a: a.sigmoid(), normal(2, 3)),
    _same("sigmoid of large numbers", lambda a: a.sigmoid(),
          const([-800.0, -40.0, -1.0, 0.0, 1.0, 40.0, 800.0])),
    _same("relu", lambda a: a.relu(), normal(3, 4)),
    Op("relu at 0 has gradient 0", lambda a: a.relu(), lambda a: a.relu(),
       [const([-1.0, 0.0, 2.0])], fd=False),
    Op("gelu", lambda a: F.gelu(a), lambda a: TF().gelu(a), [normal(3, 4)]),
    Op("gelu tanh", lambda a: F.gelu(a, approximate="tanh"),
       lambda a: TF().gelu(a, approximate="tanh"), [normal(3, 4)]),
    Op("softmax", lambda a: F.softmax(a), lambda a: a.softmax(dim=-1), [normal(3, 5)]),
    Op("softmax axis 0", lambda a: F.softmax(a, axis=0), lambda a: a.softmax(dim=0),
       [normal(3, 5)]),
    Op("softmax of huge logits", lambda a: a.softmax(axis=-1), lambda a: a.softmax(dim=-1),
       [const([[1000.0, 999.0, -1000.0], [-5.0, 0.0, 5.0]])]),
    Op("log_softmax", lambda a: F.log_softmax(a, axis=1), lambda a: a.log_softmax(dim=1),
       [normal(2, 4, 3)]),
    Op("log_softmax of huge logits", lambda a: a.log_softmax(), lambda a: a.log_softmax(-1),
       [const([[0.0, 1000.0], [-1000.0, 1000.0]])]),
    # losses and layers
    Op("cross_entropy mean", lambda z, t: F.cross_entropy(z, t),
       lambda z, t: TF().cross_entropy(z, t), [normal(5, 4), const(TARGET)]),
    Op("cross_entropy sum", lambda z, t: F.cross_entropy(z, t, reduction="sum"),
       lambda z, t: TF().cross_entropy(z, t, reduction="sum"), [normal(5, 4), const(TARGET)]),
    Op("cross_entropy none", lambda z, t: F.cross_entropy(z, t, reduction="none"),
       lambda z, t: TF().cross_entropy(z, t, reduction="none"), [normal(5, 4), const(TARGET)]),
    Op("cross_entropy one example", lambda z, t: F.cross_entropy(z, t),
       lambda z, t: TF().cross_entropy(z, t), [normal(4), const(2)]),
    Op("cross_entropy (N,C,d)", lambda z, t: F.cross_entropy(z, t),
       lambda z, t: TF().cross_entropy(z, t),
       [normal(2, 4, 3), const([[0, 3, 1], [2, 2, 0]])]),
    Op("cross_entropy ignore_index", lambda z, t: F.cross_entropy(z, t, ignore_index=3),
       lambda z, t: TF().cross_entropy(z, t, ignore_index=3), [normal(5, 4), const(TARGET)]),
    Op("cross_entropy label_smoothing", lambda z, t: F.cross_entropy(z, t, label_smoothing=0.1),
       lambda z, t: TF().cross_entropy(z, t, label_smoothing=0.1),
       [normal(5, 4), const(TARGET)]),
    Op("cross_entropy smoothing + ignore + none",
       lambda z, t: F.cross_entropy(z, t, ignore_index=3, label_smoothing=0.2,
                                    reduction="none"),
       lambda z, t: TF().cross_entropy(z, t, ignore_index=3, label_smoothing=0.2,
                                       reduction="none"), [normal(5, 4), const(TARGET)]),
    Op("cross_entropy smoothing + ignore + mean",
       lambda z, t: F.cross_entropy(z, t, ignore_index=3, label_smoothing=0.2),
       lambda z, t: TF().cross_entropy(z, t, ignore_index=3, label_smoothing=0.2),
       [normal(5, 4), const(TARGET)]),
    Op("cross_entropy probabilities", lambda z, p: F.cross_entropy(z, p.softmax(axis=1)),
       lambda z, p: TF().cross_entropy(z, p.softmax(dim=1)), [normal(5, 4), normal(5, 4)]),
    Op("cross_entropy probabilities smoothed",
       lambda z, p: F.cross_entropy(z, p.softmax(axis=1), label_smoothing=0.3),
       lambda z, p: TF().cross_entropy(z, p.softmax(dim=1), label_smoothing=0.3),
       [normal(5, 4), normal(5, 4)]),
    Op("mse_loss", lambda a, b: F.mse_loss(a, b), lambda a, b: TF().mse_loss(a, b),
       [normal(3, 4), normal(3, 4)]),
    Op("mse_loss sum", lambda a, b: F.mse_loss(a, b, reduction="sum"),
       lambda a, b: TF().mse_loss(a, b, reduction="sum"), [normal(3, 4), normal(3, 4)]),
    Op("mse_loss none", lambda a, b: F.mse_loss(a, b, reduction="none"),
       lambda a, b: TF().mse_loss(a, b, reduction="none"), [normal(3, 4), normal(3, 4)]),
    Op("linear", lambda x, W, b: F.linear(x, W, b), lambda x, W, b: TF().linear(x, W, b),
       [normal(5, 3), normal(4, 3), normal(4)]),
    Op("linear batched, no bias", lambda x, W: F.linear(x, W), lambda x, W: TF().linear(x, W),
       [normal(2, 5, 3), normal(4, 3)]),
    Op("concat axis 0", lambda a, b, c: concat([a, b, c]), lambda a, b, c: _torch().cat([a, b, c]),
       [normal(2, 3), normal(1, 3), normal(4, 3)]),
    Op("concat axis -1", lambda a, b: concat([a, b], axis=-1),
       lambda a, b: _torch().cat([a, b], dim=-1), [normal(2, 3, 1), normal(2, 3, 4)]),
    Op("concat the same tensor twice", lambda a: concat([a, a * 2], axis=1),
       lambda a: _torch().cat([a, a * 2], dim=1), [normal(2, 3)]),
    Op("stack axis 0", lambda a, b: stack([a, b]), lambda a, b: _torch().stack([a, b]),
       [normal(2, 3), normal(2, 3)]),
    Op("stack axis -1", lambda a, b: stack([a, b], axis=-1),
       lambda a, b: _torch().stack([a, b], dim=-1), [normal(2, 3), normal(2, 3)]),
    # compositions
    Op("two-layer network", lambda x, W1, b1, W2: (F.linear(x, W1, b1).tanh() @ W2).softmax(),
       lambda x, W1, b1, W2: (TF().linear(x, W1, b1).tanh() @ W2).softmax(dim=-1),
       [normal(4, 3), normal(5, 3), normal(5), normal(5, 2)]),
    Op("attention-like", lambda q, k, v: ((q @ k.transpose(-2, -1)) / 2.0).softmax() @ v,
       lambda q, k, v: ((q @ k.transpose(-2, -1)) / 2.0).softmax(dim=-1) @ v,
       [normal(2, 3, 4), normal(2, 5, 4), normal(2, 5, 2)]),
    Op("layer-norm-like", lambda x: (x - x.mean(axis=-1, keepdims=True))
       / (((x - x.mean(axis=-1, keepdims=True)) ** 2).mean(axis=-1, keepdims=True) + 1e-5).sqrt(),
       lambda x: (x - x.mean(dim=-1, keepdim=True))
       / (((x - x.mean(dim=-1, keepdim=True)) ** 2).mean(dim=-1, keepdim=True) + 1e-5).sqrt(),
       [normal(3, 6)]),
]

IDS = [op.name for op in OPS]


@pytest.mark.parametrize("op", OPS, ids=IDS)
def test_against_torch(op: Op) -> None:
    compare_with_torch(op.ours, op.theirs or op.ours, *op.arrays(), name=op.name)


@pytest.mark.parametrize("op", [op for op in OPS if op.fd], ids=[op.name for op in OPS if op.fd])
def test_against_central_differences(op: Op) -> None:
    check_gradients_fd(op.ours, *op.arrays(), name=op.name)


FLOAT32_OPS = ["add broadcast (3,1,4)+(2,4)", "numbers on either side", "matmul batched (2,3,4)@(4,5)",
               "mean axes (1,2) keepdims", "max axis 1", "gather axis 1", "index repeated rows",
               "sigmoid of large numbers", "gelu", "gelu tanh", "log_softmax",
               "cross_entropy smoothing + ignore + mean", "linear", "concat axis -1",
               "layer-norm-like", "2 ** x"]


@pytest.mark.parametrize("name", FLOAT32_OPS)
def test_float32_stays_float32_and_matches_torch(name: str) -> None:
    op = next(op for op in OPS if op.name == name)
    compare_with_torch(op.ours, op.theirs or op.ours, *op.arrays(), dtype=np.float32,
                       name=op.name)


# -------------------------------------------------------------------------------------------
# functions that PyTorch computes the same way only in distribution, and central differences
# where torch has no equivalent


def test_negative_step_slices_and_bool_tensor_index_fd() -> None:
    check_gradients_fd(lambda a: a[::-1, ::2], np.random.default_rng(0).normal(size=(3, 4)))
    check_gradients_fd(lambda a: a[Tensor([2.0, 0.0, 2.0])],
                       np.random.default_rng(1).normal(size=(3, 2)))


def test_dropout_keeps_about_one_minus_p_and_scales() -> None:
    x = Tensor(np.ones((200, 50)), requires_grad=True)
    y = F.dropout(x, p=0.3, rng=0)
    kept = y.data != 0
    assert abs(kept.mean() - 0.7) < 0.02
    np.testing.assert_allclose(y.data[kept], 1 / 0.7)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, kept / 0.7)  # the same mask scales the gradient
    np.testing.assert_array_equal(F.dropout(x, 0.3, rng=0).data, y.data)  # seeded
    check_gradients_fd(lambda a: F.dropout(a, p=0.5, rng=3),
                       np.random.default_rng(0).normal(size=(3, 4)))


def test_dropout_off_in_evaluation_and_for_p_0_all_off_for_p_1() -> None:
    x = Tensor(np.arange(6.0).reshape(2, 3))
    assert F.dropout(x, 0.5, training=False) is x
    assert F.dropout(x, 0.0) is x
    np.testing.assert_array_equal(F.dropout(x, 1.0).data, np.zeros((2, 3)))


def test_dropout_matches_torch_in_distribution() -> None:
    torch = _torch()
    torch.manual_seed(0)
    ref = TF().dropout(torch.ones(20000, dtype=torch.float64), p=0.25)
    ours = F.dropout(Tensor(np.ones(20000)), p=0.25, rng=0)
    assert set(np.unique(ours.data).round(6)) == set(np.unique(ref.numpy()).round(6))
    assert abs((ours.data == 0).mean() - (ref.numpy() == 0).mean()) < 0.02


def test_functional_forms_match_methods() -> None:
    x = Tensor(np.random.default_rng(0).normal(size=(3, 4)))
    for f, m in [(F.relu, x.relu), (F.sigmoid, x.sigmoid), (F.tanh, x.tanh)]:
        np.testing.assert_array_equal(f(x).data, m().data)
    np.testing.assert_allclose(F.relu([-1.0, 2.0]).data, [0.0, 2.0])  # array-likes accepted


def test_log_softmax_never_takes_log_of_zero() -> None:
    out = Tensor([[0.0, 1000.0]], dtype=np.float64).log_softmax()
    np.testing.assert_allclose(out.data, [[-1000.0, 0.0]])
    z = Tensor(np.array([[1e4, 0.0, -1e4]]), requires_grad=True)
    loss = F.cross_entropy(z, [2])
    loss.backward()
    assert np.isfinite(loss.item()) and np.all(np.isfinite(z.grad))
    np.testing.assert_allclose(loss.item(), 2e4)


# -------------------------------------------------------------------------------------------
# the engine's behaviour


def test_float32_by_default_float64_kept() -> None:
    assert Tensor([1, 2, 3]).dtype == np.float32
    assert Tensor(3).dtype == np.float32
    assert Tensor(np.arange(3)).dtype == np.float32  # integers become float32
    assert Tensor(np.zeros(3)).dtype == np.float64
    assert Tensor(np.float64(2.0)).dtype == np.float64
    assert Tensor(np.zeros(3, dtype=np.float32)).dtype == np.float32
    assert Tensor([1, 2], dtype=np.float64).dtype == np.float64
    x = Tensor([1.0, 2.0], requires_grad=True)
    y = (2.5 * x + 1).exp().mean()  # Python numbers take the tensor's dtype
    assert y.dtype == np.float32
    y.backward()
    assert x.grad is not None and x.grad.dtype == np.float32


def test_data_is_copied_and_attributes() -> None:
    a = np.arange(6.0).reshape(2, 3)
    t = Tensor(a)
    a[0, 0] = 100.0
    assert t.data[0, 0] == 0.0
    assert t.shape == (2, 3) and t.ndim == 2 and t.size == 6 and t.numel() == 6 and len(t) == 2
    assert t.T.shape == (3, 2)
    assert t.numpy() is t.data
    assert t.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert Tensor([[7.0]]).item() == 7.0
    assert "requires_grad=True" in repr(Tensor([1.0], requires_grad=True))
    with pytest.raises(ValueError, match="one element"):
        t.item()
    with pytest.raises(TypeError, match="floating"):
        Tensor([1, 2], dtype=np.int64)
    with pytest.raises(TypeError, match="numbers"):
        Tensor("abc")


def test_ndarray_and_numpy_scalars_on_the_left() -> None:
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    y = np.array([3.0, 4.0]) * x + np.float64(1.0) - np.ones(2) @ x
    assert isinstance(y, Tensor)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [3.0 - 2.0, 4.0 - 2.0])


def test_no_grad_builds_no_graph() -> None:
    w = Tensor(np.ones(3), requires_grad=True)
    with no_grad():
        assert not is_grad_enabled()
        y = (w * 2).sum()
    assert is_grad_enabled()
    assert not y.requires_grad and y.is_leaf and y._parents == ()
    with pytest.raises(RuntimeError, match="does not require grad"):
        y.backward()

    @no_grad()
    def evaluate(t: Tensor) -> Tensor:
        return t * t

    assert not evaluate(w).requires_grad
    assert (w * 2).requires_grad  # enabled again after the decorated call


def test_nested_no_grad_restores_state() -> None:
    with no_grad():
        with no_grad():
            pass
        assert not is_grad_enabled()
    assert is_grad_enabled()


def test_constants_build_no_graph() -> None:
    a, b = Tensor(np.ones(2)), Tensor(np.ones(2))
    c = a * b + 1
    assert not c.requires_grad and c._parents == ()


def test_gradients_accumulate_across_backward_calls_until_zero_grad() -> None:
    x = Tensor(np.array([1.0, -2.0, 3.0]), requires_grad=True)
    y = (x * x).sum()
    y.backward()
    np.testing.assert_allclose(x.grad, 2 * x.data)
    y.backward()  # the same graph again: accumulates
    np.testing.assert_allclose(x.grad, 4 * x.data)
    (x * 3).sum().backward()  # a new graph: accumulates too
    np.testing.assert_allclose(x.grad, 4 * x.data + 3)
    x.zero_grad()
    assert x.grad is None
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.data)
    x.zero_grad(set_to_none=False)
    np.testing.assert_array_equal(x.grad, np.zeros(3))


def test_accumulation_matches_torch() -> None:
    torch = _torch()
    a = np.random.default_rng(0).normal(size=(2, 3))
    x, tx = Tensor(a, requires_grad=True), torch.tensor(a, requires_grad=True)
    for _ in range(2):
        (x.tanh() * x).sum().backward()
        (tx.tanh() * tx).sum().backward()
    np.testing.assert_allclose(x.grad, tx.grad.numpy())


def test_shared_subexpressions_accumulate() -> None:
    x = Tensor(np.array([0.5, -1.5]), requires_grad=True)
    h = x.tanh()  # used three times
    y = (h * h + h).sum()
    y.backward()
    t = np.tanh(x.data)
    np.testing.assert_allclose(x.grad, (2 * t + 1) * (1 - t**2))


def test_only_leaves_keep_grad_unless_retained() -> None:
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    h = x * 3
    k = x * 4
    k.retain_grad()
    (h * k).sum().backward()
    assert h.grad is None and not h.is_leaf
    np.testing.assert_allclose(k.grad, h.data)
    np.testing.assert_allclose(x.grad, 24 * x.data)


def test_detach_stops_the_gradient() -> None:
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    y = (x * x.detach()).sum()
    y.backward()
    np.testing.assert_allclose(x.grad, x.data)  # x.detach() is a constant
    assert not x.detach().requires_grad and np.shares_memory(x.detach().data, x.data)


def test_backward_needs_a_gradient_for_non_scalars() -> None:
    x = Tensor(np.ones((2, 2)), requires_grad=True)
    y = x * 2
    with pytest.raises(ValueError, match="one-element"):
        y.backward()
    with pytest.raises(ValueError, match="shape"):
        y.backward(np.ones(3))
    y.backward(np.full((2, 2), 0.5))
    np.testing.assert_allclose(x.grad, np.ones((2, 2)))


def test_deep_graphs_need_no_recursion() -> None:
    x = Tensor(np.array([1.0]), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [1.0001**5000])


def test_branch_not_reaching_the_output_gets_no_gradient() -> None:
    x = Tensor(np.ones(2), requires_grad=True)
    w = Tensor(np.ones(2), requires_grad=True)
    _unused = w * 2
    (x * 2).sum().backward()
    assert w.grad is None


def test_tiny_mlp_learns_xor() -> None:
    X = Tensor(np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]))
    y = np.array([0, 1, 1, 0])
    rng = np.random.default_rng(0)
    W1 = Tensor(rng.normal(scale=1.0, size=(8, 2)), requires_grad=True)
    b1 = Tensor(np.zeros(8), requires_grad=True)
    W2 = Tensor(rng.normal(scale=1.0, size=(2, 8)), requires_grad=True)
    b2 = Tensor(np.zeros(2), requires_grad=True)
    params = [W1, b1, W2, b2]
    losses = []
    for _ in range(300):
        logits = F.linear(F.linear(X, W1, b1).tanh(), W2, b2)  # (4, 2)
        loss = F.cross_entropy(logits, y)
        for p in params:
            p.zero_grad()
        loss.backward()
        with no_grad():
            for p in params:
                assert p.grad is not None
                p.data -= 0.5 * p.grad
        losses.append(loss.item())
    assert losses[-1] < 0.1 * losses[0]
    with no_grad():
        pred = F.linear(F.linear(X, W1, b1).tanh(), W2, b2).data.argmax(axis=1)
    np.testing.assert_array_equal(pred, y)


# -------------------------------------------------------------------------------------------
# broadcasting's backward: _unbroadcast


@settings(max_examples=40, deadline=None)
@given(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4, max_side=3))
def test_unbroadcast_sums_back_to_the_operand_shape(shapes: Any) -> None:
    (sa, sb), out_shape = shapes.input_shapes, shapes.result_shape
    g = np.random.default_rng(0).normal(size=out_shape)
    for s in (sa, sb):
        r = _unbroadcast(g, s)
        assert r.shape == s
        np.testing.assert_allclose(r.sum(), g.sum())  # every copy's gradient counted once
    a = Tensor(np.ones(sa), requires_grad=True)
    b = Tensor(np.ones(sb), requires_grad=True)
    (a * b).backward(g)
    assert a.grad is not None and a.grad.shape == sa
    assert b.grad is not None and b.grad.shape == sb


# -------------------------------------------------------------------------------------------
# invalid input: clear messages, never a deep NumPy traceback


def test_errors_say_what_is_wrong() -> None:
    a, b = Tensor(np.ones((2, 3))), Tensor(np.ones((4, 5)))
    with pytest.raises(ValueError, match=r"'@': shapes \(2, 3\) and \(4, 5\) do not match"):
        a @ b
    with pytest.raises(ValueError, match="batch axes"):
        Tensor(np.ones((2, 3, 4))) @ Tensor(np.ones((3, 4, 5)))
    with pytest.raises(ValueError, match="at least one axis"):
        Tensor(2.0) @ a
    with pytest.raises(ValueError, match=r"'\+': shapes \(2, 3\) and \(4, 5\) cannot be broadcast"):
        a + b
    with pytest.raises(ValueError, match="cannot reshape"):
        a.reshape(4, 2)
    with pytest.raises(ValueError, match="out of range"):
        a.sum(axis=2)
    with pytest.raises(ValueError, match="empty axis"):
        Tensor(np.ones((0, 3))).max(axis=0)
    with pytest.raises(ValueError, match="length 1"):
        a.squeeze(0)
    with pytest.raises(ValueError, match="each of the 2 axes"):
        a.permute(0, 0)
    with pytest.raises(ValueError, match="concat along axis 0"):
        concat([a, Tensor(np.ones((2, 4)))])
    with pytest.raises(ValueError, match="at least one tensor"):
        concat([])
    with pytest.raises(ValueError, match="stack: tensor 1 has shape"):
        stack([a, b])
    with pytest.raises(TypeError, match="exponent"):
        a ** Tensor(2.0)
    with pytest.raises(ValueError, match="positive number"):
        (-2) ** a
    with pytest.raises(ValueError, match="approximate"):
        a.gelu("erf")


def test_indexing_errors() -> None:
    a = Tensor(np.ones((2, 3)))
    with pytest.raises(IndexError, match="does not fit"):
        a[5]
    with pytest.raises(ValueError, match="as many axes"):
        a.gather(1, np.array([0, 1]))
    with pytest.raises(ValueError, match="larger than"):
        a.gather(1, np.zeros((3, 1), dtype=int))
    with pytest.raises(IndexError, match="index 3 is out of bounds"):
        a.gather(1, np.array([[0], [3]]))
    with pytest.raises(IndexError, match="out of bounds"):
        a.gather(1, np.array([[0], [-1]]))  # negative indices are out of bounds, as in torch
    with pytest.raises(TypeError, match="integer indices"):
        a.gather(1, np.array([[0.5], [1.0]]))


def test_loss_and_layer_errors() -> None:
    z = Tensor(np.zeros((3, 4)))
    with pytest.raises(ValueError, match=r"target must hold class indices of shape \(3,\)"):
        F.cross_entropy(z, [0, 1])
    with pytest.raises(IndexError, match="target 4 is out of bounds for 4 classes"):
        F.cross_entropy(z, [0, 4, 1])
    with pytest.raises(ValueError, match="reduction"):
        F.cross_entropy(z, [0, 1, 2], reduction="average")
    with pytest.raises(ValueError, match="label_smoothing"):
        F.cross_entropy(z, [0, 1, 2], label_smoothing=1.5)
    with pytest.raises(ValueError, match="class axis"):
        F.cross_entropy(Tensor(1.0), 0)
    with pytest.raises(ValueError, match=r"mse_loss: input shape \(3, 1\) and target shape \(3,\)"):
        F.mse_loss(Tensor(np.zeros((3, 1))), Tensor(np.zeros(3)))
    with pytest.raises(ValueError, match="in_features = 3"):
        F.linear(Tensor(np.zeros((2, 4))), Tensor(np.zeros((5, 3))))
    with pytest.raises(ValueError, match="bias must have shape"):
        F.linear(Tensor(np.zeros((2, 3))), Tensor(np.zeros((5, 3))), Tensor(np.zeros(3)))
    with pytest.raises(ValueError, match="dropout probability"):
        F.dropout(z, p=1.5)


def test_cross_entropy_all_ignored_is_nan_like_torch() -> None:
    torch = _torch()
    z = np.zeros((2, 3))
    ours = F.cross_entropy(Tensor(z), [-100, -100]).item()
    ref = TF().cross_entropy(torch.tensor(z), torch.tensor([-100, -100])).item()
    assert np.isnan(ours) and np.isnan(ref)
