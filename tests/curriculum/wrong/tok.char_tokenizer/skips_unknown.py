# Wrong: silently drops characters it does not know (and accepts any id), so text is lost
# without a word.
class CharTokenizer:
    def __init__(self, unk_token=None):
        self.unk_token = unk_token
        self.vocab = []
        self.stoi = {}

    def fit(self, text):
        chars = sorted(set(text) - {self.unk_token})
        self.vocab = ([self.unk_token] if self.unk_token is not None else []) + chars
        self.stoi = {s: i for i, s in enumerate(self.vocab)}
        return self

    @property
    def vocab_size(self):
        return len(self.vocab)

    def encode(self, text):
        unk = self.stoi.get(self.unk_token)
        return [self.stoi.get(ch, unk) for ch in text if ch in self.stoi or unk is not None]

    def decode(self, ids):
        return "".join(self.vocab[i] for i in ids)
