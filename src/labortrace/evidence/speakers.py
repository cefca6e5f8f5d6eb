"""Classify who speaks (government, state media, company, NGO, expert, worker, journalist, report) by keyword rules."""

from __future__ import annotations

import re

# Checked in order: the first kind whose pattern matches the speaker phrase (with its apposition) wins.
# State media before government ('state-run'), company before government ('company official'),
# worker before government ('a worker told officials' never reaches here: only the speaker phrase is read).
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I)) for kind, pattern in (
        ("state_media", r"\b(xinhua|global times|cgtn|people'?s daily|china daily|cctv|tianshan|state[- ](media|run|owned (media|broadcaster|newspaper|tabloid))|state broadcaster|party newspaper|xinjiang daily)\b"),
        ("expert", r"\b(research|institute|university|academy|think[- ]tank|analytics)\b"),
        ("ngo", r"\b(watch|monitor|cent(re|er) for|network|accountability|alliance|project|human rights watch|amnesty|rights (group|groups|organi[sz]ation|advocates?|campaigners?)|advocacy|advocates?|campaigners?|campaign|coalition|ngos?|non-?profit|activists?|uy?i?ghur (human rights project|congress|american association)|watchdog|charity|labou?r rights|anti-slavery|trade unions?|union)\b"),
        ("company", r"\b(compan(y|ies)|co\.|ltd|inc\.?|corp\.?|corporation|group\b(?! of)|brands?|retailers?|manufacturers?|suppliers?|firms?|factory (manager|owner|boss)|owners?|managers?|chief executive|ceo|executive|plc|llc|gmbh|textiles?|apparel|garments?|gloves|retail|foods|motors|solar|optics|stores|markets|auto|automotive|cells|silicon|holdings|industr(y|ies)|shareholders?|investor relations|trading|supermarkets?|energy|electronics|tech|technolog\w+|seafood|fisheries|mining|metals|logistics|shipping|airlines?|partners|packers?|importers?|exporters?|compliance|smelters?|mills?|plants?|factories|rail|chemicals?|pharma\w*|lawyers? for (the )?(company|firm|importer))\b"),
        ("expert", r"\b(researchers?|scholars?|professors?|prof\.|academics?|analysts?|experts?|universit(y|ies)|institutes?|think[- ]tank|fellow|economists?|anthropologists?|dr\.?|lecturers?|sociologists?|demograph\w+|specialists?|policy (centre|center)|historians?|(co-?|lead )?authors?|human rights experts|un experts|special rapporteurs?)\b"),
        ("worker", r"\b(workers?|who (worked|works)|former (detainees?|trainees?|students?)|detainees?|residents?|villagers?|employees?|labou?rers?|survivors?|relatives?|farmers?|cotton pickers?|pickers?|seamstress\w*|sons?|daughters?|mothers?|fathers?|brothers?|sisters?|wife|husband|a woman|a man|witness\w*|trainees?|interviewees?|exiles?|graduates?|who (picked|lives?|lived|fled|was detained|spent)|a kazakh|a uy?i?ghur|picked cotton)\b"),
        ("government", r"\b(ministr(y|ies)|ministers?|government|officials?|authorit(y|ies)|bureau|department|embassy|ambassador|consul\w*|governor|mayor|party secretary|state council|commission|customs|cbp|congress\w*|senators?|lawmakers?|legislators?|state department|white house|administration|spokes(person|man|woman)|beijing|washington|xpcc|production and construction corps|police|cadres?|prefecture|county|regional|communist party|foreign affairs|secretary of state|president|premier|chairman|parliament|mp|mps|legislature|uk|u\.s\.|china|chinese|agency|commissioner|representatives?|rep\.|sen\.|diplomats?|envoy|mission|committee|information office|state council|regional government|county|township|judge|court|prosecutors?|european (union|commission|parliament)|member of (the )?\w+ parliament)\b"),
        ("journalist", r"\b(reporters?|correspondents?|journalists?|this newspaper|the newspaper|editors?|news agency|wire|times|post|journal|herald|tribune|bbc|reuters|associated press|ap|afp|bloomberg|the guardian|broadcaster|magazine|outlet)\b"),
        ("report", r"\b(reports?|study|studies|audits?|auditors?|investigation|documents?|files|findings|data|survey|analysis|records|papers|satellite imagery|leaked)\b"),
    )
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_NAME = re.compile(r"(?:[A-Z][a-z'’.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z'’.-]+|[A-Z]{2,}|de|van|al|bin|of|for|and|the))*\s*(?:[A-Z][a-z'’.-]+|[A-Z]{2,})|[A-Z][a-z'’-]{2,}")


def classify_speaker(phrase: str, context: str = "") -> str | None:
    """Return the speaker type for `phrase` (checked first) and then its apposition `context`, or None."""
    # the head of an apposition decides first: 'a worker at an electronics plant' is a worker
    head = re.split(r"\s+(?:at|of|for|with|in|from|on|who|whose|and)\s+", context, maxsplit=1)[0] if context else ""
    for text in (phrase, head, context):
        if not text:
            continue
        for kind, pattern in _RULES:
            if pattern.search(text):
                return kind
    return None


def is_pronoun(phrase: str) -> bool:
    """True when the speaker phrase is only a pronoun ('he', 'She', 'they')."""
    return phrase.strip().lower() in _PRONOUNS


def canonical_name(phrase: str) -> str:
    """Return the proper name inside a speaker phrase ('spokesman Wang Wenbin' -> 'Wang Wenbin'), else the phrase."""
    names = [m.group() for m in _NAME.finditer(phrase) if m.group().lower() not in _LEADING]
    names = [n for n in names if n.split()[0].lower() not in _LEADING] or names
    if names:
        # the longest name wins: 'Foreign Ministry spokesman Wang Wenbin' -> 'Foreign Ministry' vs 'Wang Wenbin'
        # a person's name ends the phrase in English titles, so prefer the last one when lengths tie
        return max(reversed(names), key=lambda n: len(n.split()))
    return re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.I)


_LEADING = frozenset({"the", "a", "an", "but", "and", "however", "meanwhile", "in", "on", "mr", "ms", "mrs", "dr",
                      "representative", "senator", "rep", "sen", "minister", "ambassador", "judge", "professor",
                      "spokesman", "spokeswoman", "spokesperson", "official", "county", "lawmaker"})


def surname_key(name: str) -> str:
    """A short key for matching later mentions of a person ('Wang Wenbin' and 'Wang' share 'wang')."""
    parts = name.split()
    return parts[0].lower() if parts else ""
