"""Inputs for a cluster: local paths, or fsspec URLs (``s3://``, ``gcs://``, ``file://``, ``memory://``...).

A local path (or a ``file://`` URL) is discovered and checked as usual. A URL of another filesystem is
listed here (a directory recursively, a glob by its pattern) and read where it is processed: the worker
copies it to a local temporary file, checks and reads that, and names the article's source by the URL.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any

from ..ingest import Source, discover, inspect_path
from ..model import Drop

_GLOB_CHARS = frozenset("*?[")
LOCAL_PROTOCOLS = frozenset({"file", "local"})


def is_url(path: str) -> bool:
    """True for ``protocol://...`` (a Windows drive letter is not a protocol)."""
    head, sep, _ = path.partition("://")
    return bool(sep) and len(head) > 1 and head.replace("+", "").replace("-", "").isalnum()


def _filesystem(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    return url_to_fs(url)


def _protocol(fs: Any) -> str:
    proto = fs.protocol
    return str(proto[0] if isinstance(proto, (tuple, list)) else proto)


def discover_sources(paths: Sequence[str]) -> Iterator[Source]:
    """One :class:`Source` per file named by ``paths`` (paths, directories, globs or URLs), in order.

    Local files are checked at once (:func:`dateline.ingest.discover`); remote files get their path
    (the URL) and size, and are checked by the worker that reads them. A URL of an unknown protocol or
    one that names nothing yields a Source with a ``not_found`` error.
    """
    for given in paths:
        if not is_url(given):
            yield from discover([given])
            continue
        try:
            fs, root = _filesystem(given)
        except (ImportError, ValueError) as exc:
            yield Source(given, error=Drop("not_found", f"cannot open this URL: {exc}"))
            continue
        if _protocol(fs) in LOCAL_PROTOCOLS:
            yield from discover([root])
            continue
        yield from _remote(fs, given, root)


def _remote(fs: Any, given: str, root: str) -> Iterator[Source]:
    try:
        if _GLOB_CHARS & set(root):
            names = sorted(str(n) for n in fs.glob(root) if fs.isfile(n))
        elif fs.isdir(root):
            names = sorted(str(n) for n in fs.find(root) if not _hidden(str(n)))
        else:
            names = [root] if fs.exists(root) else []
    except OSError as exc:
        yield Source(given, error=Drop("unreadable", f"cannot list this URL: {exc}"))
        return
    if not names:
        yield Source(given, error=Drop("not_found", "no file at this URL"))
    for name in names:
        size = int(fs.size(name) or 0)
        yield Source(str(fs.unstrip_protocol(name)), size=size)


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/") if part)


@contextlib.contextmanager
def staged(source: Source) -> Iterator[Source]:
    """A local, checked copy of ``source`` for reading; local sources are given back as they are.

    The copy lives in a temporary directory removed on exit; its ``path`` is the local file, so
    the caller names the articles by ``source.path`` of the original.
    """
    if not is_url(source.path) or source.error is not None:
        yield source
        return
    fs, root = _filesystem(source.path)
    suffix = os.path.splitext(root)[1]
    if root.endswith(".warc.gz"):
        suffix = ".warc.gz"
    with tempfile.TemporaryDirectory(prefix="dateline-") as tmp:
        local = os.path.join(tmp, "source" + suffix)
        try:
            fs.get_file(root, local)
        except OSError as exc:
            yield Source(source.path, error=Drop("unreadable", f"cannot fetch this URL: {exc}"))
            return
        yield inspect_path(local)
