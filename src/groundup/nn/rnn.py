r"""Recurrent layers, as ``torch.nn``: :class:`RNNCell`, :class:`LSTMCell`, :class:`RNN`,
:class:`LSTM`, and :func:`clip_grad_norm_` (phase 4).

A recurrent network reads a sequence :math:`x_1, \dots, x_T` one step at a time and carries a
*hidden state* :math:`h_t` from each step to the next, with the same weights at every step:

.. math:: h_t = \tanh(x_t W_{ih}^\top + b_{ih} + h_{t-1} W_{hh}^\top + b_{hh})

An LSTM adds a *cell state* :math:`c_t` and four gates (input, forget, cell candidate, output;
PyTorch's order ``i, f, g, o`` in the rows of ``weight_ih``, shape ``(4H, I)``):

.. math::
    [i, f, g, o] &= [\sigma, \sigma, \tanh, \sigma]\left(x_t W_{ih}^\top + b_{ih}
                    + h_{t-1} W_{hh}^\top + b_{hh}\right) \\
    c_t &= f \odot c_{t-1} + i \odot g, \qquad h_t = o \odot \tanh c_t

Two halves:

- **NumPy by hand** (:func:`rnn_cell_step`, :func:`rnn_forward`, :func:`rnn_bptt`,
  :func:`gradient_norms_through_time`, :func:`clip_grad_norm`, :func:`lstm_cell`,
  :func:`lstm_forward`): the exercises' references, with one bias ``b`` (PyTorch's
  ``bias_ih + bias_hh``: the two always appear summed) and the weights named ``W_xh``
  (PyTorch's ``weight_ih``) and ``W_hh``.
- **Layers** on :class:`~groundup.nn.tensor.Tensor`: the cells are written with Tensor
  operations, so backpropagation through time is the engine's ordinary backward pass on the
  unrolled graph. :class:`RNN` and :class:`LSTM` run, by default, one *fused* operation per
  layer: the whole sequence forward in NumPy, and a hand-written backward through time (the
  input projection of every step is one matrix product, and so are the weight gradients).
  ``fused=False`` unrolls the cells instead; the tests check that both give PyTorch's numbers.

Parameter names, shapes, initialisation (:math:`U(-k, k)`, :math:`k = 1/\sqrt{H}`), input
and output shapes are PyTorch's, with ``batch_first=True`` by default: a ``state_dict`` loads
into ``torch.nn.LSTM(..., batch_first=True)`` and gives the same outputs.

Examples
--------
>>> lstm = LSTM(input_size=3, hidden_size=5, num_layers=2, rng=0)
>>> output, (h_n, c_n) = lstm(Tensor(np.ones((4, 7, 3))))     # (N, T, I)
>>> output.shape, h_n.shape, c_n.shape
((4, 7, 5), (2, 4, 5), (2, 4, 5))
>>> list(lstm.state_dict())[:4]
['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

from groundup.nn import functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn.modules import Module, Parameter, _check_size
from groundup.nn.tensor import Grads, Tensor, stack

__all__ = ["LSTM", "RNN", "LSTMCell", "RNNCell", "clip_grad_norm", "clip_grad_norm_",
           "gradient_norms_through_time", "lstm_cell", "lstm_forward", "rnn_bptt",
           "rnn_cell_step", "rnn_forward"]


# ===========================================================================================
# NumPy by hand: the references of the exercises


def _sigmoid(a: np.ndarray) -> np.ndarray:
    r""":math:`\sigma(a) = \tfrac12(1 + \tanh(a/2))`: the same function, never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def _as_float(a: Any, name: str, ndim: int | tuple[int, ...]) -> np.ndarray:
    arr = np.asarray(a, dtype=float)
    dims = (ndim,) if isinstance(ndim, int) else ndim
    if arr.ndim not in dims:
        want = " or ".join(f"{d}-D" for d in dims)
        raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    return arr


def _rnn_weights(W_xh: Any, W_hh: Any, b: Any, gates: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """Validated ``(W_xh, W_hh, b, H, I)`` for a layer with ``gates`` blocks of H rows."""
    W_xh = _as_float(W_xh, "W_xh", 2)
    W_hh = _as_float(W_hh, "W_hh", 2)
    b = _as_float(b, "b", 1)
    H = W_hh.shape[1]
    if W_hh.shape != (gates * H, H):
        raise ValueError(f"W_hh must have shape ({gates} * H, H) = ({gates * H}, {H}), got "
                         f"{W_hh.shape}")
    if W_xh.shape[0] != gates * H:
        raise ValueError(f"W_xh must have {gates * H} rows (W_hh has shape {W_hh.shape}), got "
                         f"shape {W_xh.shape}")
    if b.shape != (gates * H,):
        raise ValueError(f"b must have shape ({gates * H},), got {b.shape}")
    return W_xh, W_hh, b, H, W_xh.shape[1]


def _sequence(X: Any, I: int) -> np.ndarray:  # noqa: E741, N803
    X = _as_float(X, "X", 3)
    if X.shape[2] != I:
        raise ValueError(f"X must have shape (N, T, {I}) to match W_xh, got {X.shape}")
    if X.shape[1] == 0:
        raise ValueError("X must hold at least one time step (T >= 1), got T = 0")
    return X


def _state(h: Any, name: str, N: int, H: int) -> np.ndarray:  # noqa: N803
    if h is None:
        return np.zeros((N, H))
    h = _as_float(h, name, 2)
    if h.shape != (N, H):
        raise ValueError(f"{name} must have shape (N, H) = ({N}, {H}), got {h.shape}")
    return h


def rnn_cell_step(x: Any, h: Any, W_xh: Any, W_hh: Any, b: Any) -> np.ndarray:
    r"""One step of a plain (Elman) RNN on a batch, in PyTorch's weight layout.

    .. math:: h' = \tanh\left(x W_{xh}^\top + h W_{hh}^\top + b\right)

    Parameters
    ----------
    x : array_like, shape (N, I)
        The inputs of this step, one row per sequence in the batch.
    h : array_like, shape (N, H)
        The previous hidden states.
    W_xh : array_like, shape (H, I)
        Input-to-hidden weights (PyTorch's ``weight_ih``).
    W_hh : array_like, shape (H, H)
        Hidden-to-hidden weights (``weight_hh``).
    b : array_like, shape (H,)
        The bias (PyTorch's ``bias_ih + bias_hh``).

    Returns
    -------
    np.ndarray, shape (N, H)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> rnn_cell_step(np.ones((1, 2)), np.zeros((1, 1)), [[0.5, 0.5]], [[1.0]], [0.0])
    array([[0.76159416]])
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 1)  # noqa: E741
    x = _as_float(x, "x", 2)
    if x.shape[1] != I:
        raise ValueError(f"x must have shape (N, {I}) to match W_xh, got {x.shape}")
    h = _state(h, "h", x.shape[0], H)
    return np.tanh(x @ W_xh.T + h @ W_hh.T + b)


def _rnn_states(X: np.ndarray, h0: np.ndarray, W_xh: np.ndarray, W_hh: np.ndarray,
                b: np.ndarray) -> np.ndarray:
    """Every hidden state, ``h_0`` included: shape ``(N, T + 1, H)``."""
    N, T, _ = X.shape
    states = np.empty((N, T + 1, h0.shape[1]))
    states[:, 0] = h0
    xp = X @ W_xh.T + b  # (N, T, H): the input part of every step at once
    for t in range(T):
        states[:, t + 1] = np.tanh(xp[:, t] + states[:, t] @ W_hh.T)
    return states


def rnn_forward(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any) -> np.ndarray:
    r"""Unroll a tanh RNN over whole sequences; return every hidden state.

    .. math:: h_t = \tanh\left(x_t W_{xh}^\top + h_{t-1} W_{hh}^\top + b\right),
              \quad t = 1, \dots, T

    Parameters
    ----------
    X : array_like, shape (N, T, I)
        A batch of N sequences of T steps (batch first, as ``batch_first=True``).
    h0 : array_like, shape (N, H), or None
        The initial hidden states (zeros when None).
    W_xh : array_like, shape (H, I)
    W_hh : array_like, shape (H, H)
    b : array_like, shape (H,)

    Returns
    -------
    np.ndarray, shape (N, T, H)
        ``out[:, t - 1]`` is :math:`h_t`; ``out[:, -1]`` is the last hidden state. The same as
        the ``output`` of ``torch.nn.RNN(I, H, batch_first=True)``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.

    Examples
    --------
    >>> rnn_forward(np.ones((1, 3, 1)), None, [[1.0]], [[0.5]], [0.0]).round(3)
    array([[[0.762],
            [0.881],
            [0.894]]])
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 1)  # noqa: E741
    X = _sequence(X, I)
    h0 = _state(h0, "h0", X.shape[0], H)
    return _rnn_states(X, h0, W_xh, W_hh, b)[:, 1:]


def _rnn_backward(X: np.ndarray, states: np.ndarray, W_hh: np.ndarray, dh_last: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    """``(dA, dh)``: dL/d(pre-activation) of every step ``(N, T, H)``, and dL/dh_t for
    t = 0..T ``(N, T + 1, H)``, for a loss that depends on h_T only."""
    N, T, _ = X.shape
    dA = np.empty((N, T, states.shape[2]))
    dh = np.empty_like(states)
    dh[:, T] = dh_last
    for t in range(T, 0, -1):
        dA[:, t - 1] = dh[:, t] * (1 - states[:, t] ** 2)  # through tanh
        dh[:, t - 1] = dA[:, t - 1] @ W_hh  # through h_{t-1} W_hh^T
    return dA, dh


def rnn_bptt(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any, dh_last: Any
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Backpropagation through time, by hand, for a loss on the last hidden state.

    Run :func:`rnn_forward`, then walk back from :math:`G_T = \partial L/\partial h_T`:

    .. math::
        A_t = G_t \odot (1 - h_t^2), \qquad G_{t-1} = A_t W_{hh}

        \frac{\partial L}{\partial W_{xh}} = \sum_t A_t^\top x_t, \quad
        \frac{\partial L}{\partial W_{hh}} = \sum_t A_t^\top h_{t-1}, \quad
        \frac{\partial L}{\partial b} = \sum_t \mathbf 1^\top A_t, \quad
        \frac{\partial L}{\partial h_0} = G_0

    Parameters
    ----------
    X, h0, W_xh, W_hh, b
        As :func:`rnn_forward` (``h0`` None: zeros).
    dh_last : array_like, shape (N, H)
        :math:`\partial L / \partial h_T`: for example ``h_T - y`` for
        :math:`L = \tfrac12 \lVert h_T - y \rVert^2`.

    Returns
    -------
    (dW_xh, dW_hh, db, dh0) : tuple of np.ndarray
        Shapes ``(H, I)``, ``(H, H)``, ``(H,)``, ``(N, H)``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 1)  # noqa: E741
    X = _sequence(X, I)
    N, T, _ = X.shape
    h0 = _state(h0, "h0", N, H)
    dh_last = _state(dh_last, "dh_last", N, H)
    states = _rnn_states(X, h0, W_xh, W_hh, b)
    dA, dh = _rnn_backward(X, states, W_hh, dh_last)
    A = dA.reshape(N * T, H)  # (N T, H)
    dW_xh = A.T @ X.reshape(N * T, I)
    dW_hh = A.T @ states[:, :T].reshape(N * T, H)
    return dW_xh, dW_hh, A.sum(axis=0), dh[:, 0]


def gradient_norms_through_time(X: Any, h0: Any, W_xh: Any, W_hh: Any, b: Any,
                                dh_last: Any) -> np.ndarray:
    r"""How large the gradient of a loss on :math:`h_T` is at each earlier hidden state.

    .. math:: n_t = \left\lVert \frac{\partial L}{\partial h_t} \right\rVert_F,
              \qquad G_{t-1} = \left(G_t \odot (1 - h_t^2)\right) W_{hh}

    (the Frobenius norm over the whole batch). Each step back multiplies by
    :math:`\operatorname{diag}(1 - h_t^2) W_{hh}`: when those factors are small the norms
    shrink geometrically (vanishing gradients); when :math:`W_{hh}` is large they grow
    (exploding gradients).

    Parameters
    ----------
    X, h0, W_xh, W_hh, b, dh_last
        As :func:`rnn_bptt`.

    Returns
    -------
    np.ndarray, shape (T,)
        ``norms[t - 1]`` is :math:`n_t` for :math:`t = 1, \dots, T` (the same indexing as
        :func:`rnn_forward`'s output); ``norms[-1]`` is the norm of ``dh_last``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 1)  # noqa: E741
    X = _sequence(X, I)
    h0 = _state(h0, "h0", X.shape[0], H)
    dh_last = _state(dh_last, "dh_last", X.shape[0], H)
    _, dh = _rnn_backward(X, _rnn_states(X, h0, W_xh, W_hh, b), W_hh, dh_last)
    return np.sqrt((dh[:, 1:] ** 2).sum(axis=(0, 2)))


def _check_norm_args(max_norm: Any, norm_type: Any) -> tuple[float, float]:
    if isinstance(max_norm, bool) or not isinstance(max_norm, numbers.Real) \
            or not float(max_norm) > 0 or not math.isfinite(max_norm):
        raise ValueError(f"max_norm must be a positive number, got {max_norm!r}")
    if isinstance(norm_type, bool) or not isinstance(norm_type, numbers.Real) \
            or not float(norm_type) > 0:
        raise ValueError(f"norm_type must be a positive number or inf, got {norm_type!r}")
    return float(max_norm), float(norm_type)


def _total_norm(grads: list[np.ndarray], norm_type: float) -> float:
    if not grads:
        return 0.0
    if math.isinf(norm_type):
        return float(max(np.abs(g).max(initial=0.0) for g in grads))
    norms = np.array([(np.abs(g) ** norm_type).sum() ** (1 / norm_type) for g in grads])
    return float((norms ** norm_type).sum() ** (1 / norm_type))


def clip_grad_norm(grads: Iterable[Any], max_norm: float, norm_type: float = 2.0
                   ) -> tuple[list[np.ndarray], float]:
    r"""Scale gradients down so that their joint norm is at most ``max_norm``.

    All the gradients are treated as one long vector :math:`g`:

    .. math:: \lVert g \rVert_p = \Bigl(\sum_k \lVert g_k \rVert_p^p\Bigr)^{1/p},
              \qquad g_k \leftarrow g_k \cdot
              \min\left(1, \frac{\text{max\_norm}}{\lVert g \rVert_p + 10^{-6}}\right)

    (:math:`p = \infty`: the largest absolute value). The direction of the update is kept;
    only its length is capped. This is ``torch.nn.utils.clip_grad_norm_``, without changing
    the arrays in place.

    Parameters
    ----------
    grads : iterable of array_like
        One gradient array per parameter, any shapes.
    max_norm : float
        Positive.
    norm_type : float, default 2.0
        :math:`p`, positive, or ``float("inf")``.

    Returns
    -------
    (clipped, total_norm) : (list of np.ndarray, float)
        New arrays, and the norm *before* clipping.

    Raises
    ------
    ValueError
        If ``max_norm`` or ``norm_type`` is not positive.

    Examples
    --------
    >>> clipped, norm = clip_grad_norm([np.array([3.0, 4.0])], max_norm=1.0)
    >>> norm, clipped[0].round(4)
    (5.0, array([0.6, 0.8]))
    """
    max_norm, norm_type = _check_norm_args(max_norm, norm_type)
    arrays = [np.asarray(g, dtype=float) for g in grads]
    total = _total_norm(arrays, norm_type)
    coef = min(max_norm / (total + 1e-6), 1.0)
    return [g * coef for g in arrays], total


def lstm_cell(x: Any, h: Any, c: Any, W_xh: Any, W_hh: Any, b: Any
              ) -> tuple[np.ndarray, np.ndarray]:
    r"""One LSTM step on a batch, with PyTorch's weight layout (gates ``i, f, g, o``).

    .. math::
        z &= x W_{xh}^\top + h W_{hh}^\top + b \quad (N, 4H), \qquad
        [z_i, z_f, z_g, z_o] = \text{the four blocks of } H \text{ columns} \\
        i &= \sigma(z_i),\ f = \sigma(z_f),\ g = \tanh(z_g),\ o = \sigma(z_o) \\
        c' &= f \odot c + i \odot g, \qquad h' = o \odot \tanh(c')

    Parameters
    ----------
    x : array_like, shape (N, I)
    h, c : array_like, shape (N, H)
        The previous hidden and cell states.
    W_xh : array_like, shape (4H, I)
        PyTorch's ``weight_ih``: rows ``0:H`` for the input gate, ``H:2H`` forget,
        ``2H:3H`` cell candidate, ``3H:4H`` output.
    W_hh : array_like, shape (4H, H)
    b : array_like, shape (4H,)
        ``bias_ih + bias_hh``.

    Returns
    -------
    (h_new, c_new) : tuple of np.ndarray, each (N, H)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> h, c = lstm_cell(np.ones((1, 1)), np.zeros((1, 1)), np.zeros((1, 1)),
    ...                  np.ones((4, 1)), np.zeros((4, 1)), np.zeros(4))
    >>> round(float(c[0, 0]), 4), round(float(h[0, 0]), 4)   # c = s(1) tanh(1)
    (0.5568, 0.3696)
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 4)  # noqa: E741
    x = _as_float(x, "x", 2)
    if x.shape[1] != I:
        raise ValueError(f"x must have shape (N, {I}) to match W_xh, got {x.shape}")
    h = _state(h, "h", x.shape[0], H)
    c = _state(c, "c", x.shape[0], H)
    z = x @ W_xh.T + h @ W_hh.T + b  # (N, 4H)
    i, f, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), _sigmoid(z[:, 3 * H:])
    g = np.tanh(z[:, 2 * H:3 * H])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new


def lstm_forward(X: Any, h0: Any, c0: Any, W_xh: Any, W_hh: Any, b: Any
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Run an LSTM over whole sequences, as ``torch.nn.LSTM(I, H, batch_first=True)``.

    :func:`lstm_cell` at every step, the states carried from each step to the next.

    Parameters
    ----------
    X : array_like, shape (N, T, I)
    h0, c0 : array_like, shape (N, H), or None
        Initial states (zeros when None).
    W_xh, W_hh, b
        As :func:`lstm_cell`.

    Returns
    -------
    (output, h_T, c_T) : tuple of np.ndarray
        Every hidden state ``(N, T, H)``, and the last hidden and cell states ``(N, H)``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.
    """
    W_xh, W_hh, b, H, I = _rnn_weights(W_xh, W_hh, b, 4)  # noqa: E741
    X = _sequence(X, I)
    N, T, _ = X.shape
    h, c = _state(h0, "h0", N, H), _state(c0, "c0", N, H)
    out = np.empty((N, T, H))
    xp = X @ W_xh.T + b  # (N, T, 4H): the input part of every step at once
    for t in range(T):
        z = xp[:, t] + h @ W_hh.T
        i, f, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), _sigmoid(z[:, 3 * H:])
        c = f * c + i * np.tanh(z[:, 2 * H:3 * H])
        h = o * np.tanh(c)
        out[:, t] = h
    return out, h, c


# ===========================================================================================
# Fused sequence operations: one graph node per layer, backpropagation through time by hand


def _bias(b_ih: Tensor | None, b_hh: Tensor | None, size: int, dtype: Any) -> np.ndarray:
    b = np.zeros(size, dtype=dtype)
    if b_ih is not None:
        b = b + b_ih.data
    if b_hh is not None:
        b = b + b_hh.data
    return b


def _present(*tensors: Tensor | None) -> tuple[Tensor, ...]:
    return tuple(t for t in tensors if t is not None)


def _bias_grads(db: np.ndarray, b_ih: Tensor | None, b_hh: Tensor | None
                ) -> tuple[np.ndarray, ...]:
    return tuple(db for b in (b_ih, b_hh) if b is not None)


def rnn_sequence(x: Tensor, h0: Tensor, weight_ih: Tensor, weight_hh: Tensor,
                 bias_ih: Tensor | None = None, bias_hh: Tensor | None = None,
                 nonlinearity: str = "tanh") -> Tensor:
    r"""One RNN layer over a whole batch-first sequence, as a single graph node.

    .. math:: h_t = \phi(x_t W_{ih}^\top + b_{ih} + h_{t-1} W_{hh}^\top + b_{hh})

    The backward pass walks back through time: :math:`A_t = (G_t + A_{t+1} W_{hh}) \odot
    \phi'`, then :math:`\partial L/\partial W_{ih} = \sum_t A_t^\top x_t` and the others,
    each one matrix product over all steps at once.

    Parameters
    ----------
    x : Tensor, shape (N, T, I)
    h0 : Tensor, shape (N, H)
    weight_ih : Tensor, shape (H, I); weight_hh : Tensor, shape (H, H)
    bias_ih, bias_hh : Tensor, shape (H,), optional
    nonlinearity : {"tanh", "relu"}

    Returns
    -------
    Tensor, shape (N, T, H)
        Every hidden state; ``[:, -1]`` is the last.
    """
    W_ih, W_hh = weight_ih.data, weight_hh.data
    N, T, I = x.shape  # noqa: E741
    H = W_hh.shape[0]
    dtype = np.result_type(x.data, h0.data, W_ih, W_hh)
    b = _bias(bias_ih, bias_hh, H, dtype)
    relu = nonlinearity == "relu"
    # Time-major inside (T, N, ...): every step's slice is contiguous, so the matrix
    # products of the loop run in BLAS (a strided (N, H) slice would not).
    X = np.ascontiguousarray(x.data.transpose(1, 0, 2))  # (T, N, I)
    states = np.empty((T + 1, N, H), dtype=dtype)  # h_0 .. h_T
    states[0] = h0.data
    xp = X @ W_ih.T + b  # (T, N, H): the input part of every step at once
    for t in range(T):
        a = xp[t] + states[t] @ W_hh.T
        states[t + 1] = np.maximum(a, 0) if relu else np.tanh(a)

    def backward(g: np.ndarray) -> Grads:
        G = g.transpose(1, 0, 2)  # (T, N, H)
        dA = np.empty((T, N, H), dtype=dtype)
        dh = np.zeros((N, H), dtype=dtype)
        for t in range(T - 1, -1, -1):
            dh = dh + G[t]
            h = states[t + 1]
            dA[t] = dh * (h > 0) if relu else dh * (1 - h * h)
            dh = dA[t] @ W_hh
        A = dA.reshape(T * N, H)  # (T N, H)
        dx = (dA @ W_ih).transpose(1, 0, 2) if x.requires_grad else None  # (N, T, I)
        dW_ih = A.T @ X.reshape(T * N, I)
        dW_hh = A.T @ states[:T].reshape(T * N, H)
        return (dx, dh, dW_ih, dW_hh, *_bias_grads(A.sum(axis=0), bias_ih, bias_hh))

    out = np.ascontiguousarray(states[1:].transpose(1, 0, 2))  # (N, T, H)
    return Tensor._make(out, (x, h0, weight_ih, weight_hh, *_present(bias_ih, bias_hh)),
                        backward, "rnn_sequence")


def lstm_sequence(x: Tensor, h0: Tensor, c0: Tensor, weight_ih: Tensor, weight_hh: Tensor,
                  bias_ih: Tensor | None = None, bias_hh: Tensor | None = None) -> Tensor:
    r"""One LSTM layer over a whole batch-first sequence, as a single graph node.

    Returns every hidden state and, as one extra step at the end, the last cell state:
    shape ``(N, T + 1, H)``, with ``[:, :T]`` the output and ``[:, T]`` :math:`c_T` (one node
    has one output; :class:`LSTM` slices the two apart).

    The backward pass, from :math:`\partial L/\partial h_t` and :math:`\partial L/\partial
    c_T`, step by step from the last:

    .. math::
        \delta h &= G_t + \delta z_{t+1} W_{hh}, \qquad
        \delta c = \delta c_{t+1}' + \delta h \odot o \odot (1 - \tanh^2 c_t) \\
        \delta o &= \delta h \odot \tanh c_t,\ \delta i = \delta c \odot g,\
        \delta g = \delta c \odot i,\ \delta f = \delta c \odot c_{t-1},\
        \delta c_t' = \delta c \odot f

    and :math:`\delta z_t` = those times the gates' derivatives
    (:math:`\sigma' = \sigma(1-\sigma)`, :math:`\tanh' = 1 - \tanh^2`).

    Parameters
    ----------
    x : Tensor, shape (N, T, I)
    h0, c0 : Tensor, shape (N, H)
    weight_ih : Tensor, shape (4H, I); weight_hh : Tensor, shape (4H, H)
    bias_ih, bias_hh : Tensor, shape (4H,), optional
    """
    W_ih, W_hh = weight_ih.data, weight_hh.data
    N, T, I = x.shape  # noqa: E741
    H = W_hh.shape[1]
    dtype = np.result_type(x.data, h0.data, c0.data, W_ih, W_hh)
    b = _bias(bias_ih, bias_hh, 4 * H, dtype)
    X = np.ascontiguousarray(x.data.transpose(1, 0, 2))  # (T, N, I): time-major inside
    hs = np.empty((T + 1, N, H), dtype=dtype)  # h_0 .. h_T
    cs = np.empty((T + 1, N, H), dtype=dtype)  # c_0 .. c_T
    tcs = np.empty((T, N, H), dtype=dtype)  # tanh(c_1) .. tanh(c_T)
    acts = np.empty((T, N, 4 * H), dtype=dtype)  # i, f, g, o after their activations
    hs[0], cs[0] = h0.data, c0.data
    xp = X @ W_ih.T + b  # (T, N, 4H): the input part of every step at once
    for t in range(T):
        z = xp[t] + hs[t] @ W_hh.T  # (N, 4H)
        a = acts[t]
        np.tanh(0.5 * z, out=a)  # sigmoid(z) = (1 + tanh(z / 2)) / 2; g is redone below
        a *= 0.5
        a += 0.5
        np.tanh(z[:, 2 * H:3 * H], out=a[:, 2 * H:3 * H])
        c = a[:, H:2 * H] * cs[t]
        c += a[:, :H] * a[:, 2 * H:3 * H]
        cs[t + 1] = c
        np.tanh(c, out=tcs[t])
        np.multiply(a[:, 3 * H:], tcs[t], out=hs[t + 1])
    out = np.empty((N, T + 1, H), dtype=dtype)
    out[:, :T] = hs[1:].transpose(1, 0, 2)
    out[:, T] = cs[T]

    def backward(g: np.ndarray) -> Grads:
        G = g.transpose(1, 0, 2)  # (T + 1, N, H)
        dz = np.empty((T, N, 4 * H), dtype=dtype)
        dh = np.zeros((N, H), dtype=dtype)
        dc = G[T].copy()
        for t in range(T - 1, -1, -1):
            dh = dh + G[t]
            a = acts[t]
            i, f, gg, o = a[:, :H], a[:, H:2 * H], a[:, 2 * H:3 * H], a[:, 3 * H:]
            tc = tcs[t]
            dc = dc + dh * o * (1 - tc * tc)
            d = dz[t]
            d[:, :H] = dc * gg * i * (1 - i)
            d[:, H:2 * H] = dc * cs[t] * f * (1 - f)
            d[:, 2 * H:3 * H] = dc * i * (1 - gg * gg)
            d[:, 3 * H:] = dh * tc * o * (1 - o)
            dc = dc * f
            dh = d @ W_hh
        Z = dz.reshape(T * N, 4 * H)  # (T N, 4H)
        dx = (dz @ W_ih).transpose(1, 0, 2) if x.requires_grad else None  # (N, T, I)
        dW_ih = Z.T @ X.reshape(T * N, I)
        dW_hh = Z.T @ hs[:T].reshape(T * N, H)
        return (dx, dh, dc, dW_ih, dW_hh, *_bias_grads(Z.sum(axis=0), bias_ih, bias_hh))

    return Tensor._make(out, (x, h0, c0, weight_ih, weight_hh, *_present(bias_ih, bias_hh)),
                        backward, "lstm_sequence")


def _slice(t: Tensor, key: Any) -> Tensor:
    """``t[key]`` for basic slicing (no repeated elements): the backward pass writes the
    gradient into zeros instead of scattering with ``np.add.at``."""
    x = t.data

    def backward(g: np.ndarray) -> Grads:
        grad = np.zeros_like(x)
        grad[key] = g
        return (grad,)

    return Tensor._make(np.ascontiguousarray(x[key]), (t,), backward, "slice")


# ===========================================================================================
# Layers


def _uniform(gen: np.random.Generator, k: float, shape: tuple[int, ...], dtype: Any
             ) -> Parameter:
    return Parameter(gen.uniform(-k, k, size=shape), dtype=dtype)


def _generator(rng: np.random.Generator | int | None) -> np.random.Generator:
    return rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)


def _check_nonlinearity(nonlinearity: str) -> str:
    if nonlinearity not in ("tanh", "relu"):
        raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
    return nonlinearity


def _as_tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(x)


class _CellBase(Module):
    """Parameters and input checks shared by :class:`RNNCell` and :class:`LSTMCell`."""

    input_size: int
    hidden_size: int
    weight_ih: Parameter
    weight_hh: Parameter
    bias_ih: Parameter | None
    bias_hh: Parameter | None

    def __init__(self, input_size: int, hidden_size: int, bias: bool, gates: int, dtype: Any,
                 rng: np.random.Generator | int | None) -> None:
        super().__init__()
        self.input_size = _check_size(input_size, "input_size")
        self.hidden_size = _check_size(hidden_size, "hidden_size")
        gen = _generator(rng)
        k = 1.0 / math.sqrt(self.hidden_size)
        gh = gates * self.hidden_size
        self.weight_ih = _uniform(gen, k, (gh, self.input_size), dtype)
        self.weight_hh = _uniform(gen, k, (gh, self.hidden_size), dtype)
        if bias:
            self.bias_ih = _uniform(gen, k, (gh,), dtype)
            self.bias_hh = _uniform(gen, k, (gh,), dtype)
        else:
            object.__setattr__(self, "bias_ih", None)
            object.__setattr__(self, "bias_hh", None)

    def _input(self, x: Any) -> tuple[Tensor, bool]:
        """``(x as (N, I), whether it was one unbatched example)``."""
        x = _as_tensor(x)
        if x.ndim not in (1, 2) or x.shape[-1] != self.input_size:
            raise ValueError(f"{type(self).__name__}: input must have shape (N, "
                             f"{self.input_size}) or ({self.input_size},), got {x.shape}")
        return (x.unsqueeze(0), True) if x.ndim == 1 else (x, False)

    def _hidden(self, h: Any, n: int, unbatched: bool, name: str, dtype: Any) -> Tensor:
        if h is None:
            return Tensor(np.zeros((n, self.hidden_size), dtype=dtype))
        h = _as_tensor(h)
        expected = (self.hidden_size,) if unbatched else (n, self.hidden_size)
        if h.shape != expected:
            raise ValueError(f"{type(self).__name__}: {name} must have shape {expected}, got "
                             f"{h.shape}")
        return h.unsqueeze(0) if unbatched else h

    def _gates(self, x: Tensor, h: Tensor) -> Tensor:
        """:math:`x W_{ih}^\\top + b_{ih} + h W_{hh}^\\top + b_{hh}`, shape (N, gates H)."""
        return F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh,
                                                                     self.bias_hh)

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}" + (
            ", bias=False" if self.bias_ih is None else "")


class RNNCell(_CellBase):
    r"""One step of an Elman RNN, as ``torch.nn.RNNCell``:
    :math:`h' = \phi(x W_{ih}^\top + b_{ih} + h W_{hh}^\top + b_{hh})`.

    Parameters
    ----------
    input_size, hidden_size : int
    bias : bool, default True
    nonlinearity : {"tanh", "relu"}
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    weight_ih : Parameter (H, I); weight_hh : Parameter (H, H)
    bias_ih, bias_hh : Parameter (H,) or None
        All drawn from :math:`U(-k, k)`, :math:`k = 1/\sqrt H`, as PyTorch.

    Examples
    --------
    >>> cell = RNNCell(3, 4, rng=0)
    >>> cell(Tensor(np.ones((2, 3)))).shape          # h0 defaults to zeros
    (2, 4)
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True,
                 nonlinearity: str = "tanh", dtype: Any = np.float32,
                 rng: np.random.Generator | int | None = None) -> None:
        super().__init__(input_size, hidden_size, bias, 1, dtype, rng)
        self.nonlinearity = _check_nonlinearity(nonlinearity)

    def forward(self, input: Any, hx: Any = None) -> Tensor:
        """``input`` (N, I) or (I,), ``hx`` (N, H) or (H,) (zeros when None) to h' (N, H)
        (or (H,))."""
        x, unbatched = self._input(input)
        h = self._hidden(hx, x.shape[0], unbatched, "hx", x.dtype)
        a = self._gates(x, h)
        out = a.tanh() if self.nonlinearity == "tanh" else a.relu()
        return out.squeeze(0) if unbatched else out

    def extra_repr(self) -> str:
        return super().extra_repr() + (
            f", nonlinearity={self.nonlinearity!r}" if self.nonlinearity != "tanh" else "")


class LSTMCell(_CellBase):
    r"""One LSTM step, as ``torch.nn.LSTMCell`` (gates ``i, f, g, o`` in that order).

    .. math::
        [z_i, z_f, z_g, z_o] &= x W_{ih}^\top + b_{ih} + h W_{hh}^\top + b_{hh} \\
        c' &= \sigma(z_f) \odot c + \sigma(z_i) \odot \tanh(z_g), \qquad
        h' = \sigma(z_o) \odot \tanh(c')

    Parameters
    ----------
    input_size, hidden_size : int
    bias : bool, default True
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    weight_ih : Parameter (4H, I); weight_hh : Parameter (4H, H)
    bias_ih, bias_hh : Parameter (4H,) or None

    Examples
    --------
    >>> h, c = LSTMCell(3, 4, rng=0)(Tensor(np.ones((2, 3))))
    >>> h.shape, c.shape
    ((2, 4), (2, 4))
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None) -> None:
        super().__init__(input_size, hidden_size, bias, 4, dtype, rng)

    def forward(self, input: Any, hx: tuple[Any, Any] | None = None) -> tuple[Tensor, Tensor]:
        """``input`` (N, I), ``hx = (h, c)`` each (N, H) (zeros when None) to ``(h', c')``."""
        x, unbatched = self._input(input)
        n = x.shape[0]
        h0, c0 = (None, None) if hx is None else hx
        h = self._hidden(h0, n, unbatched, "h", x.dtype)
        c = self._hidden(c0, n, unbatched, "c", x.dtype)
        H = self.hidden_size
        z = self._gates(x, h)  # (N, 4H)
        i, f = z[:, :H].sigmoid(), z[:, H:2 * H].sigmoid()
        g, o = z[:, 2 * H:3 * H].tanh(), z[:, 3 * H:].sigmoid()
        c_new = f * c + i * g
        h_new = o * c_new.tanh()
        if unbatched:
            return h_new.squeeze(0), c_new.squeeze(0)
        return h_new, c_new


class _RNNBase(Module):
    """Layers, parameters and shape handling shared by :class:`RNN` and :class:`LSTM`."""

    input_size: int
    hidden_size: int
    num_layers: int
    bias: bool
    batch_first: bool
    fused: bool

    def __init__(self, input_size: int, hidden_size: int, num_layers: int, bias: bool,
                 batch_first: bool, gates: int, dtype: Any,
                 rng: np.random.Generator | int | None, fused: bool) -> None:
        super().__init__()
        self.input_size = _check_size(input_size, "input_size")
        self.hidden_size = _check_size(hidden_size, "hidden_size")
        self.num_layers = _check_size(num_layers, "num_layers")
        self.bias = bool(bias)
        self.batch_first = bool(batch_first)
        self.fused = bool(fused)
        gen = _generator(rng)
        k = 1.0 / math.sqrt(self.hidden_size)
        gh = gates * self.hidden_size
        for layer in range(self.num_layers):
            n_in = self.input_size if layer == 0 else self.hidden_size
            # PyTorch's order: weight_ih, weight_hh, bias_ih, bias_hh, layer after layer.
            setattr(self, f"weight_ih_l{layer}", _uniform(gen, k, (gh, n_in), dtype))
            setattr(self, f"weight_hh_l{layer}", _uniform(gen, k, (gh, self.hidden_size),
                                                          dtype))
            if self.bias:
                setattr(self, f"bias_ih_l{layer}", _uniform(gen, k, (gh,), dtype))
                setattr(self, f"bias_hh_l{layer}", _uniform(gen, k, (gh,), dtype))

    def _layer_params(self, layer: int) -> tuple[Tensor, Tensor, Tensor | None, Tensor | None]:
        params = self.__dict__
        return (params[f"weight_ih_l{layer}"], params[f"weight_hh_l{layer}"],
                params.get(f"bias_ih_l{layer}"), params.get(f"bias_hh_l{layer}"))

    def _input(self, x: Any) -> tuple[Tensor, bool]:
        """``(x as (N, T, I), whether it was one unbatched sequence)``."""
        x = _as_tensor(x)
        if x.ndim not in (2, 3) or x.shape[-1] != self.input_size:
            order = "(N, T" if self.batch_first else "(T, N"
            raise ValueError(f"{type(self).__name__}: input must have shape {order}, "
                             f"{self.input_size}) or (T, {self.input_size}), got {x.shape}")
        if x.ndim == 2:
            return x.unsqueeze(0), True
        if x.shape[1 if self.batch_first else 0] == 0:
            raise ValueError(f"{type(self).__name__}: the sequences are empty (length 0)")
        return (x if self.batch_first else x.permute(1, 0, 2)), False  # (N, T, I)

    def _state(self, s: Any, n: int, unbatched: bool, name: str, dtype: Any) -> list[Tensor]:
        """The initial state as one (N, H) Tensor per layer."""
        L, H = self.num_layers, self.hidden_size
        if s is None:
            zeros = Tensor(np.zeros((n, H), dtype=dtype))
            return [zeros] * L
        s = _as_tensor(s)
        expected = (L, H) if unbatched else (L, n, H)
        if s.shape != expected:
            raise ValueError(f"{type(self).__name__}: {name} must have shape (num_layers, "
                             f"{'H' if unbatched else 'N, H'}) = {expected}, got {s.shape}")
        if unbatched:
            s = s.unsqueeze(1)  # (L, 1, H)
        return [_slice(s, layer) for layer in range(L)]

    def _output(self, out: Tensor, unbatched: bool) -> Tensor:
        if unbatched:
            return out.squeeze(0)  # (T, H)
        return out if self.batch_first else out.permute(1, 0, 2)

    @staticmethod
    def _final(states: list[Tensor], unbatched: bool) -> Tensor:
        s = stack(states, axis=0)  # (L, N, H)
        return s.squeeze(1) if unbatched else s

    def extra_repr(self) -> str:
        text = f"{self.input_size}, {self.hidden_size}"
        if self.num_layers != 1:
            text += f", num_layers={self.num_layers}"
        if not self.bias:
            text += ", bias=False"
        return text + f", batch_first={self.batch_first}"


class RNN(_RNNBase):
    r"""A multi-layer Elman RNN, as ``torch.nn.RNN(..., batch_first=True)``.

    For each layer :math:`l` and step :math:`t` (the input of layer :math:`l > 0` is the
    hidden state of layer :math:`l - 1`):

    .. math:: h_t^{(l)} = \phi\left(h_t^{(l-1)} W_{ih}^{(l)\top} + b_{ih}^{(l)}
              + h_{t-1}^{(l)} W_{hh}^{(l)\top} + b_{hh}^{(l)}\right),
              \qquad h_t^{(0)} = x_t

    Parameters
    ----------
    input_size, hidden_size : int
    num_layers : int, default 1
    nonlinearity : {"tanh", "relu"}
    bias : bool, default True
    batch_first : bool, default True
        Input and output ``(N, T, features)``; False: ``(T, N, features)``. The states
        ``h_0``, ``h_n`` are ``(num_layers, N, H)`` either way.
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None
    fused : bool, default True
        One fused graph node per layer (:func:`rnn_sequence`); False unrolls
        :class:`RNNCell`-style steps made of Tensor operations (slower, same numbers).

    Attributes
    ----------
    weight_ih_l{k} : Parameter, (H, I) for k = 0, else (H, H)
    weight_hh_l{k} : Parameter, (H, H)
    bias_ih_l{k}, bias_hh_l{k} : Parameter, (H,)

    Examples
    --------
    >>> rnn = RNN(2, 3, num_layers=2, rng=0)
    >>> output, h_n = rnn(Tensor(np.ones((5, 4, 2))))
    >>> output.shape, h_n.shape
    ((5, 4, 3), (2, 5, 3))
    """

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1,
                 nonlinearity: str = "tanh", bias: bool = True, batch_first: bool = True,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None,
                 *, fused: bool = True) -> None:
        super().__init__(input_size, hidden_size, num_layers, bias, batch_first, 1, dtype, rng,
                         fused)
        self.nonlinearity = _check_nonlinearity(nonlinearity)

    def forward(self, input: Any, hx: Any = None) -> tuple[Tensor, Tensor]:
        """``input`` (N, T, I) (or (T, I)), ``hx`` (num_layers, N, H) (zeros when None) to
        ``(output (N, T, H), h_n (num_layers, N, H))``."""
        x, unbatched = self._input(input)
        h0 = self._state(hx, x.shape[0], unbatched, "hx", x.dtype)
        finals = []
        for layer in range(self.num_layers):
            W_ih, W_hh, b_ih, b_hh = self._layer_params(layer)
            if self.fused:
                x = rnn_sequence(x, h0[layer], W_ih, W_hh, b_ih, b_hh, self.nonlinearity)
            else:
                h, steps = h0[layer], []
                for t in range(x.shape[1]):
                    a = F.linear(_slice(x, (slice(None), t)), W_ih, b_ih) + \
                        F.linear(h, W_hh, b_hh)
                    h = a.tanh() if self.nonlinearity == "tanh" else a.relu()
                    steps.append(h)
                x = stack(steps, axis=1)  # (N, T, H)
            finals.append(_slice(x, (slice(None), -1)))
        return self._output(x, unbatched), self._final(finals, unbatched)

    def extra_repr(self) -> str:
        return super().extra_repr() + (
            f", nonlinearity={self.nonlinearity!r}" if self.nonlinearity != "tanh" else "")


class LSTM(_RNNBase):
    r"""A multi-layer LSTM, as ``torch.nn.LSTM(..., batch_first=True)``.

    Every layer runs :class:`LSTMCell`'s step over the sequence; the hidden states of layer
    :math:`l - 1` are the inputs of layer :math:`l`.

    Parameters
    ----------
    input_size, hidden_size : int
    num_layers : int, default 1
    bias : bool, default True
    batch_first : bool, default True
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None
    fused : bool, default True
        One fused graph node per layer (:func:`lstm_sequence`); False unrolls Tensor
        operations step by step.

    Attributes
    ----------
    weight_ih_l{k} : Parameter, (4H, I) for k = 0, else (4H, H); gate rows i, f, g, o
    weight_hh_l{k} : Parameter, (4H, H)
    bias_ih_l{k}, bias_hh_l{k} : Parameter, (4H,)

    Examples
    --------
    >>> lstm = LSTM(2, 3, rng=0)
    >>> output, (h_n, c_n) = lstm(Tensor(np.ones((5, 4, 2))))
    >>> bool(np.allclose(output.data[:, -1], h_n.data[0]))
    True
    """

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1,
                 bias: bool = True, batch_first: bool = True, dtype: Any = np.float32,
                 rng: np.random.Generator | int | None = None, *, fused: bool = True) -> None:
        super().__init__(input_size, hidden_size, num_layers, bias, batch_first, 4, dtype, rng,
                         fused)

    def forward(self, input: Any, hx: tuple[Any, Any] | None = None
                ) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        """``input`` (N, T, I) (or (T, I)), ``hx = (h_0, c_0)`` each (num_layers, N, H)
        (zeros when None) to ``(output (N, T, H), (h_n, c_n))``, h_n and c_n
        (num_layers, N, H)."""
        x, unbatched = self._input(input)
        n = x.shape[0]
        if hx is not None and (not isinstance(hx, (tuple, list)) or len(hx) != 2):
            raise ValueError("LSTM: hx must be a tuple (h_0, c_0)")
        h0 = self._state(None if hx is None else hx[0], n, unbatched, "h_0", x.dtype)
        c0 = self._state(None if hx is None else hx[1], n, unbatched, "c_0", x.dtype)
        H, T = self.hidden_size, x.shape[1]
        h_fin, c_fin = [], []
        for layer in range(self.num_layers):
            W_ih, W_hh, b_ih, b_hh = self._layer_params(layer)
            if self.fused:
                packed = lstm_sequence(x, h0[layer], c0[layer], W_ih, W_hh, b_ih, b_hh)
                x = _slice(packed, (slice(None), slice(0, T)))  # (N, T, H)
                c = _slice(packed, (slice(None), T))
            else:
                h, c, steps = h0[layer], c0[layer], []
                for t in range(T):
                    z = F.linear(_slice(x, (slice(None), t)), W_ih, b_ih) + \
                        F.linear(h, W_hh, b_hh)  # (N, 4H)
                    i, f = _slice(z, (slice(None), slice(0, H))).sigmoid(), \
                        _slice(z, (slice(None), slice(H, 2 * H))).sigmoid()
                    g = _slice(z, (slice(None), slice(2 * H, 3 * H))).tanh()
                    o = _slice(z, (slice(None), slice(3 * H, 4 * H))).sigmoid()
                    c = f * c + i * g
                    h = o * c.tanh()
                    steps.append(h)
                x = stack(steps, axis=1)  # (N, T, H)
            h_fin.append(_slice(x, (slice(None), -1)))
            c_fin.append(c)
        return self._output(x, unbatched), (self._final(h_fin, unbatched),
                                            self._final(c_fin, unbatched))


# ===========================================================================================
# Gradient clipping (belongs in groundup.nn.utils, as torch.nn.utils.clip_grad_norm_)


def clip_grad_norm_(parameters: Tensor | Iterable[Tensor], max_norm: float,
                    norm_type: float = 2.0, error_if_nonfinite: bool = False) -> float:
    r"""Scale the parameters' gradients in place so that their joint norm is at most
    ``max_norm``, as ``torch.nn.utils.clip_grad_norm_``.

    .. math:: g \leftarrow g \cdot \min\left(1, \frac{\text{max\_norm}}
              {\lVert g \rVert_p + 10^{-6}}\right)

    with :math:`\lVert g \rVert_p` the norm of all gradients together (see
    :func:`clip_grad_norm`). Parameters whose ``grad`` is None are skipped.

    Parameters
    ----------
    parameters : Tensor or iterable of Tensor
    max_norm : float
        Positive.
    norm_type : float, default 2.0
        Positive, or ``float("inf")``.
    error_if_nonfinite : bool, default False
        Raise if the total norm is ``nan`` or ``inf`` (the gradients are then left alone).

    Returns
    -------
    float
        The total norm before clipping (PyTorch returns it as a 0-d tensor).

    Raises
    ------
    ValueError
        If ``max_norm`` or ``norm_type`` is not positive.
    RuntimeError
        If ``error_if_nonfinite`` and the norm is not finite.

    Examples
    --------
    >>> w = Tensor([0.0, 0.0], requires_grad=True)
    >>> w.grad = np.array([3.0, 4.0], dtype=np.float32)
    >>> clip_grad_norm_([w], max_norm=1.0)
    5.0
    >>> [round(v, 4) for v in w.grad.tolist()]
    [0.6, 0.8]
    """
    max_norm, norm_type = _check_norm_args(max_norm, norm_type)
    params = [parameters] if isinstance(parameters, Tensor) else list(parameters)
    with_grad = [p for p in params if p.grad is not None]
    total = _total_norm([p.grad for p in with_grad if p.grad is not None], norm_type)
    if not math.isfinite(total) and error_if_nonfinite:
        raise RuntimeError(f"the total norm of order {norm_type} of the gradients is "
                           f"{total}: they cannot be clipped")
    coef = min(max_norm / (total + 1e-6), 1.0)
    for p in with_grad:
        assert p.grad is not None
        p.grad = p.grad * np.asarray(coef, dtype=p.grad.dtype)
    return total
