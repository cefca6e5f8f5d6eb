"""Matching: the candidate index, match features, the scorer and the matcher."""

from labortrace.matching.index import IndexedEntity, NameIndex, merge_entities
from labortrace.matching.matcher import Matcher, MatchOptions
from labortrace.matching.scorer import ALGORITHM

__all__ = ["ALGORITHM", "IndexedEntity", "MatchOptions", "Matcher", "NameIndex", "merge_entities"]
