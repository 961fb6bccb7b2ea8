"""RAG over the whole course: index build and load time, retrieval time per question, and the
recall@5 / MRR of BM25, dense and hybrid retrieval on the question set, in one run.

Run: python benchmarks/bench_rag.py [--cache DIR] [--bm25-only] [--markdown]

The index is built the way `groundup ask` builds it (lessons, hints; no notes) into --cache
(a temporary folder by default, so the build is timed; pass a folder to time the cached load on
the second run). Retrieval time is what `groundup ask` reports: the question's encoding, BM25
scoring and fusion, once the index is loaded (target: under 1 s). BM25 is also timed against
rank-bm25's BM25Okapi on the same tokens.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from groundup.rag import dense as dense_module
from groundup.rag.bm25 import tokenize
from groundup.rag.corpus import build_corpus
from groundup.rag.dense import dense_available, embed, load_encoder
from groundup.rag.eval import METHODS, evaluate, load_questions
from groundup.rag.index import load_index


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*header), "-" * (sum(widths) + 2 * len(widths) - 2),
                      *(fmt.format(*r) for r in rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="cache the index in this folder")
    parser.add_argument("--bm25-only", action="store_true", help="skip dense and hybrid")
    parser.add_argument("--markdown", action="store_true", help="print the tables in Markdown")
    args = parser.parse_args()
    dense = dense_available() and not args.bm25_only
    questions = load_questions()

    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        passages, corpus_s = _timed(build_corpus, None)
        if dense:
            _, encoder_s = _timed(load_encoder)
        index, build_s = _timed(load_index, None, dense=dense, passages=passages, cache_dir=cache)
        _, load_s = _timed(load_index, None, dense=dense, passages=passages, cache_dir=cache)
    built = "built" if index.built_bm25 or index.built_dense else "already in --cache"
    print(f"{len(passages)} passages ({corpus_s:.2f} s to read and cut the course); index "
          f"{built} ({build_s:.1f} s), then loaded from its cache in {load_s:.2f} s"
          + (f"; encoder loaded in {encoder_s:.1f} s" if dense else ""))

    rows = []
    methods = METHODS if dense else ("bm25",)
    for method in methods:
        times = []
        for q in questions:
            dense_module._MEMO.clear()  # time the question's encoding, not a look-up
            start = time.perf_counter()
            if method == "bm25":
                index.search_bm25(q.question, 5)
            else:
                vector = embed([q.question])[0]
                search = index.search_dense if method == "dense" else index.search_hybrid
                search(q.question, 5, vector)
            times.append(time.perf_counter() - start)
        rows.append([method, f"{1000 * statistics.median(times):.1f}", f"{1000 * max(times):.1f}"])
    try:
        from rank_bm25 import BM25Okapi as RankBM25

        reference = RankBM25([tokenize(p.search_text) for p in passages])
        times = [_timed(reference.get_scores, tokenize(q.question))[1] for q in questions]
        rows.append(["rank-bm25 (reference)", f"{1000 * statistics.median(times):.1f}",
                     f"{1000 * max(times):.1f}"])
    except ImportError:
        pass
    print(f"\nRetrieval time per question ({len(questions)} questions, top 5, index loaded; dense "
          "and hybrid include encoding the question)")
    print(_table(["method", "median ms", "max ms"], rows, args.markdown))

    results = evaluate(index, questions, methods)
    print(f"\nRetrieval quality on {len(questions)} questions about the course's lessons "
          "(sections, windows counted once)")
    print(_table(["method", "recall@5", "MRR"],
                 [[m, f"{r['recall@5']:.3f}", f"{r['mrr']:.3f}"] for m, r in results.items()],
                 args.markdown))
    if not dense and not args.bm25_only:
        print("dense and hybrid need the llm extra: pip install 'groundup[llm]'")


if __name__ == "__main__":
    main()
