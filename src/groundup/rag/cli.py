"""The work behind ``groundup ask "QUESTION"`` (the lead wires it into :mod:`groundup.cli`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.text import Text

from groundup.rag import MissingExtraError
from groundup.rag.ask import Answer, answer
from groundup.rag.corpus import LESSON

SNIPPET_WORDS = 60


def _snippet(text: str, n_words: int = SNIPPET_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n_words]) + (" …" if len(words) > n_words else "")


def _where(hit_passage: Any) -> str:
    """The command that opens the passage's lesson."""
    if hit_passage.kind == LESSON or hit_passage.lesson:
        return f"groundup lesson {hit_passage.lesson}"
    return f"groundup note {hit_passage.source}"


def print_answer(result: Answer, console: Console) -> None:
    if result.refused:
        console.print(Panel(Text(result.text or "I don't know from these documents."),
                            title="Answer", border_style="yellow"))
        if result.hits:
            console.print(Text("The closest passages (weak matches):", style="dim"))
    elif result.generated:
        console.print(Panel(Markdown(result.text or ""), title="Answer (SmolLM2, from the "
                                                               "sources below)",
                            border_style="green"))
        console.print(Text("Sources:" if result.cited else
                           "Sources given to the model (its answer cites none by number):",
                           style="bold"))
    else:
        console.print(Text("The best passages:", style="bold"))
    shown = result.hits if not result.generated or result.refused else result.cited or result.hits
    for hit in shown:
        console.print(Text.assemble((f"[{hit.number}] ", "bold cyan"), (hit.passage.citation, "bold"),
                                    (f"  ({_where(hit.passage)})", "dim")))
        if not result.generated or result.refused:
            console.print(Text("    " + _snippet(hit.passage.text)))
    footer = (f"{result.method} retrieval, {len(result.hits)} passages, "
              f"{result.retrieval_s * 1000:.0f} ms")
    console.print(Text(footer, style="dim"))
    for note in result.notes:
        console.print(Text(note, style="dim"))


def ask_command(question: str, workspace_root: Path | None, k: int, no_llm: bool,
                console: Console) -> int:
    """Answer ``question`` from the course and print it; returns the exit code.

    ``workspace_root`` is ``None`` outside a workspace: the course alone, nothing cached.

    0: answered (or refused: "I don't know" is an answer), 1: a missing optional package,
    2: a usage error (blank question, k < 1).
    """
    try:
        with console.status("Searching the course (the first time, the index is built)…"):
            result = answer(question, workspace_root, k=k, use_llm=False if no_llm else "auto")
    except MissingExtraError as exc:
        console.print(Text(str(exc), style="red"))  # not markup: "groundup[llm]"
        return 1
    except ValueError as exc:
        console.print(Text.assemble(("error: ", "red"), str(exc)))
        return 2
    print_answer(result, console)
    return 0
