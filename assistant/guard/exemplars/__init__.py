"""Labelled exemplars and calibration data (YAML), shipped as package data."""
