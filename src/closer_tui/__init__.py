"""closer: a terminal app two partners use together to feel closer."""

__version__ = "0.1.0"
