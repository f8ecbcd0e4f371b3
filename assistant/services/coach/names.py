"""Which contact a message means: full names, first names, last names, typos, companies."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

AMBIGUOUS = "AMBIGUOUS"
FUZZY_MIN = 86  # a typo in a name of five letters or more ("Marisl" for "Marisol")
FUZZY_MIN_LEN = 5
# Words that are also first names: they count as names only when written with a capital.
COMMON_WORDS = frozenset(
    "will may mark june april august grace joy hope faith rose sky summer dawn bill bob rich "
    "art ray guy sue pat max jack jay frank sunny amber ruby pearl iris ivy autumn hunter "
    "chase bishop cash drew gene lane sage wade miles price young long brown white black "
    "green hill wood king page case bell day west ward rice ash holly penny robin lily "
    "olive gray grey star river stone reed dean earl duke sterling".split()
)
NICKNAMES: dict[str, tuple[str, ...]] = {
    "ben": ("benjamin",), "mike": ("michael",), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "kate": ("katherine", "catherine", "kathryn"), "katie": ("katherine", "catherine"),
    "chris": ("christopher", "christine", "christina"), "dan": ("daniel",), "danny": ("daniel",),
    "dave": ("david",), "tom": ("thomas",), "jen": ("jennifer",), "jenny": ("jennifer",),
    "matt": ("matthew",), "nick": ("nicholas",), "rob": ("robert",), "bob": ("robert",),
    "bill": ("william",), "will": ("william",), "jim": ("james",), "jimmy": ("james",),
    "joe": ("joseph",), "tony": ("anthony",), "andy": ("andrew",), "drew": ("andrew",),
    "steve": ("steven", "stephen"), "pat": ("patricia", "patrick"), "becky": ("rebecca",),
    "abby": ("abigail",), "maggie": ("margaret",), "meg": ("megan", "margaret"),
    "jess": ("jessica",), "sue": ("susan",), "ed": ("edward",), "greg": ("gregory",),
    "josh": ("joshua",), "zach": ("zachary",), "nate": ("nathan", "nathaniel"),
    "tim": ("timothy",), "ken": ("kenneth",), "ron": ("ronald",), "rich": ("richard",),
    "rick": ("richard",), "vicky": ("victoria",), "tori": ("victoria",), "sasha": ("alexandra",),
    "alex": ("alexander", "alexandra"), "sam": ("samuel", "samantha"), "max": ("maximilian",),
    "fran": ("francesca", "frances"), "nacho": ("ignacio",), "pepe": ("jose",),
}
# Words that start many names ('Had' -> Haddad) and are never short for one.
NOT_SHORT_NAMES = frozenset(
    "had has was can did get got let see met ask add new how who all any one two log sent send "
    "call text make tell show open find give write draft just made move mark quiz help what when "
    "where with from this that then than they have been were will also coffee lunch email and "
    "the for are but not you your our out off per via yes no".split()
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*")


def fold(text: str) -> str:
    """Lower case without accents: 'José' and 'jose' are one name."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _strip_possessive(word: str) -> str:
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word


@dataclass(frozen=True)
class Person:
    """A contact as the router sees it."""

    id: str
    name: str
    company: str = ""

    @property
    def parts(self) -> list[str]:
        return [fold(p) for p in _WORD.findall(self.name)]

    def label(self) -> str:
        """'Ana Ruiz at Acme' (or just the name)."""
        return f"{self.name} at {self.company}" if self.company else self.name


@dataclass
class NameMatch:
    """What the message said about a contact: who, or several to choose from."""

    people: list[Person]
    said: str  # the words that named them
    start: int = 0  # where in the message (a character offset)
    end: int = 0

    @property
    def resolved(self) -> Person | None:
        return self.people[0] if len(self.people) == 1 else None

    def slot(self) -> str:
        """The contact slot: a full name, or AMBIGUOUS."""
        return self.people[0].name if len(self.people) == 1 else AMBIGUOUS


@dataclass
class _Token:
    text: str
    key: str
    start: int
    end: int
    capital: bool


@dataclass
class NameResolver:
    """Finds contacts named in a message, by exact or nearly exact words."""

    people: list[Person] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._first: dict[str, list[Person]] = {}
        self._last: dict[str, list[Person]] = {}
        self._companies: dict[str, list[Person]] = {}
        for person in self.people:
            parts = person.parts
            if not parts:
                continue
            self._first.setdefault(parts[0], []).append(person)
            if len(parts) > 1:
                self._last.setdefault(parts[-1], []).append(person)
            for word in _WORD.findall(person.company):
                if len(word) > 2:
                    self._companies.setdefault(fold(word), []).append(person)

    def find(self, text: str, skip: Iterable[tuple[int, int]] = ()) -> list[NameMatch]:
        """Every contact mention in ``text``, in order; a bare shared first name is ambiguous."""
        blocked = list(skip)
        tokens = [
            _Token(w, fold(_strip_possessive(w)), m.start(), m.start() + len(w), w[0].isupper())
            for m in _WORD.finditer(text)
            for w in [m.group(0)]
            if not any(a <= m.start() < b for a, b in blocked)
        ]
        matches: list[NameMatch] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, i)
            if found is None:
                i += 1
                continue
            match, used = found
            match = self._narrow(match, tokens[i + used :])
            matches.append(match)
            i += used
        return _dedupe(matches)

    def _match_at(self, tokens: list[_Token], i: int) -> tuple[NameMatch, int] | None:
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not self._may_be_name(token):
            # 'grace kim' in lower case: a common word is a name when the surname follows.
            firsts = self._first.get(token.key, []) if nxt is not None else []
            full = [p for p in firsts if len(p.parts) > 1 and nxt and p.parts[-1] == nxt.key]
            if full and nxt is not None:
                return NameMatch(full, f"{token.text} {nxt.text}", token.start, nxt.end), 2
            return None
        firsts = self._lookup(self._first, token.key, prefix=True)
        if firsts and nxt is not None:
            full = [p for p in firsts if len(p.parts) > 1 and _same(p.parts[-1], nxt.key)]
            if full:
                return NameMatch(full, f"{token.text} {nxt.text}", token.start, nxt.end), 2
        if firsts:
            return NameMatch(firsts, token.text, token.start, token.end), 1
        lasts = self._lookup(self._last, token.key)
        if lasts and token.capital:
            return NameMatch(lasts, token.text, token.start, token.end), 1
        return None

    def _narrow(self, match: NameMatch, rest: list[_Token]) -> NameMatch:
        """'Ana at Acme' or 'Ana from Zeta': a company named right after picks one."""
        if len(match.people) < 2:
            return match
        window = [t.key for t in rest[:4]]
        for key in window:
            chosen = [p for p in match.people if key in {fold(w) for w in _WORD.findall(p.company)}
                      and len(key) > 2]
            if len(chosen) == 1:
                return NameMatch(chosen, match.said, match.start, match.end)
        return match

    def _may_be_name(self, token: _Token) -> bool:
        if len(token.key) < 2:
            return False
        return token.capital or token.key not in COMMON_WORDS

    @staticmethod
    def _lookup(table: dict[str, list[Person]], key: str, prefix: bool = False) -> list[Person]:
        if key in table:
            return list(table[key])
        formal = [p for full in NICKNAMES.get(key, ()) for p in table.get(full, [])]
        if formal:
            return formal
        if prefix and len(key) >= 3 and key not in NOT_SHORT_NAMES:  # 'Sam' for Samantha
            shortened = [p for name, people in table.items()
                         if name.startswith(key) and len(name) > len(key) for p in people]
            if shortened:
                return shortened
        if len(key) < FUZZY_MIN_LEN:
            return []
        best: list[Person] = []
        best_score = 0.0
        for name, people in table.items():
            if abs(len(name) - len(key)) > 2 or len(name) < FUZZY_MIN_LEN:
                continue
            score = fuzz.ratio(name, key)
            if score >= FUZZY_MIN and score > best_score:
                best, best_score = list(people), score
        return best

    def by_company(self, text: str) -> list[Person]:
        """Contacts whose company a message names (for 'the one at Zeta')."""
        keys = {fold(_strip_possessive(w)) for w in _WORD.findall(text)}
        return _unique([p for k in keys for p in self._companies.get(k, [])])

    def choose(self, answer: str, options: list[Person]) -> Person | None:
        """The option an answer to 'Which Ana?' picks (a last name, company or full name)."""
        keys = {fold(_strip_possessive(w)) for w in _WORD.findall(answer)}
        picked = [p for p in options
                  if keys & (set(p.parts[1:]) | {fold(w) for w in _WORD.findall(p.company)})]
        if len(picked) == 1:
            return picked[0]
        ordinal = {"first": 0, "1": 0, "second": 1, "2": 1, "third": 2, "3": 2}
        for word, index in ordinal.items():
            if word in keys and index < len(options):
                return options[index]
        return None


def _same(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= FUZZY_MIN_LEN and fuzz.ratio(a, b) >= FUZZY_MIN)


def _unique(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for p in people:
        seen.setdefault(p.id, p)
    return list(seen.values())


def _dedupe(matches: list[NameMatch]) -> list[NameMatch]:
    """A person named twice ('Ana ... Ana's') is one mention."""
    out: list[NameMatch] = []
    seen: set[tuple[str, ...]] = set()
    for m in matches:
        key = tuple(sorted(p.id for p in m.people))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
