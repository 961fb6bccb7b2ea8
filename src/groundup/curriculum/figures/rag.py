"""Figures for the RAG lessons (matplotlib, Agg backend, deterministic).

The retrieval figures run the real retrievers on a slice of the course (the lessons of
``FIGURE_LESSONS`` and the questions about them) so that they draw in seconds; dense
retrieval needs the ``llm`` extra, and without it the figures show BM25 alone and say so.
``python -m groundup.rag.eval`` evaluates the whole course.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402

FIGURE_LESSONS = ("linalg.eigen", "prob.sampling", "bayes.updating", "tree.decision_trees",
                  "forest.random_forests", "kmeans.clustering", "metrics.classification",
                  "act.depth", "cnn.pooling", "rnn.lstm")
OFF_TOPIC = ("What is the capital of France?", "How do I bake sourdough bread at home?",
             "Who won the football world cup in 2018?", "What is the best recipe for chocolate cake?",
             "How tall is Mount Everest?", "Which planet is closest to the sun?",
             "How do I change a flat tyre on a bicycle?", "What year did the Roman empire fall?",
             "Tell me about the stock market today.")
EXAMPLE_QUESTION = "How does k-means++ choose good starting centres?"
BM25_COLOR, DENSE_COLOR, HYBRID_COLOR = "tab:blue", "tab:orange", "tab:green"


@cache
def _slice() -> dict[str, Any]:
    """The index of FIGURE_LESSONS, the questions about them, and what each retriever does."""
    from groundup.curriculum import load_registry
    from groundup.rag.corpus import lesson_passages
    from groundup.rag.dense import dense_available
    from groundup.rag.eval import evaluate, load_questions
    from groundup.rag.index import load_index

    registry = load_registry()
    passages = [p for lesson_id in FIGURE_LESSONS
                for p in lesson_passages(registry.lesson(lesson_id))]
    dense = dense_available()
    index = load_index(None, dense=dense, passages=passages)
    questions = [q for q in load_questions() if q.lesson in FIGURE_LESSONS]
    methods: tuple[Any, ...] = ("bm25", "dense", "hybrid") if dense else ("bm25",)
    results = evaluate(index, questions, methods)

    def best(question: str) -> tuple[float, float | None]:
        ranking = index.search_bm25(question, 1)
        b = index.bm25_strength(question, float(ranking.scores[0])) if ranking.ids.size else 0.0
        d = float(index.search_dense(question, 1).scores[0]) if dense else None
        return b, d

    return {"index": index, "dense": dense, "questions": questions, "results": results,
            "course_best": [best(q.question) for q in questions],
            "off_best": [best(q) for q in OFF_TOPIC], "n_passages": len(passages)}


def _chunking(out_dir: Path) -> Path:
    """One lesson cut three ways: fixed windows with overlap, and sections by heading."""
    from groundup.curriculum import load_registry
    from groundup.rag.chunking import chunk_fixed, chunk_headings

    text = load_registry().lesson("prob.mle").file.read_text(encoding="utf-8")
    n_words = len(text.split())
    fig, axes = plt.subplots(2, 1, figsize=(11, 4.6), sharex=True)

    size, overlap = 120, 30
    windows = chunk_fixed(text, size, overlap)
    for i, _ in enumerate(windows):
        start = i * (size - overlap)
        length = min(size, n_words - start)
        axes[0].barh(i % 2, length, left=start, height=0.7, color=f"C{i % 10}", alpha=0.75,
                     edgecolor="black")
        axes[0].text(start + length / 2, i % 2, f"chunk {i}", ha="center", va="center",
                     fontsize=8)
        if i > 0:
            axes[0].axvspan(start, start + overlap, color="gray", alpha=0.18)
    axes[0].set(yticks=[], title=f"chunk_fixed(size={size}, overlap={overlap}): windows that "
                f"share {overlap} words (grey)")

    start = 0
    sections = chunk_headings(text)
    for i, (title, body) in enumerate(sections):
        length = len(body.split()) + len(title.split(" > ")[-1].split())
        axes[1].barh(0, length, left=start, height=0.7, color=f"C{i % 10}", alpha=0.75,
                     edgecolor="black")
        label = title.split(" > ")[-1] if " > " in title else "(intro)"
        axes[1].text(start + length / 2, 0, label, ha="center", va="center", fontsize=8,
                     rotation=0 if length > 60 else 90)
        start += length
    axes[1].set(yticks=[], xlabel="position in the lesson prob.mle (words)",
                title="chunk_headings: one passage per section, titled by its heading path")
    axes[1].set_xlim(0, max(n_words, start))
    return save(fig, out_dir, "rag_chunking.png")


def _score_distributions(out_dir: Path) -> Path:
    """Every passage's score for one question: BM25 is sparse, cosine is dense."""
    data = _slice()
    index = data["index"]
    from groundup.rag.bm25 import tokenize
    from groundup.rag.corpus import section_matches

    relevant = np.array([section_matches(p, "kmeans.clustering", "k-means++: a good start")
                         for p in index.passages])
    bm25 = index.bm25.get_scores(tokenize(EXAMPLE_QUESTION))
    n_panels = 2 if data["dense"] else 1
    fig, axes = plt.subplots(1, n_panels, figsize=(5.5 * n_panels, 3.8), squeeze=False)
    ax = axes[0, 0]
    ax.hist(bm25[~relevant], bins=30, color=BM25_COLOR, alpha=0.8, label="other passages")
    for s in bm25[relevant]:
        ax.axvline(s, color="red", lw=2, label="the passage that answers")
    ax.set(title=f"BM25: {np.mean(bm25 == 0):.0%} of passages score exactly 0",
           xlabel="BM25 score", ylabel="passages")
    ax.legend(fontsize=8)
    if data["dense"]:
        from groundup.rag.dense import embed

        cosine = index.embeddings @ embed([EXAMPLE_QUESTION])[0]
        ax = axes[0, 1]
        ax.hist(cosine[~relevant], bins=30, color=DENSE_COLOR, alpha=0.8, label="other passages")
        for s in cosine[relevant]:
            ax.axvline(s, color="red", lw=2, label="the passage that answers")
        ax.set(title="Dense: every passage gets a cosine", xlabel="cosine similarity",
               ylabel="passages")
        ax.legend(fontsize=8)
    fig.suptitle(f"“{EXAMPLE_QUESTION}” against {data['n_passages']} passages of "
                 f"{len(FIGURE_LESSONS)} lessons", fontsize=10)
    return save(fig, out_dir, "rag_scores.png")


def retrieval(out_dir: Path) -> list[Path]:
    return [_chunking(out_dir), _score_distributions(out_dir)]


def _refusal(out_dir: Path) -> Path:
    """The best passage's score for course questions and for off-topic ones."""
    from groundup.rag.ask import BM25_THRESHOLD, DENSE_THRESHOLD

    data = _slice()
    course, off = np.array(data["course_best"], dtype=float), np.array(data["off_best"], dtype=float)
    panels = [("BM25: best score / best possible", 0, BM25_THRESHOLD)]
    if data["dense"]:
        panels.append(("Dense: best cosine similarity", 1, DENSE_THRESHOLD))
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 3.6), squeeze=False)
    for ax, (title, col, threshold) in zip(axes[0], panels, strict=True):
        bins = np.linspace(0, max(1.0, float(np.nanmax(course[:, col]))), 21)
        ax.hist(course[:, col], bins=bins, alpha=0.7, color="tab:green",
                label="questions about the course")
        ax.hist(off[:, col], bins=bins, alpha=0.7, color="tab:red", label="off-topic questions")
        ax.axvline(threshold, color="black", ls="--", label=f"threshold {threshold}")
        ax.set(title=title, xlabel="score of the best passage", ylabel="questions")
        ax.legend(fontsize=8)
    return save(fig, out_dir, "rag_refusal.png")


def _metrics(out_dir: Path) -> Path:
    """Recall@5 and MRR of each retriever on the slice's questions."""
    data = _slice()
    results = data["results"]
    methods = list(results)
    colors = {"bm25": BM25_COLOR, "dense": DENSE_COLOR, "hybrid": HYBRID_COLOR}
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    for ax, metric in zip(axes, ("recall@5", "mrr"), strict=True):
        values = [results[m][metric] for m in methods]
        ax.bar(methods, values, color=[colors[m] for m in methods])
        for i, v in enumerate(values):
            ax.text(i, v + 0.02, f"{v:.2f}", ha="center", fontsize=9)
        ax.set(ylim=(0, 1.1), title=metric.replace("mrr", "MRR"), ylabel=metric)
    note = "" if data["dense"] else " (dense and hybrid need the llm extra)"
    fig.suptitle(f"{len(data['questions'])} questions, {data['n_passages']} passages of "
                 f"{len(FIGURE_LESSONS)} lessons{note}", fontsize=10)
    return save(fig, out_dir, "rag_metrics.png")


def grounded(out_dir: Path) -> list[Path]:
    return [_refusal(out_dir), _metrics(out_dir)]
