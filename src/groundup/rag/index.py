"""The course index: built once, cached in the workspace, rebuilt when the course changes.

``<workspace>/.groundup/rag/`` holds ``meta.json`` (the corpus fingerprint), ``passages.json``,
``bm25.npz`` (the BM25 postings) and, when the ``llm`` extra is installed, ``embeddings.npy``
(one unit vector per passage). Loading compares the fingerprint of the corpus as it is now
(lessons, hints and the learner's notes) with the cached one and rebuilds on any difference,
encoding again only the passages whose text is new; otherwise nothing is recomputed, and a
query costs one BM25 pass and one matrix-vector product.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from groundup.rag.bm25 import BM25Okapi, tokenize
from groundup.rag.corpus import Passage, build_corpus, corpus_hash
from groundup.rag.dense import DIM, MODEL_NAME, dense_available, embed
from groundup.rag.hybrid import reciprocal_rank_fusion

INDEX_DIR = Path(".groundup") / "rag"
FUSION_DEPTH = 50  # how many of each retriever's best passages reciprocal-rank fusion sees
Method = Literal["bm25", "dense", "hybrid"]


@dataclass
class Ranking:
    """Passage indices, best first, with the method's score for each."""

    ids: np.ndarray
    scores: np.ndarray


@dataclass
class Index:
    passages: list[Passage]
    bm25: BM25Okapi
    embeddings: np.ndarray | None  # (n_passages, 384), unit rows; None without the llm extra
    fingerprint: str
    built_bm25: bool = False  # whether this load (re)built the BM25 part
    built_dense: bool = False  # whether this load computed the embeddings
    _tokens: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def has_dense(self) -> bool:
        return self.embeddings is not None

    # -- retrieval ----------------------------------------------------------------------------
    def search_bm25(self, question: str, depth: int | None = None) -> Ranking:
        """Passages that share a term with the question, by decreasing BM25 score."""
        scores = self.bm25.get_scores(tokenize(question))
        matched = np.flatnonzero(scores > 0)
        order = matched[np.argsort(-scores[matched], kind="stable")][:depth]
        return Ranking(order, scores[order])

    def bm25_strength(self, question: str, score: float) -> float:
        """A BM25 score as a fraction of the best any passage could get for this question."""
        best = self.bm25.max_score(tokenize(question))
        return score / best if best > 0 else 0.0

    def search_dense(self, question: str, depth: int | None = None,
                     query_vector: np.ndarray | None = None) -> Ranking:
        """Every passage by decreasing cosine similarity to the question."""
        if self.embeddings is None:
            raise RuntimeError("this index has no embeddings: load it with dense=True")
        q = embed([question])[0] if query_vector is None else query_vector  # (384,)
        scores = self.embeddings @ q  # (n_passages,): unit rows, so these are cosines
        order = np.argsort(-scores, kind="stable")[:depth]
        return Ranking(order, scores[order])

    def search_hybrid(self, question: str, depth: int | None = None,
                      query_vector: np.ndarray | None = None) -> Ranking:
        """Reciprocal-rank fusion (k = 60) of the BM25 and dense rankings' top passages."""
        lexical = self.search_bm25(question, FUSION_DEPTH)
        semantic = self.search_dense(question, FUSION_DEPTH, query_vector)
        ids, scores = reciprocal_rank_fusion([lexical.ids.tolist(), semantic.ids.tolist()], k=60)
        return Ranking(ids[:depth], scores[:depth])

    def search(self, question: str, method: Method, depth: int | None = None) -> Ranking:
        if method == "bm25":
            return self.search_bm25(question, depth)
        if method == "dense":
            return self.search_dense(question, depth)
        if method == "hybrid":
            return self.search_hybrid(question, depth)
        raise ValueError(f"method must be 'bm25', 'dense' or 'hybrid', got {method!r}")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # a reader never sees a half-written file


def _save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)


def _save_npy(path: Path, array: np.ndarray) -> None:
    tmp = path.with_name(path.name + ".tmp.npy")
    np.save(tmp, array)
    os.replace(tmp, path)


def _previous_embeddings(folder: Path) -> dict[str, np.ndarray]:
    """The cached vectors of the last corpus, by passage text (empty when there are none)."""
    try:
        meta = json.loads((folder / "meta.json").read_text())
        old = json.loads((folder / "passages.json").read_text())
        vectors = np.load(folder / "embeddings.npy")
        if meta.get("model") != MODEL_NAME or vectors.shape != (len(old), DIM):
            return {}
        return {Passage(**p).search_text: v for p, v in zip(old, vectors, strict=True)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def load_index(workspace_root: Path | None, dense: bool | Literal["auto"] = "auto",
               passages: list[Passage] | None = None, cache_dir: Path | None = None) -> Index:
    """The index of the course (and the workspace's notes), from the cache when it is current.

    Parameters
    ----------
    workspace_root : Path or None
        Where to cache (``<root>/.groundup/rag/``); ``None`` builds in memory only.
    dense : bool or "auto"
        Compute (or load) the embeddings: ``"auto"`` when the llm extra is installed.
    passages : list of Passage, optional
        The corpus (default: :func:`~groundup.rag.corpus.build_corpus` of the workspace).
    cache_dir : Path, optional
        Cache there instead of in ``<workspace_root>/.groundup/rag/``.
    """
    if passages is None:
        passages = build_corpus(workspace_root)
    if not passages:
        raise ValueError("the corpus is empty: there is nothing to index")
    want_dense = dense_available() if dense == "auto" else bool(dense)
    fingerprint = corpus_hash(passages)
    folder = Path(cache_dir) if cache_dir is not None else (
        Path(workspace_root) / INDEX_DIR if workspace_root is not None else None)

    bm25: BM25Okapi | None = None
    embeddings: np.ndarray | None = None
    built_bm25 = built_dense = False
    if folder is not None and (folder / "meta.json").is_file():
        try:
            meta = json.loads((folder / "meta.json").read_text())
            if meta.get("fingerprint") == fingerprint:
                with np.load(folder / "bm25.npz") as arrays:
                    bm25 = BM25Okapi.from_arrays(dict(arrays))
                emb_file = folder / "embeddings.npy"
                if want_dense and meta.get("model") == MODEL_NAME and emb_file.is_file():
                    embeddings = np.load(emb_file)
                    if embeddings.shape != (len(passages), DIM):
                        embeddings = None
        except (OSError, ValueError, KeyError):
            bm25, embeddings = None, None  # an unreadable cache is rebuilt, never trusted

    previous: dict[str, np.ndarray] = {}
    if bm25 is None:
        if want_dense and folder is not None:
            previous = _previous_embeddings(folder)
        bm25 = BM25Okapi([tokenize(p.search_text) for p in passages])
        built_bm25 = True
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "embeddings.npy").unlink(missing_ok=True)  # stale with the old corpus
            _write_atomic(folder / "passages.json",
                          json.dumps([asdict(p) for p in passages]).encode())
            _save_npz(folder / "bm25.npz", bm25.to_arrays())
            _write_atomic(folder / "meta.json", json.dumps(
                {"fingerprint": fingerprint, "n_passages": len(passages),
                 "model": MODEL_NAME}).encode())
    if want_dense and embeddings is None:
        texts = [p.search_text for p in passages]
        # A new note or an edited lesson changes a few passages: embed only those (encoding
        # the whole course takes minutes on a laptop, looking vectors up takes nothing).
        missing = sorted({t for t in texts if t not in previous})
        fresh = dict(zip(missing, embed(missing), strict=True))
        embeddings = np.stack([previous[t] if t in previous else fresh[t] for t in texts]
                              ).astype(np.float32)  # (n_passages, 384)
        built_dense = True
        if folder is not None:
            _save_npy(folder / "embeddings.npy", embeddings)
    return Index(passages, bm25, embeddings, fingerprint, built_bm25, built_dense)
