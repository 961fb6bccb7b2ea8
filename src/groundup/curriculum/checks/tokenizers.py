"""Checks for the tokenizer exercises.

The expected values are computed here, from the rules stated in the exercises, by
deliberately plain code: ``sorted(set(text))`` for the character vocabulary; a BPE trainer
that recounts every pair of the whole byte sequence at every step; an encoder that applies
each merge in turn over the whole sequence; ``bytes.decode("utf-8", errors="replace")``.
Nothing here uses :mod:`groundup.tokenizers`.
"""

from __future__ import annotations

from typing import Any

from groundup.grading.spec import Case, Check, raises, satisfies

DRIVERS = "groundup.curriculum.checks.tokenizers_drivers"

SONNET = ("Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\n"
          "Rough winds do shake the darling buds of May,\nAnd summer's lease hath all too "
          "short a date;\n")
TRICKY = ["", "a", "hello world", "naïve café", "日本語のテキスト", "🙂🙃 and 👨‍👩‍👧‍👦 and 🇫🇷",
          "e\u0301 vs \u00e9", "tabs\tand\nnewlines\r\n", "NUL \x00 byte", "\U0010ffff\ufeff"]


# -------------------------------------------------------------------------------------------
# references


def _replace(seq: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    out, i = [], 0
    while i < len(seq):
        if seq[i:i + 2] == list(pair):
            out.append(new_id)
            i += 2
        else:
            out.append(seq[i])
            i += 1
    return out


def ref_train(text: str, vocab_size: int) -> list[tuple[int, int]]:
    """Brute force: count every pair anew at every step; most frequent, ties to the smallest."""
    seq = list(text.encode("utf-8"))
    merges: list[tuple[int, int]] = []
    while len(merges) < vocab_size - 256 and len(seq) > 1:
        counts: dict[tuple[int, int], int] = {}
        for i in range(len(seq) - 1):
            counts[(seq[i], seq[i + 1])] = counts.get((seq[i], seq[i + 1]), 0) + 1
        top = max(counts.values())
        pair = sorted(p for p, c in counts.items() if c == top)[0]
        seq = _replace(seq, pair, 256 + len(merges))
        merges.append(pair)
    return merges


def ref_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    """Every merge in the order learned, over the whole sequence."""
    seq = list(text.encode("utf-8"))
    for r, pair in enumerate(merges):
        seq = _replace(seq, tuple(pair), 256 + r)  # type: ignore[arg-type]
    return seq


def ref_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    vocab = {i: bytes([i]) for i in range(256)}
    for r, (a, b) in enumerate(merges):
        vocab[256 + r] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")


# -------------------------------------------------------------------------------------------
# comparators


def _ids(value: Any) -> list[int] | None:
    """A list of ints from a list, tuple or 1-D integer array; None if it is not one."""
    try:
        items = list(value)
    except TypeError:
        return None
    out = []
    for x in items:
        if isinstance(x, bool) or not hasattr(x, "__index__"):
            return None
        out.append(int(x))
    return out


def _first_difference(expected: list[Any], received: list[Any], what: str, hidden: bool
                      ) -> str | None:
    if received == expected:
        return None
    for i, (e, r) in enumerate(zip(expected, received, strict=False)):
        if e != r:
            if hidden:
                return f"the {what} differ from the reference, first at position {i}"
            return f"the {what} differ at position {i}: expected {e!r}, received {r!r}"
    if hidden:
        return f"the {what} have the wrong length: yours has {len(received)}"
    return (f"the {what} have the wrong length: expected {len(expected)}, received "
            f"{len(received)}" + (f" (first extra: {received[len(expected)]!r})"
                                  if len(received) > len(expected) else ""))


def _merges_ok(hidden: bool = False) -> Any:
    def check(case: Case, value: Any) -> str | None:
        expected = ref_train(*case.args)
        if not isinstance(value, (list, tuple)):
            return f"return a list of (int, int) pairs, not {type(value).__name__}"
        received = []
        for m in value:
            pair = _ids(m)
            if pair is None or len(pair) != 2:
                return f"each merge should be a pair of ints (a, b), got {m!r}"
            received.append(tuple(pair))
        return _first_difference(expected, received, "merges", hidden)

    return check


def _encode_ok(hidden: bool = False) -> Any:
    def check(case: Case, value: Any) -> str | None:
        expected = ref_encode(*case.args)
        ids = _ids(value) if not isinstance(value, (str, bytes, dict)) else None
        if ids is None:
            return f"return a list of ints, not {type(value).__name__}"
        return _first_difference(expected, ids, "ids", hidden)

    return check


def _decode_ok(case: Case, value: Any) -> str | None:
    expected = ref_decode(*case.args)
    if not isinstance(value, str):
        return f"return a str (bytes.decode(...)), not {type(value).__name__}"
    return None if value == expected else \
        f"expected {expected!r}, received {value!r}"


def _round_trip_ok(case: Case, value: Any) -> str | None:
    texts = case.args[0]
    if not isinstance(value, list) or len(value) != len(texts):
        return "the driver expected one decoded string per text"
    for text, back in zip(texts, value, strict=True):
        if back != text:
            return f"decode(encode({text!r})) gave {back!r}"
    return None


def _vocab(text: str, unk: str | None) -> list[str]:
    chars = sorted(set(text) - {unk})
    return ([unk] if unk is not None else []) + chars


def _char_ok(case: Case, value: Any) -> str | None:
    fit_text, encode_text, decode_ids = case.args[:3]
    unk = case.args[3] if len(case.args) > 3 else None
    vocab = _vocab(fit_text, unk)
    stoi = {s: i for i, s in enumerate(vocab)}
    if not isinstance(value, dict):
        return "the driver could not read your tokenizer"
    if not value["fit returns self"]:
        return "fit(text) should return self, so that CharTokenizer().fit(text) is the tokenizer"
    msg = _first_difference(vocab, value["vocab"], "vocab entries", False)
    if msg:
        return msg + (" (the unknown token comes first, id 0, then the characters sorted)"
                      if unk is not None else " (sorted(set(text)): ids in code-point order)")
    if value["vocab_size"] != len(vocab):
        return f"vocab_size should be {len(vocab)}, got {value['vocab_size']}"
    expected_ids = [stoi.get(c, stoi.get(unk, -1) if unk is not None else -1)
                    for c in encode_text]
    msg = _first_difference(expected_ids, value["encode"], f"ids of encode({encode_text!r})",
                            False)
    if msg:
        return msg
    expected_text = "".join(vocab[i] for i in decode_ids)
    if value["decode"] != expected_text:
        return f"decode({decode_ids}) should be {expected_text!r}, got {value['decode']!r}"
    if value["round trip"] != fit_text:
        return f"decode(encode(text)) gave {value['round trip']!r}, not the text back"
    return None


# -------------------------------------------------------------------------------------------
# exercises


def char_tokenizer() -> list[Check]:
    run = f"{DRIVERS}:char_tokenizer_run"
    hint = ("fit: self.vocab = sorted(set(text)); self.stoi = {ch: i for i, ch in "
            "enumerate(self.vocab)}; return self. encode: [self.stoi[ch] for ch in text].")
    return [
        Check("fit on 'hello world', encode 'low', decode [3, 4]",
              [Case("hello world", "low", [3, 4], driver=run)], expect=satisfies(_char_ok),
              hint=hint),
        Check("a line of Shakespeare",
              [Case(SONNET[:39], "Shall I", [0, 1, 2], driver=run)],
              expect=satisfies(_char_ok),
              hint="Sorted by code point: ' ' and '?' come before the capitals, capitals "
                   "before lower case."),
        Check("emoji and accents are characters like any other",
              [Case("naïve 🙂 café", "🙂é", [0], driver=run)], expect=satisfies(_char_ok),
              hint="A Python str is a sequence of code points: set(text) works as it is."),
        Check("unk_token: id 0, used for unseen characters",
              [Case("abcab", "cabz!", [0, 1], "<unk>", driver=run)],
              expect=satisfies(_char_ok),
              hint="With unk_token, vocab = [unk_token] + sorted characters; encode maps an "
                   "unseen character to 0, decode maps 0 to unk_token."),
        Check("a larger text",
              [Case(SONNET, "summer's day", [5, 4, 3, 2, 1], driver=run)],
              expect=satisfies(_char_ok), hidden=True, hint=hint),
        Check("an unseen character without unk_token",
              [Case("abc", "abz", driver=f"{DRIVERS}:char_tokenizer_encode")],
              expect=raises(ValueError),
              hint="Raise ValueError naming the character; never skip it silently."),
        Check("decoding an id that does not exist",
              [Case("abc", [0, 3], driver=f"{DRIVERS}:char_tokenizer_decode"),
               Case("abc", [-1], driver=f"{DRIVERS}:char_tokenizer_decode")],
              expect=raises(ValueError),
              hint="Ids are 0 .. vocab_size - 1; a negative id would wrap around in a list."),
    ]


def bpe_train() -> list[Check]:
    hint = ("ids = list(text.encode('utf-8')); repeat: count zip(ids, ids[1:]); best = the "
            "pair with the largest count, ties to the smallest pair; merge it into 256 + "
            "len(merges), left to right.")
    return [
        Check("'aaabdaaabac', 3 merges",
              [Case("aaabdaaabac", 259)], expect=satisfies(_merges_ok()), hint=hint),
        Check("ties go to the smallest pair",
              [Case("cdabcdab", 258)], expect=satisfies(_merges_ok()),
              hint="(99, 100) comes first, but (97, 98) occurs as often and is smaller: "
                   "min(pairs with the top count)."),
        Check("overlapping pairs: 'aaaa' holds (a, a) three times",
              [Case("aaaab", 258)], expect=satisfies(_merges_ok()),
              hint="Count every position i: zip(ids, ids[1:]); merge left to right, so "
                   "[a, a, a, a, b] becomes [X, X, b]."),
        Check("bytes, not characters: 'é' is two bytes, '🙂' four",
              [Case("é🙂é🙂", 262)], expect=satisfies(_merges_ok()),
              hint="text.encode('utf-8') gives ids 0..255; ord(ch) would give ids above 255."),
        Check("training stops when no pair is left",
              [Case("abc", 300), Case("", 260), Case("hello", 256)],
              expect=satisfies(_merges_ok()),
              hint="Stop when the sequence has fewer than two ids, and after vocab_size - 256 "
                   "merges."),
        Check("a sonnet, 40 merges",
              [Case(SONNET, 296)], expect=satisfies(_merges_ok(hidden=True)), hidden=True,
              hint=hint),
        Check("vocab_size below 256", [Case("abc", 255)], expect=raises(ValueError),
              hint="The 256 bytes are always in the vocabulary: raise ValueError."),
    ]


def bpe_encode_decode() -> list[Check]:
    merges = ref_train(SONNET * 2 + " ".join(TRICKY), 256 + 60)
    small = ref_train("aaabdaaabac", 259)
    hint = ("encode: ids = list(text.encode('utf-8')); for r, pair in enumerate(merges): "
            "replace pair by 256 + r. decode: vocab[256 + r] = vocab[a] + vocab[b]; join the "
            "bytes, .decode('utf-8', errors='replace').")
    return [
        Check("encode 'aaabdaaabac' with its own merges",
              [Case("aaabdaaabac", small)], expect=satisfies(_encode_ok()), hint=hint),
        Check("encode text the merges were learned on",
              [Case(SONNET[:60], merges)], expect=satisfies(_encode_ok()),
              hint="Apply the merges in the order they were learned: a later merge may use "
                   "the id of an earlier one."),
        Check("encode text with unseen characters: they stay bytes",
              [Case("Zebra 🦓 zone", merges)], expect=satisfies(_encode_ok()),
              hint="Pairs with no merge are left alone; every byte is already a token."),
        Check("decode ids to text",
              [Case([258, 100, 258, 97, 99], small), Case([104, 105], [])],
              expect=satisfies(_decode_ok), function="bpe_decode",
              hint="Build the bytes of every id from its two parts; join; decode once."),
        Check("decode joins the bytes before decoding (a character split across tokens)",
              [Case([0xF0, 0x9F, 0x99, 0x82], []), Case(ref_encode("é🙂", merges), merges)],
              expect=satisfies(_decode_ok), function="bpe_decode",
              hint="Decoding each token on its own breaks multi-byte characters: "
                   "b''.join(...) first, then .decode('utf-8')."),
        Check("bytes that are not UTF-8 become U+FFFD",
              [Case([0xFF, 104], [])], expect=satisfies(_decode_ok), function="bpe_decode",
              hint="bytes.decode('utf-8', errors='replace')."),
        Check("decode(encode(text)) == text for tricky UTF-8",
              [Case(TRICKY, merges, driver=f"{DRIVERS}:bpe_round_trip")],
              expect=satisfies(_round_trip_ok),
              hint="Emoji, accents, CJK, control characters: bytes in, bytes out."),
        Check("encode a longer text",
              [Case(SONNET + " ".join(TRICKY), merges)], expect=satisfies(_encode_ok(True)),
              hidden=True, hint=hint),
        Check("an id that no merge defines",
              [Case([256], []), Case([-1], small)], expect=raises(ValueError),
              function="bpe_decode", hint="Valid ids are 0 .. 255 + len(merges)."),
    ]
