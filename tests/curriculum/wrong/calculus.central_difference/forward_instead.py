# Wrong: a forward difference, whose error shrinks only like h (not h**2).
def central_difference(f, x, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    return (f(x + h) - f(x)) / h
