r"""The training loop, written once: :func:`fit`, :func:`evaluate` and :func:`plot_history`.

Every epoch walks the training :class:`~groundup.nn.data.DataLoader` and, per mini-batch,
does the five steps that every PyTorch training loop does too::

    y_hat = model(X)                  # 1. forward
    loss = loss_fn(y_hat, y)          # 2. the loss, a scalar Tensor
    optimizer.zero_grad()             # 3. forget the last batch's gradients
    loss.backward()                   # 4. backward: fill p.grad for every parameter
    optimizer.step()                  # 5. update: p <- p - lr * p.grad (or Adam's rule)

The epoch's training loss is the mean over examples of the losses seen during the epoch
(each batch's mean loss weighted by its size, as it was before that batch's step):

.. math:: \bar L = \frac{1}{n} \sum_{b} |B_b|\, L(B_b)

Examples
--------
>>> import numpy as np
>>> from groundup.nn import Linear, functional as F
>>> from groundup.nn.data import DataLoader, TensorDataset
>>> from groundup.optim import SGD
>>> rng = np.random.default_rng(0)
>>> X = rng.normal(size=(64, 2)).astype(np.float32)
>>> y = (X[:, 0] > 0).astype(np.int64)
>>> model = Linear(2, 2, rng=0)
>>> hist = fit(model, F.cross_entropy, SGD(model.parameters(), lr=0.5),
...            DataLoader(TensorDataset(X, y), batch_size=16), epochs=5, progress=False)
>>> hist.train_loss[-1] < hist.train_loss[0]
True
"""

from __future__ import annotations

import numbers
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from groundup.nn.modules import Module
from groundup.nn.tensor import Tensor, no_grad

__all__ = ["History", "evaluate", "fit", "plot_history"]

METRICS = ("accuracy",)
LossFn = Callable[[Any, Any], Tensor]


@dataclass
class History:
    """What :func:`fit` measured, one entry per epoch.

    ``val_*`` lists are empty without a validation loader, ``*_accuracy`` lists without the
    ``"accuracy"`` metric. ``lr`` is the learning rate used during the epoch.
    """

    train_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    time_s: list[float] = field(default_factory=list)

    @property
    def epochs(self) -> int:
        return len(self.train_loss)

    def as_dict(self) -> dict[str, list[float]]:
        return asdict(self)


def _check_metrics(metrics: Sequence[str]) -> tuple[str, ...]:
    if isinstance(metrics, str):
        metrics = (metrics,)
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metrics {unknown}; available: {list(METRICS)}")
    return tuple(metrics)


def _labels(y: Any) -> np.ndarray:
    return np.asarray(y.data if isinstance(y, Tensor) else y)


def _n_correct(y_hat: Tensor, y: Any) -> int:
    """How many rows of class scores ``(N, C)`` have their largest score at the label."""
    labels = _labels(y)
    if y_hat.ndim != 2 or y_hat.shape[1] < 2 or labels.shape != (y_hat.shape[0],):
        raise ValueError(f"accuracy needs class scores of shape (N, C) and N labels; got "
                         f"outputs of shape {y_hat.shape} and labels of shape {labels.shape} "
                         f"(pass metrics=() for regression)")
    return int((y_hat.data.argmax(axis=1) == labels).sum())


def _split(batch: Any) -> tuple[Any, Any]:
    if not isinstance(batch, (tuple, list)) or len(batch) != 2:
        raise ValueError("each batch must be a pair (X, y), as DataLoader(TensorDataset(X, y)) "
                         "gives")
    X, y = batch
    return (X if isinstance(X, Tensor) else Tensor(X)), y


def _scalar_loss(loss: Any) -> Tensor:
    if not isinstance(loss, Tensor) or loss.size != 1:
        raise ValueError(f"loss_fn must return a scalar Tensor, got "
                         f"{getattr(loss, 'shape', type(loss).__name__)}")
    return loss


def evaluate(model: Module, loss_fn: LossFn, loader: Iterable[Any],
             metrics: Sequence[str] = ("accuracy",)) -> dict[str, float]:
    """The mean loss (and accuracy) of ``model`` over ``loader``, without gradients.

    The model is put in evaluation mode (dropout off) and put back as it was.

    Returns
    -------
    dict
        ``{"loss": ..., "accuracy": ...}`` (accuracy only when asked for).

    Raises
    ------
    ValueError
        For an empty loader or an unknown metric.
    """
    metrics = _check_metrics(metrics)
    was_training = model.training
    model.eval()
    total, correct, n = 0.0, 0, 0
    try:
        with no_grad():
            for batch in loader:
                X, y = _split(batch)
                y_hat = model(X)
                size = X.shape[0]
                total += _scalar_loss(loss_fn(y_hat, y)).item() * size
                if "accuracy" in metrics:
                    correct += _n_correct(y_hat, y)
                n += size
    finally:
        model.train(was_training)
    if n == 0:
        raise ValueError("evaluate: the loader gave no batches")
    out = {"loss": total / n}
    if "accuracy" in metrics:
        out["accuracy"] = correct / n
    return out


def _progress(enabled: bool) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(bar_width=24),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                    disable=not enabled)


def _stats(loss: float, acc: float | None, prefix: str = "") -> str:
    text = f"{prefix}loss {loss:.4f}"
    return text + (f"  {prefix}acc {acc:.3f}" if acc is not None else "")


def fit(model: Module, loss_fn: LossFn, optimizer: Any, train_loader: Any, epochs: int,
        val_loader: Any = None, metrics: Sequence[str] = ("accuracy",), progress: bool = True,
        scheduler: Any = None) -> History:
    """Train ``model`` for ``epochs`` passes over ``train_loader``.

    Parameters
    ----------
    model : Module
    loss_fn : callable
        ``loss_fn(y_hat, y)`` returns a scalar Tensor, e.g. ``F.cross_entropy``.
    optimizer : groundup.optim.Optimizer
        Built on ``model.parameters()``.
    train_loader : DataLoader (or any iterable of ``(X, y)`` batches; a ``len`` is used for
        the progress bar)
    epochs : int, >= 1
    val_loader : DataLoader, optional
        Evaluated (:func:`evaluate`) after every epoch.
    metrics : sequence of str, default ("accuracy",)
        ``()`` for regression.
    progress : bool, default True
        Show a progress bar per epoch with the running loss and accuracy (``rich``).
    scheduler : groundup.optim.LRScheduler, optional
        Stepped once at the end of every epoch.

    Returns
    -------
    History

    Raises
    ------
    ValueError
        For ``epochs < 1``, an unknown metric, an empty loader, or a loss that is not a
        scalar Tensor.
    """
    if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral) or epochs < 1:
        raise ValueError(f"epochs must be a positive int, got {epochs!r}")
    metrics = _check_metrics(metrics)
    want_acc = "accuracy" in metrics
    history = History()
    try:
        n_batches: int | None = len(train_loader)
    except TypeError:
        n_batches = None
    with _progress(progress) as bar:
        for epoch in range(int(epochs)):
            start = time.perf_counter()
            task = bar.add_task(f"epoch {epoch + 1}/{epochs}", total=n_batches, stats="")
            model.train()
            total, correct, n = 0.0, 0, 0
            for batch in train_loader:
                X, y = _split(batch)
                y_hat = model(X)                             # 1. forward
                loss = _scalar_loss(loss_fn(y_hat, y))       # 2. loss
                optimizer.zero_grad()                        # 3. forget old gradients
                loss.backward()                              # 4. backward
                optimizer.step()                             # 5. update
                size = X.shape[0]
                total += loss.item() * size
                if want_acc:
                    correct += _n_correct(y_hat, y)
                n += size
                bar.update(task, advance=1,
                           stats=_stats(total / n, correct / n if want_acc else None))
            if n == 0:
                raise ValueError("fit: the training loader gave no batches")
            history.train_loss.append(total / n)
            if want_acc:
                history.train_accuracy.append(correct / n)
            history.lr.append(float(getattr(optimizer, "lr", float("nan"))))
            stats = _stats(total / n, correct / n if want_acc else None)
            if val_loader is not None:
                val = evaluate(model, loss_fn, val_loader, metrics)
                history.val_loss.append(val["loss"])
                if want_acc:
                    history.val_accuracy.append(val["accuracy"])
                stats += "  | " + _stats(val["loss"], val.get("accuracy"), "val ")
            bar.update(task, stats=stats)
            if scheduler is not None:
                scheduler.step()
            history.time_s.append(time.perf_counter() - start)
    return history


def plot_history(history: History, title: str | None = None) -> Any:
    """Loss curves (and accuracy curves, when recorded) per epoch, train and validation.

    Returns
    -------
    matplotlib.figure.Figure
        One axes for the loss, a second for the accuracy when ``history`` has it.
    """
    import matplotlib.pyplot as plt

    if not history.train_loss:
        raise ValueError("plot_history: the history is empty")
    has_acc = bool(history.train_accuracy)
    fig, axes = plt.subplots(1, 2 if has_acc else 1, figsize=(10 if has_acc else 5, 3.6),
                             squeeze=False)
    epochs = np.arange(1, history.epochs + 1)
    ax = axes[0, 0]
    ax.plot(epochs, history.train_loss, marker="o", ms=3, label="train")
    if history.val_loss:
        ax.plot(epochs, history.val_loss, marker="o", ms=3, label="validation")
    ax.set(title="loss", xlabel="epoch", ylabel="mean loss")
    ax.legend()
    if has_acc:
        ax = axes[0, 1]
        ax.plot(epochs, history.train_accuracy, marker="o", ms=3, label="train")
        if history.val_accuracy:
            ax.plot(epochs, history.val_accuracy, marker="o", ms=3, label="validation")
        ax.set(title="accuracy", xlabel="epoch", ylabel="fraction correct", ylim=(0, 1.02))
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
