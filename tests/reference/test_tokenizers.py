"""groundup.tokenizers: exact round trips on any text (Hypothesis), BPE merges against a
brute-force trainer written here from the rules, encoding against a naive encoder, and the
character tokenizer against ``sorted(set(text))``. (tiktoken is not available offline.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groundup.tokenizers import (
    GPT2_SPLIT_PATTERN,
    BPETokenizer,
    CharTokenizer,
    bpe_decode,
    bpe_encode,
    bpe_train,
    merge_pair,
    pair_counts,
)

# Any text that UTF-8 can encode: everything but the lone surrogates (category Cs).
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
TRICKY = [
    "",
    "a",
    "hello world",
    "naïve café, Ünïcödé",
    "日本語のテキスト、中文文本",
    "emoji 🙂🙃 and a family 👨‍👩‍👧‍👦 (ZWJ) and flags 🇫🇷🇯🇵",
    "e\u0301 (e + combining acute) vs \u00e9",
    "tabs\tand\nnewlines\r\n and a NUL \x00 byte",
    "\U0010ffff the last code point, \ufeff BOM, \u200b zero width",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
]


# -------------------------------------------------------------------------------------------
# independent references, from the rules in groundup.tokenizers' docstring


def brute_force_train(text: str, vocab_size: int) -> list[tuple[int, int]]:
    """Recount every pair of the whole sequence at every step; ties to the smallest pair."""
    seq = list(text.encode("utf-8"))
    merges: list[tuple[int, int]] = []
    while len(merges) < vocab_size - 256 and len(seq) > 1:
        counts: dict[tuple[int, int], int] = {}
        for i in range(len(seq) - 1):
            counts[(seq[i], seq[i + 1])] = counts.get((seq[i], seq[i + 1]), 0) + 1
        top = max(counts.values())
        pair = sorted(p for p, c in counts.items() if c == top)[0]
        new_id, out, i = 256 + len(merges), [], 0
        while i < len(seq):
            if seq[i:i + 2] == list(pair):
                out.append(new_id)
                i += 2
            else:
                out.append(seq[i])
                i += 1
        seq = out
        merges.append(pair)
    return merges


def naive_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    """Apply every merge in turn over the whole byte sequence (string replacement on a
    tuple-of-ids spelled as text)."""
    seq = [str(b) for b in text.encode("utf-8")]
    for r, (a, b) in enumerate(merges):
        spelled = " ".join(seq)
        # pad with spaces so that "1 2" does not match inside "11 2"
        spelled = re.sub(rf"(?<!\S){a} {b}(?!\S)", str(256 + r), spelled)
        seq = spelled.split(" ") if spelled else []
    return [int(s) for s in seq]


# -------------------------------------------------------------------------------------------
# pieces


def test_pair_counts_overlap_and_merge_left_to_right():
    assert pair_counts([1, 1, 1]) == {(1, 1): 2}
    assert merge_pair([1, 1, 1], (1, 1), 7) == [7, 1]
    assert merge_pair([1, 1, 1, 1], (1, 1), 7) == [7, 7]
    assert merge_pair([], (1, 1), 7) == []


def test_naive_encode_handles_overlaps_like_the_rules():
    assert naive_encode("aaa", [(97, 97)]) == [256, 97]
    assert naive_encode("aaaa", [(97, 97), (256, 256)]) == [257]


# -------------------------------------------------------------------------------------------
# training


@pytest.mark.parametrize("text", [
    "aaabdaaabac",
    "the cat sat on the mat with the hat",
    "abababababab",
    "mississippi river, mississippi state",
    "日本日本日本 🙂🙂🙂",
    "ab",
    "x",
])
def test_train_matches_brute_force(text):
    assert bpe_train(text, 256 + 30) == brute_force_train(text, 256 + 30)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, n_merges=st.integers(0, 12))
def test_train_matches_brute_force_on_any_text(text, n_merges):
    assert bpe_train(text, 256 + n_merges) == brute_force_train(text, 256 + n_merges)


def test_train_stops_when_no_pair_is_left_and_validates():
    assert bpe_train("ab", 300) == [(97, 98)]
    assert bpe_train("", 300) == []
    assert bpe_train("abc", 256) == []
    with pytest.raises(ValueError, match="vocab_size"):
        bpe_train("abc", 255)
    with pytest.raises(ValueError, match="UTF-8"):
        bpe_train("bad \ud800 surrogate", 260)


def test_merges_never_cross_pre_split_chunks():
    text = "dog. dog. dog. dog."
    tok = BPETokenizer(pattern="gpt2").train(text, 256 + 20)
    for token in tok.vocab[256:]:
        assert not (b"g." in token or b". " in token), token
    assert re.findall(GPT2_SPLIT_PATTERN, "Hello, world_42 it's\n\n  ok!") == [
        "Hello", ",", " world", "_", "42", " it", "'s", "\n\n ", " ok", "!"]


# -------------------------------------------------------------------------------------------
# encoding and decoding


@pytest.mark.parametrize("text", TRICKY)
def test_round_trip_on_tricky_text(text):
    corpus = " ".join(TRICKY) * 3
    for pattern in (None, "gpt2"):
        tok = BPETokenizer(pattern=pattern).train(corpus, 256 + 60)
        ids = tok.encode(text)
        assert tok.decode(ids) == text
        assert all(0 <= i < tok.vocab_size for i in ids)


@settings(max_examples=100, deadline=None)
@given(train_text=TEXT, text=TEXT, n_merges=st.integers(0, 20))
def test_round_trip_on_any_text(train_text, text, n_merges):
    merges = bpe_train(train_text, 256 + n_merges)
    assert bpe_decode(bpe_encode(text, merges), merges) == text
    tok = BPETokenizer(pattern="gpt2").train(train_text, 256 + n_merges)
    assert tok.decode(tok.encode(text)) == text


@settings(max_examples=60, deadline=None)
@given(train_text=TEXT, text=TEXT, n_merges=st.integers(0, 15))
def test_encode_matches_naive_encoder(train_text, text, n_merges):
    merges = brute_force_train(train_text, 256 + n_merges)
    assert bpe_encode(text, merges) == naive_encode(text, merges)


def test_encoding_the_training_text_compresses_it():
    text = "the quick brown fox jumps over the lazy dog; " * 20
    merges = bpe_train(text, 256 + 40)
    ids = bpe_encode(text, merges)
    assert len(ids) < len(text.encode()) / 5
    assert bpe_decode(ids, merges) == text


def test_decode_and_encode_validate():
    merges = [(97, 98)]
    with pytest.raises(ValueError, match="id"):
        bpe_decode([300], merges)
    with pytest.raises(ValueError, match="id"):
        bpe_decode([-1], merges)
    with pytest.raises(ValueError, match="merge 0"):
        bpe_encode("ab", [(256, 97)])
    assert bpe_decode([0xFF], []) == "\ufffd"  # not UTF-8: replaced, never an exception


# -------------------------------------------------------------------------------------------
# characters


@settings(max_examples=60, deadline=None)
@given(text=TEXT.filter(bool))
def test_char_tokenizer_vocab_and_round_trip(text):
    tok = CharTokenizer().fit(text)
    assert tok.vocab == sorted(set(text))
    ids = tok.encode(text)
    assert [tok.vocab[i] for i in ids] == list(text)
    assert tok.decode(ids) == text


def test_char_tokenizer_unknowns():
    tok = CharTokenizer().fit("hello")
    with pytest.raises(ValueError, match="'z'"):
        tok.encode("hez")
    unk = CharTokenizer(unk_token="<unk>").fit("hello")
    assert unk.vocab == ["<unk>", "e", "h", "l", "o"]
    assert unk.encode("hez") == [2, 1, 0]
    assert unk.decode([2, 1, 0]) == "he<unk>"
    with pytest.raises(ValueError):
        unk.decode([5])
    with pytest.raises(ValueError, match="not fitted"):
        CharTokenizer().encode("a")
    with pytest.raises(ValueError):
        CharTokenizer().fit("")
