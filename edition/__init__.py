"""The static public edition: every focus as a pre-rendered page (``python -m edition build``)."""
