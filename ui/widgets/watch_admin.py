"""The watch on the pages: its subscriptions on /plan (admins: add, stop) and how its runs and
deliveries go on the Sources page (the plan's readers)."""

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from i18n import formats
from i18n.languages import LANGUAGES
from i18n.translate import _, ngettext
from plan.service import PlanService
from store import paths
from store.focus import WORLD
from ui import cache
from ui.text import inert
from watch.feeds import preset_groups
from watch.notify import failed_deliveries
from watch.runs import OK, runs
from watch.subscribers import SubscriberError, add_subscriber, remove_subscriber, subscribers


def _failed_warning(engine: Engine) -> None:
    """A warning if deliveries failed or may not have arrived."""
    if failed := failed_deliveries(engine):
        st.warning(
            ngettext(
                "{count} delivery failed or may not have arrived: see `python -m watch status`.",
                "{count} deliveries failed or may not have arrived: see `python -m watch status`.",
                len(failed),
            ).format(count=len(failed)),
            icon=":material/warning:",
        )


def watch_admin(service: PlanService, who: str) -> None:
    """The subscriptions table, a form to add one and a button to stop one (admins only)."""
    st.subheader(_("Notifications of changes"), anchor=False)
    st.caption(
        _(
            "Who hears by e-mail, Teams or webhook when the published data changes, in one "
            "digest per run of `python -m watch run`. Every change is recorded with who made it."
        )
    )
    engine = service.engine
    titles = {key: i.short_title for key, i in cache.catalogue().items()}
    groups = {WORLD: _("World")} | {
        k: label for k, (label, _c) in preset_groups(paths.data_dir()).items()
    }
    saved = {f"saved-{g.id}": g.name for g in service.groups()}
    focuses = groups | saved
    subs = subscribers(engine)
    if subs:
        st.dataframe(
            pd.DataFrame(
                {
                    _("Number"): [s.id for s in subs],
                    _("Receiver"): [s.shown_url for s in subs],
                    _("Focus"): [focuses.get(s.focus, s.focus) for s in subs],
                    _("Instrument"): [
                        titles.get(s.instrument, _("Every instrument")) for s in subs
                    ],
                    _("Language"): [LANGUAGES.get(s.language, s.language) for s in subs],
                    _("Plan reader"): [s.reader for s in subs],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    _failed_warning(engine)
    with st.form("watch-subscribe", clear_on_submit=True):
        url = st.text_input(
            _("Apprise URL"),
            type="password",
            key="watch-url",
            help=_(
                "mailtos://user:password@host?to=desk@ministry.example, workflows://…, json://…"
            ),
        )
        focus = st.selectbox(
            _("Focus"), list(focuses), format_func=lambda k: focuses[k], key="watch-focus"
        )
        instrument = st.selectbox(
            _("Instrument"),
            ["", *titles],
            format_func=lambda k: titles.get(k, _("Every instrument")),
        )
        language = st.selectbox(_("Language"), list(LANGUAGES), format_func=LANGUAGES.get)
        reader = st.text_input(
            _("Plan reader"),
            help=_(
                "A plan user: the messages name plan owners only if this user may read the plan."
            ),
        )
        if st.form_submit_button(_("Subscribe"), icon=":material/notifications:"):
            ids = {g.id for g in service.groups()}
            try:
                add_subscriber(
                    engine, paths.data_dir(), ids, url, focus, who, instrument, language, reader
                )
            except SubscriberError as error:
                st.error(_("Not subscribed: {reason}").format(reason=inert(str(error))))
            else:
                st.rerun()
    if subs:
        chosen = st.selectbox(
            _("Stop a subscription"),
            [s.id for s in subs],
            format_func=lambda n: f"{n}: {next(s.shown_url for s in subs if s.id == n)}",
            key="watch-stop",
        )
        if st.button(_("Stop it"), icon=":material/notifications_off:", key="watch-stop-it"):
            remove_subscriber(engine, chosen, who)
            st.rerun()
    st.caption(_("Messages are sent by `python -m watch run`, never by the dashboard itself."))


def watch_health(engine: Engine) -> None:
    """For the plan's readers on the Sources page: how the watch's last run and its deliveries
    went."""
    st.subheader(_("The watch"), anchor=False)
    last = runs(engine, limit=1)
    if not last:
        st.caption(
            _("Internal. The watch has not run yet: `python -m watch run` after each refresh.")
        )
        return
    when = formats.long_date(last[0].finished_at.date())
    if last[0].outcome == OK:
        st.caption(_("Internal. The watch last ran on {date} and succeeded.").format(date=when))
    else:
        st.warning(
            _("Internal. The watch's last run, on {date}, failed: {reason}").format(
                date=when, reason=inert(last[0].message)
            ),
            icon=":material/warning:",
        )
    _failed_warning(engine)
