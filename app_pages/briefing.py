"""Briefing pack page: a focus, an instrument or a comparison, the priorities, a template."""

from datetime import date

import streamlit as st

from briefing.files import pack_file
from briefing.formats import FORMATS
from briefing.pack import DEFAULT_TOP, priorities_frame
from briefing.template import KINDS, load_template
from i18n.translate import _
from instruments.model import CALL_TO_ACTION
from safeio.uploads import MAX_UPLOAD_MB
from ui import cache
from ui.text import md
from ui.widgets import as_of, pages, url_controls
from ui.widgets.downloads import pack_downloads
from ui.widgets.saved_groups import saved_group_bar
from ui.widgets.since import since_day, since_section
from ui.widgets.table_columns import long_text
from ui.widgets.your_group import your_group

PAGE = pages.BRIEFING.script
TOP_RANGE = (1, 30)
titles = cache.view_titles()

st.header(_("Briefing pack"), anchor=False)
st.caption(
    _(
        "A slide deck to edit (PowerPoint) and a handout to print (PDF) for a meeting: the map, "
        "key figures and sentences to say, who has and has not endorsed, outreach priorities, the "
        "related instruments and the sources. Everything is built here, offline, from the "
        "published data."
    )
)
focus_column, first, second, count = st.columns([1.6, 1.2, 1.2, 0.8], vertical_alignment="bottom")
with focus_column:
    chosen = url_controls.focus_select(_("Focus"), cache.focus_frames())
shown = url_controls.instrument_and_comparison(titles, CALL_TO_ACTION, first, second)
your_group(chosen)
as_of.require(shown)
url_controls.show(chosen, shown)
saved_group_bar(chosen)
top = count.number_input(_("Priority states"), *TOP_RANGE, value=DEFAULT_TOP, key="briefing-top")
template = st.file_uploader(
    _("Ministry template (optional)"),
    type=list(KINDS),
    help=_(
        "A PowerPoint file whose slide master and layouts the deck uses; without one, a plain "
        "16:9 deck. At most {limit} MB; macros are refused, links to outside resources are left "
        "out."
    ).format(limit=MAX_UPLOAD_MB),
)

since = since_day()  # ?since=: the pack's "Since …" section, up to the day shown
if since is not None and since >= (cache.shown_day() or date.today()):
    since = None
pack = cache.pack(chosen, shown, int(top), since)
if template is None:
    slides, handout, presenting_link, _spare = st.columns(4)
    pack_downloads((slides, handout), chosen, shown, int(top), since=since)
else:
    try:  # checked in memory before python-pptx reads it; never written to the server's disk
        checked = load_template(template.name, template.getvalue())
        deck, warnings = pack_file(cache.dataset(), pack, "pptx", checked)
    except ValueError as exc:  # one line naming the file as uploaded, never a server path
        deck, warnings = None, []
        st.error(
            _("The template cannot be used: {reason}. Nothing was built.").format(reason=md(exc))
        )
    for warning in warnings:
        st.warning(md(warning), icon=":material/warning:")
    slides, handout, presenting_link, _spare = st.columns(4)
    if deck is not None:
        slides.download_button(
            _("Briefing pack (PPTX)"),
            deck,
            file_name=f"{pack.file_stem}.pptx",
            mime=FORMATS["pptx"],
            icon=":material/slideshow:",
            on_click="ignore",
            width="stretch",
        )
    pack_downloads((handout,), chosen, shown, int(top), formats=("pdf",), since=since)
presenting_link.page_link(
    pages.MAP.script,
    label=_("Presentation mode"),
    icon=":material/co_present:",
    query_params=url_controls.link_params(
        chosen.url_params() | {"present": "1"} | shown.url_params()
    ),
)

st.subheader(pack.title, anchor=False)
st.caption(f"{md(pack.subtitle)}. {md(pack.prepared)}.")
for column, (label, value) in zip(st.columns(len(pack.key_figures)), pack.key_figures, strict=True):
    column.metric(label, value, border=True)
st.markdown("\n".join(f"- {md(sentence)}" for sentence in pack.sentences))
since_section(chosen)  # the pack's "Since …" section, and its picker
st.markdown(_("**Outreach priorities**"))
st.dataframe(
    priorities_frame(pack),
    hide_index=True,
    width="stretch",
    column_config={
        "Rank": st.column_config.NumberColumn(_("Rank"), width="small"),
        "State": _("State"),
        "Score": st.column_config.NumberColumn(_("Score"), format="%.1f", width="small"),
        "Why": long_text(_("Why (signals that count)")),
        "World rank": st.column_config.NumberColumn(
            _("World rank"),
            width="small",
            help=_("Rank among every state in scope that has not endorsed."),
        ),
    },
)
st.caption(_("Weights: {weights}.").format(weights=md(pack.weights)))
st.markdown(_("**Related instruments**"))
st.table(
    {
        _("Instrument"): [r[0] for r in pack.related],
        _("Where it stands"): [r[1] for r in pack.related],
    }
)
if pack.notes:
    st.markdown(_("**Caveats**"))
    st.markdown("\n".join(f"- {md(note)}" for note in pack.notes))
