"""Concepts for the second held-out retrieval network ("holdout2"), written blind to search.

Same shape as ``evals.synthetic_network.CONCEPTS`` (concept -> one field-override spec per
person who carries it). No concept repeats, even loosely, one of the dev ``CONCEPTS`` or
``evals.holdout_concepts.HOLDOUT_CONCEPTS``. Facts are written the way people jot them down,
mostly not in the words a searcher would type, and avoid the background word pools
(``assistant.bench.vocabulary``) so the ground truth stays exact.
"""

from __future__ import annotations

from typing import Any

HOLDOUT2_CONCEPTS: dict[str, list[dict[str, Any]]] = {
    # roles and professions
    "midwife": [{"title": "Community Midwife", "company": "Rosehill Birthing Centre",
                 "note": "Runs the home-birth team; has caught more than four hundred newborns "
                         "and still tears up at every one."},
                {"title": "Labour Ward Coordinator", "company": "Saint Columba Women's Clinic"}],
    "locksmith": [{"title": "Master Locksmith", "company": "Turnkey Lock & Safe",
                   "note": "Came out at midnight when I snapped my key in the front door; also "
                           "cracks old safes."}],
    "piano-tuner": [{"title": "Piano Technician", "company": "Hammerlane Keyboard Service",
                     "note": "Regulates and voices the Steinway at the concert hall before every "
                             "recital."}],
    "funeral-director": [{"title": "Director of Family Services",
                          "company": "Alder & Finch Mortuary",
                          "note": "Handled everything for my uncle's service, cremation "
                                  "included, with real kindness."}],
    "agronomist": [{"title": "Crop Advisor", "company": "Prairie Root Cooperative",
                    "note": "Walks the soybean and corn fields all summer checking soil and "
                            "pests for the growers."},
                   {"title": "Soil Scientist", "company": "Dryland Agricultural Research Station"}],
    "car-mechanic": [{"title": "Master Technician", "company": "Dunmore Auto Repair",
                      "note": "Rebuilt the gearbox on my old Volvo for half what the dealer "
                              "quoted."},
                     {"title": "Service Technician", "company": "Halverson Motors"}],
    "cartographer": [{"title": "GIS Analyst", "company": "Lattimer Survey & Mapping",
                      "note": "Draws the trail atlases for the national parks, contour lines "
                              "and all."}],
    "art-appraiser": [{"title": "Specialist, Old Master Pictures",
                       "company": "Harrowgate & Bligh Auctioneers",
                       "note": "Can put a price on anything hanging on a wall; runs the autumn "
                               "sale of European canvases."}],
    "paramedic": [{"title": "Advanced Care Paramedic",
                   "company": "Metro Emergency Medical Services",
                   "note": "Works nights on the rig out of Station 9; has seen everything "
                           "twice."},
                  {"title": "Critical Care Flight Medic", "company": "Lifewing Air Rescue"}],
    "sign-language-interpreter": [{"title": "Nationally Certified Interpreter",
                                   "company": "Open Hands Interpreting",
                                   "note": "Works between English and ASL for students in "
                                           "lecture halls and at doctor's visits."}],
    "brewer": [{"title": "Head Brewer", "company": "Stoneyard Brewing Co.",
                "note": "Brought a growler of their new hazy IPA to my barbecue; runs a "
                        "20-barrel system."}],
    "forensic-scientist": [{"title": "DNA Analyst III", "company": "State Crime Laboratory",
                            "note": "Testifies in court about the evidence from the lab a few "
                                    "times a year."}],
    # interests and hobbies
    "fencing": [{"interest": "fencing"},
                {"note": "Competes in épée on the veterans' circuit; showed me the scar from a "
                         "snapped blade."}],
    "rowing": [{"interest": "sculling"},
               {"note": "Up at five for crew practice on the river; sits in the stroke seat of "
                        "the masters eight."}],
    "calligraphy": [{"interest": "calligraphy"}],
    "reef-aquarium": [{"note": "Keeps a 300-litre reef tank with clownfish and soft corals in "
                               "the living room."},
                      {"interest": "marine aquariums"}],
    "roller-derby": [{"note": "Skates as a jammer for the Rust City Rollers most Saturdays; "
                              "goes by 'Hurricane Hedy'."}],
    "card-magic": [{"note": "Does sleight of hand with a deck of cards after dinner; fooled the "
                            "whole table twice."},
                   {"interest": "close-up magic"}],
    "bonsai": [{"interest": "bonsai"},
               {"note": "Has been wiring and pruning the same little pine for eleven years; it "
                        "lives on the balcony."}],
    # how we met
    "night-train": [{"how_we_met": "Shared a couchette on the overnight sleeper from Zagreb to "
                                   "Split"}],
    "hospital-ward": [{"how_we_met": "Beds next to each other on the ward after we both had our "
                                     "appendix out"}],
    "coworking": [{"how_we_met": "Hot desks next to each other at the Canal Street co-working "
                                 "loft"},
                  {"how_we_met": "Rented desks in the same converted warehouse on Canal Street; "
                                 "ran the kitchen rota together"}],
    "welding-class": [{"how_we_met": "Same Tuesday night welding course at Eastgate Community "
                                     "College"},
                      {"how_we_met": "Taught the evening metalwork class I took at Eastgate"}],
    "stuck-elevator": [{"how_we_met": "Trapped together in a lift for two hours during the "
                                      "blackout"}],
    "lost-phone": [{"how_we_met": "Found my phone in the back of a taxi in Lima and tracked me "
                                  "down to hand it back"}],
    "meditation-retreat": [{"how_we_met": "Ten days of noble silence at a Vipassana centre near "
                                          "Kandy"}],
    # details only a note remembers
    "divorce": [{"note": "Separated from her husband over the summer; keeping things low-key "
                         "for now."}],
    "phd-defended": [{"note": "Defended the dissertation on glacier melt. It's Dr. now!"}],
    "house-flooded": [{"note": "The storm put a foot of river in their ground floor; living "
                               "with the in-laws during repairs."}],
    "won-award": [{"note": "Their team brought home a Webby for the museum website; still "
                           "buzzing."}],
    "cancer-recovery": [{"note": "Finished the last round of chemo after the holidays and the "
                                 "scans are clear; ringing the bell was emotional."}],
    "shellfish-allergy": [{"note": "Carries an EpiPen because of a prawn and crab allergy; "
                                   "check the menu before booking dinner."}],
    "owes-money": [{"note": "Still owes me 40 euros for the festival tickets; don't make it "
                            "weird."}],
    "sober": [{"note": "Two years without a drink; suggest a walk instead of the pub."}],
    "cabin-to-lend": [{"note": "Has a cabin by a lake up in Vermont and said I can borrow it "
                               "any weekend."},
                      {"note": "Offered me their place in the mountains for a week whenever "
                               "it's free."}],
}
