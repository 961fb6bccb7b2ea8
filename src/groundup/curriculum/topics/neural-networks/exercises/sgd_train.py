"""Exercise mlp.sgd_train: train a 2-layer MLP with mini-batch gradient descent, in NumPy.

Run `groundup lesson mlp.training` for the lesson, `groundup check mlp.sgd_train` to check.

No groundup, no PyTorch: write the forward pass, the backward pass (as in
mlp.forward_backward) and the update yourself. The checks train on two moons and on three
spirals, then measure the accuracy of your weights on new points. Printing a progress line
(`print(f"epoch {epoch} loss {loss:.4f}", end="\\r")`) is welcome.
"""

import numpy as np
from numpy.typing import ArrayLike


def train_mlp(X: ArrayLike, y: ArrayLike, n_hidden: int = 32, lr: float = 0.5,
              num_epochs: int = 100, batch_size: int = 32,
              seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                      np.ndarray]:
    r"""Fit ``Linear(n_features, n_hidden) -> ReLU -> Linear(n_hidden, n_classes)`` to (X, y).

    1. ``rng = np.random.default_rng(seed)``; ``n_classes = y.max() + 1``; He-normal weights
       (:math:`\mathcal N(0, 2/n_{in})`, shape (out, in)) and zero biases, drawn from ``rng``.
    2. Each epoch: shuffle with ``rng.permutation(n_samples)``, cut the order into mini-batches
       of ``batch_size`` (the last one may be smaller), and for each batch compute the mean
       softmax cross-entropy and its gradients, then
       :math:`\theta \leftarrow \theta - \eta\,\nabla_\theta L_{\text{batch}}` for all four
       parameters.
    3. Record each epoch's loss: the mean of its mini-batch losses.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like of ints, shape (n_samples,), classes 0 .. n_classes - 1
    n_hidden, num_epochs, batch_size : int, >= 1
    lr : float, > 0
    seed : int

    Returns
    -------
    (W1, b1, W2, b2, losses)
        Shapes (n_hidden, n_features), (n_hidden,), (n_classes, n_hidden), (n_classes,) and
        (num_epochs,).

    Raises
    ------
    ValueError
        If ``y`` does not have one label per row of ``X``, a size is below 1, or ``lr <= 0``.
    """
    # TODO: validate, initialise, then the two nested loops (epochs, mini-batches).
    raise NotImplementedError
