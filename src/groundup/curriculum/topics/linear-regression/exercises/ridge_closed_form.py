"""Exercise linreg.ridge_closed_form: ridge regression in closed form.

Run `groundup lesson linreg.least-squares` for the lesson,
`groundup check linreg.ridge_closed_form` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def ridge_closed_form(X: ArrayLike, y: ArrayLike, alpha: float = 1.0,
                      fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    r"""Ridge regression: least squares plus :math:`\alpha\lVert w\rVert^2`, intercept unpenalised.

    Minimise :math:`\lVert Xw + b - y\rVert^2 + \alpha\lVert w\rVert^2`. Centring removes the
    intercept from the problem: with :math:`X_c = X - \bar x` (column means) and
    :math:`y_c = y - \bar y`,

    .. math:: (X_c^\top X_c + \alpha I)\, w = X_c^\top y_c, \qquad b = \bar y - \bar x^\top w

    With ``fit_intercept=False``, do not centre (:math:`X_c = X`, :math:`y_c = y`) and
    :math:`b = 0`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    alpha : float, default 1.0
        The penalty strength, ``>= 0`` (0 is ordinary least squares).
    fit_intercept : bool, default True

    Returns
    -------
    coef : ndarray, shape (n_features,)
    intercept : float

    Raises
    ------
    ValueError
        If the shapes are wrong or ``alpha < 0``.

    Examples
    --------
    >>> coef, b = ridge_closed_form([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], alpha=2.0)
    >>> coef.round(6).tolist(), round(b, 6)
    ([1.0], 2.0)
    """
    # TODO: validate, centre (when fit_intercept), solve the penalised normal equation.
    raise NotImplementedError
