"""One index writer at a time: a lock file for the embedded store, a lock record on a server.

A second ``kap ingest`` waits a bounded time for the first, then stops with a message that
names the lock and its holder.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from assistant.config import Settings
from assistant.errors import StoreError
from assistant.kb.store import ChromaStore

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25


class WriterLock(Protocol):
    """``try_acquire`` returns None when the lock is ours, else a description of its holder."""

    description: str  # which lock, for messages
    if_stuck: str  # what to do when its holder seems gone

    def try_acquire(self) -> str | None: ...

    def renew(self) -> None:
        """Called between steps of a long write; raises StoreError if the lock was lost."""

    def release(self) -> None: ...


def holder_name() -> str:
    started = time.strftime("%H:%M:%S UTC", time.gmtime())
    return f"`kap ingest` pid {os.getpid()} on {socket.gethostname()} since {started}"


class FileLock:
    """An exclusive ``flock`` on a file: the system frees it when its process ends, even killed."""

    if_stuck = "Its holder is still running: let it finish, or stop that process"

    def __init__(self, path: Path):
        self.path = path
        self.description = f"lock file {path}"
        self._fd: int | None = None

    def try_acquire(self) -> str | None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 512).decode("utf-8", "replace").strip()
            os.close(fd)
            return holder or "another process"
        os.ftruncate(fd, 0)
        os.write(fd, holder_name().encode("utf-8"))
        self._fd = fd
        return None

    def renew(self) -> None:
        """Nothing to do: the lock lasts as long as the process."""

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class RecordLock:
    """A lock record on the Chroma server with a lease of ``ttl`` seconds, renewed as the
    writer works: a writer that dies frees it when its lease runs out.

    Leases compare clocks of the machines involved; keep them in sync (NTP).
    """

    def __init__(self, store: ChromaStore, ttl: float = 120.0):
        self.store = store
        self.ttl = ttl
        self.description = f"lock record {store.lock_name} on the Chroma server {store.server_url}"
        self.if_stuck = (
            f"If that run died, its lease runs out within {ttl:.0f} s; or delete the collection "
            f"{store.lock_name} on the server"
        )
        self._holder: str | None = None

    def try_acquire(self) -> str | None:
        holder = holder_name()
        busy = self.store.claim_lock(holder, self.ttl)
        if busy is None:
            self._holder = holder
        return busy

    def renew(self) -> None:
        if self._holder and not self.store.renew_lock(self._holder, self.ttl):
            self._holder = None
            raise StoreError(
                f"This ingest lost its {self.description} (its lease ran out and another writer "
                "took it); nothing was published. Run `kap ingest` again"
            )

    def release(self) -> None:
        if self._holder:
            self.store.release_lock(self._holder)
            self._holder = None


@contextmanager
def holding(lock: WriterLock, wait: float) -> Iterator[WriterLock]:
    """Hold ``lock`` for the block, waiting at most ``wait`` seconds for another holder."""
    deadline = time.monotonic() + wait
    while (holder := lock.try_acquire()) is not None:
        if time.monotonic() >= deadline:
            raise StoreError(
                f"Another writer holds the {lock.description} ({holder}); waited {wait:.0f} s. "
                f"Run `kap ingest` again when it has finished. {lock.if_stuck}"
            )
        log.info("waiting for the %s", lock.description)
        time.sleep(POLL_SECONDS)
    try:
        yield lock
    finally:
        lock.release()


def writer_lock(settings: Settings, store: ChromaStore) -> WriterLock:
    """A lock file in KAP_DATA_DIR for the embedded store, a lock record on a server."""
    if store.server_url:
        return RecordLock(store)
    return FileLock(settings.data_dir / "ingest.lock")
