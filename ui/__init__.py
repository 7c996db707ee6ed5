"""The dashboard's building blocks: data access, table logic, figures, exports and page chrome."""
