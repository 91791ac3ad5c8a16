"""The access gate: salted password hashes, the sign-in form, throttling, sign-out, open by
default."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.errors import ConfigError, InputError
from assistant.ui import access
from assistant.ui.access import Throttle, hash_password, verify_password
from tests.unit.ui.conftest import texts

PASSWORD = "s3cret-passphrase"

GATED = """
from types import SimpleNamespace
import streamlit as st
from assistant.ui import access
from assistant.ui.errors import friendly

@friendly
def main():
    if access.gate(SimpleNamespace(ui_password_hash={stored!r})):
        st.write("inside the app")

main()
"""


def test_when_password_is_hashed_then_it_verifies_and_the_hash_is_salted():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and "correct horse" not in first
    assert verify_password("correct horse", first)
    assert not verify_password("wrong horse", first)


@pytest.mark.parametrize(
    "stored", ["", "plain-text-password", "scrypt$x$8$1$00$00", "md5$1$2$3$4$5"]
)
def test_when_stored_hash_is_malformed_then_config_error_says_what_to_do(stored):
    with pytest.raises(ConfigError, match="kap hash-password"):
        verify_password("anything", stored)


@pytest.mark.parametrize("password", ["", "short pass"])
def test_when_password_is_too_short_then_it_is_refused(password):
    with pytest.raises(InputError, match="at least 12"):
        hash_password(password)


class Clock:
    """A clock the test moves by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def clock(monkeypatch) -> Clock:
    """Every test gets a fresh process-wide throttle on a hand-moved clock."""
    now = Clock()
    monkeypatch.setattr(access, "SIGN_IN_THROTTLE", Throttle(limit=5, lockout=900, clock=now))
    return now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_password(PASSWORD)


def gated(stored: str | None, script: str = GATED) -> AppTest:
    return AppTest.from_string(script.format(stored=stored), default_timeout=30).run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input[0].input(password)
    return at.button[0].click().run()


# (seconds since the previous attempt, right password?) -> admitted (True) or told to wait
THROTTLE_ROWS = [
    ("first wrong password is checked", [(0, False)], [True]),
    ("an immediate retry waits", [(0, False), (0, False)], [True, False]),
    ("after the first pause, checked", [(0, False), (1, False)], [True, True]),
    ("pauses grow: 1, 2, 4 s", [(0, False), (1, False), (2, False), (3, False)], [True, True, True, False]),
    ("fifth wrong locks out", [(0, False), (1, False), (2, False), (4, False), (8, False), (60, True)],
     [True, True, True, True, True, False]),
    ("lockout ends after 15 min", [(0, False), (1, False), (2, False), (4, False), (8, False), (900, True)],
     [True, True, True, True, True, True]),
    ("the right password clears the count", [(0, False), (1, True), (0, False)], [True, True, True]),
]


@pytest.mark.parametrize(("case", "attempts", "admitted"), THROTTLE_ROWS, ids=[r[0] for r in THROTTLE_ROWS])
def test_when_passwords_are_tried_then_the_throttle_admits_as_the_table_says(clock, case, attempts, admitted):
    throttle = Throttle(limit=5, lockout=900, clock=clock)
    got = []
    for gap, right in attempts:
        clock.advance(gap)
        wait = throttle.admit()
        got.append(wait == 0)
        if wait == 0 and right:
            throttle.passed()
    assert got == admitted


def test_when_no_password_is_configured_then_the_app_is_open():
    at = gated(None)
    assert "inside the app" in texts(at.markdown)


def test_when_password_is_configured_then_only_the_right_one_opens_the_app(stored, clock):
    at = gated(stored)
    assert "inside the app" not in texts(at.markdown)
    sign_in(at, "not it")
    assert "not right" in texts(at.error)[0] and "inside the app" not in texts(at.markdown)
    clock.advance(1)
    sign_in(at, PASSWORD)
    assert "inside the app" in texts(at.markdown)
    assert not at.error and not at.exception


def test_when_twenty_wrong_passwords_come_in_a_row_then_sign_in_locks_even_for_the_right_one(
    stored, clock
):
    at = gated(stored)
    shown = []
    for _ in range(20):
        clock.advance(30)  # slower than any pause: only the lockout stops them
        shown.append(texts(sign_in(at, "guess-" + str(len(shown))).error)[0])
    assert sum("not right" in m for m in shown) == 5
    assert all("locked for" in m and "minutes" in m for m in shown[5:])
    assert "locked for" in texts(sign_in(at, PASSWORD).error)[0]
    assert "inside the app" not in texts(at.markdown)
    clock.advance(15 * 60)
    assert "inside the app" in texts(sign_in(at, PASSWORD).markdown)


def test_when_passwords_come_too_fast_then_the_next_is_not_checked_but_waits(stored, clock):
    at = gated(stored)
    sign_in(at, "wrong one")
    at = sign_in(at, PASSWORD)  # at once: not even the right one is checked yet
    assert "wait 1 second" in texts(at.error)[0] and "inside the app" not in texts(at.markdown)


def test_when_a_new_session_opens_then_it_shares_the_count_of_wrong_passwords(stored, clock):
    for _ in range(5):
        clock.advance(30)
        sign_in(gated(stored), "wrong")  # each a fresh browser session
    assert "locked for" in texts(sign_in(gated(stored), PASSWORD).error)[0]


SESSION_APP = """
from types import SimpleNamespace
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from assistant.ui import access, session

if access.gate(SimpleNamespace(ui_password_hash={stored!r})):
    chat = session.conversation()
    if st.button("Ask"):
        chat.turns.append(session.Turn(question=f"How is {{chat.vault.placeholder('PERSON', 'Maria Alvarez')}}?"))
        session.set_journal(session.Journal(name="journal.md", entries=[]))
    st.write(f"turns={{len(chat.turns)}} vault={{len(chat.vault)}} journal={{session.journal() is not None}}")
    st.text_area("Journal text")
    upload = st.file_uploader("Journal file")
    st.write(f"upload={{upload.name if upload else None}}")
context = get_script_run_ctx()
st.caption(f"stored files={{len(context.uploaded_file_mgr.file_storage.get(context.session_id, {{}}))}}")
"""


def test_when_user_signs_out_then_vault_history_journal_uploads_and_fields_are_gone(stored):
    at = sign_in(gated(stored, SESSION_APP), PASSWORD)
    at.text_area[0].set_value("## 2026-03-14\nMaria Alvarez called.")
    at.file_uploader[0].set_value(("journal.md", b"## 2026-03-14\nMaria called.", "text/markdown"))
    next(b for b in at.button if b.label == "Ask").click().run()
    assert "turns=1 vault=1 journal=True" in texts(at.markdown)
    assert "upload=journal.md" in texts(at.markdown) and "stored files=1" in texts(at.caption)

    at.sidebar.button[0].click().run()  # Sign out
    assert "Password" in [t.label for t in at.text_input] and "stored files=0" in texts(at.caption)
    assert not any(key in at.session_state for key in ("kap_chat", "kap_journal", "kap_signed_in"))

    sign_in(at, PASSWORD)
    assert "turns=0 vault=0 journal=False" in texts(at.markdown)
    assert at.text_area[0].value == "" and "upload=None" in texts(at.markdown)
