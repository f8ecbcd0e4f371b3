"""Turning profile fragments into sentences a person would say: first person, articles, clipping."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence

from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.pitch_goals import is_activity

# Words a proof point may open with that end in -ed but are adjectives, not actions.
_NOT_VERBS = frozenset(
    "red bed need speed seed feed shed hundred based skilled detailed experienced dedicated "
    "talented motivated certified licensed advanced seasoned qualified united limited "
    "board-certified self-motivated results-driven data-driven detail-oriented".split()
)
_IRREGULAR_PAST = frozenset(
    "led built ran won grew cut made wrote taught drove brought began became found gave held kept "
    "sent spent sold set beat chose oversaw rebuilt rewrote took got saw met bought thought stood "
    "put spun split hit read rose told understood went undertook upheld overcame forged flew "
    "drew shook sped struck swore wove withdrew shot sat spoke dealt paid laid sought caught "
    "fought lent meant wore bore".split()
)
_PRESENT_VERBS = frozenset(
    "lead build run manage teach mentor design coordinate own support coach write create develop "
    "train oversee handle drive grow launch analyze analyse organize organise serve plan help "
    "work care advise deliver direct supervise".split()
)
# Singular nouns that read wrong without an article after a verb ("led team of 5").
_COUNT_NOUNS = frozenset(
    "team group project program programme pilot cohort squad crew unit department study "
    "workshop course curriculum campaign initiative committee task force dashboard tool "
    "platform system process playbook".split()
)
_NOMINAL = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ship|ure|out|sis)$")
_NOMINAL_WORDS = frozenset(
    "launch redesign overhaul rebuild build design move shift review audit rollout relaunch "
    "cleanup setup upgrade merger integration creation".split()
)
_DETERMINERS = frozenset(
    "a an the my our their his her its this that these those every each one two three four five "
    "six seven eight nine ten several many multiple".split()
)
# Names people write at the start of a line that must keep their capital ("Excel modelling").
_BRANDS = frozenset(
    "excel python sql java javascript typescript react salesforce tableau figma jira aws azure "
    "google microsoft linkedin spanish english french german mandarin arabic hindi portuguese "
    "epic lean agile scrum kubernetes docker linux sap oracle hubspot slack notion canva "
    "photoshop illustrator power bi looker snowflake dbt".split()
)
MIN_SAMPLE_WORDS = 15  # a shorter voice sample says too little about how someone writes
_UNSAFE = re.compile(r"[\[\]{}<>]")


def stable_int(seed: str) -> int:
    """A number that depends only on the seed (never on the run, unlike ``hash``)."""
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:4], "big")


def pick(options: Sequence[str], seed: str) -> str:
    """A stable choice: the same seed always picks the same option."""
    return options[stable_int(seed) % len(options)]


def fact_key(text: str) -> str:
    """What makes two profile items the same item: their words, ignoring case and punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


NEAR_COPY = 85  # rapidfuzz token-set similarity at which two achievements are one


def distinct(points: Sequence[str]) -> list[str]:
    """The items without near-copies ("Led X" and "led X, again"): each achievement once."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    kept: list[str] = []
    for point in points:
        key = fact_key(point)
        if key and not any(fuzz.token_set_ratio(key, fact_key(k)) >= NEAR_COPY for k in kept):
            kept.append(point)
    return kept


def clean(fragment: str) -> str:
    """One line of profile text, with brackets and braces removed and spaces collapsed."""
    text = _UNSAFE.sub("", fragment)
    text = " ".join(text.split())
    return text.strip(" .;,:-–—•*")


def proper_words(texts: Iterable[str]) -> set[str]:
    """Words the user capitalises mid-sentence somewhere: names we must never lower-case."""
    found: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            words = sentence.split()
            for word in words[1:]:
                core = word.strip("\"'(),.;:!?")
                if core[:1].isupper():
                    found.add(core)
    return found


def soften(fragment: str, proper: set[str]) -> str:
    """Lower-case the first word for use mid-sentence, unless it is a name or an acronym."""
    if not fragment:
        return fragment
    first, _, rest = fragment.partition(" ")
    core = first.strip("\"'(),.;:!?")
    keep = (core in proper or core == "I" or any(c.isupper() for c in core[1:])
            or core.lower() in _BRANDS)
    if keep or not core[:1].isupper() or len(first[0].lower()) != 1:  # "İ" lowers to two chars
        return fragment
    return (first[0].lower() + first[1:] + (" " + rest if rest else "")).strip()


def capitalise(text: str) -> str:
    """Upper-case the first character of a sentence (unless that would change its length)."""
    if not text or len(text[0].upper()) != 1:
        return text
    return text[0].upper() + text[1:]


def article(word: str) -> str:
    """``a`` or ``an`` for the word that follows (by sound, roughly)."""
    core = word.split(" ", 1)[0].strip("\"'(")
    if not core:
        return "a"
    if core[0].isdigit():
        number = re.match(r"\d+", core)
        digits = number.group() if number else ""
        return "an" if digits.startswith("8") or digits in {"11", "18"} else "a"
    letters = re.sub(r"[^A-Za-z]", "", core)
    if len(letters) >= 2 and letters.isupper() and len(letters) <= 5:
        return "an" if letters[0] in "AEFHILMNORSX" else "a"
    lower = core.lower()
    if lower.startswith(("uni", "use", "usu", "one", "eu", "ubi")):
        return "a"
    if lower.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """``a product manager`` from ``product manager``; leaves ``the``/``my`` phrases alone."""
    first = phrase.split(" ", 1)[0].lower()
    if first in _DETERMINERS or not phrase:
        return phrase
    return f"{article(phrase)} {phrase}"


def _is_past(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_VERBS:
        return False
    regular = len(lower) > 3 and lower.endswith("ed") and "-" not in lower
    return lower in _IRREGULAR_PAST or regular


def _fix_article(words: list[str]) -> list[str]:
    """Insert the article a fragment dropped after its verb: "led the migration of 40 clinics"."""
    if len(words) < 2:
        return words
    nxt = words[1].lower()
    if nxt in _DETERMINERS or not nxt[:1].isalnum():
        return words
    following = words[2].lower() if len(words) > 2 else ""
    if nxt in _COUNT_NOUNS or re.match(r"^\d+-[a-z]+$", nxt):
        return [words[0], article(words[1]), *words[1:]]
    if following == "of" and (_NOMINAL.search(nxt) or nxt in _NOMINAL_WORDS):
        return [words[0], "the", *words[1:]]
    return words


def first_person(fragment: str, proper: set[str]) -> tuple[str, str]:
    """A proof point as a first-person clause, and its form (``past``, ``present``, ``noun``...).

    "Led migration of 40 clinics" becomes "I led the migration of 40 clinics".
    """
    text = clean(fragment)
    words = text.split()
    if not words:
        return "", "noun"
    head = words[0].lower().strip(",")
    if head in {"i", "i'm", "i've", "i'd", "my", "we", "we've", "our"}:
        return capitalise(text) if head != "i" else "I" + text[1:], "first"
    if _is_past(head) or head in _PRESENT_VERBS:
        words = _fix_article([words[0].lower(), *words[1:]])
        return "I " + " ".join(words), "past" if _is_past(head) else "present"
    if is_activity(text):
        return "I'm " + soften(text, proper), "ongoing"
    return soften(text, proper), "noun"


def identity(now: str, proper: set[str]) -> tuple[str, str]:
    """Where the user is now, as a clause: "I'm a hospital pharmacist at Mercy Health"."""
    text = clean((split_sentences(now) or [""])[0])
    clause, form = first_person(text, proper)
    if form in {"first", "past", "present", "ongoing"}:
        return clause, form
    first_clause = clause.split(",", 1)[0]
    if re.search(r"\bfor (?:over |nearly |almost )?\d+\+? (?:years?|months?)\b", first_clause):
        return "I've been " + with_article(clause), "been"
    return "I'm " + with_article(clause), "noun"


def join_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


_ADJECTIVES = frozenset(
    "calm organized organised curious patient resilient adaptable reliable empathetic creative "
    "analytical resourceful persistent thorough decisive collaborative approachable "
    "detail-oriented comfortable good great strong fluent able".split()
)


# What follows an adjective used on its own ("calm under pressure", "good at", "calm and kind").
_AFTER_ADJECTIVE = frozenset(
    "under with in at about and or when during around across to for on even while".split()
)


def as_gerund(strength: str) -> str:
    """"calm under pressure" -> "being calm under pressure", so it reads after "known for";
    "calm incident command" (the adjective describes a noun) stays as it is."""
    words = strength.lower().split()
    if not words or words[0].rstrip(",") not in _ADJECTIVES:
        return strength
    alone = len(words) == 1 or words[0].endswith(",") or words[1] in _AFTER_ADJECTIVE
    return f"being {strength}" if alone else strength


def sentence(clause: str) -> str:
    """A clause as a sentence: capitalised, one final full stop."""
    text = clause.strip().rstrip(" .;,:")
    if not text:
        return ""
    end = "" if text.endswith(("!", "?")) else "."
    return capitalise(text) + end


_CHANGE = re.compile(
    r"\b(?:cut|cuts|reduc\w+|increas\w+|decreas\w+|sav(?:ed|es|ing)|grew|grown|rais\w+|"
    r"improv\w+|fell|dropped|rose|went (?:up|down)|brought \w+(?: \w+){0,3} down|doubl\w+|"
    r"tripl\w+|halv\w+|boost\w+|lower\w+|shrank|faster|fewer|zero|under budget|"
    r"from \S+(?: \w+)? (?:down )?to \S*\d|(?:found|recovered|uncovered|caught|identified) "
    r"(?:an? )?[$€£]\S+)", re.I)
_MAGNITUDE = re.compile(r"\b(?:largest|biggest|record|first ever|#1|top \d+|award\w*|"
                        r"president'?s club|promoted)\b", re.I)
# Size alone ("a team of 12", "a $500K budget") is scope, not a result.
_SCOPE = re.compile(r"\b(?:budget|book of|team of|portfolio|worth|responsible|manag(?:e|es)\b|"
                    r"up to \d)", re.I)
# What others did because of the work: adoption says it mattered ("led the group to buy it for
# all 6 sites", "reaching 60 sessions a week", "three other stores now use it").
_ADOPTED = re.compile(r"\b(?:led (?:\w+ ){0,3}to (?:buy|adopt|choose|roll)|adopted by|"
                      r"reaching|now (?:use|used|shared)|still use|rolled out to|became the "
                      r"(?:template|standard))\b", re.I)


_SMALL_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(), 0) if w != "_"}
_NUMBER_WORDS = re.compile(
    r"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|"
    r"six|seven|eight|nine))?|(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(?:\s+(hundred|thousand))?"
    r"\b", re.I)


def digits_of(text: str) -> str:
    """Numbers written in words as digits, for measuring only ("sixty-two percent" -> "62
    percent", "three thousand" -> "3000"); what the user wrote is what the pitch says."""
    def number(m: re.Match[str]) -> str:
        tens, unit, small, scale = (g.lower() if g else "" for g in m.groups())
        value = _TENS[tens] + _SMALL_NUMBERS.get(unit, 0) if tens else _SMALL_NUMBERS[small]
        value *= {"hundred": 100, "thousand": 1000}.get(scale, 1)
        return str(value)
    return _NUMBER_WORDS.sub(number, text)


_UNITS = {"hour": 60.0, "hr": 60.0, "day": 1440.0, "week": 10080.0, "month": 43200.0,
          "minute": 1.0, "min": 1.0, "k": 1e3, "m": 1e6, "million": 1e6, "year": 525600.0}
_RANGE = re.compile(r"\bfrom\s+(?:about\s+|like\s+)?[$€£]?([\d.,]+)\s*([a-z]+)?\b.{0,12}?\bto\s+"
                    r"(?:about\s+|like\s+)?[$€£]?([\d.,]+)\s*([a-z]+)?", re.I)


def _amount(number: str, unit: str | None) -> float | None:
    try:
        value = float(number.replace(",", "").rstrip("."))
    except ValueError:
        return None
    key = (unit or "").lower().rstrip("s")
    return value * _UNITS.get(key, 1.0)


def change_ratio(text: str) -> float:
    """How big a measured change is, as a ratio of at least 1 (a cut to a quarter and a rise
    to four times are both 4): "from 11 hours to 90 minutes" 7.3, "by 38 percent" 1.6,
    "4 times as many" 4, "doubled" 2; 1 when no size of change is said."""
    text = re.sub(r"\b(?:like|about|roughly|around|nearly|almost|some)\s+(?=\S*\d|half\b|a "
                  r"(?:third|quarter)\b)", "", digits_of(text), flags=re.I)
    ratios = [1.0]
    if re.search(r"\bby (?:a )?(?:third|quarter)\b", text, re.I):
        ratios.append(1.3)
    for m in _RANGE.finditer(text):
        unit_a, unit_b = m.group(2), m.group(4)
        if unit_a and unit_a.lower().rstrip("s") not in _UNITS:
            unit_a = None
        if unit_b and unit_b.lower().rstrip("s") not in _UNITS:
            unit_b = None
        a, b = _amount(m.group(1), unit_a or unit_b), _amount(m.group(3), unit_b or unit_a)
        if a and b and "%" in m.group(0) and min(a, b) >= 90 and 99 <= max(a, b) < 100:
            a, b = 100 - a, 100 - b  # uptime 99.5% to 99.99%: downtime fell fiftyfold
        if a and b:
            ratios.append(max(a, b) / min(a, b))
    shares = _PERCENT_LEVELS.sub(" ", text)  # "from 82% to 94%" is a range, measured above
    if _CHANGE.search(shares):
        down = re.search(r"\b(?:cut|reduc\w*|down|fell|dropped|lower\w*|decreas\w*|fewer)\b",
                         shares, re.I)
        for m in re.finditer(r"(?<![\d.])([\d.]+)\s*(?:%|percent\b|per cent\b)", shares, re.I):
            share = min(float(m.group(1).strip(".") or 0) / 100, 0.95)
            ratios.append(1 / (1 - share) if down else 1 + share)  # "cut food waste 22%"
    for m in re.finditer(r"\b([\d.]+)\s*([a-z]+)?\s+instead of\s+([\d.]+)", text, re.I):
        a, b = _amount(m.group(1), None), _amount(m.group(3), None)
        if a and b:
            ratios.append(max(a, b) / min(a, b))  # "8 min instead of 15"
    for m in re.finditer(r"\b([\d.]+)\s*(?:x|times)\b", text, re.I):
        ratios.append(float(m.group(1).rstrip(".") or 1))
    if re.search(r"\b(?:to|down to) zero\b", text, re.I):
        ratios.append(10.0)  # "from 9 non-conformities to zero"
    words = {"doubled": 2.0, "twice": 2.0, "halved": 2.0, "by half": 2.0, "tripled": 3.0,
             "quadrupled": 4.0}
    ratios += [v for w, v in words.items() if re.search(rf"\b{w}\b", text, re.I)]
    return max(ratios)


_PERCENT_LEVELS = re.compile(r"\bfrom\s+\S*\d\S*\s*(?:%|percent)\s+(?:\w+\s+)?to\s+\S*\d\S*\s*"
                             r"(?:%|percent)", re.I)


def strength_score(text: str) -> int:
    """How strong a proof point is: a measured change (numbers, money and percentages, a
    before and after) beats size alone, which beats an action without a number; of two
    changes, the bigger one ("4 times as many", "from 11 hours to 90 minutes") wins."""
    score = 0
    measured = digits_of(text)
    if re.search(r"\d", measured):
        score += 10
    elif change_ratio(text) > 1:  # "doubled the dental appointments": a number in words
        score += 4
    if re.search(r"[$€£]\s?\d|\d[\d,.]*\s?(?:[kKmM]|million|billion)?\s?(?:euros?|dollars?|pounds)|"
                 r"\b[A-Z]{3}\s?\d", text):  # "PHP 2.4M", "KES 3.1M", "AUD 60k"
        score += 4  # money is the impact anyone reads at once
    elif re.search(r"%|\bpercent\b", _PERCENT_LEVELS.sub(" ", measured)):
        score += 3  # a change by a share ("cut errors 38%"), not a level ("CSAT from 82% to 94%")
    ratio = change_ratio(text)
    change = bool(_CHANGE.search(text)) or ratio > 1
    # The size of the change: "by 38%" 1, "doubled" 2, "4 times as many" 4.
    score += min(3, round(2 * math.log2(ratio))) if ratio > 1 else 0
    if change:
        score += 4
    elif _SCOPE.search(text):
        score -= 4
    if _MAGNITUDE.search(text):
        score += 2
    if _ADOPTED.search(text):
        score += 2
    counts = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", measured)
              if n.replace(",", "").replace(".", "").isdigit()]
    if counts and max(counts) < 10 and not change:
        score -= 1  # "three junior researchers" is a smaller claim than "200 interviews"
    first = text.split(" ", 1)[0].lower() if text.split() else ""
    if _is_past(first) or first in _PRESENT_VERBS:
        score += 1
    if 5 <= len(text.split()) <= 22:
        score += 1
    return score


def rank_proof(points: Sequence[str]) -> list[str]:
    """Proof points, strongest first (stable for ties)."""
    cleaned = [clean(p) for p in points if clean(p)]
    return sorted(cleaned, key=strength_score, reverse=True)


def formal(text: str) -> str:
    """Spell out contractions, for users whose own writing does not use them."""
    for short, full in (("I'm", "I am"), ("I'd", "I would"), ("I've", "I have"),
                        ("I'll", "I will"), ("that's", "that is"), ("That's", "That is"),
                        ("it's", "it is"), ("It's", "It is"), ("you're", "you are"),
                        ("what's", "what is"), ("you'd", "you would")):
        text = re.sub(rf"(?<![\w']){re.escape(short)}(?![\w'])", full, text)
    return text


def uses_contractions(sample: str) -> bool:
    """Whether a voice sample (of some length) uses contractions like "I'm" or "don't"."""
    if len(sample.split()) < MIN_SAMPLE_WORDS:
        return True
    return bool(re.search(r"\b\w+'(?:m|s|re|ve|d|ll|t)\b", sample.replace("’", "'")))
