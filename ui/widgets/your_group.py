"""Your group: a focus made from the list of participants of a meeting, every line accounted for.

The reader pastes the list (one name per line, or separated by commas or semicolons, in any of
the six UN languages, codes and other known names too) and reads it: every line is shown with
what became of it (participants.report), the ambiguous lines and those not found with close
names offer a choice, organisations, entities outside the 195 and duplicates are listed apart.
"Use this group" makes the states matched the focus of every page (``?group=``,
``?group_name=``: url_controls.use_group). Drawn in an expander near the focus picker of the
map, regions, outreach and briefing pages, and only while it is open.
"""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from i18n import formats
from i18n.translate import _, ngettext
from participants.files import ListFile, read_file
from participants.match import LineResult
from participants.report import GroupReport, apply_choices, read_list
from participants.wording import describe, entity, summary
from safeio.uploads import MAX_UPLOAD_MB
from store.focus import Focus
from ui.tables.group_list import (
    apart,
    lines_table,
    matched_table,
    nothing_close,
    offered,
    set_aside_table,
    to_choose,
)
from ui.text import md
from ui.widgets import url_controls

BOX = "your-group"  # the expander's key: open or closed
NAME, TEXT = "your-group-name", "your-group-text"  # the widgets' keys
KEPT = "your-group-kept"  # (name, text) as last typed: widgets forget theirs on another page
READ = "your-group-read"  # the list as last read (Read)
USED = "your-group-used"  # what the last "Use this group" did, said once: (count, name) or None
FILE = "your-group-file"  # the uploader's key
UPLOADED = "your-group-uploaded"  # (file id, ListFile, or why it cannot be read): the last file
LOADED = "your-group-loaded"  # (file id, column): the file and column the list was filled from
UPLOAD_TYPES = ("csv", "xlsx", "docx", "pdf", "html", "htm")  # participants.files.KINDS
MAX_CHARS = 50_000  # characters of a pasted list (500 lines of 100)
MAX_NAME = 120  # characters of a group's name (store.focus keeps as many)
MAX_CHOICES = 40  # lines offered a choice at once; the others are listed with what they may be


@dataclass(frozen=True)
class Read:
    """A list as read: its text, its report and its number in the session (the choices of a
    list read again start afresh)."""

    text: str
    report: GroupReport
    serial: int


def your_group(focus: Focus) -> None:
    """The "Your group" expander; ``focus`` is the page's (a group's name is offered again)."""
    with st.expander(
        _("Your group: a focus from a list of participants"),
        icon=":material/group_add:",
        key=BOX,
        on_change="rerun",
    ) as box:
        if box.open:  # sent once opened: the map page pays nothing for it otherwise
            _contents(focus)


def _contents(focus: Focus) -> None:
    st.caption(
        _(
            "Paste the list of participants of a meeting, or upload it: one name per line, or "
            "separated by commas or semicolons, in any of the six UN languages; ISO3 codes and "
            "other known names too. Titles and honorifics are taken off. Every line is shown "
            "with what became of it; nothing changes until you use the group."
        )
    )
    kept_name, kept_text = st.session_state.get(KEPT, (focus.name, ""))
    if NAME not in st.session_state:
        st.session_state[NAME] = kept_name
    if TEXT not in st.session_state:
        st.session_state[TEXT] = kept_text
    name = st.text_input(
        _("Name of the group"),
        max_chars=MAX_NAME,
        key=NAME,
        placeholder=_("e.g. Nairobi consultation, March 2027"),
    )
    filled = _upload()  # a file's lines fill the list, to be read at once and corrected
    text = st.text_area(
        _("Participants"),
        height=180,
        max_chars=MAX_CHARS,
        key=TEXT,
        placeholder=_(
            "Kenya\nH.E. Ms. Amina Diallo, Ambassador, Senegal\nRepública de Corea\nICRC"
        ),
    )
    st.session_state[KEPT] = (name, text)
    asked = st.button(_("Read the list"), icon=":material/fact_check:", key="your-group-read-list")
    if asked or filled:
        _read(text)
    read = st.session_state.get(READ)
    if read is not None:
        _report(read, name, text)


def _upload() -> bool:
    """The uploader: a list of participants read from a file (participants.files; a
    spreadsheet's column chosen, the likely one first), with the text set aside from it; True
    when its lines have just filled the list. A file that cannot be read is one message."""
    upload = st.file_uploader(
        _("Or upload the list of participants"),
        type=list(UPLOAD_TYPES),
        key=FILE,
        help=_(
            "CSV or Excel (choose the column; the likely one comes first), Word (.docx), PDF or "
            "HTML, at most {limit} MB. Its lines fill the list below, where you can correct them "
            "and read the list again."
        ).format(limit=MAX_UPLOAD_MB),
    )
    if upload is None:
        st.session_state.pop(UPLOADED, None)
        st.session_state.pop(LOADED, None)
        return False
    done = st.session_state.get(UPLOADED)
    if done is None or done[0] != upload.file_id:
        with st.spinner(_("Reading {name}…").format(name=md(upload.name))):
            try:  # checked, then read in a child process within a time and memory budget
                found: ListFile | str = read_file(upload.name, upload.getvalue())
            except ValueError as why:  # ListFileError: what is wrong, and what to do
                found = str(why)
        done = (upload.file_id, found)
        st.session_state[UPLOADED] = done
    listed = done[1]
    if isinstance(listed, str):
        st.error(
            _("The file cannot be read: {reason}. Nothing has changed.").format(reason=md(listed)),
            icon=":material/error:",
        )
        return False
    if listed.columns:
        labels = {i: column.label for i, column in enumerate(listed.columns)}
        labels[listed.suggested] = _("{column} (the likely one)").format(
            column=labels[listed.suggested]
        )
        chosen = st.selectbox(
            _("Column to read"),
            list(labels),
            index=listed.suggested,
            format_func=labels.__getitem__,
            key=f"your-group-column-{upload.file_id}",
        )
        listed = listed.with_column(chosen)
    if listed.set_aside:
        st.caption(
            ngettext(
                "Set aside from {name}, not a line of the list: {count} text.",
                "Set aside from {name}, not lines of the list: {count} texts.",
                len(listed.set_aside),
            ).format(name=md(listed.name), count=formats.number(len(listed.set_aside)))
        )
        st.dataframe(
            set_aside_table(listed),
            hide_index=True,
            width="stretch",
            column_config={"Text": _("Text"), "Why": _("Why")},
        )
    loaded = (upload.file_id, listed.column)
    if st.session_state.get(LOADED) == loaded:
        return False
    st.session_state[LOADED] = loaded
    st.session_state[TEXT] = listed.text  # before the list's widget is drawn in this run
    return True


def _read(text: str) -> None:
    """Read the list; a list that cannot be read is one message, and no report."""
    st.session_state.pop(READ, None)
    if len(text) > MAX_CHARS:
        st.error(
            _(
                "The list is {count} characters long; at most {limit} are read at once. "
                "Split it into shorter lists."
            ).format(count=formats.number(len(text)), limit=formats.number(MAX_CHARS)),
            icon=":material/error:",
        )
        return
    try:
        report = read_list(text)
    except ValueError as why:  # more than 500 lines: the message says so
        st.error(md(why), icon=":material/error:")
        return
    if not report.lines:
        st.warning(
            _("The list is empty: paste the names of the participants first."),
            icon=":material/warning:",
        )
        return
    serial = st.session_state.get(f"{READ}-serial", 0) + 1
    st.session_state[f"{READ}-serial"] = serial
    st.session_state[READ] = Read(text, report, serial)


def _choice_key(read: Read, number: int) -> str:
    return f"your-group-{read.serial}-line-{number}"


def _report(read: Read, name: str, text: str) -> None:
    """Every line of the list read, with what became of it, the choices, and the button."""
    if text != read.text:
        st.caption(_("The list has changed since it was read: read it again to see the changes."))
    choosing = to_choose(read.report)
    offered_now = choosing[:MAX_CHOICES]
    picked = {
        line.number: st.session_state.get(_choice_key(read, line.number)) for line in offered_now
    }
    report = apply_choices(read.report, {n: iso3 for n, iso3 in picked.items() if iso3})
    st.markdown(f"**{md(summary(report))}**")

    matched = matched_table(report)
    if len(matched):
        st.markdown(
            ngettext(
                "**In the group: {count} state**", "**In the group: {count} states**", len(matched)
            ).format(count=formats.number(len(matched)))
        )
        _table(matched)
    if choosing:
        st.markdown(
            ngettext(
                "**To choose: {count} line**", "**To choose: {count} lines**", len(choosing)
            ).format(count=formats.number(len(choosing)))
        )
        st.caption(
            _(
                "Choose the state each line means, or leave the line out; nothing is guessed "
                "for you."
            )
        )
        for line in offered_now:
            labels = {"": _("Leave it out")} | {iso3: entity(iso3) for iso3 in offered(line)}
            st.selectbox(
                _("Line {number}: {text}").format(number=line.number, text=md(line.text[:120])),
                list(labels),
                format_func=labels.__getitem__,
                key=_choice_key(read, line.number),
                help=md(describe(line)),
            )
        if len(choosing) > len(offered_now):
            st.caption(
                _(
                    "Only the first {shown} lines to choose for are offered here; the others are "
                    "left out. Shorten the list and read it again to choose for them."
                ).format(shown=formats.number(len(offered_now)))
            )
            _lines(choosing[len(offered_now) :])
    close = nothing_close(report)
    if close:
        st.markdown(
            ngettext(
                "**Not found, no close name: {count} line**",
                "**Not found, no close name: {count} lines**",
                len(close),
            ).format(count=formats.number(len(close)))
        )
        _lines(close)
    listed = apart(report)
    if listed:
        st.markdown(
            ngettext(
                "**Listed apart, not in the group: {count} line**",
                "**Listed apart, not in the group: {count} lines**",
                len(listed),
            ).format(count=formats.number(len(listed)))
        )
        _lines(listed)

    left_out = len(to_choose(report))  # still to choose for: ambiguous, or with close names
    if left_out:
        st.caption(
            ngettext(
                "{count} line is left out of the group until you choose a state for it.",
                "{count} lines are left out of the group until you choose a state for them.",
                left_out,
            ).format(count=formats.number(left_out))
        )
    st.button(
        _("Use this group"),
        type="primary",
        icon=":material/check:",
        key="your-group-use",
        on_click=_use,
        args=(report.members, name),
    )
    _say_used()


def _lines(lines: tuple[LineResult, ...]) -> None:
    _table(lines_table(lines))


def _table(rows: pd.DataFrame) -> None:
    """A table of lines (ui.tables.group_list), its headers in the language."""
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            "Line": st.column_config.NumberColumn(_("Line"), width="small"),
            "As written": _("As written"),
            "State": _("State"),
            "How": _("How it was found"),
            "Outcome": _("Outcome"),
            "What became of it": _("What became of it"),
        },
    )


def _use(members: tuple[str, ...], name: str) -> None:
    """The callback of "Use this group", before the page runs: the group becomes the focus; a
    list with no state changes nothing."""
    if not members:
        st.session_state[USED] = None
        return
    group = Focus.of_group(members, name)
    url_controls.use_group(group)
    st.session_state[USED] = (len(group.codes), group.name)


def _say_used() -> None:
    """What the last "Use this group" did, once, in the language of this run."""
    if USED not in st.session_state:
        return
    used = st.session_state.pop(USED)
    if used is None:
        st.error(
            _(
                "No line of the list names a state in scope: there is no group to use, and "
                "nothing has changed."
            ),
            icon=":material/error:",
        )
        return
    count, name = used
    said = ngettext(
        "“{group}” is the focus of every page now: {count} state.",
        "“{group}” is the focus of every page now: {count} states.",
        count,
    ).format(group=md(name or _("Your group")), count=formats.number(count))
    st.success(said, icon=":material/check_circle:")
