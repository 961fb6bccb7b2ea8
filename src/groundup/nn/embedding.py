r"""Embeddings: a table of learned vectors, one row per token id, as ``torch.nn.Embedding``.

Looking up row :math:`k` of a weight matrix :math:`W` (shape ``(V, D)``) is the same as
multiplying a one-hot vector by :math:`W`, without building the one-hot vector:

.. math:: \operatorname{emb}(k) = e_k^\top W = W_{k,:}

so the gradient of a loss with respect to :math:`W` is zero except on the rows that were
looked up, and a row looked up several times receives the *sum* of the gradients of its
copies:

.. math:: \frac{\partial L}{\partial W_{k,:}} = \sum_{p \,:\, \text{idx}_p = k}
          \frac{\partial L}{\partial\, \text{out}_{p,:}}

In NumPy that sum is ``np.add.at(dW, idx, G)``: ``dW[idx] += G`` would keep only one of the
repeated rows (fancy-index assignment is buffered).

Examples
--------
>>> emb = Embedding(10, 3, rng=0)
>>> emb([[1, 2, 1]]).shape                  # (N, T) ids -> (N, T, D) vectors
(1, 3, 3)
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from groundup.nn.modules import Module, Parameter, _check_size
from groundup.nn.tensor import Grads, Tensor, _as_index_array

__all__ = ["Embedding", "embedding_grad", "embedding_lookup"]


def _indices(indices: Any, num_embeddings: int) -> np.ndarray:
    """Validated integer indices in ``[0, num_embeddings)``."""
    arr = np.asarray(indices.data if isinstance(indices, Tensor) else indices)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        if arr.size == 0:
            arr = arr.astype(np.int64)
        else:
            raise ValueError(f"indices must be integers, got dtype {arr.dtype}")
    if arr.size and (arr.min() < 0 or arr.max() >= num_embeddings):
        bad = arr[(arr < 0) | (arr >= num_embeddings)].flat[0]
        raise ValueError(f"index {bad} is out of range for {num_embeddings} embeddings "
                         f"(valid: 0 to {num_embeddings - 1})")
    return arr


def embedding_lookup(weight: Any, indices: Any) -> np.ndarray:
    r"""The embedding vectors of ``indices``: :math:`\text{out}_{p,:} = W_{\text{idx}_p,:}`.

    Parameters
    ----------
    weight : array_like, shape (V, D)
        One row per token id.
    indices : array_like of int, any shape S
        Token ids in ``[0, V)``.

    Returns
    -------
    np.ndarray, shape S + (D,)

    Raises
    ------
    ValueError
        If ``weight`` is not 2-D, an index is not an integer or is outside ``[0, V)``
        (negative indices do not wrap around, as in PyTorch).

    Examples
    --------
    >>> W = np.arange(6.0).reshape(3, 2)
    >>> embedding_lookup(W, [[2, 0], [2, 2]])
    array([[[4., 5.],
            [0., 1.]],
    <BLANKLINE>
           [[4., 5.],
            [4., 5.]]])
    """
    W = np.asarray(weight, dtype=float)
    if W.ndim != 2:
        raise ValueError(f"weight must be 2-D (num_embeddings, embedding_dim), got shape "
                         f"{W.shape}")
    return W[_indices(indices, W.shape[0])]


def embedding_grad(indices: Any, grad_output: Any, num_embeddings: int) -> np.ndarray:
    r"""The gradient of a loss with respect to the embedding table.

    .. math:: \frac{\partial L}{\partial W_{k,:}} = \sum_{p \,:\, \text{idx}_p = k} G_{p,:}

    Parameters
    ----------
    indices : array_like of int, shape S
        The ids that were looked up.
    grad_output : array_like, shape S + (D,)
        :math:`G = \partial L / \partial\, \text{out}`.
    num_embeddings : int
        V, the number of rows of the table.

    Returns
    -------
    np.ndarray, shape (V, D)
        Zeros on the rows never looked up; repeated ids add up.

    Raises
    ------
    ValueError
        If the shapes do not match or an index is outside ``[0, V)``.

    Examples
    --------
    >>> embedding_grad([1, 1], np.ones((2, 2)), 3)
    array([[0., 0.],
           [2., 2.],
           [0., 0.]])
    """
    if isinstance(num_embeddings, bool) or not isinstance(num_embeddings, numbers.Integral) \
            or num_embeddings < 1:
        raise ValueError(f"num_embeddings must be a positive integer, got {num_embeddings!r}")
    idx = _indices(indices, int(num_embeddings))
    G = np.asarray(grad_output, dtype=float)
    if G.ndim != idx.ndim + 1 or G.shape[:-1] != idx.shape:
        raise ValueError(f"grad_output must have shape indices.shape + (D,) = {idx.shape} + "
                         f"(D,), got {G.shape}")
    dW = np.zeros((int(num_embeddings), G.shape[-1]))
    np.add.at(dW, idx, G)  # unbuffered: a repeated id receives every one of its gradients
    return dW


class Embedding(Module):
    r"""A lookup table of ``num_embeddings`` vectors of size ``embedding_dim``, as
    ``torch.nn.Embedding``.

    Parameters
    ----------
    num_embeddings : int
        V, the vocabulary size.
    embedding_dim : int
        D.
    padding_idx : int, optional
        A row that stays zero and receives no gradient (for padding tokens); negative values
        count from the end, as PyTorch.
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    weight : Parameter, shape (V, D)
        Drawn from :math:`\mathcal N(0, 1)`, as PyTorch (row ``padding_idx`` zero).

    Examples
    --------
    >>> emb = Embedding(5, 2, padding_idx=0, rng=0)
    >>> emb.weight.data[0].tolist()
    [0.0, 0.0]
    """

    num_embeddings: int
    embedding_dim: int
    padding_idx: int | None
    weight: Parameter

    def __init__(self, num_embeddings: int, embedding_dim: int, padding_idx: int | None = None,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        self.num_embeddings = _check_size(num_embeddings, "num_embeddings")
        self.embedding_dim = _check_size(embedding_dim, "embedding_dim")
        if padding_idx is not None:
            if isinstance(padding_idx, bool) or not isinstance(padding_idx, numbers.Integral) \
                    or not -self.num_embeddings <= padding_idx < self.num_embeddings:
                raise ValueError(f"padding_idx must be an int in [-{self.num_embeddings}, "
                                 f"{self.num_embeddings}), got {padding_idx!r}")
            padding_idx = int(padding_idx) % self.num_embeddings
        self.padding_idx = padding_idx
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        w = gen.standard_normal((self.num_embeddings, self.embedding_dim))
        if padding_idx is not None:
            w[padding_idx] = 0.0
        self.weight = Parameter(w, dtype=dtype)

    @classmethod
    def from_pretrained(cls, embeddings: Any, freeze: bool = True,
                        padding_idx: int | None = None) -> Embedding:
        """An Embedding holding a copy of ``embeddings`` (shape (V, D)); ``freeze``: no
        gradient (``requires_grad=False``), as PyTorch.

        Raises
        ------
        ValueError
            If ``embeddings`` is not 2-D.
        """
        arr = embeddings.data if isinstance(embeddings, Tensor) else np.asarray(embeddings)
        if arr.ndim != 2:
            raise ValueError(f"embeddings must be 2-D (num_embeddings, embedding_dim), got "
                             f"shape {arr.shape}")
        dtype = arr.dtype if np.issubdtype(arr.dtype, np.floating) else np.float32
        emb = cls(arr.shape[0], arr.shape[1], padding_idx=padding_idx, dtype=dtype)
        emb.weight = Parameter(arr, requires_grad=not freeze, dtype=dtype)
        return emb

    def forward(self, indices: Any) -> Tensor:
        """Ids of any shape S (integers; a Tensor of whole numbers also works) to vectors of
        shape S + (D,).

        Raises
        ------
        IndexError
            If an id is outside ``[0, num_embeddings)`` (as PyTorch).
        """
        try:
            idx = _as_index_array(indices, "indices")
        except TypeError as err:
            raise TypeError(f"Embedding: {err}") from None
        V = self.num_embeddings
        if idx.size and (idx.min() < 0 or idx.max() >= V):
            bad = idx[(idx < 0) | (idx >= V)].flat[0]
            raise IndexError(f"Embedding: index {bad} is out of range for {V} embeddings")
        W = self.weight.data
        pad = self.padding_idx

        def backward(g: np.ndarray) -> Grads:
            dW = np.zeros_like(W)
            np.add.at(dW, idx, g)  # repeated ids add up
            if pad is not None:
                dW[pad] = 0.0  # the padding vector never learns, as PyTorch
            return (dW,)

        return Tensor._make(W[idx], (self.weight,), backward, "embedding")

    def extra_repr(self) -> str:
        text = f"{self.num_embeddings}, {self.embedding_dim}"
        return text + (f", padding_idx={self.padding_idx}" if self.padding_idx is not None
                       else "")
