"""Defences at the edges: bounded uploads in, spreadsheet-safe CSV and private files out."""
