"""Linear models from their math: least squares, ridge, logistic and softmax regression.

The module has two layers. The **pieces** are plain NumPy functions that the learner writes
in the ``linear-regression`` and ``logistic-regression`` topics (the normal equation, the
mean-squared-error gradient, gradient descent, the ridge closed form, a stable sigmoid and
softmax, the log-loss and its gradient). The **estimators** (:class:`LinearRegression`,
:class:`Ridge`, :class:`LogisticRegression`) are built from them and follow scikit-learn's
estimator contract, so that they pass ``sklearn.utils.estimator_checks`` and match
``sklearn.linear_model`` on real data (``tests/reference/test_ml_linear.py``).

Glossary: ``X`` (n_samples, n_features), ``y`` (n_samples,), ``w``/``coef`` the weights,
``b``/``intercept`` the bias, ``lr`` the learning rate, ``num_epochs`` full passes.
"""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

FloatArray = NDArray[np.float64]


# ---------------------------------------------------------------------------------------------
# Input validation for the pieces


def _check_x(X: ArrayLike, name: str = "X") -> FloatArray:
    X_arr = np.asarray(X, dtype=float)
    if X_arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D (n_samples, n_features), got shape {X_arr.shape}")
    if X_arr.shape[0] == 0 or X_arr.shape[1] == 0:
        raise ValueError(f"{name} must hold at least one sample and one feature, got shape "
                         f"{X_arr.shape}")
    if not np.all(np.isfinite(X_arr)):
        raise ValueError(f"{name} contains NaN or infinity")
    return X_arr


def _check_xy(X: ArrayLike, y: ArrayLike) -> tuple[FloatArray, FloatArray]:
    X_arr = _check_x(X)
    y_arr = np.asarray(y, dtype=float)
    if y_arr.ndim != 1:
        raise ValueError(f"y must be 1-D (n_samples,), got shape {y_arr.shape}")
    if y_arr.shape[0] != X_arr.shape[0]:
        raise ValueError(f"X and y must have the same number of samples, got {X_arr.shape[0]} "
                         f"and {y_arr.shape[0]}")
    if not np.all(np.isfinite(y_arr)):
        raise ValueError("y contains NaN or infinity")
    return X_arr, y_arr


def _check_w(w: ArrayLike, n_features: int) -> FloatArray:
    w_arr = np.asarray(w, dtype=float)
    if w_arr.shape != (n_features,):
        raise ValueError(f"w must have shape ({n_features},) to match X, got {w_arr.shape}")
    return w_arr


def _check_labels01(y: FloatArray) -> FloatArray:
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must hold only the labels 0 and 1")
    return y


def _check_lr_epochs(lr: Any, num_epochs: Any) -> tuple[float, int]:
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real) or not np.isfinite(float(lr)) \
            or lr <= 0:
        raise ValueError(f"lr must be a positive number, got {lr!r}")
    if isinstance(num_epochs, bool) or not isinstance(num_epochs, numbers.Integral) \
            or num_epochs < 0:
        raise ValueError(f"num_epochs must be a non-negative integer, got {num_epochs!r}")
    return float(lr), int(num_epochs)


# ---------------------------------------------------------------------------------------------
# Linear regression: the pieces


def normal_equation(X: ArrayLike, y: ArrayLike,
                    fit_intercept: bool = True) -> tuple[FloatArray, float]:
    r"""Least squares in closed form: solve the normal equation.

    With a column of ones prepended to ``X`` (the intercept column), the design matrix is
    :math:`A = [\mathbf 1, X]` of shape (n_samples, n_features + 1) and the weights
    :math:`\theta = (b, w_1, \dots, w_d)` that minimise :math:`\lVert A\theta - y\rVert^2`
    solve

    .. math:: A^\top A \, \theta = A^\top y

    Without an intercept, :math:`A = X` and :math:`b = 0`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    fit_intercept : bool, default True

    Returns
    -------
    coef : ndarray, shape (n_features,)
    intercept : float

    Raises
    ------
    ValueError
        If the shapes are wrong or disagree, or :math:`A^\top A` is singular.

    Examples
    --------
    >>> coef, intercept = normal_equation([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    >>> coef.round(6).tolist(), round(intercept, 6)
    ([2.0], 1.0)
    """
    X_arr, y_arr = _check_xy(X, y)
    n_samples = X_arr.shape[0]
    A = np.column_stack([np.ones(n_samples), X_arr]) if fit_intercept else X_arr  # (n, d+1)
    theta = np.linalg.solve(A.T @ A, A.T @ y_arr)  # LinAlgError (a ValueError) if singular
    if fit_intercept:
        return theta[1:], float(theta[0])
    return theta, 0.0


def mse_loss_and_gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike,
                          b: float) -> tuple[float, FloatArray, float]:
    r"""Mean squared error of the linear model :math:`\hat y = Xw + b`, and its gradient.

    .. math::
        L = \frac1n \lVert Xw + b - y \rVert^2, \qquad
        \nabla_w L = \frac2n X^\top (Xw + b - y), \qquad
        \frac{\partial L}{\partial b} = \frac2n \sum_i (x_i^\top w + b - y_i)

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    w : array_like, shape (n_features,)
    b : float

    Returns
    -------
    (loss, grad_w, grad_b) : tuple of float, ndarray of shape (n_features,), float

    Raises
    ------
    ValueError
        If the shapes disagree.

    Examples
    --------
    >>> loss, gw, gb = mse_loss_and_gradient([[1.0], [2.0]], [1.0, 3.0], [1.0], 0.0)
    >>> loss, gw.tolist(), gb
    (0.5, [-2.0], -1.0)
    """
    X_arr, y_arr = _check_xy(X, y)
    w_arr = _check_w(w, X_arr.shape[1])
    n_samples = X_arr.shape[0]
    residual = X_arr @ w_arr + float(b) - y_arr  # (n_samples,)
    loss = float(residual @ residual / n_samples)
    grad_w = 2.0 * (X_arr.T @ residual) / n_samples  # (n_features,)
    grad_b = float(2.0 * residual.sum() / n_samples)
    return loss, grad_w, grad_b


def fit_gradient_descent(X: ArrayLike, y: ArrayLike, lr: float = 0.1,
                         num_epochs: int = 1000) -> tuple[FloatArray, float, FloatArray]:
    r"""Fit :math:`\hat y = Xw + b` by full-batch gradient descent on the mean squared error.

    Start at :math:`w = 0, b = 0`; each epoch records the loss :math:`L(w, b)`, then steps

    .. math:: w \leftarrow w - \eta \nabla_w L, \qquad b \leftarrow b - \eta\,\partial_b L

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Standardise the features first, or a safe ``lr`` becomes tiny.
    y : array_like, shape (n_samples,)
    lr : float, default 0.1
        The learning rate :math:`\eta > 0`.
    num_epochs : int, default 1000
        Number of steps, ``>= 0``.

    Returns
    -------
    coef : ndarray, shape (n_features,)
    intercept : float
    losses : ndarray, shape (num_epochs,)
        ``losses[k]`` is the loss *before* step ``k``.

    Raises
    ------
    ValueError
        If the shapes are wrong, ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> coef, b, losses = fit_gradient_descent([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0],
    ...                                        lr=0.1, num_epochs=2000)
    >>> coef.round(6).tolist(), round(b, 6), losses[0]
    ([2.0], 1.0, 11.666666666666666)
    """
    X_arr, y_arr = _check_xy(X, y)
    lr, num_epochs = _check_lr_epochs(lr, num_epochs)
    w = np.zeros(X_arr.shape[1])
    b = 0.0
    losses = np.empty(num_epochs)
    for epoch in range(num_epochs):
        losses[epoch], grad_w, grad_b = mse_loss_and_gradient(X_arr, y_arr, w, b)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b, losses


def _center(X: FloatArray, y: FloatArray,
            fit_intercept: bool) -> tuple[FloatArray, FloatArray, FloatArray, float]:
    """Centred copies of X and y, with their means (zeros when there is no intercept)."""
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    X_mean = X.mean(axis=0)  # (n_features,)
    y_mean = float(y.mean())
    return X - X_mean, y - y_mean, X_mean, y_mean


def ridge_closed_form(X: ArrayLike, y: ArrayLike, alpha: float = 1.0,
                      fit_intercept: bool = True) -> tuple[FloatArray, float]:
    r"""Ridge regression in closed form; the intercept is not penalised.

    Minimise :math:`\lVert Xw + b - y\rVert^2 + \alpha \lVert w\rVert^2`. Centring removes
    the intercept: with :math:`X_c = X - \bar x` and :math:`y_c = y - \bar y`,

    .. math:: (X_c^\top X_c + \alpha I)\, w = X_c^\top y_c, \qquad b = \bar y - \bar x^\top w

    Without an intercept, :math:`X_c = X`, :math:`y_c = y` and :math:`b = 0`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    alpha : float, default 1.0
        The penalty strength, ``>= 0``.
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
    X_arr, y_arr = _check_xy(X, y)
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real) or not alpha >= 0:
        raise ValueError(f"alpha must be a number >= 0, got {alpha!r}")
    Xc, yc, X_mean, y_mean = _center(X_arr, y_arr, fit_intercept)
    gram = Xc.T @ Xc  # (n_features, n_features)
    gram[np.diag_indices_from(gram)] += alpha
    coef = np.linalg.solve(gram, Xc.T @ yc)
    return coef, float(y_mean - X_mean @ coef)


# ---------------------------------------------------------------------------------------------
# Logistic regression: the pieces


def sigmoid(z: ArrayLike) -> Any:
    r"""The logistic sigmoid :math:`\sigma(z) = \dfrac{1}{1 + e^{-z}}`, stable for large
    :math:`|z|`.

    :math:`e^{-z}` overflows for :math:`z < -709`; for negative :math:`z` the equal form
    :math:`\sigma(z) = \dfrac{e^{z}}{1 + e^{z}}` only ever exponentiates a negative number.

    Parameters
    ----------
    z : float or array_like

    Returns
    -------
    float or ndarray
        Same shape as ``z``, values in :math:`[0, 1]`.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1000.0, 1000.0]).tolist()
    [0.0, 1.0]
    """
    z_arr = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z_arr))  # in (0, 1]: never overflows
    out = np.where(z_arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(out) if out.ndim == 0 else out


def log_loss(y: ArrayLike, p: ArrayLike) -> float:
    r"""The mean binary log-loss (cross-entropy) of probabilities ``p`` for labels ``y``.

    .. math:: L = -\frac1n \sum_i \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big]

    ``p`` is clipped to :math:`[\varepsilon, 1 - \varepsilon]` with :math:`\varepsilon` the
    machine epsilon (``np.finfo(float).eps``), as scikit-learn does, so that a confident
    mistake costs a large but finite amount.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    p : array_like, shape (n_samples,)
        Predicted probabilities of label 1, each in [0, 1].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the shapes disagree, are empty, a label is not 0/1 or a probability is outside
        [0, 1].

    Examples
    --------
    >>> round(log_loss([1, 0], [0.9, 0.2]), 6)
    0.164252
    """
    y_arr = np.asarray(y, dtype=float)
    p_arr = np.asarray(p, dtype=float)
    if y_arr.ndim != 1 or p_arr.shape != y_arr.shape or y_arr.size == 0:
        raise ValueError(f"y and p must be non-empty 1-D arrays of the same length, got shapes "
                         f"{y_arr.shape} and {p_arr.shape}")
    _check_labels01(y_arr)
    if not np.all((p_arr >= 0) & (p_arr <= 1)):
        raise ValueError("p must hold probabilities in [0, 1]")
    eps = np.finfo(float).eps
    p_arr = np.clip(p_arr, eps, 1 - eps)
    return float(-np.mean(y_arr * np.log(p_arr) + (1 - y_arr) * np.log(1 - p_arr)))


def log_loss_gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike,
                      b: float) -> tuple[FloatArray, float]:
    r"""Gradient of the mean log-loss of :math:`p = \sigma(Xw + b)` with respect to ``w``, ``b``.

    The sigmoid's derivative cancels the log's, leaving "prediction minus label":

    .. math:: \nabla_w L = \frac1n X^\top(\sigma(Xw + b) - y), \qquad
              \frac{\partial L}{\partial b} = \frac1n \sum_i (\sigma(x_i^\top w + b) - y_i)

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    w : array_like, shape (n_features,)
    b : float

    Returns
    -------
    (grad_w, grad_b) : ndarray of shape (n_features,), float

    Raises
    ------
    ValueError
        If the shapes disagree or a label is not 0/1.

    Examples
    --------
    >>> gw, gb = log_loss_gradient([[1.0], [-1.0]], [1.0, 0.0], [0.0], 0.0)
    >>> gw.tolist(), gb
    ([-0.5], 0.0)
    """
    X_arr, y_arr = _check_xy(X, y)
    _check_labels01(y_arr)
    w_arr = _check_w(w, X_arr.shape[1])
    error = sigmoid(X_arr @ w_arr + float(b)) - y_arr  # (n_samples,)
    n_samples = X_arr.shape[0]
    return X_arr.T @ error / n_samples, float(error.sum() / n_samples)


def fit_logistic(X: ArrayLike, y: ArrayLike, lr: float = 0.1,
                 num_epochs: int = 1000) -> tuple[FloatArray, float]:
    r"""Fit binary logistic regression by full-batch gradient descent on the mean log-loss.

    Start at :math:`w = 0, b = 0`; each epoch steps
    :math:`w \leftarrow w - \eta \nabla_w L`, :math:`b \leftarrow b - \eta\,\partial_b L`
    (see :func:`log_loss_gradient`).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    lr : float, default 0.1
    num_epochs : int, default 1000

    Returns
    -------
    w : ndarray, shape (n_features,)
    b : float

    Raises
    ------
    ValueError
        If the shapes are wrong, a label is not 0/1, ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> w, b = fit_logistic([[-2.0], [-1.0], [1.0], [2.0]], [0, 1, 0, 1], num_epochs=10)
    >>> w.shape
    (1,)
    """
    X_arr, y_arr = _check_xy(X, y)
    _check_labels01(y_arr)
    lr, num_epochs = _check_lr_epochs(lr, num_epochs)
    w = np.zeros(X_arr.shape[1])
    b = 0.0
    for _ in range(num_epochs):
        grad_w, grad_b = log_loss_gradient(X_arr, y_arr, w, b)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b


def softmax(Z: ArrayLike) -> FloatArray:
    r"""Row-wise softmax, stable for large scores.

    .. math:: \operatorname{softmax}(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}},
              \qquad m = \max_j z_j

    Subtracting the row maximum changes nothing mathematically and keeps every exponent
    :math:`\le 0`, so nothing overflows.

    Parameters
    ----------
    Z : array_like, shape (n_samples, n_classes)

    Returns
    -------
    ndarray, shape (n_samples, n_classes)
        Each row is non-negative and sums to 1.

    Raises
    ------
    ValueError
        If ``Z`` is not 2-D.

    Examples
    --------
    >>> softmax([[0.0, 0.0], [1000.0, 0.0]]).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    Z_arr = np.asarray(Z, dtype=float)
    if Z_arr.ndim != 2:
        raise ValueError(f"Z must be 2-D (n_samples, n_classes), got shape {Z_arr.shape}")
    E = np.exp(Z_arr - Z_arr.max(axis=1, keepdims=True))  # (n_samples, n_classes)
    return E / E.sum(axis=1, keepdims=True)


def _log_softmax(Z: FloatArray) -> FloatArray:
    shifted = Z - Z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def fit_softmax(X: ArrayLike, y: ArrayLike, n_classes: int, lr: float = 0.1,
                num_epochs: int = 1000) -> tuple[FloatArray, FloatArray]:
    r"""Fit softmax (multinomial logistic) regression by full-batch gradient descent.

    Scores :math:`Z = XW^\top + b` (one row of ``W`` per class), probabilities
    :math:`P = \operatorname{softmax}(Z)` row-wise, one-hot labels :math:`Y`. The mean
    cross-entropy :math:`L = -\frac1n \sum_i \log P_{i, y_i}` has the gradient

    .. math:: \nabla_W L = \frac1n (P - Y)^\top X, \qquad \nabla_b L = \frac1n \sum_i (P_i - Y_i)

    Start at :math:`W = 0, b = 0` and take ``num_epochs`` steps of size ``lr``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Class indices 0, ..., n_classes - 1.
    n_classes : int, >= 2
    lr : float, default 0.1
    num_epochs : int, default 1000

    Returns
    -------
    W : ndarray, shape (n_classes, n_features)
    b : ndarray, shape (n_classes,)

    Raises
    ------
    ValueError
        If the shapes are wrong, a label is not an integer in [0, n_classes), ``n_classes < 2``,
        ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> W, b = fit_softmax([[0.0], [1.0], [2.0]], [0, 1, 2], n_classes=3, num_epochs=10)
    >>> W.shape, b.shape
    ((3, 1), (3,))
    """
    X_arr, y_arr = _check_xy(X, y)
    if isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral) \
            or n_classes < 2:
        raise ValueError(f"n_classes must be an integer >= 2, got {n_classes!r}")
    if not np.all((y_arr == np.round(y_arr)) & (y_arr >= 0) & (y_arr < n_classes)):
        raise ValueError(f"y must hold class indices 0, ..., {n_classes - 1}")
    lr, num_epochs = _check_lr_epochs(lr, num_epochs)
    n_samples, n_features = X_arr.shape
    Y = np.zeros((n_samples, n_classes))
    Y[np.arange(n_samples), y_arr.astype(int)] = 1.0  # one-hot, (n_samples, n_classes)
    W = np.zeros((n_classes, n_features))
    b = np.zeros(n_classes)
    for _ in range(num_epochs):
        error = softmax(X_arr @ W.T + b) - Y  # (n_samples, n_classes)
        W = W - lr * (error.T @ X_arr) / n_samples
        b = b - lr * error.sum(axis=0) / n_samples
    return W, b


# ---------------------------------------------------------------------------------------------
# The estimators


class LinearRegression(RegressorMixin, BaseEstimator):
    r"""Ordinary least squares: minimise :math:`\lVert Xw + b - y\rVert^2`.

    Centres ``X`` and ``y`` (which removes the intercept), then solves the least-squares
    problem with an SVD-based solver (``numpy.linalg.lstsq``), which, unlike the normal
    equation, stays accurate for ill-conditioned ``X`` and returns the minimum-norm solution
    when features are collinear, as scikit-learn does.

    Parameters
    ----------
    fit_intercept : bool, default True

    Attributes
    ----------
    coef_ : ndarray, shape (n_features,)
    intercept_ : float
    rank_ : int
    singular_ : ndarray, shape (min(n_samples, n_features),)
    n_features_in_ : int
    """

    def __init__(self, *, fit_intercept: bool = True) -> None:
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> LinearRegression:
        """Fit the model; returns ``self``."""
        X_arr, y_arr = validate_data(self, X, y, y_numeric=True, dtype=np.float64)
        Xc, yc, X_mean, y_mean = _center(X_arr, y_arr, self.fit_intercept)
        coef, _, rank, singular = np.linalg.lstsq(Xc, yc, rcond=None)
        self.coef_ = coef
        self.intercept_ = float(y_mean - X_mean @ coef) if self.fit_intercept else 0.0
        self.rank_ = int(rank)
        self.singular_ = singular
        return self

    def predict(self, X: ArrayLike) -> FloatArray:
        """Predictions :math:`Xw + b`, shape (n_samples,)."""
        check_is_fitted(self)
        X_arr = validate_data(self, X, reset=False, dtype=np.float64)
        return X_arr @ self.coef_ + self.intercept_


class Ridge(RegressorMixin, BaseEstimator):
    r"""Least squares with an L2 penalty: minimise
    :math:`\lVert Xw + b - y\rVert^2 + \alpha\lVert w\rVert^2` (the intercept is not
    penalised), in closed form (:func:`ridge_closed_form`).

    Parameters
    ----------
    alpha : float, default 1.0
    fit_intercept : bool, default True

    Attributes
    ----------
    coef_ : ndarray, shape (n_features,)
    intercept_ : float
    n_features_in_ : int
    """

    coef_: FloatArray
    intercept_: float

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> Ridge:
        """Fit the model; returns ``self``."""
        X_arr, y_arr = validate_data(self, X, y, y_numeric=True, dtype=np.float64)
        if isinstance(self.alpha, bool) or not isinstance(self.alpha, numbers.Real) \
                or not self.alpha >= 0:
            raise ValueError(f"alpha must be a number >= 0, got {self.alpha!r}")
        coef, intercept = ridge_closed_form(X_arr, y_arr, float(self.alpha), self.fit_intercept)
        self.coef_ = coef
        self.intercept_ = intercept
        return self

    def predict(self, X: ArrayLike) -> FloatArray:
        """Predictions :math:`Xw + b`, shape (n_samples,)."""
        check_is_fitted(self)
        X_arr = validate_data(self, X, reset=False, dtype=np.float64)
        return X_arr @ self.coef_ + self.intercept_


def _logistic_objective(theta: FloatArray, X: FloatArray, Y: FloatArray, inv_C: float,
                        fit_intercept: bool) -> tuple[float, FloatArray]:
    r"""The penalised log-loss, divided by n, and its gradient, for L-BFGS.

    ``theta`` packs ``W`` (n_rows, n_features) then, with an intercept, ``b`` (n_rows,).
    One row (binary, ``Y`` of shape (n, 1)): :math:`\sum_i \log(1 + e^{z_i}) - y_i z_i`.
    Several rows (multinomial, ``Y`` one-hot): :math:`\sum_i \operatorname{logsumexp}(z_i)
    - z_{i, y_i}`. Plus :math:`\frac{1}{2C}\lVert W\rVert^2`.
    """
    n_samples, n_features = X.shape
    n_rows = Y.shape[1]
    W = theta[: n_rows * n_features].reshape(n_rows, n_features)  # (n_rows, n_features)
    b = theta[n_rows * n_features:] if fit_intercept else np.zeros(n_rows)
    if n_rows == 1:
        # Vectors, not (n, 1) matrices: matrix-vector products are much cheaper here.
        y, w = Y[:, 0], W[0]
        z = X @ w + b[0]  # (n_samples,)
        # Element-wise, not `y @ z`: a BLAS dot product over n_samples may wake BLAS threads.
        loss = (np.logaddexp(0.0, z) - y * z).sum() + 0.5 * inv_C * (w @ w)
        error = sigmoid(z) - y  # (n_samples,)
        grad = X.T @ error + inv_C * w  # (n_features,)
        if fit_intercept:
            grad = np.append(grad, error.sum())
        return float(loss) / n_samples, grad / n_samples
    Z = X @ W.T + b  # (n_samples, n_rows)
    log_P = _log_softmax(Z)
    loss = -(Y * log_P).sum() + 0.5 * inv_C * (W * W).sum()
    error_matrix = np.exp(log_P) - Y  # (n_samples, n_rows)
    grad = (error_matrix.T @ X + inv_C * W).ravel()  # (n_rows * n_features,)
    if fit_intercept:
        grad = np.concatenate([grad, error_matrix.sum(axis=0)])
    return float(loss) / n_samples, grad / n_samples


class LogisticRegression(ClassifierMixin, BaseEstimator):
    r"""Logistic regression, binary or multinomial (softmax), with an L2 penalty.

    Minimises :math:`\frac{1}{2C}\lVert W\rVert^2 + \sum_i \ell_i` where :math:`\ell_i` is the
    log-loss of sample :math:`i` (sigmoid for two classes, softmax for more); the intercept is
    not penalised. This is scikit-learn's objective, and, like its default solver, it is
    minimised with L-BFGS (``scipy.optimize.minimize``) on our own loss and gradient.

    Parameters
    ----------
    C : float, default 1.0
        Inverse penalty strength, ``> 0``; ``numpy.inf`` means no penalty.
    fit_intercept : bool, default True
    max_iter : int, default 100
        L-BFGS iterations at most.
    tol : float, default 1e-4
        Stop when every gradient component is below ``tol`` (in absolute value).

    Attributes
    ----------
    classes_ : ndarray, shape (n_classes,)
    coef_ : ndarray, shape (1, n_features) for two classes, (n_classes, n_features) otherwise
    intercept_ : ndarray, shape (1,) or (n_classes,)
    n_iter_ : ndarray, shape (1,)
    n_features_in_ : int
    """

    def __init__(self, C: float = 1.0, *, fit_intercept: bool = True, max_iter: int = 100,
                 tol: float = 1e-4) -> None:
        self.C = C
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def _validate_params_by_hand(self) -> None:
        if isinstance(self.C, bool) or not isinstance(self.C, numbers.Real) or not self.C > 0:
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if isinstance(self.max_iter, bool) or not isinstance(self.max_iter, numbers.Integral) \
                or self.max_iter < 1:
            raise ValueError(f"max_iter must be a positive integer, got {self.max_iter!r}")
        if isinstance(self.tol, bool) or not isinstance(self.tol, numbers.Real) \
                or not self.tol >= 0:
            raise ValueError(f"tol must be a number >= 0, got {self.tol!r}")

    def fit(self, X: ArrayLike, y: ArrayLike) -> LogisticRegression:
        """Fit the model; returns ``self``."""
        # Imported here: the exercises built from this module may forbid SciPy.
        from scipy.optimize import minimize

        self._validate_params_by_hand()
        X_arr, y_arr = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y_arr)
        self.classes_, y_index = np.unique(y_arr, return_inverse=True)
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError("this solver needs samples of at least 2 classes in the data, but "
                             f"the data contain only one class: {self.classes_[0]!r}")
        n_samples, n_features = X_arr.shape
        if n_classes == 2:
            Y = (y_index == 1).astype(float)[:, None]  # (n_samples, 1)
        else:
            Y = np.zeros((n_samples, n_classes))
            Y[np.arange(n_samples), y_index] = 1.0  # one-hot, (n_samples, n_classes)
        n_rows = Y.shape[1]
        theta0 = np.zeros(n_rows * (n_features + int(self.fit_intercept)))
        inv_C = 0.0 if np.isinf(self.C) else 1.0 / float(self.C)
        result = minimize(
            _logistic_objective, theta0, args=(X_arr, Y, inv_C, bool(self.fit_intercept)),
            jac=True, method="L-BFGS-B",
            options={"maxiter": int(self.max_iter), "gtol": float(self.tol),
                     "ftol": 64 * np.finfo(float).eps, "maxls": 50},
        )
        if result.status == 1:  # iteration limit reached
            warnings.warn(f"L-BFGS did not converge in {self.max_iter} iterations: increase "
                          "max_iter or scale the data (StandardScaler)", ConvergenceWarning,
                          stacklevel=2)
        theta = result.x
        self.coef_ = theta[: n_rows * n_features].reshape(n_rows, n_features)
        self.intercept_ = theta[n_rows * n_features:] if self.fit_intercept else np.zeros(n_rows)
        self.n_iter_ = np.array([result.nit])
        return self

    def decision_function(self, X: ArrayLike) -> FloatArray:
        """Scores :math:`XW^\\top + b`: shape (n_samples,) for two classes (the score of
        ``classes_[1]``), (n_samples, n_classes) otherwise."""
        check_is_fitted(self)
        X_arr = validate_data(self, X, reset=False, dtype=np.float64)
        scores = X_arr @ self.coef_.T + self.intercept_  # (n_samples, n_rows)
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X: ArrayLike) -> FloatArray:
        """Class probabilities, shape (n_samples, n_classes), columns in ``classes_`` order."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            p = sigmoid(scores)
            return np.column_stack([1.0 - p, p])
        return softmax(scores)

    def predict_log_proba(self, X: ArrayLike) -> FloatArray:
        """Log class probabilities, computed without taking the log of a rounded 0."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            # log sigma(z) = -log(1 + e^{-z}); log(1 - sigma(z)) = -log(1 + e^{z})
            return np.column_stack([-np.logaddexp(0.0, scores), -np.logaddexp(0.0, -scores)])
        return _log_softmax(scores)

    def predict(self, X: ArrayLike) -> NDArray[Any]:
        """The most probable class of each sample, shape (n_samples,)."""
        scores = self.decision_function(X)
        index = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[index]
