"""(in progress)"""
def det(A):
    raise NotImplementedError


inv = matmul = solve = transpose = det
