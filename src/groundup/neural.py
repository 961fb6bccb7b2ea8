r"""Neurons, activations and a two-layer network, written out in NumPy (phase 4).

The reference solutions of the ``act.*`` and ``mlp.*`` exercises: the activation functions
and their derivatives, one neuron, a network that solves XOR, the gradient norms of a deep
chain (the vanishing gradient), a dense layer, softmax cross-entropy, a two-layer MLP's
forward and backward pass by hand, Xavier and He initialisation, a mini-batch training loop,
(the same MLP on :mod:`groundup.nn` is in :mod:`groundup.neural_engine`). NumPy and SciPy
only. Tested against PyTorch in ``tests/reference/test_neural.py``.

Shapes follow PyTorch: a layer's weight ``W`` has shape ``(n_out, n_in)`` and a batch ``X`` of
shape ``(n_samples, n_in)`` maps to ``X @ W.T + b`` of shape ``(n_samples, n_out)``.

Examples
--------
>>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
>>> W1, b1, W2, b2 = xor_weights()
>>> (xor_forward(X, W1, b1, W2, b2) > 0.5).astype(int).ravel().tolist()
[0, 1, 1, 0]
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import erfc

__all__ = [
    "ACTIVATIONS", "dense_forward", "gelu", "gelu_grad", "he_normal",
    "layer_gradient_norms", "make_spirals", "mlp_forward_backward", "neuron", "predict",
    "relu", "relu_grad", "sigmoid", "sigmoid_grad", "softmax_cross_entropy", "tanh",
    "tanh_grad", "train_mlp", "xavier_uniform", "xor_forward", "xor_weights",
]

ACTIVATIONS = ("identity", "sigmoid", "tanh", "relu")

Params = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _float_array(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype=float)


# ---------------------------------------------------------------------------------------------
# Activations and their derivatives


def sigmoid(x: ArrayLike) -> np.ndarray:
    r"""The logistic sigmoid :math:`\sigma(x) = 1 / (1 + e^{-x})`, element-wise, never
    overflowing.

    For :math:`x < 0` the same value is :math:`e^{x} / (1 + e^{x})`: with :math:`e^{-|x|}`
    every exponent is :math:`\le 0`.

    Parameters
    ----------
    x : array_like

    Returns
    -------
    ndarray of floats, the shape of ``x``
    """
    x = _float_array(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x: ArrayLike) -> np.ndarray:
    r"""The hyperbolic tangent :math:`(e^{x} - e^{-x}) / (e^{x} + e^{-x})`, from exponentials
    that never overflow.

    With :math:`e = e^{-2|x|} \le 1`: :math:`\tanh x = \operatorname{sign}(x)\,(1 - e) / (1 + e)`,
    and :math:`1 - e` is computed as ``-expm1(-2|x|)`` so that small :math:`x` keep their digits.
    """
    x = _float_array(x)
    a = -2.0 * np.abs(x)
    return np.sign(x) * (-np.expm1(a)) / (1.0 + np.exp(a))


def relu(x: ArrayLike) -> np.ndarray:
    r"""The rectified linear unit :math:`\max(0, x)`, element-wise."""
    x = _float_array(x)
    return np.maximum(x, 0.0)


def gelu(x: ArrayLike) -> np.ndarray:
    r"""The Gaussian error linear unit :math:`x\,\Phi(x)` (PyTorch's exact form).

    :math:`\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)`: the complementary error
    function keeps its precision in the left tail, where :math:`1 + \operatorname{erf}` would
    cancel.
    """
    x = _float_array(x)
    return x * 0.5 * erfc(-x / math.sqrt(2.0))


def sigmoid_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\sigma'(x) = \sigma(x)\,(1 - \sigma(x))`, element-wise."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\tanh'(x) = 1 - \tanh^2 x`, element-wise."""
    t = tanh(x)
    return 1.0 - t * t


def relu_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\operatorname{relu}'(x) = 1` for :math:`x > 0`, else 0 (0 at 0, as PyTorch)."""
    x = _float_array(x)
    return (x > 0).astype(float)


def gelu_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x)`, with :math:`\varphi` the
    standard Normal density."""
    x = _float_array(x)
    cdf = 0.5 * erfc(-x / math.sqrt(2.0))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


_FORWARD: dict[str, Callable[[ArrayLike], np.ndarray]] = {
    "identity": lambda z: _float_array(z), "sigmoid": sigmoid, "tanh": tanh, "relu": relu,
}
_DERIVATIVE: dict[str, Callable[[ArrayLike], np.ndarray]] = {
    "identity": lambda z: np.ones_like(_float_array(z)), "sigmoid": sigmoid_grad,
    "tanh": tanh_grad, "relu": relu_grad,
}


def _check_activation(activation: str, allowed: tuple[str, ...] = ACTIVATIONS) -> None:
    if activation not in allowed:
        raise ValueError(f"activation must be one of {allowed}, got {activation!r}")


# ---------------------------------------------------------------------------------------------
# One neuron, XOR, and the vanishing gradient


def neuron(X: ArrayLike, w: ArrayLike, b: float, activation: str = "sigmoid") -> np.ndarray:
    r"""One neuron on a batch: :math:`\hat y_i = f(x_i \cdot w + b)` for every row :math:`x_i`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    w : array_like, shape (n_features,)
    b : float
    activation : {"identity", "sigmoid", "tanh", "relu"}

    Returns
    -------
    ndarray, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` not 1-D, their sizes differ, or the activation is unknown.
    """
    _check_activation(activation)
    X = _float_array(X)
    w = _float_array(w)
    if X.ndim != 2 or w.ndim != 1:
        raise ValueError(f"X must be 2-D and w 1-D, got shapes {X.shape} and {w.shape}")
    if X.shape[1] != w.shape[0]:
        raise ValueError(f"X has {X.shape[1]} features but w has {w.shape[0]} weights")
    z = X @ w + float(b)  # (n_samples,)
    return _FORWARD[activation](z)


def xor_forward(X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike,
                b2: ArrayLike) -> np.ndarray:
    r"""A 2-2-1 network: :math:`\hat p = \sigma\big(\operatorname{relu}(X W_1^\top + b_1)
    W_2^\top + b_2\big)`.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    W1 : array_like, shape (2, 2);  b1 : shape (2,)
    W2 : array_like, shape (1, 2);  b2 : shape (1,)

    Returns
    -------
    ndarray, shape (n_samples, 1): the probability of class 1.

    Raises
    ------
    ValueError
        If a shape differs from the above.
    """
    X, W1, b1, W2, b2 = (_float_array(a) for a in (X, W1, b1, W2, b2))
    shapes = {"W1": (W1.shape, (2, 2)), "b1": (b1.shape, (2,)), "W2": (W2.shape, (1, 2)),
              "b2": (b2.shape, (1,))}
    for name, (got, want) in shapes.items():
        if got != want:
            raise ValueError(f"{name} must have shape {want}, got {got}")
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n_samples, 2), got {X.shape}")
    H = relu(X @ W1.T + b1)  # (n, 2)
    return sigmoid(H @ W2.T + b2)  # (n, 1)


def xor_weights() -> Params:
    r"""Weights of :func:`xor_forward` that compute XOR confidently.

    Hidden unit 1 counts the ones, :math:`h_1 = \operatorname{relu}(x_1 + x_2)`; hidden unit 2
    fires only when both are on, :math:`h_2 = \operatorname{relu}(x_1 + x_2 - 1)`. Then
    :math:`h_1 - 2 h_2` is 0, 1, 1, 0 on the four corners; scaled by 10 and shifted by -5 the
    sigmoid gives about 0.007 or 0.993.

    Returns
    -------
    (W1, b1, W2, b2) : arrays of shapes (2, 2), (2,), (1, 2), (1,)
    """
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([0.0, -1.0])
    W2 = np.array([[10.0, -20.0]])
    b2 = np.array([-5.0])
    return W1, b1, W2, b2


def layer_gradient_norms(X: ArrayLike, weights: ArrayLike,
                         activation: str = "sigmoid") -> np.ndarray:
    r"""How big the gradient is at each layer of a deep chain, from the input side up.

    The chain is :math:`H_0 = X`, :math:`H_l = f(H_{l-1} W_l^\top)` for
    :math:`l = 1..L` (no biases), and the loss is :math:`L = \sum H_L`. Backpropagation:

    .. math:: G_L = \mathbf 1, \quad \Delta_l = G_l \odot f'(Z_l), \quad
              \frac{\partial L}{\partial W_l} = \Delta_l^\top H_{l-1}, \quad
              G_{l-1} = \Delta_l W_l

    Parameters
    ----------
    X : array_like, shape (n_samples, width)
    weights : array_like, shape (depth, width, width)
        ``weights[l]`` is layer ``l + 1``'s matrix, PyTorch's layout (out, in).
    activation : {"sigmoid", "tanh", "relu"}

    Returns
    -------
    ndarray, shape (depth,)
        :math:`\lVert \partial L / \partial W_l \rVert_F` for :math:`l = 1..L`.

    Raises
    ------
    ValueError
        For an unknown activation or inconsistent shapes.
    """
    _check_activation(activation, ("sigmoid", "tanh", "relu"))
    X = _float_array(X)
    Ws = _float_array(weights)
    if Ws.ndim != 3 or Ws.shape[1] != Ws.shape[2]:
        raise ValueError(f"weights must have shape (depth, width, width), got {Ws.shape}")
    if X.ndim != 2 or X.shape[1] != Ws.shape[2]:
        raise ValueError(f"X must have shape (n_samples, {Ws.shape[2]}), got {X.shape}")
    f, df = _FORWARD[activation], _DERIVATIVE[activation]
    inputs, pre = [], []
    H = X
    for W in Ws:
        Z = H @ W.T  # (n, width)
        inputs.append(H)
        pre.append(Z)
        H = f(Z)
    G = np.ones_like(H)  # dL/dH_L
    norms = np.empty(len(Ws))
    for layer in reversed(range(len(Ws))):
        delta = G * df(pre[layer])  # dL/dZ_l, (n, width)
        norms[layer] = np.linalg.norm(delta.T @ inputs[layer])
        G = delta @ Ws[layer]  # dL/dH_{l-1}
    return norms


# ---------------------------------------------------------------------------------------------
# Layers and losses


def dense_forward(X: ArrayLike, W: ArrayLike, b: ArrayLike | None = None) -> np.ndarray:
    r"""A dense (fully connected, "linear") layer: :math:`Y = X W^\top + b`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    W : array_like, shape (n_out, n_in)
    b : array_like, shape (n_out,), optional

    Returns
    -------
    ndarray, shape (n_samples, n_out)

    Raises
    ------
    ValueError
        If ``X`` or ``W`` is not 2-D, ``n_in`` differs, or ``b`` is not of shape (n_out,).
    """
    X = _float_array(X)
    W = _float_array(W)
    if X.ndim != 2 or W.ndim != 2:
        raise ValueError(f"X and W must be 2-D, got shapes {X.shape} and {W.shape}")
    if X.shape[1] != W.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features but W expects {W.shape[1]} "
                         f"(W has shape (n_out, n_in) = {W.shape})")
    Y = X @ W.T  # (n, n_out)
    if b is not None:
        b = _float_array(b)
        if b.shape != (W.shape[0],):
            raise ValueError(f"b must have shape ({W.shape[0]},), got {b.shape}")
        Y = Y + b
    return Y


def _check_labels(y: ArrayLike, n_samples: int, n_classes: int) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1 or y.shape[0] != n_samples:
        raise ValueError(f"y must have shape ({n_samples},), got {y.shape}")
    if y.dtype.kind not in "iuf" or (y.dtype.kind == "f" and np.any(y != np.round(y))):
        raise ValueError("y must hold integer class labels")
    y = y.astype(int)
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise ValueError(f"class labels must be in [0, {n_classes}), got {y.min()}..{y.max()}")
    return y


def softmax_cross_entropy(logits: ArrayLike, y: ArrayLike) -> tuple[float, np.ndarray]:
    r"""Mean cross-entropy of the softmax of ``logits`` against labels, and its gradient.

    .. math:: L = \frac1n \sum_i \Big(-z_{i, y_i} + \log\sum_k e^{z_{ik}}\Big), \qquad
              \frac{\partial L}{\partial z_{ik}} = \frac1n\big(\operatorname{softmax}(z_i)_k
              - [k = y_i]\big)

    The row maximum is subtracted before exponentiating, so large logits do not overflow.

    Parameters
    ----------
    logits : array_like, shape (n_samples, n_classes)
    y : array_like of ints, shape (n_samples,), each in [0, n_classes)

    Returns
    -------
    (loss, dlogits) : float, ndarray of shape (n_samples, n_classes)

    Raises
    ------
    ValueError
        If ``logits`` is not 2-D or empty, or ``y`` has the wrong shape or a label out of range.
    """
    Z = _float_array(logits)
    if Z.ndim != 2 or Z.shape[0] == 0 or Z.shape[1] == 0:
        raise ValueError(f"logits must have shape (n_samples, n_classes), got {Z.shape}")
    n = Z.shape[0]
    y = _check_labels(y, n, Z.shape[1])
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probs = shifted - log_norm  # (n, K)
    rows = np.arange(n)
    loss = float(-log_probs[rows, y].mean())
    dZ = np.exp(log_probs)
    dZ[rows, y] -= 1.0
    return loss, dZ / n


def mlp_forward_backward(X: ArrayLike, y: ArrayLike, W1: ArrayLike, b1: ArrayLike,
                         W2: ArrayLike, b2: ArrayLike) -> tuple[float, np.ndarray, np.ndarray,
                                                               np.ndarray, np.ndarray]:
    r"""Loss and every parameter's gradient of a 2-layer ReLU MLP, by hand.

    Forward: :math:`Z_1 = X W_1^\top + b_1`, :math:`H = \operatorname{relu}(Z_1)`,
    :math:`Z_2 = H W_2^\top + b_2`, :math:`L = \operatorname{CE}(Z_2, y)` (mean).
    Backward, with :math:`\Delta_2 = \partial L / \partial Z_2` from the softmax:

    .. math:: \nabla W_2 = \Delta_2^\top H, \quad \nabla b_2 = \textstyle\sum_i \Delta_2, \quad
              \Delta_1 = (\Delta_2 W_2) \odot [Z_1 > 0], \quad \nabla W_1 = \Delta_1^\top X,
              \quad \nabla b_1 = \textstyle\sum_i \Delta_1

    Parameters
    ----------
    X : shape (n_samples, n_in);  y : ints, shape (n_samples,)
    W1 : shape (n_hidden, n_in);  b1 : shape (n_hidden,)
    W2 : shape (n_classes, n_hidden);  b2 : shape (n_classes,)

    Returns
    -------
    (loss, dW1, db1, dW2, db2) : float and arrays shaped as the parameters

    Raises
    ------
    ValueError
        If the shapes do not fit together or a label is out of range.
    """
    W1, b1, W2, b2 = (_float_array(a) for a in (W1, b1, W2, b2))
    if W2.ndim != 2 or W1.ndim != 2 or W2.shape[1] != W1.shape[0]:
        raise ValueError(f"W2 must have shape (n_classes, {W1.shape[0] if W1.ndim else '?'}), "
                         f"got W1 {W1.shape} and W2 {W2.shape}")
    Z1 = dense_forward(X, W1, b1)  # (n, n_hidden)
    H = relu(Z1)
    Z2 = dense_forward(H, W2, b2)  # (n, n_classes)
    loss, dZ2 = softmax_cross_entropy(Z2, y)
    X = _float_array(X)
    dW2 = dZ2.T @ H  # (n_classes, n_hidden)
    db2 = dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2) * (Z1 > 0)  # (n, n_hidden)
    dW1 = dZ1.T @ X  # (n_hidden, n_in)
    db1 = dZ1.sum(axis=0)
    return loss, dW1, db1, dW2, db2


# ---------------------------------------------------------------------------------------------
# Initialisation and training


def _check_fans(fan_in: int, fan_out: int) -> None:
    for name, v in (("fan_in", fan_in), ("fan_out", fan_out)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < 1:
            raise ValueError(f"{name} must be a positive int, got {v!r}")


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Glorot/Xavier uniform weights: :math:`U(-a, a)`, :math:`a = \sqrt{6 / (n_{in} + n_{out})}`,
    so that :math:`\operatorname{Var} W = 2 / (n_{in} + n_{out})`.

    Returns
    -------
    ndarray, shape (fan_out, fan_in)
    """
    _check_fans(fan_in, fan_out)
    a = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in))


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""He/Kaiming normal weights for ReLU layers: :math:`\mathcal N(0, 2 / n_{in})`.

    Returns
    -------
    ndarray, shape (fan_out, fan_in)
    """
    _check_fans(fan_in, fan_out)
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_out, fan_in))


def predict(X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike,
            b2: ArrayLike) -> np.ndarray:
    """The class with the largest logit for each row of ``X`` (a 2-layer ReLU MLP)."""
    logits = dense_forward(relu(dense_forward(X, W1, b1)), W2, b2)
    return logits.argmax(axis=1)


def _progress(epoch: int, num_epochs: int, loss: float, acc: float) -> None:
    width = 24
    done = int(width * epoch / num_epochs)
    bar = "#" * done + "-" * (width - done)
    end = "\n" if epoch == num_epochs else ""
    print(f"\repoch {epoch:4d}/{num_epochs} [{bar}] loss {loss:.4f} acc {acc:.3f}", end=end,
          file=sys.stderr, flush=True)


def train_mlp(X: ArrayLike, y: ArrayLike, n_hidden: int = 32, lr: float = 0.5,
              num_epochs: int = 100, batch_size: int = 32, seed: int = 0,
              verbose: bool = False,
              callback: Callable[[int, Params, float], None] | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Train a 2-layer ReLU MLP by mini-batch gradient descent on the cross-entropy.

    He-normal weights and zero biases; each epoch shuffles the samples with
    ``np.random.default_rng(seed)`` and takes one step
    :math:`\theta \leftarrow \theta - \eta\, \nabla L_{\text{batch}}` per mini-batch.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like of ints, shape (n_samples,), classes 0..n_classes-1
    n_hidden, num_epochs, batch_size : int, >= 1
    lr : float, > 0
    seed : int
    verbose : bool
        Print a progress line with the loss and accuracy.
    callback : callable, optional
        ``callback(epoch, (W1, b1, W2, b2), loss)`` after each epoch (epoch 0: before training).

    Returns
    -------
    (W1, b1, W2, b2, losses)
        The trained parameters and, shape (num_epochs,), each epoch's mean mini-batch loss.

    Raises
    ------
    ValueError
        For inconsistent shapes or a non-positive size or learning rate.
    """
    X = _float_array(X)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must have shape (n_samples, n_features), got {X.shape}")
    y_arr = np.asarray(y)
    if y_arr.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), got {y_arr.shape}")
    n_classes = int(y_arr.max()) + 1
    y_arr = _check_labels(y_arr, X.shape[0], n_classes)
    for name, v in (("n_hidden", n_hidden), ("num_epochs", num_epochs),
                    ("batch_size", batch_size)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < 1:
            raise ValueError(f"{name} must be a positive int, got {v!r}")
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr!r}")
    rng = np.random.default_rng(seed)
    n, d = X.shape
    W1 = he_normal(d, n_hidden, rng)
    b1 = np.zeros(n_hidden)
    W2 = he_normal(n_hidden, n_classes, rng)
    b2 = np.zeros(n_classes)
    if callback is not None:
        callback(0, (W1, b1, W2, b2), float("nan"))
    losses = np.empty(num_epochs)
    for epoch in range(num_epochs):
        order = rng.permutation(n)
        batch_losses = []
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            loss, dW1, db1, dW2, db2 = mlp_forward_backward(X[idx], y_arr[idx], W1, b1, W2, b2)
            W1, b1, W2, b2 = W1 - lr * dW1, b1 - lr * db1, W2 - lr * dW2, b2 - lr * db2
            batch_losses.append(loss)
        losses[epoch] = float(np.mean(batch_losses))
        if verbose:
            acc = float((predict(X, W1, b1, W2, b2) == y_arr).mean())
            _progress(epoch + 1, num_epochs, losses[epoch], acc)
        if callback is not None:
            callback(epoch + 1, (W1, b1, W2, b2), losses[epoch])
    return W1, b1, W2, b2, losses


def make_spirals(n_per_class: int = 100, n_classes: int = 3, noise: float = 0.2,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""Interleaved spiral arms in 2-D (CS231n's toy data set): no straight line separates them.

    Arm :math:`k` at radius :math:`r \in [0, 1]` has angle
    :math:`\theta = 4r + 2\pi k / K + \text{noise}`.

    Returns
    -------
    (X, y) : shapes (n_per_class * n_classes, 2) and (n_per_class * n_classes,)
    """
    rng = np.random.default_rng(seed)
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    k = np.repeat(np.arange(n_classes), n_per_class)
    theta = 4.0 * r + 2.0 * np.pi * k / n_classes + rng.normal(0.0, noise, size=r.size)
    X = np.column_stack([r * np.sin(theta), r * np.cos(theta)])
    return X, k
