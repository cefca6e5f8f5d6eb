"""Fictional demo data for `labortrace demo`: datasets, a messy supplier list and its known answers.

Everything here is invented (names are built from parts with a fixed seed) and marked FICTIONAL.
"""

from labortrace.demo._generate import DEMO_DATASETS, DemoDataset, DemoFiles, generate_demo

__all__ = ["DEMO_DATASETS", "DemoDataset", "DemoFiles", "generate_demo"]
