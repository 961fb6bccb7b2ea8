"""Gradient descent: learning by walking downhill (phase 1).

Plain gradient descent, gradient descent with (heavy-ball) momentum, the mean-squared-error
loss of a line and its gradient, and fitting a line with full-batch or mini-batch gradient
descent. Tested against closed forms, finite differences and ``numpy.polyfit``
(``tests/reference/test_gradient_descent.py``).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

GradientFunction = Callable[[NDArray[np.float64]], Any]


def _check_positive(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not np.isfinite(float(value)) or value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return float(value)


def _check_count(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def _check_start(x0: ArrayLike) -> NDArray[np.float64]:
    x = np.array(x0, dtype=float)  # a copy: the caller's x0 is never changed
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x0 must be a non-empty 1-D vector, got an array of shape {x.shape}")
    return x


def _evaluate(grad: GradientFunction, x: NDArray[np.float64]) -> NDArray[np.float64]:
    g = np.asarray(grad(x.copy()), dtype=float)
    if g.shape != x.shape:
        raise ValueError(f"grad must return an array of shape {x.shape}, got {g.shape}")
    return g


def gradient_descent(grad: GradientFunction, x0: ArrayLike, lr: float = 0.1,
                     num_iters: int = 100) -> NDArray[np.float64]:
    r"""Plain gradient descent from ``x0``; returns every point visited.

    .. math:: x_{k+1} = x_k - \eta \, \nabla f(x_k), \qquad k = 0, \dots, K - 1

    with learning rate :math:`\eta` = ``lr`` and :math:`K` = ``num_iters``.

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: takes an array of shape (n,), returns shape (n,).
    x0 : array_like, shape (n,)
        The starting point (not modified).
    lr : float, default 0.1
        The learning rate (step size), ``lr > 0``.
    num_iters : int, default 100
        The number of steps, ``>= 0``.

    Returns
    -------
    ndarray, shape (num_iters + 1, n)
        The path: row 0 is ``x0``, row ``k`` is :math:`x_k`.

    Raises
    ------
    TypeError
        If ``grad`` is not callable, or ``lr``/``num_iters`` have the wrong type.
    ValueError
        If ``x0`` is not a non-empty 1-D vector, ``lr <= 0``, ``num_iters < 0``, or ``grad``
        returns the wrong shape.

    Examples
    --------
    >>> path = gradient_descent(lambda x: 2 * x, [1.0], lr=0.25, num_iters=2)
    >>> path.ravel()
    array([1.  , 0.5 , 0.25])
    """
    if not callable(grad):
        raise TypeError(f"grad must be a callable function, got {type(grad).__name__}")
    x = _check_start(x0)
    lr = _check_positive(lr, "lr")
    num_iters = _check_count(num_iters, "num_iters", 0)
    path = np.empty((num_iters + 1, x.size))  # (K + 1, n)
    path[0] = x
    for k in range(num_iters):
        x = x - lr * _evaluate(grad, x)  # a new array: earlier rows of the path stay as they were
        path[k + 1] = x
    return path


def momentum(grad: GradientFunction, x0: ArrayLike, lr: float = 0.01, beta: float = 0.9,
             num_iters: int = 100) -> NDArray[np.float64]:
    r"""Gradient descent with heavy-ball momentum; returns every point visited.

    The velocity :math:`v` is a running sum of past gradients that decays by ``beta`` each
    step (this is PyTorch's ``SGD(momentum=beta)`` convention, with no dampening):

    .. math::
        v_0 = 0, \qquad v_{k+1} = \beta v_k + \nabla f(x_k), \qquad
        x_{k+1} = x_k - \eta \, v_{k+1}

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: takes an array of shape (n,), returns shape (n,).
    x0 : array_like, shape (n,)
        The starting point (not modified).
    lr : float, default 0.01
        The learning rate :math:`\eta > 0`.
    beta : float, default 0.9
        The momentum coefficient, ``0 <= beta < 1`` (``beta = 0`` is plain gradient descent).
    num_iters : int, default 100
        The number of steps, ``>= 0``.

    Returns
    -------
    ndarray, shape (num_iters + 1, n)

    Raises
    ------
    TypeError
        If ``grad`` is not callable, or a number argument has the wrong type.
    ValueError
        If ``x0`` is not a non-empty 1-D vector, ``lr <= 0``, ``beta`` is outside
        ``[0, 1)``, ``num_iters < 0``, or ``grad`` returns the wrong shape.

    Examples
    --------
    >>> momentum(lambda x: 2 * x, [1.0], lr=0.25, beta=0.5, num_iters=2).ravel()
    array([1. , 0.5, 0. ])
    """
    if not callable(grad):
        raise TypeError(f"grad must be a callable function, got {type(grad).__name__}")
    x = _check_start(x0)
    lr = _check_positive(lr, "lr")
    if isinstance(beta, bool) or not isinstance(beta, numbers.Real):
        raise TypeError(f"beta must be a real number, got {type(beta).__name__}")
    if not 0 <= beta < 1:
        raise ValueError(f"beta must be in [0, 1), got {beta}")
    num_iters = _check_count(num_iters, "num_iters", 0)
    v = np.zeros_like(x)
    path = np.empty((num_iters + 1, x.size))  # (K + 1, n)
    path[0] = x
    for k in range(num_iters):
        v = beta * v + _evaluate(grad, x)
        x = x - lr * v
        path[k + 1] = x
    return path


def _check_data(x: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    x_arr, y_arr = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x_arr.ndim != 1 or y_arr.ndim != 1:
        raise ValueError(f"x and y must be 1-D, got shapes {x_arr.shape} and {y_arr.shape}")
    if x_arr.size != y_arr.size:
        raise ValueError(f"x and y must have the same length, got {x_arr.size} and {y_arr.size}")
    if x_arr.size == 0:
        raise ValueError("x and y must hold at least one sample")
    return x_arr, y_arr


def mse_loss_and_grad(w: float, b: float, x: ArrayLike, y: ArrayLike) -> tuple[float, float, float]:
    r"""Mean squared error of the line :math:`\hat y = w x + b`, and its gradient.

    .. math::
        L = \frac{1}{N} \sum_{i=1}^{N} (\hat y_i - y_i)^2, \qquad
        \frac{\partial L}{\partial w} = \frac{2}{N} \sum_{i} (\hat y_i - y_i)\, x_i, \qquad
        \frac{\partial L}{\partial b} = \frac{2}{N} \sum_{i} (\hat y_i - y_i)

    Parameters
    ----------
    w, b : float
        Slope and intercept.
    x, y : array_like, shape (n_samples,)
        Inputs and targets.

    Returns
    -------
    tuple of float
        ``(loss, dL/dw, dL/db)``.

    Raises
    ------
    ValueError
        If ``x`` or ``y`` is not 1-D, they differ in length, or they are empty.

    Examples
    --------
    >>> mse_loss_and_grad(1.0, 0.0, [1.0, 2.0], [1.0, 3.0])
    (0.5, -2.0, -1.0)
    """
    x_arr, y_arr = _check_data(x, y)
    w, b = float(w), float(b)
    residual = w * x_arr + b - y_arr  # (n_samples,)
    loss = float(np.mean(residual**2))
    dw = float(2 * np.mean(residual * x_arr))
    db = float(2 * np.mean(residual))
    return loss, dw, db


def fit_line(x: ArrayLike, y: ArrayLike, lr: float = 0.05, num_epochs: int = 500,
             batch_size: int | None = None, seed: int = 0) -> tuple[float, float]:
    r"""Fit :math:`\hat y = w x + b` by (mini-batch) gradient descent on the mean squared error.

    Start at :math:`w = b = 0`. Each epoch shuffles the samples (with
    ``numpy.random.default_rng(seed)``), cuts them into batches of ``batch_size`` (the last
    one may be smaller) and takes one step per batch:

    .. math::
        w \leftarrow w - \eta \frac{\partial L_B}{\partial w}, \qquad
        b \leftarrow b - \eta \frac{\partial L_B}{\partial b}

    where :math:`L_B` is the mean squared error on the batch. ``batch_size=None`` (or the
    number of samples) is full-batch gradient descent: one exact step per epoch.

    Parameters
    ----------
    x, y : array_like, shape (n_samples,)
        Inputs and targets.
    lr : float, default 0.05
        The learning rate :math:`\eta > 0`.
    num_epochs : int, default 500
        Passes over the data, ``>= 1``.
    batch_size : int or None, default None
        Samples per step; ``None`` means all of them.
    seed : int, default 0
        Seeds the shuffling.

    Returns
    -------
    tuple of float
        ``(w, b)``.

    Raises
    ------
    TypeError
        If a number argument has the wrong type.
    ValueError
        If the data are malformed, ``lr <= 0``, ``num_epochs < 1`` or ``batch_size < 1``.

    Examples
    --------
    >>> w, b = fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], lr=0.1, num_epochs=2000)
    >>> round(w, 6), round(b, 6)
    (2.0, 1.0)
    """
    x_arr, y_arr = _check_data(x, y)
    lr = _check_positive(lr, "lr")
    num_epochs = _check_count(num_epochs, "num_epochs", 1)
    n_samples = x_arr.size
    if batch_size is None:
        batch_size = n_samples
    batch_size = min(_check_count(batch_size, "batch_size", 1), n_samples)
    rng = np.random.default_rng(seed)
    w = b = 0.0
    for _ in range(num_epochs):
        order = rng.permutation(n_samples) if batch_size < n_samples else np.arange(n_samples)
        for start in range(0, n_samples, batch_size):
            batch = order[start:start + batch_size]
            _, dw, db = mse_loss_and_grad(w, b, x_arr[batch], y_arr[batch])
            w, b = w - lr * dw, b - lr * db
    return w, b
