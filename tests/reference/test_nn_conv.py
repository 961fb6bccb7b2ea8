"""groundup.nn.conv and groundup.nn.normalization against torch.nn (and central differences).

Every layer: forward values, shape and dtype, then the gradients with respect to the input and
the parameters, for stride / padding / non-square variants; ``state_dict`` round trips into the
torch layer; a small CNN whose weights load into the equivalent ``torch.nn.Sequential``. The
NumPy building blocks (the exercises' references) are checked against ``torch.nn.functional``
(``unfold``, ``fold``, ``conv2d``, ``max_pool2d(return_indices=True)``), NumPy and SciPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import signal
from torch_compare import check_gradients_fd, compare_module_with_torch, compare_with_torch

import groundup.nn as gnn
import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn import Tensor, conv, no_grad
from groundup.nn.normalization import BatchNorm1d, BatchNorm2d, LayerNorm

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _torch() -> Any:
    return pytest.importorskip("torch")


def _rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


# (input shape, weight shape, stride, padding)
CONV_CASES = [
    ((2, 3, 7, 7), (4, 3, 3, 3), 1, 0),
    ((2, 3, 7, 7), (4, 3, 3, 3), 1, 1),
    ((2, 2, 9, 8), (3, 2, 3, 3), 2, 1),
    ((1, 3, 6, 9), (2, 3, 2, 4), (2, 1), (1, 2)),   # non-square input, kernel, stride, padding
    ((3, 1, 5, 5), (2, 1, 5, 5), 1, 0),             # kernel as large as the image: 1x1 output
    ((2, 4, 4, 4), (5, 4, 1, 1), 1, 0),             # 1x1 convolution
]


# -------------------------------------------------------------------------------------------
# functional forms vs torch.nn.functional

@pytest.mark.parametrize(("xs", "ws", "stride", "padding"), CONV_CASES)
def test_conv2d_matches_torch(xs: tuple, ws: tuple, stride: Any, padding: Any) -> None:
    torch = _torch()
    rng = _rng(1)
    x, w, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    name = f"conv2d {xs} {ws} s={stride} p={padding}"
    compare_with_torch(lambda x, w, b: conv.conv2d(x, w, b, stride, padding),
                       lambda x, w, b: torch.nn.functional.conv2d(x, w, b, stride, padding),
                       x, w, b, name=name)
    compare_with_torch(lambda x, w: conv.conv2d(x, w, None, stride, padding),
                       lambda x, w: torch.nn.functional.conv2d(x, w, None, stride, padding),
                       x, w, name=name + " no bias")


def test_conv2d_float32_keeps_dtype() -> None:
    torch = _torch()
    rng = _rng(2)
    compare_with_torch(lambda x, w, b: conv.conv2d(x, w, b, 1, 1),
                       lambda x, w, b: torch.nn.functional.conv2d(x, w, b, 1, 1),
                       rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)),
                       rng.normal(size=4), dtype=np.float32, name="conv2d float32")


@pytest.mark.parametrize(("k", "s", "p"), [(2, None, 0), (3, 2, 1), ((2, 3), (1, 2), (1, 1)),
                                           (3, 1, 0)])
def test_max_pool2d_matches_torch(k: Any, s: Any, p: Any) -> None:
    torch = _torch()
    x = _rng(3).normal(size=(2, 3, 7, 8))
    compare_with_torch(lambda x: conv.max_pool2d(x, k, s, p),
                       lambda x: torch.nn.functional.max_pool2d(x, k, s, p), x,
                       name=f"max_pool2d k={k} s={s} p={p}")


def test_max_pool2d_ties_go_to_the_first_maximum_as_torch() -> None:
    torch = _torch()
    x = _rng(4).integers(0, 3, size=(2, 2, 6, 6)).astype(np.float64)  # many ties
    for k, s in ((2, 2), (3, 1), (2, 1)):
        compare_with_torch(lambda x, k=k, s=s: conv.max_pool2d(x, k, s),
                           lambda x, k=k, s=s: torch.nn.functional.max_pool2d(x, k, s), x,
                           name=f"ties k={k} s={s}")


@pytest.mark.parametrize(("k", "s", "p", "include"), [(2, None, 0, True), (3, 2, 1, True),
                                                      (3, 2, 1, False), ((2, 3), 1, (1, 0), False)])
def test_avg_pool2d_matches_torch(k: Any, s: Any, p: Any, include: bool) -> None:
    torch = _torch()
    x = _rng(5).normal(size=(2, 3, 7, 6))
    compare_with_torch(lambda x: conv.avg_pool2d(x, k, s, p, include),
                       lambda x: torch.nn.functional.avg_pool2d(x, k, s, p,
                                                                count_include_pad=include),
                       x, name=f"avg_pool2d k={k} s={s} p={p} include_pad={include}")


def test_conv_and_pooling_gradients_match_central_differences() -> None:
    rng = _rng(6)
    x, w, b = rng.normal(size=(2, 2, 5, 4)), rng.normal(size=(3, 2, 3, 2)), rng.normal(size=3)
    check_gradients_fd(lambda x, w, b: conv.conv2d(x, w, b, (2, 1), 1), x, w, b, name="conv2d")
    # distinct values: max pooling is differentiable away from ties
    xp = rng.permutation(60).reshape(1, 3, 5, 4).astype(np.float64) / 7
    check_gradients_fd(lambda x: conv.max_pool2d(x, 2, 1, 1), xp, name="max_pool2d")
    check_gradients_fd(lambda x: conv.avg_pool2d(x, 3, 2, 1, False), x, name="avg_pool2d")


# -------------------------------------------------------------------------------------------
# NumPy building blocks (references of the exercises)

@pytest.mark.parametrize(("xs", "ws", "stride", "padding"), CONV_CASES)
def test_numpy_conv_blocks_match_torch(xs: tuple, ws: tuple, stride: Any, padding: Any) -> None:
    torch = _torch()
    tf = torch.nn.functional
    rng = _rng(7)
    x, w, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    k = ws[2:]
    cols = conv.im2col(x, k, stride, padding)
    ref_cols = tf.unfold(torch.tensor(x), k, padding=padding, stride=stride).numpy()
    np.testing.assert_allclose(cols, ref_cols, err_msg="im2col vs unfold")
    g = rng.normal(size=cols.shape)
    np.testing.assert_allclose(
        conv.col2im(g, xs, k, stride, padding),
        tf.fold(torch.tensor(g), xs[2:], k, padding=padding, stride=stride).numpy(),
        rtol=1e-12, atol=1e-12, err_msg="col2im vs fold")

    xt, wt = torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True)
    bt = torch.tensor(b, requires_grad=True)
    out_t = tf.conv2d(xt, wt, bt, stride, padding)
    out = conv.conv2d_numpy(x, w, b, stride, padding)
    np.testing.assert_allclose(out, out_t.detach().numpy(), rtol=1e-10, atol=1e-12)
    go = rng.normal(size=out.shape)
    out_t.backward(torch.tensor(go))
    gx, gw, gb = conv.conv2d_backward_numpy(x, w, go, stride, padding)
    for ours, ref, what in ((gx, xt.grad, "x"), (gw, wt.grad, "weight"), (gb, bt.grad, "bias")):
        np.testing.assert_allclose(ours, ref.numpy(), rtol=1e-10, atol=1e-12,
                                   err_msg=f"conv2d_backward_numpy: grad {what}")


def test_numpy_max_pool_matches_torch_indices_and_backward() -> None:
    torch = _torch()
    rng = _rng(8)
    for x, k, s, p in ((rng.normal(size=(2, 3, 6, 7)), 2, None, 0),
                       (rng.integers(0, 3, size=(2, 2, 7, 7)).astype(float), 3, 2, 1),
                       (rng.normal(size=(1, 2, 5, 8)), (2, 3), (1, 2), 0)):
        xt = torch.tensor(x, requires_grad=True)
        out_t, idx_t = torch.nn.functional.max_pool2d(xt, k, s, p, return_indices=True)
        out, idx = conv.max_pool2d_numpy(x, k, s, p)
        np.testing.assert_array_equal(out, out_t.detach().numpy())
        np.testing.assert_array_equal(idx, idx_t.numpy())
        g = rng.normal(size=out.shape)
        out_t.backward(torch.tensor(g))
        np.testing.assert_allclose(conv.max_pool2d_backward_numpy(g, idx, x.shape),
                                   xt.grad.numpy(), rtol=1e-12)


def test_output_size_pad_and_correlate() -> None:
    for n, k, s, p in ((28, 5, 1, 0), (28, 3, 1, 1), (7, 3, 2, 0), (8, 3, 2, 1), (5, 5, 1, 0),
                       (1, 3, 1, 1), (10, 4, 3, 2)):
        expected = np.lib.stride_tricks.sliding_window_view(np.zeros(n + 2 * p), k)[::s].shape[0]
        assert conv.output_size(n, k, s, p) == expected, (n, k, s, p)
    x = _rng(9).normal(size=(2, 3, 4, 5))
    np.testing.assert_array_equal(conv.pad2d(x, 2), np.pad(x, ((0, 0), (0, 0), (2, 2), (2, 2))))
    np.testing.assert_array_equal(conv.pad2d(x, (1, 0)),
                                  np.pad(x, ((0, 0), (0, 0), (1, 1), (0, 0))))
    img, ker = _rng(10).normal(size=(7, 6)), _rng(11).normal(size=(3, 2))
    np.testing.assert_allclose(conv.correlate2d(img, ker),
                               signal.correlate2d(img, ker, mode="valid"), rtol=1e-12)


@pytest.mark.parametrize(("call", "match"), [
    (lambda: conv.output_size(4, 6), "larger than"),
    (lambda: conv.output_size(4, 3, stride=0), "stride"),
    (lambda: conv.output_size(4, 3, padding=-1), "padding"),
    (lambda: conv.conv2d_numpy(np.ones((1, 2, 5, 5)), np.ones((3, 1, 3, 3))), "channels"),
    (lambda: conv.conv2d_numpy(np.ones((2, 5, 5)), np.ones((3, 2, 3, 3))), "shape"),
    (lambda: conv.conv2d_numpy(np.ones((1, 2, 2, 2)), np.ones((3, 2, 3, 3))), "larger"),
    (lambda: conv.conv2d(Tensor(np.ones((1, 2, 5, 5))), Tensor(np.ones((3, 2, 3, 3))),
                         Tensor(np.ones(2))), "bias"),
    (lambda: conv.max_pool2d(Tensor(np.ones((1, 1, 4, 4))), 2, padding=2), "half"),
    (lambda: conv.max_pool2d(Tensor(np.ones((1, 4, 4))), 2), "shape"),
    (lambda: conv.max_pool2d_backward_numpy(np.ones((1, 1, 2, 2)),
                                            np.full((1, 1, 2, 2), 99), (1, 1, 4, 4)), "indices"),
    (lambda: gnn.Conv2d(0, 3, 3), "in_channels"),
    (lambda: gnn.Conv2d(1, 3, (3, 3, 3)), "kernel_size"),
    (lambda: BatchNorm2d(3)(Tensor(np.ones((2, 4, 3, 3)))), "channels"),
    (lambda: BatchNorm1d(3)(Tensor(np.ones((1, 3)))), "more than 1 value"),
    (lambda: LayerNorm(4)(Tensor(np.ones((2, 3)))), "last axes"),
    (lambda: BatchNorm1d(3, momentum=2.0), "momentum"),
])
def test_invalid_input_raises_value_error(call: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


# -------------------------------------------------------------------------------------------
# layers vs torch.nn

def _conv_pair(torch: Any, *args: Any, **kwargs: Any) -> tuple[gnn.Conv2d, Any]:
    ours = gnn.Conv2d(*args, dtype=np.float64, **kwargs)
    theirs = torch.nn.Conv2d(*args, dtype=torch.float64, **kwargs)
    return ours, theirs


@pytest.mark.parametrize(("args", "kwargs", "xs"), [
    ((3, 4, 3), {}, (2, 3, 6, 6)),
    ((3, 4, 3), {"stride": 2, "padding": 1, "bias": False}, (2, 3, 7, 5)),
    ((2, 3, (2, 3)), {"stride": (1, 2), "padding": (1, 0)}, (1, 2, 5, 7)),
])
def test_conv2d_layer_matches_torch(args: tuple, kwargs: dict, xs: tuple) -> None:
    torch = _torch()
    torch.manual_seed(0)
    ours, theirs = _conv_pair(torch, *args, **kwargs)
    assert ours.weight.shape == tuple(theirs.weight.shape)
    compare_module_with_torch(ours, theirs, _rng(12).normal(size=xs), name=f"Conv2d{args}")


@pytest.mark.parametrize("name", ["MaxPool2d", "AvgPool2d"])
def test_pooling_layers_match_torch(name: str) -> None:
    torch = _torch()
    x = _rng(13).normal(size=(2, 3, 7, 7))
    for args in ((2,), (3, 2, 1)):
        compare_module_with_torch(getattr(gnn, name)(*args), getattr(torch.nn, name)(*args), x,
                                  name=f"{name}{args}")


def test_conv2d_init_is_pytorchs_distribution() -> None:
    layer = gnn.Conv2d(8, 16, 3, rng=0)
    bound = 1 / np.sqrt(8 * 3 * 3)
    w = layer.weight.data
    assert w.dtype == np.float32 and w.shape == (16, 8, 3, 3)
    assert np.abs(w).max() <= bound and np.abs(layer.bias.data).max() <= bound  # type: ignore[union-attr]
    # U(-b, b) has standard deviation b / sqrt(3)
    assert abs(w.std() - bound / np.sqrt(3)) < 0.05 * bound
    assert abs(w.mean()) < 0.05 * bound


def test_conv2d_state_dict_round_trip_with_torch() -> None:
    torch = _torch()
    ours = gnn.Conv2d(3, 5, (3, 2), stride=2, padding=1, rng=1)
    theirs = torch.nn.Conv2d(3, 5, (3, 2), stride=2, padding=1)
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    x = _rng(14).normal(size=(2, 3, 6, 6)).astype(np.float32)
    with no_grad():
        np.testing.assert_allclose(ours(Tensor(x)).data,
                                   theirs(torch.from_numpy(x)).detach().numpy(), rtol=1e-5,
                                   atol=1e-6)
    back = gnn.Conv2d(3, 5, (3, 2), stride=2, padding=1, rng=2)
    back.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    for k, v in ours.state_dict().items():
        np.testing.assert_array_equal(back.state_dict()[k], v)


def test_small_cnn_weights_load_into_torch_sequential() -> None:
    torch = _torch()
    tnn = torch.nn
    ours = gnn.Sequential(gnn.Conv2d(1, 4, 3, padding=1, rng=0), gnn.ReLU(), gnn.MaxPool2d(2),
                          gnn.Conv2d(4, 6, 3, rng=1), gnn.ReLU(), gnn.Flatten(),
                          gnn.Linear(6 * 2 * 2, 10, rng=2))
    theirs = tnn.Sequential(tnn.Conv2d(1, 4, 3, padding=1), tnn.ReLU(), tnn.MaxPool2d(2),
                            tnn.Conv2d(4, 6, 3), tnn.ReLU(), tnn.Flatten(), tnn.Linear(24, 10))
    state = ours.state_dict()
    assert list(state) == list(theirs.state_dict())
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
    x = _rng(15).normal(size=(5, 1, 8, 8)).astype(np.float32)
    with no_grad():
        np.testing.assert_allclose(ours(Tensor(x)).data,
                                   theirs(torch.from_numpy(x)).detach().numpy(), rtol=1e-4,
                                   atol=1e-5)
    # and the gradients of a loss, in float64
    for p in ours.parameters():
        p.data = p.data.astype(np.float64)
    compare_module_with_torch(ours, theirs.double(), x.astype(np.float64), name="small CNN")
    loss = F.cross_entropy(ours(Tensor(x.astype(np.float64))), np.arange(5))
    assert np.isfinite(loss.item())


# -------------------------------------------------------------------------------------------
# normalisation layers

def _bn_pair(torch: Any, cls: str, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
    ours = getattr(gnn, cls)(*args, dtype=np.float64, **kwargs)
    theirs = getattr(torch.nn, cls)(*args, dtype=torch.float64, **kwargs)
    return ours, theirs


@pytest.mark.parametrize(("cls", "xs", "kwargs"), [
    ("BatchNorm1d", (8, 3), {}),
    ("BatchNorm1d", (4, 3, 5), {"momentum": 0.3}),
    ("BatchNorm2d", (4, 3, 5, 6), {}),
    ("BatchNorm2d", (2, 3, 4, 4), {"affine": False}),
    ("BatchNorm2d", (2, 3, 4, 4), {"momentum": None, "eps": 1e-3}),
    ("BatchNorm2d", (2, 3, 4, 4), {"track_running_stats": False}),
])
def test_batch_norm_matches_torch_in_training_and_eval(cls: str, xs: tuple,
                                                      kwargs: dict) -> None:
    torch = _torch()
    torch.manual_seed(0)
    ours, theirs = _bn_pair(torch, cls, xs[1], **kwargs)
    if kwargs.get("affine", True):  # non-trivial weight and bias
        with torch.no_grad():
            theirs.weight.uniform_(0.5, 1.5)
            theirs.bias.uniform_(-1, 1)
    rng = _rng(16)
    for step in range(3):  # the running statistics after several batches
        x = rng.normal(loc=step, scale=2.0, size=xs)
        compare_module_with_torch(ours, theirs, x, name=f"{cls}{kwargs} train step {step}")
    ref = {k: v.detach().numpy() for k, v in theirs.state_dict().items()}
    state = ours.state_dict()
    assert list(state) == list(ref)
    for k in ref:
        np.testing.assert_allclose(state[k], ref[k], rtol=1e-12, atol=1e-14, err_msg=k)
    ours.eval()
    theirs.eval()
    compare_module_with_torch(ours, theirs, rng.normal(size=xs), name=f"{cls}{kwargs} eval")


def test_batch_norm_state_dict_round_trip_with_torch() -> None:
    torch = _torch()
    ours = BatchNorm2d(3)
    rng = _rng(17)
    for _ in range(4):
        ours(Tensor(rng.normal(2.0, 3.0, size=(5, 3, 4, 4)).astype(np.float32)))
    state = ours.state_dict()
    assert list(state) == ["weight", "bias", "running_mean", "running_var",
                           "num_batches_tracked"]
    assert int(state["num_batches_tracked"]) == 4
    theirs = torch.nn.BatchNorm2d(3)
    theirs.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in state.items()})
    ours.eval()
    theirs.eval()
    x = rng.normal(size=(2, 3, 4, 4)).astype(np.float32)
    np.testing.assert_allclose(ours(Tensor(x)).data, theirs(torch.from_numpy(x)).detach().numpy(),
                               rtol=1e-5, atol=1e-5)
    back = BatchNorm2d(3)
    back.load_state_dict({k: v.numpy() for k, v in theirs.state_dict().items()})
    for k, v in state.items():
        np.testing.assert_allclose(back.state_dict()[k], v)


@pytest.mark.parametrize(("shape", "xs", "kwargs"), [
    (5, (3, 5), {}),
    ((4, 5), (2, 3, 4, 5), {}),
    (6, (2, 3, 6), {"elementwise_affine": False}),
    (6, (2, 3, 6), {"bias": False, "eps": 1e-3}),
])
def test_layer_norm_matches_torch(shape: Any, xs: tuple, kwargs: dict) -> None:
    torch = _torch()
    torch.manual_seed(0)
    ours = LayerNorm(shape, dtype=np.float64, **kwargs)
    theirs = torch.nn.LayerNorm(shape, dtype=torch.float64, **kwargs)
    if kwargs.get("elementwise_affine", True):
        with torch.no_grad():
            theirs.weight.uniform_(0.5, 1.5)
            if theirs.bias is not None:
                theirs.bias.uniform_(-1, 1)
    compare_module_with_torch(ours, theirs, _rng(18).normal(2.0, 3.0, size=xs),
                              name=f"LayerNorm{shape}{kwargs}")


def test_normalisation_gradients_match_central_differences() -> None:
    rng = _rng(19)
    bn = BatchNorm2d(2, dtype=np.float64)
    bn.weight.data = np.array([1.5, -0.5])  # type: ignore[union-attr]
    x = rng.normal(size=(3, 2, 2, 2))
    check_gradients_fd(lambda x: bn(x), x, name="BatchNorm2d")
    ln = LayerNorm(4, dtype=np.float64)
    ln.weight.data = rng.normal(size=4)  # type: ignore[union-attr]
    check_gradients_fd(lambda x: ln(x), rng.normal(size=(3, 4)), name="LayerNorm")


# -------------------------------------------------------------------------------------------
# training

def test_digits_cnn_learns_in_one_short_epoch() -> None:
    from groundup.nn.examples import train_digits_cnn

    model, history = train_digits_cnn(epochs=1, channels=(4, 8), progress=False)
    assert set(history) == {"loss", "train_acc", "test_acc"}
    assert history["test_acc"][0] > 0.3  # far above chance (0.1) after one epoch
    assert not model.training


@pytest.mark.slow
def test_digits_cnn_reaches_97_percent() -> None:
    from groundup.nn.examples import train_digits_cnn

    _, history = train_digits_cnn(seed=0, progress=False)
    assert history["test_acc"][-1] >= 0.97, history["test_acc"]
    assert history["loss"][-1] < history["loss"][0]
