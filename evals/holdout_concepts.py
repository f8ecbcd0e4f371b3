"""Concepts for the held-out retrieval network: nobody tunes search against these.

Same shape as ``evals.synthetic_network.CONCEPTS`` (concept -> one field-override spec per
person who carries it), but every fact is new: other trades, other hobbies, other ways of
meeting, other news. Each is written in words a searcher would not type, so a query has to be
matched by meaning. Words from the background pools (``assistant.bench.vocabulary``) are
avoided so the ground truth stays exact.
"""

from __future__ import annotations

from typing import Any

HOLDOUT_CONCEPTS: dict[str, list[dict[str, Any]]] = {
    # roles and professions
    "electrician": [{"title": "Journeyman Wireman", "company": "Kettle Creek Contracting",
                     "note": "Rewired the old fuse box in our building and put in a new "
                             "breaker panel."},
                    {"title": "Owner", "company": "Bright Spark Electrical Services"}],
    "arborist": [{"title": "Certified Arborist", "company": "Greenbough Tree Care",
                  "note": "Took down the dead oak leaning over our fence; climbs with ropes "
                          "and a chainsaw."}],
    "orthodontist": [{"title": "Orthodontist", "company": "Smileline Dental Group"}],
    "veterinarian": [{"title": "Associate Veterinarian", "company": "Pawsway Animal Clinic",
                      "note": "Covers the overnight emergency shifts for cats and dogs."},
                     {"title": "Equine Practitioner, DVM",
                      "company": "Hollyhock Equine Practice"}],
    "patent-agent": [{"title": "Registered Patent Agent", "company": "Calder & Wynn IP",
                      "note": "Drafts claims for medical-device startups and handles filings "
                              "with the USPTO."}],
    "public-defender": [{"title": "Assistant Public Defender",
                         "company": "Marlow County Defender's Office"}],
    "mortgage-advisor": [{"title": "Home Lending Advisor", "company": "Keystone Home Finance",
                          "note": "Got two friends of mine approved for their first home "
                                  "loan."},
                         {"title": "Broker", "company": "Rooftree Mortgage Partners"}],
    "diplomat": [{"title": "Second Secretary, Political Affairs",
                  "company": "Embassy of Canada"}],
    "film-sound": [{"title": "Re-recording Mixer", "company": "Northlight Post Production",
                    "note": "Just finished the final mix on an indie feature headed to "
                            "Sundance."}],
    "marine-biologist": [{"title": "Research Associate, Coral Reef Ecology",
                          "company": "Tidal Reach Oceanographic Institute"},
                         {"title": "Fisheries Scientist",
                          "company": "North Atlantic Fisheries Commission"}],
    "seismologist": [{"title": "Postdoctoral Researcher, Crustal Deformation",
                      "company": "Pacific Geohazards Observatory",
                      "note": "Installs seismometers along the coast and watches the fault "
                              "data."}],
    "docs-writer": [{"title": "Documentation Engineer", "company": "Parcelbyte",
                     "note": "Owns the API reference and the getting-started guides."}],
    # interests and hobbies
    "archery": [{"interest": "archery"}],
    "ham-radio": [{"interest": "amateur radio"},
                  {"note": "Reached a station in Japan from the radio set in the garage; "
                           "call sign is on the business card."}],
    "model-railways": [{"interest": "model railways"},
                       {"note": "Built an HO-scale layout of the Swiss Alps line in the attic, "
                                "tunnels and all."}],
    "choir": [{"note": "Sings tenor in a community choir; invited me to the December "
                       "concert."}],
    "mushroom-foraging": [{"note": "Goes out for chanterelles and porcini every autumn; "
                                   "promised to show me the spots."}],
    "genealogy": [{"interest": "genealogy"},
                  {"note": "Traced the family tree back to 1740 through parish records."}],
    "freediving": [{"interest": "freediving"}],
    # how we met
    "kids-football": [{"how_we_met": "Our sons play on the same under-10 team; we run the "
                                     "touchline together"},
                      {"how_we_met": "Fellow parent on the sidelines at the Saturday youth "
                                     "league"}],
    "camino": [{"how_we_met": "Walked the same stretch of the Camino, Pamplona to Burgos"}],
    "cancelled-flight": [{"how_we_met": "Stranded together at Frankfurt airport overnight when "
                                        "the snowstorm grounded everything"}],
    "language-exchange": [{"how_we_met": "Tandem partner: swapped Portuguese for English "
                                         "practice every Thursday"}],
    "accelerator": [{"how_we_met": "Same winter cohort at the Harbourlight startup programme"},
                    {"how_we_met": "Mentor during demo-day prep at Harbourlight"}],
    "dog-park": [{"how_we_met": "Our dogs play together at the Hillside off-leash park every "
                                "morning"}],
    "tedx-panel": [{"how_we_met": "Spoke on the same panel at TEDxRotterdam"}],
    # details only a note remembers
    "election": [{"note": "Standing for the city council in the May elections; asked me to "
                          "help hand out flyers."}],
    "farmhouse": [{"note": "Bought a crumbling farmhouse in the Alentejo and is restoring it "
                           "by hand."}],
    "sabbatical": [{"note": "Taking six months off work to travel overland from Cairo to Cape "
                            "Town."}],
    "citizenship": [{"note": "Sworn in as a citizen last month after nine years of "
                             "paperwork."}],
    "cv-review": [{"note": "Offered to look over my résumé before I apply anywhere."},
                  {"note": "Happy to do a mock interview with me when I start job hunting."}],
    "cofounder-search": [{"note": "Quietly looking for a technical partner to start something "
                                  "in ed-tech."}],
    "retiring": [{"note": "Last day before the pension kicks in is 31 December; already "
                          "training a successor."}],
    "bereavement": [{"note": "Father passed away in February; I sent flowers."}],
    "engaged": [{"note": "Got engaged in Kyoto over the holidays!"},
                {"note": "Wedding is set for next September in Porto; said to save the "
                         "date."}],
}
