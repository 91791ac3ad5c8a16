"""A PHI-free audit record per scrub: entity counts per type and a keyed digest of the input.

The digest is HMAC-SHA256 under a secret made for this install on first use
(``KAP_DATA_DIR/audit.key``, owner-only). Equal inputs still give equal digests, so a log
can show that the same text was scrubbed twice; but without the key nobody can test a
guess (a date of birth, a record number, a short name) against a logged digest, as they
could against a plain SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError
from assistant.models import Entity

log = logging.getLogger(__name__)

KEY_FILE = "audit.key"
KEY_BYTES = 32
OWNER_ONLY = 0o600


@dataclass(frozen=True)
class AuditRecord:
    digest: str  # HMAC-SHA256 of the input under the install's audit key, hex
    chars: int
    counts: dict[str, int]


class AuditKey:
    """The install's audit secret, read (or made) on first use and kept in memory; never logged."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / KEY_FILE
        self._secret: bytes | None = None
        self._lock = threading.Lock()  # the UI shares one scrubber across sessions

    def secret(self) -> bytes:
        with self._lock:
            if self._secret is None:
                try:
                    self._secret = _read(self.path) if self.path.exists() else _create(self.path)
                except OSError as exc:
                    raise ConfigError(
                        f"Cannot read or create the audit key {self.path} ({exc.strerror}); "
                        "make KAP_DATA_DIR a folder you can write to"
                    ) from None
            return self._secret

    def __repr__(self) -> str:
        return f"AuditKey({self.path})"


def _create(path: Path) -> bytes:
    """A new random key, written owner-only; if another process made one first, that one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(KEY_BYTES)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as out:
            out.write(secret.hex())
        try:
            os.link(draft, path)  # atomic, and never replaces a key already in use
        except FileExistsError:
            return _read(path)
    finally:
        draft.unlink(missing_ok=True)
    log.info("created the audit key %s", path)
    return secret


def _read(path: Path) -> bytes:
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, OWNER_ONLY)
        log.warning("the audit key %s was readable by other users; it is now owner-only", path)
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (ValueError, UnicodeDecodeError):
        secret = b""
    if len(secret) != KEY_BYTES:
        raise ConfigError(
            f"{path} is not an audit key; delete it and a new one is made "
            "(digests in older logs will then no longer match new ones)"
        )
    return secret


class ScrubAudit:
    """Logs and returns a record of each scrub: counts per entity type and a keyed digest."""

    def __init__(self, key: AuditKey):
        self.key = key

    def __call__(self, text: str, entities: list[Entity]) -> AuditRecord:
        record = AuditRecord(
            digest=hmac.new(self.key.secret(), text.encode("utf-8"), hashlib.sha256).hexdigest(),
            chars=len(text),
            counts=dict(sorted(Counter(entity.type for entity in entities).items())),
        )
        log.info("scrubbed input hmac-sha256=%s chars=%d entities=%s",
                 record.digest, record.chars, record.counts)
        return record
