"""Checks for the RAG exercises, against independent references.

BM25 against the ``rank-bm25`` package; Markdown sections against ``markdown-it-py`` (the
CommonMark parser that rich uses) on inputs where the exercise's simple heading rule and
CommonMark agree; cosine top-k against scikit-learn's ``cosine_similarity``; reciprocal-rank
fusion against a pandas group-by; fixed windows, the prompt and the metrics against short
implementations written here, differently from the library's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies, summarize

# ----------------------------------------------------------------------------------------------
# helpers


def _same_list(reference: Callable[..., Any], hidden: bool = False,
               what: str = "chunk") -> Callable[[Case, Any], str | None]:
    """A predicate: the learner's list equals the reference's, item by item."""

    def predicate(case: Case, value: Any) -> str | None:
        expected = [tuple(x) if isinstance(x, tuple) else x
                    for x in reference(*case.args, **case.kwargs)]
        if value is None:
            return "your function returned None: did you forget `return`?"
        if not isinstance(value, (list, tuple)):
            return f"expected a list, but your function returned {type(value).__name__}"
        received = [tuple(x) if isinstance(x, (list, tuple)) else x for x in value]
        if len(received) != len(expected):
            if hidden:
                return f"expected a different number of {what}s; yours has {len(received)}"
            return f"expected {len(expected)} {what}s, received {len(received)}"
        for i, (e, r) in enumerate(zip(expected, received, strict=True)):
            if e != r:
                if hidden:
                    return f"{what} {i} differs from the reference"
                return f"{what} {i} differs: expected {summarize(e)}, received {summarize(r)}"
        return None

    return predicate


def _words(rng: np.random.Generator, n: int) -> str:
    vocab = ["the", "model", "learns", "from", "data", "and", "a", "loss", "falls", "slowly",
             "gradient", "steps", "downhill", "every", "epoch"]
    return " ".join(rng.choice(vocab, size=n))


# ----------------------------------------------------------------------------------------------
# chunk_fixed


def _fixed_reference(text: str, size: int, overlap: int = 0, unit: str = "words") -> list[str]:
    units = text.split() if unit == "words" else list(text)
    if not units:
        return []
    step = size - overlap
    n_chunks = 1 + max(0, math.ceil((len(units) - size) / step))
    join = " ".join if unit == "words" else "".join
    return [join(units[i * step:i * step + size]) for i in range(n_chunks)]


def chunk_fixed() -> list[Check]:
    rng = np.random.default_rng(0)
    sentence = "one two three four five six seven eight nine ten"
    long_text = _words(rng, 137)
    hidden_text = _words(rng, 251) + "\n\n" + _words(rng, 40)
    same = satisfies(_same_list(_fixed_reference))
    return [
        Check("windows of words without overlap",
              [Case(sentence, 4), Case(sentence, 5), Case(sentence, 3, 0)], expect=same,
              hint="Split with text.split(); windows start at 0, size, 2*size, ... and the last "
                   "one may be shorter."),
        Check("windows of words with overlap",
              [Case(sentence, 4, 1), Case(sentence, 4, 2), Case(sentence, 3, 2),
               Case(long_text, 50, 10)], expect=same,
              hint="Consecutive windows start size - overlap apart; stop after the first window "
                   "that reaches the last word (no window made only of overlap)."),
        Check("windows of characters",
              [Case("abcdefghij", 4, 1, unit="chars"), Case("hello  world\n", 5, 2, unit="chars")],
              expect=same,
              hint="With unit='chars' slice the string itself, whitespace included."),
        Check("short and empty text",
              [Case("just three words", 10, 3), Case("", 5, 1), Case("   \n ", 3),
               Case("a b c d e", 5, 4)],
              expect=same,
              hint="A text shorter than one window gives one chunk; a text with no words gives []."),
        Check("invalid size or overlap",
              [Case(sentence, 0), Case(sentence, 3, 3), Case(sentence, 3, -1),
               Case(sentence, 3, 1, unit="lines")],
              expect=raises(ValueError),
              hint="Raise ValueError unless size >= 1, 0 <= overlap < size and unit is 'words' "
                   "or 'chars'."),
        Check("a long document", [Case(hidden_text, 64, 16), Case(hidden_text, 100, 99),
                                  Case(hidden_text, 7, 0, unit="chars")],
              expect=satisfies(_same_list(_fixed_reference, hidden=True)), hidden=True,
              hint="Check the stride (size - overlap) and where the last window stops."),
    ]


# ----------------------------------------------------------------------------------------------
# chunk_headings, against markdown-it-py


def _sections_reference(markdown: str) -> list[tuple[str, str]]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    lines = markdown.splitlines()
    headings = []  # (line, level, title)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map is not None:
            headings.append((tok.map[0], int(tok.tag[1]), tokens[i + 1].content.strip()))
    out = []
    starts = [-1] + [h[0] for h in headings]
    ends = [h[0] for h in headings] + [len(lines)]
    path: list[tuple[int, str]] = []
    for j, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if j > 0:
            _, level, title = headings[j - 1]
            path = [p for p in path if p[0] < level] + [(level, title)]
        body = "\n".join(lines[start + 1:end]).strip()
        if body:
            out.append((" > ".join(t for _, t in path), body))
    return out


LESSON_MD = """# Maximum likelihood

You flip a coin.

## Likelihood

The probability of the data.

## Bernoulli

k heads in n flips.

### In code

```python
# this is a comment, not a heading
p_hat = k / n
```

## Normal
Divide by n.
"""


def chunk_headings() -> list[Check]:
    same = satisfies(_same_list(_sections_reference, what="section"))
    skipping = "# A\n### deep\ntext\n## B\nmore\n# C\nlast\n"
    preamble = "Some text before any heading.\n\n# Title\nbody\n"
    empty = "# A\n## B\n### C\nonly here\n## D\n\n"
    code = "# Setup\n```\n# pip install groundup\n## not a heading either\n```\n## Next\nok\n"
    tildes = "# T\n~~~\n# inside\n~~~\ntext after\n"
    not_headings = "#hashtag is not a heading\n####### seven is not a heading\nplain\n"
    rng = np.random.default_rng(3)
    levels = rng.integers(1, 5, size=12)
    generated = "\n".join(f"{'#' * int(lv)} Heading {i}\n{_words(rng, 8)}\n"
                          for i, lv in enumerate(levels))
    return [
        Check("a lesson", [Case(LESSON_MD)], expect=same,
              hint="Keep a stack of (level, title); a heading of level L pops every entry of "
                   "level >= L before it is pushed; join the titles with ' > '."),
        Check("skipped and closing levels", [Case(skipping)], expect=same,
              hint="A '#' heading after '###' closes both the '###' and the '##' above it."),
        Check("text before the first heading", [Case(preamble)], expect=same,
              hint="Text before any heading is a section titled ''."),
        Check("empty sections are left out", [Case(empty), Case("")], expect=same,
              hint="A heading directly followed by another heading has an empty body: skip it "
                   "(after stripping)."),
        Check("code fences", [Case(code), Case(tildes)], expect=same,
              hint="Inside ``` or ~~~ fences a line starting with '#' is code: toggle a flag on "
                   "every fence line and match headings only outside."),
        Check("lines that are not headings", [Case(not_headings)], expect=same,
              hint="A heading is 1 to 6 '#' followed by a space."),
        Check("a long generated document", [Case(generated)],
              expect=satisfies(_same_list(_sections_reference, hidden=True, what="section")),
              hidden=True, hint="Check how the path changes when the level goes up and down."),
    ]


# ----------------------------------------------------------------------------------------------
# BM25, against rank-bm25


def _rank_bm25(corpus: Sequence[Sequence[str]], query: Sequence[str], k1: float = 1.5,
               b: float = 0.75, epsilon: float = 0.25) -> np.ndarray:
    from rank_bm25 import BM25Okapi

    return np.asarray(BM25Okapi([list(d) for d in corpus], k1=k1, b=b,
                                epsilon=epsilon).get_scores(list(query)), dtype=float)


def _random_corpus(rng: np.random.Generator, n_docs: int, vocab_size: int,
                   max_len: int) -> list[list[str]]:
    vocab = [f"w{i}" for i in range(vocab_size)]
    return [list(rng.choice(vocab, size=int(rng.integers(1, max_len + 1)))) for _ in range(n_docs)]


def bm25() -> list[Check]:
    rng = np.random.default_rng(4)
    docs = [["cat", "sat", "on", "mat"], ["dog", "sat", "on", "log"], ["cat", "chased", "dog"],
            ["bird", "flew"]]
    corpus = _random_corpus(rng, 12, 15, 10)
    common = [["a", "x"], ["a", "y"], ["a", "z"], ["a", "a"], ["b"]]  # "a" in 4 of 5: negative idf
    hidden = _random_corpus(rng, 40, 30, 25)
    return [
        Check("a small corpus", [Case(docs, ["cat"]), Case(docs, ["dog", "sat"]),
                                 Case(docs, ["fish"])],
              expect=close_to(_rank_bm25, rtol=1e-9),
              hint="idf(t) = log(N - n_t + 0.5) - log(n_t + 0.5); each query term adds "
                   "idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len / avglen))."),
        Check("repeated query terms count twice", [Case(docs, ["cat", "cat"]),
                                                   Case(corpus, ["w1", "w2", "w1"])],
              expect=close_to(_rank_bm25, rtol=1e-9),
              hint="Loop over the query as given, duplicates included (like rank-bm25)."),
        Check("the idf floor for very common terms", [Case(common, ["a"]), Case(common, ["a", "b"])],
              expect=close_to(_rank_bm25, rtol=1e-9),
              hint="A term in more than half of the documents has a negative idf: replace it by "
                   "epsilon * (the mean idf over the whole vocabulary, negatives included)."),
        Check("random corpora", [Case(corpus, list(rng.choice([f"w{i}" for i in range(17)], 4)))
                                 for _ in range(3)],
              expect=close_to(_rank_bm25, rtol=1e-9),
              hint="Document length is the number of tokens, duplicates included; avglen is "
                   "the mean over the documents."),
        Check("other k1, b and epsilon", [Case(corpus, ["w3", "w4"], k1=1.2, b=0.5, epsilon=0.1),
                                          Case(common, ["a"], k1=2.0, b=1.0, epsilon=0.5),
                                          Case(docs, ["sat"], k1=0.5, b=0.0)],
              expect=close_to(_rank_bm25, rtol=1e-9),
              hint="Use the k1, b and epsilon you are given, not the defaults."),
        Check("an empty corpus", [Case([], ["a"]), Case([[], []], ["a"])], expect=raises(ValueError),
              hint="Raise ValueError when there is no document or no token at all."),
        Check("a larger corpus", [Case(hidden, list(rng.choice([f"w{i}" for i in range(32)], 5)))
                                  for _ in range(3)],
              expect=close_to(_rank_bm25, rtol=1e-9, hidden=True), hidden=True,
              hint="Compare each piece (idf, the floor, the length normalisation) with the "
                   "formula in the lesson."),
    ]


# ----------------------------------------------------------------------------------------------
# cosine top-k, against scikit-learn


def _cosine_reference(query: np.ndarray, docs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.metrics.pairwise import cosine_similarity

    scores = cosine_similarity(np.asarray(docs, float), np.asarray(query, float)[None, :])[:, 0]
    order = np.argsort(-scores, kind="stable")[:k]
    return order, scores[order]


def _top_k_predicate(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        expected = _cosine_reference(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "return a tuple (indices, scores)"
        msg = compare_values(expected[0], value[0], rtol=0, atol=0, hidden=hidden,
                             what="indices")
        if msg is None and np.asarray(value[0]).dtype.kind not in "iu":
            msg = "the indices should be integers (np.argsort returns them)"
        return msg or compare_values(expected[1], value[1], rtol=1e-9, atol=1e-12,
                                     hidden=hidden, what="scores")

    return predicate


def cosine_top_k() -> list[Check]:
    rng = np.random.default_rng(5)
    docs = np.array([[0.0, 2.0], [3.0, 0.1], [1.0, 1.0], [-1.0, 0.0]])
    big = rng.normal(size=(500, 384))
    return [
        Check("a small example", [Case(np.array([1.0, 0.0]), docs, 2),
                                  Case(np.array([0.0, 1.0]), docs, 4)],
              expect=satisfies(_top_k_predicate()),
              hint="cos = (D @ q) / (||D_i|| * ||q||); then the k largest, best first."),
        Check("vectors of different lengths", [Case(rng.normal(size=8), rng.normal(size=(30, 8)) *
                                                    rng.uniform(0.1, 10, size=(30, 1)), 5)],
              expect=satisfies(_top_k_predicate()),
              hint="Cosine ignores length: divide by both norms (np.linalg.norm(D, axis=1))."),
        Check("ties keep the lower index first",
              [Case(np.array([1.0, 1.0]), np.array([[1.0, 0.0], [2.0, 2.0], [0.0, 1.0],
                                                     [1.0, 1.0]]), 4)],
              expect=satisfies(_top_k_predicate()),
              hint="np.argsort(-scores, kind='stable') keeps equal scores in index order."),
        Check("k = 1 and k = n", [Case(rng.normal(size=3), rng.normal(size=(6, 3)), 1),
                                  Case(rng.normal(size=3), rng.normal(size=(6, 3)), 6)],
              expect=satisfies(_top_k_predicate()), hint="Slice the sorted order with [:k]."),
        Check("invalid input", [Case(np.ones(3), np.ones((4, 2)), 1), Case(np.ones(2), docs, 0),
                                Case(np.ones(2), docs, 5), Case(np.zeros(2), docs, 1),
                                Case(np.ones(2), np.vstack([docs, [0.0, 0.0]]), 1)],
              expect=raises(ValueError),
              hint="Raise ValueError for mismatched dimensions, k outside [1, n], or a zero "
                   "vector (cosine is undefined)."),
        Check("384-dimensional embeddings", [Case(rng.normal(size=384), big, 10)],
              expect=satisfies(_top_k_predicate(hidden=True)), hidden=True,
              hint="One matrix-vector product and one sort, no Python loop."),
    ]


# ----------------------------------------------------------------------------------------------
# reciprocal-rank fusion, against a pandas group-by


def _rrf_reference(rankings: Sequence[Sequence[int]], k: float = 60) -> tuple[np.ndarray, np.ndarray]:
    import pandas as pd

    rows = [pd.DataFrame({"doc": list(r), "rank": np.arange(1, len(r) + 1)}) for r in rankings]
    if not rows or sum(len(r) for r in rankings) == 0:
        return np.array([], dtype=np.int64), np.array([], dtype=float)
    table = pd.concat(rows, ignore_index=True)
    table["score"] = 1.0 / (k + table["rank"])
    fused = table.groupby("doc", sort=False)["score"].sum().reset_index()
    fused = fused.sort_values(["score", "doc"], ascending=[False, True], kind="stable")
    return fused["doc"].to_numpy(dtype=np.int64), fused["score"].to_numpy(dtype=float)


def _rrf_predicate(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        ids, scores = _rrf_reference(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "return a tuple (ids, scores)"
        return compare_values(ids, np.asarray(value[0]), rtol=0, atol=0, hidden=hidden,
                              what="fused order of ids") or compare_values(
            scores, np.asarray(value[1], dtype=float), rtol=1e-12, hidden=hidden, what="scores")

    return predicate


def rrf() -> list[Check]:
    rng = np.random.default_rng(6)
    many = [list(rng.permutation(40)[:int(rng.integers(5, 30))]) for _ in range(4)]
    return [
        Check("the lesson's example", [Case([[3, 1, 2], [1, 2]]), Case([[3, 1, 2], [1, 2]], k=0)],
              expect=satisfies(_rrf_predicate()),
              hint="Each document earns 1 / (k + rank) per ranking, with rank counted from 1."),
        Check("BM25 and dense rankings", [Case([[10, 4, 7, 2], [4, 2, 9, 10, 5]]),
                                          Case([[0, 1, 2], [2, 1, 0], [1, 0, 2]], k=60)],
              expect=satisfies(_rrf_predicate()),
              hint="Sum the contributions of every ranking a document appears in; sort by "
                   "decreasing score, then by increasing id."),
        Check("ties are ordered by id", [Case([[5, 8], [8, 5]]), Case([[9], [3]], k=1)],
              expect=satisfies(_rrf_predicate()),
              hint="Sort with key=lambda d: (-score[d], d)."),
        Check("edge cases", [Case([[7, 3, 1]]), Case([]), Case([[], [2]])],
              expect=satisfies(_rrf_predicate()),
              hint="One ranking keeps its order; no ranking gives empty arrays."),
        Check("invalid input", [Case([[1, 2, 1]]), Case([[1, 2]], k=-1)], expect=raises(ValueError),
              hint="Raise ValueError when a ranking repeats an id or k < 0."),
        Check("four long rankings", [Case(many), Case(many, k=10)],
              expect=satisfies(_rrf_predicate(hidden=True)), hidden=True,
              hint="Check the rank offset (from 1) and the constant k."),
    ]


# ----------------------------------------------------------------------------------------------
# the grounded prompt


def _prompt_reference(question: str, passages: Sequence[tuple[str, str]]) -> str:
    def clean(s: str) -> str:
        return " ".join(s.split())

    sources = "\n".join(
        "[{}] {}".format(i + 1, f"{clean(t)}: {clean(x)}" if clean(t) else clean(x))
        for i, (t, x) in enumerate(passages))
    return ("Answer the question using only the sources below. Cite every source you use by its "
            "number in square brackets, like [1]. If the sources do not contain the answer, "
            "reply exactly: I don't know from these documents.\n\nSources:\n"
            f"{sources}\n\nQuestion: {clean(question)}\nAnswer:")


def _prompt_predicate(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        expected = _prompt_reference(*case.args, **case.kwargs)
        if not isinstance(value, str):
            return f"return the prompt as a str, not {type(value).__name__}"
        if value == expected:
            return None
        exp_lines, rec_lines = expected.split("\n"), value.split("\n")
        for i, (e, r) in enumerate(zip(exp_lines, rec_lines, strict=False)):
            if e != r:
                if hidden:
                    return f"line {i + 1} of the prompt differs from the required format"
                return f"line {i + 1} differs:\n  expected {e!r}\n  received {r!r}"
        return (f"the prompt should have {len(exp_lines)} lines, yours has {len(rec_lines)} "
                "(no newline after 'Answer:')")

    return predicate


def grounded_prompt() -> list[Check]:
    passages = [("prob.mle § Maximum likelihood > Bernoulli", "With k heads in n flips,\n p = k / n."),
                ("prob.mle § Normal", "Divide by n,   not n - 1.")]
    rng = np.random.default_rng(7)
    many = [(f"lesson {i} § Section {i}", _words(rng, 30)) for i in range(6)]
    return [
        Check("two passages", [Case("What is the MLE of p?", passages)],
              expect=satisfies(_prompt_predicate()),
              hint="Instructions, a blank line, 'Sources:', one '[i] title: text' line per "
                   "passage from i = 1, a blank line, 'Question: ...', 'Answer:'."),
        Check("whitespace is normalised", [Case("  Why\nn?  ", [("  T ", "a\n\nb\tc ")])],
              expect=satisfies(_prompt_predicate()),
              hint="' '.join(s.split()) turns every run of whitespace into one space and strips."),
        Check("a passage without a title", [Case("Q?", [("", "untitled text"), ("T", "x")])],
              expect=satisfies(_prompt_predicate()),
              hint="With an empty title the line is '[i] text' (no colon)."),
        Check("blank question or no passages", [Case("   ", passages), Case("Q?", [])],
              expect=raises(ValueError),
              hint="Raise ValueError for a blank question, and when there is no passage: "
                   "refuse instead of prompting."),
        Check("six passages", [Case("Which lesson explains the loss?", many)],
              expect=satisfies(_prompt_predicate(hidden=True)), hidden=True,
              hint="Number every passage, from 1, in the order given."),
    ]


# ----------------------------------------------------------------------------------------------
# refusing


def _refuse_reference(scores: Any, threshold: float) -> bool:
    s = np.asarray(scores, dtype=float).reshape(-1)
    return bool(s.size == 0 or np.nanmax(s) < threshold)


def _bool_predicate(case: Case, value: Any) -> str | None:
    expected = _refuse_reference(*case.args, **case.kwargs)
    if not isinstance(value, (bool, np.bool_)):
        return f"return True or False, not {summarize(value)}"
    if bool(value) != expected:
        return f"expected {expected}, received {bool(value)}"
    return None


def should_refuse() -> list[Check]:
    rng = np.random.default_rng(8)
    return [
        Check("strong and weak retrieval", [Case([0.2, 0.61, 0.4], 0.5), Case([0.2, 0.3], 0.5),
                                            Case(np.array([0.9]), 0.3)],
              expect=satisfies(_bool_predicate),
              hint="Refuse when the *best* score is below the threshold."),
        Check("one strong passage among weak ones", [Case([0.1, 0.1, 0.1, 0.1, 0.8], 0.5)],
              expect=satisfies(_bool_predicate),
              hint="One good passage is enough to answer: compare the maximum, not the mean."),
        Check("exactly at the threshold", [Case([0.5, 0.1], 0.5)], expect=satisfies(_bool_predicate),
              hint="A best score equal to the threshold is good enough: refuse only when below."),
        Check("nothing retrieved", [Case([], 0.5), Case(np.array([]), -1.0)],
              expect=satisfies(_bool_predicate),
              hint="No passage, no answer: an empty list means refuse."),
        Check("invalid input", [Case([0.3, float("nan")], 0.5), Case([0.3], float("nan")),
                                Case(np.ones((2, 2)), 0.5)],
              expect=raises(ValueError),
              hint="Raise ValueError for NaN scores or threshold, or scores that are not 1-D."),
        Check("negative BM25 and cosine scores",
              [Case(rng.uniform(-1, 1, size=20), float(t)) for t in (-0.5, 0.0, 0.97)],
              expect=satisfies(_bool_predicate), hidden=True,
              hint="Scores can be negative; compare the maximum with the threshold."),
    ]


# ----------------------------------------------------------------------------------------------
# recall@k and MRR


def _recall_reference(ranked: Sequence[Sequence[Any]], relevant: Sequence[set[Any]], k: int) -> float:
    hits = [sum(1 for doc in rel if doc in list(r)[:k]) / len(rel)
            for r, rel in zip(ranked, relevant, strict=True)]
    return float(np.mean(hits))


def _mrr_reference(ranked: Sequence[Sequence[Any]], relevant: Sequence[set[Any]]) -> float:
    total = 0.0
    for r, rel in zip(ranked, relevant, strict=True):
        positions = [i for i, doc in enumerate(r) if doc in rel]
        total += 1.0 / (positions[0] + 1) if positions else 0.0
    return total / len(ranked)


def recall_mrr() -> list[Check]:
    rng = np.random.default_rng(9)
    ranked = [[3, 1, 2], [5, 6], [4, 8, 9, 7]]
    relevant = [{1}, {7, 6}, {9}]
    many_ranked = [list(rng.permutation(30)[:20]) for _ in range(25)]
    many_relevant = [set(rng.choice(30, size=int(rng.integers(1, 4)), replace=False).tolist())
                     for _ in range(25)]
    sections = [["mle#Normal", "mle#Bernoulli"], ["bayes#The math", "mle#Normal"]]
    return [
        Check("recall@k", [Case(ranked, relevant, 1), Case(ranked, relevant, 2),
                           Case(ranked, relevant, 5)],
              expect=close_to(_recall_reference), function="recall_at_k",
              hint="Per query: the fraction of its relevant ids among the first k; then the mean."),
        Check("recall@k with string ids", [Case(sections, [{"mle#Normal"}, {"mle#Normal"}], 1)],
              expect=close_to(_recall_reference), function="recall_at_k",
              hint="Ids can be anything hashable: section names here."),
        Check("MRR", [Case(ranked, relevant), Case([[1, 2, 3]], [{3}]), Case([[1, 2]], [{5}])],
              expect=close_to(_mrr_reference), function="mean_reciprocal_rank",
              hint="1 / rank of the *first* relevant id, ranks counted from 1; 0 when there is none."),
        Check("invalid input (recall@k)", [Case(ranked, relevant[:2], 3), Case([], [], 3),
                                           Case(ranked, [{1}, set(), {9}], 3),
                                           Case(ranked, relevant, 0)],
              expect=raises(ValueError), function="recall_at_k",
              hint="Raise ValueError for mismatched lengths, no query, an empty relevant set, "
                   "or k < 1."),
        Check("invalid input (MRR)", [Case(ranked, relevant[:1]), Case([], [])],
              expect=raises(ValueError), function="mean_reciprocal_rank",
              hint="Raise ValueError for mismatched lengths or no query."),
        Check("25 queries (recall@k)", [Case(many_ranked, many_relevant, k) for k in (1, 5, 10)],
              expect=close_to(_recall_reference, hidden=True), function="recall_at_k", hidden=True,
              hint="Divide by the number of relevant ids, not by k."),
        Check("25 queries (MRR)", [Case(many_ranked, many_relevant)],
              expect=close_to(_mrr_reference, hidden=True), function="mean_reciprocal_rank",
              hidden=True, hint="The first relevant id decides; ranks start at 1."),
    ]
