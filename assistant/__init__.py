"""KAP Integration Assistant: vetted psychoeducation for ketamine-assisted psychotherapy."""

__version__ = "0.1.0"
