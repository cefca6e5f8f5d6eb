"""labortrace: screen supply chains for links to forced labour, with the evidence behind every flag."""

__version__ = "0.1.0"
