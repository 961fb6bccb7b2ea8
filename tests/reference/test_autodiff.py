"""groundup.autodiff against torch.autograd (where installed) and central finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groundup.autodiff import MLP, Layer, Neuron, Value, make_xor, mse_loss, toy_data, train_mlp

# Expressions written once, run on groundup Values and on torch tensors alike (both have
# + - * / **, .exp() .log() .tanh() .relu() .sigmoid()).
EXPRESSIONS = {
    "add": (lambda a, b: a + b, [2.0, -3.0]),
    "mul": (lambda a, b: a * b, [2.0, -3.0]),
    "sub": (lambda a, b: a - b, [2.0, -3.0]),
    "div": (lambda a, b: a / b, [3.0, -2.0]),
    "neg": (lambda a: -a, [1.5]),
    "numbers on either side": (lambda a: 2 + a * 3 - 1 / a + 4 - a / 2 + (1 - a) * 2, [1.5]),
    "pow int": (lambda a: a ** 3, [-1.5]),
    "pow negative": (lambda a: a ** -2, [1.3]),
    "pow fractional": (lambda a: a ** 0.5 + a ** -1.5, [2.5]),
    "exp": (lambda a: a.exp(), [0.7]),
    "log": (lambda a: a.log(), [0.3]),
    "tanh": (lambda a: a.tanh(), [-0.8]),
    "relu positive": (lambda a: a.relu(), [0.8]),
    "relu negative": (lambda a: a.relu(), [-0.8]),
    "sigmoid": (lambda a: a.sigmoid(), [-1.2]),
    "x * x": (lambda a: a * a, [3.0]),
    "x + x": (lambda a: a + a, [3.0]),
    "diamond": (lambda a, b: (a * b) * (a + b), [-2.0, 3.0]),
    "neuron": (lambda w, x, b: (w * x + b).tanh(), [0.5, -1.5, 0.3]),
    "micrograd sanity": (lambda x: (lambda z: (lambda q: (lambda h: h + q + q * x)(
        (z * z).relu()))(z.relu() + z * x))(2 * x + 2 + x), [-4.0]),
}


def grads_groundup(f, inputs):
    leaves = [Value(x) for x in inputs]
    out = f(*leaves)
    out.backward()
    return out.data, [leaf.grad for leaf in leaves]


def grads_torch(f, inputs):
    torch = pytest.importorskip("torch")
    leaves = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in inputs]
    out = f(*leaves)
    out.backward()
    return out.item(), [0.0 if leaf.grad is None else leaf.grad.item() for leaf in leaves]


def grads_fd(f, inputs, h=1e-6):
    """Central differences on plain floats: an independent reference without torch."""
    grads = []
    for i in range(len(inputs)):
        up, down = list(inputs), list(inputs)
        up[i] += h
        down[i] -= h
        grads.append((_float_eval(f, up) - _float_eval(f, down)) / (2 * h))
    return grads


class _F(float):
    """A float with the methods of Value, so the same expressions run on plain floats."""

    def __add__(self, o): return _F(float(self) + float(o))  # noqa: E704
    def __radd__(self, o): return _F(float(o) + float(self))  # noqa: E704
    def __sub__(self, o): return _F(float(self) - float(o))  # noqa: E704
    def __rsub__(self, o): return _F(float(o) - float(self))  # noqa: E704
    def __mul__(self, o): return _F(float(self) * float(o))  # noqa: E704
    def __rmul__(self, o): return _F(float(o) * float(self))  # noqa: E704
    def __truediv__(self, o): return _F(float(self) / float(o))  # noqa: E704
    def __rtruediv__(self, o): return _F(float(o) / float(self))  # noqa: E704
    def __pow__(self, p): return _F(float(self) ** p)  # noqa: E704
    def __neg__(self): return _F(-float(self))  # noqa: E704
    def exp(self): return _F(math.exp(self))  # noqa: E704
    def log(self): return _F(math.log(self))  # noqa: E704
    def tanh(self): return _F(math.tanh(self))  # noqa: E704
    def relu(self): return _F(max(float(self), 0.0))  # noqa: E704
    def sigmoid(self): return _F(1 / (1 + math.exp(-self)))  # noqa: E704


def _float_eval(f, xs):
    return float(f(*[_F(x) for x in xs]))


def assert_close(actual, expected, rtol=1e-10, atol=1e-12, what=""):
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=what)


@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_matches_torch(name):
    f, inputs = EXPRESSIONS[name]
    value, grads = grads_groundup(f, inputs)
    t_value, t_grads = grads_torch(f, inputs)
    assert_close(value, t_value, what=f"{name}: forward value")
    assert_close(grads, t_grads, what=f"{name}: gradients")


@pytest.mark.parametrize("name", [n for n in EXPRESSIONS if "relu" not in n
                                  and n != "micrograd sanity"])
def test_matches_finite_differences(name):
    f, inputs = EXPRESSIONS[name]
    value, grads = grads_groundup(f, inputs)
    assert_close(value, _float_eval(f, inputs), what=f"{name}: forward value")
    assert_close(grads, grads_fd(f, inputs), rtol=1e-6, atol=1e-7, what=f"{name}: gradients")


# Random expression graphs: a list of (op, i, j) over the nodes built so far.
SAFE_OPS = {
    "add": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "sub": lambda a, b: a - b,
    "div": lambda a, b: a / (b * b + 1),
    "tanh": lambda a, b: a.tanh(),
    "sigmoid": lambda a, b: a.sigmoid(),
    "exp_tanh": lambda a, b: a.tanh().exp(),
    "log_sigmoid": lambda a, b: a.sigmoid().log(),
    "square": lambda a, b: a ** 2,
    "neg": lambda a, b: -a,
    "mulc": lambda a, b: 0.5 * a - 1.5,
}

programs = st.tuples(
    st.lists(st.floats(-2, 2).filter(lambda v: abs(v) > 0.1), min_size=1, max_size=4),
    st.lists(st.tuples(st.sampled_from(sorted(SAFE_OPS)), st.integers(0, 10 ** 6),
                       st.integers(0, 10 ** 6)), min_size=1, max_size=12),
)


def run_program(ops, leaves):
    nodes = list(leaves)
    for name, i, j in ops:
        nodes.append(SAFE_OPS[name](nodes[i % len(nodes)], nodes[j % len(nodes)]))
    total = nodes[-1]
    for node in nodes[:-1]:  # every node feeds the output
        total = total + node * 0.5
    return total


@settings(max_examples=60, deadline=None)
@given(programs)
def test_random_graphs_match_torch(program):
    inputs, ops = program
    value, grads = grads_groundup(lambda *xs: run_program(ops, xs), inputs)
    t_value, t_grads = grads_torch(lambda *xs: run_program(ops, xs), inputs)
    assert_close(value, t_value, rtol=1e-9, atol=1e-9)
    assert_close(grads, t_grads, rtol=1e-8, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(programs)
def test_random_graphs_match_finite_differences(program):
    inputs, ops = program
    f = lambda *xs: run_program(ops, xs)  # noqa: E731
    _, grads = grads_groundup(f, inputs)
    assert_close(grads, grads_fd(f, inputs), rtol=1e-5, atol=1e-6)


# Accumulation ------------------------------------------------------------------------------

def test_value_used_twice_accumulates():
    x = Value(3.0)
    (x * x + x).backward()
    assert x.grad == 7.0  # 2x + 1


def test_backward_twice_accumulates_and_zero_grad_resets():
    x = Value(2.0)
    y = x * x
    y.backward()
    y.backward()
    assert x.grad == 8.0  # 4 + 4, like torch without zero_grad
    n = Neuron(2, seed=0)
    n([1.0, 2.0]).backward()
    n.zero_grad()
    assert all(p.grad == 0.0 for p in n.parameters())


def test_deep_chain():
    x = Value(0.3)
    y = x
    for _ in range(300):
        y = y.tanh()
    y.backward()
    expected, t = 1.0, 0.3
    for _ in range(300):
        t = math.tanh(t)
        expected *= 1 - t * t
    assert_close(x.grad, expected, rtol=1e-10)


# Errors and edge cases --------------------------------------------------------------------

@pytest.mark.parametrize("data", [0.0, -1.0])
def test_log_of_non_positive_raises(data):
    with pytest.raises(ValueError, match="log"):
        Value(data).log()


def test_invalid_inputs():
    with pytest.raises(TypeError, match="data"):
        Value("3")
    with pytest.raises(TypeError, match="data"):
        Value(True)
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(ValueError, match="negative base"):
        Value(-2.0) ** 0.5
    with pytest.raises(TypeError):
        Value(1.0) + "a"
    with pytest.raises(ValueError, match="n_inputs"):
        Neuron(0)
    with pytest.raises(ValueError, match="x must have 3"):
        Neuron(3, seed=0)([1.0, 2.0])
    with pytest.raises(ValueError, match="sizes"):
        MLP(2, [])
    with pytest.raises(ValueError, match="same non-zero length"):
        mse_loss([Value(1.0)], [1.0, 2.0])


@pytest.mark.parametrize("x", [-800.0, -50.0, 50.0, 800.0])
def test_saturated_activations_do_not_overflow(x):
    for name in ("sigmoid", "tanh"):
        v = Value(x)
        out = getattr(v, name)()
        out.backward()
        assert math.isfinite(out.data) and abs(v.grad) < 1e-20


# Neurons, layers, MLPs ---------------------------------------------------------------------

def test_parameter_counts_and_init():
    assert len(Neuron(3, seed=0).parameters()) == 4
    assert len(Layer(3, 2, seed=0).parameters()) == 8
    assert len(MLP(3, [4, 4, 1], seed=0).parameters()) == 41
    w0 = [p.data for p in Neuron(5, seed=0).parameters()]
    assert w0 == [p.data for p in Neuron(5, seed=0).parameters()]
    assert w0 != [p.data for p in Neuron(5, seed=1).parameters()]
    assert all(-1 <= w <= 1 for w in w0[:-1]) and w0[-1] == 0.0
    assert isinstance(MLP(2, [3, 1], seed=0)([1.0, 2.0]), Value)
    assert len(MLP(2, [3, 2], seed=0)([1.0, 2.0])) == 2


def test_mlp_loss_and_gradients_match_torch():
    torch = pytest.importorskip("torch")
    X, y = toy_data()
    model = MLP(3, [4, 4, 1], seed=0)
    loss = mse_loss([model(x) for x in X], y)
    loss.backward()
    # The same network in torch, weights copied layer by layer.
    params = []
    h = torch.tensor(X, dtype=torch.float64)  # (4, 3)
    for k, layer in enumerate(model.layers):
        W = torch.tensor([[w.data for w in n.w] for n in layer.neurons], dtype=torch.float64,
                         requires_grad=True)  # (n_out, n_in)
        b = torch.tensor([n.b.data for n in layer.neurons], dtype=torch.float64,
                         requires_grad=True)  # (n_out,)
        params.append((W, b))
        h = h @ W.T + b
        if k < len(model.layers) - 1:
            h = torch.tanh(h)
    t_loss = ((h[:, 0] - torch.tensor(y, dtype=torch.float64)) ** 2).mean()
    t_loss.backward()
    assert_close(loss.data, t_loss.item())
    for layer, (W, b) in zip(model.layers, params, strict=True):
        assert_close([[w.grad for w in n.w] for n in layer.neurons], W.grad.numpy())
        assert_close([n.b.grad for n in layer.neurons], b.grad.numpy())


def test_train_mlp_reduces_the_loss():
    X, y = toy_data()
    losses = train_mlp(MLP(3, [4, 4, 1], seed=0), X, y, lr=0.05, num_epochs=40)
    assert len(losses) == 40 and losses[-1] < 0.5 * losses[0]
    again = train_mlp(MLP(3, [4, 4, 1], seed=0), X, y, lr=0.05, num_epochs=40)
    assert again == losses  # seeded: deterministic
    Xx, yx = make_xor(12, seed=0)
    assert len(Xx) == 12 and set(yx) <= {-1.0, 1.0}


# The grader's two references agree -------------------------------------------------------

def test_check_references_agree():
    pytest.importorskip("torch")
    from groundup.curriculum.checks import autodiff as checks

    kinds = checks.ARITH + checks.MORE + checks.EXPLOG + checks.ACTIVATIONS
    for seed in range(10):
        inputs, ops = checks.random_program(seed, 4, 25, kinds)
        t, _ = checks.reference_grads(inputs, ops, use_torch=True)
        fd, tol = checks.reference_grads(inputs, ops, use_torch=False)
        assert_close(fd, t, rtol=tol["rtol"], atol=tol["atol"])
