"""Exercise linalg.power_iteration: the dominant eigenvalue and eigenvector.

Run `groundup lesson linalg.eigen` for the lesson, `groundup check linalg.power_iteration` to
check. Not allowed here: `numpy.linalg` (write the vector length as `np.sqrt(v @ v)`).
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def power_iteration(A: ArrayLike, num_iters: int = 1000,
                    tol: float = 1e-10) -> tuple[float, NDArray[np.float64]]:
    r"""The dominant eigenvalue (largest :math:`|\lambda|`) of a square matrix and its eigenvector.

    Start from a fixed (seeded) random unit vector and repeat

    .. math:: v_{t+1} = \frac{A v_t}{\lVert A v_t \rVert}

    until :math:`v` stops changing (up to sign: with a negative eigenvalue it flips every
    step). Then the eigenvalue is the Rayleigh quotient :math:`\lambda = v^\top A v`.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square matrix with one real eigenvalue of largest absolute value.
    num_iters : int
        The most iterations to run.
    tol : float
        Stop when :math:`\min(\lVert v_{t+1} - v_t \rVert, \lVert v_{t+1} + v_t \rVert) <` tol.

    Returns
    -------
    eigenvalue : float
    eigenvector : ndarray, shape (n,)
        Of length 1 (either sign is right).

    Raises
    ------
    ValueError
        If ``A`` is not a square 2-D matrix.

    Examples
    --------
    >>> lam, v = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> round(lam, 6), np.round(np.abs(v), 6)
    (3.0, array([0.707107, 0.707107]))
    """
    # TODO: validate A; start from np.random.default_rng(0).normal(size=n), scaled to length 1;
    # multiply by A and rescale until v stops changing; return (v @ A @ v, v).
    # If A @ v is the zero vector, v is an eigenvector with eigenvalue 0.
    raise NotImplementedError
