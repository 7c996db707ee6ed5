"""Downloads of sensitive files that never get a URL: sent once over the session's websocket.

A Streamlit download button serves its file at a ``/media/…`` URL that answers without the
session's cookie for as long as the server keeps the file, and that a proxy's access log records.
The outreach plan's exports must not: the button here builds the file when clicked and hands
its bytes to the browser over the websocket of the session that asked, and the browser saves it
from a blob URL that dies with the page.
"""

import base64
import secrets
from collections.abc import Callable
from pathlib import Path

import streamlit as st

PRIVATE_DOWNLOAD = "reaim.private_download"
_RENDER = st.components.v2.component(
    PRIVATE_DOWNLOAD,
    html='<span class="private-download"></span>',
    js=Path(__file__).with_name("private_download.js").read_text(encoding="utf-8"),
)


def private_download(
    label: str,
    make: Callable[[], bytes],
    file_name: str,
    mime: str,
    key: str,
    icon: str | None = None,
    help: str | None = None,
) -> None:
    """A button that builds ``make()`` when clicked and has the browser save it as ``file_name``."""
    if st.button(label, key=key, icon=icon, help=help):
        content = base64.b64encode(make()).decode("ascii")
        _RENDER(
            data={
                "content": content,
                "name": file_name,
                "mime": mime,
                "nonce": secrets.token_hex(8),  # a new file each click, even of the same bytes
            },
            key=f"{key}-file",
        )
