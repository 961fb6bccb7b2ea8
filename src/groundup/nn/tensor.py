r"""An n-dimensional reverse-mode autodiff engine on NumPy arrays, shaped like PyTorch (phase 4).

Phase 1's :class:`groundup.autodiff.Value` holds one number; a :class:`Tensor` holds a whole
NumPy array and the same idea carries over unchanged. Every operation returns a new Tensor
that remembers its *parents* and a *backward function*. The backward function receives
:math:`G = \partial L / \partial\, \text{out}` (an array of the output's shape) and returns
:math:`\partial L / \partial\, \text{parent}` for each parent (arrays of the parents' shapes):
the vector-Jacobian product, without ever building the Jacobian.

:meth:`Tensor.backward` sorts the graph topologically and walks it backwards. Gradients flow
through the graph in a dictionary that lives only during that pass; at the end they are
*added* to ``.grad`` of the leaves (tensors created by the user with ``requires_grad=True``)
and of the tensors that asked for it with :meth:`Tensor.retain_grad`, as in PyTorch. Calling
``backward`` twice therefore accumulates (twice the gradient), until :meth:`Tensor.zero_grad`.

Broadcasting: ``(3, 1, 4) + (2, 4)`` gives ``(3, 2, 4)``. In the backward pass each operand's
gradient is summed back to the operand's own shape by :func:`_unbroadcast`: a value that was
copied along an axis receives the sum of the gradients of all its copies.

dtype: ``Tensor([1, 2])`` is ``float32``, as in PyTorch; a ``float64`` (or any floating)
NumPy array keeps its dtype. Python numbers mixed into an operation take the Tensor's dtype.

Differences from PyTorch, on purpose:

- A Tensor always holds floating-point numbers. Indices (for :meth:`Tensor.gather`,
  indexing, :func:`groundup.nn.functional.cross_entropy`) are NumPy integer arrays, lists, or
  Tensors whose values are whole numbers.
- The graph is kept after ``backward`` (no ``retain_graph`` needed to call it again).
- Reductions take NumPy's names: ``axis`` and ``keepdims`` (PyTorch: ``dim``, ``keepdim``).
- :meth:`Tensor.max` over an axis returns only the values, with PyTorch's ``amax`` gradient:
  split evenly between tied maxima. (``torch.max(x, dim)`` returns values *and* indices and
  sends the whole gradient to the one index it returns; ``torch.max(x)`` with no dim splits
  evenly, like ``amax``.)
"""

from __future__ import annotations

import contextlib
import math
import numbers
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from numpy.lib.array_utils import normalize_axis_tuple
from scipy.special import erf

# What a backward function returns: one gradient per parent (None: no gradient for it).
Grads = tuple[np.ndarray | None, ...]
BackwardFn = Callable[[np.ndarray], Grads]
Axis = int | Sequence[int] | None

_grad_enabled = True


class no_grad(contextlib.ContextDecorator):  # noqa: N801  (PyTorch's name)
    """Context manager (and decorator) under which operations record no graph.

    Use it for evaluation and for parameter updates: the results have
    ``requires_grad=False`` and keep no references to their inputs.

    Examples
    --------
    >>> w = Tensor([1.0, 2.0], requires_grad=True)
    >>> with no_grad():
    ...     y = w * 2
    >>> y.requires_grad
    False
    """

    def __enter__(self) -> no_grad:
        global _grad_enabled
        self._prev = _grad_enabled
        _grad_enabled = False
        return self

    def __exit__(self, *exc: object) -> None:
        global _grad_enabled
        _grad_enabled = self._prev


def is_grad_enabled() -> bool:
    """``False`` inside a :class:`no_grad` block."""
    return _grad_enabled


def _unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    r"""Sum ``grad`` back to ``shape``: the gradient of a broadcast operand.

    Broadcasting copies an operand along new leading axes and along axes of length 1. Every
    copy's gradient flows back to the same original number, so they are summed:

    .. math:: \frac{\partial L}{\partial a_{j}} = \sum_{\text{copies } i \text{ of } a_j}
              \frac{\partial L}{\partial\, \text{out}_{i}}

    Parameters
    ----------
    grad : np.ndarray
        Gradient of the broadcast result, shape ``(..., *shape-like)``.
    shape : tuple of int
        The operand's shape before broadcasting.

    Examples
    --------
    >>> _unbroadcast(np.ones((3, 2, 4)), (2, 1)).tolist()   # 3 * 4 copies of each number
    [[12.0], [12.0]]
    """
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if extra > 0:  # axes that broadcasting added in front
        grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)
    return grad.reshape(shape)


def _as_index_array(index: object, name: str) -> np.ndarray:
    """Indices as an integer array; Tensors and float arrays must hold whole numbers."""
    arr = index.data if isinstance(index, Tensor) else np.asarray(index)
    if arr.dtype == bool:
        raise TypeError(f"{name} must hold integer indices, got booleans")
    if not np.issubdtype(arr.dtype, np.integer):
        if not np.issubdtype(arr.dtype, np.number) or not np.all(np.isfinite(arr)) \
                or not np.all(arr == np.round(arr)):
            raise TypeError(f"{name} must hold integer indices, got dtype {arr.dtype}")
        arr = arr.astype(np.int64)
    return arr


def _index_key(key: Any) -> Any:
    """Replace Tensors inside an indexing key by integer arrays."""
    if isinstance(key, tuple):
        return tuple(_index_key(k) for k in key)
    if isinstance(key, Tensor):
        return _as_index_array(key, "index")
    if isinstance(key, list):  # x[[0, 0]]: an integer (or boolean) array index
        return np.asarray(key)
    return key


class Tensor:
    r"""An n-dimensional array that remembers how it was computed, and can compute gradients.

    Parameters
    ----------
    data : array-like
        Numbers: a NumPy array, a (nested) list, a Python number or another Tensor. Copied.
    requires_grad : bool, default False
        Track operations on this tensor so that :meth:`backward` fills ``.grad``.
    dtype : numpy floating dtype, optional
        Defaults to the array's dtype when ``data`` is a floating NumPy array, else
        ``float32`` (PyTorch's default).

    Attributes
    ----------
    data : np.ndarray
        The values, shape :attr:`shape`.
    grad : np.ndarray or None
        :math:`\partial L / \partial\, \text{self}` accumulated by :meth:`backward` (same
        shape and dtype as ``data``); ``None`` until then.
    requires_grad : bool

    Raises
    ------
    TypeError
        If ``data`` is not numeric or ``dtype`` is not a floating dtype.

    Examples
    --------
    >>> x = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    >>> y = (x * x).sum()          # sum of squares
    >>> y.backward()
    >>> x.grad.tolist()            # d/dx sum(x^2) = 2x
    [[2.0, 4.0], [6.0, 8.0]]
    >>> x.dtype
    dtype('float32')
    """

    # ndarray + Tensor must call Tensor.__radd__, not broadcast the Tensor as an object.
    __array_ufunc__ = None

    data: np.ndarray
    grad: np.ndarray | None
    requires_grad: bool

    def __init__(self, data: Any, requires_grad: bool = False, dtype: Any = None) -> None:
        if isinstance(data, Tensor):
            data = data.data
        if dtype is None:
            is_float_array = isinstance(data, (np.ndarray, np.generic)) and np.issubdtype(
                np.asarray(data).dtype, np.floating)
            dtype = np.asarray(data).dtype if is_float_array else np.float32
        dtype = np.dtype(dtype)
        if not np.issubdtype(dtype, np.floating):
            raise TypeError(f"a Tensor holds floating-point numbers; dtype {dtype} is not one "
                            f"(pass indices as NumPy integer arrays)")
        try:
            arr = np.array(data, dtype=dtype)
        except (TypeError, ValueError) as err:
            raise TypeError(f"data must be numbers (an array, a nested list or a number), got "
                            f"{type(data).__name__}: {err}") from None
        self._init(arr, requires_grad=bool(requires_grad))

    def _init(self, arr: np.ndarray, requires_grad: bool = False,
              parents: tuple[Tensor, ...] = (), backward_fn: BackwardFn | None = None,
              op: str = "") -> None:
        self.data = arr
        self.grad = None
        self.requires_grad = requires_grad
        self._parents = parents
        self._backward_fn = backward_fn
        self._op = op
        self._retains_grad = False

    @classmethod
    def _make(cls, arr: np.ndarray, parents: tuple[Tensor, ...], backward_fn: BackwardFn,
              op: str) -> Tensor:
        """The result of an operation: a graph node if any parent needs a gradient."""
        out = cls.__new__(cls)
        track = _grad_enabled and any(p.requires_grad for p in parents)
        if track:
            out._init(arr, True, parents, backward_fn, op)
        else:
            out._init(arr)
        return out

    # ---------------------------------------------------------------------------------------
    # properties and conversions

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape, a tuple of ints (``()`` for a scalar)."""
        return self.data.shape

    @property
    def dtype(self) -> np.dtype:
        """The NumPy dtype (``float32`` unless created from a floating array)."""
        return self.data.dtype

    @property
    def ndim(self) -> int:
        """The number of axes."""
        return self.data.ndim

    @property
    def size(self) -> int:
        """The number of elements."""
        return int(self.data.size)

    def numel(self) -> int:
        """The number of elements (PyTorch's name)."""
        return int(self.data.size)

    @property
    def is_leaf(self) -> bool:
        """``True`` for a tensor created by the user rather than by an operation."""
        return self._backward_fn is None

    @property
    def T(self) -> Tensor:  # noqa: N802  (NumPy and PyTorch spell it T)
        """All axes reversed (the transpose of a matrix)."""
        return self.permute(*reversed(range(self.ndim)))

    def item(self) -> float:
        """The value of a one-element tensor as a Python float."""
        if self.data.size != 1:
            raise ValueError(f"item() needs a tensor with one element, got shape {self.shape}")
        return float(self.data.reshape(()))

    def numpy(self) -> np.ndarray:
        """The values as a NumPy array (the tensor's own array, not a copy)."""
        return self.data

    def tolist(self) -> Any:
        """The values as (nested) Python lists."""
        return self.data.tolist()

    def detach(self) -> Tensor:
        """The same values (shared, not copied) cut from the graph: no gradient flows back."""
        out = Tensor.__new__(Tensor)
        out._init(self.data)
        return out

    def __len__(self) -> int:
        if self.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __repr__(self) -> str:
        body = np.array2string(self.data, precision=4, separator=", ", prefix="Tensor(")
        extra = ", requires_grad=True" if self.requires_grad else ""
        if self.dtype != np.float32:
            extra += f", dtype={self.dtype}"
        return f"Tensor({body}{extra})"

    # ---------------------------------------------------------------------------------------
    # gradients

    def retain_grad(self) -> None:
        """Keep ``.grad`` on this non-leaf tensor too after :meth:`backward`."""
        if not self.requires_grad:
            raise RuntimeError("retain_grad() on a tensor that does not require grad")
        self._retains_grad = True

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget the accumulated gradient: ``grad = None`` (or zeros if ``set_to_none`` is
        False), as ``torch.optim.Optimizer.zero_grad`` does."""
        self.grad = None if set_to_none else np.zeros_like(self.data)

    def _topo(self) -> list[Tensor]:
        """Every node this one depends on that requires grad, inputs before outputs."""
        order: list[Tensor] = []
        visited: set[int] = set()
        # Iterative depth-first search: long graphs (unrolled loops) would overflow
        # Python's recursion limit.
        stack: list[tuple[Tensor, Iterator[Tensor]]] = [(self, iter(self._parents))]
        visited.add(id(self))
        while stack:
            node, parents = stack[-1]
            for p in parents:
                if p.requires_grad and id(p) not in visited:
                    visited.add(id(p))
                    stack.append((p, iter(p._parents)))
                    break
            else:
                stack.pop()
                order.append(node)
        return order

    def backward(self, gradient: Any = None) -> None:
        r"""Accumulate :math:`\partial\, \text{self} / \partial x` into ``x.grad`` for every
        leaf ``x`` (with ``requires_grad=True``) that ``self`` depends on.

        Parameters
        ----------
        gradient : array-like, optional
            :math:`\partial L / \partial\, \text{self}`, the same shape as ``self``; may be
            left out only when ``self`` has one element (then it is 1).

        Raises
        ------
        RuntimeError
            If ``self`` does not require grad (nothing to differentiate).
        ValueError
            If ``self`` has several elements and no ``gradient`` is given, or ``gradient`` has
            the wrong shape.
        """
        if not self.requires_grad:
            raise RuntimeError("backward() on a tensor that does not require grad: create the "
                               "inputs with requires_grad=True (and not inside no_grad())")
        if gradient is None:
            if self.data.size != 1:
                raise ValueError(f"backward() without a gradient needs a one-element tensor, "
                                 f"got shape {self.shape}; pass gradient= of that shape")
            seed = np.ones_like(self.data)
        else:
            seed = np.array(gradient.data if isinstance(gradient, Tensor) else gradient,
                            dtype=self.dtype)
            if seed.shape != self.shape:
                raise ValueError(f"gradient has shape {seed.shape}, expected {self.shape}")
        grads: dict[int, np.ndarray] = {id(self): seed}
        for node in reversed(self._topo()):
            g = grads.pop(id(node), None)
            if g is None:  # no path from self reached this node with a gradient
                continue
            if node._backward_fn is None or node._retains_grad:
                g = g.astype(node.dtype, copy=False)
                node.grad = g.copy() if node.grad is None else node.grad + g
            if node._backward_fn is None:
                continue
            for parent, pg in zip(node._parents, node._backward_fn(g), strict=True):
                if pg is None or not parent.requires_grad:
                    continue
                prev = grads.get(id(parent))
                grads[id(parent)] = pg if prev is None else prev + pg

    # ---------------------------------------------------------------------------------------
    # element-wise arithmetic (broadcasting)

    def _lift(self, other: Any) -> Tensor:
        """Make ``other`` a Tensor; Python numbers take this tensor's dtype."""
        if isinstance(other, Tensor):
            return other
        if isinstance(other, numbers.Number) and not isinstance(other, bool):
            return Tensor(other, dtype=self.dtype)
        if isinstance(other, (np.ndarray, np.generic, list, tuple)):
            arr = np.asarray(other)
            return Tensor(arr, dtype=arr.dtype if np.issubdtype(arr.dtype, np.floating)
                          else self.dtype)
        raise TypeError(f"unsupported operand type: {type(other).__name__}")

    def _binary(self, other: Any, op: str, reverse: bool = False) -> Tensor:
        b = self._lift(other)
        a = self
        if reverse:
            a, b = b, a
        try:
            np.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            raise ValueError(f"'{op}': shapes {a.shape} and {b.shape} cannot be broadcast "
                             f"together (compare from the right: each pair of sizes must be "
                             f"equal or one of them 1)") from None
        x, y = a.data, b.data
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if op == "+":
                out = x + y
            elif op == "-":
                out = x - y
            elif op == "*":
                out = x * y
            else:
                out = x / y

        def backward(g: np.ndarray) -> Grads:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                if op == "+":
                    ga, gb = g, g
                elif op == "-":
                    ga, gb = g, -g
                elif op == "*":
                    ga, gb = g * y, g * x
                else:  # d(x/y)/dx = 1/y, d(x/y)/dy = -x/y^2
                    ga, gb = g / y, -g * x / (y * y)
            return (_unbroadcast(ga, x.shape) if a.requires_grad else None,
                    _unbroadcast(gb, y.shape) if b.requires_grad else None)

        return Tensor._make(out, (a, b), backward, op)

    def __add__(self, other: Any) -> Tensor:
        r"""``self + other``; :math:`\partial/\partial a = \partial/\partial b = 1`."""
        return self._binary(other, "+")

    def __radd__(self, other: Any) -> Tensor:
        return self._binary(other, "+", reverse=True)

    def __sub__(self, other: Any) -> Tensor:
        r"""``self - other``; :math:`\partial/\partial a = 1`, :math:`\partial/\partial b = -1`."""
        return self._binary(other, "-")

    def __rsub__(self, other: Any) -> Tensor:
        return self._binary(other, "-", reverse=True)

    def __mul__(self, other: Any) -> Tensor:
        r"""``self * other`` element-wise; :math:`\partial/\partial a = b`,
        :math:`\partial/\partial b = a`."""
        return self._binary(other, "*")

    def __rmul__(self, other: Any) -> Tensor:
        return self._binary(other, "*", reverse=True)

    def __truediv__(self, other: Any) -> Tensor:
        r"""``self / other``; :math:`\partial/\partial a = 1/b`,
        :math:`\partial/\partial b = -a/b^2`."""
        return self._binary(other, "/")

    def __rtruediv__(self, other: Any) -> Tensor:
        return self._binary(other, "/", reverse=True)

    def __neg__(self) -> Tensor:
        """``-self``."""
        return Tensor._make(-self.data, (self,), lambda g: (-g,), "neg")

    def __pow__(self, exponent: float) -> Tensor:
        r"""``self ** n`` for a constant number ``n``: :math:`\partial/\partial a = n a^{n-1}`.

        Raises
        ------
        TypeError
            If the exponent is not a Python or NumPy number (a Tensor exponent is not
            supported).
        """
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
            raise TypeError(f"the exponent must be a number, got {type(exponent).__name__}")
        n = float(exponent)
        x = self.data
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            out = x**n

        def backward(g: np.ndarray) -> Grads:
            if n == 0:
                return (np.zeros_like(g),)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                return (g * n * x ** (n - 1),)

        return Tensor._make(out.astype(self.dtype, copy=False), (self,), backward, f"**{n:g}")

    def __rpow__(self, base: float) -> Tensor:
        r"""``base ** self`` for a constant positive number: :math:`\partial/\partial a =
        \ln(\text{base})\, \text{base}^a`."""
        if isinstance(base, bool) or not isinstance(base, numbers.Real) or base <= 0:
            raise ValueError(f"base ** tensor needs a positive number as base, got {base!r}")
        return (self * math.log(base)).exp()

    def __matmul__(self, other: Any) -> Tensor:
        return matmul(self, self._lift(other))

    def __rmatmul__(self, other: Any) -> Tensor:
        return matmul(self._lift(other), self)

    def matmul(self, other: Any) -> Tensor:
        """``self @ other``: see :func:`matmul`."""
        return matmul(self, self._lift(other))

    # ---------------------------------------------------------------------------------------
    # element-wise functions

    def _unary(self, out: np.ndarray, local_grad: Callable[[], np.ndarray], op: str) -> Tensor:
        """``out = f(self)`` with :math:`\\partial L/\\partial a = G \\cdot f'(a)`; the local
        derivative is computed only if a backward pass needs it."""
        return Tensor._make(out, (self,), lambda g: (g * local_grad(),), op)

    def exp(self) -> Tensor:
        r""":math:`e^a`; :math:`\partial/\partial a = e^a` (the output itself)."""
        with np.errstate(over="ignore"):
            out = np.exp(self.data)
        return self._unary(out, lambda: out, "exp")

    def log(self) -> Tensor:
        r""":math:`\ln a`; :math:`\partial/\partial a = 1/a`. Like PyTorch, ``log(0) = -inf``
        and a negative input gives ``nan`` (no exception)."""
        x = self.data
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.log(x)
        return self._unary(out, lambda: _safe_recip(x), "log")

    def sqrt(self) -> Tensor:
        r""":math:`\sqrt a`; :math:`\partial/\partial a = 1 / (2\sqrt a)`."""
        with np.errstate(invalid="ignore"):
            out = np.sqrt(self.data)
        return self._unary(out, lambda: 0.5 * _safe_recip(out), "sqrt")

    def abs(self) -> Tensor:
        r""":math:`|a|`; :math:`\partial/\partial a = \operatorname{sign}(a)` (0 at 0, as
        PyTorch)."""
        return self._unary(np.abs(self.data), lambda: np.sign(self.data), "abs")

    def tanh(self) -> Tensor:
        r""":math:`\tanh a`; :math:`\partial/\partial a = 1 - \tanh^2 a`."""
        out = np.tanh(self.data)
        return self._unary(out, lambda: 1 - out * out, "tanh")

    def sigmoid(self) -> Tensor:
        r""":math:`\sigma(a) = 1/(1 + e^{-a})`; :math:`\partial/\partial a =
        \sigma(a)(1 - \sigma(a))`.

        Computed without overflow: :math:`e^{-|a|}` never exceeds 1, and
        :math:`\sigma(a) = e^{a}/(1 + e^{a})` for negative :math:`a`.
        """
        x = self.data
        e = np.exp(-np.abs(x))
        out = np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(self.dtype, copy=False)
        return self._unary(out, lambda: out * (1 - out), "sigmoid")

    def relu(self) -> Tensor:
        r""":math:`\max(0, a)`; :math:`\partial/\partial a = 1` if :math:`a > 0`, else 0 (0 at
        0, as PyTorch)."""
        x = self.data
        out = np.maximum(x, 0).astype(self.dtype, copy=False)
        return self._unary(out, lambda: (x > 0).astype(self.dtype), "relu")

    def gelu(self, approximate: str = "none") -> Tensor:
        r"""The Gaussian error linear unit :math:`a\, \Phi(a)`, :math:`\Phi` the standard
        normal CDF.

        .. math:: \text{exact: } \operatorname{gelu}(a) = \tfrac{a}{2}\big(1 +
                  \operatorname{erf}(a/\sqrt 2)\big), \qquad
                  \frac{\partial}{\partial a} = \Phi(a) + a\, \varphi(a)

        .. math:: \text{tanh: } \tfrac{a}{2}\big(1 + \tanh u\big),\quad
                  u = \sqrt{2/\pi}\,(a + 0.044715\, a^3)

        Parameters
        ----------
        approximate : {"none", "tanh"}
            ``"none"`` (PyTorch's default) is the exact erf form; ``"tanh"`` is GPT-2's
            approximation.
        """
        x = self.data
        if approximate == "none":
            cdf = 0.5 * (1 + erf(x / math.sqrt(2)))
            out = (x * cdf).astype(self.dtype, copy=False)

            def local() -> np.ndarray:
                pdf = np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
                return cdf + x * pdf
        elif approximate == "tanh":
            c = math.sqrt(2 / math.pi)
            t = np.tanh(c * (x + 0.044715 * x**3))
            out = 0.5 * x * (1 + t)

            def local() -> np.ndarray:
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
        else:
            raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
        return self._unary(out, local, "gelu")

    def softmax(self, axis: int = -1) -> Tensor:
        r"""Exponentials normalised to sum to 1 along ``axis``.

        .. math:: s_i = \frac{e^{a_i - m}}{\sum_j e^{a_j - m}}, \quad m = \max_j a_j, \qquad
                  \frac{\partial L}{\partial a} = s \odot \Big(G - \sum_j G_j s_j\Big)

        Subtracting the maximum changes nothing mathematically and keeps every exponential
        :math:`\le 1`: no overflow for large logits.
        """
        ax = self._one_axis(axis, "softmax")
        x = self.data
        e = np.exp(x - x.max(axis=ax, keepdims=True))
        s = e / e.sum(axis=ax, keepdims=True)

        def backward(g: np.ndarray) -> Grads:
            return (s * (g - (g * s).sum(axis=ax, keepdims=True)),)

        return Tensor._make(s, (self,), backward, "softmax")

    def log_softmax(self, axis: int = -1) -> Tensor:
        r"""The logarithm of :meth:`softmax`, computed stably.

        .. math:: \log s_i = a_i - m - \log \sum_j e^{a_j - m}, \qquad
                  \frac{\partial L}{\partial a} = G - s \sum_j G_j

        Never takes the log of a rounded-to-zero probability: ``log_softmax`` of logits
        ``[0, 1000]`` is ``[-1000, 0]``, not ``[-inf, 0]``.
        """
        ax = self._one_axis(axis, "log_softmax")
        x = self.data
        shifted = x - x.max(axis=ax, keepdims=True)
        out = shifted - np.log(np.exp(shifted).sum(axis=ax, keepdims=True))

        def backward(g: np.ndarray) -> Grads:
            return (g - np.exp(out) * g.sum(axis=ax, keepdims=True),)

        return Tensor._make(out, (self,), backward, "log_softmax")

    # ---------------------------------------------------------------------------------------
    # reductions

    def _axes(self, axis: Axis) -> tuple[int, ...]:
        """``axis`` as a tuple of non-negative ints (all axes for None)."""
        if axis is None:
            return tuple(range(self.ndim))
        try:
            return normalize_axis_tuple(axis, self.ndim)  # type: ignore[arg-type]
        except np.exceptions.AxisError as err:
            raise ValueError(f"axis {axis!r} is out of range for a tensor of shape "
                             f"{self.shape}") from err
        except ValueError as err:  # an axis given twice
            raise ValueError(f"axis {axis!r} names an axis twice") from err
        except TypeError as err:
            raise TypeError(f"axis must be an int, a tuple of ints or None, got {axis!r}") \
                from err

    def _one_axis(self, axis: int, op: str) -> int:
        if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
            raise TypeError(f"{op}: axis must be an int, got {axis!r}")
        if self.ndim == 0:
            raise ValueError(f"{op} needs a tensor with at least one axis, got a scalar")
        return self._axes(int(axis))[0]

    def sum(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        r"""Sum over ``axis`` (an int, a tuple of ints, or None for all).

        .. math:: \frac{\partial L}{\partial a_{ij}} = G_{i}
                  \quad\text{(for a sum over } j\text{): every summand gets the same gradient}
        """
        axes = self._axes(axis)
        out = self.data.sum(axis=axes, keepdims=keepdims)
        shape = self.shape

        def backward(g: np.ndarray) -> Grads:
            if not keepdims:
                g = np.expand_dims(g, axes)
            return (np.broadcast_to(g, shape),)

        return Tensor._make(np.asarray(out), (self,), backward, "sum")

    def mean(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        r"""Mean over ``axis``: the sum divided by the number :math:`n` of numbers summed;
        :math:`\partial/\partial a = 1/n`. The mean over zero numbers is ``nan``."""
        axes = self._axes(axis)
        n = math.prod(self.shape[i] for i in axes)
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.sum(axes, keepdims) * (1.0 / n if n else math.nan)

    def max(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        r"""The largest value over ``axis``, with PyTorch's ``amax`` gradient.

        .. math:: \frac{\partial L}{\partial a_j} = \frac{G\, [a_j = m]}{\#\{k : a_k = m\}}

        Tied maxima share the gradient equally (as ``torch.amax`` and ``torch.max()`` with no
        ``dim``; ``torch.max(x, dim)`` gives it all to the index it returns).

        Raises
        ------
        ValueError
            If an axis reduced over has length 0 (the maximum of nothing).
        """
        axes = self._axes(axis)
        if any(self.shape[i] == 0 for i in axes):
            raise ValueError(f"max over an empty axis: shape {self.shape}, axis {axis!r}")
        x = self.data
        m = x.max(axis=axes, keepdims=True)

        def backward(g: np.ndarray) -> Grads:
            if not keepdims:
                g = np.expand_dims(g, axes)
            mask = (x == m).astype(x.dtype)
            return (mask * g / mask.sum(axis=axes, keepdims=True),)

        out = m if keepdims else m.reshape([n for i, n in enumerate(self.shape) if i not in axes])
        return Tensor._make(out, (self,), backward, "max")

    def min(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """The smallest value over ``axis``: ``-(-self).max(axis, keepdims)`` (ties share the
        gradient, as ``torch.amin``)."""
        return -((-self).max(axis, keepdims))

    # ---------------------------------------------------------------------------------------
    # shape

    def reshape(self, *shape: int | Sequence[int]) -> Tensor:
        """The same numbers in a new shape (``-1``: the size that fits). Accepts
        ``reshape(2, 3)`` and ``reshape((2, 3))``; the gradient is reshaped back."""
        if len(shape) == 1 and not isinstance(shape[0], numbers.Integral):
            shape = tuple(shape[0])  # type: ignore[arg-type]
        try:
            out = self.data.reshape(shape)  # type: ignore[arg-type]  # (*shape)
        except (ValueError, TypeError) as err:
            raise ValueError(f"cannot reshape a tensor of shape {self.shape} ({self.size} "
                             f"elements) to {tuple(shape)}: {err}") from None
        old = self.shape
        return Tensor._make(out, (self,), lambda g: (g.reshape(old),), "reshape")

    def view(self, *shape: int | Sequence[int]) -> Tensor:
        """Alias of :meth:`reshape` (PyTorch's name)."""
        return self.reshape(*shape)

    def flatten(self, start_axis: int = 0, end_axis: int = -1) -> Tensor:
        """Merge axes ``start_axis..end_axis`` into one (``torch.flatten(start_dim,
        end_dim)``)."""
        if self.ndim == 0:
            return self.reshape(1)
        start, end = self._axes((start_axis,))[0], self._axes((end_axis,))[0]
        if start > end:
            raise ValueError(f"flatten: start_axis ({start_axis}) comes after end_axis "
                             f"({end_axis})")
        shape = self.shape[:start] + (-1,) + self.shape[end + 1:]
        if self.size == 0:
            shape = self.shape[:start] + (math.prod(self.shape[start:end + 1]),) \
                + self.shape[end + 1:]
        return self.reshape(shape)

    def unsqueeze(self, axis: int) -> Tensor:
        """A new axis of length 1 at position ``axis`` (``-1``: at the end)."""
        ax = normalize_axis_tuple(axis, self.ndim + 1)[0]
        return self.reshape(self.shape[:ax] + (1,) + self.shape[ax:])

    def squeeze(self, axis: Axis = None) -> Tensor:
        """Drop axes of length 1 (all of them, or those in ``axis``)."""
        axes = tuple(i for i, n in enumerate(self.shape) if n == 1) if axis is None \
            else self._axes(axis)
        if any(self.shape[i] != 1 for i in axes):
            raise ValueError(f"squeeze: axis {axis!r} does not have length 1 in shape "
                             f"{self.shape}")
        return self.reshape([n for i, n in enumerate(self.shape) if i not in axes])

    def permute(self, *axes: int | Sequence[int]) -> Tensor:
        """Reorder the axes: ``out.shape[i] == self.shape[axes[i]]``; the gradient goes
        through the inverse permutation."""
        if len(axes) == 1 and not isinstance(axes[0], numbers.Integral):
            axes = tuple(axes[0])  # type: ignore[arg-type]
        try:
            perm = self._axes(axes)  # type: ignore[arg-type]
        except ValueError:
            perm = ()
        if sorted(perm) != list(range(self.ndim)):
            raise ValueError(f"permute needs each of the {self.ndim} axes once, got {axes}")
        inverse = tuple(np.argsort(perm))
        return Tensor._make(self.data.transpose(perm), (self,),
                            lambda g: (g.transpose(inverse),), "permute")

    def transpose(self, axis0: int, axis1: int) -> Tensor:
        """Swap two axes (``torch.transpose(dim0, dim1)``)."""
        a, b = self._axes((axis0, axis1)) if axis0 != axis1 else self._axes(axis0) * 2
        perm = list(range(self.ndim))
        perm[a], perm[b] = perm[b], perm[a]
        return self.permute(perm)

    def __getitem__(self, key: Any) -> Tensor:
        """Indexing as NumPy: ints, slices, ``None``, ``...``, integer and boolean arrays.

        The backward pass scatters the gradient back with ``np.add.at``, so that an element
        picked several times (``x[[0, 0]]``) receives the sum of its gradients.
        """
        key = _index_key(key)
        try:
            out = self.data[key]
        except IndexError as err:
            raise IndexError(f"index {key!r} does not fit a tensor of shape {self.shape}: "
                             f"{err}") from None
        x = self.data

        def backward(g: np.ndarray) -> Grads:
            grad = np.zeros_like(x)
            np.add.at(grad, key, g)
            return (grad,)

        return Tensor._make(np.array(out, copy=True), (self,), backward, "getitem")

    def gather(self, axis: int, index: Any) -> Tensor:
        r"""Pick values along ``axis`` at ``index``, as ``torch.gather(input, dim, index)``.

        For a 2-D tensor and ``axis=1``: ``out[i, j] = self[i, index[i, j]]``. ``index`` has
        as many axes as ``self``; along the other axes its sizes must not exceed ``self``'s.
        The gradient is scattered back with ``np.add.at`` (an index picked twice receives
        both gradients).

        Raises
        ------
        ValueError
            If ``index`` has a different number of axes, or is larger than ``self`` along an
            axis other than ``axis``.
        IndexError
            If an index is outside ``[0, self.shape[axis])``.
        """
        idx = _as_index_array(index, "index")
        ax = self._one_axis(axis, "gather")
        if idx.ndim != self.ndim:
            raise ValueError(f"gather: index must have as many axes as the tensor "
                             f"({self.ndim}), got index of shape {idx.shape}")
        for d in range(self.ndim):
            if d != ax and idx.shape[d] > self.shape[d]:
                raise ValueError(f"gather: index shape {idx.shape} is larger than the tensor's "
                                 f"{self.shape} along axis {d}")
        if idx.size and (idx.min() < 0 or idx.max() >= self.shape[ax]):
            bad = idx[(idx < 0) | (idx >= self.shape[ax])].flat[0]
            raise IndexError(f"gather: index {bad} is out of bounds for axis {ax} of size "
                             f"{self.shape[ax]}")
        grid: list[np.ndarray] = list(np.indices(idx.shape, sparse=True))
        grid[ax] = idx
        key = tuple(grid)
        x = self.data

        def backward(g: np.ndarray) -> Grads:
            grad = np.zeros_like(x)
            np.add.at(grad, key, g)
            return (grad,)

        return Tensor._make(x[key], (self,), backward, "gather")


def _safe_recip(x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return 1 / x


def _tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(x)


def matmul(a: Tensor, b: Tensor) -> Tensor:
    r"""Matrix product ``a @ b`` with NumPy's rules: 1-D operands, batches broadcast.

    .. math:: C = AB, \qquad \frac{\partial L}{\partial A} = G B^\top, \qquad
              \frac{\partial L}{\partial B} = A^\top G

    A 1-D ``a`` is a row vector ``(1, n)``, a 1-D ``b`` a column ``(n, 1)``; the added axis is
    dropped from the result. Leading (batch) axes broadcast, and their gradients are summed
    back with :func:`_unbroadcast`.

    Raises
    ------
    ValueError
        If an operand is 0-d, the inner sizes differ (``a.shape[-1] != b.shape[-2]``), or the
        batch axes cannot be broadcast.

    Examples
    --------
    >>> A = Tensor(np.ones((2, 3)), requires_grad=True)
    >>> (A @ Tensor(np.ones((3, 4)))).shape
    (2, 4)
    """
    a, b = _tensor(a), _tensor(b)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(f"'@' needs tensors with at least one axis, got shapes {a.shape} and "
                         f"{b.shape} (use * to multiply by a scalar)")
    x = a.data[None, :] if a.ndim == 1 else a.data  # (..., n, k)
    y = b.data[:, None] if b.ndim == 1 else b.data  # (..., k, m)
    if x.shape[-1] != y.shape[-2]:
        raise ValueError(f"'@': shapes {a.shape} and {b.shape} do not match: the last axis of "
                         f"the left ({x.shape[-1]}) must equal the "
                         f"{'first' if b.ndim == 1 else 'second-to-last'} axis of the right "
                         f"({y.shape[-2]})")
    try:
        np.broadcast_shapes(x.shape[:-2], y.shape[:-2])
    except ValueError:
        raise ValueError(f"'@': the batch axes of shapes {a.shape} and {b.shape} cannot be "
                         f"broadcast together") from None
    out = x @ y  # (..., n, m)
    if a.ndim == 1:
        out = out[..., 0, :]
    if b.ndim == 1:
        out = out[..., 0]

    def backward(g: np.ndarray) -> Grads:
        # Put back the axes dropped for 1-D operands: g becomes (..., n, m).
        if b.ndim == 1:
            g = g[..., None]
        if a.ndim == 1:
            g = g[..., None, :]
        ga = gb = None
        if a.requires_grad:
            ga = _unbroadcast(g @ np.swapaxes(y, -1, -2), x.shape).reshape(a.shape)
        if b.requires_grad:
            gb = _unbroadcast(np.swapaxes(x, -1, -2) @ g, y.shape).reshape(b.shape)
        return ga, gb

    return Tensor._make(np.asarray(out), (a, b), backward, "@")


def concat(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join tensors along an existing axis (``torch.cat``); the gradient is split back.

    Raises
    ------
    ValueError
        If ``tensors`` is empty, or the shapes differ along another axis.
    """
    ts = [_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("concat needs at least one tensor")
    ndim = ts[0].ndim
    if ndim == 0:
        raise ValueError("concat: zero-dimensional tensors cannot be concatenated (use stack)")
    ax = ts[0]._axes(axis)[0]
    for i, t in enumerate(ts):
        if t.ndim != ndim or t.shape[:ax] + t.shape[ax + 1:] != ts[0].shape[:ax] + \
                ts[0].shape[ax + 1:]:
            raise ValueError(f"concat along axis {axis}: tensor {i} has shape {t.shape}, "
                             f"tensor 0 has {ts[0].shape}; all sizes but axis {axis} must match")
    out = np.concatenate([t.data for t in ts], axis=ax)
    splits = np.cumsum([t.shape[ax] for t in ts])[:-1]

    def backward(g: np.ndarray) -> Grads:
        return tuple(np.split(g, splits, axis=ax))

    return Tensor._make(out, tuple(ts), backward, "concat")


def stack(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join same-shaped tensors along a new axis (``torch.stack``).

    Raises
    ------
    ValueError
        If ``tensors`` is empty or the shapes differ.
    """
    ts = [_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("stack needs at least one tensor")
    for i, t in enumerate(ts):
        if t.shape != ts[0].shape:
            raise ValueError(f"stack: tensor {i} has shape {t.shape}, tensor 0 has "
                             f"{ts[0].shape}; all must be equal")
    ax = normalize_axis_tuple(axis, ts[0].ndim + 1)[0]
    return concat([t.unsqueeze(ax) for t in ts], axis=ax)
