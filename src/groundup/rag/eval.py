r"""How good is retrieval? Recall@5 and MRR of BM25, dense and hybrid on the course's questions.

``questions.toml`` holds questions about the course's own lessons, each with the lesson and the
section that answers it. A retriever's ranking of passages becomes a ranking of *sections*
(windows of one section count once, at the best one's rank), and

.. math::

    \text{recall@}k = \frac{1}{|Q|}\sum_{q \in Q} \frac{|\text{top}_k(q) \cap R_q|}{|R_q|},
    \qquad
    \text{MRR} = \frac{1}{|Q|}\sum_{q \in Q} \frac{1}{\operatorname{rank}_q},

where :math:`R_q` is the set of relevant sections and :math:`\operatorname{rank}_q` the rank
(from 1) of the first relevant one, :math:`1/\operatorname{rank}_q = 0` when none is retrieved
among the first ``DEPTH``. Run ``python -m groundup.rag.eval`` for the table.
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from groundup.rag.corpus import section_matches
from groundup.rag.index import Index, Method, load_index

DEPTH = 20  # sections looked at per question for MRR
METHODS: tuple[Method, ...] = ("bm25", "dense", "hybrid")


@dataclass(frozen=True)
class Question:
    question: str
    lesson: str
    section: str


def load_questions(path: Path | None = None) -> list[Question]:
    """The question set (default: the ``questions.toml`` shipped with groundup.rag)."""
    if path is None:
        text = resources.files("groundup.rag").joinpath("questions.toml").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return [Question(q["question"], q["lesson"], q["section"])
            for q in tomllib.loads(text)["questions"]]


def _validate(ranked: Sequence[Sequence[Hashable]], relevant: Sequence[AbstractSet[Hashable]]) -> None:
    if len(ranked) != len(relevant):
        raise ValueError(f"ranked and relevant must have one entry per query: {len(ranked)} "
                         f"rankings, {len(relevant)} relevant sets")
    if len(ranked) == 0:
        raise ValueError("no queries: the mean over zero queries is undefined")
    if any(len(r) == 0 for r in relevant):
        raise ValueError("every query needs at least one relevant id")


def recall_at_k(ranked: Sequence[Sequence[Hashable]], relevant: Sequence[AbstractSet[Hashable]],
                k: int) -> float:
    r"""Mean over queries of the fraction of relevant ids found among the first ``k`` ranked.

    .. math:: \text{recall@}k = \frac{1}{|Q|}\sum_q \frac{|\{r_{q,1}, \dots, r_{q,k}\} \cap R_q|}{|R_q|}

    Parameters
    ----------
    ranked : list of lists of ids
        One ranking per query, best first (may be shorter than ``k``).
    relevant : list of sets of ids
        One non-empty set per query.
    k : int
        ``>= 1``.

    Examples
    --------
    >>> recall_at_k([[3, 1, 2], [5, 6]], [{1}, {7, 6}], k=2)
    0.75
    """
    _validate(ranked, relevant)
    if not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    return float(np.mean([len(set(r[:k]) & set(rel)) / len(rel)
                          for r, rel in zip(ranked, relevant, strict=True)]))


def mean_reciprocal_rank(ranked: Sequence[Sequence[Hashable]],
                         relevant: Sequence[AbstractSet[Hashable]]) -> float:
    r"""Mean over queries of 1 / (rank of the first relevant id), ranks from 1; 0 if none.

    Examples
    --------
    >>> mean_reciprocal_rank([[3, 1, 2], [5, 6], [4]], [{1}, {5}, {9}])
    0.5
    """
    _validate(ranked, relevant)
    reciprocal = []
    for r, rel in zip(ranked, relevant, strict=True):
        rank = next((i for i, doc in enumerate(r, start=1) if doc in rel), None)
        reciprocal.append(0.0 if rank is None else 1.0 / rank)
    return float(np.mean(reciprocal))


def section_ranking(index: Index, ids: Sequence[int] | np.ndarray, depth: int = DEPTH) -> list[str]:
    """Passage indices -> the sections they belong to, each once, at its best rank."""
    out: list[str] = []
    for i in ids:
        key = index.passages[int(i)].section_key
        if key not in out:
            out.append(key)
            if len(out) == depth:
                break
    return out


def relevant_sections(index: Index, question: Question) -> set[str]:
    return {p.section_key for p in index.passages
            if section_matches(p, question.lesson, question.section)}


def evaluate(index: Index, questions: Sequence[Question], methods: Sequence[Method] = METHODS,
             k: int = 5) -> dict[str, dict[str, float]]:
    """``{method: {"recall@k": ..., "mrr": ...}}`` on ``questions``.

    Raises ``ValueError`` when a question's section is not in the index (a renamed heading).
    """
    relevant = [relevant_sections(index, q) for q in questions]
    for q, rel in zip(questions, relevant, strict=True):
        if not rel:
            raise ValueError(f"no section {q.section!r} in lesson {q.lesson!r}: update "
                             "questions.toml")
    query_vectors: Any = None
    if any(m != "bm25" for m in methods):
        from groundup.rag.dense import embed

        query_vectors = embed([q.question for q in questions])  # (n_questions, 384)
    results: dict[str, dict[str, float]] = {}
    for method in methods:
        ranked = []
        for i, q in enumerate(questions):
            if method == "bm25":
                ranking = index.search_bm25(q.question)
            elif method == "dense":
                ranking = index.search_dense(q.question, query_vector=query_vectors[i])
            else:
                ranking = index.search_hybrid(q.question, query_vector=query_vectors[i])
            ranked.append(section_ranking(index, ranking.ids))
        results[method] = {f"recall@{k}": recall_at_k(ranked, relevant, k),
                           "mrr": mean_reciprocal_rank(ranked, relevant)}
    return results


def format_table(results: dict[str, dict[str, float]], n_questions: int) -> str:
    metrics = list(next(iter(results.values())))
    header = f"{'method':<8}" + "".join(f"{m:>11}" for m in metrics)
    lines = [f"Retrieval on {n_questions} questions about the course's lessons", header,
             "-" * len(header)]
    for method, values in results.items():
        lines.append(f"{method:<8}" + "".join(f"{values[m]:>11.3f}" for m in metrics))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m groundup.rag.eval", description=__doc__
                                     .split("\n")[0])
    parser.add_argument("--cache", type=Path, default=None,
                        help="cache the index (and its embeddings) in this folder")
    parser.add_argument("--bm25-only", action="store_true", help="skip dense and hybrid")
    parser.add_argument("-k", type=int, default=5)
    args = parser.parse_args(argv)
    from groundup.rag.dense import dense_available

    dense = dense_available() and not args.bm25_only
    # Notes are left out: the questions are about the lessons, the same for every learner.
    from groundup.rag.corpus import build_corpus

    index = load_index(None, dense=dense, passages=build_corpus(None), cache_dir=args.cache)
    methods: tuple[Method, ...] = METHODS if dense else ("bm25",)
    questions = load_questions()
    print(format_table(evaluate(index, questions, methods, args.k), len(questions)))
    if not dense and not args.bm25_only:
        print("dense and hybrid need the llm extra: pip install 'groundup[llm]'")


if __name__ == "__main__":
    main()
