"""Exercise tok.bpe_train: learn byte-pair encoding merges.

Run `groundup lesson tok.tokenizers` for the lesson, `groundup check tok.bpe_train` to check.
"""


def bpe_train(text: str, vocab_size: int) -> list[tuple[int, int]]:
    r"""Learn byte-level BPE merges from ``text``, as GPT-2's tokenizer does.

    1. ``ids = list(text.encode("utf-8"))``: the ids 0..255 are the bytes.
    2. Count every adjacent pair ``(ids[i], ids[i + 1])`` (overlapping: ``a a a`` holds
       ``(a, a)`` twice).
    3. Take the most frequent pair; on a tie, the smallest pair (compare the first id, then
       the second). It becomes the new id :math:`256 + r` for the :math:`r`-th merge.
    4. Replace its occurrences from left to right, without overlap (``a a a`` becomes
       ``X a``), and go back to 2.

    Stop after ``vocab_size - 256`` merges, or earlier when fewer than two ids are left.

    Parameters
    ----------
    text : str
    vocab_size : int
        At least 256.

    Returns
    -------
    list of (int, int)
        ``merges[r]`` is the pair that became id ``256 + r``.

    Raises
    ------
    ValueError
        If vocab_size < 256.

    Examples
    --------
    >>> bpe_train("aaabdaaabac", 259)     # 'a' = 97, 'b' = 98
    [(97, 97), (97, 98), (256, 257)]
    """
    # TODO: the loop above; collections.Counter counts pairs in one line.
    raise NotImplementedError
