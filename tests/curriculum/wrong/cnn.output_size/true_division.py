# Wrong: true division instead of floor division, so strides that do not divide evenly
# give a fraction of a position.
def output_size(n, kernel_size, stride=1, padding=0):
    if n < 1 or kernel_size < 1 or stride < 1 or padding < 0 or kernel_size > n + 2 * padding:
        raise ValueError("bad sizes")
    return (n + 2 * padding - kernel_size) / stride + 1
