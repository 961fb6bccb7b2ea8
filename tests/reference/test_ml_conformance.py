"""Every groundup.ml estimator passes scikit-learn's own conformance suite.

``parametrize_with_checks`` runs scikit-learn's estimator checks (the ones ``check_estimator``
runs) on each estimator. A check that truly does not apply is listed in
``EXPECTED_FAILED_CHECKS`` below, with its reason: this is the only place where one may be.
"""

from __future__ import annotations

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

import groundup.ml as gml

# estimator class name -> {check name: why it does not apply}
EXPECTED_FAILED_CHECKS: dict[str, dict[str, str]] = {}


def _estimators() -> list:
    return [
        gml.LinearRegression(),
        gml.Ridge(),
        gml.LogisticRegression(),
        gml.DecisionTreeClassifier(random_state=0),
        gml.DecisionTreeRegressor(random_state=0),
        gml.RandomForestClassifier(n_estimators=10, random_state=0),
        gml.RandomForestRegressor(n_estimators=10, random_state=0),
        gml.KMeans(n_clusters=3, n_init=2, random_state=0),
        gml.PCA(),
        gml.StandardScaler(),
    ]


def _expected_failed(estimator) -> dict[str, str]:
    return EXPECTED_FAILED_CHECKS.get(type(estimator).__name__, {})


def test_every_estimator_is_importable_under_its_scikit_learn_name():
    for name in gml.__all__:
        assert getattr(gml, name).__name__ == name


@parametrize_with_checks(_estimators(), expected_failed_checks=_expected_failed)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


def test_expected_failures_name_real_checks_and_say_why():
    for name, checks in EXPECTED_FAILED_CHECKS.items():
        assert name in gml.__all__
        for check, reason in checks.items():
            assert check.startswith("check_") and len(reason) > 20, (name, check)


@pytest.mark.parametrize("name", gml.__all__)
def test_fitted_attributes_end_in_underscore_and_fit_returns_self(name):
    from sklearn.datasets import load_iris

    X, y = load_iris(return_X_y=True)
    est = getattr(gml, name)()
    assert est.fit(X, y) is est
    fitted = [a for a in vars(est) if a.endswith("_") and not a.startswith("_")]
    assert fitted, f"{name} sets no fitted attribute"
