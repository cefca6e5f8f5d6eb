"""The graph: ownership and other FtM links plus shipments as edges between entities, and tracing upstream."""

from labortrace.graph.build import WorkspaceGraph, build, parse_share
from labortrace.model import LINKS, SHIPMENT
from labortrace.graph.parties import NewParties, Resolve, matcher_resolver, party_id
from labortrace.graph.query import ListTrace, Start, TraceResult, find_starts, trace_entities, trace_suppliers
from labortrace.graph.render_html import render_html
from labortrace.graph.render_text import render_dot, render_text
from labortrace.graph.risk import TRACE_LEVELS, RiskLevels, entity_risk
from labortrace.graph.shipments import ShipmentLoad, load_shipments, prune_batches, store_shipments
from labortrace.graph.trace import DEFAULT_DEPTH, Edge, Node, Path, paths_json, trace

__all__ = [
    "DEFAULT_DEPTH", "LINKS", "SHIPMENT", "TRACE_LEVELS", "Edge", "ListTrace", "NewParties", "Node", "Path",
    "Resolve", "RiskLevels", "ShipmentLoad", "Start", "TraceResult", "WorkspaceGraph", "build", "entity_risk",
    "find_starts", "load_shipments", "matcher_resolver", "parse_share", "party_id", "paths_json", "prune_batches",
    "render_dot", "render_html", "render_text", "store_shipments", "trace", "trace_entities", "trace_suppliers",
]
