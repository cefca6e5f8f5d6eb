"""Matching benchmark (issue 3): labortrace's matcher beside its peers on labelled, generated and real names.

Run: python -m bench.matching --size 10k|100k|1m
"""
