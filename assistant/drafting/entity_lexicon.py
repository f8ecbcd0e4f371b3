"""Word lists for entity extraction: capitalised words that are not names, and name connectors.

Kept apart from ``entities.py`` so the lists can grow without burying the logic. Both modules are
stdlib-only and move together if the grounding guard adopts them.
"""

from __future__ import annotations

import re


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Capitalised words that never name a person, company or place on their own. Lower-case keys.
STOP_WORDS = _words(
    """
    i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours you you're you've
    you'd you'll your yours he he's him his she she's her hers they they're they've their them it
    it's its this that that's these those there there's here here's what what's who who's whom
    whose which when where why how let's let a an the and or but nor so yet if as at by for from in
    into of off on onto out over to up upon with within without about above after again against
    all also any are be been before being below between both did do does doing done down during
    each few further had has have having is isn't just more most no not now once only other same
    should some such than then too under until very was were while would could can can't cannot
    might must shall won't don't didn't doesn't wasn't weren't haven't hasn't hadn't wouldn't
    couldn't shouldn't am okay ok yes yeah yep sure well oh ah wow hmm hi hey hello dear greetings
    thanks thank cheers best regards sincerely warmly warm kind kindly congrats congratulations
    happy hope hoping glad excited great good nice awesome amazing fantastic wonderful lovely
    huge big quick quickly love loved loving saw seeing read reading noticed wanted want wondering
    thought thinking curious sending sharing shared enjoyed welcome please feel keep looking
    following reaching checking speaking talking hearing remember given every many much one two
    first second third next last final finally lastly meanwhile otherwise anyway anyways besides
    however therefore still instead plus overall again personally separately honestly actually
    totally absolutely definitely sorry re fwd fw subject note update ps p.s btw fyi asap eta rsvp
    tbd tl;dr am pm et pt ct mt est edt pst pdt cst cdt utc gmt bst cet ai ml api apis ux ui hr pr
    faq url dm dms cv saas b2b b2c kpi kpis okr okrs roi mvp arr mrr gmv nps yoy qoq q&a linkedin
    inmail zoom calendly
    gmail slack internet today tomorrow yesterday tonight weekend week month year morning
    afternoon evening spring summer autumn fall winter monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec christmas thanksgiving easter halloween hanukkah diwali ramadan eid dr mr mrs ms mx
    prof sir madam
    """
)

# Stop-words only as the first word of a sentence ("Will you..." vs "I met Will at Stripe").
START_STOP_WORDS = _words("will grant mark bill rich")

# Lower-case words allowed inside a multi-word name: "Bank of America", "Johnson & Johnson".
CONNECTORS = _words("of & de da del della der van von la le du al bin")

# Company suffixes dropped from the comparison key: "Stripe Inc." is supported by "Stripe".
ORG_SUFFIXES = _words("inc llc ltd corp co plc gmbh ag sa")

# Abbreviations whose trailing period does not end a sentence.
ABBREVIATIONS = _words(
    "dr mr mrs ms mx prof st jr sr inc co ltd corp vs etc e.g i.e approx dept univ no mt ft"
)

# Title-case lines ("Quick Question About Your Marathon") are flagged by a capitalised small word.
TITLE_MARKERS = _words("about on for with your the to and of in at from my our a an is are")

# Fixed multi-word phrases that look like names but are not, masked before extraction.
STOP_PHRASES = re.compile(
    r"\b(?:Happy\s+)?New\s+Year(?:'s)?(?:\s+Eve|\s+Day)?\b|\bBlack\s+Friday\b|\bCyber\s+Monday\b"
    r"|\b(?:Mother|Father|Valentine|Patrick|Presidents?)(?:'s|s')?\s+Day\b"
    r"|\b(?:Labor|Labour|Memorial|Independence|Boxing|Veterans|Thanksgiving)\s+Day\b"
    r"|\bGoogle\s+(?:Meet|Docs?|Calendar|Drive)\b|\bMicrosoft\s+Teams\b|\bLinkedIn\s+\w+\b"
    r"|\bP\.S\.?(?=\s|$)|\bTL;DR\b|\bQ&A\b"
)

# Professional credentials, case-sensitive. Trailing periods are left for sentence splitting.
CREDENTIALS = re.compile(
    r"(?<![\w.])(?:"
    r"Ph\.?\s?D|Pharm\.?\s?D|M\.D|J\.D|Ed\.?D|Psy\.?D|MD|JD|DPT|DNP|DDS|DMD|DVM|RPh"
    r"|MBA|MPH|MSW|MPA|MFA|MSN|BSN|RN|LPN|APRN|FNP(?:-BC)?|PA-C|CRNA|LCSW|LMFT|BCPS|BCOP|CPhT"
    r"|PMP|CAPM|CSM|CSPO|PMI-ACP|CFA|CPA|CFP|FRM|CISSP|CISM|CISA|CCNA|CCNP|SHRM-S?CP|SPHR|PHR"
    r"|LEED\s+AP|CompTIA(?:\s+[A-Z][\w+]*)?"
    r"|(?:AWS|Google|Microsoft|Azure|Salesforce|Oracle|Cisco)\s+Certified(?:\s+[A-Z][\w-]*)*"
    r"|Certified(?:\s+[A-Z][\w-]*)+"
    r"|(?:Lean\s+)?Six\s+Sigma(?:\s+(?:Green|Black|Yellow)\s+Belt)?"
    r")(?!\w|\.\w)"
)
