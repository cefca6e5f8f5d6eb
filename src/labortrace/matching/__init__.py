"""labortrace.matching."""
