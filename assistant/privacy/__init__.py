"""PHI scrubbing: Presidio with our recognizers, a placeholder vault and a PHI-free audit."""

from assistant.privacy.scrubber import PresidioScrubber, Scrubber
from assistant.privacy.vault import Vault

__all__ = ["PresidioScrubber", "Scrubber", "Vault"]
