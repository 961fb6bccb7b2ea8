# Wrong: zip() silently drops the extra elements when the lengths differ.
def dot(u, v):
    return float(sum(a * b for a, b in zip(u, v)))  # noqa: B905 - the mistake shown here
