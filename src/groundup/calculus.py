"""Numerical derivatives: slopes, partial derivatives, gradients and Jacobians (phase 1).

Every function here estimates a derivative from function values alone, with *finite
differences*: evaluate the function at two nearby points and divide the change in output by
the change in input. Each is tested against analytic derivatives, ``scipy.optimize`` and
``torch.autograd`` (``tests/reference/test_calculus.py``).

Forward differences have an error proportional to the step ``h`` (first order); central
differences have an error proportional to ``h**2`` (second order), which is why
:func:`partial_derivative`, :func:`gradient` and :func:`jacobian` all use central differences.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

ScalarFunction = Callable[[float], Any]
VectorFunction = Callable[[NDArray[np.float64]], Any]


def _check_callable(f: Any) -> None:
    if not callable(f):
        raise TypeError(f"f must be a callable function, got {type(f).__name__}")


def _check_step(h: Any) -> float:
    if isinstance(h, bool) or not isinstance(h, numbers.Real):
        raise TypeError(f"h must be a real number, got {type(h).__name__}")
    if not np.isfinite(float(h)) or h <= 0:
        raise ValueError(f"h must be a finite positive step, got {h}")
    return float(h)


def _check_scalar(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        arr = np.asarray(x)
        if arr.ndim != 0 or arr.dtype.kind not in "iuf":
            raise TypeError(f"x must be a real number, got {type(x).__name__}")
    return float(x)


def _check_point(x: ArrayLike) -> NDArray[np.float64]:
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"x must be a non-empty 1-D vector, got an array of shape {arr.shape}")
    return arr


def _scalar_value(value: Any) -> float:
    arr = np.asarray(value, dtype=float)
    if arr.size != 1:
        raise ValueError(f"f must return a single number, got an array of shape {arr.shape}")
    return float(arr.reshape(()))


def forward_difference(f: ScalarFunction, x: float, h: float = 1e-5) -> float:
    r"""Forward-difference estimate of the derivative :math:`f'(x)`.

    .. math:: f'(x) \approx \frac{f(x + h) - f(x)}{h}

    The error is :math:`\tfrac{h}{2} f''(\xi)`: first order in ``h``.

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number.
    x : float
        The point where the slope is estimated.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x``/``h`` are not real numbers.
    ValueError
        If ``h <= 0``.

    Examples
    --------
    >>> round(forward_difference(lambda t: t**2, 3.0, h=0.1), 10)
    6.1
    """
    _check_callable(f)
    x, h = _check_scalar(x), _check_step(h)
    return (_scalar_value(f(x + h)) - _scalar_value(f(x))) / h


def central_difference(f: ScalarFunction, x: float, h: float = 1e-5) -> float:
    r"""Central-difference estimate of the derivative :math:`f'(x)`.

    .. math:: f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}

    The :math:`h f''` terms of the two Taylor expansions cancel, leaving an error
    :math:`\tfrac{h^2}{6} f'''(\xi)`: second order in ``h``.

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number.
    x : float
        The point where the slope is estimated.
    h : float, default 1e-5
        The half-width of the step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x``/``h`` are not real numbers.
    ValueError
        If ``h <= 0``.

    Examples
    --------
    >>> round(central_difference(lambda t: t**2, 3.0, h=0.1), 10)
    6.0
    """
    _check_callable(f)
    x, h = _check_scalar(x), _check_step(h)
    return (_scalar_value(f(x + h)) - _scalar_value(f(x - h))) / (2 * h)


def partial_derivative(f: VectorFunction, x: ArrayLike, i: int, h: float = 1e-5) -> float:
    r"""Central-difference estimate of the partial derivative :math:`\partial f / \partial x_i`.

    Move along coordinate ``i`` only, keeping every other coordinate fixed:

    .. math::
        \frac{\partial f}{\partial x_i}(x) \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    where :math:`e_i` is the ``i``-th unit vector.

    Parameters
    ----------
    f : callable
        A function :math:`\mathbb{R}^n \to \mathbb{R}` taking an array of shape (n,).
    x : array_like, shape (n,)
        The point.
    i : int
        The coordinate, ``0 <= i < n`` (negative indices are not accepted).
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``f`` is not callable, or ``i`` is not an integer.
    ValueError
        If ``x`` is not a non-empty 1-D vector, ``i`` is out of range, or ``h <= 0``.

    Examples
    --------
    >>> round(partial_derivative(lambda v: v[0] * v[1] ** 2, [1.0, 2.0], 1), 6)
    4.0
    """
    _check_callable(f)
    point, h = _check_point(x), _check_step(h)
    if isinstance(i, bool) or not isinstance(i, numbers.Integral):
        raise TypeError(f"i must be an integer index, got {type(i).__name__}")
    if not 0 <= i < point.size:
        raise ValueError(f"i must be in [0, {point.size}), got {i}")
    step = np.zeros_like(point)
    step[i] = h
    # f may keep a reference to its argument, so each evaluation gets its own array.
    return (_scalar_value(f(point + step)) - _scalar_value(f(point - step))) / (2 * h)


def gradient(f: VectorFunction, x: ArrayLike, h: float = 1e-5) -> NDArray[np.float64]:
    r"""Central-difference estimate of the gradient :math:`\nabla f(x)`.

    .. math::
        \nabla f(x) = \left(\frac{\partial f}{\partial x_1}, \dots,
        \frac{\partial f}{\partial x_n}\right), \qquad
        \frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    The gradient points in the direction of steepest ascent of ``f``.

    Parameters
    ----------
    f : callable
        A function :math:`\mathbb{R}^n \to \mathbb{R}` taking an array of shape (n,).
    x : array_like, shape (n,)
        The point.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    TypeError
        If ``f`` is not callable.
    ValueError
        If ``x`` is not a non-empty 1-D vector or ``h <= 0``.

    Examples
    --------
    >>> np.round(gradient(lambda v: v[0] * v[1] ** 2, [1.0, 2.0]), 6)
    array([4., 4.])
    """
    _check_callable(f)
    point, h = _check_point(x), _check_step(h)
    grad = np.empty_like(point)
    for i in range(point.size):
        step = np.zeros_like(point)
        step[i] = h
        grad[i] = (_scalar_value(f(point + step)) - _scalar_value(f(point - step))) / (2 * h)
    return grad


def jacobian(f: VectorFunction, x: ArrayLike, h: float = 1e-5) -> NDArray[np.float64]:
    r"""Central-difference estimate of the Jacobian matrix of :math:`f: \mathbb{R}^n \to \mathbb{R}^m`.

    Row ``j`` is the gradient of output ``j``; column ``i`` is how every output moves when
    input ``i`` moves:

    .. math::
        J_{ji} = \frac{\partial f_j}{\partial x_i}(x)
        \approx \frac{f_j(x + h e_i) - f_j(x - h e_i)}{2h}

    Parameters
    ----------
    f : callable
        A function taking an array of shape (n,) and returning an array of shape (m,)
        (a single number counts as m = 1).
    x : array_like, shape (n,)
        The point.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    ndarray, shape (m, n)

    Raises
    ------
    TypeError
        If ``f`` is not callable.
    ValueError
        If ``x`` is not a non-empty 1-D vector, ``h <= 0``, or ``f`` does not return a vector.

    Examples
    --------
    >>> J = jacobian(lambda v: np.array([v[0] * v[1], v[0] + v[1]]), [2.0, 3.0])
    >>> np.round(J, 6)
    array([[3., 2.],
           [1., 1.]])
    """
    _check_callable(f)
    point, h = _check_point(x), _check_step(h)
    columns = []
    for i in range(point.size):
        step = np.zeros_like(point)
        step[i] = h
        plus = np.atleast_1d(np.asarray(f(point + step), dtype=float))
        minus = np.atleast_1d(np.asarray(f(point - step), dtype=float))
        if plus.ndim != 1 or plus.shape != minus.shape:
            raise ValueError(f"f must return a 1-D vector, got an array of shape {plus.shape}")
        columns.append((plus - minus) / (2 * h))  # (m,)
    return np.stack(columns, axis=1)  # (m, n)
