"""Plain typed records passed between the pipeline stages."""

from labortrace.model.records import (
    DATASET_KINDS,
    LINKS,
    SAME_IDENTIFIER,
    SHIPMENT,
    RISK_LEVELS,
    DatasetInfo,
    Match,
    QueryRecord,
    RiskAssessment,
    ScreeningResult,
    independent_sources,
)

__all__ = [
    "DATASET_KINDS",
    "LINKS",
    "SAME_IDENTIFIER",
    "SHIPMENT",
    "RISK_LEVELS",
    "DatasetInfo",
    "Match",
    "QueryRecord",
    "RiskAssessment",
    "ScreeningResult",
    "independent_sources",
]
