"""Training utilities against PyTorch: DataLoader, save/load, fit, LR schedules, the bridge.

- ``DataLoader``: the same batches as ``torch.utils.data.DataLoader`` without shuffling;
  shuffling is a permutation per epoch, reproducible from a seed; ``drop_last``.
- ``save``/``load``: a round trip keeps keys, order, dtypes and values; bad files fail clearly.
- ``fit``: from the same weights, on the same batches, the loss per epoch is the loss of the
  same loop written in PyTorch.
- Schedules: ``StepLR``, ``CosineAnnealingLR``, ``LinearLR`` and ``LambdaLR`` give the
  learning rates of ``torch.optim.lr_scheduler`` step by step.
- The bridge: a groundup MLP, CNN and LSTM loaded into the same ``torch.nn`` model give the
  same outputs.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import numpy as np
import pytest

import groundup.nn as gnn
import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup import optim
from groundup.nn import Tensor, load, save
from groundup.nn.data import DataLoader, TensorDataset
from groundup.nn.training import History, evaluate, fit, plot_history


def _torch() -> Any:
    return pytest.importorskip("torch")


def _blobs(n: int = 60, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, size=n)
    centres = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    X = (centres[y] + 0.6 * rng.normal(size=(n, 2))).astype(np.float32)
    return X, y


# ---------------------------------------------------------------------------------------------
# DataLoader

def test_batches_in_order_and_last_partial_batch() -> None:
    X = np.arange(20, dtype=np.float32).reshape(10, 2)
    y = np.arange(10)
    loader = DataLoader(TensorDataset(X, y), batch_size=4)
    batches = list(loader)
    assert len(loader) == len(batches) == 3
    assert [len(yb) for _, yb in batches] == [4, 4, 2]
    assert isinstance(batches[0][0], Tensor) and batches[0][0].dtype == np.float32
    assert isinstance(batches[0][1], np.ndarray) and batches[0][1].dtype == y.dtype
    np.testing.assert_array_equal(np.concatenate([xb.data for xb, _ in batches]), X)


def test_drop_last() -> None:
    loader = DataLoader(TensorDataset(np.zeros((10, 1))), batch_size=4, drop_last=True)
    assert len(loader) == 2
    assert [b[0].shape for b in loader] == [(4, 1), (4, 1)]
    assert len(DataLoader(TensorDataset(np.zeros((8, 1))), batch_size=4, drop_last=True)) == 2


def test_shuffle_is_a_new_permutation_each_epoch_and_reproducible() -> None:
    y = np.arange(50)
    loader = DataLoader(TensorDataset(y), batch_size=8, shuffle=True, rng=3)
    epoch1 = np.concatenate([b[0] for b in loader])
    epoch2 = np.concatenate([b[0] for b in loader])
    assert sorted(epoch1) == list(y) and sorted(epoch2) == list(y)
    assert not np.array_equal(epoch1, y) and not np.array_equal(epoch1, epoch2)
    again = DataLoader(TensorDataset(y), batch_size=8, shuffle=True, rng=3)
    np.testing.assert_array_equal(np.concatenate([b[0] for b in again]), epoch1)


def test_same_batches_as_torch_dataloader() -> None:
    torch = _torch()
    X, y = _blobs(23)
    ours = DataLoader(TensorDataset(X, y), batch_size=5)
    theirs = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=5)
    assert len(ours) == len(theirs)
    for (xb, yb), (txb, tyb) in zip(ours, theirs, strict=True):
        np.testing.assert_array_equal(xb.data, txb.numpy())
        np.testing.assert_array_equal(yb, tyb.numpy())


def test_any_indexable_dataset_and_numpy_batches() -> None:
    class Squares:
        def __len__(self) -> int:
            return 5

        def __getitem__(self, i: int) -> tuple[float, int]:
            return float(i * i), i

    batches = list(DataLoader(Squares(), batch_size=2, as_tensor=False))
    assert [b[1].tolist() for b in batches] == [[0, 1], [2, 3], [4]]
    np.testing.assert_array_equal(batches[1][0], [4.0, 9.0])


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError, match="same length"):
        TensorDataset(np.zeros((3, 2)), np.zeros(4))
    with pytest.raises(ValueError, match="at least one"):
        TensorDataset()
    with pytest.raises(ValueError, match="batch_size"):
        DataLoader(TensorDataset(np.zeros(3)), batch_size=0)
    with pytest.raises(TypeError, match="len"):
        DataLoader(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# save / load

def test_save_load_round_trip(tmp_path: Any) -> None:
    model = gnn.Sequential(gnn.Linear(3, 4, rng=0), gnn.ReLU(), gnn.Linear(4, 2, rng=1,
                                                                           dtype=np.float64))
    path = tmp_path / "mlp.npz"
    save(model, path)
    state = load(path)
    assert isinstance(state, OrderedDict)
    assert list(state) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    for key, value in model.state_dict().items():
        assert state[key].dtype == value.dtype
        np.testing.assert_array_equal(state[key], value)
    fresh = gnn.Sequential(gnn.Linear(3, 4, rng=5), gnn.ReLU(), gnn.Linear(4, 2, rng=6))
    fresh.load_state_dict(state)
    x = Tensor(np.ones((2, 3), dtype=np.float32))
    np.testing.assert_allclose(fresh(x).data, model(x).data, rtol=1e-6)
    # The file is a plain .npz that NumPy reads by itself.
    with np.load(path, allow_pickle=False) as npz:
        assert npz.files == list(state)


def test_save_a_plain_dict_and_a_torch_state_dict(tmp_path: Any) -> None:
    save({"b": np.arange(3), "a": np.eye(2, dtype=np.float32)}, tmp_path / "d.npz")
    assert list(load(tmp_path / "d.npz")) == ["b", "a"]  # saved order, not sorted
    torch = _torch()
    layer = torch.nn.Linear(2, 3)
    save(layer.state_dict(), tmp_path / "t.npz")
    np.testing.assert_array_equal(load(tmp_path / "t.npz")["weight"],
                                  layer.weight.detach().numpy())


def test_load_bad_files(tmp_path: Any) -> None:
    with pytest.raises(FileNotFoundError, match="no weights file"):
        load(tmp_path / "missing.npz")
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip archive at all")
    with pytest.raises(ValueError, match="not a valid .npz"):
        load(garbage)
    truncated = tmp_path / "truncated.npz"
    save({"w": np.ones(1000)}, truncated)
    truncated.write_bytes(truncated.read_bytes()[:300])
    with pytest.raises(ValueError, match="not a valid .npz"):
        load(truncated)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, w=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ValueError, match="not a valid .npz"):
        load(pickled)
    single = tmp_path / "single.npy"
    np.save(single, np.ones(3))
    with pytest.raises(ValueError, match="single .npy"):
        load(single)


def test_save_rejects_bad_input(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="empty"):
        save({}, tmp_path / "e.npz")
    with pytest.raises(TypeError, match="only numeric"):
        save({"w": np.array(["a", "b"])}, tmp_path / "s.npz")
    with pytest.raises(TypeError, match="Module or a mapping"):
        save([1, 2, 3], tmp_path / "l.npz")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# fit / evaluate / plot_history

def _mlp(seed: int = 0) -> gnn.Sequential:
    return gnn.Sequential(gnn.Linear(2, 16, rng=seed), gnn.Tanh(), gnn.Linear(16, 3, rng=seed + 1))


def test_fit_reduces_the_loss_and_records_history(capsys: Any) -> None:
    X, y = _blobs(90)
    model = _mlp()
    opt = optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    train = DataLoader(TensorDataset(X[:60], y[:60]), batch_size=16, shuffle=True, rng=0)
    val = DataLoader(TensorDataset(X[60:], y[60:]), batch_size=32)
    hist = fit(model, F.cross_entropy, opt, train, epochs=8, val_loader=val, progress=False)
    assert capsys.readouterr().out == ""  # silent without progress
    assert isinstance(hist, History) and hist.epochs == 8
    for series in (hist.train_accuracy, hist.val_loss, hist.val_accuracy, hist.lr, hist.time_s):
        assert len(series) == 8
    assert hist.train_loss[-1] < 0.5 * hist.train_loss[0]
    assert hist.val_accuracy[-1] > 0.9
    final = evaluate(model, F.cross_entropy, val)
    assert final["loss"] == pytest.approx(hist.val_loss[-1])
    assert model.training  # evaluate puts the mode back


def test_fit_with_progress_bar_and_scheduler_regression() -> None:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 3)).astype(np.float32)
    y = (X @ np.array([1.0, -2.0, 0.5], dtype=np.float32))[:, None]
    model = gnn.Linear(3, 1, rng=0)
    opt = optim.SGD(model.parameters(), lr=0.1)
    sched = optim.StepLR(opt, step_size=2, gamma=0.5)
    hist = fit(model, F.mse_loss, opt, DataLoader(TensorDataset(X, y), batch_size=10), epochs=4,
               metrics=(), progress=True, scheduler=sched)
    assert hist.lr == [0.1, 0.1, 0.05, 0.05]
    assert hist.train_accuracy == [] and hist.val_loss == []
    assert hist.train_loss[-1] < hist.train_loss[0]


def test_fit_rejects_bad_arguments() -> None:
    X, y = _blobs(10)
    model = _mlp()
    opt = optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(X, y), batch_size=5)
    with pytest.raises(ValueError, match="epochs"):
        fit(model, F.cross_entropy, opt, loader, epochs=0, progress=False)
    with pytest.raises(ValueError, match="unknown metrics"):
        fit(model, F.cross_entropy, opt, loader, epochs=1, metrics=("f1",), progress=False)
    with pytest.raises(ValueError, match="scalar Tensor"):
        fit(model, lambda a, b: F.cross_entropy(a, b, reduction="none"), opt, loader, epochs=1,
            progress=False)
    empty = DataLoader(TensorDataset(X[:3], y[:3]), batch_size=5, drop_last=True)
    with pytest.raises(ValueError, match="no batches"):
        fit(model, F.cross_entropy, opt, empty, epochs=1, progress=False)


def test_fit_gives_the_losses_of_the_same_loop_in_torch() -> None:
    torch = _torch()
    X, y = _blobs(48, seed=2)
    ours = _mlp(seed=3)
    theirs = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3))
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    hist = fit(ours, F.cross_entropy, optim.SGD(ours.parameters(), lr=0.3, momentum=0.5),
               DataLoader(TensorDataset(X, y), batch_size=12), epochs=4, progress=False)
    opt = torch.optim.SGD(theirs.parameters(), lr=0.3, momentum=0.5)
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=12)
    torch_losses = []
    for _ in range(4):
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(theirs(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        torch_losses.append(total / len(X))
    np.testing.assert_allclose(hist.train_loss, torch_losses, rtol=1e-4)


def test_plot_history_draws_loss_and_accuracy() -> None:
    import matplotlib.pyplot as plt

    hist = History(train_loss=[1.0, 0.5, 0.3], train_accuracy=[0.5, 0.7, 0.9],
                   val_loss=[1.1, 0.6, 0.5], val_accuracy=[0.4, 0.6, 0.8])
    fig = plot_history(hist, title="demo")
    loss_ax, acc_ax = fig.axes
    assert loss_ax.get_title() == "loss" and acc_ax.get_title() == "accuracy"
    np.testing.assert_array_equal(loss_ax.lines[1].get_ydata(), hist.val_loss)
    assert [t.get_text() for t in acc_ax.get_legend().get_texts()] == ["train", "validation"]
    plt.close(fig)
    fig = plot_history(History(train_loss=[2.0, 1.0]))
    assert len(fig.axes) == 1
    plt.close(fig)
    with pytest.raises(ValueError, match="empty"):
        plot_history(History())


# ---------------------------------------------------------------------------------------------
# Learning-rate schedules vs torch.optim.lr_scheduler

SCHEDULES = {
    "StepLR": (lambda o, m: m.StepLR(o, step_size=3, gamma=0.5)),
    "CosineAnnealingLR": (lambda o, m: m.CosineAnnealingLR(o, T_max=4, eta_min=0.01)),
    "LinearLR": (lambda o, m: m.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=5)),
    "LambdaLR": (lambda o, m: m.LambdaLR(o, lambda epoch: 0.9 ** epoch / (1 + epoch))),
}


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedule_matches_torch_step_by_step(name: str) -> None:
    torch = _torch()
    ours_opt = optim.SGD([Tensor([1.0], requires_grad=True)], lr=0.2)
    ours = SCHEDULES[name](ours_opt, optim)
    torch_opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.2)
    theirs = SCHEDULES[name](torch_opt, torch.optim.lr_scheduler)
    for epoch in range(13):  # past CosineAnnealingLR's period (2 * T_max) into its restart
        assert ours.get_last_lr() == pytest.approx(theirs.get_last_lr(), rel=1e-12, abs=0), \
            f"{name}, epoch {epoch}"
        assert ours_opt.lr == ours.get_last_lr()[0]
        torch_opt.step()
        ours.step()
        theirs.step()


def test_cosine_schedule_closed_form() -> None:
    opt = optim.SGD([Tensor([1.0], requires_grad=True)], lr=1.0)
    sched = optim.CosineAnnealingLR(opt, T_max=10)
    lrs = []
    for _ in range(11):
        lrs.append(opt.lr)
        sched.step()
    expected = [0.5 * (1 + math.cos(math.pi * t / 10)) for t in range(11)]
    np.testing.assert_allclose(lrs, expected, atol=1e-12)


def test_schedule_arguments_are_checked() -> None:
    opt = optim.SGD([Tensor([1.0], requires_grad=True)], lr=0.1)
    with pytest.raises(ValueError, match="step_size"):
        optim.StepLR(opt, step_size=0)
    with pytest.raises(ValueError, match="T_max"):
        optim.CosineAnnealingLR(opt, T_max=-1)
    with pytest.raises(ValueError, match="start_factor"):
        optim.LinearLR(opt, start_factor=0.0)
    with pytest.raises(TypeError, match="Optimizer"):
        optim.StepLR("sgd", step_size=1)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# The bridge

def test_mlp_weights_move_to_torch_and_back() -> None:
    torch = _torch()
    from groundup.nn.torch_bridge import (
        from_torch_state_dict,
        load_from_torch,
        load_into_torch,
        to_torch_state_dict,
    )

    ours = gnn.Sequential(gnn.Linear(4, 8, rng=0), gnn.ReLU(), gnn.Linear(8, 3, rng=1))
    tsd = to_torch_state_dict(ours)
    assert list(tsd) == list(ours.state_dict())
    assert all(t.dtype == torch.float32 for t in tsd.values())
    assert to_torch_state_dict(ours, dtype=torch.float64)["0.weight"].dtype == torch.float64
    theirs = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    assert load_into_torch(ours, theirs) is theirs
    x = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float32)
    with torch.no_grad():
        out_torch = theirs(torch.from_numpy(x)).numpy()
    W0, b0, W1, b1 = (v for v in ours.state_dict().values())
    expected = np.maximum(x @ W0.T + b0, 0) @ W1.T + b1  # the same network in NumPy
    np.testing.assert_allclose(out_torch, expected, rtol=1e-5, atol=1e-6)
    # And back: a torch model's weights into a fresh groundup model.
    back = from_torch_state_dict(theirs)
    assert all(isinstance(v, np.ndarray) for v in back.values())
    fresh = load_from_torch(theirs, gnn.Sequential(gnn.Linear(4, 8), gnn.ReLU(),
                                                   gnn.Linear(8, 3)))
    for key, value in fresh.state_dict().items():
        np.testing.assert_array_equal(value, back[key])


def test_bridge_rejects_mismatched_models() -> None:
    torch = _torch()
    from groundup.nn.torch_bridge import load_into_torch

    ours = gnn.Sequential(gnn.Linear(4, 8), gnn.ReLU(), gnn.Linear(8, 3))
    with pytest.raises(ValueError, match="shape"):
        load_into_torch(ours, torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(),
                                                  torch.nn.Linear(8, 2)))
    with pytest.raises(ValueError, match="missing keys"):
        load_into_torch(ours, torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(),
                                                  torch.nn.Linear(8, 3), torch.nn.Linear(3, 3)))
    with pytest.raises(ValueError, match="unexpected keys"):
        load_into_torch(ours, torch.nn.Sequential(torch.nn.Linear(4, 8)))


def test_cnn_weights_load_into_torch() -> None:
    torch = _torch()
    conv = pytest.importorskip("groundup.nn.conv")
    from groundup.nn.torch_bridge import load_into_torch

    ours = gnn.Sequential(conv.Conv2d(1, 4, 3, padding=1, rng=0), gnn.ReLU(),
                          conv.MaxPool2d(2), gnn.Flatten(), gnn.Linear(4 * 4 * 4, 10, rng=1))
    tnn = torch.nn
    theirs = tnn.Sequential(tnn.Conv2d(1, 4, 3, padding=1), tnn.ReLU(), tnn.MaxPool2d(2),
                            tnn.Flatten(), tnn.Linear(4 * 4 * 4, 10))
    load_into_torch(ours, theirs)
    x = np.random.default_rng(0).normal(size=(3, 1, 8, 8)).astype(np.float32)
    with torch.no_grad():
        expected = theirs(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(ours(Tensor(x)).data, expected, rtol=1e-4, atol=1e-5)


def test_lstm_weights_load_into_torch() -> None:
    torch = _torch()
    rnn = pytest.importorskip("groundup.nn.rnn")
    from groundup.nn.torch_bridge import load_into_torch

    ours = rnn.LSTM(3, 5, rng=0)
    theirs = torch.nn.LSTM(3, 5, batch_first=True)
    load_into_torch(ours, theirs)
    x = np.random.default_rng(1).normal(size=(2, 6, 3)).astype(np.float32)
    out, (h, c) = ours(Tensor(x))
    with torch.no_grad():
        t_out, (t_h, t_c) = theirs(torch.from_numpy(x))
    np.testing.assert_allclose(out.data, t_out.numpy(), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(c.data, t_c.numpy(), rtol=1e-4, atol=1e-5)


# ---------------------------------------------------------------------------------------------
# The pytorch topic's reference solutions, against NumPy formulas

def test_mse_and_grad_matches_the_formula() -> None:
    _torch()
    from groundup.nn.torch_bridge import mse_and_grad

    rng = np.random.default_rng(0)
    X, y, w = rng.normal(size=(7, 3)), rng.normal(size=7), rng.normal(size=3)
    loss, grad = mse_and_grad(X, y, w)
    r = X @ w - y
    assert loss == pytest.approx(np.mean(r ** 2), rel=1e-12)
    np.testing.assert_allclose(grad, 2 / 7 * X.T @ r, rtol=1e-12)
    with pytest.raises(ValueError, match="expected X"):
        mse_and_grad(X, y[:-1], w)


def test_torch_outputs_match_numpy_forward() -> None:
    _torch()
    from groundup.nn.torch_bridge import torch_outputs

    rng = np.random.default_rng(1)
    state = {"0.weight": rng.normal(size=(6, 4)), "0.bias": rng.normal(size=6),
             "2.weight": rng.normal(size=(2, 6)), "2.bias": rng.normal(size=2)}
    X = rng.normal(size=(5, 4))
    h = np.maximum(X @ state["0.weight"].T + state["0.bias"], 0)
    expected = h @ state["2.weight"].T + state["2.bias"]
    out = torch_outputs(state, X)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)
    with pytest.raises(ValueError, match="keys"):
        torch_outputs({"0.weight": state["0.weight"]}, X)
    with pytest.raises(ValueError, match="X must have shape"):
        torch_outputs(state, X[:, :3])
