"""Pausing the cyclic garbage collector (rasd.collector)."""

import gc

import pytest

from rasd.collector import collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with collector_paused(pause=False):
        assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error_and_left_off_if_it_was():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
