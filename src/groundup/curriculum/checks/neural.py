"""Checks for the neurons-activations (``act.*``) and neural-networks (``mlp.*``) exercises.

Expected values come from PyTorch (``torch.autograd``, ``torch.nn.functional``,
``torch.optim.SGD``) when it is installed, and otherwise from SciPy/NumPy formulas and central
finite differences computed here, in the grader. Nothing here uses :mod:`groundup.neural`.
The drivers that run in the learner's process are in
:mod:`groundup.curriculum.checks.neural_drivers`.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import special, stats

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.neural_drivers"
STRICT = f"{DRIVERS}:strict_call"


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


# -------------------------------------------------------------------------------------------
# act.activations: the functions, from SciPy


def _gelu(x: Any) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return x * stats.norm.cdf(x)


_ACT_REF: dict[str, Callable[[Any], Any]] = {
    "sigmoid": lambda x: special.expit(np.asarray(x, dtype=float)),
    "tanh": lambda x: np.tanh(np.asarray(x, dtype=float)),
    "relu": lambda x: np.maximum(np.asarray(x, dtype=float), 0.0),
    "gelu": _gelu,
    "identity": lambda x: np.asarray(x, dtype=float),
}
ACT_TOL: dict[str, Any] = {"rtol": 1e-7, "atol": 1e-12}


def _strict_ref(ref: Callable[..., Any]) -> Callable[..., Any]:
    """The reference of a case run through the ``strict_call`` driver (first arg: the name)."""
    def expected(function: str, *args: Any) -> Any:
        return ref(*args)

    return expected


def activations() -> list[Check]:
    rng = _rng(300)
    big = np.array([-1000.0, -745.0, -40.0, -1.0, 0.0, 1.0, 40.0, 745.0, 1000.0])
    tiny = np.array([-1e-12, -3e-9, 0.0, 2e-10, 1e-6])
    hints = {
        "sigmoid": "sigma(x) = 1 / (1 + exp(-x)); for x < 0 use the equal form exp(x) / "
                   "(1 + exp(x)): with e = np.exp(-np.abs(x)) no exponent is positive.",
        "tanh": "tanh(x) = (1 - e) / (1 + e) * sign(x) with e = exp(-2|x|) <= 1; "
                "-np.expm1(-2|x|) computes 1 - e without losing the digits of small x.",
        "relu": "max(0, x) element-wise: np.maximum(x, 0.0).",
        "gelu": "gelu(x) = x * Phi(x), with Phi(x) = 0.5 * (1 + erf(x / sqrt(2))) "
                "(scipy.special.erf, or np.vectorize(math.erf)).",
    }
    checks = []
    for name in ("sigmoid", "tanh", "relu", "gelu"):
        ref = _ACT_REF[name]
        checks.append(Check(
            f"{name}: a few values",
            [Case(np.array([-2.0, -0.5, 0.0, 0.5, 2.0])), Case(rng.normal(size=(3, 4)) * 3)],
            expect=close_to(ref, **ACT_TOL), hint=hints[name], function=name))
    for name in ("sigmoid", "tanh", "relu", "gelu"):
        checks.append(Check(
            f"{name}: very large |x|, overflow warnings turned into errors",
            [Case(name, big, driver=STRICT, label=f"{name}(x), x = [-1000, -745, -40, -1, 0, 1, "
                                                  "40, 745, 1000], np.errstate(over='raise')")],
            expect=close_to(_strict_ref(_ACT_REF[name]), **ACT_TOL),
            hint=hints[name] + " Never compute exp of a large positive number.", function=name))
    checks.append(Check(
        "tanh: tiny x keeps its digits", [Case(tiny)],
        expect=close_to(_ACT_REF["tanh"], rtol=1e-9, atol=0.0), function="tanh",
        hint="For small x, 1 - exp(-2|x|) cancels: use -np.expm1(-2 * np.abs(x))."))
    for name in ("sigmoid", "tanh", "relu", "gelu"):
        checks.append(Check(
            f"{name}: random inputs", [Case(rng.normal(size=200) * 10, label="hidden")],
            expect=close_to(_ACT_REF[name], hidden=True, **ACT_TOL), hidden=True,
            hint=hints[name], function=name))
    return checks


# -------------------------------------------------------------------------------------------
# act.derivatives: torch.autograd, or the SciPy formulas


def _torch_derivative(name: str, x: Any) -> np.ndarray:
    import torch

    t = torch.tensor(np.asarray(x, dtype=float), dtype=torch.float64, requires_grad=True)
    fns = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
           "gelu": torch.nn.functional.gelu}
    fns[name](t).sum().backward()
    assert t.grad is not None
    return t.grad.numpy().copy()


def _formula_derivative(name: str, x: Any) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if name == "sigmoid":
        s = special.expit(x)
        return s * (1 - s)
    if name == "tanh":
        return 1 - np.tanh(x) ** 2
    if name == "relu":
        return (x > 0).astype(float)
    return stats.norm.cdf(x) + x * stats.norm.pdf(x)


def derivative_ref(name: str) -> Callable[[Any], np.ndarray]:
    def ref(x: Any) -> np.ndarray:
        if torch_available():
            return _torch_derivative(name, x)
        return _formula_derivative(name, x)

    return ref


def derivatives() -> list[Check]:
    rng = _rng(310)
    big = np.array([-1000.0, -745.0, -40.0, 40.0, 745.0, 1000.0])
    hints = {
        "sigmoid": "sigma'(x) = sigma(x) * (1 - sigma(x)): compute sigma stably first.",
        "tanh": "tanh'(x) = 1 - tanh(x)**2.",
        "relu": "1 where x > 0, else 0; PyTorch takes 0 at x = 0 exactly.",
        "gelu": "The product rule on x * Phi(x): Phi(x) + x * phi(x), with phi the standard "
                "Normal density exp(-x**2 / 2) / sqrt(2 pi).",
    }
    checks = []
    for name in ("sigmoid", "tanh", "relu", "gelu"):
        fn = f"{name}_grad"
        ref = derivative_ref(name)
        checks.append(Check(
            f"{fn}: against torch.autograd",
            [Case(np.array([-3.0, -1.0, -0.25, 0.5, 2.0])), Case(rng.normal(size=(4, 3)) * 2)],
            expect=close_to(ref, rtol=1e-7, atol=1e-12), hint=hints[name], function=fn))
        checks.append(Check(
            f"{fn}: at exactly 0 and at very large |x| (overflow warnings are errors)",
            [Case(fn, np.array([0.0]), driver=STRICT, label=f"{fn}([0.0])"),
             Case(fn, big, driver=STRICT,
                  label=f"{fn}(x), x = [-1000, -745, -40, 40, 745, 1000], "
                        "np.errstate(over='raise')")],
            expect=close_to(_strict_ref(ref), rtol=1e-7, atol=1e-12),
            hint=hints[name], function=fn))
        checks.append(Check(
            f"{fn}: random inputs", [Case(rng.normal(size=300) * 5, label="hidden")],
            expect=close_to(ref, rtol=1e-7, atol=1e-12, hidden=True), hidden=True,
            hint=hints[name], function=fn))
    return checks


# -------------------------------------------------------------------------------------------
# act.neuron


def _neuron_ref(X: Any, w: Any, b: float, activation: str = "sigmoid") -> np.ndarray:
    z = np.einsum("nd,d->n", np.asarray(X, dtype=float), np.asarray(w, dtype=float)) + b
    return _ACT_REF[activation](z)


def neuron() -> list[Check]:
    rng = _rng(320)

    def case(n: int, d: int, act: str, label: bool = True) -> Case:
        X, w, b = rng.normal(size=(n, d)), rng.normal(size=d), float(rng.normal())
        return Case(X, w, b, act) if label else Case(X, w, b, act, label="hidden")

    return [
        Check("each activation on a batch",
              [case(5, 3, act) for act in ("identity", "sigmoid", "tanh", "relu")],
              expect=close_to(_neuron_ref, rtol=1e-9, atol=1e-12),
              hint="z = X @ w + b gives one number per row (shape (n_samples,)); then apply "
                   "the activation to z."),
        Check("one sample, one feature", [Case(np.array([[2.0]]), np.array([-1.5]), 0.5,
                                               "relu"),
                                          Case(np.array([[0.3, -0.2]]), np.array([1.0, 2.0]),
                                               0.0, "tanh")],
              expect=close_to(_neuron_ref, rtol=1e-9, atol=1e-12),
              hint="A batch of one row is still a 2-D X of shape (1, n_features)."),
        Check("large pre-activations", [Case(rng.normal(size=(4, 3)) * 400, np.ones(3), 0.0,
                                             "sigmoid")],
              expect=close_to(_neuron_ref, rtol=1e-9, atol=1e-12),
              hint="Use a sigmoid that never overflows (exp of -|z| only)."),
        Check("invalid input",
              [Case(np.ones(3), np.ones(3), 0.0, "relu", label="X = np.ones(3) (1-D)"),
               Case(np.ones((4, 3)), np.ones(2), 0.0, "relu",
                    label="X of shape (4, 3), w of shape (2,)"),
               Case(np.ones((4, 3)), np.ones(3), 0.0, "softmax",
                    label="activation = 'softmax' (unknown)")],
              expect=raises(ValueError),
              hint="Check X.ndim == 2, w.ndim == 1, X.shape[1] == w.shape[0] and that the "
                   "activation is one of identity, sigmoid, tanh, relu; raise ValueError."),
        Check("random batches", [case(50, 7, act, label=False)
                                 for act in ("identity", "sigmoid", "tanh", "relu")],
              expect=close_to(_neuron_ref, rtol=1e-9, atol=1e-12, hidden=True), hidden=True,
              hint="The bias is added before the activation, once per sample."),
    ]


# -------------------------------------------------------------------------------------------
# act.xor


XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


def _xor_net(X: Any, W1: Any, b1: Any, W2: Any, b2: Any) -> np.ndarray:
    H = np.maximum(np.asarray(X, float) @ np.asarray(W1, float).T + np.asarray(b1, float), 0)
    return special.expit(H @ np.asarray(W2, float).T + np.asarray(b2, float))


def _xor_weights_predicate(points: np.ndarray, labels: np.ndarray, confident: bool,
                           hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        if not isinstance(value, (tuple, list)) or len(value) != 4:
            return "xor_weights should return a tuple (W1, b1, W2, b2)"
        shapes = {"W1": (2, 2), "b1": (2,), "W2": (1, 2), "b2": (1,)}
        arrays = []
        for (name, shape), v in zip(shapes.items(), value, strict=True):
            arr = np.asarray(v, dtype=float) if not isinstance(v, (str, dict)) else None
            if arr is None or arr.shape != shape:
                got = "not an array" if arr is None else arr.shape
                return f"{name} should have shape {shape}, got {got}"
            arrays.append(arr)
        p = _xor_net(points, *arrays)[:, 0]
        wrong = np.flatnonzero((p > 0.5).astype(int) != labels)
        if wrong.size:
            i = int(wrong[0])
            where = "a hidden point" if hidden else f"x = {points[i].tolist()}"
            return (f"{wrong.size} of {len(points)} points are misclassified, e.g. {where}: "
                    f"the network gives p = {p[i]:.3f} but the label is {labels[i]}")
        if confident:
            far = np.flatnonzero(np.abs(p - labels) > 0.1)
            if far.size:
                i = int(far[0])
                return (f"right side of 0.5, but not confident: at x = {points[i].tolist()} "
                        f"p = {p[i]:.3f}, it should be within 0.1 of {labels[i]} (scale the "
                        "output weights up)")
        return None

    return check


def xor() -> list[Check]:
    rng = _rng(330)

    def forward_case(n: int) -> Case:
        return Case(rng.uniform(-1, 2, size=(n, 2)), rng.normal(size=(2, 2)),
                    rng.normal(size=2), rng.normal(size=(1, 2)), rng.normal(size=1))

    jitter = np.repeat(XOR_X, 10, axis=0) + rng.uniform(-0.15, 0.15, size=(40, 2))
    return [
        Check("xor_forward on random weights", [forward_case(4), forward_case(9)],
              expect=close_to(_xor_net, rtol=1e-9, atol=1e-12), function="xor_forward",
              hint="H = relu(X @ W1.T + b1) has shape (n, 2); the output sigmoid(H @ W2.T + b2)"
                   " has shape (n, 1)."),
        Check("xor_forward rejects wrong shapes",
              [Case(XOR_X, np.ones((3, 2)), np.ones(2), np.ones((1, 2)), np.ones(1),
                    label="W1 of shape (3, 2)"),
               Case(XOR_X, np.ones((2, 2)), np.ones(2), np.ones(2), np.ones(1),
                    label="W2 of shape (2,)")],
              expect=raises(ValueError), function="xor_forward",
              hint="Compare each parameter's shape with (2, 2), (2,), (1, 2), (1,) and raise "
                   "ValueError."),
        Check("xor_weights: the four corners are classified right", [Case(label="xor_weights()")],
              expect=satisfies(_xor_weights_predicate(XOR_X, XOR_Y, False, False)),
              function="xor_weights",
              hint="One hidden unit can act as OR (x1 + x2 > 0), the other as AND "
                   "(x1 + x2 > 1); XOR is OR and not AND."),
        Check("xor_weights: confidently (p within 0.1 of the label)", [Case(label="xor_weights()")],
              expect=satisfies(_xor_weights_predicate(XOR_X, XOR_Y, True, False)),
              function="xor_weights",
              hint="sigmoid(5) is about 0.993: make the output's pre-activation +-5 or more."),
        Check("xor_weights: points near the corners", [Case(label="hidden")],
              expect=satisfies(_xor_weights_predicate(jitter, np.repeat(XOR_Y, 10), False,
                                                      True)),
              function="xor_weights", hidden=True,
              hint="Put the boundaries half-way between the corners (x1 + x2 = 0.5 and 1.5), "
                   "not right next to them."),
    ]


# -------------------------------------------------------------------------------------------
# act.vanishing_gradient


def _chain_torch(X: Any, weights: Any, activation: str) -> np.ndarray:
    import torch

    fn = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[activation]
    Ws = [torch.tensor(W, dtype=torch.float64, requires_grad=True) for W in np.asarray(weights)]
    H = torch.tensor(np.asarray(X, dtype=float), dtype=torch.float64)
    for W in Ws:
        H = fn(H @ W.T)
    H.sum().backward()
    return np.array([float(torch.linalg.norm(W.grad)) for W in Ws])  # type: ignore[arg-type]


def _chain_numpy(X: Any, weights: Any, activation: str) -> np.ndarray:
    """The same by NumPy's own backpropagation (when PyTorch is missing)."""
    f = _ACT_REF[activation]
    df = {"sigmoid": lambda z: special.expit(z) * (1 - special.expit(z)),
          "tanh": lambda z: 1 - np.tanh(z) ** 2, "relu": lambda z: (z > 0).astype(float)}
    Ws = np.asarray(weights, dtype=float)
    Hs, Zs = [np.asarray(X, dtype=float)], []
    for W in Ws:
        Zs.append(Hs[-1] @ W.T)
        Hs.append(f(Zs[-1]))
    G, norms = np.ones_like(Hs[-1]), []
    for k in reversed(range(len(Ws))):
        D = G * df[activation](Zs[k])
        norms.append(np.linalg.norm(D.T @ Hs[k]))
        G = D @ Ws[k]
    return np.array(norms[::-1])


def chain_gradient_norms(X: Any, weights: Any, activation: str = "sigmoid") -> np.ndarray:
    if torch_available():
        return _chain_torch(X, weights, activation)
    return _chain_numpy(X, weights, activation)


def vanishing_gradient() -> list[Check]:
    rng = _rng(340)

    def case(n: int, depth: int, width: int, act: str, hidden: bool = False) -> Case:
        scale = math.sqrt((2.0 if act == "relu" else 1.0) / width)
        X = rng.normal(size=(n, width))
        W = rng.normal(size=(depth, width, width)) * scale
        label = "hidden" if hidden else (
            f"X of shape ({n}, {width}), {depth} random layers of shape ({width}, {width}), "
            f"activation = {act!r}")
        return Case(X, W, act, label=label)

    tol: dict[str, Any] = {"rtol": 1e-6, "atol": 0.0}
    return [
        Check("one and two layers", [case(3, 1, 4, "sigmoid"), case(3, 2, 4, "tanh"),
                                     case(2, 2, 3, "relu")],
              expect=close_to(chain_gradient_norms, **tol),
              hint="dL/dW_l = Delta_l.T @ H_{l-1} with Delta_l = G_l * f'(Z_l); start from "
                   "G_L = ones (the loss is the sum of the outputs)."),
        Check("deep sigmoid, tanh and relu chains",
              [case(4, 10, 6, "sigmoid"), case(4, 10, 6, "tanh"), case(4, 10, 6, "relu")],
              expect=close_to(chain_gradient_norms, **tol),
              hint="Going down a layer: G_{l-1} = Delta_l @ W_l (W_l has shape (out, in)). "
                   "The norms are listed from the first layer (next to X) to the last."),
        Check("invalid input",
              [Case(np.ones((2, 3)), np.ones((2, 3, 3)), "softplus",
                    label="activation = 'softplus'"),
               Case(np.ones((2, 3)), np.ones((2, 3, 4)), "relu",
                    label="weights of shape (2, 3, 4) (not square)"),
               Case(np.ones((2, 4)), np.ones((2, 3, 3)), "relu",
                    label="X of shape (2, 4), weights of shape (2, 3, 3)")],
              expect=raises(ValueError),
              hint="Check the activation name and that weights has shape (depth, width, width) "
                   "with width = X.shape[1]."),
        Check("deeper chains", [case(8, 25, 12, "sigmoid", True), case(8, 25, 12, "relu", True)],
              expect=close_to(chain_gradient_norms, hidden=True, **tol), hidden=True,
              hint="Keep every layer's input H_{l-1} and pre-activation Z_l from the forward "
                   "pass; the backward pass needs both."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.dense_forward


def _dense_ref(X: Any, W: Any, b: Any = None) -> np.ndarray:
    out = np.einsum("ni,oi->no", np.asarray(X, float), np.asarray(W, float))
    return out if b is None else out + np.asarray(b, float)


def dense_forward() -> list[Check]:
    rng = _rng(400)
    return [
        Check("random layers", [Case(rng.normal(size=(5, 3)), rng.normal(size=(4, 3)),
                                     rng.normal(size=4)),
                                Case(rng.normal(size=(2, 6)), rng.normal(size=(1, 6)),
                                     rng.normal(size=1))],
              expect=close_to(_dense_ref, rtol=1e-9, atol=1e-12),
              hint="W has shape (n_out, n_in), as in PyTorch: X @ W.T + b has shape "
                   "(n_samples, n_out)."),
        Check("a square weight matrix", [Case(rng.normal(size=(4, 3)), rng.normal(size=(3, 3)),
                                              rng.normal(size=3))],
              expect=close_to(_dense_ref, rtol=1e-9, atol=1e-12),
              hint="Row o of W holds the weights of output o: Y[n, o] = sum_i X[n, i] W[o, i]."),
        Check("no bias (b = None)", [Case(rng.normal(size=(3, 2)), rng.normal(size=(5, 2)))],
              expect=close_to(_dense_ref, rtol=1e-9, atol=1e-12),
              hint="Add b only when it is not None."),
        Check("1 x 1", [Case(np.array([[2.0]]), np.array([[-3.0]]), np.array([0.5]))],
              expect=close_to(_dense_ref, rtol=1e-9, atol=1e-12), hint="-3 * 2 + 0.5."),
        Check("invalid input",
              [Case(np.ones((2, 3)), np.ones((4, 2)), np.ones(4), label="X (2, 3), W (4, 2)"),
               Case(np.ones((2, 3)), np.ones((4, 3)), np.ones(1),
                    label="b of shape (1,) for 4 outputs"),
               Case(np.ones(3), np.ones((4, 3)), np.ones(4), label="X of shape (3,) (1-D)")],
              expect=raises(ValueError),
              hint="Check X.ndim == W.ndim == 2, X.shape[1] == W.shape[1] and b.shape == "
                   "(W.shape[0],): a (1,) bias would broadcast silently."),
        Check("larger layers", [Case(rng.normal(size=(64, 20)), rng.normal(size=(30, 20)),
                                     rng.normal(size=30), label="hidden")],
              expect=close_to(_dense_ref, rtol=1e-9, atol=1e-12, hidden=True), hidden=True,
              hint="Transpose W, not X."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.softmax_cross_entropy


def _ce_ref(logits: Any, y: Any) -> tuple[float, np.ndarray]:
    Z, y = np.asarray(logits, dtype=float), np.asarray(y).astype(int)
    if torch_available():
        import torch

        t = torch.tensor(Z, dtype=torch.float64, requires_grad=True)
        loss = torch.nn.functional.cross_entropy(t, torch.from_numpy(y.astype(np.int64)))
        loss.backward()
        assert t.grad is not None
        return float(loss.detach()), t.grad.numpy().copy()
    log_p = Z - special.logsumexp(Z, axis=1, keepdims=True)
    n = Z.shape[0]
    onehot = np.eye(Z.shape[1])[y]
    return float(-log_p[np.arange(n), y].mean()), (np.exp(log_p) - onehot) / n


def softmax_cross_entropy() -> list[Check]:
    rng = _rng(410)
    tol: dict[str, Any] = {"rtol": 1e-7, "atol": 1e-12}
    return [
        Check("random logits", [Case(rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)),
                                Case(rng.normal(size=(3, 2)) * 3, np.array([1, 0, 1]))],
              expect=close_to(_ce_ref, **tol),
              hint="loss = mean over rows of (log sum_k exp(z_k) - z_y); gradient = "
                   "(softmax(z) - one_hot(y)) / n_samples."),
        Check("one sample", [Case(np.array([[2.0, 0.5, -1.0]]), np.array([0]))],
              expect=close_to(_ce_ref, **tol),
              hint="With n = 1 the gradient is softmax(z) - one_hot(y) itself."),
        Check("huge logits (overflow warnings are errors)",
              [Case("softmax_cross_entropy", np.array([[1000.0, -1000.0, 990.0],
                                                       [-800.0, -790.0, -805.0]]),
                    np.array([2, 0]), driver=STRICT,
                    label="logits = [[1000, -1000, 990], [-800, -790, -805]], y = [2, 0], "
                          "np.errstate(over='raise')")],
              expect=close_to(_strict_ref(_ce_ref), **tol),
              hint="Subtract each row's maximum before exp: softmax and the loss do not "
                   "change, and every exponent is <= 0."),
        Check("invalid input",
              [Case(np.ones((2, 3)), np.array([0, 3]), label="label 3 with 3 classes"),
               Case(np.ones((2, 3)), np.array([0, 1, 2]), label="3 labels for 2 rows"),
               Case(np.ones(3), np.array([0]), label="logits of shape (3,) (1-D)")],
              expect=raises(ValueError),
              hint="Check logits.ndim == 2, y.shape == (n_samples,) and 0 <= y < n_classes."),
        Check("a larger batch", [Case(rng.normal(size=(50, 10)) * 4,
                                      rng.integers(0, 10, size=50), label="hidden")],
              expect=close_to(_ce_ref, hidden=True, **tol), hidden=True,
              hint="Average over the batch: both the loss and the gradient carry 1 / n."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.forward_backward: torch.autograd, or central differences on a NumPy loss


def _mlp_loss_np(X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray,
                 W2: np.ndarray, b2: np.ndarray) -> float:
    Z2 = np.maximum(X @ W1.T + b1, 0) @ W2.T + b2
    log_p = Z2 - special.logsumexp(Z2, axis=1, keepdims=True)
    return float(-log_p[np.arange(len(y)), y].mean())


def central_difference_grads(loss: Callable[[list[np.ndarray]], float],
                             params: list[np.ndarray]) -> list[np.ndarray]:
    """Central differences of ``loss`` with respect to every element of every array.

    The reference gradient for the checks that run without PyTorch (here, and in the RNN and
    attention checks).
    """
    grads = []
    for k, p in enumerate(params):
        g = np.zeros_like(p)
        for j in np.ndindex(p.shape):
            h = 1e-6 * max(1.0, abs(float(p[j])))
            up, down = [q.copy() for q in params], [q.copy() for q in params]
            up[k][j] += h
            down[k][j] -= h
            g[j] = (loss(up) - loss(down)) / (2 * h)
        grads.append(g)
    return grads


def mlp_loss_and_grads(X: Any, y: Any, W1: Any, b1: Any, W2: Any,
                       b2: Any) -> tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    X, y = np.asarray(X, float), np.asarray(y).astype(int)
    params = [np.asarray(p, dtype=float) for p in (W1, b1, W2, b2)]
    if torch_available():
        import torch

        ts = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
        Xt = torch.tensor(X, dtype=torch.float64)
        logits = torch.relu(Xt @ ts[0].T + ts[1]) @ ts[2].T + ts[3]
        loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y.astype(np.int64)))
        loss.backward()
        g = [t.grad.numpy().copy() for t in ts]  # type: ignore[union-attr]
        return float(loss.detach()), g[0], g[1], g[2], g[3]
    grads = central_difference_grads(lambda ps: _mlp_loss_np(X, y, *ps), params)
    return _mlp_loss_np(X, y, *params), grads[0], grads[1], grads[2], grads[3]


def _fd_tol() -> dict[str, Any]:
    return {"rtol": 1e-7, "atol": 1e-10} if torch_available() else {"rtol": 1e-4, "atol": 1e-6}


def forward_backward() -> list[Check]:
    rng = _rng(420)

    def case(n: int, d: int, h: int, k: int, hidden: bool = False) -> Case:
        args = (rng.normal(size=(n, d)), rng.integers(0, k, size=n),
                rng.normal(size=(h, d)), rng.normal(size=h) * 0.5,
                rng.normal(size=(k, h)), rng.normal(size=k) * 0.5)
        label = "hidden" if hidden else (
            f"X ({n}, {d}), y of {k} classes, W1 ({h}, {d}), b1 ({h},), W2 ({k}, {h}), "
            f"b2 ({k},)")
        return Case(*args, label=label)

    tol = _fd_tol()
    return [
        Check("a small network", [case(5, 3, 4, 3), case(4, 2, 6, 2)],
              expect=close_to(mlp_loss_and_grads, **tol),
              hint="Backward in reverse order: dZ2 = (softmax(Z2) - one_hot(y)) / n; dW2 = "
                   "dZ2.T @ H; db2 = dZ2.sum(0); dH = dZ2 @ W2; dZ1 = dH * (Z1 > 0); "
                   "dW1 = dZ1.T @ X; db1 = dZ1.sum(0)."),
        Check("one sample", [case(1, 3, 5, 4)], expect=close_to(mlp_loss_and_grads, **tol),
              hint="Keep the batch axis: X has shape (1, n_in), and the bias gradients sum "
                   "over it."),
        Check("invalid input",
              [Case(np.ones((2, 3)), np.array([0, 1]), np.ones((4, 3)), np.ones(4),
                    np.ones((2, 5)), np.ones(2), label="W2 of shape (2, 5) after 4 hidden units"),
               Case(np.ones((2, 3)), np.array([0, 2]), np.ones((4, 3)), np.ones(4),
                    np.ones((2, 4)), np.ones(2), label="label 2 with 2 classes")],
              expect=raises(ValueError),
              hint="Check that W2.shape[1] == W1.shape[0] and the labels are in range."),
        Check("a larger network", [case(40, 5, 16, 4, True)],
              expect=close_to(mlp_loss_and_grads, hidden=True, **tol), hidden=True,
              hint="Each gradient has the shape of its parameter (W1: (n_hidden, n_in))."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.init_weights


def _init_predicate(stats_check: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        function, fan_in, fan_out, _ = case.args
        kind = "xavier" if function == "xavier_uniform" else "he"
        if not isinstance(value, list) or len(value) != 3:
            return "the driver did not get three arrays back (this should not happen)"
        first, again, other = (np.asarray(v) for v in value)
        if first.shape != (fan_out, fan_in):
            return (f"the weights should have shape (fan_out, fan_in) = {(fan_out, fan_in)} "
                    f"(PyTorch's layout), got {first.shape}")
        if not np.array_equal(first, again):
            return ("two calls with np.random.default_rng(seed) for the same seed gave different"
                    " weights: draw every number from the rng argument")
        if np.array_equal(first, other):
            return "different seeds gave the same weights: draw them from the rng argument"
        if not stats_check:
            if kind == "xavier":
                a = math.sqrt(6.0 / (fan_in + fan_out))
                if np.abs(first).max() > a * (1 + 1e-12):
                    return "a weight lies outside [-a, a] with a = sqrt(6 / (fan_in + fan_out))"
            return None
        w = first.ravel()
        n = w.size
        var = 2.0 / (fan_in + fan_out) if kind == "xavier" else 2.0 / fan_in
        what = "2 / (fan_in + fan_out)" if kind == "xavier" else "2 / fan_in"
        if abs(w.mean()) > 5 * math.sqrt(var / n):
            return f"the weights should have mean 0, theirs is {w.mean():.4g}"
        rel = w.var() / var - 1
        if abs(rel) > 0.03:
            return (f"the variance should be {what} = {var:.4g}, the weights' variance is "
                    f"{w.var():.4g} ({rel:+.0%})")
        if kind == "xavier":
            a = math.sqrt(6.0 / (fan_in + fan_out))
            if np.abs(w).max() > a * (1 + 1e-12) or np.abs(w).max() < 0.99 * a:
                return ("the weights should be uniform on [-a, a], a = sqrt(6 / (fan_in + "
                        f"fan_out)) = {a:.4g}; the largest |w| is {np.abs(w).max():.4g}")
            frac = float((np.abs(w) < a / 2).mean())
            if abs(frac - 0.5) > 0.01:
                return (f"uniform weights put half of their values in [-a/2, a/2]; these put "
                        f"{frac:.1%} there: draw them with rng.uniform")
        else:
            frac = float((np.abs(w) < math.sqrt(var)).mean())
            if abs(frac - 0.6827) > 0.01:
                return (f"Normal weights put 68.3% of their values within one standard deviation"
                        f"; these put {frac:.1%} there: draw them with rng.normal")
        return None

    return check


def init_weights() -> list[Check]:
    drv = f"{DRIVERS}:init_draws"

    def case(fn: str, fan_in: int, fan_out: int, seed: int, hidden: bool = False) -> Case:
        label = "hidden" if hidden else (
            f"{fn}({fan_in}, {fan_out}, np.random.default_rng({seed})) twice, then with seed "
            f"{seed + 1}")
        return Case(fn, fan_in, fan_out, seed, driver=drv, label=label)

    return [
        Check("xavier_uniform: shape, seed and statistics",
              [case("xavier_uniform", 400, 250, 0)],
              expect=satisfies(_init_predicate(True)), function="xavier_uniform",
              hint="U(-a, a) has variance a**2 / 3; a = sqrt(6 / (fan_in + fan_out)) gives "
                   "2 / (fan_in + fan_out). Shape (fan_out, fan_in)."),
        Check("he_normal: shape, seed and statistics", [case("he_normal", 300, 500, 1)],
              expect=satisfies(_init_predicate(True)), function="he_normal",
              hint="rng.normal(0.0, sqrt(2 / fan_in), size=(fan_out, fan_in)): ReLU zeroes half "
                   "of its inputs, the factor 2 makes up for it."),
        Check("small layers", [case("xavier_uniform", 3, 2, 5), case("he_normal", 1, 4, 6)],
              expect=satisfies(_init_predicate(False)),
              function="xavier_uniform",
              hint="Shape (fan_out, fan_in), every number drawn from rng."),
        Check("invalid sizes",
              [Case("xavier_uniform", 0, 3, 0, driver=drv, label="xavier_uniform(0, 3, rng)"),
               Case("he_normal", 3, -1, 0, driver=drv, label="he_normal(3, -1, rng)")],
              expect=raises(ValueError),
              hint="fan_in and fan_out must be positive ints: raise ValueError otherwise."),
        Check("other sizes", [case("xavier_uniform", 1000, 100, 7, True)],
              expect=satisfies(_init_predicate(True)),
              function="xavier_uniform", hidden=True,
              hint="The bound uses fan_in + fan_out, not fan_in alone."),
        Check("other sizes (He)", [case("he_normal", 100, 1000, 8, True)],
              expect=satisfies(_init_predicate(True)), function="he_normal",
              hidden=True, hint="He's variance uses fan_in only."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.sgd_train


def _moons(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import make_moons

    X, y = make_moons(n, noise=0.2, random_state=seed)
    return X, y


def _spirals(n_per_class: int, n_classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = _rng(seed)
    r = np.tile(np.linspace(0.05, 1.0, n_per_class), n_classes)
    k = np.repeat(np.arange(n_classes), n_per_class)
    theta = 4 * r + 2 * np.pi * k / n_classes + rng.normal(0, 0.15, size=r.size)
    return np.column_stack([r * np.sin(theta), r * np.cos(theta)]), k


def _net_logits(X: np.ndarray, W1: Any, b1: Any, W2: Any, b2: Any) -> np.ndarray:
    H = np.maximum(X @ np.asarray(W1, float).T + np.asarray(b1, float), 0)
    return H @ np.asarray(W2, float).T + np.asarray(b2, float)


def _train_predicate(X_test: np.ndarray, y_test: np.ndarray, min_acc: float,
                     what: str) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        X, y, n_hidden, _, num_epochs = case.args[:5]
        if not isinstance(value, (tuple, list)) or len(value) != 5:
            return "train_mlp should return a tuple (W1, b1, W2, b2, losses)"
        W1, b1, W2, b2, losses = (np.asarray(v, dtype=float) for v in value)
        k, d = int(np.max(y)) + 1, X.shape[1]
        for name, arr, shape in (("W1", W1, (n_hidden, d)), ("b1", b1, (n_hidden,)),
                                 ("W2", W2, (k, n_hidden)), ("b2", b2, (k,)),
                                 ("losses", losses, (num_epochs,))):
            if arr.shape != shape:
                return f"{name} should have shape {shape}, got {arr.shape}"
        if not np.all(np.isfinite(losses)):
            return ("the losses contain NaN or inf: is the update W -= lr * dW (minus, not "
                    "plus), and is each gradient divided by the batch size?")
        if not losses[-1] < 0.5 * losses[0]:
            return (f"the loss did not go down enough: {losses[0]:.4f} in the first epoch, "
                    f"{losses[-1]:.4f} in the last (expected at most half)")
        logits = _net_logits(X, W1, b1, W2, b2)
        log_p = logits - special.logsumexp(logits, axis=1, keepdims=True)
        final = float(-log_p[np.arange(len(y)), np.asarray(y, int)].mean())
        if not final <= 1.5 * losses[-1] + 0.05:
            return (f"the returned weights have a training loss of {final:.4f}, but the last "
                    f"epoch's loss is {losses[-1]:.4f}: return the trained parameters and the "
                    "mean mini-batch loss of each epoch")
        acc = float((_net_logits(X_test, W1, b1, W2, b2).argmax(axis=1) == y_test).mean())
        if acc < min_acc:
            return f"the accuracy on {what} is {acc:.3f}, below {min_acc}"
        return None

    return check


def _same_seed_predicate(case: Case, value: Any) -> str | None:
    if not isinstance(value, list) or len(value) != 3:
        return "the driver did not get three runs back (this should not happen)"
    a, b, c = (np.asarray(v) for v in value)
    if a.shape != b.shape or not np.array_equal(a, b):
        return ("two runs with the same seed gave different losses: create "
                "rng = np.random.default_rng(seed) once, and draw the weights and every "
                "shuffle from it")
    if a.shape == c.shape and np.array_equal(a, c):
        return "a different seed gave exactly the same losses: use the seed"
    return None


def sgd_train() -> list[Check]:
    X, y = _moons(400, 0)
    X_test, y_test = _moons(400, 1)
    S, s = _spirals(100, 3, 2)
    S_test, s_test = _spirals(100, 3, 3)
    return [
        Check("two moons: the loss falls and the test accuracy is >= 0.92",
              [Case(X, y, 32, 0.5, 100, 32, 0,
                    label="train_mlp(X, y, n_hidden=32, lr=0.5, num_epochs=100, batch_size=32, "
                          "seed=0) on 400 points of make_moons(noise=0.2)")],
              expect=satisfies(_train_predicate(X_test, y_test, 0.92, "400 new moons points")),
              hint="Each epoch: order = rng.permutation(n); for each slice of batch_size "
                   "indices, forward, backward (the gradients of mlp.forward_backward), then "
                   "W -= lr * dW for all four parameters."),
        Check("the same seed gives the same run",
              [Case(X[:64], y[:64], 8, 0.5, 3, 16, 0, driver=f"{DRIVERS}:train_twice",
                    label="train_mlp(X[:64], y[:64], 8, 0.5, 3, 16, seed) for seeds 0, 0, 1")],
              expect=satisfies(_same_seed_predicate),
              hint="Create rng = np.random.default_rng(seed) once, at the start; initialise "
                   "the weights and shuffle every epoch with it."),
        Check("invalid input",
              [Case(X, y, 8, 0.5, 2, 0, 0, label="batch_size = 0"),
               Case(X, y[:-1], 8, 0.5, 2, 16, 0, label="y shorter than X"),
               Case(X, y, 8, -0.1, 2, 16, 0, label="lr = -0.1")],
              expect=raises(ValueError),
              hint="Validate the shapes, batch_size >= 1 and lr > 0 before training."),
        Check("three spirals: test accuracy >= 0.9",
              [Case(S, s, 64, 0.5, 200, 32, 1, label="hidden")],
              expect=satisfies(_train_predicate(S_test, s_test, 0.9, "new spiral points")),
              hidden=True,
              hint="n_classes = y.max() + 1: W2 has one row per class. He initialisation "
                   "(normal with variance 2 / fan_in) for both weight matrices."),
    ]


# -------------------------------------------------------------------------------------------
# mlp.engine_mlp: the learner's groundup.nn model against torch.nn


KEYS = ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]


def _state(sizes: list[int], seed: int) -> dict[str, np.ndarray]:
    rng = _rng(seed)
    n_in, n_hidden, n_out = sizes
    a, c = 1 / math.sqrt(n_in), 1 / math.sqrt(n_hidden)
    return {"fc1.weight": rng.uniform(-a, a, (n_hidden, n_in)),
            "fc1.bias": rng.uniform(-a, a, n_hidden),
            "fc2.weight": rng.uniform(-c, c, (n_out, n_hidden)),
            "fc2.bias": rng.uniform(-c, c, n_out)}


def _torch_model(sizes: list[int], state: dict[str, np.ndarray]) -> Any:
    import torch

    class Net(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.fc1 = torch.nn.Linear(sizes[0], sizes[1], dtype=torch.float64)
            self.fc2 = torch.nn.Linear(sizes[1], sizes[2], dtype=torch.float64)

        def forward(self, x: Any) -> Any:
            return self.fc2(torch.relu(self.fc1(x)))

    net = Net()
    net.load_state_dict({k: torch.from_numpy(np.asarray(v, dtype=float)) for k, v in
                         state.items()})
    return net


def _np_forward(params: list[np.ndarray], X: np.ndarray) -> np.ndarray:
    return np.maximum(X @ params[0].T + params[1], 0) @ params[2].T + params[3]


def _np_loss(params: list[np.ndarray], X: np.ndarray, y: np.ndarray) -> float:
    Z = _np_forward(params, X)
    log_p = Z - special.logsumexp(Z, axis=1, keepdims=True)
    return float(-log_p[np.arange(len(y)), y].mean())


def engine_reference(sizes: list[int], state: dict[str, np.ndarray], X: np.ndarray,
                     y: np.ndarray) -> dict[str, Any]:
    """Logits, loss and gradients by name, from torch (or NumPy and finite differences)."""
    y = np.asarray(y).astype(int)
    if torch_available():
        import torch

        net = _torch_model(sizes, state)
        out = net(torch.from_numpy(np.asarray(X, dtype=float)))
        loss = torch.nn.functional.cross_entropy(out, torch.from_numpy(y.astype(np.int64)))
        loss.backward()
        return {"out": out.detach().numpy(), "loss": float(loss.detach()),
                "grads": {k: p.grad.numpy().copy()  # type: ignore[union-attr]
                          for k, p in net.named_parameters()}}
    params = [np.asarray(state[k], dtype=float) for k in KEYS]
    grads = central_difference_grads(lambda ps: _np_loss(ps, X, y), params)
    return {"out": _np_forward(params, X), "loss": _np_loss(params, X, y),
            "grads": dict(zip(KEYS, grads, strict=True))}


def engine_train_reference(sizes: list[int], state: dict[str, np.ndarray], X: np.ndarray,
                           y: np.ndarray, lr: float, num_epochs: int) -> dict[str, Any]:
    y = np.asarray(y).astype(int)
    if torch_available():
        import torch

        net = _torch_model(sizes, state)
        opt = torch.optim.SGD(net.parameters(), lr=lr)
        Xt, yt = torch.from_numpy(np.asarray(X, dtype=float)), torch.from_numpy(y.astype(np.int64))
        losses = []
        for _ in range(num_epochs):
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(Xt), yt)
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
        return {"losses": np.array(losses),
                "params": {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}}
    params = [np.asarray(state[k], dtype=float) for k in KEYS]
    losses = []
    for _ in range(num_epochs):
        losses.append(_np_loss(params, X, y))
        grads = central_difference_grads(lambda ps: _np_loss(ps, X, y), params)
        params = [p - lr * g for p, g in zip(params, grads, strict=True)]
    return {"losses": np.array(losses), "params": dict(zip(KEYS, params, strict=True))}


ENGINE_TOL: dict[str, Any] = {"rtol": 1e-5, "atol": 1e-7}


def _engine_state_predicate(case: Case, value: Any) -> str | None:
    (sizes,) = case.args
    if not isinstance(value, dict) or not value.get("is_module"):
        return "MLP must subclass groundup.nn.Module (class MLP(Module) and super().__init__())"
    n_in, n_hidden, n_out = sizes
    expected = {"fc1.weight": [n_hidden, n_in], "fc1.bias": [n_hidden],
                "fc2.weight": [n_out, n_hidden], "fc2.bias": [n_out]}
    if torch_available():
        net = _torch_model(sizes, _state(sizes, 0))
        expected = {k: list(v.shape) for k, v in net.state_dict().items()}
    keys = value.get("keys")
    if keys != list(expected):
        return (f"the state_dict keys are {keys}, torch.nn's model has {list(expected)}: "
                "assign self.fc1 = Linear(...) then self.fc2 = Linear(...)")
    for key, shape in zip(keys, value.get("shapes", []), strict=True):
        if list(shape) != expected[key]:
            return f"{key} has shape {tuple(shape)}, torch's has {tuple(expected[key])}"
    return None


def _engine_forward_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        sizes, state, X, y = case.args
        ref = engine_reference(sizes, state, X, y)
        if not isinstance(value, dict):
            return "the driver did not get a result back (this should not happen)"
        msg = compare_values(ref["out"], value.get("out"), hidden=hidden,
                             what="model's output (logits)", **ENGINE_TOL)
        if msg:
            return msg + " (forward should be fc2(relu(fc1(x))))"
        msg = compare_values(ref["loss"], value.get("loss"), hidden=hidden,
                             what="cross-entropy loss", **ENGINE_TOL)
        if msg:
            return msg
        grads = value.get("grads") or {}
        for key in KEYS:
            msg = compare_values(ref["grads"][key], grads.get(key), hidden=hidden,
                                 what=f"gradient of {key}", **ENGINE_TOL)
            if msg:
                return msg
        return None

    return check


def _engine_train_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        ref = engine_train_reference(*case.args)
        if not isinstance(value, dict):
            return "the driver did not get a result back (this should not happen)"
        losses = np.asarray(value.get("losses"))
        if losses.shape != ref["losses"].shape:
            return (f"train should return one loss per epoch: expected "
                    f"{len(ref['losses'])}, got {losses.size}")
        for i in range(len(losses)):
            msg = compare_values(ref["losses"][i], losses[i], hidden=hidden,
                                 what=f"loss of epoch {i}", **ENGINE_TOL)
            if msg:
                extra = (" (record the loss before the step; zero the gradients every epoch: "
                         "backward() adds to .grad)") if i else ""
                return msg + extra
        params = value.get("params") or {}
        for key in KEYS:
            msg = compare_values(ref["params"][key], params.get(key), hidden=hidden,
                                 what=f"{key} after training", **ENGINE_TOL)
            if msg:
                return msg
        return None

    return check


def engine_mlp() -> list[Check]:
    rng = _rng(450)

    def data(n: int, d: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        return rng.normal(size=(n, d)), rng.integers(0, k, size=n)

    s1, s2 = [2, 5, 3], [4, 16, 3]
    X1, y1 = data(8, 2, 3)
    X2, y2 = data(30, 4, 3)
    Xm, ym = _moons(60, 5)
    fwd, trn = f"{DRIVERS}:engine_forward", f"{DRIVERS}:engine_train"
    return [
        Check("parameter names and shapes are PyTorch's",
              [Case(s1, driver=f"{DRIVERS}:engine_state", label="MLP(2, 5, 3).state_dict()")],
              expect=satisfies(_engine_state_predicate),
              hint="class MLP(Module): in __init__, super().__init__(), then self.fc1 = "
                   "Linear(n_inputs, n_hidden) and self.fc2 = Linear(n_hidden, n_outputs)."),
        Check("forward and gradients match torch.nn",
              [Case(s1, _state(s1, 1), X1, y1, driver=fwd,
                    label="MLP(2, 5, 3) with torch's weights on 8 samples, "
                          "F.cross_entropy(model(X), y).backward()")],
              expect=satisfies(_engine_forward_predicate(False)),
              hint="forward(x) returns self.fc2(self.fc1(x).relu()): the logits, no softmax "
                   "(cross_entropy applies it)."),
        Check("training matches torch.optim.SGD",
              [Case(s1, _state(s1, 2), X1, y1, 0.5, 5, driver=trn,
                    label="train(model, X, y, lr=0.5, num_epochs=5) from torch's weights")],
              expect=satisfies(_engine_train_predicate(False)),
              hint="optimizer = SGD(model.parameters(), lr=lr); each epoch: "
                   "optimizer.zero_grad(), loss = F.cross_entropy(model(X), y), "
                   "loss.backward(), optimizer.step(); keep float(loss.item())."),
        Check("a larger model", [Case(s2, _state(s2, 3), X2, y2, driver=fwd, label="hidden")],
              expect=satisfies(_engine_forward_predicate(True)), hidden=True,
              hint="Every parameter's gradient comes from loss.backward() on the engine."),
        Check("a longer run on two moons",
              [Case([2, 16, 2], _state([2, 16, 2], 4), Xm, ym, 0.5, 30, driver=trn,
                    label="hidden")],
              expect=satisfies(_engine_train_predicate(True)), hidden=True,
              hint="One optimizer for the whole run; zero_grad, forward, backward, step."),
    ]
