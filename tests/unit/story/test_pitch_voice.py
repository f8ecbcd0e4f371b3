"""The voice sample shapes every pitch kind: a terse sample gives shorter sentences and plainer
words, a chatty one longer sentences; the facts stay the same."""

from __future__ import annotations

import re
from statistics import mean

import pytest

from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.pitch import build_pitch
from assistant.drafting.offline.pitch_voice import CHATTY, PLAIN, TERSE, read_voice
from tests.unit.story.stories import MAYA

TERSE_SAMPLE = ("I fix things. I don't like fuss. Show me the problem. I'll find the cause. "
                "Then I fix it. Fast.")
CHATTY_SAMPLE = ("Honestly, I've always loved the moment when a messy workflow finally clicks "
                 "into place, because that's when you can see the people on the floor relax a "
                 "little and get on with their day, and I'd rather spend an afternoon untangling "
                 "a process with the nurses than sit in a meeting about it.")
SENTENCE_KINDS = [k for k in PITCH_KINDS if k != "headline"]  # a headline is not sentences
_SOFT = re.compile(r"One result I'm proud of|Along the way|aiming for|I'd love to|Today, |"
                   r"Right now, |What I want next|especially|exactly", re.I)


def _pitch(kind: str, sample: str) -> str:
    profile = MAYA.model_copy(update={"voice_sample": sample})
    return build_pitch(profile, kind, "", 0, PITCH_KINDS[kind].limits).text


def _mean_sentence(text: str) -> float:
    return mean(len(s.split()) for s in split_sentences(text.replace("\n\n", " ")))


def _facts(text: str) -> set[str]:
    return {f.rstrip(".,") for f in re.findall(r"\d[\d,.%]*|Mercy Health|product manager|Epic|"
                                                 r"Flatiron", text)}


def test_a_voice_sample_is_read_as_terse_chatty_or_plain() -> None:
    assert read_voice(TERSE_SAMPLE).style == TERSE
    assert read_voice(CHATTY_SAMPLE).style == CHATTY
    assert read_voice("").style == PLAIN
    assert read_voice("Short.").style == PLAIN  # too little to tell


@pytest.mark.parametrize("kind", SENTENCE_KINDS)
def test_terse_and_chatty_samples_shape_sentence_length_not_facts(kind: str) -> None:
    terse, plain, chatty = (_pitch(kind, s) for s in (TERSE_SAMPLE, "", CHATTY_SAMPLE))
    assert _mean_sentence(terse) < _mean_sentence(chatty), (terse, chatty)
    assert _mean_sentence(terse) <= _mean_sentence(plain) <= _mean_sentence(chatty)
    assert _facts(terse) == _facts(plain) == _facts(chatty)
    for text in (terse, chatty):
        assert PITCH_KINDS[kind].limits.problems(text) == [], (kind, text)


@pytest.mark.parametrize("kind", SENTENCE_KINDS)
def test_a_terse_voice_uses_plainer_words(kind: str) -> None:
    terse, plain = _pitch(kind, TERSE_SAMPLE), _pitch(kind, "")
    assert len(_SOFT.findall(terse)) < len(_SOFT.findall(plain)) or not _SOFT.search(plain)


def test_a_chatty_voice_joins_its_results_into_one_longer_sentence() -> None:
    chatty = _pitch("30s", CHATTY_SAMPLE)
    assert re.search(r"30%, and along the way, I led the migration of 40 clinics", chatty)
