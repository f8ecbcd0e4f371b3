"""The moves of an outreach draft, each with several phrasings: a hook said to the contact, an
opener, a resource, an ask that is easy to decline, a closer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

from assistant.drafting.language.clauses import shorten
from assistant.drafting.language.hooks import NEED, PLAN, Hook
from assistant.drafting.language.parser import parse

COPY_RUN = 7  # a draft never lifts this many consecutive words from a note
_WORD = re.compile(r"[\w'’#]+")
_GOOD_NEWS = re.compile(
    r"\b(?:baby|born|married|engaged|promot\w*|new (?:role|job|position)|joined|launch\w*|"
    r"publish\w*|won|award\w*|graduat\w*|finished|opened|started|bought|moved|got)\b", re.I)
_HARD_NEWS = re.compile(
    r"\b(?:passed away|passed|died|death|funeral|surgery|sick|ill|illness|hospital\w*|laid off|"
    r"let go|lost (?:her|his|their|your) (?:job|mom|dad|mother|father)|divorce\w*|recovering|"
    r"diagnos\w*|cancer|chemo\w*|covid|injur\w*|broke (?:her|his|their) \w+|accident|"
    r"miscarriage|grie\w+|taking it slow|burn(?:ed|t)? ?out)\b", re.I)
# Hard words that are not bad news: "a 10k for a cancer charity", "the surgery went fine",
# "her first race since the knee surgery".
_NOT_HARD = re.compile(r"\b(?:charity|fundraiser|fundraising|research|awareness|went (?:ok|okay|"
                       r"well|fine|great)|fully recovered|since (?:her|his|their|the|my) |"
                       r"hospital (?:system|software|tech\w*))\b", re.I)
# Babies and grandchildren: news a friend answers with joy, in words of its own.
_BABY = re.compile(r"\b(?:twins|triplets|new ?born|baby|babies|grand(?:kid|child|son|daughter|"
                   r"baby|pa|ma|father|mother)\w*|(?:kid|baby|child) ?#? ?(?:\d|two|2nd|number)"
                   r"|expecting|pregnan\w*|paternity|maternity|parental leave)\b", re.I)
_ACHIEVEMENT = re.compile(r"\b(?:raised|won|published|promoted|passed (?:the|her|his|their|an?) "
                          r"\w+ exam|got into|graduated|accepted|awarded|landed|signed)\b", re.I)
_GAVE = re.compile(r"\b(?:offered|introduced|intro'?d|helped|sent|shared|gave|invited|recommended|"
                   r"referred|connected|reviewed|spent|wrote|congratulated|credited|starred|"
                   r"taught|vouched|mentored|liked|praised|thanked me)\b", re.I)


def pick(options: Sequence[str], seed: str) -> str:
    """A stable choice: the same seed always picks the same option."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def words(text: str) -> list[str]:
    """Lower-case word tokens, as the copy check counts them."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def longest_copied_run(text: str, source: str) -> int:
    """The longest run of consecutive words the text shares with the source."""
    a, b = words(text), words(source)
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def clause(hook: Hook, max_words: int) -> str:
    """The hook's clause, short enough and never a long lift of the note's own words.

    A clause shortened to nothing but a subject and a verb ("you moved") says nothing: it is
    dropped rather than sent.
    """
    for text in (hook.said.text, reworded(hook.said.text)):
        for limit in range(max_words, 2, -1):
            short = shorten(text, limit)
            if short and longest_copied_run(short, hook.fact) < COPY_RUN:
                return short if _has_content(short) else ""
    return ""


# Everyday synonyms for the verbs notes use most, so a fact can be said in other words than
# the user's own when saying it whole would lift a long run of them.
SYNONYMS = (("training for", "getting ready for"), ("working on", "busy with"),
            ("planning to", "thinking of going to"), ("moving to", "heading to"),
            ("building", "putting together"), ("writing", "working on"),
            ("learning", "picking up"), ("looking for", "after"), ("started", "began"),
            ("finished", "completed"), ("opened", "launched"), ("hiked", "walked"),
            ("ran", "completed"), ("joined", "moved to"))


def reworded(text: str) -> str:
    """The clause with its first everyday verb swapped for a synonym ('' when none applies)."""
    for old, new in SYNONYMS:
        swapped = re.sub(rf"\b{old}\b", new, text, count=1)
        if swapped != text:
            return swapped
    return text


def _has_content(text: str) -> bool:
    """At least one noun, name or number beyond the pronouns."""
    return any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in parse(text))


_NEED_TOPIC = re.compile(
    r"\b(?:looking for|searching for|hunting for|after|wants? to find|trying to find|"
    r"(?:any |good |some )*(?:resources|articles|books|recommendations|tips|advice|reading) "
    r"(?:on|about|for)|asked (?:me )?(?:about|for)|needs?|would love)\s+(.+)$", re.I)


def need_topic(hook: Hook) -> str:
    """What the contact is looking for, said to them: "articles on alert fatigue in EHRs"."""
    said = hook.said.text
    match = _NEED_TOPIC.search(said)
    if not match:
        return ""
    topic = match.group(1).strip().rstrip(".!")
    cue = match.group(0)[: match.start(1) - match.start(0)].strip().lower()
    if re.match(r"(?:any |good |some )*(?:resources|articles|books|recommendations|tips|advice|"
                r"reading) (?:on|about|for)$", cue):
        noun, prep = cue.split()[-2], cue.split()[-1]
        topic = f"{'ideas' if noun in {'any', 'good', 'some'} else noun} {prep} {topic}"
    topic = re.sub(r"^(?:(?:a |some |any |good |great |decent |solid )+)", "", topic, flags=re.I)
    topic = re.sub(r"^recs\b", "recommendations", topic, flags=re.I)
    for limit in range(8, 2, -1):  # whole phrases only, and never a long lift of the note
        short = shorten(topic, limit) if len(topic.split()) > limit else topic
        if short and longest_copied_run(short, hook.fact) < COPY_RUN:
            return short if len(short.split()) > 1 or cue.startswith("looking") else ""
    return ""


def _past(text: str) -> str:
    """ "you are training" -> "you were training" (the note is older than the question)."""
    text = re.sub(r"\s+(?:now|these days|at the moment|right now|next (?:week|month|year|"
                  r"summer|spring|fall|autumn|winter))$", "", text)
    return re.sub(r"^you(?: are|'re|’re) ", "you were ", text)


def _still(text: str) -> str:
    """ "you run a board-game night" -> "do you still run a board-game night" """
    body = text.removeprefix("you ")
    if body.startswith(("are ", "'re ")):
        return "are you still " + body.split(" ", 1)[1]
    if body.startswith("have "):
        return "do you still have " + body.split(" ", 1)[1]
    return "do you still " + body


_ASKISH = re.compile(r"\b(?:intro\w*|refer\w*|hiring|intern(?:s|ship)?|recruiting|"
                     r"(?:a|any|the) (?:job|role|opening)s? (?:for me|at)|put me in touch|"
                     r"recommend me)\b", re.I)


def askish(hook: Hook) -> bool:
    """A fact that would read as a nudge in a no-ask message ("offered to intro me to ...")."""
    return bool(_ASKISH.search(hook.fact))


def hook_line(hook: Hook, seed: str, today: date, max_words: int = 12,
              resource_fits: bool = False, remark_only: bool = False) -> str:
    """The hook said to the contact as a question or remark, in the tense its date calls for.

    ``remark_only``: one sentence and no question (a request has its own question to ask).
    """
    line = _hook_line(hook, seed, today, max_words, resource_fits)
    if line and longest_copied_run(line, hook.fact) >= COPY_RUN:
        line = ""  # a frame that rebuilt the note's own words is a quote, not a remark
    if not line and hook.said.voice in {"you", "thing"}:
        line = topic_line(hook, seed)
    if remark_only and line:
        first = re.split(r"(?<=[.!?])\s+", line)[0]
        return first if first.endswith(".") else ""
    return line


def _hook_line(hook: Hook, seed: str, today: date, max_words: int,
               resource_fits: bool) -> str:
    if _BABY.search(hook.fact) and hook.said.voice in {"you", "thing"} and \
            not _HARD_NEWS.search(hook.fact):
        line = baby_line(hook, seed, today)
        if line:
            return line
    if _HARD_NEWS.search(hook.fact) and hook.said.voice in {"you", "thing"} and \
            hook.type != PLAN and not _NOT_HARD.search(hook.fact):
        said = clause(hook, max_words)
        if not said:
            return "I've been thinking of you lately, and I hope you're doing okay."
        return pick([f"I was so sorry to hear {_past(said)}. I've been thinking of you.",
                     f"I've been thinking of you since I heard {_past(said)}. I hope you're "
                     "doing okay."], seed + "hn")
    if hook.type == NEED and hook.said.voice in {"you", "thing"}:
        topic = need_topic(hook)
        if topic:
            follow = "" if resource_fits else " " + pick(
                ["Did you find what you were after?", "Have you found anything good since?",
                 "How is that search going?"], seed + "nf")
            return pick([f"You mentioned you were after {topic}.",
                         f"I remember you were looking for {topic}."], seed + "n") + follow
    if hook.said.tense == "none":
        return _thing_line(hook, seed, max_words)
    said = clause(hook, max_words)
    if not said:
        return ""
    tense = hook.said.tense
    if re.match(r"you(?: are|'re) (?:getting|going|about|due)\b", said):
        tense = "future"  # "you are getting married in December": a plan, not a past event
    stale = (today - hook.when).days > 45
    if hook.event is not None:  # the note says when it happens: that decides the tense
        stale = hook.event < today
    if hook.said.voice == "we":
        return pick([f"It's been a while since {said}.", f"I keep thinking back to when {said}."],
                    seed + "we")
    if hook.said.voice != "you":
        return ""
    if hook.type == NEED:
        follow = "" if resource_fits else " " + pick(
            ["Did you find what you were after?", "How is that going?"], seed + "nf")
        return pick([f"You mentioned {_past(said)}.", f"I remember {_past(said)}."],
                    seed + "n") + follow
    if tense in {"progressive", "future"} and said.startswith("your "):
        # "your wife is expecting your second child": news about their people, not a project
        return pick([f"Last I heard, {said}. How is everyone doing?",
                     f"I remember {said}. I hope you're all doing well."], seed + "fam")
    if tense in {"progressive", "future"}:
        if stale or hook.type == PLAN and (hook.event or hook.when) < today:
            return pick([f"Last I heard, {_past(said)}. How did it go?",
                         f"You mentioned {_past(said)}. How did it all go?",
                         f"I remember {_past(said)}. How did it turn out?"], seed + "pp")
        return pick([f"You mentioned {said}. How is it going?",
                     f"I remember {said}. How is it coming along?",
                     f"Last I heard, {said}. How is it going so far?"], seed + "pf")
    if tense == "present":
        if re.match(r"you(?: are|'re) back from ", said) and not re.search(r"\bleave\b", said):
            rest = re.sub(r"^you(?: are|'re) back from ", "", said)
            return pick([f"I heard you were back from {rest}. How was it?",
                         f"Welcome back from {rest}! What was the highlight?"], seed + "bk")
        options = [f"I remember {said}. How is that going these days?"]
        if said.startswith("you "):
            options.append(f"{_still(said)[:1].upper()}{_still(said)[1:]}?")
        return pick(options, seed + "pr")
    if tense == "past":
        if _ACHIEVEMENT.search(hook.fact):
            return pick([f"I heard {said}. Congratulations!",
                         f"I was thrilled to hear {said}. Congratulations!"], seed + "ac")
        if _CHANGE.search(hook.fact):  # a start or a move: it goes on, so ask how it is going
            return pick([f"I was so glad to hear {said}. How is it going?",
                         f"I loved hearing {said}. How are you finding it?",
                         f"It was great to hear {said}. How are things now?"], seed + "le")
        if _MILESTONE.search(hook.fact):  # done and dusted: ask how it was
            return pick([f"I heard {said}, which is amazing. How was it?",
                         f"I loved hearing {said}. What was the best part?",
                         f"I still think about how {said}. What was it like?"], seed + "ms")
        return pick([f"I remember {said}. How has that been?",
                     f"I was glad to hear {said}. How are things now?"], seed + "pa")
    return ""


def baby_line(hook: Hook, seed: str, today: date) -> str:
    """A new baby or grandchild, said with joy: "Congratulations on the twins!"."""
    fact = hook.fact
    low = fact.lower()
    name = _baby_name(hook)
    named = f", {name}" if name else ""
    if re.search(r"\bgrand(?:pa|ma|father|mother|kid|child|son|daughter|baby)", low):
        who = "your first grandchild" if "first" in low else "your new grandchild"
        return pick([f"I was so happy to hear about {who}{named}! How is grandparent life?",
                     f"Congratulations on {who}{named}! I hope you're all doing well."],
                    seed + "gb")
    if "twins" in low or "triplets" in low:
        what = "twins" if "twins" in low else "triplets"
        return pick([f"Congratulations on the {what}! I hope you're all getting a little sleep.",
                     f"I was thrilled to hear about the {what}! How are you all doing?"],
                    seed + "tw")
    due = hook.event
    if due is not None and due > today and re.search(r"\b(?:due|expecting|pregnan)", low):
        return pick(["You must be getting excited for the new baby! I hope you're keeping well.",
                     "I was so happy to hear a new baby is on the way! I hope you're well."],
                    seed + "du")
    second = bool(re.search(r"#\s?2|\b(?:two|2nd|second|number two)\b", low))
    baby = "baby number two" if second else "the new baby"
    return pick([f"Congratulations on {baby}{named}! I hope you're all doing well.",
                 f"I was so happy to hear about {baby}{named}! How are you all doing?"],
                seed + "bb")


def _baby_name(hook: Hook) -> str:
    """The baby's name when the note gives it ("baby boy named Jonah", "grandkid, Leo")."""
    match = re.search(r"\b(?:named|called)\s+([A-Z][a-z]+)", hook.fact) or re.search(
        r"\b(?:baby|boy|girl|grandkid|grandchild|grandson|granddaughter)\W+([A-Z][a-z]+)\b",
        hook.fact)
    if not match:
        return ""
    name = match.group(1)
    months = {m[:3] for m in "january february march april may june july august september "
              "october november december".split()}
    return "" if name.lower()[:3] in months else name


_CHANGE = re.compile(r"\b(?:moved|switched|started|joined|opened|launched|adopted|began|"
                     r"promoted|hired|bought|took up|left|got into|got|retired|became)\b", re.I)
_MILESTONE = re.compile(r"\b(?:ran|finished|rode|hiked|climbed|spotted|visited|hit|won|"
                        r"completed|cycled|walked|swam|presented|gave|published|raised|"
                        r"passed|performed|played|travel+ed|went|back)\b", re.I)


def history_line(hook: Hook, seed: str) -> str:
    """Shared history as the reason to write: "It's been a while since we worked at Nopa." """
    said = clause(hook, 12)
    if said and hook.said.voice == "we":
        return pick([f"It's been a while since {said}!",
                     f"I was thinking back to when {said}, and wanted to say hello."], seed + "hi")
    if said and hook.said.voice == "you" and hook.said.tense == "past":
        return pick([f"I was thinking back to when {said}, and wanted to say hello.",
                     f"I still think about how {said}, and wanted to say hello."], seed + "hi")
    return ""


def topic_line(hook: Hook, seed: str) -> str:
    """The last resort for a note no frame fits: its main thing, named ("your trip to Peru")."""
    doc = parse(hook.said.text)
    chunks = [c for c in doc.noun_chunks if c.root.pos_ != "PRON" and len(c.text.split()) >= 2
              and c.root.lower_ not in {"time", "thing", "lot", "bit", "way", "end", "start",
                                        "year", "years", "month", "week", "day", "part"}]
    if not chunks:
        return ""
    chunk = max(chunks, key=lambda c: (any(t.pos_ == "PROPN" for t in c), len(c)))
    text = chunk.text
    if chunk.end < len(doc) and doc[chunk.end].dep_ in {"conj", "ccomp", "dep"} and \
            not list(doc[chunk.end].children):
        text += " " + doc[chunk.end].text  # "the San Sebastián half | marathon", misread
    if text.split()[0].lower() in {"a", "an", "some", "his", "her", "their"}:
        text = "the " + text.split(" ", 1)[1]
    if longest_copied_run(text, hook.fact) >= COPY_RUN or len(text.split()) > 8:
        return ""
    return pick([f"I was thinking about {text} the other day. How is that going?",
                 f"{text[:1].upper()}{text[1:]} came to mind the other day. How are things?"],
                seed + "tp")


def _thing_line(hook: Hook, seed: str, max_words: int) -> str:
    """A fact with no verb ("new baby!! Lucia"): good news is a remark about "the" thing."""
    text = hook.said.text.strip(" .!,")
    first_phrase = re.split(r"[,;(]", text)[0].strip()
    words_ = first_phrase.split()
    if not words_ or len(words_) > max_words or not _GOOD_NEWS_NOUN.search(first_phrase):
        return ""
    if words_[0].lower() not in {"your", "the", "a", "an"}:
        first_phrase = "the " + first_phrase
    return pick([f"I was so happy to hear about {first_phrase}. How are you all doing?",
                 f"I was thrilled to hear about {first_phrase}! I hope you're all doing well."],
                seed + "th")


_GOOD_NEWS_NOUN = re.compile(r"\b(?:baby|twins|wedding|engagement|job|role|house|home|promotion|"
                             r"puppy|dog|grant|book|launch|award|degree|graduation|business|company|"
                             r"shop|studio|restaurant|cafe|podcast)\b", re.I)


def congrats_line(hook: Hook | None, seed: str, title: str, company: str,
                  today: date | None = None) -> str:
    """What the congratulations are for: the news in the notes, else their role."""
    if hook is not None and _BABY.search(hook.fact) and not _HARD_NEWS.search(hook.fact):
        line = baby_line(hook, seed, today or hook.when)
        if line:
            return line
    if hook is not None and hook.said.tense == "none":
        line = _thing_line(hook, seed, 12)
        if line:
            return line
    if hook is not None and hook.said.voice == "you":
        said = clause(hook, 12)
        if said:
            return pick([f"I just heard {said}. Congratulations!",
                         f"Congratulations! I was so happy to hear {said}."], seed + "cg")
    return pick(["I wanted to say congratulations; I was really happy to hear your news.",
                 "I just wanted to say congratulations. It's great news!"], seed + "cf")


def thanks_line(hooks: Sequence[Hook], seed: str) -> tuple[str, Hook | None]:
    """What the thanks are for: something the contact gave, from the notes."""
    for hook in hooks:
        if hook.said.voice == "you" and _GAVE.search(hook.fact) and not askish(hook):
            said = clause(hook, 14)
            if said:
                return pick([f"Thank you: {said}, and it meant a lot.",
                             f"I wanted to say thank you. {said[:1].upper()}{said[1:]}, and I "
                             "really appreciated it."], seed + "th"), hook
    return pick(["I wanted to say thank you for being so generous with your time.",
                 "I just wanted to say thank you; it meant a lot to me."], seed + "tg"), None


def resource_line(title: str, summary: str, url: str, seed: str, room: int) -> str:
    """The resource, whole (title and why) or as a title and link, never cut off."""
    link = f" {url}" if url else ""
    whole = pick([f'This made me think of you: "{title}".{link} {summary}',
                  f'I came across "{title}" and thought of you.{link} {summary}'], seed + "r")
    if len(whole) <= room and summary:
        return whole.strip()
    short = pick([f'This made me think of you: "{title}".{link}',
                  f'I came across "{title}" and thought of you.{link}'], seed + "r")
    return short if len(short) <= room else ""


OPENERS_NO_NOTES = ("It's been a while, so I wanted to say hello.",
                    "It's been a while since we've been in touch, so I wanted to say hi.",
                    "It's been a while! I wanted to say hello.")
OPENERS = ("You came to mind this week.", "I was thinking of you the other day.",
           "You popped into my head today.")
CLOSERS = ("There's no need to reply; I just wanted to say hi.",
           "I hope the rest of your week is good.", "I hope all is well with you.",
           "No need to write back, I was just thinking of you.")
TEXT_CLOSERS = ("Hope you're doing well!", "Hope you're well!", "Hope you're good!")
INFO_ASKS = (
    "Would you be open to a short call in the next few weeks so I could hear about {field}?",
    "Would you have time for a short call sometime this month so I could ask a few questions "
    "about {field}?",
)
COFFEE_ASKS = ("Would you be up for a coffee sometime in the next couple of weeks?",
               "Would you be open to grabbing a coffee sometime soon?")
EASY_OUTS = ("If things are busy, no worries at all.", "Totally fine to say no if now isn't "
             "a good time.", "No pressure at all if the timing is off.")
