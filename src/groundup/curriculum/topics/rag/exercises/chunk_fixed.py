"""Exercise rag.chunk_fixed: cut a text into fixed-size windows that overlap.

Run `groundup lesson rag.retrieval` for the lesson, `groundup check rag.chunk_fixed` to check.
"""


def chunk_fixed(text: str, size: int, overlap: int = 0, unit: str = "words") -> list[str]:
    r"""Cut ``text`` into windows of ``size`` units, consecutive windows sharing ``overlap``.

    Window :math:`i` covers units :math:`[i s, i s + \text{size})` with stride
    :math:`s = \text{size} - \text{overlap}`. The last window is the first one that reaches the
    end of the text (it may be shorter than ``size``): every unit is in some window, and no
    window holds only units already in the previous one.

    Parameters
    ----------
    text : str
    size : int
        Units per window, ``>= 1``.
    overlap : int
        Units shared by consecutive windows, ``0 <= overlap < size``.
    unit : {"words", "chars"}
        ``"words"``: the units are ``text.split()`` and each window's words are joined with one
        space. ``"chars"``: the units are the string's characters, whitespace included.

    Returns
    -------
    list of str
        ``[]`` when the text has no units.

    Raises
    ------
    ValueError
        If ``size < 1``, ``overlap`` is outside ``[0, size)``, or ``unit`` is unknown.

    Examples
    --------
    >>> chunk_fixed("a b c d e", size=3, overlap=1)
    ['a b c', 'c d e']
    >>> chunk_fixed("abcdefg", size=3, unit="chars")
    ['abc', 'def', 'g']
    """
    # TODO: validate, split into units, then slide a window of `size` by `size - overlap`.
    raise NotImplementedError
