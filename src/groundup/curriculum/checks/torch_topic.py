r"""Checks for the pytorch exercises: the learner's PyTorch code against NumPy formulas.

The learner's code runs with PyTorch in the learner's process; the drivers
(:mod:`groundup.curriculum.checks.torch_topic_drivers`) hand back plain arrays. Here, in the
grader, every expected value is written out in NumPy -- the MSE and its gradient
:math:`\tfrac2n X^\top(Xw - y)`, the MLP's forward pass, backpropagation through
``Linear -> Tanh -> Linear`` and the SGD update -- so the checks need neither PyTorch nor
groundup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.torch_topic_drivers"


class Tolerance(TypedDict):
    rtol: float
    atol: float


F32: Tolerance = {"rtol": 1e-5, "atol": 1e-5}   # float32: torch and NumPy sum in other orders
F64: Tolerance = {"rtol": 1e-9, "atol": 1e-11}  # float64: only rounding differs


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


# ---------------------------------------------------------------------------------------------
# NumPy references

def mse_and_grad_numpy(X: Any, y: Any, w: Any) -> tuple[float, np.ndarray]:
    r""":math:`L = \frac1n\lVert Xw - y\rVert^2` and :math:`\nabla_w L = \frac2n X^\top(Xw-y)`."""
    X, y, w = (np.asarray(a, dtype=np.float64) for a in (X, y, w))
    r = X @ w - y
    return float(np.mean(r * r)), 2.0 / len(y) * (X.T @ r)


def mlp_forward_numpy(weights: Sequence[np.ndarray], X: Any, dtype: Any = np.float32
                      ) -> np.ndarray:
    """``[W1, b1, W2, b2, ...]``: :math:`h \\leftarrow \\mathrm{ReLU}(h W^\\top + b)`, no ReLU
    after the last layer."""
    h = np.asarray(X, dtype=dtype)
    n_layers = len(weights) // 2
    for i in range(n_layers):
        W, b = (np.asarray(a, dtype=dtype) for a in weights[2 * i:2 * i + 2])
        h = h @ W.T + b
        if i < n_layers - 1:
            h = np.maximum(h, 0)
    return h


def _state_weights(state: dict[str, np.ndarray]) -> list[np.ndarray]:
    n_layers = len(state) // 2
    return [state[f"{2 * i}.{p}"] for i in range(n_layers) for p in ("weight", "bias")]


def sgd_mlp_numpy(weights: Sequence[np.ndarray], X: np.ndarray, y: np.ndarray, lr: float,
                  n_steps: int) -> tuple[list[float], list[list[np.ndarray]]]:
    r"""Plain SGD on :math:`L = \operatorname{mean}((\tanh(XW_1^\top + b_1)W_2^\top + b_2 - y)^2)`
    with the gradients by hand; the losses before each step and the parameters after it."""
    W1, b1, W2, b2 = (np.array(a, dtype=np.float64) for a in weights)
    losses, params = [], []
    for _ in range(n_steps):
        h = np.tanh(X @ W1.T + b1)                      # (n, hidden)
        out = h @ W2.T + b2                             # (n, k)
        diff = out - y
        losses.append(float(np.mean(diff * diff)))
        g_out = 2.0 * diff / diff.size                  # dL/d out
        g_W2, g_b2 = g_out.T @ h, g_out.sum(axis=0)
        g_pre = (g_out @ W2) * (1 - h * h)              # back through tanh
        g_W1, g_b1 = g_pre.T @ X, g_pre.sum(axis=0)
        W1, b1 = W1 - lr * g_W1, b1 - lr * g_b1
        W2, b2 = W2 - lr * g_W2, b2 - lr * g_b2
        params.append([W1.copy(), b1.copy(), W2.copy(), b2.copy()])
    return losses, params


def sgd_linear_epochs_numpy(W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray,
                            batch_size: int, lr: float, n_epochs: int
                            ) -> tuple[list[float], np.ndarray, np.ndarray]:
    """Mini-batch SGD on the MSE of ``X W^T + b``, batches in order; per epoch the mean loss
    per example (each batch's loss weighted by its size)."""
    W, b = np.array(W, dtype=np.float64), np.array(b, dtype=np.float64)
    losses = []
    for _ in range(n_epochs):
        total = 0.0
        for start in range(0, len(X), batch_size):
            xb, yb = X[start:start + batch_size], y[start:start + batch_size]
            diff = xb @ W.T + b - yb
            total += float(np.mean(diff * diff)) * len(xb)
            g = 2.0 * diff / diff.size
            W, b = W - lr * (g.T @ xb), b - lr * g.sum(axis=0)
        losses.append(total / len(X))
    return losses, W, b


# ---------------------------------------------------------------------------------------------
# torch.tensors_autograd

def tensors_autograd() -> list[Check]:
    rng = _rng(0)
    small = (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([1.0, 0.0, -1.0]),
             np.array([0.5, -0.25]))
    hint = ("Make w a leaf with requires_grad=True (torch.tensor(w, requires_grad=True)), "
            "compute ((X @ w - y) ** 2).mean(), call .backward(), return (loss.item(), "
            "w.grad.numpy()).")
    return [
        Check("a small example", [Case(*small)], expect=close_to(mse_and_grad_numpy, **F64),
              hint=hint),
        Check("random data", [Case(rng.normal(size=(n, d)), rng.normal(size=n),
                                   rng.normal(size=d)) for n, d in ((5, 3), (20, 4), (8, 1))],
              expect=close_to(mse_and_grad_numpy, **F64),
              hint="The loss is the *mean* of the squared residuals; keep float64 "
                   "(torch.from_numpy keeps the array's dtype, torch.tensor(list) does not)."),
        Check("one example", [Case(np.array([[2.0, -1.0]]), np.array([3.0]),
                                   np.array([0.0, 0.0]))],
              expect=close_to(mse_and_grad_numpy, **F64), hint=hint),
        Check("shapes that do not fit",
              [Case(np.ones((3, 2)), np.ones(4), np.ones(2)),
               Case(np.ones((3, 2)), np.ones(3), np.ones(3)),
               Case(np.ones(3), np.ones(3), np.ones(1))],
              expect=raises(ValueError),
              hint="Check X.ndim == 2, y.shape == (n,) and w.shape == (d,) before computing; "
                   "raise ValueError otherwise."),
        Check("larger data", [Case(rng.normal(3, 2, size=(200, 6)), rng.normal(size=200),
                                   rng.normal(size=6))],
              expect=close_to(mse_and_grad_numpy, hidden=True, **F64), hidden=True,
              hint="float32 tensors lose precision: keep the inputs float64."),
    ]


# ---------------------------------------------------------------------------------------------
# torch.mlp_module

def _mlp_weights(sizes: Sequence[int], rng: np.random.Generator) -> list[np.ndarray]:
    out = []
    for d_in, d_out in zip(sizes[:-1], sizes[1:], strict=True):
        out.append(rng.normal(0, 1 / np.sqrt(d_in), size=(d_out, d_in)).astype(np.float32))
        out.append(rng.normal(0, 0.5, size=d_out).astype(np.float32))
    return out


def _mlp_case(sizes: list[int], n: int, rng: np.random.Generator) -> Case:
    weights = _mlp_weights(sizes, rng)
    X = rng.normal(size=(n, sizes[0])).astype(np.float32)
    return Case(sizes, weights, X, driver=f"{DRIVERS}:mlp_forward",
                label=f"MLP({sizes}), given weights, on X of shape {X.shape}")


def _check_mlp(hidden: bool) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        sizes, weights, X = case.args
        expected_shapes = [list(w.shape) for w in weights]
        shapes = value["shapes"]
        if shapes != expected_shapes:
            detail = "" if hidden else f"; expected {expected_shapes}"
            return (f"MLP({sizes}).parameters() have shapes {shapes}{detail}: one "
                    "nn.Linear(sizes[i], sizes[i + 1]) per pair of sizes, weight (out, in) "
                    "then bias, in order")
        return compare_values(mlp_forward_numpy(weights, X), value["output"], hidden=hidden,
                              what="model output", **F32)
    return satisfies(predicate)


def mlp_module() -> list[Check]:
    rng = _rng(1)
    return [
        Check("one hidden layer", [_mlp_case([4, 8, 3], 5, rng)], expect=_check_mlp(False),
              hint="nn.Linear(4, 8), ReLU, nn.Linear(8, 3): register the layers in __init__ "
                   "(an nn.Sequential or an nn.ModuleList) so that parameters() finds them."),
        Check("two hidden layers", [_mlp_case([3, 6, 5, 2], 7, rng)], expect=_check_mlp(False),
              hint="A ReLU after every layer except the last: the output is raw scores."),
        Check("no hidden layer", [_mlp_case([4, 2], 3, rng)], expect=_check_mlp(False),
              hint="sizes = [4, 2] is a single nn.Linear(4, 2) and no activation at all."),
        Check("invalid sizes",
              [Case([5], driver=f"{DRIVERS}:mlp_build", label="MLP([5])"),
               Case([3, 0, 2], driver=f"{DRIVERS}:mlp_build", label="MLP([3, 0, 2])"),
               Case([], driver=f"{DRIVERS}:mlp_build", label="MLP([])")],
              expect=raises(ValueError),
              hint="Raise ValueError when len(sizes) < 2 or a size is not a positive int."),
        Check("a deeper, wider network", [_mlp_case([8, 16, 16, 12, 4], 20, rng)],
              expect=_check_mlp(True), hidden=True,
              hint="Every hidden layer gets a ReLU, the last layer none."),
    ]


# ---------------------------------------------------------------------------------------------
# torch.convert_state_dict

def _state(sizes: Sequence[int], rng: np.random.Generator) -> dict[str, np.ndarray]:
    weights = [w.astype(np.float64) for w in _mlp_weights(sizes, rng)]
    return {f"{2 * (i // 2)}.{'weight' if i % 2 == 0 else 'bias'}": w
            for i, w in enumerate(weights)}


def _convert_case(sizes: list[int], dtype: str, rng: np.random.Generator,
                  state: dict[str, np.ndarray] | None = None, label: str = "") -> Case:
    state = _state(sizes, rng) if state is None else state
    X = rng.normal(size=(4, sizes[0]))
    return Case(state, sizes, dtype, X, driver=f"{DRIVERS}:convert_and_load",
                label=label or f"a {dtype} torch MLP of sizes {sizes}, a NumPy float64 state "
                               f"dict with keys {list(state)}")


def _check_converted(hidden: bool) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        state, sizes, dtype, X = case.args
        if value.get("returned") != "dict":
            return (f"convert_state_dict should return a dict of tensors, but it returned "
                    f"{value.get('returned')}")
        if value.get("not_tensors"):
            key, kind = next(iter(value["not_tensors"].items()))
            return f"the value of {key!r} is a {kind}, not a torch.Tensor"
        expected_keys = [f"{2 * i}.{p}" for i in range(len(sizes) - 1) for p in ("weight", "bias")]
        if sorted(value["keys"]) != sorted(expected_keys):
            return (f"the returned keys are {value['keys']}, expected the model's "
                    f"{expected_keys}")
        for key in expected_keys:
            got = value["dtypes"][key]
            if got != f"torch.{dtype}":
                return (f"{key!r} has dtype {got}; the model's parameters are torch.{dtype}: "
                        f"convert each array to the dtype of the model's own tensor")
            msg = compare_values(np.asarray(state[key], dtype=dtype), value["values"][key],
                                 hidden=hidden, what=f"returned tensor {key!r}", **F32)
            if msg:
                return msg
            msg = compare_values(np.asarray(state[key], dtype=dtype), value["loaded"][key],
                                 hidden=hidden, what=f"model's {key!r} after loading", **F32)
            if msg:
                return msg + " (did you call model.load_state_dict(...) with the tensors?)"
        return compare_values(mlp_forward_numpy(_state_weights(state), X, dtype),
                              value["output"], hidden=hidden, what="model output", **F32)
    return satisfies(predicate)


def convert_state_dict() -> list[Check]:
    rng = _rng(2)
    good = _state([3, 5, 2], rng)
    missing = {k: v for k, v in good.items() if k != "2.weight"}
    extra = {**good, "4.weight": np.ones((2, 2))}
    wrong_shape = {**good, "0.weight": good["0.weight"].T}
    reordered = dict(reversed(list(_state([6, 8, 8, 3], rng).items())))
    dict_hint = ("For each key of model.state_dict(): torch.tensor(state[key], "
                 "dtype=model_state[key].dtype); then model.load_state_dict(converted).")
    return [
        Check("float64 arrays into a float32 model", [_convert_case([3, 5, 2], "float32", rng)],
              expect=_check_converted(False), hint=dict_hint),
        Check("a float64 model", [_convert_case([4, 3, 2], "float64", rng)],
              expect=_check_converted(False),
              hint="Take the dtype from the model's tensor of the same name, not a fixed "
                   "torch.float32."),
        Check("missing, unexpected or misshapen entries",
              [_convert_case([3, 5, 2], "float32", rng, state=s, label=label)
               for s, label in ((missing, "a state dict without '2.weight'"),
                                (extra, "a state dict with an extra '4.weight'"),
                                (wrong_shape, "'0.weight' transposed"))],
              expect=raises(ValueError),
              hint="Compare set(state) with set(model.state_dict()) and every shape before "
                   "loading; raise ValueError naming the keys (torch raises RuntimeError)."),
        Check("keys in another order, three layers",
              [_convert_case([6, 8, 8, 3], "float32", rng, state=reordered)],
              expect=_check_converted(True), hidden=True,
              hint="Look keys up by name: the order of the NumPy dict does not matter."),
    ]


# ---------------------------------------------------------------------------------------------
# torch.training_step

NAMES = ["0.weight", "0.bias", "2.weight", "2.bias"]


def _step_case(sizes: tuple[int, int, int], n: int, lr: float, n_steps: int,
               rng: np.random.Generator, y_rows: int | None = None) -> Case:
    d, h, k = sizes
    weights = [rng.normal(0, 0.7, size=(h, d)), rng.normal(0, 0.3, size=h),
               rng.normal(0, 0.7, size=(k, h)), rng.normal(0, 0.3, size=k)]
    X = rng.normal(size=(n, d))
    y = rng.normal(size=(n if y_rows is None else y_rows, k))
    return Case(weights, X, y, lr, n_steps, driver=f"{DRIVERS}:training_steps",
                label=f"Linear({d}, {h}) -> Tanh -> Linear({h}, {k}), float64, SGD(lr={lr}), "
                      f"MSELoss, {n_steps} steps on X {X.shape}, y {y.shape}")


def _check_steps(hidden: bool) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        weights, X, y, lr, n_steps = case.args
        exp_losses, exp_params = sgd_mlp_numpy(weights, X, y, lr, n_steps)
        for loss in value["losses"]:
            if isinstance(loss, str):
                return (f"training_step should return the loss as a Python float "
                        f"(loss.item()), but it returned a {loss}")
        for step, (expected, received) in enumerate(zip(exp_params, value["params"],
                                                        strict=True), start=1):
            for name, e, r in zip(NAMES, expected, received, strict=True):
                msg = compare_values(e, r, hidden=hidden, what=f"{name} after step {step}", **F64)
                if msg:
                    return msg
        return compare_values(exp_losses, value["losses"], hidden=hidden,
                              what="loss returned at each step (before its update)", **F64)
    return satisfies(predicate)


def training_step() -> list[Check]:
    rng = _rng(3)
    order = ("zero_grad, forward (model(X)), loss_fn(y_hat, y), loss.backward(), "
             "optimizer.step(), return loss.item()")
    return [
        Check("one step", [_step_case((3, 4, 2), 6, 0.1, 1, rng)], expect=_check_steps(False),
              hint=order),
        Check("three steps in a row", [_step_case((2, 5, 1), 8, 0.2, 3, rng)],
              expect=_check_steps(False),
              hint="PyTorch adds every backward() into p.grad: call optimizer.zero_grad() in "
                   "every step, or the second step uses the sum of both gradients."),
        Check("X and y of different lengths", [_step_case((3, 4, 2), 5, 0.1, 1, rng, y_rows=4)],
              expect=raises(ValueError),
              hint="Check len(X) == len(y) first and raise ValueError."),
        Check("a larger model, more steps", [_step_case((5, 7, 3), 16, 0.05, 4, rng)],
              expect=_check_steps(True), hidden=True, hint=order),
    ]


# ---------------------------------------------------------------------------------------------
# torch.dataloader_loop

def _epoch_case(n: int, d: int, k: int, batch_size: int, lr: float, n_epochs: int,
                rng: np.random.Generator) -> Case:
    W, b = rng.normal(0, 0.5, size=(k, d)), rng.normal(0, 0.5, size=k)
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=(d, k)) + 0.1 * rng.normal(size=(n, k))
    return Case(W, b, X, y, batch_size, lr, n_epochs, driver=f"{DRIVERS}:epochs_over_loader",
                label=f"Linear({d}, {k}), float64, SGD(lr={lr}), MSELoss, {n_epochs} epoch(s) "
                      f"over {n} examples in batches of {batch_size}")


def _check_epochs(hidden: bool) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        W, b, X, y, batch_size, lr, n_epochs = case.args
        losses, W_end, b_end = sgd_linear_epochs_numpy(W, b, X, y, batch_size, lr, n_epochs)
        for loss in value["losses"]:
            if isinstance(loss, str):
                return (f"train_epoch should return the mean loss as a Python float, but it "
                        f"returned a {loss} (add up loss.item(), not the loss tensors)")
        for what, e, r in (("weight after the last epoch", W_end, value["weight"]),
                           ("bias after the last epoch", b_end, value["bias"])):
            msg = compare_values(e, r, hidden=hidden, what=what, **F64)
            if msg:
                return msg
        return compare_values(losses, value["losses"], hidden=hidden,
                              what="mean loss returned for each epoch", **F64)
    return satisfies(predicate)


def dataloader_loop() -> list[Check]:
    rng = _rng(4)
    return [
        Check("batches that divide the data", [_epoch_case(12, 3, 2, 4, 0.1, 1, rng)],
              expect=_check_epochs(False),
              hint="for X, y in loader: one training step (zero_grad, forward, loss, backward, "
                   "step) per batch; add up loss.item() * len(X), divide by the number of "
                   "examples."),
        Check("a smaller last batch", [_epoch_case(10, 2, 1, 4, 0.1, 2, rng)],
              expect=_check_epochs(False),
              hint="The last batch holds 2 examples, not 4: weight each batch's mean loss by "
                   "its size, then divide by the number of examples (not of batches)."),
        Check("an empty loader", [Case(np.zeros((1, 3)), np.zeros(1), np.zeros((0, 3)),
                                       np.zeros((0, 1)), 4, 0.1, 1,
                                       driver=f"{DRIVERS}:epochs_over_loader",
                                       label="a DataLoader over 0 examples")],
              expect=raises(ValueError),
              hint="With no examples the mean is undefined: raise ValueError."),
        Check("several epochs, batch size 1 and 7",
              [_epoch_case(9, 4, 3, 1, 0.02, 2, rng), _epoch_case(23, 4, 2, 7, 0.05, 3, rng)],
              expect=_check_epochs(True), hidden=True,
              hint="Weighted by batch size; one optimizer step per batch."),
    ]


# ---------------------------------------------------------------------------------------------
# torch.match_outputs

def _groundup_state(sizes: Sequence[int], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """What a groundup ``Sequential(Linear, ReLU, ..., Linear).state_dict()`` holds (float32)."""
    return {k: v.astype(np.float32) for k, v in _state(sizes, rng).items()}


def _outputs_numpy(state: dict[str, np.ndarray], X: Any) -> np.ndarray:
    return mlp_forward_numpy(_state_weights(state), X)


def match_outputs() -> list[Check]:
    rng = _rng(5)
    two = _groundup_state([4, 6, 3], rng)
    deep = _groundup_state([5, 9, 8, 7, 6, 5, 4], rng)  # keys 0, 2, ..., 10
    hint = ("Read the sizes from the weights (weight i has shape (out, in)), build "
            "nn.Sequential(Linear, ReLU, ..., Linear) with the same indices, load_state_dict, "
            "run under torch.no_grad() and return .numpy().")
    return [
        Check("one hidden layer", [Case(two, rng.normal(size=(5, 4)).astype(np.float32))],
              expect=close_to(_outputs_numpy, **F32), hint=hint),
        Check("a single Linear layer",
              [Case(_groundup_state([3, 2], rng), rng.normal(size=(4, 3)).astype(np.float32))],
              expect=close_to(_outputs_numpy, **F32),
              hint="Only '0.weight' and '0.bias': one nn.Linear and no ReLU."),
        Check("a state dict that is not such an MLP, or X of the wrong width",
              [Case({"0.weight": two["0.weight"]}, np.ones((2, 4), np.float32)),
               Case({**two, "2.weight": two["2.weight"][:, :5]}, np.ones((2, 4), np.float32)),
               Case(two, np.ones((2, 5), np.float32))],
              expect=raises(ValueError),
              hint="Check that the keys are 0.weight, 0.bias, 2.weight, ... that each layer's "
                   "input size is the previous layer's output size, and X.shape[1]; raise "
                   "ValueError otherwise."),
        Check("six layers", [Case(deep, rng.normal(size=(10, 5)).astype(np.float32))],
              expect=close_to(_outputs_numpy, hidden=True, **F32), hidden=True,
              hint="Order the layers by their index as a number: '10.weight' comes after "
                   "'2.weight', though it sorts before it as text."),
    ]
