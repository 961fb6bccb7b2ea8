# Wrong: gives the unknown token the last id instead of id 0.
class CharTokenizer:
    def __init__(self, unk_token=None):
        self.unk_token = unk_token
        self.vocab = []
        self.stoi = {}

    def fit(self, text):
        chars = sorted(set(text) - {self.unk_token})
        self.vocab = chars + ([self.unk_token] if self.unk_token is not None else [])
        self.stoi = {s: i for i, s in enumerate(self.vocab)}
        return self

    @property
    def vocab_size(self):
        return len(self.vocab)

    def encode(self, text):
        ids = []
        for ch in text:
            if ch in self.stoi:
                ids.append(self.stoi[ch])
            elif self.unk_token is not None:
                ids.append(self.stoi[self.unk_token])
            else:
                raise ValueError(f"unknown character {ch!r}")
        return ids

    def decode(self, ids):
        ids = list(ids)
        if any(not 0 <= i < len(self.vocab) for i in ids):
            raise ValueError("id out of range")
        return "".join(self.vocab[i] for i in ids)
