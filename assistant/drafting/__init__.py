"""Drafting: the writer with its grounding guard and retry, and the offline engine."""
