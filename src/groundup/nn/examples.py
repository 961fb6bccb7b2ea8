"""Worked examples that train a ``groundup.nn`` model end to end.

:func:`train_digits_cnn` trains a small convolutional network on scikit-learn's 8x8
handwritten digits (bundled with scikit-learn: nothing is downloaded) with
:class:`groundup.optim.Adam`. The weights it learns load into the same network written with
``torch.nn`` (``state_dict`` keys and layouts are PyTorch's).

Examples
--------
>>> model, history = train_digits_cnn(epochs=1, progress=False)   # doctest: +SKIP
>>> sorted(history)                                                  # doctest: +SKIP
['loss', 'test_acc', 'train_acc']
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np

import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup import optim
from groundup.nn.conv import Conv2d, MaxPool2d
from groundup.nn.modules import Flatten, Linear, ReLU, Sequential
from groundup.nn.tensor import Tensor, no_grad

__all__ = ["digits_cnn", "load_digits_images", "train_digits_cnn"]


def load_digits_images(seed: int = 0, test_size: float = 0.2
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """scikit-learn's digits as images in [0, 1], split stratified.

    Returns
    -------
    X_train, X_test : float32 arrays, shape (n, 1, 8, 8)
    y_train, y_test : int64 arrays, shape (n,)
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = (digits.images / 16.0).astype(np.float32)[:, None]  # (1797, 1, 8, 8)
    y = digits.target.astype(np.int64)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size,
                                                        random_state=seed, stratify=y)
    return X_train, X_test, y_train, y_test


def digits_cnn(seed: int = 0, channels: tuple[int, int] = (32, 64)) -> Sequential:
    """Conv-ReLU-Pool-Conv-ReLU-Pool-Flatten-Linear for (N, 1, 8, 8) digits, 10 classes.

    Shapes: (N, 1, 8, 8) -> conv 3x3, padding 1 -> (N, c1, 8, 8) -> pool -> (N, c1, 4, 4)
    -> conv -> (N, c2, 4, 4) -> pool -> (N, c2, 2, 2) -> flatten (N, 4 c2) -> (N, 10).
    """
    rng = np.random.default_rng(seed)
    c1, c2 = channels
    return Sequential(
        Conv2d(1, c1, 3, padding=1, rng=rng), ReLU(), MaxPool2d(2),
        Conv2d(c1, c2, 3, padding=1, rng=rng), ReLU(), MaxPool2d(2),
        Flatten(), Linear(c2 * 2 * 2, 10, rng=rng),
    )


def accuracy(model: Sequential, X: np.ndarray, y: np.ndarray, batch_size: int = 512) -> float:
    """The fraction of ``X`` classified as ``y`` (evaluation mode, no graph)."""
    was_training = model.training
    model.eval()
    correct = 0
    with no_grad():
        for i in range(0, len(X), batch_size):
            logits = model(Tensor(X[i:i + batch_size]))
            correct += int((logits.data.argmax(axis=1) == y[i:i + batch_size]).sum())
    model.train(was_training)
    return correct / len(X)


def _bar(epoch: int, num_epochs: int, loss: float, acc: float, test_acc: float,
         seconds: float) -> str:
    width = 20
    done = round(width * epoch / num_epochs)
    return (f"\repoch {epoch:>3}/{num_epochs} [{'#' * done}{'.' * (width - done)}] "
            f"loss {loss:.4f}  train acc {acc:6.2%}  test acc {test_acc:6.2%}  {seconds:5.1f} s")


def train_digits_cnn(epochs: int = 20, seed: int = 0, progress: bool = True,
                     batch_size: int = 32, lr: float = 3e-3,
                     channels: tuple[int, int] = (32, 64)
                     ) -> tuple[Sequential, dict[str, list[float]]]:
    """Train :func:`digits_cnn` on the 8x8 digits with Adam and cross-entropy.

    Parameters
    ----------
    epochs : int
        Passes over the 1437 training images.
    seed : int
        Seeds the weights, the split and the shuffling: the same seed, the same run.
    progress : bool
        Print a progress line (loss, accuracies, time) after every epoch.
    batch_size : int
    lr : float
        Adam's learning rate.
    channels : (int, int)
        Filters in the two convolution layers.

    Returns
    -------
    model : Sequential
        Trained, in evaluation mode.
    history : dict
        ``"loss"`` (mean training loss), ``"train_acc"`` and ``"test_acc"``, one value per
        epoch.
    """
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"epochs and batch_size must be at least 1, got {epochs}, "
                         f"{batch_size}")
    X_train, X_test, y_train, y_test = load_digits_images(seed)
    model = digits_cnn(seed, channels)
    opt = optim.Adam(model.parameters(), lr=lr)
    rng = np.random.default_rng(seed)
    history: dict[str, list[float]] = {"loss": [], "train_acc": [], "test_acc": []}
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        model.train()
        order = rng.permutation(len(X_train))
        total, correct = 0.0, 0
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            logits = model(Tensor(X_train[idx]))  # (B, 10)
            loss = F.cross_entropy(logits, y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
            correct += int((logits.data.argmax(axis=1) == y_train[idx]).sum())
        history["loss"].append(total / len(X_train))
        history["train_acc"].append(correct / len(X_train))
        history["test_acc"].append(accuracy(model, X_test, y_test))
        if progress:
            sys.stdout.write(_bar(epoch, epochs, history["loss"][-1], history["train_acc"][-1],
                                  history["test_acc"][-1], time.perf_counter() - start))
            sys.stdout.flush()
    if progress:
        sys.stdout.write("\n")
    model.eval()
    return model, history


def _main(argv: Any = None) -> None:  # pragma: no cover - a convenience for the terminal
    train_digits_cnn()


if __name__ == "__main__":  # pragma: no cover
    _main()
