"""The access gate for shared deployments.

- OIDC through ``st.login`` when ``.streamlit/secrets.toml`` has an ``[auth]`` section;
- otherwise a local password when ``KAP_UI_PASSWORD_HASH`` is set (make one with
  ``kap hash-password``); the hash is salted scrypt, the password is never stored;
- otherwise the app is open, as it should be on a therapist's own machine (it binds
  to 127.0.0.1 by default).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import streamlit as st

from assistant.config import Settings
from assistant.errors import ConfigError, InputError

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


def oidc_configured() -> bool:
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


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
            st.button("Sign out", on_click=st.logout, icon=":material/logout:")
        return True
    _sign_in_header()
    st.button("Sign in", on_click=st.login, type="primary", icon=":material/login:")
    return False


def _password(password_hash: str) -> bool:
    if st.session_state.get(_SIGNED_IN):
        with st.sidebar:
            st.button("Sign out", on_click=st.session_state.pop, args=(_SIGNED_IN, None),
                      icon=":material/logout:")
        return True
    _sign_in_header()
    with st.form("sign-in"):
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        if verify_password(password, password_hash):
            st.session_state[_SIGNED_IN] = True
            st.rerun()
        st.error("That password is not right. Try again, or ask whoever set up this app.",
                 icon=":material/lock:")
    return False


def _sign_in_header() -> None:
    st.title("KAP Integration Assistant")
    st.write("This app is shared, so it asks who you are first.")
