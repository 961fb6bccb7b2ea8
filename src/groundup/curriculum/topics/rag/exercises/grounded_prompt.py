"""Exercise rag.grounded_prompt: the prompt that makes a model answer from numbered sources.

Run `groundup lesson rag.grounded` for the lesson, `groundup check rag.grounded_prompt` to check.
"""

INSTRUCTIONS = (
    "Answer the question using only the sources below. Cite every source you use by its "
    "number in square brackets, like [1]. If the sources do not contain the answer, reply "
    "exactly: I don't know from these documents."
)


def grounded_prompt(question: str, passages: list[tuple[str, str]]) -> str:
    """The prompt that asks for an answer from the numbered ``passages`` only.

    The format, line by line (``INSTRUCTIONS`` is defined above)::

        <INSTRUCTIONS>
        (an empty line)
        Sources:
        [1] <title 1>: <text 1>
        [2] <title 2>: <text 2>
        (an empty line)
        Question: <question>
        Answer:

    Numbers start at 1, in the order of ``passages``. In every title, text and the question,
    each run of whitespace (newlines included) becomes one space, and the ends are stripped. A
    passage whose title is empty (after that) is written ``[i] <text>``. There is no newline
    after ``Answer:``.

    Parameters
    ----------
    question : str
        Not blank.
    passages : list of (title, text)
        At least one.

    Raises
    ------
    ValueError
        If the question is blank or there is no passage.

    Examples
    --------
    >>> print(grounded_prompt("What is 2 + 2?", [("Arithmetic", "2 + 2 = 4.")]))
    Answer the question using only the sources below. Cite every source you use by its number in square brackets, like [1]. If the sources do not contain the answer, reply exactly: I don't know from these documents.
    <BLANKLINE>
    Sources:
    [1] Arithmetic: 2 + 2 = 4.
    <BLANKLINE>
    Question: What is 2 + 2?
    Answer:
    """
    # TODO: validate, clean the strings, number the passages from 1, join the lines.
    raise NotImplementedError
