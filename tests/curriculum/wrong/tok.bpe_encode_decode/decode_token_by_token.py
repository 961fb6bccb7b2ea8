# Wrong: decodes every token's bytes on its own and joins the strings: a character whose bytes
# are split across two tokens turns into replacement characters.
def bpe_encode(text, merges):
    ids = list(text.encode("utf-8"))
    for r, (a, b) in enumerate(merges):
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and ids[i] == a and ids[i + 1] == b:
                out.append(256 + r)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return ids


def bpe_decode(ids, merges):
    vocab = [bytes([i]) for i in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    if any(not 0 <= i < len(vocab) for i in ids):
        raise ValueError("unknown id")
    return "".join(vocab[i].decode("utf-8", errors="replace") for i in ids)
