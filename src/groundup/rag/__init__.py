"""Retrieval-augmented generation over the course itself.

Chunking (:mod:`~groundup.rag.chunking`), BM25 from scratch (:mod:`~groundup.rag.bm25`), dense
retrieval with MiniLM embeddings (:mod:`~groundup.rag.dense`), reciprocal-rank fusion
(:mod:`~groundup.rag.hybrid`), grounded prompts with numbered citations
(:mod:`~groundup.rag.prompt`), the course corpus and its cached index
(:mod:`~groundup.rag.corpus`, :mod:`~groundup.rag.index`), ``groundup ask``
(:mod:`~groundup.rag.ask`) and the retrieval evaluation (:mod:`~groundup.rag.eval`).

Only NumPy is needed for BM25 retrieval; dense retrieval and generation need the optional
extra ``pip install 'groundup[llm]'`` and are imported lazily.
"""

from __future__ import annotations

LLM_EXTRA_HINT = "pip install 'groundup[llm]'"


class MissingExtraError(ImportError):
    """An optional package of the ``llm`` extra is not installed; the message says which."""


__all__ = ["LLM_EXTRA_HINT", "MissingExtraError"]
