# Wrong: one pass over the text, merging each pair with any known merge as it goes, instead
# of applying the merges in the order they were learned: later merges that need earlier ones
# are missed or applied in the wrong place.
def bpe_encode(text, merges):
    ranks = {tuple(p): r for r, p in enumerate(merges)}
    ids = list(text.encode("utf-8"))
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) in ranks:
            out.append(256 + ranks[(ids[i], ids[i + 1])])
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def bpe_decode(ids, merges):
    vocab = [bytes([i]) for i in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    if any(not 0 <= i < len(vocab) for i in ids):
        raise ValueError("unknown id")
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")
