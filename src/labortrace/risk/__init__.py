"""Risk: rules registered by name, combined into a level with reasons."""

from labortrace.risk.assess import assess
from labortrace.risk.rules import RULES, Context, Reason

__all__ = ["RULES", "Context", "Reason", "assess"]
