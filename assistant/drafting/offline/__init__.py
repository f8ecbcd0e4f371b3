"""The offline drafting engine: deterministic, grounded writers, one module per feature."""
