"""labortrace.risk."""
