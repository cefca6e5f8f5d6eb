"""labortrace.demo."""
