"""labortrace.report."""
