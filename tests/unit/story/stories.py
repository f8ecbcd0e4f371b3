"""Profiles the story & pitch tests share."""

from __future__ import annotations

from assistant.domain import Profile

MAYA = Profile(
    name="Maya Chen",
    now="Hospital pharmacist at Mercy Health. 8 years in oncology and medication safety.",
    next="Product manager in health tech",
    strengths=["translating clinical needs into clear requirements", "calm under pressure",
               "working with messy data"],
    proof_points=[
        "Sat on the hospital's technology committee",
        "Led migration of 40 clinics to a new EHR",
        "Cut medication errors 30% by redesigning the order-verification workflow",
        "Trained 120 nurses on the new dosing tool",
    ],
    target_roles=["Product manager", "Clinical informatics PM"],
    target_companies=["Epic", "Flatiron Health"],
    audiences=["recruiter", "peer in health tech", "coffee chat"],
    values=["patient safety", "clear communication"],
    voice_sample=("I'm direct and a bit nerdy. I like explaining complicated things simply, and "
                  "I'd rather show a before-and-after than talk in generalities."),
)
