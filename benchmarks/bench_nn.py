"""groundup.nn against PyTorch (CPU): time per training step and final accuracy, in one run.

Run: python benchmarks/bench_nn.py [--threads 1] [--epochs 5] [--markdown]

Three models are trained twice, with groundup and with PyTorch, from the same initial weights
(groundup's, moved across with ``groundup.nn.torch_bridge.load_into_torch``), on the same
batches in the same order, in float32, with the same optimiser and the same number of BLAS
threads (``threadpoolctl`` for NumPy, ``torch.set_num_threads`` for PyTorch):

- MLP  64-128-64-10 on the 8x8 digits (scikit-learn's bundled copy), SGD with momentum;
- CNN  Conv(1,16,3)-ReLU-MaxPool-Conv(16,32,3)-ReLU-MaxPool-Linear(128,10) on the digits as
  1x8x8 images, Adam;
- LSTM the digits read row by row (8 time steps of 8 pixels), LSTM(8, 64) and a Linear
  classifier on the last hidden state, Adam.

The table gives the median time of one training step (forward, loss, backward, update) for
both, their ratio (groundup / PyTorch) and both test accuracies. Targets: MLP <= 1.5x, CNN
and LSTM <= 3x. Layers that do not exist yet in ``groundup.nn`` are reported as missing.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

import groundup.nn as gnn
import groundup.nn.functional as F  # noqa: N812  (the PyTorch convention)
from groundup import optim

BATCH = 64


@dataclass
class Row:
    model: str
    steps: int
    ours_ms: float
    theirs_ms: float
    our_acc: float
    their_acc: float
    target: float

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.theirs_ms


@dataclass
class Spec:
    name: str
    build_ours: Callable[[], Any]           # -> (groundup model, forward(model, X) -> logits)
    build_theirs: Callable[[Any], Any]      # torch module -> torch forward
    optimiser: str                          # "sgd" or "adam"
    lr: float
    shape: Callable[[np.ndarray], np.ndarray]  # (N, 64) -> the model's input layout
    target: float
    needs: str = ""                         # a groundup.nn module that must exist


def _data() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    X, y = load_digits(return_X_y=True)
    X = (X / 16.0).astype(np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y.astype(np.int64), test_size=0.25,
                                              random_state=0, stratify=y)
    return X_tr, X_te, y_tr, y_te


# ---------------------------------------------------------------------------------------------
# The three models, in both libraries

class _LastStep(gnn.Module):
    """LSTM over the rows, then a Linear layer on the last hidden state."""

    def __init__(self) -> None:
        super().__init__()
        from groundup.nn import LSTM

        self.lstm = LSTM(8, 64, rng=0)
        self.head = gnn.Linear(64, 10, rng=1)

    def forward(self, x: gnn.Tensor) -> gnn.Tensor:
        out, _ = self.lstm(x)          # (N, T, H)
        return self.head(out[:, -1])   # (N, 10)


def _torch_last_step(torch: Any) -> Any:
    class LastStep(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm = torch.nn.LSTM(8, 64, batch_first=True)
            self.head = torch.nn.Linear(64, 10)

        def forward(self, x: Any) -> Any:
            out, _ = self.lstm(x)
            return self.head(out[:, -1])

    return LastStep()


def _specs(torch: Any) -> list[Spec]:
    tnn = torch.nn
    return [
        Spec("MLP 64-128-64-10",
             lambda: gnn.Sequential(gnn.Linear(64, 128, rng=0), gnn.ReLU(),
                                    gnn.Linear(128, 64, rng=1), gnn.ReLU(),
                                    gnn.Linear(64, 10, rng=2)),
             lambda: tnn.Sequential(tnn.Linear(64, 128), tnn.ReLU(), tnn.Linear(128, 64),
                                    tnn.ReLU(), tnn.Linear(64, 10)),
             "sgd", 0.05, lambda X: X, 1.5),
        Spec("CNN 2 conv + linear",
             lambda: gnn.Sequential(gnn.Conv2d(1, 16, 3, padding=1, rng=0), gnn.ReLU(),
                                    gnn.MaxPool2d(2),
                                    gnn.Conv2d(16, 32, 3, padding=1, rng=1), gnn.ReLU(),
                                    gnn.MaxPool2d(2), gnn.Flatten(),
                                    gnn.Linear(32 * 2 * 2, 10, rng=2)),
             lambda: tnn.Sequential(tnn.Conv2d(1, 16, 3, padding=1), tnn.ReLU(),
                                    tnn.MaxPool2d(2), tnn.Conv2d(16, 32, 3, padding=1),
                                    tnn.ReLU(), tnn.MaxPool2d(2), tnn.Flatten(),
                                    tnn.Linear(32 * 2 * 2, 10)),
             "adam", 3e-3, lambda X: X.reshape(-1, 1, 8, 8), 3.0, needs="conv"),  # (N, 1, 8, 8)
        Spec("LSTM rows of digits",
             _LastStep, lambda: _torch_last_step(torch),
             "adam", 3e-3, lambda X: X.reshape(-1, 8, 8), 3.0, needs="rnn"),  # (N, T=8, I=8)
    ]


# ---------------------------------------------------------------------------------------------
# Training, the same loop in both

def _batches(n: int, epochs: int, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(epochs):
        order = rng.permutation(n)
        out += [order[i:i + BATCH] for i in range(0, n, BATCH)]
    return out


def _train_ours(model: Any, spec: Spec, X: np.ndarray, y: np.ndarray,
                batches: list[np.ndarray]) -> list[float]:
    params = list(model.parameters())
    opt = optim.SGD(params, lr=spec.lr, momentum=0.9) if spec.optimiser == "sgd" \
        else optim.Adam(params, lr=spec.lr)
    times = []
    model.train()
    for idx in batches:
        xb, yb = gnn.Tensor(X[idx]), y[idx]
        start = time.perf_counter()
        loss = F.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        times.append(time.perf_counter() - start)
    return times


def _train_theirs(torch: Any, model: Any, spec: Spec, X: np.ndarray, y: np.ndarray,
                  batches: list[np.ndarray]) -> list[float]:
    opt = torch.optim.SGD(model.parameters(), lr=spec.lr, momentum=0.9) \
        if spec.optimiser == "sgd" else torch.optim.Adam(model.parameters(), lr=spec.lr)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    times = []
    model.train()
    for idx in batches:
        ti = torch.from_numpy(idx)
        xb, yb = Xt[ti], yt[ti]
        start = time.perf_counter()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        times.append(time.perf_counter() - start)
    return times


def _acc_ours(model: Any, X: np.ndarray, y: np.ndarray) -> float:
    model.eval()
    with gnn.no_grad():
        return float((model(gnn.Tensor(X)).data.argmax(axis=1) == y).mean())


def _acc_theirs(torch: Any, model: Any, X: np.ndarray, y: np.ndarray) -> float:
    model.eval()
    with torch.no_grad():
        return float((model(torch.from_numpy(X)).argmax(dim=1).numpy() == y).mean())


def _missing(spec: Spec) -> str | None:
    if not spec.needs:
        return None
    try:
        importlib.import_module(f"groundup.nn.{spec.needs}")
    except ImportError as err:
        return f"groundup.nn.{spec.needs} is missing ({err})"
    return None


def run(epochs: int, threads: int) -> tuple[list[Row], list[str]]:
    import torch

    from groundup.nn.torch_bridge import load_into_torch

    torch.set_num_threads(threads)
    X_tr, X_te, y_tr, y_te = _data()
    rows, notes = [], []
    for spec in _specs(torch):
        why = _missing(spec)
        if why:
            notes.append(f"{spec.name}: skipped, {why}")
            continue
        try:
            ours = spec.build_ours()
            theirs = spec.build_theirs()
            load_into_torch(ours, theirs)  # the same initial weights
        except (ImportError, AttributeError, TypeError, ValueError) as err:
            notes.append(f"{spec.name}: skipped, could not build it ({err})")
            continue
        Xtr, Xte = spec.shape(X_tr), spec.shape(X_te)
        batches = _batches(len(Xtr), epochs)
        with threadpool_limits(limits=threads):
            ours_t = _train_ours(ours, spec, Xtr, y_tr, batches)
            our_acc = _acc_ours(ours, Xte, y_te)
        theirs_t = _train_theirs(torch, theirs, spec, Xtr, y_tr, batches)
        their_acc = _acc_theirs(torch, theirs, Xte, y_te)
        rows.append(Row(spec.name, len(batches), 1e3 * statistics.median(ours_t),
                        1e3 * statistics.median(theirs_t), our_acc, their_acc, spec.target))
    return rows, notes


def _table(rows: list[Row], markdown: bool) -> str:
    header = ["model", "steps", "groundup ms/step", "torch ms/step", "ratio", "target",
              "groundup acc", "torch acc", "ok"]
    body = [[r.model, str(r.steps), f"{r.ours_ms:.3f}", f"{r.theirs_ms:.3f}", f"{r.ratio:.2f}",
             f"<= {r.target:g}", f"{r.our_acc:.3f}", f"{r.their_acc:.3f}",
             "yes" if r.ratio <= r.target else "NO"] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(b) + " |" for b in body])
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h)
              for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*header)] + [fmt.format(*b) for b in body])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS threads for NumPy and torch.set_num_threads (the same)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
    except ImportError:
        raise SystemExit("bench_nn needs PyTorch: pip install 'groundup[torch]'") from None
    rows, notes = run(args.epochs, args.threads)
    print(f"digits, batch {BATCH}, float32, {args.epochs} epochs, {args.threads} thread(s)")
    print(_table(rows, args.markdown))
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
