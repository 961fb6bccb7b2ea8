"""Exercise llm.few_shot: a few-shot prompt builder.

Run `groundup lesson llm.prompting` for the lesson, `groundup check llm.few_shot` to check.
"""


def few_shot_prompt(instruction: str, examples: list[tuple[str, str]], query: str,
                    input_label: str = "Input", output_label: str = "Output") -> str:
    r"""A few-shot prompt: the instruction, worked examples, and the query left open.

    The prompt is made of blocks separated by one blank line (``"\n\n"``):

    * the instruction (left out when it is the empty string),
    * one block per example ``(x, y)``: ``"Input: x\nOutput: y"``,
    * the query block ``"Input: query\nOutput:"``, with *no* space after the last colon.

    (``Input`` and ``Output`` are ``input_label`` and ``output_label``.)

    Parameters
    ----------
    instruction : str
        What to do; ``""`` for none.
    examples : list of (str, str)
        Worked examples ``(input, output)``; may be empty (a zero-shot prompt).
    query : str
        The input whose output the model should write.
    input_label, output_label : str
        The labels of the two lines.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If an example is not a pair of strings.

    Examples
    --------
    >>> print(few_shot_prompt("Add.", [("2 + 2", "4")], "3 + 3"))
    Add.
    <BLANKLINE>
    Input: 2 + 2
    Output: 4
    <BLANKLINE>
    Input: 3 + 3
    Output:
    """
    # TODO: check the examples, build the blocks, join them with a blank line.
    raise NotImplementedError
