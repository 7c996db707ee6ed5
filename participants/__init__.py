"""Lists of participants read into the states of a meeting group, every line accounted for."""
