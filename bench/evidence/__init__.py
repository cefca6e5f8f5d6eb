"""Evidence extraction benchmark: python -m bench.evidence."""
