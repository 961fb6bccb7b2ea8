"""Exercise rag.chunk_headings: split Markdown into sections titled by their heading path.

Run `groundup lesson rag.retrieval` for the lesson, `groundup check rag.chunk_headings` to check.
"""


def chunk_headings(markdown: str) -> list[tuple[str, str]]:
    """Split Markdown into sections, each titled by the path of headings above it.

    Rules:

    - A heading is a line that starts with 1 to 6 ``#`` followed by a space; its level is the
      number of ``#`` and its title the rest of the line, stripped.
    - A heading of level L closes every open heading of level >= L; a section's title is the
      chain of open headings' titles joined by ``" > "``.
    - Lines inside fenced code blocks (between lines that start with three backticks or three
      tildes) are never headings: a Python ``# comment`` there is code.
    - The text before the first heading is a section titled ``""``.
    - A section's body is its lines (the heading line excluded) joined with ``"\\n"`` and
      stripped; sections whose body is empty are left out.

    Returns
    -------
    list of (title, body) tuples, in document order.

    Examples
    --------
    >>> chunk_headings("# MLE\\nintro\\n## Bernoulli\\np = k / n\\n## Normal\\ndivide by n")
    [('MLE', 'intro'), ('MLE > Bernoulli', 'p = k / n'), ('MLE > Normal', 'divide by n')]
    """
    # TODO: walk the lines with a stack of (level, title) and a flag for code fences.
    raise NotImplementedError
