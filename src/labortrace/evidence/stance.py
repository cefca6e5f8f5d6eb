"""Decide a claim's stance toward forced-labour allegations by weighted cue rules, keeping the cues as reasons."""

from __future__ import annotations

import re

# A negation scopes to its clause: a conjunction that starts another clause ends it ('never paid and were forced').
CLAUSE_STARTS = ("and", "but", "or", "while", "whereas", "yet", "so", "because", "although", "though", "then", "where",
                 "when", "who", "which")
_CLAUSE_START = rf"(?:{'|'.join(CLAUSE_STARTS)})\b"
_IN_CLAUSE = rf"(?!{_CLAUSE_START})\w+"
# Words naming a place before its name ('southern Xinjiang', 'the Uyghur region'), not a turn to another place.
_PLACE_WORDS = r"(?:(?!not\b|and\b|but\b|or\b|in\b|from\b)[a-z-]+ ){0,3}"
# (weight, pattern, tag): positive weights allege, negative weights deny. Tags are the reasons users see; each
# tag names one cue.
_CUES: tuple[tuple[float, re.Pattern[str], str], ...] = tuple(
    (w, re.compile(p, re.I), tag) for w, p, tag in (
        # negated freedom is an allegation: checked before the bare 'freely'/'voluntarily' denial cues
        (3.0, rf"\b(not|never|no longer|unable to|cannot|can't|couldn't|could not|without|nobody|no one|none)\b(?:(?!\b{_CLAUSE_START})[^.;]){{0,30}}\b(freely|voluntar\w*|free to|choose|refuse|say no|leave|quit|consent)\b", "negated freedom"),
        (3.0, r"\binvoluntar\w*\b|\bno choice\b|\bagainst their will\b|\bnot (a )?voluntary\b", "no choice"),
        # 'nobody is forced', 'no quota', 'no such thing as forced labour': the coercion words are denied
        (-4.0, rf"\b(nobody|no one|none|not|never|neither|nor)\b(?: {_IN_CLAUSE}){{0,3}} (forced|coerced|compelled|made to)\b|\bno (such thing as )?(forced|quotas?|coercion|targets?)\b|\bno such thing\b", "negated coercion"),
        (2.0, r"\bforced(ly)? (labou?r|to work|into)\b|\bforced\b", "forced labour"),
        (2.0, r"\bcoerc\w+\b", "coercion"),
        (1.5, r"\b(detain\w*|detention|intern(ed|ment|ments|ing|ees?)|camps?|re-?education|incarcerat\w+|imprison\w*|prison)\b", "detention"),
        (1.5, r"\b(surveil\w+|monitored|minders|watched|indoctrinat\w+|political (study|education|lessons)|ideological)\b", "control"),
        (1.5, r"\b(quotas?|targets? for transfer\w*|mobili[sz]\w+)\b", "quota"),
        (1.0, r"\b(threat\w*|punish\w*|afraid|fear\w*|reprisals?|abus\w+|tortur\w+|beat(en|ings)?|genocide|crimes against humanity|atrocit\w+|oppress\w+|persecut\w+|slave\w*|servitude)\b", "abuse"),
        (1.0, r"\b(confiscat\w+|withheld|unpaid|locked|guarded|barbed|could not (call|contact)|(kept|held|took|deducted) (back )?(our|their|her|his|part of|the) (wages|pay|money|passports?|identity cards?|id cards?))\b", "ILO indicator"),
        (1.0, r"\b(risk of|evidence of|linked to|tied to|tainted|exposed to|complicit\w*)\b[^.;]{0,40}\b(forced|coerc\w+|uy?i?ghur labou?r|camps?|xinjiang)\b", "exposure"),
        (1.5, r"\b(never (received|got|been paid)|no pay|not allowed|rarely allowed|could not go home|held by|kept by|against (their|her|his) will)\b", "restriction"),
        (1.0, r"\b(transfer|transfers|transferred|bused|relocated|sent|move)\b[^.;]{0,40}\b(workers|uy?i?ghurs|villagers|people|factor\w+)\b", "transfer"),
        (1.0, r"\b(ban(ned|s)?|sanction\w*|entity list|withhold release|detained shipments?|seized|blocked imports?)\b", "enforcement"),
        (1.0, r"\b(escort\w*|guards?|handcuff\w*|batons?|police (officers?|at the)|under (constant )?(watch|supervision)|minders?|had to|were made to|made them|dare (to )?(say|refuse|speak)|afraid to|paid (almost|next to) nothing|separat\w+ from (their )?famil\w+|repression|repressive|cannot speak freely)\b", "coercion signs"),
        (1.0, r"\b(linked to|connected to|tied to|stood by (its|their|the) (findings|report|research))\b", "linkage"),
        (1.0, r"\b(shifts? of|hours a day|\d+ hours|days? off|overtime|fraction of|below the minimum wage|minimum wage|"
              r"assigned to|taken (there |away )?by (the )?police|prisoners?|convicts?|inmates?|under guard|"
              r"permission to leave|supervisor'?s? (note|permission)|relatives (were )?(detained|held|punished))\b", "labour abuse signs"),
        (1.0, r"\b(assimilat\w+|eras(e|ing) (their|uyghur)|break up (their )?(families|communities)|ethnic and religious|"
              r"(religious|cultural) (practices|identity)|banned from (praying|fasting)|mandarin (classes|lessons)|"
              r"flag-raising|loyalty to the party)\b", "assimilation"),
        # targets and placements: the quota system described without the word 'quota'
        (1.5, r"\b(targets?)\b[^.;]{0,40}\b(transfer\w*|labou?r\w*|workers|pickers|people|villages?|households?|township)\b|"
              r"\b(set|given|assigned|met|meet|miss\w*|reach\w*) (a |the |their |annual |each village's )?targets?\b|"
              r"\b(placed|put) (in|into) (work|jobs|factor\w+)\b|\b(people|workers|labou?rers) (already )?sent\b|"
              r"\bsent by the (transfer|labou?r) (office|bureau)\b", "targets"),
        (1.5, r"\b(cadres?|closed(-off)? (units?|management|compounds?|dormitor\w+|areas?)|military-style|grateful to the party|"
              r"separate (building|canteen|dormitor\w+|compound)|political (classes|meetings|training)|taken to (a|the) (centre|center|camp)|"
              r"messaging app|collected (our|their|her|his) (identity|id) cards|until (midnight|dark|late at night)|from dawn)\b",
         "regimentation"),
        (1.0, r"\b(would|will|could) lose (access to |their |her |his |our )?(subsidies|loans|pensions?|land|benefits|jobs?)\b|"
              r"\b(land|pension|subsidies) would be (given|taken|cut)\b", "threats"),
        # origin elsewhere and open doors: the usual company and official answers to an allegation
        (-2.5, rf"\b(came|comes|come|grown|made|sourced|produced|originat\w+) (\w+ )?(in|from) (?!{_PLACE_WORDS}(xinjiang|uy?i?ghur|china|chinese)\b)[a-z]+|"
               r"\bnot (in|from) xinjiang\b|\bno (chinese|xinjiang) (cotton|tomatoes|polysilicon|yarn|materials?)\b|"
               r"\bnothing to hide\b|\b(inspect|visit|see)\b[^.;]{0,30}\bat any time\b|\b(equal|the same) rights\b|"
               r"\b(protected|provided) (for )?by (the )?law\b|\bnever held back\b|\bdays' notice\b|\bpaid according to\b|"
               r"\bshake off poverty\b|\bcreated (more than |over |about )?[\d,]+ jobs\b|\bbank accounts?\b|\btruth about\b|"
               r"\bassured\b", "open answer"),
        (-3.0, r"\b(contrary to (the )?facts|piece of fiction|(do|does|did) not tolerate|prohibit\w*|cut ties|free to (resign|go|quit|return)|can (resign|quit|leave)|of their own accord|(own|their) wishes|respect\w* (the |their )?(customs|wishes|rights)|no record of|never (participated|used|employed|taken part)|welcome to visit|see for themselves|protectionism|political (show|manipulation|motives?)|destroy the livelihoods|ulterior motives?|not because anyone)\b", "rebuttal phrase"),
        (-4.0, r"\b(den(y|ies|ied|ial|ials)|reject\w*|refut\w+|dismiss\w*|rebut\w*)\b", "denial verb"),
        (-4.0, r"\b(groundless|baseless|unfounded|lies?|lying|fabricat\w+|smears?|slander\w*|rumou?rs?|nonsense|disinformation|misinformation|false|untrue|incorrect|inaccurate|misrepresent\w*|distort\w*|not true|hoax|the so-called|so-called|malicious|hype|concocted|smear campaign|lie of the century|political manipulation)\b", "rebuttal"),
        (-3.0, r"\b(voluntar(y|ily)|freely|of their own (free )?will|free to (leave|choose|quit)|own free will|their own choice|chose to|choose their|willingly)\b", "free choice"),
        (-3.0, r"\b(sign(s|ed|ing)? (a |an |their |labou?r |employment )*(labou?r |employment )?contracts?|labou?r contracts|contract with every|legal(ly)? (rights|protected|employment)|in accordance with (the )?law|lawful rights|equal pay|paid (the same|on time|well)|social insurance|open recruitment|recruited (openly|locally|through (open|job))|same (wages?|pay|salar\w+) as|pays? (all |its )?(\w+ )?(the same|equally|fairly)|come and go|go home (for|during) (the )?(holidays|festivals)|passed (\w+ )?audits?|quit whenever|resign (at any time|whenever))\b", "lawful employment"),
        (-2.5, r"\b(vocational (skills )?(education|training)|poverty (alleviation|reduction)|lift\w* out of poverty|counter-?terror\w*|de-?radicali[sz]\w+|graduated|improve(d)? (people's |their )?(lives|living)|better lives|higher incomes?|happy|happiness|prosper\w*|stability)\b", "official framing"),
        (-4.0, r"\b(found no|no evidence|not found any|did not find|no (forced|indication|sign)|there is no forced|(does|do|did) not (source|use|have|buy|purchase|import|employ|work with)|(neither|none of) (\w+ ){0,3}(employs?|uses?|sources?|buys?)|no (suppliers?|sourcing) (in|from)|not (source|sourcing)|zero tolerance|complies with|fully compliant|interfer\w+ in (china's )?internal affairs|anti-china|contain china|hostile forces)\b", "no finding"),
    )
)
_ALLEGE_PRIOR = {"ngo": 0.6, "worker": 0.6, "expert": 0.3, "journalist": 0.2, "report": 0.3}
_DENY_PRIOR = {"state_media": -0.8}  # governments and companies speak on both sides


def stance_score(text: str, speaker_type: str | None = None, cue: str | None = None) -> tuple[float, list[str]]:
    """Return (score, reasons): positive alleges, negative denies; reasons are the cue tags that fired."""
    score, reasons = 0.0, []
    masked = text
    for weight, pattern, tag in _CUES:
        hits = list(pattern.finditer(masked))
        if not hits:
            continue
        score += weight * min(len(hits), 2)
        reasons.append(tag)
        if tag in ("negated freedom", "no choice", "negated coercion"):
            # the freedom words are used up by the negation; do not count them again as a denial
            masked = pattern.sub(lambda m: "#" * len(m.group()), masked)
    if cue and re.search(r"\b(den|reject|refut|dismiss|rebut)", cue, re.I):
        score -= 4.0
        reasons.append("denial cue")
    if cue and re.search(r"\b(accus|alleg|condemn|warn)", cue, re.I):
        score += 1.0
        reasons.append("accusation cue")
    if speaker_type and reasons:
        score += _ALLEGE_PRIOR.get(speaker_type, 0.0) + _DENY_PRIOR.get(speaker_type, 0.0)
    return score, reasons


def decide_stance(text: str, speaker_type: str | None = None, cue: str | None = None) -> tuple[str, list[str]]:
    """Return ('alleges' | 'denies' | 'neutral', reasons) for a claim."""
    score, reasons = stance_score(text, speaker_type, cue)
    return rule_stance(score), reasons


def rule_stance(score: float) -> str:
    """The rules' stance for a cue score: 'alleges' at 1 or more, 'denies' at -1 or less, else 'neutral'."""
    return "alleges" if score >= 1.0 else "denies" if score <= -1.0 else "neutral"
