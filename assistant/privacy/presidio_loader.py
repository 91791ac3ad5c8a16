"""Load Presidio without what it loads for engines we never use.

On import Presidio imports Hugging Face ``transformers`` (for its transformers NLP engine)
and ``torch`` (to look for a GPU): about 8 of the 14 seconds of a ``kap scrub``. We run
spaCy's small model on the CPU, so where neither library is loaded yet Presidio is imported
with ``transformers`` hidden (its own import falls back) and its device named. Every module
that imports Presidio imports this one first; later imports of ``transformers`` (the
embedding model) are unaffected.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
if "presidio_analyzer" not in sys.modules and "transformers" not in sys.modules:
    sys.modules["transformers"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        del sys.modules["transformers"]
