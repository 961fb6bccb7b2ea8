"""Drivers for the tokenizer exercises: they run in the learner's process.

A ``CharTokenizer`` object cannot travel to the grader; these drivers build one with the
learner's class, use it, and hand back plain data (lists of ids, strings). Standard library
only.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def char_tokenizer_run(module: ModuleType, fit_text: str, encode_text: str,
                       decode_ids: list[int], unk_token: str | None = None) -> dict[str, Any]:
    """Fit the learner's tokenizer, then report its vocabulary and what it encodes and
    decodes."""
    tok = module.CharTokenizer() if unk_token is None else module.CharTokenizer(unk_token)
    fitted = tok.fit(fit_text)
    return {
        "fit returns self": fitted is tok,
        "vocab": [str(s) for s in tok.vocab],
        "vocab_size": int(tok.vocab_size),
        "encode": [int(i) for i in tok.encode(encode_text)],
        "decode": tok.decode(list(decode_ids)),
        "round trip": tok.decode(tok.encode(fit_text)),
    }


def char_tokenizer_encode(module: ModuleType, fit_text: str, text: str,
                          unk_token: str | None = None) -> list[int]:
    """Only ``fit(fit_text).encode(text)`` (for the inputs that must raise)."""
    tok = module.CharTokenizer() if unk_token is None else module.CharTokenizer(unk_token)
    return [int(i) for i in tok.fit(fit_text).encode(text)]


def char_tokenizer_decode(module: ModuleType, fit_text: str, ids: list[int]) -> str:
    """Only ``fit(fit_text).decode(ids)``."""
    return str(module.CharTokenizer().fit(fit_text).decode(ids))


def bpe_round_trip(module: ModuleType, texts: list[str], merges: list[Any]) -> list[str]:
    """``bpe_decode(bpe_encode(text, merges), merges)`` for every text."""
    return [module.bpe_decode(module.bpe_encode(t, merges), merges) for t in texts]
