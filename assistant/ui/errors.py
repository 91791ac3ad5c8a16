"""Turn failures on a page into one friendly line; a traceback in front of a user is a bug."""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable

import streamlit as st

from assistant.errors import KapError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong on this page. Reload the page and try again; if it keeps "
    "happening, ask your administrator to check the app's log."
)


def friendly(render: Callable[[], None]) -> Callable[[], None]:
    """Run a page; a KapError shows its message, anything else a generic line.

    Streamlit's own rerun/stop signals derive from BaseException and pass through.
    """

    @functools.wraps(render)
    def page() -> None:
        try:
            render()
        except KapError as exc:
            st.error(str(exc), icon=":material/error:")
        except Exception as exc:
            # Log where it failed and the type only: messages and locals may hold PHI.
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            log.error("page %s failed: %s at %s:%s", render.__module__, type(exc).__name__,
                      frame.filename, frame.lineno)
            st.error(UNEXPECTED, icon=":material/error:")

    return page
