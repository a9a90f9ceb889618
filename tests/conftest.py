"""Shared fixtures: a seeded generator, so every random test is reproducible."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A fresh, seeded generator for each test."""
    return np.random.default_rng(0)
