"""The grounded prompt: numbered sources, a question, and the rule to cite or to refuse.

A language model answers from whatever it absorbed in training, confidently and sometimes
wrongly. A *grounded* prompt puts the retrieved passages in front of it, numbered, and asks it to
use only them, to cite them as ``[1]``, ``[2]``, and to say "I don't know from these
documents." when they do not hold the answer. The citations let the reader check every claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

REFUSAL = "I don't know from these documents."
INSTRUCTIONS = (
    "Answer the question using only the sources below. Cite every source you use by its "
    "number in square brackets, like [1]. If the sources do not contain the answer, reply "
    f"exactly: {REFUSAL}"
)
_CITATION = re.compile(r"\[(\d+)\]")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def grounded_prompt(question: str, passages: Sequence[tuple[str, str]]) -> str:
    """The prompt that asks for an answer from numbered ``passages`` only.

    The format, line by line::

        <INSTRUCTIONS>
        (empty line)
        Sources:
        [1] <title 1>: <text 1>
        [2] <title 2>: <text 2>
        (empty line)
        Question: <question>
        Answer:

    Numbers start at 1. Every run of whitespace in a title, a text or the question (newlines
    included) becomes one space, and each is stripped; a passage whose title is empty is
    written ``[i] <text>``. There is no newline after ``Answer:``.

    Parameters
    ----------
    question : str
        Not blank.
    passages : list of (title, text)
        At least one; with nothing retrieved there is nothing to ground an answer on (refuse
        instead).

    Examples
    --------
    >>> print(grounded_prompt("What is 2 + 2?", [("Arithmetic", "2 + 2 = 4.")]))  # doctest: +ELLIPSIS
    Answer the question using only the sources below. ... I don't know from these documents.
    <BLANKLINE>
    Sources:
    [1] Arithmetic: 2 + 2 = 4.
    <BLANKLINE>
    Question: What is 2 + 2?
    Answer:
    """
    question = _one_line(question)
    if not question:
        raise ValueError("the question is blank")
    if len(passages) == 0:
        raise ValueError("no passages: with nothing retrieved, refuse instead of prompting")
    lines = [INSTRUCTIONS, "", "Sources:"]
    for i, (title, text) in enumerate(passages, start=1):
        title, text = _one_line(title), _one_line(text)
        lines.append(f"[{i}] {title}: {text}" if title else f"[{i}] {text}")
    lines += ["", f"Question: {question}", "Answer:"]
    return "\n".join(lines)


def should_refuse(scores: ArrayLike, threshold: float) -> bool:
    """Whether retrieval is too weak to answer: no passage, or the best score below ``threshold``.

    A best score exactly at the threshold is good enough (do not refuse).

    Parameters
    ----------
    scores : array_like of shape (n,)
        The retrieval scores of the passages (any order); may be empty.
    threshold : float

    Raises
    ------
    ValueError
        If a score or the threshold is NaN, or ``scores`` is not one-dimensional.

    Examples
    --------
    >>> should_refuse([0.2, 0.61, 0.4], 0.5), should_refuse([0.2, 0.3], 0.5), should_refuse([], 0.5)
    (False, True, True)
    """
    s = np.asarray(scores, dtype=float)
    if s.ndim != 1:
        raise ValueError(f"scores must be one-dimensional, got shape {s.shape}")
    if np.isnan(threshold) or np.isnan(s).any():
        raise ValueError("scores and threshold must not be NaN")
    return bool(s.size == 0 or s.max() < threshold)


def cited_numbers(text: str) -> list[int]:
    """The source numbers cited as ``[n]`` in ``text``, in order of first citation.

    Examples
    --------
    >>> cited_numbers("Use the mean [2], not the median [1][2].")
    [2, 1]
    """
    seen: list[int] = []
    for match in _CITATION.finditer(text):
        n = int(match.group(1))
        if n not in seen:
            seen.append(n)
    return seen
