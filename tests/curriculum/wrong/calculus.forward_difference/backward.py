# Wrong: steps to the left (a backward difference), (f(x) - f(x - h)) / h.
def forward_difference(f, x, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    return (f(x) - f(x - h)) / h
