"""Resume review: reading PDF/DOCX/TXT, one clear error per bad file, and every check."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Note, Position
from assistant.errors import ImportFileError
from assistant.services.story.resume_checks import strong_version
from assistant.services.story.resume_text import read_resume_text

RESUME = """Maya Chen
Experience
Mercy Health, Hospital Pharmacist
- Responsible for managing the oncology formulary
- Led migration of 40 clinics to a new EHR.
- Helped with the the quarterly audits
- Worked on recieving  and checking orders
- Trained pharmacy technicians on safety
"""


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text pypdf can extract (no PDF library needed to write it)."""
    body = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        "(" + line.replace("(", r"\(").replace(")", r"\)") + ") Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return out


def test_reads_pdf_docx_and_text(tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(minimal_pdf(["Maya Chen", "- Led migration of 40 clinics"]))
    assert "Led migration of 40 clinics" in read_resume_text(pdf)
    document = docx.Document()
    document.add_paragraph("Maya Chen")
    document.add_paragraph("Cut medication errors 30%", style="List Bullet")
    document.save(str(tmp_path / "cv.docx"))
    assert read_resume_text(tmp_path / "cv.docx") == "Maya Chen\n- Cut medication errors 30%"
    (tmp_path / "cv.md").write_bytes("\ufeff# Maya\r\n- Led things\r\n".encode())
    assert read_resume_text(tmp_path / "cv.md") == "# Maya\n- Led things"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("cv.pdf", b"%PDF-1.4 this is not really a pdf", "is not a readable PDF"),
    ("cv.docx", b"PK\x03\x04 broken zip", "is not a readable Word"),
    ("cv.txt", "Résumé ünïcode".encode("utf-16-le"), "is not UTF-8 text"),
    ("cv.txt", "Résumé".encode("latin-1"), "is not UTF-8 text"),
    ("cv.txt", b"", "is empty"),
    ("cv.txt", b"   \n\n ", "is empty"),
    ("cv.rtf", b"{\\rtf1 hello}", "must be PDF, DOCX, TXT or MD"),
    ("cv.txt", b"12 34 -- 56", "has no readable text"),
])
def test_bad_files_are_one_clear_error(tmp_path: Path, name: str, data: bytes,
                                       message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=message):
        read_resume_text(path)


def test_scanned_pdf_without_text_says_so(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf([]))
    with pytest.raises(ImportFileError, match="scanned image"):
        read_resume_text(path)


def test_files_over_ten_megabytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)  # sparse: no real disk use
    with pytest.raises(ImportFileError, match=r"huge.pdf is 10.0 MB; the limit is 10 MB"):
        read_resume_text(path)


def test_review_flags_weak_bullets_typos_and_punctuation(app: Warmline, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    review = app.resume.review(path)
    by_kind: dict[str, list[tuple[int | None, str]]] = {}
    for f in review.findings:
        by_kind.setdefault(f.kind, []).append((f.line, f.message))
    assert review.bullets == 5
    assert (4, "'Responsible for' hides what you did") in by_kind["weak-verb"]
    assert (6, "'Helped with' hides what you did") in by_kind["weak-verb"]
    assert (7, "'Worked on' hides what you did") in by_kind["weak-verb"]
    suggestion = next(f.suggestion for f in review.findings if f.line == 4)
    assert suggestion == "Try: Managed the oncology formulary"
    no_result = {line for line, _ in by_kind["no-result"]}
    assert no_result == {4, 6, 7, 8}  # line 5 has a number
    assert (6, "repeated word 'the'") in by_kind["typo"]
    assert (7, "'recieving' is misspelled") in by_kind["typo"]
    assert (7, "double space") in by_kind["punctuation"]
    assert (5, "ends with a period; most bullets don't") in by_kind["punctuation"]


def test_review_cites_forgotten_wins_from_notes_profile_and_linkedin(
    app: Warmline, tmp_path: Path,
) -> None:
    own = Note(text="Shipped the sepsis alert pilot that cut response time by 20 minutes")
    ana = Contact(name="Ana Ruiz")
    about_ana = Note(text="Ana launched a new clinic in Austin", contact_id=ana.id)
    app.stores.records.put_contact(ana)
    app.stores.records.put_note(own)
    app.stores.records.put_note(about_ana)
    profile = app.profiles.get()
    app.stores.records.put_profile(profile.model_copy(update={"positions": [
        Position(company="Mercy Health", title="Hospital Pharmacist"),
        Position(company="CVS", title="Pharmacy intern")]}))
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    forgotten = {f.source_id: f.text for f in app.resume.review(path).findings
                 if f.kind == "forgotten"}
    assert forgotten[own.id] == own.text
    assert about_ana.id not in forgotten  # someone else's news is not the user's achievement
    assert forgotten["profile:proof:3"].startswith("Cut medication errors 30%")
    assert forgotten["profile:position:2"] == "Pharmacy intern at CVS"
    assert "profile:proof:2" not in forgotten  # "40 clinics" is on the resume
    assert "profile:position:1" not in forgotten


def test_suggestions_only_rearrange_the_users_words() -> None:
    assert strong_version("Responsible for leading a team of 5") == "Led a team of 5"
    assert strong_version("Tasked with organizing the rota") == "Organized the rota"
    assert strong_version("Responsible for the budget") == ""


def test_each_weak_bullet_gets_its_own_rewrite_from_the_users_facts() -> None:
    from assistant.domain import Profile
    from assistant.services.story.resume_review import review_text

    profile = Profile(proof_points=[
        "Led a barcode rollout across 14 wards that cut dispensing errors by 38 percent"])
    resume = ("- Worked on the barcode rollout on the wards\n"
              "- Helped with the weekly staff rota\n- Responsible for stock ordering\n")
    review = review_text(resume, profile, [])
    weak = {f.text: f.suggestion for f in review.findings if f.kind == "weak-verb"}
    assert weak["Worked on the barcode rollout on the wards"] == (
        "Try: Led a barcode rollout across 14 wards that cut dispensing errors by 38 percent")
    assert weak["Helped with the weekly staff rota"].startswith(
        "Try: Supported the weekly staff rota, which [result:")
    assert weak["Responsible for stock ordering"].startswith("Try: Ran stock ordering")
    assert len(set(weak.values())) == 3  # one rewrite per bullet, not one generic sentence
