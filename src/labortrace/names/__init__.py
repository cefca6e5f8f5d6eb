"""labortrace.names."""
