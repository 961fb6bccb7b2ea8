# Wrong: a central difference, not the forward difference that was asked for.
def forward_difference(f, x, h=1e-5):
    if h <= 0:
        raise ValueError("h must be positive")
    return (f(x + h) - f(x - h)) / (2 * h)
