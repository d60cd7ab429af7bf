"""The hub's own site is built before any test copies the hub: copies take the caches that
build leaves in .cache (tests/helpers.py, BUILD_CACHES), as an editor's copy has them."""

import pytest


@pytest.fixture(scope="session", autouse=True)
def build_caches_are_warm(hub_site):
    return hub_site
