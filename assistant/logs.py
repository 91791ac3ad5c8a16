"""Logging set-up shared by the CLI and the app: KAP_LOG_LEVEL for our code only.

Our modules log counts and placeholder types, never PHI. Other libraries (Presidio,
spaCy, Chroma, transformers) may put text in their debug and info records, so they
stay at WARNING whatever KAP_LOG_LEVEL says.
"""

from __future__ import annotations

import logging
import sys

OWN_LOGGERS = ("assistant", "evals")
HANDLER_NAME = "kap"


def _own_or_warning(record: logging.LogRecord) -> bool:
    # Some libraries set their own loggers to DEBUG; their records stop here.
    return record.levelno >= logging.WARNING or record.name.split(".", 1)[0] in OWN_LOGGERS


def configure_logging(level: str = "WARNING") -> None:
    """One stderr handler on the root logger; our loggers at ``level``. Safe to repeat
    (Streamlit runs app.py again on every interaction)."""
    root = logging.getLogger()
    if not any(h.get_name() == HANDLER_NAME for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.set_name(HANDLER_NAME)
        handler.addFilter(_own_or_warning)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
