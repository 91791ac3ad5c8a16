"""Test doubles that are real implementations of our protocols (for wiring tests only)."""
