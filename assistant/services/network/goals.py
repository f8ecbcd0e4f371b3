"""Goal alignment: who serves each target company and role, what is missing, whom to nurture."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from assistant.services.network.paths import PathFinder, WarmPath, resolve_target
from assistant.services.network.people import Person

NURTURE_COUNT = 5
# What a contact is worth to a goal: someone there now, someone who was, someone who can introduce.
VALUE = {"direct-current": 3, "direct-past": 2, "two-hop": 1, "three-hop": 1}


@dataclass
class GoalReport:
    """One goal (a target company or role): who serves it and how, and what is missing."""

    kind: str  # company | role
    goal: str
    direct: list[WarmPath] = field(default_factory=list)
    second_degree: list[WarmPath] = field(default_factory=list)

    @property
    def gap(self) -> str:
        """'' when someone the user knows is there; else a sentence naming what is missing."""
        if self.direct:
            return ""
        where = "at" if self.kind == "company" else "in"
        line = f"No one {where} {self.goal} yet"
        people = {p.people[-1].id for p in self.second_degree}
        if people:
            bridges = sorted({p.ask.name for p in self.second_degree if p.ask.known})
            through = f" (through {', '.join(bridges[:3])})" if bridges else ""
            line += f"; {len(people)} second-degree candidate{'s' * (len(people) != 1)}{through}"
        else:
            line += "; no second-degree candidates either"
        return line

    def to_json(self) -> dict[str, Any]:
        """A goal with its contacts (and why), second-degree paths and the gap line."""
        return {
            "kind": self.kind, "goal": self.goal,
            "contacts": [{**p.ask.brief(), "why": p.why, "path": p.kind} for p in self.direct],
            "second_degree": [p.to_json() for p in self.second_degree],
            "gap": self.gap,
        }


@dataclass
class Nurture:
    """Someone worth investing in first, and why."""

    person: Person
    score: int
    reasons: list[str]

    def to_json(self) -> dict[str, Any]:
        return {**self.person.brief(), "score": self.score, "reasons": self.reasons}


@dataclass
class GoalsResult:
    goals: list[GoalReport]
    nurture: list[Nurture]

    def to_json(self) -> dict[str, Any]:
        """Goals, gaps and the nurture-first list."""
        return {"goals": [g.to_json() for g in self.goals],
                "gaps": [g.gap for g in self.goals if g.gap],
                "nurture": [n.to_json() for n in self.nurture]}


def align(finder: PathFinder, companies: list[str], roles: list[str],
          limit: int = 10) -> GoalsResult:
    """Goal reports for each target company and role, and whom to nurture first."""
    reports = []
    for kind, goals in (("company", companies), ("role", roles)):
        for goal in goals:
            if not goal.strip():
                continue
            target = resolve_target(finder.net, goal, kind)
            paths = finder.find(target, max_hops=2) if target.people else []
            direct = [p for p in paths if p.hops == 1]
            reports.append(GoalReport(kind, goal.strip(), direct[:limit],
                                      [p for p in paths if p.hops > 1][:limit]))
    return GoalsResult(reports, nurture(reports))


def nurture(reports: list[GoalReport], count: int = NURTURE_COUNT) -> list[Nurture]:
    """Known contacts ranked by what they can do for the goals; dormant ones first on ties."""
    score: dict[str, int] = defaultdict(int)
    reasons: dict[str, list[str]] = defaultdict(list)
    people: dict[str, Person] = {}
    for report in reports:
        for path in report.direct + report.second_degree:
            person = path.ask
            if not person.known:
                continue
            people[person.id] = person
            score[person.id] += VALUE[path.kind]
            if path.hops == 1:
                reason = f"{report.goal}: {path.why}"
            else:
                reason = f"{report.goal}: can open a door to {path.people[-1].name}"
            if reason not in reasons[person.id]:
                reasons[person.id].append(reason)
    ranked = sorted(people, key=lambda pid: (-score[pid], people[pid].strength,
                                             people[pid].name.casefold()))
    return [Nurture(people[pid], score[pid], reasons[pid][:3]) for pid in ranked[:count]]
