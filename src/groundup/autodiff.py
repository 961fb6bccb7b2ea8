"""A scalar reverse-mode automatic differentiation engine, micrograd style (phase 1).

A :class:`Value` wraps one float. Every arithmetic operation on Values builds a node of a
computation graph that remembers its inputs (``_prev``), the operation (``_op``) and a
``_backward`` closure that applies the chain rule locally:

.. math:: \\frac{\\partial L}{\\partial x} \\mathrel{+}=
          \\frac{\\partial L}{\\partial \\text{out}} \\cdot
          \\frac{\\partial\\, \\text{out}}{\\partial x}

:meth:`Value.backward` visits the graph in reverse topological order, so that every node's
gradient is complete before it is passed on to its inputs. Gradients *accumulate* (``+=``):
a value used in several places receives the sum of the gradients along every path.

On top of the engine: :class:`Neuron`, :class:`Layer` and :class:`MLP`, and
:func:`train_mlp`, a few lines of full-batch gradient descent.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence

import numpy as np


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
            self.grad += out.grad / self.data

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


# -------------------------------------------------------------------------------------------
# A tiny neural-network library on top of Value


class Module:
    """Something with parameters: :class:`Neuron`, :class:`Layer` or :class:`MLP`."""

    def parameters(self) -> list[Value]:
        """Every trainable Value, in a fixed order."""
        return []

    def zero_grad(self) -> None:
        """Set every parameter's ``grad`` back to 0 (gradients accumulate otherwise)."""
        for p in self.parameters():
            p.grad = 0.0


def _check_size(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{name} must be at least 1, got {n}")
    return int(n)


class Neuron(Module):
    r"""One neuron: a weighted sum of the inputs plus a bias, through a tanh.

    .. math:: \text{out} = \tanh\Big(\sum_{i=1}^{n} w_i x_i + b\Big)

    Parameters
    ----------
    n_inputs : int
        Number of inputs :math:`n`.
    nonlin : bool, default True
        Apply tanh; ``False`` gives a linear neuron (used in an MLP's last layer).
    seed : int, numpy Generator or None
        The weights start uniform in :math:`[-1, 1]` (``rng.uniform(-1, 1)``, one per
        input, drawn in order); the bias starts at 0.

    Examples
    --------
    >>> n = Neuron(2, seed=0)
    >>> out = n([1.0, -2.0])
    >>> len(n.parameters())   # w_1, w_2, b
    3
    """

    w: list[Value]
    b: Value
    nonlin: bool

    def __init__(self, n_inputs: int, nonlin: bool = True,
                 seed: int | np.random.Generator | None = None) -> None:
        n_inputs = _check_size(n_inputs, "n_inputs")
        rng = np.random.default_rng(seed)
        self.w = [Value(float(rng.uniform(-1.0, 1.0))) for _ in range(n_inputs)]
        self.b = Value(0.0)
        self.nonlin = nonlin

    def __call__(self, x: Sequence[Value | float]) -> Value:
        """The neuron's output for one input ``x`` (length ``n_inputs``)."""
        if len(x) != len(self.w):
            raise ValueError(f"x must have {len(self.w)} elements, got {len(x)}")
        act = sum((wi * xi for wi, xi in zip(self.w, x, strict=True)), self.b)
        return act.tanh() if self.nonlin else act

    def parameters(self) -> list[Value]:
        """``[w_1, ..., w_n, b]``."""
        return [*self.w, self.b]

    def __repr__(self) -> str:
        return f"{'Tanh' if self.nonlin else 'Linear'}Neuron({len(self.w)})"


class Layer(Module):
    """``n_outputs`` neurons that all read the same inputs.

    Parameters
    ----------
    n_inputs, n_outputs : int
    nonlin : bool, default True
        Passed on to every :class:`Neuron`.
    seed : int, numpy Generator or None

    Examples
    --------
    >>> layer = Layer(3, 2, seed=0)
    >>> len(layer([1.0, 2.0, 3.0])), len(layer.parameters())   # 2 outputs, 2 * (3 + 1)
    (2, 8)
    """

    neurons: list[Neuron]

    def __init__(self, n_inputs: int, n_outputs: int, nonlin: bool = True,
                 seed: int | np.random.Generator | None = None) -> None:
        n_outputs = _check_size(n_outputs, "n_outputs")
        rng = np.random.default_rng(seed)
        self.neurons = [Neuron(n_inputs, nonlin, rng) for _ in range(n_outputs)]

    def __call__(self, x: Sequence[Value | float]) -> list[Value]:
        """Every neuron's output, as a list of ``n_outputs`` Values."""
        return [neuron(x) for neuron in self.neurons]

    def parameters(self) -> list[Value]:
        """The neurons' parameters, neuron after neuron."""
        return [p for neuron in self.neurons for p in neuron.parameters()]

    def __repr__(self) -> str:
        return f"Layer([{', '.join(str(n) for n in self.neurons)}])"


class MLP(Module):
    r"""A multi-layer perceptron: layers one after the other, tanh inside, linear at the end.

    .. math:: h^{(0)} = x, \quad h^{(l)} = \tanh(W^{(l)} h^{(l-1)} + b^{(l)}), \quad
              \hat y = W^{(L)} h^{(L-1)} + b^{(L)}

    Parameters
    ----------
    n_inputs : int
        Length of one input.
    sizes : sequence of int
        The number of neurons of each layer; the last one is the number of outputs.
    seed : int, numpy Generator or None

    Examples
    --------
    >>> model = MLP(3, [4, 4, 1], seed=0)
    >>> len(model.parameters())    # 4*(3+1) + 4*(4+1) + 1*(4+1)
    41
    >>> y_hat = model([2.0, 3.0, -1.0])   # a single Value: the last layer has one neuron
    """

    layers: list[Layer]

    def __init__(self, n_inputs: int, sizes: Sequence[int],
                 seed: int | np.random.Generator | None = None) -> None:
        n_inputs = _check_size(n_inputs, "n_inputs")
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
            raise ValueError("sizes must be a non-empty list of layer sizes")
        dims = [n_inputs] + [_check_size(s, "sizes[i]") for s in sizes]
        rng = np.random.default_rng(seed)
        self.layers = [Layer(dims[i], dims[i + 1], nonlin=i != len(sizes) - 1, seed=rng)
                       for i in range(len(sizes))]

    def __call__(self, x: Sequence[Value | float]) -> Value | list[Value]:
        """The network's output: one Value if the last layer has one neuron, else a list."""
        out: list[Value] = list(x)  # type: ignore[arg-type]  # floats are fine as inputs
        for layer in self.layers:
            out = layer(out)
        return out[0] if len(out) == 1 else out

    def parameters(self) -> list[Value]:
        """The layers' parameters, layer after layer."""
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self) -> str:
        return f"MLP([{', '.join(str(layer) for layer in self.layers)}])"


def toy_data() -> tuple[list[list[float]], list[float]]:
    """The four-example data set of micrograd's introduction: 3 inputs, targets +-1.

    Returns
    -------
    X : list of 4 lists of 3 floats
    y : list of 4 floats
    """
    X = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
    y = [1.0, -1.0, -1.0, 1.0]
    return X, y


def make_xor(n_samples: int = 40, seed: int | None = 0) -> tuple[list[list[float]], list[float]]:
    r"""XOR-like points: uniform in :math:`[-1, 1]^2`, label :math:`\operatorname{sign}(x_1 x_2)`.

    No straight line separates the two classes: a network needs a hidden layer.

    Returns
    -------
    X : list of ``n_samples`` lists of 2 floats
    y : list of ``n_samples`` floats in {-1, +1}
    """
    n_samples = _check_size(n_samples, "n_samples")
    rng = np.random.default_rng(seed)
    points = rng.uniform(-1.0, 1.0, size=(n_samples, 2))  # (n_samples, 2)
    labels = np.where(points[:, 0] * points[:, 1] > 0, 1.0, -1.0)
    return points.tolist(), labels.tolist()


def mse_loss(y_hat: Sequence[Value], y: Sequence[float]) -> Value:
    r"""Mean squared error :math:`\frac{1}{n} \sum_i (\hat y_i - y_i)^2`, as a Value."""
    if len(y_hat) != len(y) or not y:
        raise ValueError(f"y_hat and y must have the same non-zero length, got {len(y_hat)} "
                         f"and {len(y)}")
    total = sum(((yh - yi) ** 2 for yh, yi in zip(y_hat, y, strict=True)), Value(0.0))
    return total / len(y)


def train_mlp(model: MLP, X: Sequence[Sequence[float]], y: Sequence[float], *,
              lr: float = 0.05, num_epochs: int = 100) -> list[float]:
    r"""Full-batch gradient descent on the mean squared error; returns the loss history.

    Each epoch: forward every example, :math:`L = \frac{1}{n}\sum_i (\hat y_i - y_i)^2`,
    ``zero_grad``, ``L.backward()``, then :math:`p \leftarrow p - \eta\, \partial L/\partial p`
    for every parameter.

    Parameters
    ----------
    model : MLP
        A model with one output; trained in place.
    X : sequence of n_samples inputs
    y : sequence of n_samples targets
    lr : float
        The learning rate :math:`\eta`.
    num_epochs : int

    Returns
    -------
    list of float
        The loss before each update (length ``num_epochs``).

    Examples
    --------
    >>> X, y = toy_data()
    >>> losses = train_mlp(MLP(3, [4, 4, 1], seed=0), X, y, lr=0.05, num_epochs=20)
    >>> losses[-1] < losses[0]
    True
    """
    if len(X) != len(y) or not y:
        raise ValueError(f"X and y must have the same non-zero length, got {len(X)} and {len(y)}")
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr}")
    num_epochs = _check_size(num_epochs, "num_epochs")
    history = []
    for _ in range(num_epochs):
        y_hat = [model(x) for x in X]
        if not all(isinstance(v, Value) for v in y_hat):
            raise ValueError("train_mlp needs a model with a single output")
        loss = mse_loss(y_hat, y)  # type: ignore[arg-type]  # checked just above
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= lr * p.grad
        history.append(loss.data)
    return history
