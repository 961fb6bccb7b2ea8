"""`groundup ask` end to end, in-process through typer's CliRunner, in real workspaces.

Encoding the whole course with MiniLM takes minutes on 2 busy cores, so when the ``llm`` extra
is installed the corpus is cut to the lessons of the RAG figures (plus the workspace's notes);
the BM25-only tests hide the extra and use the whole course. `benchmarks/bench_rag.py`
measures the speed on the whole course.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import groundup.cli as cli_module
import groundup.rag.ask as ask_module
import groundup.rag.index as index_module
from groundup.cli import app
from groundup.curriculum import load_registry
from groundup.curriculum.figures.rag import FIGURE_LESSONS
from groundup.rag.ask import llm_available
from groundup.rag.corpus import lesson_passages, note_passages, read_notes
from groundup.rag.dense import dense_available
from groundup.rag.prompt import REFUSAL
from groundup.workspace import Workspace

REGISTRY = load_registry()
SWALLOW = "what is the airspeed of an unladen swallow"
FOOTER = re.compile(r"(bm25|hybrid) retrieval, (\d+) passages, (\d+) ms")
runner = CliRunner()


def ask(root, *args):
    prefix = ["--workspace", str(root)] if root is not None else []
    result = runner.invoke(app, [*prefix, "ask", *args])
    return result, " ".join(result.output.split())  # rich wraps long lines: compare words


def retrieval_ms(text):
    match = FOOTER.search(text)
    assert match, text
    return int(match.group(3))


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    monkeypatch.setattr(cli_module.console, "width", 200)


@pytest.fixture
def ws(tmp_path):
    workspace, _ = Workspace.init(tmp_path / "ws", REGISTRY)
    return workspace.root


@pytest.fixture
def bm25_only(monkeypatch):
    """As if the llm extra were not installed."""
    monkeypatch.setattr(index_module, "dense_available", lambda: False)
    monkeypatch.setattr(ask_module, "llm_available", lambda: False)


@pytest.fixture(scope="module")
def slice_ws(tmp_path_factory):
    """One workspace for the dense tests: its index is built once and reused."""
    workspace, _ = Workspace.init(tmp_path_factory.mktemp("slice") / "ws", REGISTRY)
    return workspace.root


@pytest.fixture
def course_slice(monkeypatch):
    if not dense_available():
        pytest.skip("dense retrieval needs the llm extra")
    lessons = [p for lesson in FIGURE_LESSONS for p in lesson_passages(REGISTRY.lesson(lesson))]

    def build_corpus(workspace_root=None, registry=None):
        return lessons + note_passages(read_notes(workspace_root))

    monkeypatch.setattr(index_module, "build_corpus", build_corpus)


def test_bm25_only_prints_passages_with_citations(ws, bm25_only):
    result, out = ask(ws, "Why does a random forest train each tree on a bootstrap sample?",
                      "-k", "3", "--no-llm")
    assert result.exit_code == 0, result.output
    assert "The best passages:" in out
    assert "[1] forest.random_forests § " in out and "(groundup lesson forest.random_forests)" in out
    assert "[3] " in out and "[4] " not in out
    assert "bm25 retrieval, 3 passages" in out
    assert "index was (re)built" in out
    # the second question reuses the cached index and retrieves in well under a second
    result, out = ask(ws, "How does power iteration find the largest eigenvalue?", "--no-llm")
    assert result.exit_code == 0 and "(re)built" not in out
    assert "[1] linalg.eigen § " in out
    ms = retrieval_ms(out)
    print(f"BM25 retrieval with the cached index: {ms} ms")
    assert ms < 1000


def test_bm25_only_refuses_a_question_the_course_cannot_answer(ws, bm25_only):
    result, out = ask(ws, SWALLOW, "--no-llm")
    assert result.exit_code == 0
    assert REFUSAL in out


def test_without_the_extra_ask_says_how_to_install_it(ws, bm25_only):
    result, out = ask(ws, "What is a confusion matrix?")
    assert result.exit_code == 0
    assert "pip install 'groundup[llm]'" in out and "best passages" in out


def test_outside_a_workspace_the_course_alone(tmp_path, bm25_only, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GROUNDUP_WORKSPACE", raising=False)
    result, out = ask(None, "What does transposing a matrix do to its shape?", "--no-llm")
    assert result.exit_code == 0, result.output
    assert "(groundup lesson linalg.matrices)" in out
    assert "outside a workspace the index is built for each question" in out
    assert not (tmp_path / ".groundup").exists()


@pytest.mark.parametrize("question", ["", "   "])
def test_blank_question_is_a_usage_error(ws, question):
    result, out = ask(ws, question)
    assert result.exit_code == 2
    assert "error: the question is blank" in out


def test_k_out_of_range_is_rejected(ws):
    result, _ = ask(ws, "What is a tensor?", "-k", "0")
    assert result.exit_code == 2


def test_a_note_can_be_retrieved(ws, bm25_only):
    text = "Quuxly reminder: BM25 saturates the term frequency, k1 sets how fast."
    noted = runner.invoke(app, ["--workspace", str(ws), "note", "rag", text])
    assert noted.exit_code == 0, noted.output
    result, out = ask(ws, "what was my quuxly reminder?", "-k", "2", "--no-llm")
    assert result.exit_code == 0
    assert "[1] rag § Your note on rag" in out and "(groundup note rag)" in out
    assert "Quuxly reminder" in out


def test_hybrid_retrieval_is_fast_once_cached_and_refuses_nonsense(slice_ws, course_slice):
    result, out = ask(slice_ws, "How does k-means++ choose good starting centres?", "--no-llm")
    assert result.exit_code == 0, result.output
    assert "hybrid retrieval, 5 passages" in out and "kmeans.clustering §" in out
    result, out = ask(slice_ws, "What does the forget gate of an LSTM decide?", "--no-llm")
    assert result.exit_code == 0 and "(re)built" not in out
    assert "[1] rnn.lstm §" in out
    ms = retrieval_ms(out)
    print(f"hybrid retrieval with the cached index: {ms} ms")
    assert ms < 1000
    result, out = ask(slice_ws, SWALLOW, "--no-llm")
    assert result.exit_code == 0 and REFUSAL in out and "weak matches" in out


@pytest.mark.skipif(not llm_available(), reason="generation needs the llm extra (llama-cpp-python)")
def test_generated_answer_lists_its_sources(slice_ws, course_slice, monkeypatch):
    monkeypatch.setattr(ask_module, "MAX_TOKENS", 24)  # a short answer keeps the test fast
    result, out = ask(slice_ws, "Why does a random forest use bootstrap samples?", "-k", "2")
    assert result.exit_code == 0, result.output
    assert "Answer (SmolLM2, from the sources below)" in out
    assert "Sources" in out and "[1] forest.random_forests §" in out
    answer_text = out.split("Answer (SmolLM2, from the sources below)")[1].split("Sources")[0]
    assert len(answer_text.strip(" ─│╭╮╰╯")) > 10  # the model wrote something
    # a weak question is refused before the model runs
    result, out = ask(slice_ws, SWALLOW, "-k", "2")
    assert result.exit_code == 0 and REFUSAL in out and "SmolLM2" not in out
