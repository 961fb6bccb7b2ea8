"""Exercise tok.bpe_encode_decode: encode and decode with learned BPE merges.

Run `groundup lesson tok.tokenizers` for the lesson, `groundup check tok.bpe_encode_decode` to
check.
"""

from collections.abc import Sequence


def bpe_encode(text: str, merges: Sequence[tuple[int, int]]) -> list[int]:
    """Encode ``text``: its UTF-8 bytes, then every merge in the order it was learned
    (``merges[r]`` becomes ``256 + r``, replaced left to right without overlap).

    Examples
    --------
    >>> bpe_encode("aaabdaaabac", [(97, 97), (97, 98), (256, 257)])
    [258, 100, 258, 97, 99]
    """
    # TODO
    raise NotImplementedError


def bpe_decode(ids: Sequence[int], merges: Sequence[tuple[int, int]]) -> str:
    r"""Decode ids back to text: the bytes of every id, joined, decoded as UTF-8 (invalid
    sequences become U+FFFD: ``errors="replace"``).

    The bytes of id :math:`256 + r` are the bytes of ``merges[r][0]`` followed by those of
    ``merges[r][1]``. ``bpe_decode(bpe_encode(s, merges), merges) == s`` for every string.

    Raises
    ------
    ValueError
        If an id is not in ``[0, 256 + len(merges))``.

    Examples
    --------
    >>> bpe_decode([258, 100], [(97, 97), (97, 98), (256, 257)])
    'aaabd'
    """
    # TODO
    raise NotImplementedError
