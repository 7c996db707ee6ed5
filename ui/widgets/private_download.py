"""Downloads of sensitive files that never get a URL: sent once over the session's websocket.

A Streamlit download button serves its file at a ``/media/…`` URL that answers without the
session's cookie for as long as the server keeps the file, and that a proxy's access log records.
The outreach plan's exports must not: the button here builds the file when clicked and hands
its bytes to the browser over the websocket of the session that asked, and the browser saves it
from a blob URL that dies with the page.
"""

import base64
import logging
import secrets
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from i18n.translate import _
from ui.text import md

_LOG = logging.getLogger(__name__)

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
    """A button that builds ``make()`` when clicked and has the browser save it as ``file_name``.

    A failure to build the file is one error box naming only the kind of error: the file's
    content (sensitive notes) appears neither on the page nor in the server's log.
    """
    if st.button(label, key=key, icon=icon, help=help):
        try:
            made = make()
        except Exception as exc:  # any message may quote the notes: shown by its kind alone
            _LOG.error("%s could not be built: %s", file_name, type(exc).__name__)
            st.error(
                _(
                    "{file} could not be built ({kind}); nothing was downloaded. Tell whoever "
                    "runs the dashboard; the server's log names the error, never the content."
                ).format(file=md(file_name), kind=type(exc).__name__),
                icon=":material/error:",
            )
            return
        content = base64.b64encode(made).decode("ascii")
        _RENDER(
            data={
                "content": content,
                "name": file_name,
                "mime": mime,
                "nonce": secrets.token_hex(8),  # a new file each click, even of the same bytes
            },
            key=f"{key}-file",
        )
