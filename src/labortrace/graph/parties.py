"""Shipment parties to entities: known companies through the matcher, the rest as new FtM Companies.

One company appears under many spellings in shipping data ('Gold Bridge Trading Ltd', 'GOLD BRIDGE TRADING
LIMITED'). A spelling the matcher links to a workspace entity takes that entity's id; the others become new
Companies with id 'ship-<hash of the normalised name>', and a later spelling that scores at least
NEW_PARTY_THRESHOLD against one of them (same scorer as screening) joins it, so each company is one node.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from followthemoney import model
from followthemoney.proxy import EntityProxy

from labortrace.matching import Matcher
from labortrace.matching.scorer import score_names
from labortrace.model import QueryRecord
from labortrace.names.normalize import NameAnalysis, analyze_name, detect_scripts, fold_text

#: A party name -> the id of a workspace entity it is, or None when none is.
Resolve = Callable[[str], str | None]
#: Spellings of new parties join when they score this high: stricter than screening, since a wrong merge
#: would draw a supply path that does not exist.
NEW_PARTY_THRESHOLD = 0.9
#: Earlier parties a new spelling is scored against at most, rarest shared words first (NewParties._similar).
SIMILAR_CANDIDATES = 50
#: A word is rare enough to look parties up by when at most this many earlier parties have it.
RARE_PARTIES = 20
ID_PREFIX = "ship-"


def matcher_resolver(matcher: Matcher) -> Resolve:
    """A Resolve that takes the matcher's best match at or above its threshold; answers are cached per name.

    Among equal best scores, an entity whose main name (caption) is in the record's own script wins over one
    reached through transliteration ('Xinjiang Yaojun Sanitary Materials' is a research entity's English name
    and a registry entity's Han name read in pinyin and translated): the party is the entity the record names.
    """
    cache: dict[str, str | None] = {}

    def resolve(name: str) -> str | None:
        if name not in cache:
            found = [m for m in matcher.match(QueryRecord(row=0, input={}, name=name))
                     if m.score >= matcher.options.threshold]
            top = [m for m in found if m.score == found[0].score] if found else []
            han = "han" in detect_scripts(name)
            same_script = [m for m in top if ("han" in detect_scripts(m.caption)) == han]
            best = (same_script or top)[0] if top else None
            cache[name] = best.entity_id if best else None
        return cache[name]

    return resolve


def party_key(name: str, analysis: NameAnalysis | None = None) -> str:
    """The normalised name a new party's id is made from: canonical tokens, legal forms left out."""
    return (analysis or analyze_name(name)).key or fold_text(name).replace(" ", "")


def party_id(name: str) -> str:
    return _party_id(name, analyze_name(name))


def _party_id(name: str, analysis: NameAnalysis) -> str:
    return ID_PREFIX + hashlib.sha1(party_key(name, analysis).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Party:
    id: str
    analysis: NameAnalysis
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)


class NewParties:
    """The parties of one load that no workspace entity matched, merged across spellings."""

    def __init__(self, dataset: str) -> None:
        self.dataset = dataset
        self._parties: dict[str, _Party] = {}
        self._by_token: dict[str, list[str]] = {}

    def add(self, name: str, country: str = "", *, known: str | None = None,
            analysis: NameAnalysis | None = None) -> str:
        """The id of the new party this name belongs to, creating it when no earlier spelling fits.

        `known` is the id of a party entity an earlier load made (the matcher found it) or of one this load made:
        it is kept under that id, so reloading a dataset does not drop the entities its own earlier version
        created. `analysis` saves analysing the name again when the caller has done it.
        """
        party = self._parties.get(known) if known else None
        if party is None:
            analysis = analysis or analyze_name(name)
            pid = known or _party_id(name, analysis)
            party = self._parties.get(pid) or (None if known else self._similar(analysis))
            if party is None:
                party = _Party(pid, analysis)
                self._parties[pid] = party
                for token in set(analysis.tokens):
                    self._by_token.setdefault(token, []).append(pid)
        if name not in party.names:
            party.names.append(name)
        if country and country not in party.countries:
            party.countries.append(country)
        return party.id

    def __contains__(self, party: str) -> bool:
        return party in self._parties

    def _similar(self, analysis: NameAnalysis) -> _Party | None:
        """An earlier party scoring NEW_PARTY_THRESHOLD or more, among those sharing a rare word with the name.

        Only words at most RARE_PARTIES earlier parties have are looked up, rarest first, and at most
        SIMILAR_CANDIDATES parties are scored: a word every trading company has ('trading', 'textile') would
        otherwise make each new name score against thousands of parties, and a load of 30,000 parties take
        hours. Another spelling of a company shares its rare word (the brand); a spelling that shares none is
        not the same company at this strict threshold.
        """
        seen: set[str] = set()
        rare = [t for t in set(analysis.tokens) if 0 < len(self._by_token.get(t, ())) <= RARE_PARTIES]
        for token in sorted(rare, key=lambda t: (len(self._by_token[t]), t)):
            for pid in self._by_token[token]:
                if pid in seen:
                    continue
                if len(seen) >= SIMILAR_CANDIDATES:
                    return None
                seen.add(pid)
                if score_names(analysis, self._parties[pid].analysis, self._idf).score >= NEW_PARTY_THRESHOLD:
                    return self._parties[pid]
        return None

    def _idf(self, token: str) -> float:
        """How rare a word is among this load's new parties: 'trading' weighs little, a brand a lot."""
        return math.log((len(self._parties) + 1) / (len(self._by_token.get(token, ())) + 1)) + 1.0

    def entities(self) -> list[EntityProxy]:
        """One FtM Company per new party: first spelling as name, the others as aliases."""
        out = []
        for party in self._parties.values():
            proxy = model.make_entity("Company")
            proxy.id = party.id
            proxy.add("name", party.names[0])
            proxy.add("alias", party.names[1:] or None)
            for country in party.countries:
                proxy.add("country", country, quiet=True, fuzzy=True)
            proxy.add("notes", f"Shipment party first seen in dataset {self.dataset}")
            out.append(proxy)
        return out

    def __len__(self) -> int:
        return len(self._parties)
