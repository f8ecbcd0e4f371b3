"""Warmline evals: datasets, pure metric functions, a runner and reports."""
