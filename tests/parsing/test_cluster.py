"""engine="dask": the same analysis on a LocalCluster with two worker processes."""

from __future__ import annotations

import dask.distributed as distributed
import pandas as pd
import pytest

import mediakit


@pytest.mark.slow
def test_dask_engine_matches_local_run(corpus, tmp_path):
    local = mediakit.analyze(corpus, cache_dir=tmp_path / "local", n_process=1)
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster):
        remote = mediakit.analyze(corpus, cache_dir=tmp_path / "dask", engine="dask")
    pd.testing.assert_frame_equal(local, remote)
    # The records really came from the cluster: the dask cache was empty before.
    assert list((tmp_path / "dask").rglob("part-*.parquet"))


def test_dask_engine_without_a_client_says_what_to_do(corpus, tmp_path):
    with pytest.raises(mediakit.CorpusError, match="Client"):
        mediakit.analyze(corpus, cache_dir=tmp_path, engine="dask")
