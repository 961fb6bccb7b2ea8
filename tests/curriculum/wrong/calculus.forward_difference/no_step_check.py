# Wrong: no validation, so h = 0 divides by zero and a negative h silently gives a slope.
def forward_difference(f, x, h=1e-5):
    return (f(x + h) - f(x)) / h
