"""A deterministic synthetic network for the retrieval eval: contacts with roles, histories,
interests, how-we-met and dated notes. No real people; every company is invented.

Background people are drawn from shared word pools. On top of them a few people carry a
*concept*: a rare, specific fact (a nursing recruiter, a marathon runner, met on a ferry in
Greece) written in words a query will not repeat. Concepts are eval metadata (``concepts`` in
each row): the app never sees them, and they make the ground truth of a concept query exact.

Regenerate the committed dataset with ``python -m evals.synthetic_network``; the held-out
network (other seed, ``evals.holdout_concepts.HOLDOUT_CONCEPTS``) with ``--holdout``; the
second held-out one (``evals.holdout2_concepts.HOLDOUT2_CONCEPTS``) with ``--holdout2``.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from evals.bench.synthetic import (
    ascii_fold,
    company_pool,
    pick_name,
    title_for,
    zipf_weights,
)
from evals.bench.vocabulary import (
    CITIES,
    EVENTS,
    INTERESTS,
    MONTHS,
    TAGS,
    TIERS,
    TOPICS,
)

NETWORK_SIZE = 540
SEED = 20260
COMPANIES = 90
DATASET = Path(__file__).parent / "datasets" / "retrieval_network.jsonl"


def load_concepts(held_out: str) -> dict[str, list[dict[str, Any]]]:
    """A held-out set's rare facts (concept -> one field-override spec per carrier), from its
    data file: written by engineers blind to search; nobody tunes against them."""
    path = Path(__file__).parent / "datasets" / f"retrieval_{held_out}_concepts.json"
    concepts: dict[str, list[dict[str, Any]]] = json.loads(path.read_text("utf-8"))
    return concepts


HOLDOUT_CONCEPTS = load_concepts("holdout")
HOLDOUT2_CONCEPTS = load_concepts("holdout2")
HOLDOUT_DATASET = Path(__file__).parent / "datasets" / "retrieval_holdout_network.jsonl"
HOLDOUT_SEED = 20261
HOLDOUT2_DATASET = Path(__file__).parent / "datasets" / "retrieval_holdout2_network.jsonl"
HOLDOUT2_SEED = 20262
PREFIX = "net"  # contact ids are c_<prefix>_0000, note ids n_<prefix>_0000_1
HOLDOUT_PREFIX = "hold"
HOLDOUT2_PREFIX = "hld2"
FIRST_NOTE_DAY = date(2022, 1, 3)

# concept -> one field-override dict per person who carries it.
CONCEPTS: dict[str, list[dict[str, Any]]] = {
    # roles, described in words a searcher would not use
    "nursing-recruiter": [{"title": "Talent Acquisition Partner, Clinical",
                           "company": "Mercy Ridge Hospital",
                           "note": "Fills ICU and emergency-room openings across three "
                                   "hospitals; asked me to pass on experienced RNs."}],
    "chip-designer": [{"title": "ASIC Design Engineer", "company": "Ferrowave Semiconductors",
                       "note": "Works on low-power silicon for hearing aids."}],
    "immigration-lawyer": [{"title": "Associate Attorney", "company": "Haldane & Ortiz LLP",
                            "note": "Handles work visas and green card petitions; offered a "
                                    "free first call."},
                           {"title": "Immigration Counsel", "company": "Brightpath Legal Aid"}],
    "chemistry-teacher": [{"title": "Chemistry Teacher", "company": "Eastbrook High School"}],
    "grant-writer": [{"title": "Development Associate", "company": "Open Orchard Foundation",
                      "note": "Writes the federal grant applications for the foundation."},
                     {"title": "Grants Manager", "company": "Riverlight Youth Trust"}],
    "vc": [{"title": "Principal", "company": "Larchmont Ventures",
            "note": "Leads seed rounds in climate software."},
           {"title": "Partner", "company": "Seedling Capital Partners"}],
    "privacy-officer": [{"title": "Data Protection Officer", "company": "Cobaltine Insurance"}],
    "user-researcher": [{"title": "Design Researcher", "company": "Marigold Health",
                         "note": "Runs interviews and usability sessions with patients."}],
    "coffee-buyer": [{"title": "Green Coffee Buyer", "company": "Tidewater Roasters"}],
    "pediatrician": [{"title": "Pediatric Attending Physician",
                      "company": "St. Agnes Children's Hospital"}],
    "sre": [{"title": "Site Reliability Engineer", "company": "Lodestar Payments",
             "note": "On the pager rotation for the payments platform this month."}],
    "speech-therapist": [{"title": "Speech-Language Pathologist",
                          "company": "Little Voices Clinic"}],
    "actuary": [{"title": "Associate Actuary", "company": "Evenstar Mutual"}],
    "airline-pilot": [{"title": "First Officer", "company": "Aerolinea Austral"}],
    # interests and hobbies
    "marathon": [{"interest": "marathon running"},
                 {"note": "Training for the Chicago Marathon in October; long runs on Sundays."},
                 {"note": "Ran Berlin in 3:41 last autumn, a first marathon."}],
    "beekeeping": [{"interest": "beekeeping"},
                   {"note": "Keeps four hives on the roof; brought me a jar of honey."}],
    "chess": [{"interest": "chess"},
              {"note": "Plays blitz chess at a Sunday club and streams games online."}],
    "sourdough": [{"note": "Bakes sourdough every weekend and offered me some starter."}],
    "climbing": [{"interest": "bouldering"},
                 {"note": "Met up at the climbing gym; working on a V5 problem."}],
    "sailing": [{"note": "Keeps a small sailboat at the marina and races on Wednesdays."}],
    "birding": [{"interest": "birdwatching"}],
    "pottery": [{"interest": "pottery"}],
    "cricket": [{"note": "Plays club cricket most summer weekends; opening batter."}],
    "salsa": [{"interest": "salsa dancing"}],
    # how we met
    "pycon-lisbon": [{"how_we_met": "PyCon Portugal sprint in Lisbon; paired on a docs fix"}],
    "naxos-ferry": [{"how_we_met": "Sat next to each other on the ferry to Naxos"}],
    "climate-hackathon": [{"how_we_met": "Same team at the climate hackathon in Nairobi"},
                          {"how_we_met": "Judge at the Nairobi climate hackathon"}],
    "mba-classmates": [{"how_we_met": "MBA classmate at Northgate Business School"},
                       {"how_we_met": "Northgate MBA, same study group"}],
    "jury-duty": [{"how_we_met": "Served on the same jury in 2023"}],
    "food-bank": [{"how_we_met": "Volunteer shifts together at the Eastside food bank"}],
    "wedding": [{"how_we_met": "Seated at the same table at Tomás and Leah's wedding"}],
    # details only a note remembers
    "kid-university": [{"note": "Daughter just started at McGill in Montreal; proud and a "
                                "bit sad."}],
    "greyhound": [{"note": "Adopted a retired racing greyhound named Pepper."}],
    "moving-kenya": [{"note": "Relocating to Nairobi in March to open the regional office."}],
    "systems-book": [{"note": "Recommended 'Thinking in Systems'; said chapter two changed how "
                              "they plan."}],
    "knee-surgery": [{"note": "Recovering from knee surgery; back at work in June."}],
    "new-parent": [{"note": "Just had twins! On leave until the autumn."},
                   {"note": "Back from parental leave; the baby was born in May."}],
    "podcast-host": [{"note": "Started a podcast about urban planning with two friends."}],
    "book-author": [{"note": "Finishing a book on supply chain resilience, out next fall."}],
    "hiring-data": [{"note": "Said they're hiring two data engineers next quarter."},
                    {"note": "Team is opening a senior analytics role in Q3; will send the "
                             "posting."}],
    "offered-intro": [{"note": "Offered to introduce me to the head of product at their old "
                               "company."}],
    "laid-off": [{"note": "Was laid off in the March restructuring; looking at operations "
                          "roles."}],
}


def _city(location: str) -> str:
    return location.split(",")[0]


def _how_we_met(rng: random.Random, contact: dict[str, Any], others: list[str]) -> str:
    past = contact["past_companies"]
    options = [
        f"Met at {rng.choice(EVENTS)} in {_city(rng.choice(CITIES))}",
        "College classmate",
        f"Connected after a webinar on {rng.choice(TOPICS)}",
        f"Cold message on LinkedIn about {rng.choice(TOPICS)}",
        f"Neighbours in {_city(contact['location'])}",
        "",
    ]
    if past:
        options.append(f"Former colleague at {past[0]}")
    if others:
        introducer = rng.choice(others)
        options.append(f"Introduced by {introducer}")
    choice = rng.choice(options)
    if choice.startswith("Introduced by "):
        contact["introduced_by"] = choice.removeprefix("Introduced by ")
    return choice


def _background_note(rng: random.Random, contact: dict[str, Any]) -> str:
    first = contact["name"].split()[0]
    interest = rng.choice(contact["interests"]) if contact["interests"] else rng.choice(INTERESTS)
    company = contact["company"]
    templates = [
        f"Coffee chat: {first} is focused on {rng.choice(TOPICS)} this quarter.",
        f"Sent {first} an article on {rng.choice(TOPICS)}; got a thank-you back.",
        f"Asked how {company} is handling {rng.choice(TOPICS)}; nothing concrete yet.",
        f"Congratulated {first} on the work anniversary at {company}.",
        f"{first} mentioned {interest} again, still keen.",
        f"Quick call about {rng.choice(TOPICS)}. Follow up in {rng.choice(MONTHS)}.",
        f"{first} shared a talk on {rng.choice(TOPICS)}; worth passing on.",
        f"Caught up at {rng.choice(EVENTS)}. Busy with {rng.choice(TOPICS)}.",
        f"Birthday in {rng.choice(MONTHS)}.",
        "Prefers email over LinkedIn messages.",
    ]
    return rng.choice(templates)


def _base_contact(i: int, rng: random.Random, companies: list[str], weights: list[float],
                  taken: set[str], prefix: str) -> dict[str, Any]:
    while True:
        first, last = pick_name(rng)
        name = f"{first} {last}"
        if ascii_fold(name).casefold() not in taken:
            taken.add(ascii_fold(name).casefold())
            break
    company = rng.choices(companies, cum_weights=weights)[0]
    past_pool = [c for c in companies if c != company]
    return {
        "id": f"c_{prefix}_{i:04d}",
        "name": name,
        "company": company,
        "title": title_for(company, rng),
        "past_companies": rng.sample(past_pool, rng.choice((0, 0, 1, 1, 2))),
        "location": rng.choice(CITIES),
        "tier": rng.choice(TIERS),
        "tags": sorted(rng.sample(TAGS, rng.choice((0, 1, 1, 2)))),
        "how_we_met": "",
        "introduced_by": "",
        "interests": rng.sample(INTERESTS, rng.choice((0, 1, 2, 3))),
        "linkedin_slug": f"{ascii_fold(first)}-{ascii_fold(last)}-{i:04d}".lower()
        .replace(" ", "-").replace("'", ""),
        "connected_on": (date(2014, 1, 1) + timedelta(days=rng.randrange(4000))).isoformat(),
        "concepts": [],
        "notes": [],
    }


def _plant(contact: dict[str, Any], concept: str, spec: dict[str, Any]) -> list[str]:
    """Apply one concept to a contact; return the note texts it adds."""
    contact["concepts"].append(concept)
    for key in ("title", "company", "how_we_met"):
        if key in spec:
            contact[key] = spec[key]
    if "how_we_met" in spec:
        contact["introduced_by"] = ""
    if "interest" in spec:
        contact["interests"].append(spec["interest"])
    return [spec["note"]] if "note" in spec else []


def generate(size: int = NETWORK_SIZE, seed: int = SEED,
             concepts: dict[str, list[dict[str, Any]]] = CONCEPTS,
             prefix: str = PREFIX) -> list[dict[str, Any]]:
    """``size`` contacts, each with 1-4 dated notes; the same arguments give the same network."""
    planted = sum(len(specs) for specs in concepts.values())
    if size < planted:
        msg = f"a network needs at least {planted} contacts to carry every concept, got {size}"
        raise ValueError(msg)
    rng = random.Random(seed)
    companies = company_pool(COMPANIES, rng)
    weights = zipf_weights(len(companies))
    taken: set[str] = set()
    contacts = [_base_contact(i, rng, companies, weights, taken, prefix) for i in range(size)]
    names = [c["name"] for c in contacts]
    for contact in contacts:
        contact["how_we_met"] = _how_we_met(rng, contact, [n for n in names
                                                           if n != contact["name"]])
    carriers = iter(rng.sample(range(size), planted))
    planted_notes: dict[int, list[str]] = {}
    for concept, specs in concepts.items():
        for spec in specs:
            i = next(carriers)
            planted_notes.setdefault(i, []).extend(_plant(contacts[i], concept, spec))
    for i, contact in enumerate(contacts):
        texts = list(planted_notes.get(i, []))
        for _ in range(max(0, rng.randint(1, 4) - len(texts))):
            texts.append(_background_note(rng, contact))
        rng.shuffle(texts)
        days = sorted(rng.sample(range(1600), len(texts)))
        contact["notes"] = [
            {"id": f"n_{prefix}_{i:04d}_{j}", "created": (FIRST_NOTE_DAY + timedelta(days=d))
             .isoformat(), "text": text}
            for j, (d, text) in enumerate(zip(days, texts, strict=True), start=1)
        ]
    return contacts


def to_jsonl(contacts: list[dict[str, Any]]) -> str:
    """One contact per line, keys in a stable order."""
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in contacts)


def load_network(path: Path = DATASET) -> list[dict[str, Any]]:
    """The committed network, one contact per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def generate_holdout(size: int = NETWORK_SIZE, seed: int = HOLDOUT_SEED) -> list[dict[str, Any]]:
    """The held-out network: its own seed, ``HOLDOUT_CONCEPTS`` and ``c_hold_`` ids."""
    return generate(size, seed, HOLDOUT_CONCEPTS, HOLDOUT_PREFIX)


def generate_holdout2(size: int = NETWORK_SIZE,
                      seed: int = HOLDOUT2_SEED) -> list[dict[str, Any]]:
    """The second held-out network: its own seed, ``HOLDOUT2_CONCEPTS`` and ``c_hld2_`` ids."""
    return generate(size, seed, HOLDOUT2_CONCEPTS, HOLDOUT2_PREFIX)


def main(argv: list[str] | None = None) -> None:
    """Write the network dataset (the committed dev copy by default, or a held-out one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true",
                        help="write the held-out network (its own seed, concepts and ids)")
    parser.add_argument("--holdout2", action="store_true",
                        help="write the second held-out network (its own seed, concepts, ids)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--size", type=int, default=NETWORK_SIZE)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    if args.holdout2:
        args.out = args.out or HOLDOUT2_DATASET
        contacts = generate_holdout2(args.size,
                                     HOLDOUT2_SEED if args.seed is None else args.seed)
    elif args.holdout:
        args.out = args.out or HOLDOUT_DATASET
        contacts = generate_holdout(args.size, HOLDOUT_SEED if args.seed is None else args.seed)
    else:
        args.out = args.out or DATASET
        contacts = generate(args.size, SEED if args.seed is None else args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_jsonl(contacts), encoding="utf-8")
    notes = sum(len(c["notes"]) for c in contacts)
    print(f"wrote {len(contacts)} contacts and {notes} notes to {args.out}")  # noqa: T201


if __name__ == "__main__":
    main()
