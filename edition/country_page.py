"""A country profile: the state's status on every instrument with its source, its outreach rank
and why, the endorsing peers in each of its groups, its facts, UN names and dated record; public
data only (never the outreach plan)."""

from datetime import date

import pandas as pd

from edition import layout
from edition.downloads import download_links, table_files
from edition.html import Page, esc, markdown_html, table_html
from i18n.translate import _
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.wording import DATED_HEADING, DATED_NONE, POSITIONS_HEADING
from store.reference import UN_LANGUAGES
from ui.tables.ask import suggested_ask
from ui.tables.citation import reopen_line
from ui.tables.dataset import Dataset
from ui.tables.instrument_tables import position_rows
from ui.tables.profile import DATED_HEADERS, dated_record, facts, groups_of
from ui.tables.profile_card import peer_lines, rank_sentence, supporting_peers


def _facts(items: dict[str, str]) -> str:
    rows = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in items.items())
    return f'<dl class="facts">{rows}</dl>'


def _headed(frame: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    """A table under its headers in the active language (the app's messages)."""
    return frame.rename(columns={k: _(v) for k, v in headers.items()})


def country_page(
    data: Dataset, iso3: str, un_names: pd.Series, ranked: pd.DataFrame, language: str, day: date
) -> Page:
    """The profile of ``iso3`` (``un_names``: its row of UN names; ``ranked``: the outreach
    ranking with the default weights)."""
    path = layout.country_page(language, iso3)
    row = data.table.set_index("iso3").loc[iso3]
    name = str(row["name"])
    catalogue = list(data.catalogue.values())
    positions = position_rows(iso3, data.matrix, data.positions, catalogue)
    positions = positions.rename(columns=lambda c: _(c))
    call = data.catalogue[CALL_TO_ACTION]
    asked = suggested_ask(data, iso3)
    ask = (
        _("**Suggested ask.** {ask}").format(ask=asked.text)
        if asked
        else _("**Suggested ask.** None: it supports every instrument it could join.")
    )
    near = supporting_peers(iso3, groups_of(iso3, data.groupings), supporters(data.matrix, call))
    peers = "".join(f"<li>{markdown_html(line)}</li>" for line in peer_lines(near))
    rank = rank_sentence(iso3, ranked)  # none for a state that has endorsed
    record = dated_record(iso3, data.positions, data.catalogue)
    record = _headed(record.assign(Sources=record["Sources"].map(" ".join)), DATED_HEADERS)
    link = reopen_line("country", {"iso3": iso3}, day)
    heading = _("{label}: {text}").format(label=name, text=_(POSITIONS_HEADING))
    files = table_files(
        f"{iso3.lower()}-{data.provenance.as_of}",
        positions,
        heading,
        data.provenance,
        name,
        catalogue,
        link=link,
    )
    names = pd.DataFrame(
        {
            _("Language"): [_(label) for label in UN_LANGUAGES.values()],
            _("UN name"): [un_names[code] for code in UN_LANGUAGES],
        }
    )
    said = _("**Peers that have {phrase}**").format(phrase=call.form.have_done(call.object))
    dated = table_html(record, _(DATED_HEADING)) if len(record) else f"<p>{esc(_(DATED_NONE))}</p>"
    body = f"""<main id="main">
<h1>{esc(name)}</h1>
<p class="subtitle">{esc(_("Country profile"))}</p>
<p>{markdown_html(ask)}</p>
{f"<p>{markdown_html(rank)}</p>" if rank else ""}
<section aria-labelledby="peers"><h2 id="peers">{markdown_html(said)}</h2>
<ul>{peers}</ul></section>
{_facts(facts(iso3, row))}
<section aria-labelledby="positions"><h2 id="positions">{esc(_(POSITIONS_HEADING))}</h2>
{table_html(positions, heading)}
{download_links(path, files)}</section>
<section aria-labelledby="record"><h2 id="record">{esc(_(DATED_HEADING))}</h2>
{dated}</section>
<section aria-labelledby="names"><h2 id="names">{esc(_("Names in the six UN languages"))}</h2>
{table_html(names, _("Names in the six UN languages"))}</section>
</main>"""
    return Page(path, name, heading, body, files)
