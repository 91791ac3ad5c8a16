"""Keep every library off the network unless the user configured a remote.

Tracing and telemetry are switched off without exception: a LangSmith or OpenTelemetry
exporter would send prompts (pseudonymised client text) to a third party, and no KAP
setting turns them back on.
"""

import os
import sys

_OFFLINE_FLAGS = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
    # Chroma (its client settings also say so) and Streamlit usage statistics
    "ANONYMIZED_TELEMETRY": "False",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    # LangSmith tracing, under both of the names LangChain reads
    "LANGSMITH_TRACING": "false",
    "LANGSMITH_TRACING_V2": "false",
    "LANGCHAIN_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "LANGSMITH_OTEL_ENABLED": "false",
    # OpenTelemetry exporters any library might start, and the general opt-out
    "OTEL_SDK_DISABLED": "true",
    "OTEL_TRACES_EXPORTER": "none",
    "OTEL_METRICS_EXPORTER": "none",
    "OTEL_LOGS_EXPORTER": "none",
    "DO_NOT_TRACK": "1",
}


def enforce_offline() -> None:
    """Set the hub, tracing and telemetry switches before any model or client is created."""
    for name, value in _OFFLINE_FLAGS.items():
        os.environ[name] = value
    langsmith_utils = sys.modules.get("langsmith.utils")
    if langsmith_utils is not None:  # already imported: it caches what it read
        langsmith_utils.get_env_var.cache_clear()
