"""The Dask engine: sources spread over dask.distributed workers, results back to the one writer.

Each worker reads, cleans, parses and extracts whole sources (:func:`process_source`). The main
process keeps at most ``in_flight`` sources submitted or waiting, takes results as they complete
(``as_completed``) and hands them on in the order of the sources, so the writer stores the same facts
as the local engine: corpus-wide steps (known copies, near-duplicates, entity linking) depend on it.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import Any

from ..config import Settings
from ..ingest import Source
from ..model import Article
from ..pipeline import Step
from .pool import frozen
from .worker import BuildFn, failed_source, process_source, warm_pipeline

#: Sources submitted or finished but not yet written, per worker.
IN_FLIGHT_PER_WORKER = 4

#: Dask settings of a LocalCluster: no statistical profiler in the workers (it samples every task's
#: stack for a dashboard the local engine does not start; about a fifth of a busy worker's CPU time),
#: slower housekeeping ticks and no work stealing. Idle, a 2-worker cluster then takes 0.2 instead of
#: 1.1 s of CPU per 20 s in the writer's process and 0.1 instead of 0.7 s in each worker: CPU the
#: workers and the writer get back on a small machine.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,  # the bounded, ordered queue already balances the workers
}


def open_client(settings: Settings, build: BuildFn | None = None) -> tuple[Any, Any]:
    """A client for ``settings.scheduler``, or for a new LocalCluster of ``settings.workers`` processes.

    Returns ``(client, cluster)``; ``cluster`` is None for an existing scheduler. Each local worker is a
    process with one thread, so each parses on its own core. On Linux the pipeline is loaded and run
    once here and the workers are forked from this process, so they share its loaded model instead of
    each loading its own (the model's pages are shared until written).
    """
    import dask
    from distributed import Client, LocalCluster

    if settings.scheduler:
        return Client(settings.scheduler), None
    method = "spawn"
    if build is not None and sys.platform.startswith("linux"):
        warm_pipeline(build, settings)  # workers forked from here start with the model and tables loaded
        method = "fork"
    # forked workers inherit the model and tables left out of their garbage collections
    with frozen() if method == "fork" else nullcontext(), dask.config.set(
        {**LOCAL_CLUSTER_CONFIG, "distributed.worker.multiprocessing-method": method}
    ):
        cluster = LocalCluster(
            n_workers=settings.workers or 2, threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


def dask_articles(
    sources: Iterable[Source],
    settings: Settings,
    build: BuildFn,
    *,
    outlet: str | None = None,
    published: str | None = None,
    known: Step | None = None,
    client: Any = None,
) -> Iterator[Article]:
    """Analysed articles of ``sources``, in source order, computed on Dask workers by ``build``'s steps.

    ``known`` (the known-copy filter, which reads the database) runs here, in the writer's process.
    ``client`` is an open ``distributed.Client`` to use (and leave open); by default one is opened
    from ``settings`` and closed when the stream ends or is closed.
    """
    own = client is None
    cluster = None
    if own:
        client, cluster = open_client(settings, build)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        bound = max(settings.in_flight or IN_FLIGHT_PER_WORKER * workers, 1)
        task = functools.partial(process_source, settings=settings, build=build, outlet=outlet, published=published)
        results = ordered_results(client, sources, task, bound)
        yield from known.run(results) if known is not None else results
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def ordered_results(
    client: Any, sources: Iterable[Source], task: Callable[[Source], list[Article]], bound: int
) -> Iterator[Article]:
    """Submit ``task(source)`` while fewer than ``bound`` are pending; yield the articles in source order."""
    from distributed import as_completed

    todo = enumerate(sources)
    pending: dict[str, tuple[int, Source]] = {}
    ready: dict[int, list[Article]] = {}
    done = as_completed()
    following = 0

    def top_up() -> None:
        while len(pending) + len(ready) < bound:
            item = next(todo, None)
            if item is None:
                return
            future = client.submit(task, item[1], pure=False)
            pending[future.key] = item
            done.add(future)

    top_up()
    for future in done:
        index, source = pending.pop(future.key)
        try:
            ready[index] = future.result()
        except Exception as exc:  # a worker that died or could not run the task
            ready[index] = [failed_source(source, exc)]
        future.release()
        while following in ready:
            yield from ready.pop(following)
            following += 1
        top_up()
