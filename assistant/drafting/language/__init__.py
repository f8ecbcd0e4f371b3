"""The offline engine's language layer: parsing, clause shortening, person and hooks."""
