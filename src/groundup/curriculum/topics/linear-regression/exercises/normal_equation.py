"""Exercise linreg.normal_equation: least squares in closed form.

Run `groundup lesson linreg.least-squares` for the lesson, `groundup check linreg.normal_equation`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def normal_equation(X: ArrayLike, y: ArrayLike,
                    fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    r"""Least-squares weights and intercept from the normal equation.

    Prepend a column of ones to ``X`` (the intercept column): :math:`A = [\mathbf 1, X]`, of
    shape (n_samples, n_features + 1). The vector :math:`\theta = (b, w_1, \dots, w_d)` that
    minimises :math:`\lVert A\theta - y\rVert^2` solves

    .. math:: A^\top A \, \theta = A^\top y

    With ``fit_intercept=False`` there is no column of ones (:math:`A = X`) and the intercept
    is 0.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    fit_intercept : bool, default True

    Returns
    -------
    coef : ndarray, shape (n_features,)
        :math:`w`, without the intercept.
    intercept : float
        :math:`b` (0.0 without an intercept).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D, they hold different numbers of samples, or
        :math:`A^\top A` is singular (``np.linalg.solve`` raises ``LinAlgError``, a
        ``ValueError``, then).

    Examples
    --------
    >>> coef, intercept = normal_equation([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    >>> coef.round(6).tolist(), round(intercept, 6)
    ([2.0], 1.0)
    """
    # TODO: validate the shapes, build A, solve A^T A theta = A^T y, split theta.
    raise NotImplementedError
