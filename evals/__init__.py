"""Evaluation harness: each suite module has ``run(settings, data, report_dir)`` and ``render``."""
