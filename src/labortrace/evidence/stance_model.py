"""Decide stance with a small trained logistic regression whose inputs include the cue rules of stance.py.

The weights (data/stance_model.json) are written by `python -m bench.evidence.train` from the project's own
fictional training set; at run time this module only adds up weights, so it needs no library and no download.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from labortrace.evidence.stance import CLAUSE_STARTS, rule_stance

LABELS = ("alleges", "denies", "neutral")
_WORD = re.compile(r"[a-z][a-z'-]*|\d+")
# Names and numbers say little about a side; keep their shape, not their spelling.
_NUMBER = re.compile(r"\d")
# Words that turn what follows around ('not forced', 'never paid', 'no choice'): the next words are read as negated.
_NEGATORS = frozenset("not no never nobody none neither nor without cannot n't".split())
_NEGATION_SCOPE = 3
# Statements of procedure and plain business facts: the usual neutral claims (model inputs, not stance rules).
_NEUTRAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((tag, re.compile(p, re.I)) for tag, p in (
    ("no_reply", r"\b(did not (immediately )?(respond|reply|answer|return)|declined to (comment|say|answer)|no reply|"
                 r"requests? for comment|could not (be reached|independently|verify|confirm)|unable to (reach|confirm|verify)|"
                 r"not independently|for comment|has asked|wrote to|replied|responded)\b"),
    ("procedure", r"\b(review\w*|investigat\w+|looking into|take[sn]? (the|these) (allegations|reports|concerns) seriously|"
                  r"will (publish|share|respond|reply|consider|decide|hold|release|present)|would (decide|respond|reply|review|"
                  r"consider|act|rule|publish)|expected to|plans? to|asked (its|the) suppliers|commissioned|engaged)\b"),
    ("legal_frame", r"\b(presum\w+|unless (the )?(importers?|companies|company) (can )?prove|under the law|the law (requires|says|bars)|"
                    r"rebuttable|days to (answer|respond|reply))\b"),
    ("business_fact", r"\b(employs|operates|produces|produced|exports|sells|ships|accounts for|worth|output|revenue|"
                      r"stores|tonnes|percent|per cent|founded|headquartered|attended)\b"),
))


@dataclass(frozen=True)
class StanceContext:
    """What the model reads about one claim: its sentence, speaker, cue and the document around it."""

    sentence: str
    speaker_type: str
    cue: str | None
    outlet_type: str
    from_outlet: bool  #: unattributed: the outlet or report speaks in its own voice
    document_lean: float  #: sum of rule scores over the document's claims, squashed to -1..1
    rule_score: float  #: stance.stance_score of the sentence: positive alleges, negative denies
    reasons: tuple[str, ...]  #: the cue rules that fired


def features(context: StanceContext) -> list[str]:
    """Return the feature names of one claim: words, word pairs, rule tags, speaker and document context."""
    words = _WORD.findall(context.sentence.lower().replace("n't", " n't"))
    feats = [f"w:{w}" for w in words] + [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    feats += _negated(words)
    score = context.rule_score
    sign = "pos" if score >= 1 else "neg" if score <= -1 else "zero"
    feats += [f"rule:{r}" for r in context.reasons]
    feats.append("rule_sign:" + sign)
    feats.append(f"rule_sign:{sign}|speaker:{context.speaker_type}")
    feats += [f"neutral:{tag}" for tag, pattern in _NEUTRAL_CUES if pattern.search(context.sentence)]
    if '"' in context.sentence or "“" in context.sentence:
        feats.append(f"quoted|speaker:{context.speaker_type}")
    feats.append(f"speaker:{context.speaker_type}")
    feats.append(f"outlet:{context.outlet_type}")
    if context.from_outlet:
        feats.append("from_outlet")
        feats.append(f"from_outlet:{context.outlet_type}")
    lean = "deny" if context.document_lean <= -0.3 else "allege" if context.document_lean >= 0.3 else "mixed"
    feats.append(f"doc_lean:{lean}")
    feats.append(f"doc_lean:{lean}|speaker:{context.speaker_type}")
    if context.cue:
        feats.append("cue:" + context.cue.split()[0].lower())
    if _NUMBER.search(context.sentence):
        feats.append("has_number")
    return feats


def _negated(words: list[str]) -> list[str]:
    """'neg:' features for the few words after a negator: 'not forced' reads apart from 'forced'."""
    out, left = [], 0
    for word in words:
        if word in _NEGATORS:
            left = _NEGATION_SCOPE
            continue
        if word in CLAUSE_STARTS:  # the negation scopes to its clause, as in stance.py
            left = 0
        if left:
            out.append(f"neg:{word}")
            left -= 1
    return out


def document_lean(scores: Iterable[float]) -> float:
    """Squash the sum of a document's rule scores to -1..1: which side the document as a whole takes."""
    return math.tanh(sum(scores) / 10.0)


@cache
def _weights() -> tuple[dict[str, list[float]], list[float]] | None:
    resource = files("labortrace.evidence") / "data" / "stance_model.json"
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text("utf-8"))
    return data["weights"], data["bias"]


def predict(context: StanceContext) -> tuple[str, float, list[str]]:
    """Return (stance, probability, rule reasons); falls back to the rules when no model file is present."""
    model = _weights()
    reasons = list(context.reasons)
    if model is None:
        return rule_stance(context.rule_score), 1.0, reasons
    weights, bias = model
    totals = list(bias)
    for name in features(context):
        row = weights.get(name)
        if row is not None:
            totals = [t + w for t, w in zip(totals, row, strict=True)]
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    best = max(range(len(LABELS)), key=lambda i: totals[i])
    return LABELS[best], exps[best] / sum(exps), reasons
