"""Warmline: a local-first networking coach."""

from __future__ import annotations

import os

__version__ = "0.1.0"

# Privacy is not left to the user's shell: these must hold before gradio, chromadb or
# huggingface libraries are imported anywhere in the process.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["DO_NOT_TRACK"] = "1"
