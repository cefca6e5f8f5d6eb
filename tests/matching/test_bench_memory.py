"""The matching benchmark counts the memory of the worker processes it forks, not just its own."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.connection import Connection

import pytest

from bench.matching.tools import PeakMemory, tree_memory_mb

MB = 1024 * 1024


def _hold(conn: Connection) -> None:
    block = bytearray(b"x" * (80 * MB))  # private, written: counted in this worker alone
    conn.send(len(block))
    conn.recv()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_forked_workers_own_memory_is_counted_once() -> None:
    alone, _ = tree_memory_mb()
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    worker = ctx.Process(target=_hold, args=(child,))
    worker.start()
    try:
        assert parent.recv() == 80 * MB
        memory = PeakMemory(period=0.01)
        with_worker, summed_rss = tree_memory_mb()
        peaks = memory.stop()
    finally:
        parent.send("done")
        worker.join()
    assert with_worker - alone > 70  # the worker's 80 MB are in the tree's total
    assert summed_rss >= with_worker  # shared pages count once in PSS, in every process in the RSS sum
    assert peaks["peak_rss_mb"] >= alone + 70 and peaks["peak_rss_main_mb"] < peaks["peak_rss_sum_mb"]
