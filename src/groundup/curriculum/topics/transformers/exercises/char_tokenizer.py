"""Exercise tok.char_tokenizer: a character-level tokenizer.

Run `groundup lesson tok.tokenizers` for the lesson, `groundup check tok.char_tokenizer` to
check.
"""

from collections.abc import Iterable


class CharTokenizer:
    """One id per character of the training text.

    ``vocab`` lists the tokens by id: ``unk_token`` first (id 0) when one is given, then the
    distinct characters of the text passed to :meth:`fit`, sorted (``sorted(set(text))``).

    Parameters
    ----------
    unk_token : str, optional
        Stands for every character :meth:`fit` did not see. Without it, encoding such a
        character raises ``ValueError``.

    Attributes
    ----------
    vocab : list of str
        ``vocab[i]`` is the token of id ``i`` (empty before :meth:`fit`).
    stoi : dict of str to int
        Token to id.

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

    def __init__(self, unk_token: str | None = None) -> None:
        self.unk_token = unk_token
        self.vocab: list[str] = []
        self.stoi: dict[str, int] = {}

    def fit(self, text: str) -> "CharTokenizer":
        """Learn the vocabulary from ``text``; return ``self``."""
        # TODO: vocab = [unk_token] (if any) + the sorted distinct characters; stoi; return self.
        raise NotImplementedError

    @property
    def vocab_size(self) -> int:
        """The number of ids."""
        return len(self.vocab)

    def encode(self, text: str) -> list[int]:
        """The id of each character (the unk id for unseen ones, or ``ValueError``)."""
        # TODO
        raise NotImplementedError

    def decode(self, ids: Iterable[int]) -> str:
        """The text of the ids; ``ValueError`` for an id outside ``[0, vocab_size)``."""
        # TODO
        raise NotImplementedError
