"""Interview answer and job-description rows (the team's and the blind sets) as eval cases."""

from __future__ import annotations

from typing import Any

# Suite -> which shape its rows have: answers (id, question, answer, kind, gap, twin,
# profile_facts) or job descriptions (id, role, jd, requirements[{req, keywords}]).
ANSWER_SUITES = ("interview", "interview-blind")
JD_SUITES = ("interview-jd", "interview-blind-jd")
MIN_REQUIREMENTS_NAMED = 2


def interview_row(row: dict[str, Any]) -> dict[str, Any]:
    """A flat answer or job-description row in the case shape (inputs, tags, grading notes)."""
    if "inputs" in row:
        return row
    if "jd" in row:
        return {"id": row.get("id", ""), "tags": ["jd"],
                "inputs": {"role": row.get("role", ""), "jd": row.get("jd", ""),
                           "requirements": row.get("requirements", [])},
                "must_include": {"requirements_named": MIN_REQUIREMENTS_NAMED}}
    kind = str(row.get("kind", ""))
    gap = str(row.get("gap", "none"))
    return {
        "id": row.get("id", ""),
        "tags": ["strong" if kind == "strong" else "weak", f"gap:{gap}"],
        "inputs": {"question": row.get("question", ""), "answer": row.get("answer", ""),
                   "kind": kind, "gap": gap, "twin": row.get("twin", ""),
                   "profile_facts": list(row.get("profile_facts", []))},
        "grading_notes": str(row.get("grading_notes", "")),
    }


def requirements_named(questions: list[str], requirements: list[dict[str, Any]]) -> int:
    """How many requirements have a keyword (case-insensitive) in some question."""
    text = " ".join(questions).lower()
    return sum(1 for req in requirements
               if any(str(k).lower() in text for k in req.get("keywords", [])))
