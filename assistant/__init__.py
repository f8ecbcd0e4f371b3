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
# ONNX Runtime >= 1.29 uploads telemetry from Linux too (a collector at microsoft.com, a device
# id and a cache under ~/.cache/Microsoft) unless this is set before it initialises.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

# Loopback traffic (a local model server that receives notes, the UI's own startup check) must
# never go to an HTTP proxy set in the user's environment; remote endpoints still may.
_no_proxy = [h.strip() for n in ("no_proxy", "NO_PROXY") for h in os.environ.get(n, "").split(",")]
_no_proxy += ["127.0.0.1", "localhost", "::1"]
os.environ["no_proxy"] = os.environ["NO_PROXY"] = ",".join(dict.fromkeys(h for h in _no_proxy if h))
