"""Linear algebra from scratch: vectors, matrices, linear systems and eigenvectors.

Phase 1 of the course. Every function here is what a learner writes in an exercise, and each
is tested against ``numpy.linalg`` (``tests/reference/``).
"""

from groundup.linalg.eigen import covariance, eigh, pca_project, power_iteration
from groundup.linalg.matrices import det, inv, matmul, solve, transpose
from groundup.linalg.vectors import add, cosine_similarity, dot, norm, scale

__all__ = [
    "add", "cosine_similarity", "covariance", "det", "dot", "eigh", "inv", "matmul", "norm",
    "pca_project", "power_iteration", "scale", "solve", "transpose",
]
