# Wrong: steps by `size` instead of `size - overlap`, so consecutive windows never overlap.
def chunk_fixed(text, size, overlap=0, unit="words"):
    if size < 1 or not 0 <= overlap < size or unit not in ("words", "chars"):
        raise ValueError("bad size, overlap or unit")
    units = text.split() if unit == "words" else text
    join = " ".join if unit == "words" else "".join
    return [join(units[i:i + size]) for i in range(0, len(units), size)]
