"""The instruments states take a position on: their forms, the registry, and the status matrix."""
