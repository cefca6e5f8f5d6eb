"""labortrace.store."""
