"""Benchmark scripts, run by hand (see the README); their numbers are reported in the issue notes."""
