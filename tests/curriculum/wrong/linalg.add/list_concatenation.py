# Wrong: `+` on Python lists glues them together instead of adding element-wise.
def add(u, v):
    if len(u) != len(v):
        raise ValueError("u and v must have the same length")
    return u + v
