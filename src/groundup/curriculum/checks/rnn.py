"""Checks for the RNN and LSTM exercises: the learner's NumPy against PyTorch.

The expected values come from ``torch.nn.RNNCell``, ``torch.nn.RNN``, ``torch.nn.LSTMCell``,
``torch.nn.LSTM`` (``batch_first=True``), ``torch.autograd`` and
``torch.nn.utils.clip_grad_norm_``, in float64, with the learner's weights copied in (one bias
``b`` is PyTorch's ``bias_ih``; ``bias_hh`` is zero). Where PyTorch is not installed they come
from plain NumPy loops written here and, for gradients, central finite differences. Nothing
here uses :mod:`groundup.nn`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import numpy as np

from groundup.curriculum.checks.neural import central_difference_grads
from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

TORCH_TOL = {"rtol": 1e-7, "atol": 1e-9}
FD_TOL = {"rtol": 1e-5, "atol": 1e-6}


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def _torch() -> Any:
    """PyTorch, imported only when a reference needs it."""
    return importlib.import_module("torch")


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _f(a: Any) -> np.ndarray:
    return np.asarray(a, dtype=float)


# -------------------------------------------------------------------------------------------
# NumPy fallbacks (no PyTorch): loops as plain as they get


def _sig(a: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-a))


def _np_rnn(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any) -> np.ndarray:
    X, W_xh, W_hh, b = _f(X), _f(W_xh), _f(W_hh), _f(b)
    h = np.zeros((X.shape[0], W_hh.shape[0])) if h0 is None else _f(h0)
    out = []
    for t in range(X.shape[1]):
        h = np.tanh(X[:, t] @ W_xh.T + h @ W_hh.T + b)
        out.append(h)
    return np.stack(out, axis=1)


def _np_lstm(X: Any, h0: Any, c0: Any, W_xh: Any, W_hh: Any, b: Any
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X, W_xh, W_hh, b = _f(X), _f(W_xh), _f(W_hh), _f(b)
    H = W_hh.shape[1]
    h = np.zeros((X.shape[0], H)) if h0 is None else _f(h0)
    c = np.zeros((X.shape[0], H)) if c0 is None else _f(c0)
    out = []
    for t in range(X.shape[1]):
        z = X[:, t] @ W_xh.T + h @ W_hh.T + b
        i, f, g, o = _sig(z[:, :H]), _sig(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), \
            _sig(z[:, 3 * H:])
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append(h)
    return np.stack(out, axis=1), h, c


# -------------------------------------------------------------------------------------------
# PyTorch references


def _set_weights(module: Any, suffix: str, W_xh: Any, W_hh: Any, b: Any) -> None:
    torch = _torch()

    with torch.no_grad():
        getattr(module, "weight_ih" + suffix).copy_(torch.from_numpy(_f(W_xh)))
        getattr(module, "weight_hh" + suffix).copy_(torch.from_numpy(_f(W_hh)))
        getattr(module, "bias_ih" + suffix).copy_(torch.from_numpy(_f(b)))
        getattr(module, "bias_hh" + suffix).zero_()


def ref_cell_step(x: Any, h: Any, W_xh: Any, W_hh: Any, b: Any) -> np.ndarray:
    """``torch.nn.RNNCell`` with the given weights (NumPy without torch)."""
    if not torch_available():
        return np.tanh(_f(x) @ _f(W_xh).T + _f(h) @ _f(W_hh).T + _f(b))
    torch = _torch()

    H, I = _f(W_xh).shape  # noqa: E741
    cell = torch.nn.RNNCell(I, H).double()
    _set_weights(cell, "", W_xh, W_hh, b)
    with torch.no_grad():
        return cell(torch.from_numpy(_f(x)), torch.from_numpy(_f(h))).numpy()


def ref_rnn_forward(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any) -> np.ndarray:
    """``torch.nn.RNN(batch_first=True)``'s output."""
    if not torch_available():
        return _np_rnn(X, h0, W_xh, W_hh, b)
    torch = _torch()

    H, I = _f(W_xh).shape  # noqa: E741
    rnn = torch.nn.RNN(I, H, batch_first=True).double()
    _set_weights(rnn, "_l0", W_xh, W_hh, b)
    with torch.no_grad():
        hx = None if h0 is None else torch.from_numpy(_f(h0))[None]
        return rnn(torch.from_numpy(_f(X)), hx)[0].numpy()


def ref_bptt(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any, dh_last: Any
             ) -> tuple[np.ndarray, ...]:
    """``(dW_xh, dW_hh, db, dh0)`` of ``L = sum(h_T * dh_last)``, by ``torch.autograd``
    through ``torch.nn.RNN``."""
    N, H = _f(X).shape[0], _f(W_hh).shape[0]
    h0 = np.zeros((N, H)) if h0 is None else _f(h0)
    if not torch_available():
        def loss(a: list[np.ndarray]) -> float:
            return float((_np_rnn(X, a[3], a[0], a[1], a[2])[:, -1] * _f(dh_last)).sum())
        return tuple(central_difference_grads(loss, [_f(W_xh), _f(W_hh), _f(b), h0]))
    torch = _torch()

    I = _f(W_xh).shape[1]  # noqa: E741
    rnn = torch.nn.RNN(I, H, batch_first=True).double()
    _set_weights(rnn, "_l0", W_xh, W_hh, b)
    h0_t = torch.tensor(h0[None], requires_grad=True)
    _, h_n = rnn(torch.from_numpy(_f(X)), h0_t)
    (h_n[0] * torch.from_numpy(_f(dh_last))).sum().backward()
    return (rnn.weight_ih_l0.grad.numpy(), rnn.weight_hh_l0.grad.numpy(),
            rnn.bias_ih_l0.grad.numpy(), h0_t.grad[0].numpy())


def ref_gradient_norms(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any, dh_last: Any
                       ) -> np.ndarray:
    """``||dL/dh_t||`` for t = 1..T, with ``retain_grad`` on every hidden state."""
    X, W_xh, W_hh, b, G = _f(X), _f(W_xh), _f(W_hh), _f(b), _f(dh_last)
    N, T, _ = X.shape
    h0 = np.zeros((N, W_hh.shape[0])) if h0 is None else _f(h0)
    if not torch_available():
        states = np.concatenate([h0[:, None], _np_rnn(X, h0, W_xh, W_hh, b)], axis=1)
        norms = []
        for t in range(1, T + 1):
            def loss(a: list[np.ndarray], t: int = t) -> float:
                return float((_np_rnn(X[:, t:], a[0], W_xh, W_hh, b)[:, -1] * G).sum()) \
                    if t < T else float((a[0] * G).sum())
            norms.append(np.linalg.norm(central_difference_grads(loss, [states[:, t].copy()])[0]))
        return np.array(norms)
    torch = _torch()

    tX = torch.from_numpy(X)
    Wx, Wh, tb = torch.from_numpy(W_xh), torch.from_numpy(W_hh), torch.from_numpy(b)
    h = torch.tensor(h0, requires_grad=True)
    hs = []
    for t in range(T):
        h = torch.tanh(tX[:, t] @ Wx.T + h @ Wh.T + tb)
        h.retain_grad()
        hs.append(h)
    (h * torch.from_numpy(G)).sum().backward()
    return np.array([float(torch.linalg.norm(s.grad)) for s in hs])


def ref_clip(grads: list[Any], max_norm: float, norm_type: float = 2.0
             ) -> tuple[list[np.ndarray], float]:
    """``torch.nn.utils.clip_grad_norm_`` on parameters holding copies of ``grads``."""
    arrays = [_f(g).copy() for g in grads]
    if not torch_available():
        if np.isinf(norm_type):
            total = max(float(np.abs(g).max()) for g in arrays)
        else:
            total = float(sum((np.abs(g) ** norm_type).sum() for g in arrays)
                          ** (1 / norm_type))
        coef = min(max_norm / (total + 1e-6), 1.0)
        return [g * coef for g in arrays], total
    torch = _torch()

    params = []
    for g in arrays:
        p = torch.zeros(g.shape, dtype=torch.float64, requires_grad=True)
        p.grad = torch.from_numpy(g)
        params.append(p)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
    return [p.grad.numpy() for p in params], float(total)


def ref_lstm_cell(x: Any, h: Any, c: Any, W_xh: Any, W_hh: Any, b: Any
                  ) -> tuple[np.ndarray, np.ndarray]:
    """``torch.nn.LSTMCell`` with the given weights."""
    if not torch_available():
        _, h_new, c_new = _np_lstm(_f(x)[:, None], h, c, W_xh, W_hh, b)
        return h_new, c_new
    torch = _torch()

    H4, I = _f(W_xh).shape  # noqa: E741
    cell = torch.nn.LSTMCell(I, H4 // 4).double()
    _set_weights(cell, "", W_xh, W_hh, b)
    with torch.no_grad():
        h_new, c_new = cell(torch.from_numpy(_f(x)), (torch.from_numpy(_f(h)),
                                                      torch.from_numpy(_f(c))))
    return h_new.numpy(), c_new.numpy()


def ref_lstm_forward(X: Any, h0: Any, c0: Any, W_xh: Any, W_hh: Any, b: Any
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``torch.nn.LSTM(batch_first=True)``: ``(output, h_n[0], c_n[0])``."""
    if not torch_available():
        return _np_lstm(X, h0, c0, W_xh, W_hh, b)
    torch = _torch()

    H4, I = _f(W_xh).shape  # noqa: E741
    lstm = torch.nn.LSTM(I, H4 // 4, batch_first=True).double()
    _set_weights(lstm, "_l0", W_xh, W_hh, b)
    hx = None
    if h0 is not None or c0 is not None:
        N, H = _f(X).shape[0], H4 // 4
        h = np.zeros((N, H)) if h0 is None else _f(h0)
        c = np.zeros((N, H)) if c0 is None else _f(c0)
        hx = (torch.from_numpy(h)[None], torch.from_numpy(c)[None])
    with torch.no_grad():
        out, (h_n, c_n) = lstm(torch.from_numpy(_f(X)), hx)
    return out.numpy(), h_n[0].numpy(), c_n[0].numpy()


def ref_embedding_lookup(weight: Any, indices: Any) -> np.ndarray:
    """``torch.nn.functional.embedding``."""
    if not torch_available():
        return _f(weight)[np.asarray(indices)]
    torch = _torch()

    return torch.nn.functional.embedding(torch.from_numpy(np.asarray(indices, dtype=np.int64)),
                                         torch.from_numpy(_f(weight))).numpy()


def ref_embedding_grad(indices: Any, grad_output: Any, num_embeddings: int) -> np.ndarray:
    """The gradient of ``sum(embedding(indices, W) * grad_output)`` with respect to W."""
    idx = np.asarray(indices, dtype=np.int64)
    G = _f(grad_output)
    if not torch_available():
        dW = np.zeros((num_embeddings, G.shape[-1]))
        for pos in np.ndindex(idx.shape):  # one row at a time: repeats add up
            dW[idx[pos]] += G[pos]
        return dW
    torch = _torch()

    W = torch.zeros((num_embeddings, G.shape[-1]), dtype=torch.float64, requires_grad=True)
    out = torch.nn.functional.embedding(torch.from_numpy(idx), W)
    (out * torch.from_numpy(G)).sum().backward()
    return W.grad.numpy()


def _grad_tol() -> dict[str, float]:
    return TORCH_TOL if torch_available() else FD_TOL


def _close_grads(reference: Callable[..., Any], hidden: bool = False) -> Any:
    """``close_to`` with the tolerance of where the expected gradients come from."""
    tol = _grad_tol()
    return close_to(reference, rtol=tol["rtol"], atol=tol["atol"], hidden=hidden)


# -------------------------------------------------------------------------------------------
# inputs


def _weights(rng: np.random.Generator, I: int, H: int, gates: int = 1,  # noqa: E741, N803
             scale: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (rng.normal(size=(gates * H, I)) * scale, rng.normal(size=(gates * H, H)) * scale,
            rng.normal(size=gates * H) * scale)


def _orthogonal(rng: np.random.Generator, H: int, gain: float) -> np.ndarray:  # noqa: N803
    q, _ = np.linalg.qr(rng.normal(size=(H, H)))
    return gain * q


# -------------------------------------------------------------------------------------------
# exercises

WEIGHT_HINT = ("Weights are in PyTorch's layout, (out, in): the input part is x @ W_xh.T, the "
               "recurrent part h @ W_hh.T.")


def cell_step() -> list[Check]:
    rng = _rng(0)
    Wx, Wh, b = _weights(rng, 3, 5)
    big = _weights(rng, 6, 7)
    return [
        Check("a batch of 4 inputs, I = 3, H = 5",
              [Case(rng.normal(size=(4, 3)), rng.normal(size=(4, 5)), Wx, Wh, b)],
              expect=close_to(ref_cell_step), hint=WEIGHT_HINT),
        Check("one sequence (N = 1), H = 1, W_hh = [[1]]",
              [Case(np.array([[0.5, -1.0]]), np.array([[0.3]]), np.array([[1.0, 2.0]]),
                    np.array([[1.0]]), np.array([0.1]))],
              expect=close_to(ref_cell_step),
              hint="h' = tanh(x W_xh^T + h W_hh^T + b): one matrix product per term."),
        Check("zero weights give tanh(b) for every row",
              [Case(rng.normal(size=(3, 3)), rng.normal(size=(3, 5)), np.zeros((5, 3)),
                    np.zeros((5, 5)), b)],
              expect=close_to(ref_cell_step), hint="Add the bias, broadcast over the batch."),
        Check("large pre-activations saturate near +-1",
              [Case(rng.normal(size=(2, 3)) * 10, rng.normal(size=(2, 5)), Wx * 10, Wh, b)],
              expect=close_to(ref_cell_step),
              hint="Apply np.tanh to the sum; it saturates on its own."),
        Check("a non-symmetric W_hh",
              [Case(rng.normal(size=(8, 6)), rng.normal(size=(8, 7)), *big)],
              expect=close_to(ref_cell_step, hidden=True), hidden=True, hint=WEIGHT_HINT),
        Check("W_hh must be (H, H)",
              [Case(np.ones((2, 3)), np.ones((2, 5)), Wx, np.ones((5, 4)), b)],
              expect=raises(ValueError),
              hint="Check W_hh.shape == (H, H) with H = W_hh.shape[0]; raise ValueError."),
        Check("x must have I columns",
              [Case(np.ones((2, 4)), np.ones((2, 5)), Wx, Wh, b)], expect=raises(ValueError),
              hint="Compare x.shape[1] with W_xh.shape[1] before multiplying."),
        Check("b must have shape (H,)",
              [Case(np.ones((2, 3)), np.ones((2, 5)), Wx, Wh, np.ones(3))],
              expect=raises(ValueError), hint="Check b.shape == (H,)."),
    ]


def forward_sequence() -> list[Check]:
    rng = _rng(1)
    Wx, Wh, b = _weights(rng, 3, 4)
    big = _weights(rng, 5, 6, scale=0.4)
    hint = ("Loop over t = 0 .. T-1: h = tanh(X[:, t] @ W_xh.T + h @ W_hh.T + b), and keep "
            "every h (not h0) in out[:, t].")
    return [
        Check("3 sequences of 5 steps, with h0",
              [Case(rng.normal(size=(3, 5, 3)), rng.normal(size=(3, 4)), Wx, Wh, b)],
              expect=close_to(ref_rnn_forward), hint=hint),
        Check("h0 = None starts from zeros",
              [Case(rng.normal(size=(2, 4, 3)), None, Wx, Wh, b)],
              expect=close_to(ref_rnn_forward), hint="if h0 is None: h = np.zeros((N, H))."),
        Check("one step (T = 1) is one cell step",
              [Case(rng.normal(size=(2, 1, 3)), rng.normal(size=(2, 4)), Wx, Wh, b)],
              expect=close_to(ref_rnn_forward), hint=hint),
        Check("the state is carried: constant input, H = 1, W_hh = [[0.9]]",
              [Case(np.ones((1, 6, 1)), None, np.array([[0.5]]), np.array([[0.9]]),
                    np.array([0.0]))],
              expect=close_to(ref_rnn_forward),
              hint="Each step must use the h computed at the previous step, not h0."),
        Check("longer sequences",
              [Case(rng.normal(size=(4, 12, 5)), rng.normal(size=(4, 6)), *big)],
              expect=close_to(ref_rnn_forward, hidden=True), hidden=True, hint=hint),
        Check("X must be 3-D (N, T, I)",
              [Case(np.ones((5, 3)), None, Wx, Wh, b)], expect=raises(ValueError),
              hint="Check X.ndim == 3 and X.shape[2] == W_xh.shape[1]."),
        Check("T = 0 has no hidden state to return",
              [Case(np.ones((2, 0, 3)), None, Wx, Wh, b)], expect=raises(ValueError),
              hint="Raise ValueError when X.shape[1] == 0."),
        Check("h0 must be (N, H)",
              [Case(np.ones((2, 3, 3)), np.ones((3, 4)), Wx, Wh, b)], expect=raises(ValueError),
              hint="Check h0.shape == (N, H)."),
    ]


def _grads_close(reference: Callable[..., Any], names: tuple[str, ...], hidden: bool = False
                 ) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != len(names):
            return (f"return a tuple of {len(names)} arrays ({', '.join(names)}), not "
                    f"{type(value).__name__}" + (f" of length {len(value)}"
                                                 if isinstance(value, (tuple, list)) else ""))
        for name, exp, rec in zip(names, expected, value, strict=True):
            msg = compare_values(exp, rec, what=name, hidden=hidden, **_grad_tol())
            if msg:
                return msg
        return None

    return check


def bptt() -> list[Check]:
    rng = _rng(2)
    Wx, Wh, b = _weights(rng, 3, 4)
    big = _weights(rng, 4, 5, scale=0.4)
    names = ("dW_xh", "dW_hh", "db", "dh0")
    hint = ("Walk back from G = dh_last: A = G * (1 - h_t**2); dW_xh += A.T @ x_t; "
            "dW_hh += A.T @ h_{t-1}; db += A.sum(0); G = A @ W_hh.")
    return [
        Check("2 sequences of 4 steps",
              [Case(rng.normal(size=(2, 4, 3)), rng.normal(size=(2, 4)), Wx, Wh, b,
                    rng.normal(size=(2, 4)))],
              expect=satisfies(_grads_close(ref_bptt, names)), hint=hint),
        Check("one step: dW_hh = A^T h0",
              [Case(rng.normal(size=(3, 1, 3)), rng.normal(size=(3, 4)), Wx, Wh, b,
                    rng.normal(size=(3, 4)))],
              expect=satisfies(_grads_close(ref_bptt, names)),
              hint="With T = 1 there is one step: A = dh_last * (1 - h_1**2)."),
        Check("h0 = None (zeros): dW_hh gets nothing from the first step",
              [Case(rng.normal(size=(2, 5, 3)), None, Wx, Wh, b, rng.normal(size=(2, 4)))],
              expect=satisfies(_grads_close(ref_bptt, names)),
              hint="Keep every h_t of the forward pass, h_0 included, to use on the way back."),
        Check("longer sequences",
              [Case(rng.normal(size=(3, 9, 4)), rng.normal(size=(3, 5)), *big,
                    rng.normal(size=(3, 5)))],
              expect=satisfies(_grads_close(ref_bptt, names, hidden=True)), hidden=True,
              hint=hint),
        Check("dh_last must be (N, H)",
              [Case(np.ones((2, 3, 3)), None, Wx, Wh, b, np.ones((2, 5)))],
              expect=raises(ValueError), hint="Check dh_last.shape == (N, H)."),
    ]


def gradient_norms_through_time() -> list[Check]:
    rng = _rng(3)
    Wx, _, b = _weights(rng, 2, 6, scale=0.3)
    hint = ("Backpropagate as in rnn.bptt, and after each step back record "
            "np.linalg.norm(G) for that hidden state; return them in time order t = 1..T.")
    small = _orthogonal(rng, 6, 0.5)  # every step back multiplies by at most 0.5
    large = _orthogonal(rng, 6, 1.8)
    X = rng.normal(size=(3, 15, 2)) * 0.1
    G = rng.normal(size=(3, 6))
    return [
        Check("vanishing: W_hh = 0.5 x an orthogonal matrix, T = 15",
              [Case(X, None, Wx, small, b, G)], expect=_close_grads(ref_gradient_norms), hint=hint),
        Check("exploding: W_hh = 1.8 x an orthogonal matrix, small inputs",
              [Case(X[:, :8] * 0.01, np.zeros((3, 6)), Wx, large, b * 0.0, G)],
              expect=_close_grads(ref_gradient_norms),
              hint="Norms may grow going back: nothing is clipped here."),
        Check("T = 1: the only norm is ||dh_last||",
              [Case(X[:, :1], None, Wx, small, b, G)],
              expect=_close_grads(ref_gradient_norms),
              hint="norms[-1] is the norm of dh_last itself: return shape (T,)."),
        Check("random weights",
              [Case(rng.normal(size=(2, 10, 2)), rng.normal(size=(2, 6)), Wx,
                    rng.normal(size=(6, 6)) * 0.4, b, G[:2])],
              expect=_close_grads(ref_gradient_norms, hidden=True), hidden=True,
              hint=hint),
        Check("X must be (N, T, I)",
              [Case(np.ones((3, 2)), None, Wx, small, b, G)], expect=raises(ValueError),
              hint="Validate the shapes as in rnn.forward_sequence."),
    ]


def _clip_close(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        expected, total = ref_clip(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "return a tuple (clipped, total_norm): a list of arrays and a float"
        clipped, rec_total = value
        msg = compare_values(total, rec_total, what="total norm (before clipping)",
                             hidden=hidden, rtol=1e-9, atol=1e-12)
        if msg:
            return msg
        if not isinstance(clipped, (tuple, list)) or len(clipped) != len(expected):
            return (f"the clipped gradients should be a list of {len(expected)} arrays, one per "
                    f"input gradient")
        for k, (e, r) in enumerate(zip(expected, clipped, strict=True)):
            msg = compare_values(e, r, what=f"clipped gradient {k}", hidden=hidden, rtol=1e-9,
                                 atol=1e-12)
            if msg:
                return msg
        return None

    return check


def clip_grad_norm() -> list[Check]:
    rng = _rng(4)
    grads = [rng.normal(size=(3, 4)), rng.normal(size=5), rng.normal(size=(2, 2, 2))]
    hint = ("total = sqrt(sum of every squared element of every gradient); "
            "coef = min(1, max_norm / (total + 1e-6)); return [g * coef for g in grads], total.")
    return [
        Check("three gradients, joint norm above max_norm = 1",
              [Case(grads, 1.0)], expect=satisfies(_clip_close()), hint=hint),
        Check("norm already below max_norm: unchanged",
              [Case(grads, 100.0)], expect=satisfies(_clip_close()),
              hint="The factor is capped at 1: small gradients are never scaled up."),
        Check("one gradient [3, 4], max_norm = 1",
              [Case([np.array([3.0, 4.0])], 1.0)], expect=satisfies(_clip_close()),
              hint="The norm of [3, 4] is 5; clipped: about [0.6, 0.8]."),
        Check("norm_type = inf (the largest absolute value) and norm_type = 1",
              [Case(grads, 0.5, norm_type=float("inf")), Case(grads, 0.5, norm_type=1.0)],
              expect=satisfies(_clip_close()),
              hint="p-norm: (sum |g|**p) ** (1/p); p = inf: the max of |g| over all arrays."),
        Check("the joint norm, not one norm per array",
              [Case([rng.normal(size=(4, 4)) * 3, rng.normal(size=2) * 0.1], 2.0)],
              expect=satisfies(_clip_close(hidden=True)), hidden=True,
              hint="One factor for all the arrays, from the norm of all of them together."),
        Check("max_norm must be positive",
              [Case(grads, 0.0), Case(grads, -1.0)], expect=raises(ValueError),
              hint="Raise ValueError unless max_norm > 0."),
        Check("norm_type must be positive",
              [Case(grads, 1.0, norm_type=0.0)], expect=raises(ValueError),
              hint="Raise ValueError unless norm_type > 0."),
    ]


def _pair_close(reference: Callable[..., Any], names: tuple[str, ...], hidden: bool = False
                ) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != len(names):
            return f"return a tuple ({', '.join(names)})"
        for name, e, r in zip(names, expected, value, strict=True):
            msg = compare_values(e, r, what=name, hidden=hidden, **TORCH_TOL)
            if msg:
                return msg
        return None

    return check


def lstm_cell() -> list[Check]:
    rng = _rng(5)
    Wx, Wh, b = _weights(rng, 3, 4, gates=4)
    names = ("h_new", "c_new")
    hint = ("z = x @ W_xh.T + h @ W_hh.T + b has 4H columns: i = sigmoid(z[:, :H]), "
            "f = sigmoid(z[:, H:2H]), g = tanh(z[:, 2H:3H]), o = sigmoid(z[:, 3H:]).")
    only_forget = np.zeros(16)
    only_forget[4:8] = 20.0  # f = 1, everything else half open: c' = c + 0.5 tanh(0)
    return [
        Check("a batch of 3, I = 3, H = 4",
              [Case(rng.normal(size=(3, 3)), rng.normal(size=(3, 4)), rng.normal(size=(3, 4)),
                    Wx, Wh, b)], expect=satisfies(_pair_close(ref_lstm_cell, names)),
              hint=hint),
        Check("the gate order is i, f, g, o: a forget gate wide open keeps c",
              [Case(np.zeros((2, 3)), np.zeros((2, 4)), rng.normal(size=(2, 4)),
                    np.zeros((16, 3)), np.zeros((16, 4)), only_forget)],
              expect=satisfies(_pair_close(ref_lstm_cell, names)),
              hint="Rows H:2H of W_xh (and entries H:2H of b) belong to the forget gate f."),
        Check("h' = o * tanh(c'), not o * c'",
              [Case(rng.normal(size=(2, 3)), rng.normal(size=(2, 4)),
                    rng.normal(size=(2, 4)) * 3, Wx, Wh, b)],
              expect=satisfies(_pair_close(ref_lstm_cell, names)),
              hint="c' = f * c + i * g; h' = o * np.tanh(c')."),
        Check("larger sizes",
              [Case(rng.normal(size=(5, 6)), rng.normal(size=(5, 7)), rng.normal(size=(5, 7)),
                    *_weights(rng, 6, 7, gates=4))],
              expect=satisfies(_pair_close(ref_lstm_cell, names, hidden=True)), hidden=True,
              hint=hint),
        Check("W_xh must have 4H rows",
              [Case(np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 4)), Wx[:12], Wh, b)],
              expect=raises(ValueError), hint="H = W_hh.shape[1]; check W_xh.shape[0] == 4 * H."),
        Check("c must be (N, H)",
              [Case(np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 3)), Wx, Wh, b)],
              expect=raises(ValueError), hint="Check h.shape and c.shape against (N, H)."),
    ]


def lstm_forward() -> list[Check]:
    rng = _rng(6)
    Wx, Wh, b = _weights(rng, 2, 3, gates=4)
    names = ("output", "h_T", "c_T")
    hint = ("Carry (h, c) through the loop with lstm_cell's step; out[:, t] = h after step t; "
            "return (out, h, c).")
    return [
        Check("3 sequences of 5 steps, with h0 and c0",
              [Case(rng.normal(size=(3, 5, 2)), rng.normal(size=(3, 3)),
                    rng.normal(size=(3, 3)), Wx, Wh, b)],
              expect=satisfies(_pair_close(ref_lstm_forward, names)), hint=hint),
        Check("h0 = c0 = None start from zeros",
              [Case(rng.normal(size=(2, 4, 2)), None, None, Wx, Wh, b)],
              expect=satisfies(_pair_close(ref_lstm_forward, names)),
              hint="if h0 is None: h0 = np.zeros((N, H)); the same for c0."),
        Check("the cell state is carried: 10 steps of the same input",
              [Case(np.ones((1, 10, 2)), None, None, Wx, Wh, b + 0.5)],
              expect=satisfies(_pair_close(ref_lstm_forward, names)),
              hint="Each step uses the c of the previous step, not c0."),
        Check("longer sequences",
              [Case(rng.normal(size=(4, 11, 5)), rng.normal(size=(4, 6)),
                    rng.normal(size=(4, 6)), *_weights(rng, 5, 6, gates=4, scale=0.4))],
              expect=satisfies(_pair_close(ref_lstm_forward, names, hidden=True)),
              hidden=True, hint=hint),
        Check("X must be 3-D",
              [Case(np.ones((4, 2)), None, None, Wx, Wh, b)], expect=raises(ValueError),
              hint="Check X.ndim == 3 and X.shape[2] == W_xh.shape[1]."),
        Check("T = 0",
              [Case(np.ones((2, 0, 2)), None, None, Wx, Wh, b)], expect=raises(ValueError),
              hint="Raise ValueError when there are no time steps."),
    ]


def embedding_lookup() -> list[Check]:
    rng = _rng(7)
    W = rng.normal(size=(6, 3))
    ids = np.array([[5, 0, 5, 2], [1, 1, 1, 3]])
    G = rng.normal(size=(2, 4, 3))
    grad_hint = ("np.add.at(dW, indices, grad_output) adds every row; dW[indices] += G keeps "
                 "only one of the repeated ids.")
    return [
        Check("look up a batch of id sequences (N, T) -> (N, T, D)",
              [Case(W, ids)], expect=close_to(ref_embedding_lookup),
              hint="Integer-array indexing: weight[indices] has shape indices.shape + (D,)."),
        Check("one id, and a 1-D list of ids",
              [Case(W, 4), Case(W, [0, 3, 0])], expect=close_to(ref_embedding_lookup),
              hint="np.asarray(indices) first; a single id gives one row of shape (D,)."),
        Check("ids must be in [0, V)",
              [Case(W, [0, 6]), Case(W, [-1])], expect=raises(ValueError),
              hint="Negative ids would wrap around in NumPy: reject them, as PyTorch does."),
        Check("ids must be integers", [Case(W, [0.5, 1.0])], expect=raises(ValueError),
              hint="np.issubdtype(idx.dtype, np.integer)."),
        Check("gradient with repeated ids",
              [Case(ids, G, 6)], expect=close_to(ref_embedding_grad),
              function="embedding_grad", hint=grad_hint),
        Check("gradient: rows never looked up stay zero",
              [Case(np.array([2]), np.ones((1, 3)), 4)], expect=close_to(ref_embedding_grad),
              function="embedding_grad", hint="Start from np.zeros((num_embeddings, D))."),
        Check("gradient of a 3-D batch of ids",
              [Case(rng.integers(0, 5, size=(2, 3, 4)), rng.normal(size=(2, 3, 4, 2)), 5)],
              expect=close_to(ref_embedding_grad, hidden=True), function="embedding_grad",
              hidden=True, hint=grad_hint),
        Check("gradient: grad_output must have shape indices.shape + (D,)",
              [Case(ids, G[:, :3], 6)], expect=raises(ValueError), function="embedding_grad",
              hint="Compare grad_output.shape[:-1] with indices.shape."),
    ]
