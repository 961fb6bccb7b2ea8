# Wrong: no validation: a kernel larger than the input gives 0 or a negative size.
def output_size(n, kernel_size, stride=1, padding=0):
    return (n + 2 * padding - kernel_size) // stride + 1
