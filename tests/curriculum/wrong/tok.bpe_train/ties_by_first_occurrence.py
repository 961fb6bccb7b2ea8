# Wrong: max(counts, key=counts.get) breaks ties by the pair seen first in the text, not by
# the smallest pair as the rules say.
from collections import Counter


def _merge(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def bpe_train(text, vocab_size):
    if vocab_size < 256:
        raise ValueError("vocab_size must be at least 256")
    ids, merges = list(text.encode("utf-8")), []
    while len(merges) < vocab_size - 256 and len(ids) > 1:
        counts = Counter(zip(ids, ids[1:], strict=False))
        best = max(counts, key=counts.get)
        ids = _merge(ids, best, 256 + len(merges))
        merges.append(best)
    return merges
