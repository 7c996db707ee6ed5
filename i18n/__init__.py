"""The interface language: gettext catalogues, locale formats and the glossary of official terms."""
