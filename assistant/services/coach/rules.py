"""Rules: the words that pin an intent or fill a slot (channels, kinds, tiers, free text)."""

from __future__ import annotations

import re


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# -- intent cues ----------------------------------------------------------------------------
HELP = _rx(r"^\s*(help|\?+|help me\??|menu|commands|hi|hello|hey|hi there|hello there|"
           r"start|get started|getting started|how does this work)\s*[.!?]*\s*$|"
           r"what (else )?can you (do|help)|how (can|could|do|would) you help|"
           r"where (do|should) i (start|begin)|what (are|is) (you|this) (for|about)|"
           r"what do you do|i'?m (lost|new|confused|stuck)|what kinds? of (things|stuff|questions)|"
           r"what (sort|type)s? of (things|stuff|questions)|capabilit\w+|tutorial|how to use|"
           r"what (are|is) (you|this|warmline|the coach)\??$|what can (this|warmline|the coach)|"
           r"show me (what|how) (you|it|this)|how do i (talk|chat) to you|give me (some )?examples|"
           r"what should i (ask|type|say)\b(?! to)|what is this( thing| app| tool| place)?\W*$|"
           r"what does (the coach|this|warmline|this app|this tool|it) do|"
           r"^\W*(can|could) you help( me)?\W*$|^\W*i need (some )?help\W*$|how do i get started|"
           r"^\W*what are you\b|^\W*who are you|what('s| is) warmline|how does (the|this) "
           r"(coach|app|tool|chat) work|list (of )?(the )?(commands|features)|what features|"
           r"tips (on|for) using|"
           r"how (do(es)?|can) (this|you|i use this) work|what can i (ask|say|do) here|"
           r"how do i use (this|you|warmline)|what are (my|the) options")
SHORTER = _rx(r"\b(shorter|shorten|trim|more concise|too long|briefer|condense|tighten|"
              r"cut it down|cut (it|that) down|fewer words|less wordy|punchier)\b")
LONGER = _rx(r"\b(longer|lengthen|expand (it|on it|that)|more detail|too short|flesh (it|that) "
             r"out|add (a bit |a little )?more|elaborate|a bit more)\b")
ANOTHER = _rx(r"\b(another (one|version|draft|take|option|try|variant)|(a )?different (version|"
              r"one|take|draft|wording)|try again|one more|redo|re-?write (it|that)|new version|"
              r"give me another|again|alternative|other version|something else)\b")
REFERS_BACK = _rx(r"\b(it|that|this|one|version|again|draft|pitch|message)\b")
DUE = _rx(r"\b(due|overdue|back in touch|catch up with|reconnect with|lost touch|"
          r"(haven'?t|have not|not) (talked|spoken|heard|reached|been in touch|caught up|seen)|"
          r"fallen off|gone quiet|slipping|neglect\w*|keep in touch|stay in touch|follow[- ]ups?"
          r" (owed|due)|follow up with|who should i (contact|ping|message|email|reach|write|"
          r"talk|check in|call|text|see)|check[- ]ins?|reach out to)\b|"
          r"been (too |so |a |way too )?(long|while)|gone cold|going cold|go cold|"
          r"need(s|ing)? (a |some |a little |a bit of |more )?(nudge|attention|love|a ping|"
          r"follow[- ]?up|tending|care)|ignoring|"
          r"slipping through|owe (a |an |them a )?(message|reply|follow[- ]?up|email|note|call)|"
          r"what should i do (this week|today|next)|on my (plate|list)|my (list|plan) for|"
          r"this week'?s (list|check-ins|plan)|in a (long )?while|long time no|"
          r"haven'?t (checked|pinged|messaged|emailed|reached|contacted|heard)|today view|"
          r"\bdue list|who('s| is) (next|up next)|stale|drift(ed|ing)? apart|"
          r"who to (ping|contact|message|email|call|text|reach out to|check in with|follow up "
          r"with|write to|get back to)|follow[- ]?ups?|waiting (on|for) (me|a reply|my reply)|"
          r"relationships?|nurture|get back to")
WHO_OR_LIST = _rx(r"\b(who|whom|anyone|anybody|which|list|show|people|contacts|this week|today|"
                  r"today's|lately|while|should i|my due)\b")
DRAFT_VERB = _rx(r"^\s*(please |can you |could you |would you |help me |i (want|need|'d like|"
                 r"would like|'d love|would love|should|ought|have) to |i should |let'?s |now |"
                 r"time to |let me |maybe |ok |okay |so )*(write|draft|compose|send|message|msg|"
                 r"email|e-mail|text|dm|ping|reach out|check in|say (hi|hello|thanks|congrats)|"
                 r"thank|congratulate|invite|ask|introduce|intro|follow up|reconnect|get in touch|"
                 r"nudge|wish|drop|shoot|touch base|make|put together|prepare|create)\b")
DRAFT_ANY = _rx(r"\b(write|draft|compose|note to|message to|msg to|email to|e-mail to|dm to|"
                r"text to|"
                r"reach out|check in with|check-in (message|note|with|to)|say (hi|hello)|thank|"
                r"congratulat\w*|invite|introduce|intro|reconnect|get in touch|drop (him|her|"
                r"them) a|shoot (him|her|them) a|touch base|something to|words for|"
                r"message (for|to)|note for|send|say to|(should|do|can|could) i (say|write|"
                r"send|tell))\b")
PAST_TOUCH = _rx(r"\b(had|grabbed|got|did|shared|went for|went to) (a |an |some |our |a quick "
                 r"|a long )?(coffee|lunch|call|phone call|video call|zoom|chat|drinks?|dinner|"
                 r"breakfast|meeting|catch[- ]up|walk)\b|\b(called|phoned|rang|met|spoke|"
                 r"talked|caught up|messaged|texted|emailed|e-mailed|dm'?d|dm'?ed|pinged|"
                 r"chatted|ran into|bumped into|saw|visited|wrote to|heard from|got off)\b|"
                 r"\b(log|record|note down|add (a )?note|jot down)\b|"
                 r"\bmark (it|that|this|the draft|the message) (as )?sent\b|\bi sent (it|that)\b|"
                 r"^\s*(just )?(coffee|lunch|dinner|drinks|breakfast|a call|call|zoom|"
                 r"meeting|chat|catch[- ]?up|phone call) with\b|"
                 r"\b(just )?(finished|wrapped up|came back from|got back from|left) "
                 r"(a |an |my |our |the )?(zoom|call|coffee|lunch|meeting|chat|dinner|video call|"
                 r"phone call)\b|"
                 r"\b(met up|hung out|reconnected|connected with|got together|sat down|"
                 r"had a (good|great|nice|long|quick|short|lovely|productive) (chat|talk|call|"
                 r"conversation|catch[- ]?up|meeting)|(had|have had) a (chat|talk|conversation)|"
                 r"heard back from|got a (reply|message|call|text|email) from|replied to|"
                 r"interviewed with|sent (him|her|them|\w+) (a|an|the|my) (message|note|email|"
                 r"dm|text)|save (that|this|it|a note)|remember (that|this)|make a note|note that|"
                 r"told me|let me know|informed me|updated me|fyi|heads up|update:|"
                 r"add (this |that )?(to|on) (his|her|their|\w+'s) (notes?|record|file|profile)|"
                 r"spent (an hour|the (morning|afternoon|evening|day)|time|some time) with|"
                 r"and i (\w+ed|met|spoke|saw|had|got|went|ran|caught|grabbed|sat|did)|"
                 r"replied|responded|wrote back|got back to me|reached out to me|"
                 r"(called|texted|emailed|messaged|pinged|rang|visited) me|"
                 r"thanked|congratulated|invited|introduced|wished|offered|helped|gave|sent|"
                 r"recommended|referred|followed up|checked in|reached out)\b|"
                 r"^\W*(just )?(coffee|lunch|dinner|drinks|breakfast|call|zoom|meeting|chat|"
                 r"catch[- ]?up|phone call)\b")
INTERVIEW = _rx(r"\b(quiz me|mock interview|practice interview|interview (practice|prep\w*|"
                r"questions|coach\w*)|prep(are)? me for|drill me|grill me|rehears\w*|"
                r"(practice|prepare|prep) for (the|my|an|a|this|tomorrow'?s?|thursday'?s?|"
                r"\w+'s) .*interview|ask me (some )?(\w+ )?(interview )?questions|"
                r"interview (on|tomorrow|next|this)|behavioral questions|star (answers|method)|"
                r"practice session|test me|interview me|role-?play|pretend (you'?re|to be) "
                r"(an|the|my) interviewer|simulat\w+ (an? )?interview|practice (round|"
                r"answering|questions|my answers)|mock (session|round)|dry run)\b")
PITCH = _rx(r"\b(pitch|elevator|one[- ]liner|headline|about (section|me section|text|blurb|"
            r"part)|brand statement|personal brand|tell me about yourself|tmay|introduce "
            r"myself|intro(duction)? (of|about) myself|describe myself|self[- ]intro\w*|"
            r"linkedin (summary|about|bio)|my bio|30[- ]?s(ec(ond)?s?)?|60[- ]?s(ec(ond)?s?)?|"
            r"thirty[- ]second|sixty[- ]second|one[- ]minute)\b")
PATH = _rx(r"\b(warm (path|intro\w*|introduction|route|way|connection)|path(s)? (in)?to|"
           r"route (in)?to|(best|shortest|fastest|easiest|quickest) (way|path|route|bet)|"
           r"introduced to|introduction to|connect me (with|to)|refer(ral)? (me )?(to|at|into|"
           r"for)|who can help me (get|land|join|break)|want to (work|get a job|get hired) at|"
           r"knows? (someone|somebody|people|anyone) (at|who works)|friend of a friend|"
           r"second[- ]degree|(2|two) hops?|who('s| is) (my )?(best )?(way|connection|link)|"
           r"get hired at|break into|land a job at|a referral|"
           r"(reach|contact|get to) (the |a |an |someone |anyone |somebody )?[\w ]{0,30}\bat \w+|"
           r"way in(to)?|foot in the door|get me (in|into)|get (in|into) \w+|"
           r"who can (introduce|connect|refer|get|help) me|"
           r"(introduce|refer|connect) me (to|with) (someone|anyone|people|somebody)|"
           r"(hops?|degrees?) (from|to|away)|an? intro(duction)? (to|at|into) (someone at|"
           r"people at|anyone at)?|reach (someone|anyone|people) at|in at)\b")
MAP = _rx(r"\b(map|graph|visuali[sz]e|gap report|gaps in my network|network overview|"
          r"my target (companies|roles)|by company|companies (do )?(my contacts|i know people)|"
          r"coverage|clusters?|how (is|are) my (network|contacts) (spread|distributed|"
          r"organi[sz]ed)|(no|any) contacts? (in|at|for) (my )?(target|goal)|"
          r"(missing|lacking) (a )?contacts?|where are my gaps|network look|weak spots?|"
          r"blind spots?|(network|contacts) (at a glance|summary|breakdown|stats|statistics)|"
          r"breakdown of my (network|contacts)|how many (contacts|people)|"
          r"overview of my network|big picture of my network|goal alignment|which goals)\b")
SEARCH = _rx(r"\b(who (do|else do) i know|who in my network|who knows|who works|who worked|"
             r"who('s| is) (in|into|at|from|based|working|a|an)|who has|who have|who did|"
             r"who used to|anyone|anybody|someone|somebody|find|search|look for|people "
             r"(in|at|who|with|from|that)|contacts (in|at|who|with|from|that)|"
             r"do i know|know any|which (contacts|people|of my)|list (my |all )?(contacts|"
             r"people) (in|at|who|with))\b")
CONTACT = _rx(r"\b(tell me about|what do (i|we) know about|what('s| is) (new )?(with|about)|"
              r"who('s| is| was)|show( me)?|open|pull up|look up|details|info|information|"
              r"remind me|when did i (last )?|last time|notes? (on|about|for)|profile|history|"
              r"background|anything on|what did (i|we)|how do i know|where does|"
              r"what does|contact card|rundown|the latest|catch me up on|brief me|"
              r"refresh my memory|what do my notes say|everything (i have|about|on)|summary "
              r"(of|for)|summari[sz]e|tell me more|status|up to|doing these days|works? now)\b")
CONTACT_QUESTION = _rx(r"^\W*(when|how long|how often|have i|did i|what did|where did|how did)\b|"
                      r"\blast time i\b|\bhow long since\b|what was the last|the last time|"
                      r"last (thing|conversation|touch|interaction|contact|note)|how recently|"
                      r"most recent")
WRITE_REQUEST = _rx(r"\b(write|draft|compose|put together)\b")
INTERVIEW_WORD = _rx(r"\binterview")
INFO_INTERVIEW = _rx(r"informational|info[- ]?interview")
PATH_STRONG = _rx(r"\b(who (can|could|might|would) (introduce|connect|refer|get|help|intro) me|"
                  r"warm (intro\w*|path|introduction)|path(s)? (in)?to|(2|two) hops|way in(to)?)")
DELETE = _rx(r"\b(delete|remove|forget|erase|get rid of|drop (him|her|them) from)\b")
TIER_WORD = _rx(r"\b(inner( circle)?|active|dormant|aspirational|tier)\b")
TIER_VERB = _rx(r"\b(move|put|set|make|mark|change|bump|promote|demote|tier|switch|add|"
                r"upgrade|downgrade|reclassify|classify|consider)\b")
UNSUPPORTED = _rx(r"\b(weather|flight|hotel|pizza|joke|stock price|translate|music|song|alarm|"
                  r"timer|cover letter|salary|recipe|calendar|schedule|book (me|a)|poem|haiku|"
                  r"lyrics|essay|job (postings|listings|boards|ads)|jobs? (near|in|around) |"
                  r"openings (near|in|around)|(send|call|phone|ring|post|submit|apply|book|buy|"
                  r"pay|publish)\b[^.?!]*\bfor me\b|"
                  r"for me on linkedin|post (it|this|that)|apply (to|for) (this|the|a) job|"
                  r"send (it|the email|the message|that) for me|what time)\b")

# -- slot cues ------------------------------------------------------------------------------
CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("linkedin-note", _rx(r"\b(connection (request|note|invite|message)|connect(ion)? note|"
                          r"linkedin (note|invite|invitation|connection)|note with (my|the|a) "
                          r"(connection|connect) request|connect with \w+ on linkedin)\b")),
    ("email", _rx(r"\b(e-?mail(ed|ing)?|mail)\b")),
    ("text", _rx(r"\b(text( message)?|sms|imessage|whatsapp|signal message)\b")),
    ("linkedin-dm", _rx(r"\b(linkedin( dm| message| msg)?|dm|direct message|inmail|on li)\b")),
)
DRAFT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Before intro: "thank her for the intro" is a thank-you, not an introduction.
    ("thanks", _rx(r"\b(thank\w*|thx|grateful|gratitude|appreciat\w+)\b")),
    ("intro", _rx(r"\b(introduc\w+|intro\b(?! call)|double[- ]opt|connect (him|her|them) "
                  r"(with|to)|put (them|him|her) in touch)")),
    ("info-interview", _rx(r"\b(informational|info[- ]?(interview|chat|call)|pick (his|her|"
                           r"their) brain|learn (more )?about (his|her|their) (role|work|job|"
                           r"team|career|path)|(15|20|fifteen|twenty)[- ]minutes?|career "
                           r"(advice|chat)|advice on (breaking|getting) into)")),
    ("coffee", _rx(r"\b(coffee|grab a drink|a drink|a tea|latte|cuppa)\b")),
    ("congrats", _rx(r"\b(congrat\w*|promot\w+|new (job|role|position|gig)|well done|kudos|"
                     r"celebrat\w+|milestone|award|launch(ed)?|graduat\w+)\b")),
    ("checkin", _rx(r"\b(check[- ]?in|checking in|catch[- ]?up|say (hi|hello)|touch base|"
                    r"see how (he|she|they)('s|'re| is| are) doing|how (he|she|they)('s|'re| "
                    r"is| are) doing)\b")),
)
PITCH_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("tmay", _rx(r"\b(tell me about yourself|tmay|walk me through your (background|resume))")),
    ("headline", _rx(r"\bheadline\b")),
    ("about", _rx(r"\b(about (section|me section|text|blurb|part|summary)|linkedin (summary|"
                  r"about|bio)|about on linkedin|my about)\b")),
    ("brand", _rx(r"\b(brand( statement)?|personal brand)\b")),
    ("one-liner", _rx(r"\b(one[- ]liner|one line|one sentence|single sentence|a line)\b")),
    ("60s", _rx(r"\b(60|sixty)[- ]?(s|sec|secs|second|seconds)\b|\b(one|1)[- ]minute\b|"
                r"\ba minute\b|\bminute[- ]long\b")),
    ("30s", _rx(r"\b(30|thirty)[- ]?(s|sec|secs|second|seconds)\b|\bhalf[- ]a[- ]minute\b")),
)
LOG_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("coffee", _rx(r"\bcoffee\b")),
    ("call", _rx(r"\b(call|called|phone|phoned|rang|zoom|video chat|facetime|on the phone)\b")),
    ("message", _rx(r"\b(messag\w*|texted|text|emailed|e-mailed|email|dm'?d|dm'?ed|dm|pinged|reply|"
                    r"wrote|sent|inmail|replied)\b")),
    ("meeting", _rx(r"\b(met|meet|meeting|lunch|dinner|breakfast|drinks?|sat down|in person|"
                    r"visited)\b")),
)
TIERS = (
    ("inner", _rx(r"\binner( circle| tier)?\b|\bclose (friends|circle)\b")),
    ("dormant", _rx(r"\bdormant\b")),
    ("aspirational", _rx(r"\baspirational\b")),
    ("active", _rx(r"\bactive\b")),
)

# Free-text slots: what follows these lead-ins, up to the end of the clause.
QUERY_LEAD = _rx(
    r"^.*?\b(?:who (?:else )?do i know|who in my network|anyone in my network|do i know "
    r"(?:anyone|anybody|someone|somebody|people|any \w+)|know any(?:one|body)?|find (?:me )?"
    r"(?:people|someone|somebody|anyone|contacts|folks)?|search (?:my contacts |my network )?"
    r"(?:for)?|look for|which (?:of my )?(?:contacts|people|friends)|people|contacts|someone|"
    r"somebody|anyone|anybody|who)\b\s*(?:(?:who|that) (?:(?:is|are) )?)?"
    r"(?:(?:is|are|work|works|working|worked|based)\s+)?"
)
# "note that Mei is moving", "remember that Ben...": the news is all that follows the name.
NOTE_LEAD = _rx(r"^\s*(?:please )?(?:(?:make a |add a |take a )?note(?: down)?(?: that)?"
                r"|jot down(?: that)?|remember(?: that)?|fyi|for the record)\b")
AUDIENCE = _rx(r"\b(?:for|to|at|with|audience(?: is|:)?|aimed at) (?:a |an |the |my |some |this )?"
               r"(?P<a>[^,.?!;]+?)"
               r"(?:\s+(?:at|on|next|tomorrow|today|this|please)\b.*)?\s*(?:[,.?!;]|$)")
ROLE3 = re.compile(r"\b(?:a|an|my|the|this|that|tomorrow's|today's|next week's|friday's|"
                   r"monday's|tuesday's|wednesday's|thursday's) (?P<r>[A-Za-z][\w&/+\- ]*?) "
                   r"(?:interview|screen|loop|onsite)\b", re.IGNORECASE)
ROLE_TAIL = _rx(r"\b(?:for|as) (?:a |an |the |my )?(?P<r>[A-Za-z][\w&/+\- ]*?)\s*(?:[,.?!;]|$)")
WHEN = _rx(r"(?:(?:this|next|on) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
           r"tomorrow|today|tonight|next week|this week|later|it|me|that|this|now|them)")
ROLE = _rx(r"\b(?:for|as) (?:a |an |the |my |this |that |tomorrow's |next week's |"
           r"(?:\w+day'?s?) )?(?P<r>[A-Za-z][\w&/+\- ]*?)\s+(?:interview|role|position|job|"
           r"opening|screen|loop)\b|\b(?:interview|role|position|job) (?:for|as) (?:a |an |the )?"
           r"(?P<r2>[A-Za-z][\w&/+\- ]*?)(?:\s+(?:at|on|next|tomorrow|this)\b|[,.?!;]|$)")
TARGET = re.compile(r"\b(?:at|to|into|in at|in to|with|join|inside|reach|over at) (?:someone at "
                    r"|people at |anyone at |somebody at )?"
                    r"(?P<t>[A-Z0-9][\w&.\-']*(?: (?:[A-Z0-9&][\w&.\-']*|of|de|and))*)")
TARGET_LOWER = _rx(r"\b(?:at|to|into|inside) (?:someone at |people at |anyone at )?(?:a |an |the )?"
                   r"(?P<t>[\w&.\-' ]+?)\s*(?:[,.?!;]|\bin\b|\bwithin\b|$)")
NOTE_SPLIT = _rx(r"\s*(?:[,;:(]|[.!]\s|\s[-–—]\s|[–—]|\bwho(?:'s| is| was)?\b|\bregarding\b|"
                 r"\b(?:told me|says|shared)(?: that)?\b|"
                 r"\band (?:she|he|they)\b|\b(?:she|he|they) (?:said|"
                 r"mentioned|told me)\b|\babout\b|\band said\b|\band mentioned\b|\bnote:?\b)\s*")

FREE_TEXT_STOP = frozenset(
    "a an the my me i to for of in at on with and or is are was be it this that these those "
    "who whom which what someone somebody anyone anybody people contacts network know do "
    "please some any she he they her his their him them s 's she's he's they're "
    "please also just".split()
)


def first_label(text: str, table: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The label of the first cue in ``table`` that the text holds."""
    for label, pattern in table:
        if pattern.search(text):
            return label
    return None


def revise_action(text: str) -> str | None:
    """shorter, longer or another, when the text asks for a change to the last result."""
    if SHORTER.search(text):
        return "shorter"
    if LONGER.search(text):
        return "longer"
    if ANOTHER.search(text):
        return "another"
    return None


def clean_free_text(text: str) -> str:
    """Trim filler around a free-text slot."""
    text = re.sub(r"\s+", " ", text).strip(" ,.?!;:\"'")
    text = re.sub(r"^(?:in|at|on|about|with|from|into|for|the|a|an|who|that)\s+", "", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:in my network|in my contacts|please|again|this week|right now|"
                  r"now|today|at all)$", "", text, flags=re.IGNORECASE)
    return text.strip(" ,.?!;:\"'")


def search_query(text: str) -> str:
    """What to search for: the message without its 'who do I know in' lead-in."""
    match = QUERY_LEAD.match(text)
    rest = text[match.end():] if match else text
    return clean_free_text(rest) or clean_free_text(text)


def audience(text: str, after: int = 0) -> str | None:
    """Who a pitch is for ('for a recruiter' -> 'recruiter')."""
    match = AUDIENCE.search(text, after)
    if not match:
        return None
    value = clean_free_text(match.group("a"))
    if not value or value.casefold() in {"me", "myself", "linkedin", "my linkedin", "it"}:
        return None
    if re.fullmatch(r"(?:\d+|thirty|sixty|one)[- ]?(?:s|sec|secs|seconds?|minutes?)", value,
                    flags=re.IGNORECASE):
        return None
    return value


def role(text: str) -> str | None:
    """The role an interview is for ('for the APM interview' -> 'APM')."""
    match = ROLE.search(text)
    if match:
        value = clean_free_text(match.group("r") or match.group("r2") or "")
    elif (other := ROLE3.search(text)) is not None:
        value = clean_free_text(other.group("r"))
    elif (tail := ROLE_TAIL.search(text)) is not None:
        value = clean_free_text(tail.group("r"))
        if WHEN.fullmatch(value):
            return None
    else:
        return None
    if value.casefold() in {"", "my", "the", "an", "a", "this", "next", "upcoming", "mock",
                            "practice", "real", "job", "big", "final", "first", "next week",
                            "phone", "onsite", "behavioral", "technical"}:
        return None
    value = re.sub(r"^(?:upcoming|next|big|real|final|first|second|onsite|phone)\s+", "", value,
                   flags=re.IGNORECASE)
    return value or None


TARGET_OTHER = re.compile(r"\b(?:for|in|from|of|on|about|inside) (?:the )?"
                          r"(?P<t>[A-Z0-9][\w&.\-']*(?: (?:[A-Z0-9&][\w&.\-']*|of|de|and))*)")


def target(text: str) -> str | None:
    """The company or place a warm path should reach."""
    match = TARGET.search(text) or TARGET_OTHER.search(text)
    if match and match.group("t") not in {"I", "I'm", "I'd"}:
        return clean_free_text(match.group("t"))
    match = TARGET_LOWER.search(text)
    return clean_free_text(match.group("t")) if match else None
