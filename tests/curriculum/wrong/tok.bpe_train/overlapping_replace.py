# Wrong: after replacing a pair it moves on by one position instead of two, so in 'aaaa' the
# middle 'a' is used twice and the sequence gains tokens that were never there.
from collections import Counter


def bpe_train(text, vocab_size):
    if vocab_size < 256:
        raise ValueError("vocab_size must be at least 256")
    ids, merges = list(text.encode("utf-8")), []
    while len(merges) < vocab_size - 256 and len(ids) > 1:
        counts = Counter(zip(ids, ids[1:], strict=False))
        best = min(counts, key=lambda p: (-counts[p], p))
        new_id, out, i = 256 + len(merges), [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == best:
                out.append(new_id)
                if i + 2 == len(ids):
                    break
            elif i == 0 or (ids[i - 1], ids[i]) != best:
                out.append(ids[i])
            i += 1
        ids = out
        merges.append(best)
    return merges
