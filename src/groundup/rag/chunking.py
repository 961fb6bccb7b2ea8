"""Cutting documents into passages: fixed windows with overlap, sentences, Markdown sections.

A retriever ranks *passages*, not whole documents: a lesson of 2,000 words answers many
questions, each in one place. Three ways of cutting:

- :func:`chunk_fixed`: windows of ``size`` words (or characters) that start every
  ``size - overlap`` units, so that a sentence cut at one window's edge is whole in the next;
- :func:`chunk_sentences`: whole sentences packed greedily up to ``max_words`` words;
- :func:`chunk_headings`: one passage per Markdown section, titled by its heading *path*
  (``"Maximum likelihood > Bernoulli"``), so that a passage says where it comes from.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^(#{1,6}) (.+)$")
FENCE = re.compile(r"^(```|~~~)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PATH_SEPARATOR = " > "


def chunk_fixed(text: str, size: int, overlap: int = 0, unit: str = "words") -> list[str]:
    r"""Cut ``text`` into windows of ``size`` units, consecutive windows sharing ``overlap``.

    Window :math:`i` covers units :math:`[i s, i s + \text{size})` with stride
    :math:`s = \text{size} - \text{overlap}`; the last window is the first one that reaches
    the end of the text, so every unit is in at least one window and no window is empty.

    Parameters
    ----------
    text : str
    size : int
        Units per window, ``>= 1``.
    overlap : int
        Units shared by consecutive windows, ``0 <= overlap < size``.
    unit : {"words", "chars"}
        ``"words"``: split on whitespace (``text.split()``) and join each window's words with
        one space. ``"chars"``: slice the string itself, whitespace included.

    Returns
    -------
    list of str
        Empty when the text has no units.

    Examples
    --------
    >>> chunk_fixed("a b c d e", size=3, overlap=1)
    ['a b c', 'c d e']
    """
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}")
    if not isinstance(overlap, int) or not 0 <= overlap < size:
        raise ValueError(f"overlap must be an integer with 0 <= overlap < size = {size}, "
                         f"got {overlap!r}")
    if unit not in ("words", "chars"):
        raise ValueError(f"unit must be 'words' or 'chars', got {unit!r}")
    units: list[str] | str = text.split() if unit == "words" else text
    step = size - overlap
    chunks = []
    for start in range(0, len(units), step):
        window = units[start:start + size]
        chunks.append(" ".join(window) if unit == "words" else "".join(window))
        if start + size >= len(units):
            break
    return chunks


def split_sentences(text: str) -> list[str]:
    """Split text after ``.``, ``!`` or ``?`` followed by whitespace (a simple rule that is
    wrong for "e.g. this", which is good enough for lessons and cheap to explain).

    Examples
    --------
    >>> split_sentences("One. Two!  Three?")
    ['One.', 'Two!', 'Three?']
    """
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def chunk_sentences(text: str, max_words: int) -> list[str]:
    """Pack whole sentences greedily into passages of at most ``max_words`` words.

    A sentence longer than ``max_words`` becomes a passage of its own (it is never cut).

    Examples
    --------
    >>> chunk_sentences("A b c. D e. F g h i.", max_words=5)
    ['A b c. D e.', 'F g h i.']
    """
    if not isinstance(max_words, int) or max_words < 1:
        raise ValueError(f"max_words must be a positive integer, got {max_words!r}")
    chunks: list[str] = []
    current: list[str] = []
    n_words = 0
    for sentence in split_sentences(text):
        length = len(sentence.split())
        if current and n_words + length > max_words:
            chunks.append(" ".join(current))
            current, n_words = [], 0
        current.append(sentence)
        n_words += length
    if current:
        chunks.append(" ".join(current))
    return chunks


def chunk_headings(markdown: str) -> list[tuple[str, str]]:
    """Split Markdown into sections, each titled by the path of headings above it.

    A heading is a line that starts with 1 to 6 ``#`` followed by a space; its level is the
    number of ``#``. A heading of level L closes every open heading of level >= L, so the
    path is the chain of enclosing headings joined by ``" > "``. Lines inside fenced code
    blocks (between lines starting with three backticks or tildes) are never headings: a
    Python ``# comment`` there is code. The text before the first heading has the title ``""``.
    A section's body is its lines joined with newlines, stripped; sections whose body is empty
    are left out.

    Returns
    -------
    list of (title, body) tuples, in document order.

    Examples
    --------
    >>> chunk_headings("# A\\nintro\\n## B\\nbody")
    [('A', 'intro'), ('A > B', 'body')]
    """
    if not isinstance(markdown, str):
        raise TypeError(f"markdown must be a str, got {type(markdown).__name__}")
    sections: list[tuple[str, str]] = []
    path: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def flush() -> None:
        body = "\n".join(lines).strip()
        if body:
            sections.append((PATH_SEPARATOR.join(title for _, title in path), body))
        lines.clear()

    for line in markdown.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        flush()
        level = len(match.group(1))
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, match.group(2).strip()))
    flush()
    return sections
