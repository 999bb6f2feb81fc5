"""Reliability tests: load, fuzzing, crash restarts and the security regression suite."""
