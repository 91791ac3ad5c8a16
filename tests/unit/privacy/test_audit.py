"""The scrub audit: a keyed digest (HMAC-SHA256) under a per-install secret, never the text."""

from __future__ import annotations

import hashlib
import hmac
import logging
import stat
import threading

import pytest

from assistant.errors import ConfigError
from assistant.models import Entity
from assistant.privacy.audit import KEY_BYTES, KEY_FILE, AuditKey, ScrubAudit
from assistant.privacy.vault import Vault

SHORT_VALUE = "1984-03-07"  # a date of birth: a plain hash of it is found by trying dates


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_when_key_is_first_used_then_it_is_made_owner_only_and_not_before(tmp_path):
    key = AuditKey(tmp_path / "data")
    assert not (tmp_path / "data").exists()
    secret = key.secret()
    path = tmp_path / "data" / KEY_FILE
    assert len(secret) == KEY_BYTES and mode(path) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == [KEY_FILE]  # no draft left behind


def test_when_key_exists_then_a_new_process_reads_the_same_secret(tmp_path):
    assert AuditKey(tmp_path).secret() == AuditKey(tmp_path).secret()


def test_when_two_installs_hash_the_same_text_then_the_digests_differ(tmp_path):
    one = ScrubAudit(AuditKey(tmp_path / "one"))(SHORT_VALUE, [])
    again = ScrubAudit(AuditKey(tmp_path / "one"))(SHORT_VALUE, [])
    other = ScrubAudit(AuditKey(tmp_path / "other"))(SHORT_VALUE, [])
    assert one.digest == again.digest
    assert one.digest != other.digest


def test_when_text_is_audited_then_the_digest_is_hmac_under_the_key_not_a_plain_hash(tmp_path):
    key = AuditKey(tmp_path)
    record = ScrubAudit(key)(SHORT_VALUE, [Entity(type="DATE_TIME", start=0, end=10, score=0.9)])
    assert record.digest != hashlib.sha256(SHORT_VALUE.encode()).hexdigest()
    assert record.digest == hmac.new(key.secret(), SHORT_VALUE.encode(), hashlib.sha256).hexdigest()
    assert record.counts == {"DATE_TIME": 1} and record.chars == len(SHORT_VALUE)


def test_when_audit_logs_then_neither_the_text_nor_the_secret_appears(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="assistant")  # a CLI test may have set it higher
    key = AuditKey(tmp_path)
    ScrubAudit(key)(SHORT_VALUE, [])
    logged = " ".join(r.getMessage() for r in caplog.records) + repr(key)
    assert "hmac-sha256=" in logged
    assert SHORT_VALUE not in logged and key.secret().hex() not in logged


def test_when_key_file_is_readable_by_others_then_it_is_made_owner_only(tmp_path):
    AuditKey(tmp_path).secret()
    path = tmp_path / KEY_FILE
    path.chmod(0o644)
    AuditKey(tmp_path).secret()
    assert mode(path) == 0o600


@pytest.mark.parametrize("content", ["", "not hex at all", "ab" * (KEY_BYTES - 1), "ab" * (KEY_BYTES + 1)])
def test_when_key_file_is_damaged_then_config_error_says_to_delete_it(tmp_path, content):
    (tmp_path / KEY_FILE).write_text(content)
    with pytest.raises(ConfigError, match="delete it"):
        AuditKey(tmp_path).secret()


def test_when_data_dir_cannot_be_written_then_config_error_names_the_setting(tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(ConfigError, match="KAP_DATA_DIR"):
        AuditKey(tmp_path / "a-file" / "data").secret()


def test_when_many_threads_make_the_key_at_once_then_they_all_get_one_secret(tmp_path):
    keys = [AuditKey(tmp_path) for _ in range(8)]
    got: list[bytes] = []
    threads = [threading.Thread(target=lambda k=k: got.append(k.secret())) for k in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(got)) == 1 and (tmp_path / KEY_FILE).read_text() == got[0].hex()


def test_when_scrubber_scrubs_then_its_audit_digest_uses_the_install_key(scrubber, caplog):
    caplog.set_level(logging.INFO, logger="assistant.privacy.audit")
    text = "Call Dev on 503-555-0143."
    scrubber.scrub(text, Vault())
    secret = AuditKey(scrubber.settings.data_dir).secret()
    expected = hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()
    assert any(f"hmac-sha256={expected}" in r.getMessage() for r in caplog.records)
