"""Pure figure builders: palette, geometry, focus, map views, the interactive and printable maps."""
