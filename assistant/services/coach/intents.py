"""The coach's intents and slots (fixed by the blind test set), and example phrasings."""

from __future__ import annotations

DUE = "due"
DRAFT = "draft"
REVISE = "revise"
SEARCH = "search"
CONTACT = "contact"
PITCH = "pitch"
INTERVIEW = "interview"
LOG = "log"
EDIT = "edit"
PATH = "path"
MAP = "map"
HELP = "help"
UNSUPPORTED = "unsupported"

INTENTS = (DUE, DRAFT, REVISE, SEARCH, CONTACT, PITCH, INTERVIEW, LOG, EDIT, PATH, MAP, HELP,
           UNSUPPORTED)
# Intents whose action changes the user's data: never done without a "yes" in the chat.
CHANGES_DATA = frozenset({LOG, EDIT})
# Slots each intent must have before it can run (the coach asks for a missing one).
REQUIRED = {
    DRAFT: ("contact",), REVISE: ("action",), SEARCH: ("query",), CONTACT: ("contact",),
    LOG: ("contact", "kind"), EDIT: ("contact", "field"), PATH: ("target",),
}
DRAFT_KINDS = ("checkin", "info-interview", "coffee", "congrats", "thanks", "intro")
CHANNELS = ("linkedin-note", "linkedin-dm", "email", "text")
PITCH_KINDS = ("one-liner", "30s", "60s", "brand", "headline", "about", "tmay")
LOG_KINDS = ("coffee", "call", "message", "meeting", "other")
REVISE_ACTIONS = ("shorter", "longer", "another")
TIERS = ("inner", "active", "dormant", "aspirational")
# Slots holding the user's own words (scored by word overlap, not equality).
FREE_TEXT_SLOTS = frozenset({"query", "audience", "role", "target", "note"})

# Examples for the embedding fallback, used when no rule is sure. Generic on purpose: names
# and companies are the rules' job.
EXAMPLES: dict[str, tuple[str, ...]] = {
    DUE: (
        "who should I get back in touch with this week?",
        "who is due for a check-in",
        "who have I not talked to in a while",
        "which contacts are overdue",
        "who am I neglecting",
        "who should I reach out to today",
        "show me my due list",
        "anyone I should follow up with?",
        "who's fallen off my radar",
        "what should I do this week to keep in touch",
        "who do I owe a follow-up", "which relationships need some care",
    ),
    DRAFT: (
        "write something to her",
        "draft a message to my old manager",
        "send a quick note to him",
        "help me write to a friend from my last job",
        "compose an email to an old colleague",
        "I want to reach out to someone I met at a conference",
        "write a coffee invite",
        "draft a thank you note",
        "ask for an informational interview",
        "congratulate him on the new job",
    ),
    REVISE: (
        "make it shorter", "make it longer", "another one", "give me a different version",
        "try again", "that's too long", "can you tighten it up", "add a bit more detail",
        "not quite, redo it", "one more version please",
    ),
    SEARCH: (
        "who do I know in clinical decision support?",
        "find people who work in fintech",
        "anyone in my network who knows about data engineering",
        "who do I know at a hospital",
        "search my contacts for product managers",
        "people who like running",
        "do I know anyone in Berlin",
        "which of my contacts work in design",
        "find someone who has hired engineers",
        "who knows about machine learning",
    ),
    CONTACT: (
        "tell me about her", "what do I know about him", "show me his profile",
        "open the contact", "when did I last talk to her", "pull up my notes on him",
        "who is she again", "remind me who he is",
    ),
    PITCH: (
        "give me a 30 second pitch for a recruiter",
        "write my elevator pitch",
        "how should I introduce myself at a meetup",
        "draft my LinkedIn headline",
        "write my about section",
        "a one-liner about what I do",
        "my personal brand statement",
        "help me answer tell me about yourself",
        "a one minute pitch for a hiring manager",
        "how do I describe my career change in one sentence",
    ),
    INTERVIEW: (
        "quiz me for the APM interview on Thursday",
        "run a mock interview",
        "practice interview questions with me",
        "help me prepare for my product manager interview",
        "ask me behavioral questions",
        "I have an interview tomorrow, drill me",
        "let's rehearse for the interview",
        "interview prep for a data analyst role",
    ),
    LOG: (
        "I had coffee with her today",
        "just got off a call with him",
        "we met for lunch yesterday",
        "log a call",
        "I messaged him on LinkedIn last week",
        "record that we spoke today",
        "caught up with an old colleague this morning",
        "note that I emailed her",
    ),
    EDIT: (
        "move her to my inner circle",
        "mark him as dormant",
        "delete this contact",
        "remove him from my contacts",
        "change her tier to active",
        "make him aspirational",
        "forget her",
    ),
    PATH: (
        "who can get me into Stripe",
        "how do I get a warm intro to a company",
        "find a path to someone at Google",
        "who could introduce me to people at that company",
        "is there anyone who can refer me there",
        "warm path to the hospital",
    ),
    MAP: (
        "show my network map", "visualize my network", "draw the graph of my contacts",
        "where are the gaps in my network", "which companies do my contacts work at",
        "network overview", "what does my network look like", "where is my network weak",
        "how many people do I know at each company",
    ),
    HELP: (
        "help", "what can you do?", "how does this work", "what can I ask you",
        "what are my options", "how do I use this", "I'm not sure what to ask",
        "give me a tour", "what is this for", "how do I start", "what are your features",
    ),
    UNSUPPORTED: (
        "what's the weather tomorrow", "book me a flight to Oslo", "order a pizza",
        "tell me a joke", "apply to this job for me", "what is the stock price of Apple",
        "translate this into French", "play some music", "set an alarm for 7",
        "post this on LinkedIn for me", "negotiate my salary for me", "write my cover letter",
        "what time is it", "send the email for me", "schedule a meeting on my calendar",
    ),
}
