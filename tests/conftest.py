from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from groundup.curriculum import load_registry

# The tests run on shared 2-core machines: wall-clock limits on generating or running one
# example measure the machine's load, not the code. Every property still runs in full.
settings.register_profile("groundup", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("groundup")


@pytest.fixture(scope="session")
def registry():
    return load_registry()
