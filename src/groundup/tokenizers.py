r"""Tokenizers: text to a list of integer ids and back (phase 5).

A language model reads and writes integers. A *tokenizer* fixes the vocabulary that the ids
stand for:

- :class:`CharTokenizer`: one id per distinct character seen while fitting. Tiny vocabulary,
  long sequences, and a character never seen is unknown.
- Byte-pair encoding (:func:`bpe_train`, :func:`bpe_encode`, :func:`bpe_decode`,
  :class:`BPETokenizer`), as GPT-2 does it: start from the 256 possible **bytes** of UTF-8, so
  that *every* string can be encoded, then repeatedly merge the most frequent adjacent pair of
  ids into a new id. Frequent words become single tokens; rare ones fall back to pieces, and in
  the worst case to bytes. Nothing is ever unknown, and decoding gives back the exact text.

The BPE rules, written so that two careful implementations agree exactly:

1. The text is encoded to UTF-8 bytes; the ids start as those bytes (0..255).
2. Training counts every adjacent pair of ids (overlapping: ``a a a`` holds the pair
   ``(a, a)`` twice). The most frequent pair becomes the next id, ``256 + len(merges)``; **ties
   go to the smallest pair** (compare the first id, then the second). Its occurrences are
   replaced from left to right, without overlap (``a a a`` becomes ``X a``). Training stops
   after ``vocab_size - 256`` merges, or earlier when no pair is left.
3. Encoding applies the merges in the order they were learned.
4. Decoding concatenates each id's bytes and decodes them as UTF-8.

With a *pre-split* pattern (:class:`BPETokenizer` ``pattern="gpt2"``) the text is first cut
into chunks (words with their leading space, runs of digits, punctuation, whitespace), and
pairs are counted and merged only inside a chunk, so that no token spans ``"dog."``. GPT-2's
own pattern needs the third-party ``regex`` module (``\p{L}``); :data:`GPT2_SPLIT_PATTERN` is
an approximation with the standard library's ``re``.

Examples
--------
>>> merges = bpe_train("aaabdaaabac", 259)
>>> merges            # 'a' = 97, 'b' = 98: "aa" (4 times), then "ab" (2, a tie: smallest)
[(97, 97), (97, 98), (256, 257)]
>>> bpe_encode("aaabdaaabac", merges)
[258, 100, 258, 97, 99]
>>> bpe_decode([258, 100], merges)
'aaabd'
"""

from __future__ import annotations

import numbers
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["GPT2_SPLIT_PATTERN", "BPETokenizer", "CharTokenizer", "bpe_decode", "bpe_encode",
           "bpe_train", "merge_pair", "pair_counts"]

#: GPT-2's pre-split pattern, with the standard library's ``re``: contractions, words with an
#: optional leading space, numbers, other symbols, and whitespace (the last alternative takes
#: anything left, so the chunks always join back to the text).
GPT2_SPLIT_PATTERN = (r"'(?:[sdmt]|ll|ve|re)| ?[^\W\d_]+| ?\d+| ?(?:[^\s\w]|_)+"
                      r"|\s+(?!\S)|\s+|[\s\S]")


# -------------------------------------------------------------------------------------------
# characters


class CharTokenizer:
    """One id per character, learned from a text.

    Parameters
    ----------
    unk_token : str, optional
        If given, it gets id 0 and stands for every character not seen by :meth:`fit`;
        without it, encoding an unseen character raises ``ValueError``.

    Attributes
    ----------
    vocab : list of str
        ``vocab[i]`` is the token of id ``i``: ``unk_token`` first (if any), then the distinct
        characters of the fitted text in sorted (code point) order. Set by :meth:`fit`.
    stoi : dict of str to int
        The inverse: token to id.

    Examples
    --------
    >>> tok = CharTokenizer().fit("hello")
    >>> tok.vocab
    ['e', 'h', 'l', 'o']
    >>> tok.encode("hole")
    [1, 3, 2, 0]
    >>> tok.decode([1, 0, 2, 2, 3])
    'hello'
    """

    vocab: list[str]
    stoi: dict[str, int]

    def __init__(self, unk_token: str | None = None) -> None:
        if unk_token is not None and (not isinstance(unk_token, str) or not unk_token):
            raise ValueError(f"unk_token must be a non-empty string or None, got {unk_token!r}")
        self.unk_token = unk_token
        self.vocab = []
        self.stoi = {}

    def fit(self, text: str) -> CharTokenizer:
        """Learn the vocabulary: the distinct characters of ``text``, sorted.

        Raises
        ------
        ValueError
            If ``text`` is not a non-empty string.
        """
        if not isinstance(text, str) or not text:
            raise ValueError(f"fit needs a non-empty string, got {text!r:.40}")
        chars = sorted(set(text) - {self.unk_token})
        self.vocab = ([self.unk_token] if self.unk_token is not None else []) + chars
        self.stoi = {s: i for i, s in enumerate(self.vocab)}
        return self

    @property
    def vocab_size(self) -> int:
        """The number of ids (0 before :meth:`fit`)."""
        return len(self.vocab)

    def _fitted(self) -> None:
        if not self.vocab:
            raise ValueError("this CharTokenizer is not fitted yet: call fit(text) first")

    def encode(self, text: str) -> list[int]:
        """The id of every character of ``text``.

        Raises
        ------
        ValueError
            If not fitted, or a character is unknown and there is no ``unk_token``.
        """
        self._fitted()
        if not isinstance(text, str):
            raise ValueError(f"encode needs a string, got {type(text).__name__}")
        unk = self.stoi.get(self.unk_token) if self.unk_token is not None else None
        ids = []
        for pos, ch in enumerate(text):
            i = self.stoi.get(ch, unk)
            if i is None:
                raise ValueError(f"character {ch!r} at position {pos} is not in the vocabulary "
                                 f"(give unk_token= to map unknown characters to one id)")
            ids.append(i)
        return ids

    def decode(self, ids: Iterable[int]) -> str:
        """The text of a list of ids (``unk_token`` for its id).

        Raises
        ------
        ValueError
            If not fitted, or an id is not an integer in ``[0, vocab_size)``.
        """
        self._fitted()
        out: list[str] = []
        for i in ids:
            if isinstance(i, bool) or not isinstance(i, numbers.Integral) \
                    or not 0 <= i < len(self.vocab):
                raise ValueError(f"id {i!r} is not in [0, {len(self.vocab)})")
            out.append(self.vocab[int(i)])
        return "".join(out)


# -------------------------------------------------------------------------------------------
# byte-pair encoding


def pair_counts(ids: Sequence[int], counts: Counter[tuple[int, int]] | None = None,
                weight: int = 1) -> Counter[tuple[int, int]]:
    """Count the adjacent pairs of ``ids`` (overlapping), adding ``weight`` per pair to
    ``counts`` (a new Counter when None).

    >>> dict(pair_counts([1, 2, 3, 1, 2]))
    {(1, 2): 2, (2, 3): 1, (3, 1): 1}
    """
    counts = Counter() if counts is None else counts
    for pair in zip(ids, ids[1:], strict=False):
        counts[pair] += weight
    return counts


def merge_pair(ids: Sequence[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replace every occurrence of ``pair`` in ``ids`` by ``new_id``, left to right, without
    overlap.

    >>> merge_pair([1, 1, 1, 2], (1, 1), 9)
    [9, 1, 2]
    """
    out: list[int] = []
    i, n = 0, len(ids)
    a, b = pair
    while i < n:
        if i + 1 < n and ids[i] == a and ids[i + 1] == b:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _utf8(text: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError(f"expected a string, got {type(text).__name__}")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(f"the text cannot be encoded as UTF-8 (a lone surrogate at position "
                         f"{err.start}?)") from None


def _chunks(text: str, pattern: str | re.Pattern[str] | None) -> list[str]:
    if pattern is None:
        return [text] if text else []
    chunks = re.findall(pattern, text)
    if "".join(chunks) != text:
        raise ValueError("the pre-split pattern does not cover the whole text: add a final "
                         "alternative that matches any character")
    return chunks


def _check_merges(merges: Any) -> list[tuple[int, int]]:
    out = []
    for r, m in enumerate(merges):
        if len(m) != 2:
            raise ValueError(f"merge {r} must be a pair of ids, got {m!r}")
        a, b = m
        for x in (a, b):
            if isinstance(x, bool) or not isinstance(x, numbers.Integral) \
                    or not 0 <= int(x) < 256 + r:
                raise ValueError(f"merge {r} = {m!r}: ids must be integers in [0, {256 + r}) "
                                 f"(a merge may only use bytes and earlier merges)")
        out.append((int(a), int(b)))
    return out


def bpe_train(text: str, vocab_size: int, pattern: str | None = None
              ) -> list[tuple[int, int]]:
    r"""Learn byte-level BPE merges from ``text``.

    Starting from the UTF-8 bytes of ``text``, repeat ``vocab_size - 256`` times: count every
    adjacent pair of ids; take the most frequent one (ties: the smallest pair); give it the
    next id :math:`256 + r`; replace its occurrences, left to right.

    Parameters
    ----------
    text : str
    vocab_size : int
        At least 256 (the bytes); the result has at most ``vocab_size - 256`` merges.
    pattern : str, optional
        A regular expression that pre-splits the text into chunks; pairs never cross chunks.

    Returns
    -------
    list of (int, int)
        ``merges[r]`` is the pair merged into id ``256 + r``. Shorter than asked when no pair
        is left.

    Raises
    ------
    ValueError
        If ``vocab_size`` < 256 or ``text`` is not valid text.
    """
    if isinstance(vocab_size, bool) or not isinstance(vocab_size, numbers.Integral) \
            or vocab_size < 256:
        raise ValueError(f"vocab_size must be an integer >= 256 (the bytes), got {vocab_size!r}")
    # Identical chunks are merged identically: keep each distinct chunk once, with its count.
    chunk_counts = Counter(_chunks(text, pattern))
    chunks = [list(_utf8(c)) for c in chunk_counts]
    weights = list(chunk_counts.values())
    merges: list[tuple[int, int]] = []
    for r in range(int(vocab_size) - 256):
        counts: Counter[tuple[int, int]] = Counter()
        for ids, w in zip(chunks, weights, strict=True):
            pair_counts(ids, counts, w)
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        chunks = [merge_pair(ids, best, 256 + r) if len(ids) > 1 else ids for ids in chunks]
        merges.append(best)
    return merges


def bpe_encode(text: str, merges: Sequence[tuple[int, int]], pattern: str | None = None
               ) -> list[int]:
    """Encode ``text`` with learned merges: its UTF-8 bytes, then the merges in order.

    Each step merges the present pair with the lowest rank (the earliest learned), which is
    the same as applying the merges one after the other.

    Raises
    ------
    ValueError
        If a merge uses an id not yet defined, or the text cannot be encoded as UTF-8.
    """
    ranks = {pair: r for r, pair in enumerate(_check_merges(merges))}
    out: list[int] = []
    for chunk in _chunks(text, pattern):
        ids = list(_utf8(chunk))
        while len(ids) > 1:
            best = min(zip(ids, ids[1:], strict=False),
                       key=lambda p: ranks.get(p, len(ranks)))
            if best not in ranks:
                break
            ids = merge_pair(ids, best, 256 + ranks[best])
        out.extend(ids)
    return out


def _vocab(merges: Sequence[tuple[int, int]]) -> list[bytes]:
    vocab = [bytes([i]) for i in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    return vocab


def bpe_decode(ids: Iterable[int], merges: Sequence[tuple[int, int]]) -> str:
    """Decode ids to text: the bytes of every id, joined, as UTF-8.

    Byte sequences that are not valid UTF-8 (possible only for id lists that no text encodes
    to, such as a lone ``0xFF``) become U+FFFD, as ``bytes.decode(errors="replace")``.

    Raises
    ------
    ValueError
        If an id is not an integer in ``[0, 256 + len(merges))``.
    """
    vocab = _vocab(_check_merges(merges))
    parts: list[bytes] = []
    for i in ids:
        if isinstance(i, bool) or not isinstance(i, numbers.Integral) or not 0 <= i < len(vocab):
            raise ValueError(f"id {i!r} is not in [0, {len(vocab)})")
        parts.append(vocab[int(i)])
    return b"".join(parts).decode("utf-8", errors="replace")


class BPETokenizer:
    """A byte-level BPE tokenizer: :func:`bpe_train`, :func:`bpe_encode` and
    :func:`bpe_decode` with their state kept together.

    Parameters
    ----------
    pattern : str or None, default None
        Pre-split regular expression; ``"gpt2"`` for :data:`GPT2_SPLIT_PATTERN`.

    Attributes
    ----------
    merges : list of (int, int)
        ``merges[r]`` became id ``256 + r``.
    vocab : list of bytes
        The bytes of every id.

    Examples
    --------
    >>> tok = BPETokenizer(pattern="gpt2").train("the cat and the hat and the bat", 262)
    >>> tok.decode(tok.encode("the rat 🐀")) == "the rat 🐀"
    True
    >>> tok.vocab_size
    262
    """

    def __init__(self, pattern: str | None = None) -> None:
        self.pattern = GPT2_SPLIT_PATTERN if pattern == "gpt2" else pattern
        if self.pattern is not None:
            re.compile(self.pattern)
        self.merges: list[tuple[int, int]] = []
        self.vocab: list[bytes] = _vocab([])

    def train(self, text: str, vocab_size: int) -> BPETokenizer:
        """Learn merges from ``text`` until ``vocab_size`` ids (or no pair is left)."""
        self.merges = bpe_train(text, vocab_size, self.pattern)
        self.vocab = _vocab(self.merges)
        return self

    @property
    def vocab_size(self) -> int:
        """``256 + len(merges)``."""
        return len(self.vocab)

    def encode(self, text: str) -> list[int]:
        """Text to ids."""
        return bpe_encode(text, self.merges, self.pattern)

    def decode(self, ids: Iterable[int]) -> str:
        """Ids to text; ``decode(encode(s)) == s`` for every string ``s``."""
        return bpe_decode(ids, self.merges)

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        """Each id's bytes shown as text (invalid UTF-8 pieces as U+FFFD), for display."""
        return [self.vocab[i].decode("utf-8", errors="replace") for i in ids]
