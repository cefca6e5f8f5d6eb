"""Evidence: documents read for claims, speakers, stances, quantities, mentions and ILO indicators (work in progress: not yet wired into the CLI or screening)."""

from labortrace.evidence.extract import analyse, analyse_text, read_document
from labortrace.evidence.model import Claim, Document, Mention, Quantity

__all__ = ["Claim", "Document", "Mention", "Quantity", "analyse", "analyse_text", "read_document"]
