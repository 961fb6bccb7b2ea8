r"""The two-layer MLP of :mod:`groundup.neural`, on the tensor engine :mod:`groundup.nn`.

The reference solution of the ``mlp.engine_mlp`` exercise: the model's ``state_dict`` keys
are those of the same model written with ``torch.nn``, so PyTorch's weights load into it and
give the same outputs, gradients and training run (``tests/reference/test_neural.py``).

Examples
--------
>>> import numpy as np
>>> model = EngineMLP(2, 8, 3, rng=0)
>>> list(model.state_dict())
['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
>>> losses = train_engine(model, np.eye(3)[:, :2], np.array([0, 1, 2]), lr=0.5, num_epochs=50)
>>> losses[-1] < losses[0]
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from groundup.nn import functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn.modules import Linear, Module
from groundup.nn.tensor import Tensor
from groundup.optim import SGD

__all__ = ["EngineMLP", "train_engine"]


class EngineMLP(Module):
    r"""A 2-layer MLP on :mod:`groundup.nn`: ``fc2(relu(fc1(x)))``.

    Its ``state_dict`` keys (``fc1.weight``, ``fc1.bias``, ``fc2.weight``, ``fc2.bias``) are
    those of the same model written with ``torch.nn``, so the weights load either way.

    Parameters
    ----------
    n_inputs, n_hidden, n_outputs : int
    rng : numpy Generator, int seed or None
    dtype : numpy floating dtype, default float32
    """

    def __init__(self, n_inputs: int, n_hidden: int, n_outputs: int,
                 rng: np.random.Generator | int | None = None, dtype: Any = np.float32) -> None:
        super().__init__()
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        self.fc1 = Linear(n_inputs, n_hidden, dtype=dtype, rng=gen)
        self.fc2 = Linear(n_hidden, n_outputs, dtype=dtype, rng=gen)

    def forward(self, x: Tensor) -> Tensor:
        """``x`` of shape (n_samples, n_inputs) to logits (n_samples, n_outputs)."""
        return self.fc2(self.fc1(x).relu())


def train_engine(model: Module, X: ArrayLike, y: ArrayLike, lr: float = 0.1,
                 num_epochs: int = 100) -> list[float]:
    r"""Full-batch gradient descent on the cross-entropy with :class:`groundup.optim.SGD`.

    Each epoch: zero the gradients, forward, ``loss.backward()``, ``optimizer.step()``.

    Returns
    -------
    list of float
        The loss of each epoch, computed before that epoch's step.
    """
    X_t = Tensor(np.asarray(X, dtype=float))
    y_arr = np.asarray(y).astype(int)
    optimizer = SGD(model.parameters(), lr=lr)
    losses: list[float] = []
    for _ in range(num_epochs):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X_t), y_arr)
        loss.backward()
        optimizer.step()
        losses.append(float(loss.item()))
    return losses

