"""The access gate for shared deployments.

- OIDC through ``st.login`` when ``.streamlit/secrets.toml`` has an ``[auth]`` section;
- otherwise a local password when ``KAP_UI_PASSWORD_HASH`` is set (make one with
  ``kap hash-password``); the hash is salted scrypt, the password is never stored, and
  wrong passwords are throttled (:class:`Throttle`);
- otherwise the app is open, as it should be on a therapist's own machine (it binds
  to 127.0.0.1 by default).

Signing out forgets everything the browser session held (:func:`session.forget`).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
import threading
import time
from collections.abc import Callable

import streamlit as st

from assistant.config import Settings
from assistant.errors import ConfigError, InputError
from assistant.ui import session
from assistant.ui.exposure import is_loopback

log = logging.getLogger(__name__)

SCHEME = "scrypt"
MIN_PASSWORD = 12
_N, _R, _P, _LEN = 2**14, 8, 1, 32
_SIGNED_IN = "kap_signed_in"


def hash_password(password: str) -> str:
    """A salted scrypt hash: ``scrypt$N$r$p$salt$hash`` (hex)."""
    if len(password) < MIN_PASSWORD:
        raise InputError(f"Choose a password of at least {MIN_PASSWORD} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_LEN)
    return f"{SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of ``password`` against a hash from :func:`hash_password`."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        digest = hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(bytes.fromhex(expected)),
        )
    except ValueError:
        raise ConfigError(
            "KAP_UI_PASSWORD_HASH is not a hash made by `kap hash-password`; make a new one"
        ) from None
    return hmac.compare_digest(digest.hex(), expected)


class Throttle:
    """Wrong-password throttling for the whole app process, whichever session tries.

    After each wrong password the next one is checked only after a growing pause
    (``first_pause`` seconds, doubling); after ``limit`` wrong passwords in a row sign-in
    is locked for ``lockout`` seconds. The right password clears the count, and so does
    a quiet ``lockout`` since the last attempt. One count for everyone, because the
    password is shared and a client's address is easy to change.
    """

    def __init__(self, limit: int = 5, lockout: float = 15 * 60, first_pause: float = 1.0,
                 clock: Callable[[], float] = time.monotonic):
        self.limit, self.lockout, self.first_pause, self.clock = limit, lockout, first_pause, clock
        self._failures = 0
        self._last = -math.inf
        self._lock = threading.Lock()

    def admit(self) -> float:
        """Seconds to wait before a password may be checked, or 0: check it now. An admitted
        attempt counts as wrong until :meth:`passed`, so parallel tries cannot slip through."""
        with self._lock:
            now = self.clock()
            if now - self._last >= self.lockout:
                self._failures = 0
            if self._failures:
                pause = (self.lockout if self._failures >= self.limit
                         else self.first_pause * 2 ** (self._failures - 1))
                remaining = self._last + pause - now
                if remaining > 0:
                    return remaining
            self._failures += 1
            self._last = now
            return 0.0

    def passed(self) -> None:
        with self._lock:
            self._failures = 0

    @property
    def locked(self) -> bool:
        with self._lock:
            return self._failures >= self.limit and self.clock() - self._last < self.lockout


SIGN_IN_THROTTLE = Throttle()  # one per app process, shared by every session


def oidc_configured() -> bool:
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def configured(settings: Settings) -> bool:
    """True when a sign-in gate (SSO or a password) is set up."""
    return oidc_configured() or bool(settings.ui_password_hash)


def require_gate_when_shared(settings: Settings) -> None:
    """Refuse to serve a network address with no sign-in gate: client data would be open to
    anyone who can reach the port (``streamlit run`` alone listens on every interface)."""
    address = st.get_option("server.address")
    if is_loopback(address) or configured(settings):
        return
    where = address or "every network interface"
    log.warning("refusing to serve: the app listens on %s and no sign-in gate is configured", where)
    raise ConfigError(
        f"This app listens on {where}, so other machines can reach it, and no sign-in is "
        "set up. Set KAP_UI_PASSWORD_HASH (make one with `kap hash-password`) or SSO, or "
        "start it with `kap app`, which listens on 127.0.0.1 only. See SECURITY.md."
    )


def gate(settings: Settings) -> bool:
    """True when this browser session may use the app; otherwise draws a sign-in screen."""
    if oidc_configured():
        return _oidc()
    password_hash = settings.ui_password_hash
    if password_hash:
        return _password(password_hash)
    return True


def _oidc() -> bool:
    if st.user.is_logged_in:
        with st.sidebar:
            st.caption(f"Signed in as {st.user.get('email') or st.user.get('name') or 'you'}")
            st.button("Sign out", on_click=_sign_out_oidc, icon=":material/logout:")
        return True
    _sign_in_header()
    st.button("Sign in", on_click=st.login, type="primary", icon=":material/login:")
    return False


def _sign_out_oidc() -> None:
    session.forget()
    st.logout()


def _password(password_hash: str) -> bool:
    if st.session_state.get(_SIGNED_IN):
        with st.sidebar:
            st.button("Sign out", on_click=session.forget, icon=":material/logout:")
        return True
    _sign_in_header()
    with st.form("sign-in", clear_on_submit=True):
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        throttle = SIGN_IN_THROTTLE
        wait = throttle.admit()
        if wait:
            st.error(_wait_message(wait, throttle.locked), icon=":material/lock_clock:")
        elif verify_password(password, password_hash):
            throttle.passed()
            st.session_state[_SIGNED_IN] = True
            st.rerun()
        else:
            if throttle.locked:
                log.warning("app sign-in locked for %d minutes after %d wrong passwords",
                            throttle.lockout // 60, throttle.limit)
            st.error("That password is not right. Try again, or ask whoever set up this app.",
                     icon=":material/lock:")
    return False


def _wait_message(seconds: float, locked: bool) -> str:
    if locked:
        minutes = math.ceil(seconds / 60)
        return (f"Too many wrong passwords: sign-in is locked for {minutes} more minute"
                f"{'s' if minutes != 1 else ''}. Ask whoever set up this app if the password "
                "is lost.")
    whole = math.ceil(seconds)
    return (f"Too many tries too fast: wait {whole} second{'s' if whole != 1 else ''}, "
            "then sign in again.")


def _sign_in_header() -> None:
    st.title("KAP Integration Assistant")
    st.write("This app is shared, so it asks who you are first.")
