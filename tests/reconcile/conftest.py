"""Fixtures of the reconciliation tests: ``bench``, the synthetic records of
``benchmarks/reconcile_bench.py``."""

import importlib.util
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def bench():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "reconcile_bench.py"
    spec = importlib.util.spec_from_file_location("reconcile_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
