"""One company held by two datasets under different ids, found by a strong identifier they share.

A registry may hold a company under its Han name and USCC, a list under its English name with the same USCC:
two entities, one company. A shared identifier of at least MIN_LENGTH characters with a digit in it (a USCC, a
registration or tax number, an LEI) joins them; short codes such as '1' or 'A12' never do.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import replace

from labortrace.matching.entities import IndexedEntity
from labortrace.matching.index import NameIndex
from labortrace.model import Match
from labortrace.store.judgements import Judgement, decided

MIN_LENGTH = 8
#: An identifier shared by more entities than this is a placeholder or a group code, not one company's.
MAX_HOLDERS = 5


def strong(identifier: str) -> bool:
    """Whether a normalised identifier is specific enough to say two records are one company."""
    return len(identifier) >= MIN_LENGTH and any(ch.isdigit() for ch in identifier)


class IdentityPeers:
    """The other entities of an index that share a strong identifier with an entity, by entity id."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._cache: dict[str, list[tuple[str, str]]] = {}

    def entity(self, entity_id: str) -> IndexedEntity | None:
        pos = self.index.position(entity_id)
        return None if pos is None else self.index.entities[pos]

    def __call__(self, entity_id: str) -> list[tuple[str, str]]:
        """(peer id, shared identifier) pairs, sorted; empty for an entity with no strong identifier."""
        if entity_id not in self._cache:
            ent = self.entity(entity_id)
            found: dict[str, str] = {}
            for ident in ent.identifiers if ent is not None else []:
                holders = self.index.by_identifier.get(ident, [])
                if strong(ident) and len(holders) <= MAX_HOLDERS:
                    for pos in holders:
                        peer = self.index.entity_id(pos)
                        if peer != entity_id:
                            found.setdefault(peer, ident)
            self._cache[entity_id] = sorted(found.items())
        return self._cache[entity_id]


def with_identity_peers(matches: list[Match], peers: IdentityPeers, rejected: Set[str] = frozenset()) -> list[Match]:
    """The matches plus, for each match a reviewer has not rejected, the entities sharing a strong identifier
    with it, at the same score."""
    have = {m.entity_id for m in matches}
    extra: list[Match] = []
    for m in matches:
        if m.entity_id in rejected:
            continue
        for peer_id, ident in peers(m.entity_id):
            ent = peers.entity(peer_id)
            if peer_id in have or ent is None:
                continue
            have.add(peer_id)
            note = f"Same company as '{m.caption}': both hold identifier {ident}."
            extra.append(replace(m, entity_id=peer_id, caption=ent.caption, datasets=tuple(ent.datasets),
                                 explanation=f"{note} {m.explanation}".strip(), evidence=()))
    return sorted([*matches, *extra], key=lambda m: (-m.score, m.entity_id)) if extra else matches


def rejected_ids(query_name: str, judged: Mapping[tuple[str, str], Judgement]) -> set[str]:
    """Entities a reviewer rejected for this supplier: no identity peer is drawn from them."""
    return set(decided(query_name, judged, "reject"))
