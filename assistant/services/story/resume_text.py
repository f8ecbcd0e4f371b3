"""Reading a resume's text from PDF, DOCX, TXT or Markdown, with one clear error per bad file."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

from assistant.errors import ImportFileError
from assistant.importers.reading import read_bounded

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUFFIXES = (".pdf", ".docx", *TEXT_SUFFIXES)


def read_resume_text(path: Path) -> str:
    """The resume's plain text, one line per line or bullet; ImportFileError if unusable."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        msg = f"{path.name}: resumes must be PDF, DOCX, TXT or MD (got '{suffix or 'no suffix'}')"
        raise ImportFileError(msg)
    data = read_bounded(path, MAX_BYTES, _too_big)
    if not data.strip():
        msg = f"{path.name} is empty"
        raise ImportFileError(msg)
    if suffix == ".pdf":
        text = _pdf_text(data, path.name)
    elif suffix == ".docx":
        text = _docx_text(data, path.name)
    else:
        text = _plain_text(data, path.name)
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
    if not re.search(r"[^\W\d_]{2,}", text):
        scanned = " (is it a scanned image? export it with selectable text)"
        hint = scanned if suffix == ".pdf" else ""
        msg = f"{path.name} has no readable text{hint}"
        raise ImportFileError(msg)
    return text.strip()


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            msg = f"{name} is password-protected; save an unprotected copy"
            raise ImportFileError(msg)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ImportFileError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as e:
        log.info("pypdf could not read %s: %s", name, e)
        msg = f"{name} is not a readable PDF ({type(e).__name__}); export it again or use DOCX/TXT"
        raise ImportFileError(msg) from e


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        msg = f"{name} is not a readable Word (.docx) file; save it again as .docx, PDF or TXT"
        raise ImportFileError(msg) from e
    lines = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        bullet = "- " if "list" in style and paragraph.text.strip() else ""
        lines.append(bullet + paragraph.text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _plain_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    msg = f"{name} is not UTF-8 text; open it in an editor and save it as UTF-8"
    raise ImportFileError(msg)


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return f"{name} is {size / 1024 / 1024:.1f} MB; the limit is {max_bytes // 1024 // 1024} MB"
