"""Plain records of the evidence pipeline: documents, claims, quantities and mentions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Kinds of mention the pipeline finds.
MENTION_TYPES = ("company", "organisation", "government", "place", "person")
#: Kinds of speaker a claim is attributed to.
SPEAKER_TYPES = (
    "government", "state_media", "company", "ngo", "expert", "worker", "journalist", "report",
)
#: Stance toward forced-labour allegations.
STANCES = ("alleges", "denies", "neutral")


@dataclass
class Mention:
    """A named thing in the text; entity_id is set by the linker, not here."""

    text: str
    type: str
    start: int
    end: int
    entity_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


@dataclass
class Claim:
    """A statement with who made it and which side it takes; text is the claimed content."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str
    stance: str
    indicators: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  #: the attribution cue ('said', 'according to', 'rejected')
    reasons: list[str] = field(default_factory=list)  #: why this stance: the rules that fired
    stance_probability: float | None = None  #: the stance model's probability for `stance` (None: rules only)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


@dataclass
class Quantity:
    """A number with what it counts and, where stated, when."""

    value: float
    unit: str
    text: str
    start: int
    end: int
    counts: str | None = None
    when: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


@dataclass
class Document:
    """One read document, its text and what was extracted from it."""

    id: str
    title: str
    source: str
    date: str | None = None
    language: str | None = None
    author: str | None = None
    outlet: str | None = None
    text: str = ""
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    outcome: str = "ok"  #: ok | empty | no_text_layer | unsupported | too_large | error: ...

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the shape `labortrace ingest --json` writes)."""
        return asdict(self)
