"""The view layer: what a map shows (map_view), of which states (focus), drawn how (palette),
on which shapes (geometry); pure, below the tables and the figures that render it."""
