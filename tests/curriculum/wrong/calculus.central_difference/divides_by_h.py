# Wrong: the two points are 2h apart, but the difference is divided by h.
def central_difference(f, x, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    return (f(x + h) - f(x - h)) / h
