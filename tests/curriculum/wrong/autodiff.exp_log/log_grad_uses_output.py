# Wrong: the derivative of ln x is 1/x with x the input, not 1/ln x (the output).
from __future__ import annotations

import math
import numbers
from collections.abc import Callable


class Value:
    r"""A scalar that remembers how it was computed, and can compute its gradient.

    Parameters
    ----------
    data : float
        The number (``int`` and ``float`` are accepted; stored as ``float``).
    _children : tuple of Value, optional
        The Values this one was computed from (set by the operations, not by users).
    _op : str, optional
        The name of the operation that produced this Value (for display).
    label : str, optional
        A name for drawing the graph.

    Attributes
    ----------
    data : float
        The value computed in the forward pass.
    grad : float
        :math:`\partial L / \partial\, \text{self}` for the Value ``L`` on which
        :meth:`backward` was last called; ``0.0`` until then.

    Raises
    ------
    TypeError
        If ``data`` is not a real number.

    Examples
    --------
    >>> x, y = Value(2.0), Value(-3.0)
    >>> z = x * y + x          # z = xy + x, x is used twice
    >>> z.backward()
    >>> z.data, x.grad, y.grad  # dz/dx = y + 1, dz/dy = x
    (-4.0, -2.0, 2.0)
    """

    def __init__(self, data: float, _children: tuple[Value, ...] = (), _op: str = "",
                 label: str = "") -> None:
        if isinstance(data, bool) or not isinstance(data, numbers.Real):
            raise TypeError(f"data must be a real number (int or float), got "
                            f"{type(data).__name__}")
        self.data: float = float(data)
        self.grad: float = 0.0
        self._backward: Callable[[], None] = lambda: None
        self._prev: tuple[Value, ...] = tuple(_children)
        self._op: str = _op
        self.label: str = label

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    # ---------------------------------------------------------------------------------------
    # + and *: the two operations everything else can be built from

    def __add__(self, other: Value | float) -> Value:
        r"""``self + other``.

        .. math:: \text{out} = a + b, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = 1, \quad
                  \frac{\partial\, \text{out}}{\partial b} = 1

        An addition passes its gradient on unchanged to both inputs.
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward() -> None:
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other: Value | float) -> Value:
        r"""``self * other``.

        .. math:: \text{out} = a b, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = b, \quad
                  \frac{\partial\, \text{out}}{\partial b} = a

        Each input's gradient is the *other* input's value times ``out.grad``.
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward() -> None:
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __radd__(self, other: float) -> Value:
        """``other + self`` when ``other`` is a plain number (``2 + x``)."""
        return self + other

    def __rmul__(self, other: float) -> Value:
        """``other * self`` when ``other`` is a plain number (``2 * x``)."""
        return self * other

    # ---------------------------------------------------------------------------------------
    # -, unary -, / and ** (constant exponent)

    def __neg__(self) -> Value:
        r"""``-self``.

        .. math:: \text{out} = -a, \qquad \frac{\partial\, \text{out}}{\partial a} = -1
        """
        out = Value(-self.data, (self,), "neg")

        def _backward() -> None:
            self.grad += -out.grad

        out._backward = _backward
        return out

    def __sub__(self, other: Value | float) -> Value:
        r"""``self - other``.

        .. math:: \text{out} = a - b, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = 1, \quad
                  \frac{\partial\, \text{out}}{\partial b} = -1
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data - other.data, (self, other), "-")

        def _backward() -> None:
            self.grad += out.grad
            other.grad += -out.grad

        out._backward = _backward
        return out

    def __rsub__(self, other: float) -> Value:
        """``other - self`` when ``other`` is a plain number (``1 - x``)."""
        return Value(other) - self

    def __truediv__(self, other: Value | float) -> Value:
        r"""``self / other``.

        .. math:: \text{out} = \frac{a}{b}, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = \frac{1}{b}, \quad
                  \frac{\partial\, \text{out}}{\partial b} = -\frac{a}{b^2}

        Raises
        ------
        ZeroDivisionError
            If ``other`` is zero, as for Python floats.
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data / other.data, (self, other), "/")

        def _backward() -> None:
            self.grad += out.grad / other.data
            other.grad += -self.data / other.data**2 * out.grad

        out._backward = _backward
        return out

    def __rtruediv__(self, other: float) -> Value:
        """``other / self`` when ``other`` is a plain number (``1 / x``)."""
        return Value(other) / self

    def __pow__(self, exponent: float) -> Value:
        r"""``self ** exponent`` for a constant (``int`` or ``float``) exponent :math:`n`.

        .. math:: \text{out} = a^n, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = n\, a^{n-1}

        Raises
        ------
        TypeError
            If ``exponent`` is not an ``int`` or ``float`` (a Value exponent is not supported).
        ValueError
            If ``self.data`` is negative and ``exponent`` is not a whole number (the result
            would be complex).
        """
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
            raise TypeError(f"exponent must be an int or a float constant, got "
                            f"{type(exponent).__name__}")
        n = float(exponent)
        if self.data < 0 and not n.is_integer():
            raise ValueError(f"a negative base ({self.data:g}) needs a whole-number exponent, "
                             f"got exponent {n:g}")
        out = Value(self.data**n, (self,), f"**{n:g}")

        def _backward() -> None:
            self.grad += n * self.data ** (n - 1) * out.grad

        out._backward = _backward
        return out

    # ---------------------------------------------------------------------------------------
    # exp and log

    def exp(self) -> Value:
        r"""The exponential :math:`e^a`.

        .. math:: \text{out} = e^a, \qquad \frac{\partial\, \text{out}}{\partial a} = e^a
                  = \text{out}
        """
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward() -> None:
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self) -> Value:
        r"""The natural logarithm :math:`\ln a`.

        .. math:: \text{out} = \ln a, \qquad \frac{\partial\, \text{out}}{\partial a}
                  = \frac{1}{a}

        Raises
        ------
        ValueError
            If ``self.data <= 0`` (the logarithm is defined only for positive numbers).
        """
        if self.data <= 0:
            raise ValueError(f"log needs a positive value, got data = {self.data:g}")
        out = Value(math.log(self.data), (self,), "log")

        def _backward() -> None:
            self.grad += out.grad / out.data

        out._backward = _backward
        return out

    # ---------------------------------------------------------------------------------------
    # activations

    def tanh(self) -> Value:
        r"""The hyperbolic tangent, an S-shaped curve from -1 to 1.

        .. math:: \text{out} = \tanh a = \frac{e^{2a} - 1}{e^{2a} + 1}, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = 1 - \tanh^2 a = 1 - \text{out}^2
        """
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward() -> None:
            self.grad += (1.0 - t * t) * out.grad

        out._backward = _backward
        return out

    def relu(self) -> Value:
        r"""The rectified linear unit :math:`\max(0, a)`.

        .. math:: \text{out} = \max(0, a), \qquad
                  \frac{\partial\, \text{out}}{\partial a} =
                  \begin{cases} 1 & a > 0 \\ 0 & a \le 0 \end{cases}
        """
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward() -> None:
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    def sigmoid(self) -> Value:
        r"""The logistic sigmoid, an S-shaped curve from 0 to 1.

        .. math:: \text{out} = \sigma(a) = \frac{1}{1 + e^{-a}}, \qquad
                  \frac{\partial\, \text{out}}{\partial a} = \sigma(a)\,(1 - \sigma(a))

        Computed without overflow: for :math:`a < 0` as :math:`e^{a} / (1 + e^{a})`.
        """
        if self.data >= 0:
            s = 1.0 / (1.0 + math.exp(-self.data))
        else:
            e = math.exp(self.data)
            s = e / (1.0 + e)
        out = Value(s, (self,), "sigmoid")

        def _backward() -> None:
            self.grad += s * (1.0 - s) * out.grad

        out._backward = _backward
        return out

    # ---------------------------------------------------------------------------------------
    # the backward pass

    def backward(self) -> None:
        r"""Fill in ``grad`` of every Value this one depends on (reverse-mode autodiff).

        1. Sort the graph topologically: every node comes after all of its inputs.
        2. Seed :math:`\partial L / \partial L = 1` on ``self``.
        3. Walk the sorted list backwards, calling each node's ``_backward``; by the time a
           node is reached, every node that uses it has already added its share:

        .. math:: \frac{\partial L}{\partial x} = \sum_{\text{uses } u \text{ of } x}
                  \frac{\partial L}{\partial u}\, \frac{\partial u}{\partial x}

        Gradients accumulate: call ``zero_grad`` (or set ``grad = 0``) between two backward
        passes over the same graph.
        """
        topo: list[Value] = []
        visited: set[int] = set()

        def build(v: Value) -> None:
            if id(v) not in visited:
                visited.add(id(v))
                for child in v._prev:
                    build(child)
                topo.append(v)

        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()
