"""Generators: grounded (default, no language model) and, later, LLM backends."""
