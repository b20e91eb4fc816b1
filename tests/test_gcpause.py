"""Bulk work without cyclic-GC passes leaves the collector as it found it, even when the work fails."""

from __future__ import annotations

import gc

import pytest

from cchc.adapters.gcpause import no_gc_pauses


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_inside_and_restored_after(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ValueError), no_gc_pauses():
            assert not gc.isenabled()
            raise ValueError("a broken file")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
