"""The ETL's baseline: a fresh interpreter reads a document's words and writes them as a table.

``python -m bench.read_document FILE OUT`` opens a PDF with pdfplumber and takes every page's
words (the same call the ETL makes), or parses an HTML page with BeautifulSoup's html.parser, and
writes the words to OUT as CSV with pandas. That is the least a refresh costs with the project's
libraries: interpreter start, their imports, the document's parse and a table written. ``etl
refresh`` does the same I/O and in between finds the list, resolves every name to a code,
validates and publishes with provenance; its time over this one's is what that work adds.
"""

import sys
from pathlib import Path

import pandas as pd


def words(path: Path) -> list[str]:
    """The document's words, read as the ETL's parsers read them."""
    if path.suffix.lower() == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return [
                word["text"]
                for page in pdf.pages
                for word in page.extract_words(extra_attrs=["size", "fontname"], return_chars=True)
            ]
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text().split()


if __name__ == "__main__":
    pd.DataFrame({"word": words(Path(sys.argv[1]))}).to_csv(sys.argv[2], index=False)
