"""Registries: company and product registration records over time, by region and product category."""

from labortrace.registries.dates import parse_date
from labortrace.registries.load import registry_entity
from labortrace.registries.products import categories, product_categories
from labortrace.registries.stats import (
    RegistrationCounts,
    chart_svg,
    count_registrations,
    period_of,
    resolve_product,
    write_chart,
)

__all__ = [
    "RegistrationCounts",
    "categories",
    "chart_svg",
    "count_registrations",
    "parse_date",
    "period_of",
    "product_categories",
    "registry_entity",
    "resolve_product",
    "write_chart",
]
