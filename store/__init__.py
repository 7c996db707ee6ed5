"""The one way to read the project's data: its paths, the table reader, the reference data, the
glossary and the instrument registry; it caches no table (the app's caches are in ui/cache.py)."""
