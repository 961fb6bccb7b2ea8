"""groundup.nn recurrent layers, Embedding and gradient clipping against PyTorch (where
installed) and central differences (always); the NumPy by-hand functions against torch.

Layers: PyTorch's weights are loaded into ours and both run on the same float64 inputs; the
outputs, final states, and the gradients with respect to the inputs, the initial states and
every parameter are compared (:func:`torch_compare.compare_with_torch` on all outputs joined
into one vector, then each parameter's gradient by name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from torch_compare import check_gradients_fd, compare_with_torch

import groundup.nn as gnn
from groundup.nn import Tensor, concat
from groundup.nn.embedding import Embedding, embedding_grad, embedding_lookup
from groundup.nn.rnn import (
    LSTM,
    RNN,
    LSTMCell,
    RNNCell,
    clip_grad_norm,
    clip_grad_norm_,
    gradient_norms_through_time,
    lstm_cell,
    lstm_forward,
    lstm_sequence,
    rnn_bptt,
    rnn_cell_step,
    rnn_forward,
    rnn_sequence,
)
from groundup.nn.sequence_examples import (
    SequenceRegressor,
    adding_problem_data,
    lstm_vs_rnn,
    torch_sequence_regressor,
)

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

N, T, I, H = 3, 4, 3, 5  # noqa: E741


def _torch() -> Any:
    return pytest.importorskip("torch")


def _flat(*tensors: Any) -> Any:
    """All outputs as one vector (ours or torch's), so one upstream gradient covers them."""
    if isinstance(tensors[0], Tensor):
        return concat([t.reshape(-1) for t in tensors])
    torch = _torch()
    return torch.cat([t.reshape(-1) for t in tensors])


def _load_from_torch(ours: gnn.Module, theirs: Any) -> None:
    for p in ours.parameters():
        p.data = p.data.astype(np.float64)
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    assert list(ours.state_dict()) == list(theirs.state_dict())


def _compare_param_grads(ours: gnn.Module, theirs: Any, name: str) -> None:
    ref = dict(theirs.named_parameters())
    for pname, p in ours.named_parameters():
        assert p.grad is not None, f"[{name}] no gradient for {pname}"
        np.testing.assert_allclose(p.grad, ref[pname].grad.numpy(), rtol=1e-7, atol=1e-10,
                                   err_msg=f"[{name}] gradient of {pname}")


def _compare_layer(ours: gnn.Module, theirs: Any, arrays: list[np.ndarray],
                   run_ours: Callable[..., Tensor], run_theirs: Callable[..., Any],
                   name: str) -> None:
    _load_from_torch(ours, theirs)
    compare_with_torch(run_ours, run_theirs, *arrays, name=name)
    _compare_param_grads(ours, theirs, name)


# -------------------------------------------------------------------------------------------
# layers against torch


LAYERS = [(kind, layers, state, fused, bias)
          for kind in ("rnn-tanh", "rnn-relu", "lstm")
          for layers in (1, 2)
          for state in (False, True)
          for fused in (True, False)
          for bias in (True, False)
          if bias or (layers == 2 and state)]


@pytest.mark.parametrize(("kind", "layers", "state", "fused", "bias"), LAYERS)
def test_rnn_and_lstm_layers_match_torch(kind: str, layers: int, state: bool, fused: bool,
                                         bias: bool) -> None:
    torch = _torch()
    torch.manual_seed(layers)
    rng = np.random.default_rng(layers + 2 * state)
    x = rng.normal(size=(N, T, I))
    h0, c0 = rng.normal(size=(layers, N, H)), rng.normal(size=(layers, N, H))
    name = f"{kind}, {layers} layers, state={state}, fused={fused}, bias={bias}"
    if kind == "lstm":
        ours: gnn.Module = LSTM(I, H, num_layers=layers, bias=bias, fused=fused)
        theirs = torch.nn.LSTM(I, H, num_layers=layers, bias=bias, batch_first=True).double()

        def run(module: Any) -> Callable[..., Any]:
            def f(x: Any, h: Any = None, c: Any = None) -> Any:
                out, (h_n, c_n) = module(x, None if h is None else (h, c))
                return _flat(out, h_n, c_n)
            return f
        arrays = [x, h0, c0] if state else [x]
    else:
        nl = kind.split("-")[1]
        ours = RNN(I, H, num_layers=layers, nonlinearity=nl, bias=bias, fused=fused)
        theirs = torch.nn.RNN(I, H, num_layers=layers, nonlinearity=nl, bias=bias,
                              batch_first=True).double()

        def run(module: Any) -> Callable[..., Any]:
            def f(x: Any, h: Any = None) -> Any:
                out, h_n = module(x, h)
                return _flat(out, h_n)
            return f
        arrays = [x, h0] if state else [x]
    _compare_layer(ours, theirs, arrays, run(ours), run(theirs), name)


@pytest.mark.parametrize("kind", ["rnn", "lstm"])
def test_time_major_and_unbatched_inputs_match_torch(kind: str) -> None:
    torch = _torch()
    torch.manual_seed(3)
    rng = np.random.default_rng(3)
    x_tm = rng.normal(size=(T, N, I))  # (T, N, I): batch_first=False
    x_one = rng.normal(size=(T, I))  # one sequence, no batch axis
    ours_cls, theirs_cls = (RNN, torch.nn.RNN) if kind == "rnn" else (LSTM, torch.nn.LSTM)
    for batch_first, inp in ((False, x_tm), (True, x_one)):
        ours = ours_cls(I, H, num_layers=2, batch_first=batch_first)
        theirs = theirs_cls(I, H, num_layers=2, batch_first=batch_first).double()

        def run(module: Any) -> Callable[..., Any]:
            def f(x: Any) -> Any:
                out, state = module(x)
                return _flat(out, *(state if isinstance(state, tuple) else (state,)))
            return f
        _compare_layer(ours, theirs, [inp], run(ours), run(theirs),
                       f"{kind} batch_first={batch_first}, input {inp.shape}")


@pytest.mark.parametrize(("kind", "state", "bias"),
                         [("rnn-tanh", False, True), ("rnn-tanh", True, True),
                          ("rnn-relu", True, False), ("lstm", False, True),
                          ("lstm", True, True), ("lstm", True, False)])
def test_cells_match_torch(kind: str, state: bool, bias: bool) -> None:
    torch = _torch()
    torch.manual_seed(4)
    rng = np.random.default_rng(4)
    x, h, c = rng.normal(size=(N, I)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    if kind == "lstm":
        ours: gnn.Module = LSTMCell(I, H, bias=bias)
        theirs = torch.nn.LSTMCell(I, H, bias=bias).double()

        def run(module: Any) -> Callable[..., Any]:
            def f(x: Any, h: Any = None, c: Any = None) -> Any:
                return _flat(*module(x, None if h is None else (h, c)))
            return f
        arrays = [x, h, c] if state else [x]
    else:
        nl = kind.split("-")[1]
        ours = RNNCell(I, H, bias=bias, nonlinearity=nl)
        theirs = torch.nn.RNNCell(I, H, bias=bias, nonlinearity=nl).double()

        def run(module: Any) -> Callable[..., Any]:
            def f(x: Any, h: Any = None) -> Any:
                return module(x, h)
            return f
        arrays = [x, h] if state else [x]
    _compare_layer(ours, theirs, arrays, run(ours), run(theirs), f"{kind} cell, state={state}")


def test_unbatched_cells_match_torch() -> None:
    torch = _torch()
    torch.manual_seed(5)
    rng = np.random.default_rng(5)
    x, h, c = rng.normal(size=I), rng.normal(size=H), rng.normal(size=H)
    ours, theirs = LSTMCell(I, H), torch.nn.LSTMCell(I, H).double()
    _compare_layer(ours, theirs, [x, h, c], lambda x, h, c: _flat(*ours(x, (h, c))),
                   lambda x, h, c: _flat(*theirs(x, (h, c))), "unbatched LSTMCell")
    ours_r, theirs_r = RNNCell(I, H), torch.nn.RNNCell(I, H).double()
    _compare_layer(ours_r, theirs_r, [x, h], ours_r, theirs_r, "unbatched RNNCell")


def test_float32_layers_match_torch() -> None:
    torch = _torch()
    torch.manual_seed(6)
    x = np.random.default_rng(6).normal(size=(N, 7, I)).astype(np.float32)
    ours, theirs = LSTM(I, H, num_layers=2), torch.nn.LSTM(I, H, num_layers=2, batch_first=True)
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    out, (h_n, c_n) = ours(Tensor(x))
    ref, (rh, rc) = theirs(torch.from_numpy(x))
    assert out.dtype == np.float32 and h_n.dtype == np.float32
    for a, b in ((out, ref), (h_n, rh), (c_n, rc)):
        np.testing.assert_allclose(a.data, b.detach().numpy(), rtol=1e-4, atol=1e-5)


# -------------------------------------------------------------------------------------------
# central differences: no torch needed


def test_fused_sequences_match_central_differences() -> None:
    rng = np.random.default_rng(7)
    n, t, i, h = 2, 3, 2, 3
    x, h0, c0 = rng.normal(size=(n, t, i)), rng.normal(size=(n, h)), rng.normal(size=(n, h))
    for nl in ("tanh", "relu"):
        check_gradients_fd(lambda *a, nl=nl: rnn_sequence(*a, nonlinearity=nl), x, h0,
                           rng.normal(size=(h, i)), rng.normal(size=(h, h)) * 0.5,
                           rng.normal(size=h), rng.normal(size=h), name=f"rnn_sequence {nl}")
    check_gradients_fd(lstm_sequence, x, h0, c0, rng.normal(size=(4 * h, i)),
                       rng.normal(size=(4 * h, h)), rng.normal(size=4 * h),
                       rng.normal(size=4 * h), name="lstm_sequence")
    check_gradients_fd(lambda *a: lstm_sequence(*a), x, h0, c0, rng.normal(size=(4 * h, i)),
                       rng.normal(size=(4 * h, h)), name="lstm_sequence without biases")


def test_fused_and_unrolled_layers_agree() -> None:
    rng = np.random.default_rng(8)
    x = rng.normal(size=(N, 6, I))
    for cls in (RNN, LSTM):
        fused, unrolled = cls(I, H, num_layers=2, dtype=np.float64, rng=0), \
            cls(I, H, num_layers=2, dtype=np.float64, rng=0, fused=False)
        outs = []
        for model in (fused, unrolled):
            xt = Tensor(x, requires_grad=True)
            out, state = model(xt)
            last = state[1] if isinstance(state, tuple) else state
            (out.sum() + (last * last).sum()).backward()
            outs.append((out.data, xt.grad, [p.grad for p in model.parameters()]))
        np.testing.assert_allclose(outs[0][0], outs[1][0], rtol=1e-12)
        np.testing.assert_allclose(outs[0][1], outs[1][1], rtol=1e-10, atol=1e-12)
        for a, b in zip(outs[0][2], outs[1][2], strict=True):
            np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_embedding_matches_central_differences() -> None:
    emb = Embedding(6, 3, dtype=np.float64, rng=0)
    idx = np.array([[1, 4, 1], [0, 1, 5]])
    check_gradients_fd(lambda w: Tensor._make(w.data[idx], (w,), lambda g: (
        embedding_grad(idx, g, 6),), "lookup"), emb.weight.data, name="embedding_grad")


# -------------------------------------------------------------------------------------------
# state_dict into torch, and a whole model


def test_lstm_state_dict_loads_into_torch() -> None:
    torch = _torch()
    ours = LSTM(I, H, num_layers=2, rng=0)
    theirs = torch.nn.LSTM(I, H, num_layers=2, batch_first=True)
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    x = np.random.default_rng(9).normal(size=(N, 6, I)).astype(np.float32)
    out, (h_n, c_n) = ours(x)
    ref, (rh, rc) = theirs(torch.from_numpy(x))
    for a, b in ((out, ref), (h_n, rh), (c_n, rc)):
        np.testing.assert_allclose(a.data, b.detach().numpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("cell", ["lstm", "rnn"])
def test_trained_regressor_gives_the_same_outputs_in_torch(cell: str) -> None:
    torch = _torch()
    import groundup.nn.functional as F  # noqa: N812
    from groundup import optim

    model = SequenceRegressor(2, 8, cell=cell, num_layers=2, rng=0)
    opt = optim.Adam(model.parameters(), lr=0.01)
    for step in range(5):  # a few real steps, so the weights are not the initial ones
        X, y = adding_problem_data(16, 10, rng=step)
        loss = F.mse_loss(model(Tensor(X)), Tensor(y))
        opt.zero_grad()
        loss.backward()
        clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    theirs = torch_sequence_regressor(2, 8, cell=cell, num_layers=2)
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in model.state_dict().items()})
    X, _ = adding_problem_data(32, 12, rng=99)
    with torch.no_grad():
        ref = theirs(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(model(Tensor(X)).data, ref, rtol=1e-5, atol=1e-6)


def test_embedding_lstm_classifier_converts_to_torch() -> None:
    torch = _torch()

    class Classifier(gnn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embedding = Embedding(10, 4, padding_idx=0, rng=0)
            self.rnn = LSTM(4, 6, rng=1)
            self.head = gnn.Linear(6, 3, rng=2)

        def forward(self, ids: Any) -> Tensor:
            out, _ = self.rnn(self.embedding(ids))
            return self.head(out[:, -1])

    class TorchClassifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embedding = torch.nn.Embedding(10, 4, padding_idx=0)
            self.rnn = torch.nn.LSTM(4, 6, batch_first=True)
            self.head = torch.nn.Linear(6, 3)

        def forward(self, ids: Any) -> Any:
            out, _ = self.rnn(self.embedding(ids))
            return self.head(out[:, -1])

    ours, theirs = Classifier(), TorchClassifier()
    assert list(ours.state_dict()) == list(theirs.state_dict())
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    ids = np.random.default_rng(10).integers(0, 10, size=(5, 7))
    logits = ours(ids)
    ref = theirs(torch.from_numpy(ids))
    np.testing.assert_allclose(logits.data, ref.detach().numpy(), rtol=1e-5, atol=1e-6)
    targets = np.array([0, 2, 1, 1, 0])
    gnn.functional.cross_entropy(logits, targets).backward()
    torch.nn.functional.cross_entropy(ref, torch.from_numpy(targets)).backward()
    for pname, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad, dict(theirs.named_parameters())[pname].grad.numpy(),
                                   rtol=1e-4, atol=1e-6, err_msg=pname)


# -------------------------------------------------------------------------------------------
# initialisation, shapes, errors


def test_initialisation_is_pytorchs_distribution() -> None:
    lstm = LSTM(30, 100, num_layers=2, rng=0)
    k = 1 / np.sqrt(100)
    shapes = {"weight_ih_l0": (400, 30), "weight_hh_l0": (400, 100), "bias_ih_l0": (400,),
              "bias_hh_l0": (400,), "weight_ih_l1": (400, 100)}
    state = lstm.state_dict()
    for key, shape in shapes.items():
        assert state[key].shape == shape and state[key].dtype == np.float32
    w = state["weight_hh_l0"]
    assert np.abs(w).max() <= k and np.abs(w).max() > 0.99 * k
    assert abs(w.std() - k / np.sqrt(3)) < 0.02 * k
    np.testing.assert_array_equal(LSTM(30, 100, num_layers=2, rng=0).state_dict()["bias_hh_l1"],
                                  state["bias_hh_l1"])
    assert list(RNN(2, 3, bias=False).state_dict()) == ["weight_ih_l0", "weight_hh_l0"]
    assert [n for n, _ in LSTMCell(2, 3).named_parameters()] == ["weight_ih", "weight_hh",
                                                                 "bias_ih", "bias_hh"]
    emb = Embedding(1000, 50, padding_idx=-1, rng=0)
    assert emb.padding_idx == 999 and not emb.weight.data[999].any()
    assert abs(emb.weight.data.std() - 1.0) < 0.02 and abs(emb.weight.data.mean()) < 0.02


def test_layer_errors() -> None:
    lstm = LSTM(3, 4, num_layers=2)
    with pytest.raises(ValueError, match="input must have shape"):
        lstm(Tensor(np.zeros((2, 5, 4))))
    with pytest.raises(ValueError, match="h_0 must have shape"):
        lstm(Tensor(np.zeros((2, 5, 3))), (np.zeros((1, 2, 4)), np.zeros((2, 2, 4))))
    with pytest.raises(ValueError, match="hx must be a tuple"):
        lstm(Tensor(np.zeros((2, 5, 3))), np.zeros((2, 2, 4)))
    with pytest.raises(ValueError, match="empty"):
        lstm(Tensor(np.zeros((2, 0, 3))))
    with pytest.raises(ValueError, match="nonlinearity"):
        RNN(2, 3, nonlinearity="sigmoid")
    with pytest.raises(ValueError, match="hidden_size"):
        RNNCell(2, 0)
    with pytest.raises(ValueError, match="hx must have shape"):
        RNNCell(2, 3)(np.zeros((4, 2)), np.zeros((4, 2)))
    with pytest.raises(IndexError, match="out of range"):
        Embedding(5, 2)(np.array([0, 5]))
    with pytest.raises(TypeError, match="integer"):
        Embedding(5, 2)(np.array([0.5]))
    with pytest.raises(ValueError, match="padding_idx"):
        Embedding(5, 2, padding_idx=5)
    assert "num_layers=2" in repr(lstm) and "padding_idx=0" in repr(Embedding(3, 2, 0))


# -------------------------------------------------------------------------------------------
# Embedding and clipping against torch


def test_embedding_matches_torch_with_repeats_and_padding() -> None:
    torch = _torch()
    ids = np.array([[1, 3, 1, 0], [3, 3, 2, 0]])
    for padding_idx in (None, 0):
        ours = Embedding(5, 3, padding_idx=padding_idx, dtype=np.float64, rng=0)
        theirs = torch.nn.Embedding(5, 3, padding_idx=padding_idx).double()
        with torch.no_grad():
            theirs.weight.copy_(torch.from_numpy(ours.weight.data))
        out, ref = ours(ids), theirs(torch.from_numpy(ids))
        np.testing.assert_allclose(out.data, ref.detach().numpy())
        w = np.random.default_rng(0).normal(size=out.shape)
        (out * Tensor(w)).sum().backward()
        (ref * torch.from_numpy(w)).sum().backward()
        np.testing.assert_allclose(ours.weight.grad, theirs.weight.grad.numpy(), atol=1e-12,
                                   err_msg=f"padding_idx={padding_idx}")
    frozen = Embedding.from_pretrained(np.eye(3))
    assert not frozen.weight.requires_grad and frozen(np.array([2])).tolist() == [[0, 0, 1]]


def test_numpy_embedding_functions_match_torch() -> None:
    torch = _torch()
    rng = np.random.default_rng(11)
    W = rng.normal(size=(7, 4))
    ids = np.array([[6, 0, 6], [2, 6, 2]])
    G = rng.normal(size=(2, 3, 4))
    tw = torch.tensor(W, requires_grad=True)
    out = torch.nn.functional.embedding(torch.from_numpy(ids), tw)
    (out * torch.from_numpy(G)).sum().backward()
    np.testing.assert_allclose(embedding_lookup(W, ids), out.detach().numpy())
    np.testing.assert_allclose(embedding_grad(ids, G, 7), tw.grad.numpy(), atol=1e-12)
    with pytest.raises(ValueError, match="out of range"):
        embedding_lookup(W, [-1])
    with pytest.raises(ValueError, match="grad_output must have shape"):
        embedding_grad(ids, G[:, :2], 7)


@pytest.mark.parametrize(("max_norm", "norm_type"),
                         [(1.0, 2.0), (100.0, 2.0), (0.5, 1.0), (0.3, float("inf")),
                          (2.0, 3.0)])
def test_clip_grad_norm_matches_torch(max_norm: float, norm_type: float) -> None:
    torch = _torch()
    rng = np.random.default_rng(12)
    grads = [rng.normal(size=(3, 4)), rng.normal(size=5), rng.normal(size=(2, 2, 2))]
    params = [Tensor(np.zeros_like(g), requires_grad=True) for g in grads]
    tparams = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for p, tp, g in zip(params, tparams, grads, strict=True):
        p.grad = g.copy()
        tp.grad = torch.from_numpy(g.copy())
    no_grad_param = Tensor(np.zeros(2), requires_grad=True)  # skipped, as torch skips it
    total = clip_grad_norm_([*params, no_grad_param], max_norm, norm_type)
    ref = torch.nn.utils.clip_grad_norm_(tparams, max_norm, norm_type)
    np.testing.assert_allclose(total, ref.item(), rtol=1e-12)
    clipped, total_np = clip_grad_norm(grads, max_norm, norm_type)
    np.testing.assert_allclose(total_np, ref.item(), rtol=1e-12)
    for p, tp, c in zip(params, tparams, clipped, strict=True):
        np.testing.assert_allclose(p.grad, tp.grad.numpy(), rtol=1e-12)
        np.testing.assert_allclose(c, tp.grad.numpy(), rtol=1e-12)
    assert no_grad_param.grad is None


def test_clip_grad_norm_edge_cases() -> None:
    w = Tensor(np.zeros(2, dtype=np.float32), requires_grad=True)
    w.grad = np.array([3.0, 4.0], dtype=np.float32)
    assert clip_grad_norm_(w, 1.0) == pytest.approx(5.0)
    assert w.grad.dtype == np.float32
    np.testing.assert_allclose(w.grad, [0.6, 0.8], rtol=1e-5)
    assert clip_grad_norm_([Tensor(np.zeros(2), requires_grad=True)], 1.0) == 0.0
    with pytest.raises(ValueError, match="max_norm"):
        clip_grad_norm([np.ones(2)], 0.0)
    with pytest.raises(ValueError, match="norm_type"):
        clip_grad_norm([np.ones(2)], 1.0, norm_type=-1)
    w.grad = np.array([np.inf, 0.0], dtype=np.float32)
    with pytest.raises(RuntimeError, match="cannot be clipped"):
        clip_grad_norm_(w, 1.0, error_if_nonfinite=True)
    assert clip_grad_norm([], 1.0) == ([], 0.0)


# -------------------------------------------------------------------------------------------
# the NumPy by-hand references against torch


def _rnn_weights(rng: np.random.Generator, gates: int = 1, scale: float = 0.5
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (rng.normal(size=(gates * H, I)) * scale, rng.normal(size=(gates * H, H)) * scale,
            rng.normal(size=gates * H) * scale)


def _torch_rnn(X: np.ndarray, h0: np.ndarray, W_xh: np.ndarray, W_hh: np.ndarray,
               b: np.ndarray) -> tuple[Any, list[Any], dict[str, Any]]:
    torch = _torch()
    p = {k: torch.tensor(v, requires_grad=True) for k, v in
         {"X": X, "h0": h0, "W_xh": W_xh, "W_hh": W_hh, "b": b}.items()}
    h, hs = p["h0"], []
    for t in range(X.shape[1]):
        h = torch.tanh(p["X"][:, t] @ p["W_xh"].T + h @ p["W_hh"].T + p["b"])
        h.retain_grad()
        hs.append(h)
    return h, hs, p


def test_numpy_rnn_functions_match_torch() -> None:
    torch = _torch()
    rng = np.random.default_rng(13)
    W_xh, W_hh, b = _rnn_weights(rng)
    X, h0, G = rng.normal(size=(N, 6, I)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    cell = torch.nn.RNNCell(I, H).double()
    with torch.no_grad():
        for name, value in (("weight_ih", W_xh), ("weight_hh", W_hh), ("bias_ih", b),
                            ("bias_hh", np.zeros(H))):
            getattr(cell, name).copy_(torch.from_numpy(value))
    np.testing.assert_allclose(rnn_cell_step(X[:, 0], h0, W_xh, W_hh, b),
                               cell(torch.from_numpy(X[:, 0]), torch.from_numpy(h0))
                               .detach().numpy(), rtol=1e-12)
    h_T, hs, p = _torch_rnn(X, h0, W_xh, W_hh, b)
    np.testing.assert_allclose(rnn_forward(X, h0, W_xh, W_hh, b),
                               torch.stack(hs, 1).detach().numpy(), rtol=1e-12)
    (h_T * torch.from_numpy(G)).sum().backward()
    for ours, name in zip(rnn_bptt(X, h0, W_xh, W_hh, b, G), ("W_xh", "W_hh", "b", "h0"),
                          strict=True):
        np.testing.assert_allclose(ours, p[name].grad.numpy(), rtol=1e-10, atol=1e-12,
                                   err_msg=name)
    norms = [np.linalg.norm(h.grad.numpy()) for h in hs]
    np.testing.assert_allclose(gradient_norms_through_time(X, h0, W_xh, W_hh, b, G), norms,
                               rtol=1e-10)
    np.testing.assert_allclose(rnn_forward(X, None, W_xh, W_hh, b),
                               rnn_forward(X, np.zeros((N, H)), W_xh, W_hh, b))


def test_numpy_lstm_functions_match_torch() -> None:
    torch = _torch()
    rng = np.random.default_rng(14)
    W_xh, W_hh, b = _rnn_weights(rng, gates=4)
    X, h0, c0 = rng.normal(size=(N, 6, I)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    cell = torch.nn.LSTMCell(I, H).double()
    lstm = torch.nn.LSTM(I, H, batch_first=True).double()
    with torch.no_grad():
        for module, suffix in ((cell, ""), (lstm, "_l0")):
            for name, value in (("weight_ih", W_xh), ("weight_hh", W_hh), ("bias_ih", b),
                                ("bias_hh", np.zeros(4 * H))):
                getattr(module, name + suffix).copy_(torch.from_numpy(value))
        ref_h, ref_c = cell(torch.from_numpy(X[:, 0]), (torch.from_numpy(h0),
                                                        torch.from_numpy(c0)))
        ref_out, (ref_hn, ref_cn) = lstm(torch.from_numpy(X), (torch.from_numpy(h0)[None],
                                                               torch.from_numpy(c0)[None]))
    h, c = lstm_cell(X[:, 0], h0, c0, W_xh, W_hh, b)
    np.testing.assert_allclose(h, ref_h.numpy(), rtol=1e-12)
    np.testing.assert_allclose(c, ref_c.numpy(), rtol=1e-12)
    out, h_T, c_T = lstm_forward(X, h0, c0, W_xh, W_hh, b)
    np.testing.assert_allclose(out, ref_out.numpy(), rtol=1e-12)
    np.testing.assert_allclose(h_T, ref_hn[0].numpy(), rtol=1e-12)
    np.testing.assert_allclose(c_T, ref_cn[0].numpy(), rtol=1e-12)


def test_numpy_functions_validate_their_inputs() -> None:
    rng = np.random.default_rng(15)
    W_xh, W_hh, b = _rnn_weights(rng)
    X = rng.normal(size=(N, 4, I))
    with pytest.raises(ValueError, match="W_hh must have shape"):
        rnn_forward(X, None, W_xh, W_hh[:, :2], b)
    with pytest.raises(ValueError, match=r"X must have shape \(N, T, 3\)"):
        rnn_forward(X[..., :2], None, W_xh, W_hh, b)
    with pytest.raises(ValueError, match="T >= 1"):
        rnn_bptt(X[:, :0], None, W_xh, W_hh, b, np.zeros((N, H)))
    with pytest.raises(ValueError, match="h0 must have shape"):
        rnn_forward(X, np.zeros((N + 1, H)), W_xh, W_hh, b)
    with pytest.raises(ValueError, match="b must have shape"):
        rnn_cell_step(X[:, 0], np.zeros((N, H)), W_xh, W_hh, b[:2])
    with pytest.raises(ValueError, match="W_xh must have 20 rows"):
        lstm_cell(X[:, 0], None, None, W_xh, *_rnn_weights(rng, gates=4)[1:])


# -------------------------------------------------------------------------------------------
# the experiment: an LSTM learns the adding problem, a plain RNN of the same size does not


@pytest.mark.slow
def test_lstm_beats_rnn_on_the_adding_problem() -> None:
    result = lstm_vs_rnn(seed=0, steps=1000, seq_len=50, progress=False)
    lstm, rnn = result["lstm"], result["rnn"]
    assert lstm["val_mse"][-1] < 0.02, lstm["val_mse"][-1]  # predicting the mean: 0.167
    assert rnn["val_mse"][-1] > 0.1, rnn["val_mse"][-1]
    assert lstm["val_accuracy"][-1] > rnn["val_accuracy"][-1] + 0.3


# -------------------------------------------------------------------------------------------
# the grader's references: PyTorch, and the NumPy/finite-difference fallback without it


def test_check_references_agree_with_and_without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    _torch()
    from groundup.curriculum.checks import rnn as checks

    rng = np.random.default_rng(16)
    W_xh, W_hh, b = _rnn_weights(rng)
    L_xh, L_hh, L_b = _rnn_weights(rng, gates=4)
    X, h0, c0, G = (rng.normal(size=(2, 4, I)), rng.normal(size=(2, H)),
                    rng.normal(size=(2, H)), rng.normal(size=(2, H)))
    grads = [rng.normal(size=(2, 3)), rng.normal(size=4)]
    ids = np.array([[1, 1, 0], [2, 1, 1]])
    cases: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (checks.ref_cell_step, (X[:, 0], h0, W_xh, W_hh, b)),
        (checks.ref_rnn_forward, (X, None, W_xh, W_hh, b)),
        (checks.ref_bptt, (X, h0, W_xh, W_hh, b, G)),
        (checks.ref_gradient_norms, (X, h0, W_xh, W_hh, b, G)),
        (checks.ref_lstm_cell, (X[:, 0], h0, c0, L_xh, L_hh, L_b)),
        (checks.ref_lstm_forward, (X, h0, None, L_xh, L_hh, L_b)),
        (checks.ref_embedding_lookup, (rng.normal(size=(3, 2)), ids)),
        (checks.ref_embedding_grad, (ids, rng.normal(size=(2, 3, 2)), 4)),
    ]
    with_torch = [ref(*args) for ref, args in cases]
    clip_torch = checks.ref_clip(grads, 1.0, float("inf"))
    monkeypatch.setattr(checks, "torch_available", lambda: False)
    for (ref, args), expected in zip(cases, with_torch, strict=True):
        got = ref(*args)
        for e, g in zip(expected if isinstance(expected, tuple) else (expected,),
                        got if isinstance(got, tuple) else (got,), strict=True):
            np.testing.assert_allclose(g, e, rtol=1e-5, atol=1e-7, err_msg=ref.__name__)
    clip_np = checks.ref_clip(grads, 1.0, float("inf"))
    assert clip_np[1] == pytest.approx(clip_torch[1])
    for e, g in zip(clip_torch[0], clip_np[0], strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-12)


@pytest.mark.slow
def test_lstm_training_step_is_within_3x_of_torch_cpu() -> None:
    """Forward and backward of a one-layer LSTM (N=32, T=50, I=64, H=128), CPU time, one
    thread each (NumPy's BLAS and torch), best of 5: ours at most 3x PyTorch's."""
    torch = _torch()
    import time

    from threadpoolctl import threadpool_limits

    x = np.random.default_rng(0).normal(size=(32, 50, 64)).astype(np.float32)
    ours, theirs = LSTM(64, 128, rng=0), torch.nn.LSTM(64, 128, batch_first=True)
    xt = torch.from_numpy(x)

    def step_ours() -> None:
        out, _ = ours(Tensor(x))
        (out * out).sum().backward()

    def step_theirs() -> None:
        out, _ = theirs(xt)
        (out * out).sum().backward()

    def best(step: Callable[[], None]) -> float:
        step()
        times = []
        for _ in range(5):
            start = time.process_time()
            step()
            times.append(time.process_time() - start)
        return min(times)

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(1):
            ratio = best(step_ours) / best(step_theirs)
    finally:
        torch.set_num_threads(threads)
    assert ratio <= 3.0, f"LSTM training step: {ratio:.2f}x PyTorch"
