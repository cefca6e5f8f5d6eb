"""labortrace.sources."""
